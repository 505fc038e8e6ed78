"""What the command line says when something is wrong: in plain words, naming the field or the
file, never the name of a model inside (`deal:`, `budgetline:`, `touch:`)."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files


def test_a_rule_across_fields_is_said_plainly_and_an_emptied_field_is_named(run) -> None:
    assert run("deal", "add", "Acme", "--owner", "ali")[0] == 0
    code, _, err = run("deal", "edit", "D-1", "--title", "")
    assert (code, err) == (2, "uplift: title: must not be empty\n")
    code, _, err = run("budget", "request", "Trade fair", "0")
    assert (code, err) == (2, "uplift: a budget line is for a strategy or a task: give one\n")
    code, _, err = run("log", "add", "call", "no deal")
    assert (code, err) == (2, "uplift: an activity is logged against a deal or an account\n")
    code, _, err = run("deal", "edit", "D-1", "--split", "bea=-5")
    assert code == 2 and "e.g. `bo 40` or `bo=40`" in err


def test_a_field_is_named_as_its_option_is_typed(run, team) -> None:
    """`deal edit --next` said `next_step: too long`, `task comment` `comment.text: ...`, `budget
    total -5` `plan.budget: ...`: the model's names, not what was typed."""  # (splits[1].share stays)
    assert run("deal", "add", "Acme", "--owner", "ali")[0] == 0
    long = "x" * 4001
    before = snapshot_files(team)
    for args, says in ((("deal", "edit", "D-1", "--next", long), "next: too long: at most 4000 characters"),
                       (("task", "edit", "T-1", "--expected", long), "expected: too long: at most 4000 characters"),
                       (("task", "comment", "T-1", long), "comment: too long: at most 4000 characters"),
                       (("note", "add", ""), "note: must not be empty"),
                       (("review", "answer", "1", long), "answer: too long: at most 4000 characters"),
                       (("budget", "total", "-5"), "amount: must be at least 0")):
        assert run(*args) == (2, "", f"uplift: {says}\n"), args
    assert snapshot_files(team) == before


def test_the_log_says_when_a_filter_matches_nothing_and_refuses_a_limit_below_one(run) -> None:
    assert run("log", "--actor", "bea")[1] == "Nothing in the log matches.\n"
    code, _, err = run("log", "--limit", "0")
    assert code == 2 and "--limit: 0 is not a number of records (1 or more)" in err


def test_a_deals_file_with_problems_is_named_and_counted_in_words(run, team, tmp_path) -> None:
    bad = tmp_path / "deals.csv"
    bad.write_text("title,stage\nA,Nowhere\n", encoding="utf-8")
    code, _, err = run("deal", "import", str(bad))
    assert code == 2 and err.startswith(f"uplift: {bad}: 1 problem, nothing imported:\n  row 2: stage"), err
    good = tmp_path / "good.csv"
    good.write_text("title,stage,owner\nA,Lead,ali\n", encoding="utf-8")
    code, out, _ = run("deal", "import", str(good))
    assert out.splitlines()[0] == "imported 1 deal (D-1): Lead 1" and "no account (" not in out  # not "(D-1 … D-1)"
    assert "1 deal has no account" in out


def test_ids_start_at_one_and_money_is_kept_to_the_cent(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- id: T-0\n  title: Zero\n", encoding="utf-8")
    before = snapshot_files(team)
    code, _, err = run("plan", "import", str(plan))
    assert code == 2 and "tasks[0].id: 'T-0' is not a task id (they are numbered from T-1)" in err
    assert snapshot_files(team) == before
    assert run("deal", "add", "Tiny", "--owner", "ali", "--value", "0.006")[0] == 0
    assert json.loads(run("deal", "show", "D-1", "--json")[1])["deal"]["value"] == 0.01


def test_a_weeks_review_is_not_ticked_before_the_week_begins(run, team) -> None:
    before = snapshot_files(team)
    code, _, err = run("weekly", "1", "--week", "2999-W01")
    assert code == 2 and "2999-W01 has not begun" in err
    assert snapshot_files(team) == before
