"""A plan file's problem in a nested list (a task's steps and comments, a goal's sub-targets, a
deal's payments, an incentive plan's tiers) is said as `FILE:LINE: path.to.field: what`, at the
line of the field it is about: a rule a model keeps across its fields (a step of blank text, a due
day before the start) was said at the item (`tasks[0].steps[1]`, its first line), not at the field
a person has to change."""

from __future__ import annotations

import pytest

PLAN = """\
schema: 1
tasks:
- title: Renewal
  steps:
  - text: Call Acme
  - done: true
    text: '   '
  comments:
  - at: 2026-11-02T09:30:00Z
    by: ali
    text: '  '
- title: Quote
  start: 2026-11-10
  priority: high
  due: 2026-11-01
goals:
- title: Revenue
  metric: revenue
  subtargets:
  - unit: $
    value: 5
    text: '  '
deals:
- title: Acme
  account: Acme
  owner: ali
  stage: Lead
  value: 100
  payments:
  - on: 2026-11-02
    amount: 80
  - on: 2026-11-03
    amount: 80
"""


@pytest.fixture
def problems(run, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    code, out, err = run("plan", "import", str(plan), "--dry-run")
    assert (code, out) == (2, "")
    return [line.removeprefix(f"{plan}:") for line in err.splitlines()[:-1]]


def test_each_is_at_its_fields_line(problems) -> None:
    assert problems == [
        "7: tasks[0].steps[1].text: a step needs some text",
        "11: tasks[0].comments[0].text: a comment needs some text",
        "15: tasks[1].due: the due date 2026-11-01 is before the start date 2026-11-10",
        "22: goals[0].subtargets[0].text: a sub-target needs some text",
        "29: deals[0].payments: the payments add up to 160.00, more than the deal's value (100.00)",
    ]


def test_in_chinese_the_line_and_field_are_the_same(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN)
    err = run("plan", "import", str(plan), "--dry-run")[2]
    assert err.splitlines()[0] == f"{plan}:7: tasks[0].steps[1].text: 步骤需要内容"


def test_an_incentive_plans_tiers(run, tmp_path) -> None:
    """`incentive set` reads a plan of its own as a plan file's incentives (its lines kept)."""
    plan = tmp_path / "pay.yaml"
    plan.write_text("name: Q4 commission\ntiers:\n- from_pct: 0\n  to_pct: 100\n  rate: 5\n"
                    "- from_pct: 100\n  rate: 8\n  to_pct: 90\n")
    code, _, err = run("incentive", "set", str(plan))
    assert code == 2
    assert err.splitlines()[0] == (f"{plan}:8: incentives[0].tiers[1].to_pct: a tier ends (90%) where or "
                                   "before it starts (100%)")
