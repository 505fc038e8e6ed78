"""`uplift goal`, `uplift strategy` and `uplift budget` as scripts use them: --json, exit codes."""

from __future__ import annotations

import json

import pytest


def test_goal_add_list_show_and_checkin(run) -> None:
    code, out, _ = run("goal", "add", "Grow revenue", "--owner", "ali", "--metric", "revenue",
                       "--region", "North", "--baseline", "1.2M", "--target", "+15%", "--unit", "$",
                       "--start", "2026-10-01", "--deadline", "2026-12-31",
                       "--subtarget", "new customers >= 30% of the growth",
                       "--description", "Q3 closed at $1.20M.\nMost of the gap is mid-market.")
    assert (code, out) == (0, "G-1\n")
    assert run("strategy", "add", "Mid-market", "--dimension", "market", "--goal", "G-1")[:2] == (0, "S-1\n")
    code, out, _ = run("goal", "list", "--json")
    [goal] = json.loads(out)
    assert (goal["baseline"], goal["target"], goal["target_kind"]) == (1_200_000, 15, "percent")
    assert {k: v["passed"] for k, v in goal["smart"].items()} == \
        {"S": True, "M": True, "A": False, "R": True, "T": True}
    assert goal["smart"]["A"]["reason"] == "no history to judge by"
    code, out, _ = run("goal", "checkin", "G-1", "1,290,000", "--confidence", "at_risk",
                       "--comment", "slow", "--json", user="ali")
    shown = json.loads(out)
    assert shown["checkin"]["by"] == "ali" and shown["checkin"]["id"] == "C-1"
    assert shown["goal"]["progress"] == pytest.approx(0.5)  # 90,000 of 180,000
    code, out, _ = run("goal", "show", "G-1")
    assert "A FAIL  no history to judge by" in out and "1,290,000" in out
    assert "  strategies\n    S-1  Mid-market\n" in out
    assert "  about     Q3 closed at $1.20M.\n            Most of the gap is mid-market.\n" in out
    code, out, _ = run("goal", "list")
    assert out.splitlines()[1].split()[:6] == ["G-1", "S", "M", "·", "R", "T"]
    code, out, _ = run("goal", "checkin", "G-1", "1.305.000,5", user="ali")  # a decimal comma
    assert code == 0 and out.startswith("C-2: G-1 at $1,305,000.5;")  # said as it was read, not as typed


def test_goal_changes_by_a_rep_are_refused(run) -> None:
    code, _, err = run("goal", "add", "Mine", user="ali")
    assert code == 1 and "only a lead" in err


def test_bad_goal_input_exits_2_naming_the_field(run) -> None:
    code, _, err = run("goal", "add", "X", "--target", "lots")
    assert code == 2 and err.startswith("uplift: target:")
    code, _, err = run("goal", "checkin", "G-9", "3")
    assert code == 1 and "no goal G-9" in err


def test_strategy_list_flags_gaps(run) -> None:
    run("goal", "add", "Lonely goal")
    run("strategy", "add", "Idle strategy", "--dimension", "pricing")
    code, out, _ = run("strategy", "list")
    assert "! G-1 “Lonely goal” has no strategy" in out
    assert "! S-1 “Idle strategy” has no tasks" in out
    code, out, _ = run("strategy", "list", "--json")
    assert json.loads(out)[0]["dimension"] == "pricing" and json.loads(out)[0]["tasks"] == 0


