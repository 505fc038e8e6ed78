"""`uplift payout --team`: the team's payouts at a glance, a line per rep with the total and
where the statement stands (on hold, to approve, approved, paid out, nothing to approve)
and whether it changed since its approval."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.cli.conftest import board_from_plan

PLAN = """\
schema: 1
plan:
  name: Team
  period: {start: 2027-04-01, end: 2027-06-30}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
- {name: bea, role: rep}
- {name: cy, role: rep}
- {name: dee, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-7, title: Split, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2027-04-15T10:00:00Z'}]}
- {id: D-8, title: Bea's, owner: bea, stage: Won, value: 10000, history: [{stage: Won, at: '2027-04-16T10:00:00Z'}]}
- {id: D-9, title: Cy's, owner: cy, stage: Won, value: 4000, history: [{stage: Won, at: '2027-04-17T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 50000, tiers: [{from_pct: 0, rate: 5}]}
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2027, 4, 20, 12, tzinfo=timezone.utc))


def rows(out: str) -> dict[str, list[str]]:
    """The table's rows by rep (cells split on runs of spaces)."""
    import re

    return {cells[0]: cells[1:] for cells in (re.split(r"\s{2,}", line.strip()) for line in out.splitlines()[1:])}


def test_the_team_at_a_glance_says_where_each_statement_stands(run) -> None:
    out = run("payout", "--team", user="dana")[1]
    assert out.splitlines()[0].split() == ["REP", "TOTAL", "STATE", "CHANGED", "SINCE", "APPROVAL"]
    # 5% of 20,000, 10,000 and 4,000; dee won nothing: nothing to approve (approving everyone skips it)
    assert rows(out) == {"ali": ["1,000.00", "to approve"], "bea": ["500.00", "to approve"],
                         "cy": ["200.00", "to approve"], "dee": ["0.00", "nothing to approve"]}
    run("payout", "hold", "ali", "Disputed split on D-7", user="dana")
    assert run("payout", "approve", user="dana")[0] == 0
    assert run("payout", "paid", "--rep", "bea", user="dana")[0] == 0
    assert run("deal", "edit", "D-9", "--value", "6000", user="dana")[0] == 0  # cy's moved since: 300.00
    assert rows(run("payout", "--team", user="dana")[1]) == {
        "ali": ["1,000.00", "on hold"], "bea": ["500.00", "paid out"], "cy": ["300.00", "to approve", "yes"],
        "dee": ["0.00", "nothing to approve"]}
    # a rep reads their own line only (pay is private)
    assert rows(run("payout", "--team", user="bea")[1]) == {"bea": ["500.00", "paid out"]}


def test_the_team_overview_is_for_a_person_not_with_json(run) -> None:
    code, out, err = run("payout", "--team", "--json", user="dana")
    assert (code, out) == (2, "") and "--team" in err
