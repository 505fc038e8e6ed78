"""Lost reasons and `uplift winloss` from the command line, as a rep over SSH or a lead would.

The board (dana leads; ali and bea are reps): ali's D-1 10,000 won, D-2 4,000 lost for price;
bea's D-3 6,000 lost for "Price" and D-4 2,000 lost with no reason. Won 1 of 4 (25%), by value
10,000 of 22,000 (45.5%); price: D-3 and D-2, 10,000 of the 12,000 lost (83.3%), named as the
bigger deal (D-3) spells it, the two spellings being used once each.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files


@pytest.fixture
def closed(run):
    for title, owner, value in (("One", "ali", 10000), ("Two", "ali", 4000), ("Three", "bea", 6000),
                                ("Four", "bea", 2000)):
        assert run("deal", "add", title, "--owner", owner, "--value", value)[0] == 0
    assert run("deal", "move", "D-1", "won", user="ali")[:2] == (0, "D-1 → Won\n")
    assert run("deal", "move", "D-2", "lost", "--reason", "price", user="ali")[:2] == (0, "D-2 → Lost (price)\n")
    # (the board's spelling of it: one reason, one spelling)
    assert run("deal", "move", "D-3", "lost", "--reason", "Price", user="bea")[:2] == (0, "D-3 → Lost (price)\n")
    assert run("deal", "move", "D-4", "lost", user="bea")[0] == 0
    return run


def test_winloss_table(closed) -> None:
    code, out, err = closed("winloss")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Win/loss of every deal closed (no cycle dates set)"
    assert lines[1] == "Won 1 of 4 (25%) · 10,000 of 22,000 by value (45.5%)"
    assert lines[3] == "Lost most to price: 2 deals, 83.3% of the value lost"
    assert "ali    1     1       50%     10,000       4,000     71.4%" in out
    assert "price         2      10,000  83.3%  D-3, D-2" in out
    assert "PRODUCT" not in out  # no deal names its product
    assert "Lost with no reason given: D-4" in out


def test_winloss_json_and_a_reps_own(closed) -> None:
    code, out, _ = closed("winloss", "--mine", "--json", user="bea")
    data = json.loads(out)
    assert code == 0 and (data["total"]["won"], data["total"]["lost"]) == (0, 2)
    assert [r["name"] for r in data["reasons"]] == ["price"] and data["no_reason"] == ["D-4"]
    code, out, _ = closed("winloss", "--rep", "ali", "--since", "2000-01-01", "--json")
    assert json.loads(out)["total"]["won_value"] == 10000


def test_reasons_are_shown_edited_and_refused_where_they_do_not_belong(closed, team) -> None:
    code, out, _ = closed("deal", "show", "D-4")
    assert "  lost for  – (no reason given)" in out
    assert closed("deal", "edit", "D-4", "--lost-reason", "timing", user="bea")[0] == 0
    assert "  lost for  timing" in closed("deal", "show", "D-4")[1]
    before = snapshot_files(team)
    code, _, err = closed("deal", "edit", "D-1", "--lost-reason", "price")
    assert code == 2 and "only a lost deal has a lost reason (D-1 is in Won)" in err
    code, _, err = closed("deal", "move", "D-1", "Proposal", "--reason", "price")
    assert code == 2 and "--reason says why a deal was lost: give it with a move to Lost, not to Proposal" in err
    assert snapshot_files(team) == before


def test_bad_winloss_input_exits_2(closed) -> None:
    code, _, err = closed("winloss", "--since", "someday")
    assert code == 2 and "since" in err
    code, _, err = closed("winloss", "--mine", "--rep", "ali")
    assert code == 2 and "not both" in err
    code, _, err = closed("winloss", "--since", "2026-12-01", "--until", "2026-11-01")
    assert code == 2 and "before" in err
    code, out, _ = closed("winloss", "--since", "2999-01-01")
    assert code == 0 and "No deal was won or lost in this window." in out
    code, _, err = closed("winloss", "--rep", "ghost")
    assert code == 1 and "--rep ghost: not a member of this board and owns no deal" in err


def test_lost_deals_without_value_are_said_to_be_so(run) -> None:
    for title, value in (("One", 10000), ("Two", 0)):
        run("deal", "add", title, "--owner", "ali", "--value", value)
    run("deal", "move", "D-1", "won")
    run("deal", "move", "D-2", "lost")
    first = run("winloss")[1].splitlines()[1]
    assert first.startswith("Won 1 of 2 (50%) · 10,000 of 10,000 by value (100%)")
    assert first.endswith("the lost deals carry no value, so by value says little")


def test_a_split_won_deal_counts_each_reps_share_in_value_and_the_deal_to_its_owner(closed) -> None:
    # D-1 (ali, won 10,000) split bea=40: ali 6,000 and bea 4,000, as their payouts count it
    assert closed("deal", "edit", "D-1", "--split", "bea=40")[0] == 0
    code, out, _ = closed("winloss")
    assert code == 0
    assert "ali    1     1       50%      6,000       4,000       60%" in out  # 6,000 of 10,000 closed
    assert "bea    0     2        0%      4,000       8,000     33.3%" in out  # 4,000 of 12,000
    assert "all    1     3       25%     10,000      12,000     45.5%" in out  # the team: every deal once, whole
    code, out, _ = closed("winloss", "--mine", "--json", user="bea")
    total = json.loads(out)["total"]
    assert (total["won"], total["lost"], total["won_value"], total["lost_value"]) == (0, 2, 4000, 8000)
