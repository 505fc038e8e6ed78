"""A hand-edited plan file's slips are each said, with what was most likely meant: a key typed
wrong (`owenr:`) names the key nearest it, a section named in the singular (`strategy:`) the
section, and every WIP limit out of range is said beside a column misnamed."""

from __future__ import annotations

from tests.conftest import snapshot_files

FIELDS = ("id, title, owner, status, priority, start, due, goal, strategy, deal, depends, tags, steps, "
          "expected_result, measure, comments, every, previous, source, done_at")
SECTIONS = ("schema, plan, members, former, wip, stages, diagnoses, mappings, notes, goals, strategies, tasks, checkins, budget_lines, "
            "spending, training, deals, checklists, incentives, review_answers, approvals, holds, ticks")


def test_a_typo_names_the_key_meant_and_nothing_is_written(team, run, tmp_path) -> None:
    plan = tmp_path / "typos.yaml"
    plan.write_text("strategy:\n- title: x\ntasks:\n- title: Call Acme\n  owenr: ali\n  colour: red\n"
                    "wip:\n  doing: 0\n  dong: 3\n  blocked: 1000\n")
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{plan}:1: strategy: unknown section; did you mean 'strategies'? (expected one of: {SECTIONS})",
        f"{plan}:5: tasks[0].owenr: unknown key; did you mean 'owner'? (expected one of: {FIELDS})",
        f"{plan}:6: tasks[0].colour: unknown key (expected one of: {FIELDS})",
        f"{plan}:8: wip.doing: a WIP limit is a whole number from 1 to 999",
        f"{plan}:9: wip.dong: 'dong' is not one of: todo, doing, blocked, done",
        f"{plan}:10: wip.blocked: a WIP limit is a whole number from 1 to 999",
        "uplift: 6 problems; nothing was written"]
    assert snapshot_files(team) == before


def test_the_hint_in_chinese(team, run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    plan = tmp_path / "typo.yaml"
    plan.write_text("tasks:\n- title: Call Acme\n  owenr: ali\n")
    code, _, err = run("plan", "import", str(plan))
    assert code == 2
    assert err.splitlines()[0] == f"{plan}:3: tasks[0].owenr: 未知的键；是不是指 'owner'？（应为以下之一：{FIELDS}）"
