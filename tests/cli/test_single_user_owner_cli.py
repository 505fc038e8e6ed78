"""A single-user board (`uplift init` alone: no members yet, a freelancer's) gives a task or a
deal added without --owner to the person adding it, as a team's board does: it had no owner, so
`--mine` and `today` left out everything its one person added."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run_uplift


@pytest.fixture
def solo(board_path, capsys, monkeypatch):
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("init", user="fay")[0] == 0
    return run


def owner_of(run, kind: str, item_id: str) -> str | None:
    code, out, _ = run(kind, "show", item_id, "--json", user="fay")
    assert code == 0
    return json.loads(out)[kind].get("owner")


@pytest.mark.parametrize("kind", ["task", "deal"])
def test_without_owner_it_is_the_one_persons(solo, kind) -> None:
    code, out, err = solo(kind, "add", "Mine", user="fay")
    assert (code, err) == (0, "")
    assert owner_of(solo, kind, out.strip()) == "fay"


def test_mine_finds_it(solo) -> None:
    solo("task", "add", "Quote Acme", user="fay")
    code, out, _ = solo("task", "list", "--mine", "--json", user="fay")
    assert code == 0 and [t["title"] for t in json.loads(out)] == ["Quote Acme"]


def test_an_empty_owner_is_still_nobody(solo) -> None:
    code, out, _ = solo("task", "add", "Unclaimed", "--owner", "", user="fay")
    assert code == 0 and owner_of(solo, "task", out.strip()) is None


def test_with_its_one_member_it_is_that_members(solo) -> None:
    assert solo("member", "add", "fay", "--role", "lead", user="fay")[0] == 0
    code, out, _ = solo("task", "add", "Mine", user="fay")
    assert code == 0 and owner_of(solo, "task", out.strip()) == "fay"


def test_a_team_board_is_as_it_was(run) -> None:
    """The adder's (dana, a lead), not another member's."""
    code, out, _ = run("task", "add", "Mine", user="dana")
    assert code == 0
    code, shown, _ = run("task", "show", out.strip(), "--json")
    assert json.loads(shown)["task"]["owner"] == "dana"
