"""`uplift goal ... --rollup`: a team goal's progress from its reps' goals, on the command line."""

from __future__ import annotations

import json


def team_goal(run) -> None:
    """G-1 the team's revenue (0 → 1.2M); G-2 ali and G-3 bea contribute to it."""
    assert run("goal", "add", "Team revenue", "--metric", "revenue", "--unit", "$", "--baseline", "0",
               "--target", "1.2M")[:2] == (0, "G-1\n")
    for rep, value in (("ali", "300k"), ("bea", "540k")):
        run("goal", "add", f"{rep}'s part", "--owner", rep, "--parent", "G-1", "--metric", "revenue",
            "--unit", "$", "--baseline", "0")
    assert run("goal", "checkin", "G-2", "300k", user="ali")[0] == 0
    assert run("goal", "checkin", "G-3", "540k", user="bea")[0] == 0


def test_goal_show_says_where_a_summed_value_comes_from(run) -> None:
    team_goal(run)
    assert run("goal", "edit", "G-1", "--rollup", "sum")[:2] == (0, "G-1\n")
    code, out, _ = run("goal", "show", "G-1")
    assert code == 0
    assert "  now       $840,000 (sum of G-2 ali 300,000, G-3 bea 540,000); 70% of the way" in out  # 840k / 1.2M
    assert "    G-2  ali  $300,000  at –  ali's part" in out
    row = next(line for line in run("goal", "list")[1].splitlines() if line.startswith("G-1"))
    assert "70% Σ" in row
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["rollup"], goal["current"]) == ("sum", 840_000)
    assert goal["contributions"] == [{"goal": "G-2", "owner": "ali", "value": 300_000},
                                     {"goal": "G-3", "owner": "bea", "value": 540_000}]


def test_a_check_in_on_a_rolled_up_goal_is_refused_with_exit_1(run) -> None:
    team_goal(run)
    run("goal", "edit", "G-1", "--rollup", "sum")
    code, out, err = run("goal", "checkin", "G-1", "900k")
    assert (code, out) == (1, "")
    assert err.strip() == ("uplift: G-1 rolls up from its contributors (sum of G-2, G-3); "
                           "check in on those, or set rollup none")
    assert run("goal", "edit", "G-1", "--rollup", "none")[0] == 0
    assert run("goal", "checkin", "G-1", "900k")[0] == 0


def test_a_rolled_up_goal_with_no_contributor_says_how_to_give_it_one(run) -> None:
    assert run("goal", "add", "Team revenue", "--metric", "revenue", "--target", "1M", "--rollup", "sum")[0] == 0
    code, out, err = run("goal", "checkin", "G-1", "900k")
    assert (code, out) == (1, "")
    assert err == ("uplift: G-1 rolls up from its contributors, and no goal contributes to it yet: give one the "
                   "parent G-1 and check in on that, or set rollup none\n")  # (it said "sum of no goal yet")


def test_bad_rollup_and_unlike_contributors_exit_2_naming_the_field(run) -> None:
    team_goal(run)
    code, _, err = run("goal", "edit", "G-1", "--rollup", "median")
    assert code == 2 and "--rollup" in err
    run("goal", "add", "new customers", "--parent", "G-1", "--metric", "new_customers")  # G-4
    code, _, err = run("goal", "edit", "G-1", "--rollup", "sum")
    assert code == 2
    assert err.strip() == ("uplift: rollup: G-1 rolls up revenue ($) but G-4 measures new customers "
                           "(no unit); only the same metric in the same unit adds up")
    assert json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["rollup"] is None


def test_a_plan_file_round_trips_rollup(run, tmp_path) -> None:
    team_goal(run)
    run("goal", "add", "Win rate", "--metric", "win_rate", "--unit", "%", "--rollup", "average")  # G-4
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", plan)[0] == 0
    assert plan.read_text(encoding="utf-8").count("rollup: average") == 1
    assert "rollup:" not in plan.read_text(encoding="utf-8").split("Win rate")[0]  # none is left out
    code, out, _ = run("plan", "import", plan, "--dry-run")
    assert code == 0 and "Would change 0" in out


def test_a_closed_contributor_counts_at_the_value_it_was_closed_with(run) -> None:
    """ali's part closed with the figure finance gave (350k, not the 300k checked in): the team's
    sum, its show, its JSON and the review add 350k + 540k."""
    team_goal(run)
    run("goal", "edit", "G-1", "--rollup", "sum")
    assert run("goal", "close", "G-2", "--outcome", "achieved", "--value", "350k", user="ali")[0] == 0
    assert "  now       $890,000 (sum of G-2 ali 350,000, G-3 bea 540,000)" in run("goal", "show", "G-1")[1]
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert goal["current"] == 890_000
    assert goal["contributions"][0] == {"goal": "G-2", "owner": "ali", "value": 350_000}
    review = json.loads(run("review", "--json")[1])
    team = next(g for g in review["goals"] if g["goal"] == "G-1")
    assert team["actual"] == 890_000
