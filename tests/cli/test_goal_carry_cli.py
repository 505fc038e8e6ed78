"""From one cycle to the next, goal by goal (as Lattice and Tability ask at a cycle's end): a goal
of the last cycle is carried on into the plan's new cycle (`uplift goal carry`), starting from where
it ended, or left closed; either way it stays the record of its own cycle, whose review reads it,
and the new cycle's review, goal list, pace alerts and the cycle at a glance count the new cycle's
goals only."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.cli.conftest import run_uplift
from sales.plan import __file__ as _plan_py  # (only to find the shipped templates)

Q4 = ("--start", "2026-10-01", "--end", "2026-12-31")
Q1 = ("--start", "2027-01-04", "--end", "2027-03-31")
Q2 = ("--start", "2027-04-01", "--end", "2027-06-30")


@pytest.fixture
def run(board_path, capsys, monkeypatch):
    runner = run_uplift(board_path, capsys, monkeypatch)
    assert runner("plan", "new", "--from", "sample-quarter")[0] == 0  # its cycle: Q4 2026
    return runner


def _sample() -> dict:
    from pathlib import Path

    return yaml.safe_load((Path(_plan_py).parent.parent / "plans" / "sample-quarter.yaml").read_text())


def _last_checkin(goal: str) -> float:
    """Where the sample's goal ended: its latest check-in, read from the template itself."""
    mine = [c for c in _sample()["checkins"] if c["goal"] == goal]
    return max(mine, key=lambda c: c["at"])["value"]


def _goal(run, goal: str) -> dict:
    return json.loads(run("goal", "show", goal, "--json")[1])["goal"]


def _review_goals(run, *cycle: str) -> list[str]:
    return [g["goal"] for g in json.loads(run("review", "--json", *cycle)[1])["goals"]]


def test_a_goal_is_carried_on_from_where_it_ended_and_the_old_one_stays_its_cycles(run) -> None:
    assert run("plan", "info", "--name", "North team, Q1 2027", *Q1)[0] == 0
    code, out, err = run("goal", "carry", "G-1", "--target", "1.5M", "--title", "Grow Q1 revenue to $1.5M")
    ended = _last_checkin("G-1")
    assert (code, err) == (0, "")
    assert out == (f"G-4: G-1 carried on, 2027-01-04 to 2027-03-31, from ${ended:,.0f} (G-1 at its end), "
                   "increase to $1,500,000\n")
    assert "\n  carries G-1 on from the last cycle\n" in run("goal", "show", "G-4")[1]
    new = _goal(run, "G-4")
    assert (new["title"], new["baseline"], new["target"], new["start"], new["deadline"], new["carried_from"]) == \
        ("Grow Q1 revenue to $1.5M", ended, 1500000, "2027-01-04", "2027-03-31", "G-1")
    # the same what: owner, metric, scope, unit
    old = _goal(run, "G-1")
    assert [new[k] for k in ("owner", "metric", "scope", "unit")] == [old[k] for k in ("owner", "metric", "scope", "unit")]
    # the strategies that served G-1 serve G-4 too
    served = {s["id"] for s in json.loads(run("strategy", "list", "--json")[1]) if "G-4" in s["goals"]}
    assert served == {s["id"] for s in _sample()["strategies"] if "G-1" in s["goals"]}
    # G-1 is as it was: the last cycle's review still reads it with its own numbers
    sample_g1 = next(g for g in _sample()["goals"] if g["id"] == "G-1")
    assert (old["baseline"], old["deadline"]) == (sample_g1["baseline"], "2026-12-31")
    q4 = {g["goal"]: g for g in json.loads(run("review", "--json", *Q4)[1])["goals"]}
    assert (q4["G-1"]["baseline"], q4["G-1"]["actual"]) == (sample_g1["baseline"], ended)
    assert "G-4" not in q4


def test_without_a_target_the_old_one_is_kept_and_a_change_is_a_change_from_where_it_ended(run) -> None:
    assert run("plan", "info", *Q1)[0] == 0
    assert run("goal", "carry", "G-1")[0] == 0  # the sample's G-1: +15%
    new, ended = _goal(run, "G-4"), _last_checkin("G-1")
    assert (new["target"], new["target_kind"], new["baseline"]) == (15, "percent", ended)
    assert run("goal", "carry", "G-2")[0] == 0  # G-2: from 31 to an absolute 40
    g2 = next(g for g in _sample()["goals"] if g["id"] == "G-2")
    assert (_goal(run, "G-5")["baseline"], _goal(run, "G-5")["target"]) == (_last_checkin("G-2"), g2["target"])


