"""The gap-analysis answers and the end-of-cycle checklist belong to the cycle they were given
in: the next cycle starts blank, and a past cycle's review is still read (and may still be
written) with `--start` and `--end`."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run_uplift

Q4 = ("--start", "2026-10-01", "--end", "2026-12-31")
Q1 = ("--start", "2027-01-01", "--end", "2027-03-31")


@pytest.fixture
def run(board_path, capsys, monkeypatch):
    runner = run_uplift(board_path, capsys, monkeypatch)
    assert runner("plan", "new", "--from", "sample-quarter")[0] == 0  # its cycle: Q4 2026
    return runner


def _answers(out: str) -> list[str]:
    return [a["answer"] for a in json.loads(out)["answers"]]


def _ticked(out: str) -> list[bool]:
    return [item["done"] for item in json.loads(out)["checklist"]]


def test_the_next_cycle_starts_blank_and_the_last_one_is_still_read(run, tmp_path) -> None:
    assert run("review", "answer", "3", "A competitor cut prices by 10%")[0] == 0
    assert run("review", "tick", "1")[0] == 0
    assert run("review", "tick", "4")[0] == 0
    assert run("plan", "info", "--name", "North team, Q1 2027", *Q1)[0] == 0

    now = run("review", "--json")[1]
    assert _answers(now) == ["", "", "", "", ""] and not any(_ticked(now))
    assert "3. Did the market change (customers, competitors, prices)?\n   (not answered:" in run("review")[1]
    assert run("review", "tick")[1].splitlines()[0] == "[ ] 1. Put target and actual side by side for every goal"

    code, past, _ = run("review", "--json", *Q4)
    assert code == 0 and json.loads(past)["period"] == {"start": "2026-10-01", "end": "2026-12-31"}
    assert _answers(past) == ["", "", "A competitor cut prices by 10%", "", ""]
    assert _ticked(past) == [True, False, False, True, False, False, False, False, False]
    # the past cycle's numbers are its own: the sample's won value (152,400) and leaderboard
    assert json.loads(past)["process"]["won_value"] == 152400
    assert json.loads(now)["process"]["won_value"] == 0
    text = run("review", *Q4)[1]
    assert text.startswith("cycle  2026-10-01 to 2026-12-31\n")
    assert "A competitor cut prices by 10%" in text
    target = tmp_path / "q4.md"
    assert run("review", "export", "-o", str(target), *Q4)[0] == 0
    report = target.read_text()
    # titled with the plan's name in that cycle, not the next one's
    assert report.startswith("# Review: North team, Q4 2026\n\nPeriod: 2026-10-01 to 2026-12-31\n")
    assert run("review", "export")[1].startswith("# Review: North team, Q1 2027\n\nPeriod: 2027-01-01 to") and "   A competitor cut prices by 10%\n" in report
    assert "- [x] Put target and actual side by side for every goal\n- [ ] Review the process" in report
    assert "| 1 | bea | 106% | 53,000 |" in report

    # answering and ticking in the new cycle leaves the last one's as they were
    assert run("review", "answer", "3", "Prices held")[0] == 0
    assert run("review", "tick", "2")[0] == 0
    assert _answers(run("review", "--json")[1])[2] == "Prices held"
    assert _ticked(run("review", "--json")[1])[:2] == [False, True]
    past = run("review", "--json", *Q4)[1]
    assert _answers(past)[2] == "A competitor cut prices by 10%" and _ticked(past)[:2] == [True, False]


def test_a_review_written_after_the_plan_moved_on_is_the_past_cycles(run) -> None:
    assert run("plan", "info", *Q1)[0] == 0
    code, out, _ = run("review", "answer", "4", "Yes: 15% was too much", *Q4)  # the flags after the verb
    assert (code, out.strip()) == (0, "R-1")
    assert run("review", *Q4, "tick", "9")[1] == "ticked 9\n"  # ... or before it
    assert _answers(run("review", "--json", *Q4)[1])[3] == "Yes: 15% was too much"
    assert _ticked(run("review", "--json", *Q4)[1])[8] is True
    now = run("review", "--json")[1]
    assert _answers(now)[3] == "" and not any(_ticked(now))


def test_a_past_cycles_goals_read_as_they_stood_at_its_end(run) -> None:
    """A check-in made after a cycle's last day is not that cycle's actual."""
    from datetime import date, timedelta

    ended = date.today() - timedelta(days=2)  # a cycle that ended before yesterday's check-in
    assert run("goal", "checkin", "G-1", "1500000", "--date", "yesterday")[0] == 0
    past = ("--start", "2026-10-01", "--end", ended.isoformat())
    goals = {g["goal"]: g for g in json.loads(run("review", "--json", *past)[1])["goals"]}
    assert goals["G-1"]["actual"] == 1262000 and goals["G-1"]["source"].startswith("check-in C-5 (2026-")
    goals = {g["goal"]: g for g in json.loads(run("review", "--json")[1])["goals"]}
    assert goals["G-1"]["actual"] == 1500000


def test_answers_and_ticks_kept_before_they_were_kept_per_cycle(run, board_path) -> None:
    """A board from before answers and ticks carried their cycle: each is the cycle's whose days
    it was given in (the cycle now from its first day; an earlier one until the cycle now began)."""
    assert run("review", "answer", "1", "Mostly")[0] == 0
    assert run("review", "tick", "1")[0] == 0
    plan = json.loads((board_path / "plan.json").read_text())
    for doc in plan["review_answers"].values():
        del doc["start"], doc["end"]
        doc["at"] = "2027-01-02T09:00:00+00:00"  # written after Q4's last day, before Q1 was set
    state = plan["review_checklist"].popitem()[1]
    state["name"], state["ticks"][0]["at"] = "review", "2027-01-02T09:00:00+00:00"
    plan["review_checklist"] = {"1": state}
    (board_path / "plan.json").write_text(json.dumps(plan))
    assert _answers(run("review", "--json")[1])[0] == "Mostly"  # still in the cycle it was given in
    assert run("plan", "info", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    now = run("review", "--json")[1]
    assert _answers(now)[0] == "" and not any(_ticked(now))
    past = run("review", "--json", *Q4)[1]
    assert _answers(past)[0] == "Mostly" and _ticked(past)[0] is True
    # ticking the past cycle now keeps what it had
    assert run("review", "tick", "2", *Q4)[0] == 0
    assert _ticked(run("review", "--json", *Q4)[1])[:3] == [True, True, False]


@pytest.mark.parametrize("args", [("review", "--start", "2026-10-01"),
                                  ("review", "export", "--end", "2026-12-31"),
                                  ("review", "answer", "1", "x", "--start", "2026-10-01"),
                                  ("review", "tick", "1", "--end", "2026-12-31")])
def test_a_cycle_needs_both_its_days(run, args) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err == "uplift: a cycle has a first and a last day: give --start and --end\n"
    assert _answers(run("review", "--json")[1])[0] == "" and not any(_ticked(run("review", "--json")[1]))


def test_a_cycle_that_ends_before_it_starts_is_bad_input(run) -> None:
    code, out, err = run("review", "--start", "2026-12-31", "--end", "2026-10-01")
    assert (code, out) == (2, "")
    assert err == "uplift: end: the period ends (2026-10-01) before it starts (2026-12-31)\n"


def test_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("review", *Q4)[1].startswith("周期   2026-10-01 至 2026-12-31\n")
    code, _, err = run("review", "--start", "2026-10-01")
    assert code == 2 and err == "uplift: 周期有第一天和最后一天：请同时给出 --start 和 --end\n"


def test_a_plan_file_carries_each_answers_cycle(run, tmp_path, capsys, monkeypatch) -> None:
    assert run("review", "answer", "3", "Prices fell")[0] == 0
    assert run("plan", "info", *Q1)[0] == 0
    assert run("review", "answer", "3", "Prices held")[0] == 0
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0
    other = run_uplift(tmp_path / "other", capsys, monkeypatch)
    code, _, err = other("plan", "import", str(plan))
    assert code == 0, err
    assert _answers(other("review", "--json")[1])[2] == "Prices held"
    assert _answers(other("review", "--json", *Q4)[1])[2] == "Prices fell"