def test_budget_request_approve_reject_spend(run) -> None:
    run("strategy", "add", "Fairs")
    assert run("budget", "request", "Booth", "8000", "--strategy", "S-1", "--category", "marketing",
               user="ali")[:2] == (0, "B-1\n")
    assert run("budget", "request", "Travel", "500", "--task", "T-2", user="bea")[:2] == (0, "B-2\n")
    code, _, err = run("budget", "approve", "B-1", "--reason", "go", user="ali")
    assert (code, err) == (1, "uplift: only a lead may approve budget lines (you are a rep)\n")  # not "do budget.approve"
    code, _, err = run("budget", "reject", "B-1", "--reason", "no", user="ali")
    assert (code, err) == (1, "uplift: only a lead may reject budget lines (you are a rep)\n")
    code, _, err = run("budget", "reject", "B-2")
    assert code == 2  # --reason is required
    assert run("budget", "approve", "B-1", "--reason", "one booth", "--amount", "6000")[:2] == \
        (0, "B-1 approved for 6,000\n")
    assert run("budget", "reject", "B-2", "--reason", "video calls")[:2] == (0, "B-2 rejected\n")
    # deciding again is refused (exit 1), not a wrong reason (it said `reason: ...`, exit 2)
    assert run("budget", "approve", "B-2", "--reason", "after all") == (
        1, "", "uplift: B-2 was already rejected by dana; a line is approved or rejected once\n")
    assert run("budget", "total", "6500")[:2] == (0, "plan budget 6,500\n")
    code, out, err = run("budget", "spend", "B-1", "6200", "--note", "deposit", user="ali")
    assert (code, out) == (0, "E-1\n") and "200 over" in err
    code, _, err = run("budget", "spend", "B-1", "5", user="bea")
    assert code == 1 and "only on budget lines they asked for" in err
    code, out, _ = run("budget", "list", "--json")
    listing = json.loads(out)
    assert [(line["id"], line["status"], line["spent"]) for line in listing["lines"]] == \
        [("B-1", "approved", 6200), ("B-2", "rejected", 0)]
    assert {key: listing["totals"][key] for key in ("budget", "requested", "approved", "spent", "left")} == \
        {"budget": 6500, "requested": 0, "approved": 6000, "spent": 6200, "left": 500}
    assert listing["flags"] == ["B-1 “Booth”: 6,200 spent of 6,000 approved (200 over)"]
    code, out, _ = run("log", "--json")
    actions = [r["action"] for r in json.loads(out)]
    for action in ("budget.request", "budget.approve", "budget.reject", "budget.spend", "board.budget",
                   "strategy.add"):
        assert action in actions
    run("budget", "request", "Second booth", "3000", "--strategy", "S-1", user="ali")
    code, out, err = run("budget", "approve", "B-3", "--reason", "the fair asked")  # 9,000 of 6,500
    assert (code, out) == (0, "B-3 approved for 3,000\n")
    assert err == "warning: approved 9,000 of the plan's 6,500 budget (2,500 over)\n"


def test_a_negative_request_is_said_as_the_amount_typed(run) -> None:
    run("strategy", "add", "Fairs")
    # the command's argument is the amount (`budget request TITLE AMOUNT`); it said "requested: ..."
    assert run("budget", "request", "Booth", "-5", "--strategy", "S-1") == (
        2, "", "uplift: amount: must be at least 0\n")


def test_training_items(run) -> None:
    assert run("training", "add", "Pricing rules", "--audience", "all reps", "--on", "2026-12-01")[:2] == \
        (0, "L-1\n")
    assert run("training", "done", "L-1")[:2] == (0, "L-1 done\n")
    code, out, _ = run("training", "list", "--json")
    assert json.loads(out)[0]["done"] is True


def test_an_empty_baseline_or_target_clears_it_as_goal_edit_says(run) -> None:
    """`goal edit --help`: "an empty value clears one"; --target "" said "'' is not a number"."""
    run("goal", "add", "Grow revenue", "--metric", "revenue", "--baseline", "1.2M", "--target", "+15%")
    assert run("goal", "edit", "G-1", "--target", "")[:2] == (0, "G-1\n")
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["baseline"], goal["target"], goal["target_kind"]) == (1_200_000, None, "absolute")
    assert run("goal", "edit", "G-1", "--baseline", " ")[:2] == (0, "G-1\n")
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["baseline"], goal["baseline_source"], goal["smart"]["M"]["passed"]) == (None, "", False)


def test_editing_and_deleting_goals_strategies_budget_lines_and_training(run) -> None:
    run("goal", "add", "Grow revenue")  # G-1
    run("goal", "add", "Win new logos")  # G-2
    run("strategy", "add", "Mid-market", "--goal", "G-1")  # S-1
    run("strategy", "add", "Referrals", "--goal", "G-2")  # S-2
    run("task", "edit", "T-1", "--goal", "G-1", "--strategy", "S-1")
    run("goal", "checkin", "G-1", "5")
    run("budget", "request", "Trade fair", "5000", "--strategy", "S-1")  # B-1
    run("training", "add", "Pitching", "--strategy", "S-1")  # L-1

    # a strategy edited: its goals replaced, its title changed
    edited = run("strategy", "edit", "S-1", "--title", "Mid-market push", "--goal", "G-1", "--goal", "G-2")
    assert edited[:2] == (0, "S-1\n")
    [s1] = [s for s in json.loads(run("strategy", "list", "--json")[1]) if s["id"] == "S-1"]
    assert (s1["title"], s1["goals"]) == ("Mid-market push", ["G-1", "G-2"])
    assert run("strategy", "edit", "S-1")[0] == 2  # nothing to change

    # money keeps what it is for: the strategy stays until the line points elsewhere
    code, _, err = run("strategy", "delete", "S-1")
    assert code == 1 and "S-1 cannot be deleted while B-1 needs it" in err and "uplift budget edit B-1" in err
    assert run("budget", "edit", "B-1", "--strategy", "S-2", user="ali")[0] == 1  # a lead's
    assert run("budget", "edit", "B-1", "--strategy", "S-2")[:2] == (0, "B-1\n")
    assert run("strategy", "delete", "S-1")[:2] == (0, "deleted S-1; T-1, L-1 stay, unlinked\n")

    code, out, _ = run("goal", "delete", "G-1")
    assert (code, out) == (0, "deleted G-1; its 1 check-in with it; T-1 stays, unlinked\n")
    assert [g["id"] for g in json.loads(run("goal", "list", "--json")[1])] == ["G-2"]
    assert run("goal", "delete", "G-2", user="ali")[0] == 1

    assert run("training", "delete", "L-1")[:2] == (0, "deleted L-1\n")
    assert "No training items yet" in run("training", "list")[1]