def test_the_new_cycle_counts_its_own_goals_and_names_those_not_carried_on(run) -> None:
    code, out, _ = run("plan", "info", *Q1)
    assert code == 0 and out.splitlines()[-1] == (
        "G-1, G-2 ended with the last cycle: `uplift goal carry ID --target N` carries one on, "
        "`uplift goal close ID` closes one with how it ended")
    assert len(run("plan", "info")[1].splitlines()) == 3  # (said as the cycle changes, not each time asked)
    # the sample's G-3 runs to 2027-01-31: it is one of Q1's too; G-1 and G-2 ended with Q4
    assert _review_goals(run) == ["G-3"]
    assert _review_goals(run, *Q4) == ["G-1", "G-2", "G-3"]
    out = run("goal", "list")[1]
    assert [line.split()[0] for line in out.splitlines()[1:-1] if line.startswith("G-")] == ["G-3"]
    assert out.splitlines()[-1] == "2 goals of other cycles not shown (G-1, G-2; --all shows them)"
    assert [g["id"] for g in json.loads(run("goal", "list", "--json")[1])] == ["G-3"]
    assert len(json.loads(run("goal", "list", "--all", "--json")[1])) == 3
    pace_alerts = [a for a in json.loads(run("alerts", "--json")[1]) if a.get("kind") == "pace"]
    assert not [a for a in pace_alerts if a.get("item") in ("G-1", "G-2")]

    said = ("  the last cycle's goals not carried on: {} (carry one on: 2, then o; or `uplift goal carry ID --target N`; "
            "or close it with how it ended: `uplift goal close ID`)")
    assert said.format("G-1, G-2") in run("cycle")[1].splitlines()
    assert run("goal", "carry", "G-2", "--target", "42")[0] == 0
    lines = run("cycle")[1].splitlines()
    assert said.format("G-1") in lines
    assert any(line.startswith("  2 goals: ") for line in lines)  # G-3 and G-2's copy, G-4
    assert json.loads(run("cycle", "--json")[1])["goals"]["not_carried"] == ["G-1"]
    assert _review_goals(run) == ["G-3", "G-4"]


def test_a_rep_goal_carried_on_serves_its_parents_copy_in_either_order(run) -> None:
    assert run("plan", "info", *Q2)[0] == 0  # all three of the sample's goals have ended
    assert run("goal", "carry", "G-3", "--target", "20")[0] == 0  # G-4, for G-1 while G-1 is not carried
    assert _goal(run, "G-4")["parent"] == "G-1"
    assert run("goal", "carry", "G-1", "--target", "1.5M")[0] == 0  # G-5: G-4 now serves it
    assert _goal(run, "G-4")["parent"] == "G-5"
    assert _goal(run, "G-3")["parent"] == "G-1"  # the last cycle's stays as it was


def test_what_cannot_be_carried_on_is_refused_and_nothing_is_written(run) -> None:
    assert run("goal", "carry", "G-1")[:2] == (1, "")  # the plan is still in G-1's cycle
    assert "G-1 is one of this cycle's goals already" in run("goal", "carry", "G-1")[2]
    assert run("plan", "info", "--start", "none", "--end", "none")[0] == 0
    code, _, err = run("goal", "carry", "G-1")
    assert code == 1 and "the plan has no cycle dates to carry G-1 into" in err
    assert run("plan", "info", *Q1)[0] == 0
    assert run("goal", "checkin", "G-2", "41", "--date", "2026-11-30")[0] == 0  # G-2 reached its 40
    before = run("plan", "export")[1]
    code, _, err = run("goal", "carry", "G-1", user="ali")
    assert code == 1 and err == "uplift: only a lead may add goals (you are a rep)\n"
    code, _, err = run("goal", "carry", "G-2")
    assert code == 2 and err == ("uplift: target: G-2 ended at 41, past its target 40: give the new cycle's "
                                 "target\n")
    assert run("plan", "export")[1] == before
    assert run("goal", "carry", "G-1")[0] == 0
    code, _, err = run("goal", "carry", "G-1")
    assert code == 1 and "G-1 was carried on into this cycle already, as G-4" in err
    assert [g["id"] for g in json.loads(run("goal", "list", "--all", "--json")[1])] == ["G-1", "G-2", "G-3", "G-4"]


