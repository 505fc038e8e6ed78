"""A clawback takes back what the deal earned when it was counted, the cap's cut included: never
more than was paid on it (figures worked out by hand in the comments)."""

from __future__ import annotations

import pytest

from tests.cli.conftest import run_uplift

Q3 = """\
schema: 1
plan:
  name: Capped
  period: {start: 2026-07-01, end: 2026-09-30}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: First, owner: ali, stage: Won, value: 40000, history: [{stage: Won, at: '2026-08-03T10:00:00Z'}]}
- {id: D-2, title: Whale, owner: ali, stage: Lost, value: 60000, lost_reason: cancelled,
   history: [{stage: Won, at: '2026-09-10T10:00:00Z'}, {stage: Lost, at: '2026-11-05T10:00:00Z'}]}
- {id: D-3, title: Small, owner: ali, stage: Won, value: 10000, history: [{stage: Won, at: '2026-11-10T10:00:00Z'}]}
incentives:
- id: I-1
  name: Capped
  quota: 50000
  tiers: [{from_pct: 0, to_pct: 100, rate: 5}, {from_pct: 100, rate: 10}]
  cap: 6000
"""


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    runner = run_uplift(tmp_path / "board", capsys, monkeypatch)
    plan = tmp_path / "q3.yaml"
    plan.write_text(Q3)
    assert runner("plan", "import", str(plan))[0] == 0
    return runner


def test_a_clawback_takes_back_what_the_cap_left_of_the_deal_in_its_cycle(run) -> None:
    # Q3: ali won D-1 (40,000) and then D-2 (60,000): 100,000 of 50,000. 5% of 50,000 = 2,500 and
    # 10% of 50,000 = 5,000: 7,500, cut to the 6,000 cap (to 80% of it)
    q3 = run("payout", "--rep", "ali")[1].splitlines()
    assert q3[0] == "ali (I-1): 6,000.00" and "  cap 6,000 applied: -1,500.00" in q3
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    # Q4: D-3 10,000, 20%: 5% = 500.00. D-2, lost in Q4, had filled 40,000 to 100,000 in Q3:
    # 5% of 10,000 + 10% of 50,000 = 5,500, of which the cap left 80%: 4,400 (taken whole it was
    # 5,500 from the bottom of the tiers... 3,500: neither is what was paid on it)
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert "  clawback D-2 lost after won (commission counted on 60,000, cut by the cap then): -4,400.00" in lines
    assert lines[0] == "ali (I-1): 0.00"  # 500 - 4,400 = -3,900: carried into the next cycle
    assert "  3,900.00 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero" in lines


def test_a_clawback_in_a_cycle_the_board_does_not_know_is_at_most_the_cap(tmp_path, capsys, monkeypatch) -> None:
    run = run_uplift(tmp_path / "board", capsys, monkeypatch)
    plan = tmp_path / "q4.yaml"
    plan.write_text(Q3.replace("{start: 2026-07-01, end: 2026-09-30}", "{start: 2026-10-01, end: 2026-12-31}"))
    assert run("plan", "import", str(plan))[0] == 0
    # the board never had Q3's dates: D-2's slice starts at the bottom of the tiers, 5% of 50,000 +
    # 10% of 10,000 = 3,500, under the cap; a 200,000 deal's would be 2,500 + 15,000 = 17,500,
    # more than the 6,000 cap ever paid on it: 6,000 is taken back
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert "  clawback D-2 lost after won (commission counted on 60,000): -3,500.00" in lines
    assert run("deal", "edit", "D-2", "--value", "200000")[0] == 0
    lines = run("payout", "--rep", "ali")[1].splitlines()
    assert "  clawback D-2 lost after won (commission counted on 200,000, cut by the cap then): -6,000.00" in lines
    assert lines[0] == "ali (I-1): 0.00"  # 500 - 6,000 = -5,500: carried into the next cycle
    assert "  5,500.00 owed, carried into the next cycle not yet paid as a balance: nothing is paid below zero" in lines