def test_a_refused_delete_writes_nothing(run, team) -> None:
    from tests.conftest import snapshot_files

    run("strategy", "add", "Mid-market")
    run("budget", "request", "Trade fair", "5000", "--strategy", "S-1")
    before = snapshot_files(team)
    assert run("strategy", "delete", "S-1")[0] == 1
    assert run("goal", "delete", "G-7")[0] == 1
    assert snapshot_files(team) == before


def test_a_goal_that_contributes_to_another(run) -> None:
    assert run("goal", "add", "Grow Q4 revenue", "--owner", "dana")[:2] == (0, "G-1\n")
    assert run("goal", "add", "ali: 300k of it", "--owner", "ali", "--parent", "G-1")[:2] == (0, "G-2\n")
    code, out, _ = run("goal", "list")
    header, first, second = out.splitlines()[:3]
    assert header.split() == ["ID", "SMART", "AT", "EXPECTED", "SOURCE", "OWNER", "FOR", "TITLE"]
    assert second.split()[-6:] == ["ali", "G-1", "ali:", "300k", "of", "it"]
    assert "  contributing\n    G-2  ali  –  at –  ali: 300k of it" in run("goal", "show", "G-1")[1]
    assert "  for       G-1 (it contributes to that goal)" in run("goal", "show", "G-2")[1]
    code, _, err = run("goal", "edit", "G-1", "--parent", "G-2")
    assert code == 2 and "G-1 would contribute to itself (G-1 → G-2 → G-1)" in err
    assert run("goal", "edit", "G-2", "--parent", "")[0] == 0
    assert json.loads(run("goal", "show", "G-2", "--json")[1])["goal"]["parent"] is None


def test_a_decrease_goal_that_has_not_moved_is_at_0_percent_not_minus_0(run) -> None:
    """(50 - 50) / (40 - 50) is -0.0: the goals table and `goal show` said "-0%". (Its deadline is
    in 2030, later than today: past it `goal show` says the goal ended instead.)"""
    run("goal", "add", "Shorter cycle", "--owner", "dana", "--metric", "sales cycle", "--baseline", "50",
        "--target", "40", "--direction", "decrease", "--start", "2026-10-01", "--deadline", "2030-12-31")
    out = run("goal", "show", "G-1")[1]
    assert "now       50 (its baseline, no check-in yet); 0% of the way from baseline to target" in out and "-0%" not in out
    assert "-0%" not in run("goal", "list")[1]
    run("goal", "checkin", "G-1", "52")  # going the wrong way is below 0 all the same
    assert "now       52; -20% of the way" in run("goal", "show", "G-1")[1]


def test_a_rate_baseline_taken_from_a_snapshot_is_in_percent_and_says_so(run, tmp_path) -> None:
    """The baseline came in percent (50 for 50%) but the goal had no unit: "baseline 50"; and a
    snapshot whose only month is partial was said to be no snapshot at all."""
    sales = tmp_path / "sales.csv"
    # January, whole: A buys twice, B once: a repurchase rate of 1 / 2 = 50%
    sales.write_text("date,order,customer,amount\n2026-01-01,O1,A,10\n2026-01-20,O2,A,10\n2026-01-31,O3,B,10\n",
                     encoding="utf-8")
    assert run("diagnose", sales)[0] == 0
    run("goal", "add", "Bring them back", "--metric", "repurchase rate", "--baseline", "snapshot", "--target", "60")
    [goal] = json.loads(run("goal", "list", "--json")[1])
    assert (goal["baseline"], goal["unit"]) == (50, "%")
    assert "baseline  50%  [snapshot X-1, 2026-01]" in run("goal", "show", "G-1")[1]
    run("goal", "add", "Revenue", "--metric", "revenue", "--baseline", "snapshot")  # an amount stays as it is
    assert json.loads(run("goal", "show", "G-2", "--json")[1])["goal"]["unit"] == ""
    sales.write_text("date,order,customer,amount\n2026-02-05,O4,A,10\n2026-02-20,O5,B,10\n", encoding="utf-8")
    assert run("diagnose", sales)[0] == 0  # only part of February: no whole period, and other data than January's
    code, _, err = run("goal", "add", "Again", "--metric", "revenue", "--baseline", "snapshot", "--region", "North")
    assert code == 2 and "no diagnosis snapshot has a whole period of revenue (region North)" in err
