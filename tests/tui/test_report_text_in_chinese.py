"""Text the domain composes, said in Chinese on the screens: budget flags (Budget screen), where
a goal's actual comes from (Review's Goals tab), why diagnosis rows were dropped (Diagnose)."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.i18n import set_language
from tui.screens.budget import BudgetScreen
from tui.screens.diagnose import DiagnoseScreen
from tui.screens.goals import GoalsScreen
from tui.screens.review import ReviewScreen

SIZE = (140, 45)


async def test_budget_flags_are_said_in_chinese(team, monkeypatch) -> None:
    board = Board(team, actor="dana")
    line = board.request_budget("Booth", 1000, task="T-1")
    board.approve_budget(line.id, "ok", 800)
    board.record_spend(line.id, 900, None, "")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("2")
            await until(pilot, lambda: isinstance(app.screen, GoalsScreen)
                        and app.focused is app.screen.query_one("#goals-table"))
            await pilot.press("b")
            await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
            await pilot.pause()
            flags = str(app.screen.query_one("#budget-flags", Static).render())
            assert flags == "! B-1“Booth”：已批准 800，已支出 900（超出 100）"
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()


async def test_review_says_where_each_actual_comes_from_in_chinese(team, monkeypatch) -> None:
    board = Board(team, actor="dana")
    board.add_goal("Team revenue", metric="revenue", unit="$", baseline=0, target=1000)
    board.add_goal("Happier partners", metric="partner mood", baseline=1, target=5)
    checkin = board.checkin("G-1", 400)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("5")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                        and app.screen.query_one("#review-goals", DataTable).row_count == 2)
            table = app.screen.query_one("#review-goals", DataTable)
            sources = [str(table.get_cell(row, "Source")) for row in table.rows]
            assert sources == [f"{checkin.at.date().isoformat()} 的进展记录 {checkin.id}", "无数据"]
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()


async def test_the_diagnose_summary_says_why_rows_were_dropped_in_chinese(team, monkeypatch, tmp_path) -> None:
    path = tmp_path / "sales.csv"
    path.write_text("order,date,customer,amount\nO-1,2026-01-15,A,600\nO-2,,B,50\n", encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([str(path)])
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("1")
            await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen)
                        and "丢弃" in str(app.screen.query_one("#kpis", Static).render()))
            kpis = str(app.screen.query_one("#kpis", Static).render())
            assert "丢弃的行：无日期：1" in kpis
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()
