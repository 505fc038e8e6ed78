"""`--owner ""` on `deal add` and `task add` makes an item nobody owns, as `task edit --owner ""`
unowns one; leaving `--owner` out gives it to the person adding it."""

from __future__ import annotations

import json

import pytest

from store.board import Board


def shown(run, kind: str, item_id: str) -> dict:
    code, out, _ = run(kind, "show", item_id, "--json")
    assert code == 0
    return json.loads(out)[kind]


@pytest.mark.parametrize("kind", ["deal", "task"])
def test_an_empty_owner_is_nobody(run, kind) -> None:
    code, out, err = run(kind, "add", "Unclaimed", "--owner", "")
    assert (code, err) == (0, "")
    assert shown(run, kind, out.strip()).get("owner") is None


@pytest.mark.parametrize("kind", ["deal", "task"])
def test_without_an_owner_it_is_the_adders(run, kind) -> None:
    code, out, _ = run(kind, "add", "Mine")
    assert code == 0
    assert shown(run, kind, out.strip())["owner"] == "dana"


def test_a_rep_may_not_add_a_deal_for_nobody(run) -> None:
    code, out, err = run("deal", "add", "Unclaimed", "--owner", "", user="ali")
    assert (code, out) == (1, "")
    assert err == "uplift: a rep may only add deals they own; this one would have no owner\n"


def test_the_store_tells_nobody_from_not_given(team) -> None:
    board = Board(team, actor="dana")
    assert board.add_deal("A", owner="").owner is None
    assert board.add_deal("B").owner == "dana"
    assert board.add_deal("C", owner=None).owner == "dana"
    assert board.add_task("D", owner="").owner is None
    assert board.add_task("E").owner == "dana"
