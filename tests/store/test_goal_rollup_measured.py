"""A rolled-up goal's line (the Goals screen's sparkline) is drawn from the values its number
uses: a contributor nobody has checked in on counts at what the board measures of it (a
diagnosis snapshot, store/goal_measures.py), not at its baseline, so the line ends at the number.
The figures are worked out by hand in the comments."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from store.board import Board
from store.plan_yaml import parse_plan_text
from tui.app import UpliftApp

NOW = datetime(2026, 12, 20, 9, tzinfo=timezone.utc)

PLAN = """
plan:
  name: Measured roll-up
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ann, role: rep}
- {name: bo, role: rep}
goals:
- {id: G-1, title: Team revenue, owner: dana, metric: revenue, rollup: sum, baseline: 10000, target: 40000,
   start: 2026-10-01, deadline: 2026-12-31}
- {id: G-2, title: West, owner: ann, parent: G-1, metric: revenue, scope: {region: West}, baseline: 4000,
   target: 20000}
- {id: G-3, title: East, owner: bo, parent: G-1, metric: revenue, scope: {region: East}, baseline: 6000,
   target: 20000}
"""


@pytest.fixture
def lead(tmp_path) -> Board:
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(PLAN.encode()).document)
    records = tmp_path / "q4.csv"
    # every day of the quarter (92: October 31, November 30, December 31), an order of 100 in the
    # West and one of 50 in the East: the quarter is West 9,200, East 4,600
    records.write_text("order,date,region,amount\n" + "".join(
        f"{r}{m}{d},2026-{m}-{d:02d},{r},{amount}\n"
        for m, days in ((10, 31), (11, 30), (12, 31)) for d in range(1, days + 1)
        for r, amount in (("West", 100), ("East", 50))))
    board.run_diagnosis([records])
    return board


def test_the_line_starts_at_the_measured_parts_and_ends_at_the_number(lead) -> None:
    assert lead.report("G-2").current.value == 9_200  # measured: the snapshot's West quarter
    assert lead.report("G-1").current.value == 13_800  # 9,200 + 4,600
    lead.checkin("G-3", 7_500, on="2026-12-10")
    assert lead.report("G-1").current.value == 16_700  # 9,200 (measured) + 7,500 (checked in)
    # before: both measured (9,200 + 4,600); after bo's check-in: 9,200 + 7,500 (not 4,000 + 7,500)
    assert lead.rollup_line("G-1") == [13_800, 16_700]


async def test_the_goals_screen_draws_it(lead) -> None:
    from textual.widgets import Sparkline

    from tests.tui.waiting import until
    from tui.screens.goals import GoalsScreen

    lead.checkin("G-3", 7_500, on="2026-12-10")
    app = UpliftApp(Board(lead.path, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        await pilot.pause()
        assert list(app.screen.query_one("#goal-sparkline", Sparkline).data) == [13_800, 16_700]