def test_a_carried_goal_round_trips_through_a_plan_file(run, tmp_path, capsys, monkeypatch) -> None:
    assert run("plan", "info", *Q1)[0] == 0
    assert run("goal", "carry", "G-1", "--target", "1.5M")[0] == 0
    first = tmp_path / "q1.yaml"
    assert run("plan", "export", "-o", str(first))[0] == 0
    assert "  carried_from: G-1\n" in first.read_text()
    fresh = run_uplift(tmp_path / "fresh", capsys, monkeypatch)
    assert fresh("plan", "import", str(first))[0] == 0
    again = tmp_path / "again.yaml"
    assert fresh("plan", "export", "-o", str(again))[0] == 0
    assert again.read_bytes() == first.read_bytes()
    wrong = tmp_path / "wrong.yaml"
    text = first.read_text()
    wrong.write_text(text.replace("carried_from: G-1", "carried_from: G-9"))
    line = text.splitlines().index("  carried_from: G-1") + 1
    code, _, err = run_uplift(tmp_path / "other", capsys, monkeypatch)("plan", "import", str(wrong))
    assert code == 2 and f"wrong.yaml:{line}: goals[3].carried_from: G-9 is not a goal in this file or on the board" in err


def test_a_goal_carried_on_before_its_cycle_begins_asks_for_no_check_in_yet(run) -> None:
    """Carried on in December for a quarter still to come, it is not "waiting for a check-in"."""
    assert run("plan", "info", "--start", "2099-01-01", "--end", "2099-03-31")[0] == 0
    assert run("goal", "carry", "G-1", "--target", "1.5M")[0] == 0
    assert run("goal", "carry", "G-3", "--target", "20")[0] == 0
    assert json.loads(run("cycle", "--json")[1])["goals"]["waiting_checkin"] == []
    assert "G-4" not in run("today")[1] and "G-5" not in run("today")[1]


def test_a_cycle_with_no_goals_of_its_own_says_so_and_how_to_carry_one_on(run) -> None:
    assert run("plan", "info", *Q2)[0] == 0
    out = run("review")[1]
    assert out.splitlines()[2] == ("No goals in this cycle (`uplift goal carry ID --target N` carries one of the "
                                   "last cycle's on).")


def test_several_goals_carried_at_once_all_or_none_a_parent_before_its_contributors(run) -> None:
    assert run("plan", "info", *Q2)[0] == 0  # all three of the sample's goals have ended
    assert run("goal", "checkin", "G-2", "41", "--date", "2026-11-30")[0] == 0  # G-2 reached its 40
    before = run("plan", "export")[1]
    code, _, err = run("goal", "carry", "G-3", "G-1", "--target", "20")
    assert code == 2 and "give one goal with them" in err  # a target is one goal's
    code, out, err = run("goal", "carry", "G-3", "G-1", "G-2")
    assert (code, out) == (2, "") and "G-2 ended at 41, past its target 40" in err
    assert run("plan", "export")[1] == before  # none of the three
    code, out, _ = run("goal", "carry", "G-3", "G-1")  # G-3 contributes to G-1: G-1 is carried first
    assert code == 0 and [line.split(":")[0] for line in out.splitlines()] == ["G-5", "G-4"]
    assert (_goal(run, "G-4")["carried_from"], _goal(run, "G-5")["carried_from"]) == ("G-1", "G-3")
    assert _goal(run, "G-5")["parent"] == "G-4"
    served = {s["id"] for s in json.loads(run("strategy", "list", "--json")[1]) if "G-4" in s["goals"]}
    assert served == {s["id"] for s in _sample()["strategies"] if "G-1" in s["goals"]}


def test_a_goal_running_on_into_the_new_cycle_contributes_to_its_parents_copy(run) -> None:
    assert run("plan", "info", *Q1)[0] == 0  # the sample's G-3 runs to 2027-01-31, for G-1
    assert run("goal", "carry", "G-1", "--target", "1.5M")[0] == 0
    assert _goal(run, "G-3")["parent"] == "G-4"
    assert run("goal", "list")[1].splitlines()[1].split()[:2] == ["G-3", "S"]
    assert " G-4 " in run("goal", "list")[1].splitlines()[1]  # its For column


def test_a_rolled_up_goals_contributors_stay_its_own_for_its_cycles_review(run) -> None:
    assert run("goal", "edit", "G-3", "--parent", "")[0] == 0
    assert run("goal", "add", "ali's part", "--owner", "ali", "--parent", "G-1", "--metric", "revenue", "--unit", "$",
               "--baseline", "300k", "--target", "350k", "--start", "2026-10-01", "--deadline", "2027-01-31")[0] == 0
    assert run("goal", "edit", "G-1", "--rollup", "sum")[0] == 0
    q4 = [g for g in json.loads(run("review", "--json", *Q4)[1])["goals"] if g["goal"] == "G-1"][0]
    assert run("plan", "info", *Q1)[0] == 0
    assert run("goal", "carry", "G-1", "--target", "500k")[0] == 0
    assert _goal(run, "G-4")["parent"] == "G-1"  # (G-4 is ali's part; G-5 the copy)
    assert [g for g in json.loads(run("review", "--json", *Q4)[1])["goals"] if g["goal"] == "G-1"][0] == q4
