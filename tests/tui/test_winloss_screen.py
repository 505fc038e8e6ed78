"""Lost reasons on the pipeline and the win/loss screen (key W), through Pilot.

The sample plan's lost deals, read off plans/sample-quarter.yaml: D-7 15,000 lost at Proposal
for price, D-4 9,000 lost after it was won for no budget, D-11 7,500 lost at Lead to a
competitor. 31,500 lost in all: shares 47.6%, 28.6% and 23.8%.
"""

from __future__ import annotations

from datetime import datetime, timezone
from importlib.resources import files

from textual.widgets import DataTable, Input

from store.board import Board
from store.plan_yaml import parse_plan_text
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.deal_form import LostReasonForm
from tui.screens.pipeline import PipelineScreen
from tui.screens.winloss import WinLossScreen

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)


def sample_board(tmp_path) -> Board:
    board = Board(tmp_path / "b", actor="dana", clock=lambda: NOW)
    board.import_plan(parse_plan_text(files("plans").joinpath("sample-quarter.yaml").read_bytes()).document)
    return board


def rows(app, table: str) -> list[list[str]]:
    found = app.screen.query_one(table, DataTable)
    return [[str(c) for c in found.get_row_at(i)] for i in range(found.row_count)]


async def test_the_win_loss_screen_and_enter_on_a_reason(tmp_path) -> None:
    app = UpliftApp(sample_board(tmp_path))
    async with app.run_test(size=(150, 50)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await pilot.press("W")
        await until(pilot, lambda: isinstance(app.screen, WinLossScreen) and rows(app, "#winloss-reasons"))
        assert rows(app, "#winloss-reasons") == [["price", "1", "15,000", "47.6%", "D-7"],
                                                 ["no budget", "1", "9,000", "28.6%", "D-4"],
                                                 ["competitor", "1", "7,500", "23.8%", "D-11"]]
        assert [r[0] for r in rows(app, "#winloss-stages")] == ["Lead", "Proposal", "after won"]
        # the figures right-aligned (digits line up down a column), their headers too; the words left
        reasons = app.screen.query_one("#winloss-reasons", DataTable)
        right = [False, True, True, True, False]
        assert [cell.justify == "right" for cell in reasons.get_row_at(0)] == right
        assert [column.label.justify == "right" for column in reasons.columns.values()] == right
        assert rows(app, "#winloss-reps")[-1][0] == "all"
        await pilot.press("tab", "tab", "enter")  # the reasons' table: price's deal
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.kanban.focused_id == "D-7")


async def test_a_move_to_lost_asks_why_and_escape_leaves_the_deal(tmp_path) -> None:
    board = sample_board(tmp_path)
    won = [d.id for d in board.deals() if d.stage == "Won"]
    app = UpliftApp(board)
    async with app.run_test(size=(150, 50)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await app.screen.focus_item(won[0])
        await pilot.press("shift+right")
        await until(pilot, lambda: isinstance(app.screen, LostReasonForm))
        assert board.deal(won[0]).stage == "Won"  # not yet: it waits for the reason
        await pilot.press(*"tim")
        await until(pilot, lambda: app.screen.query_one(Input)._suggestion == "timing")
        await pilot.press("right", "enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
        moved = board.deal(won[0])
        assert (moved.stage, moved.lost_reason) == ("Lost", "timing")
        await app.screen.focus_item(won[1])
        await pilot.press("shift+right")
        await until(pilot, lambda: isinstance(app.screen, LostReasonForm))
        assert "clawed back" in " ".join(str(w.render()) for w in app.screen.query(".dialog-hint"))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
        assert board.deal(won[1]).stage == "Won"


async def test_x_marks_an_open_deal_lost_without_passing_through_won(tmp_path) -> None:
    board = sample_board(tmp_path)
    stages = {s.name: s.outcome for s in board.stages()}
    deal = next(d for d in board.deals() if d.stage == "Negotiation")
    app = UpliftApp(board)
    async with app.run_test(size=(150, 50)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await app.screen.focus_item(deal.id)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, LostReasonForm))
        assert "clawed back" not in " ".join(str(w.render()) for w in app.screen.query(".dialog-hint"))
        await pilot.press(*"price", "enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
    moved = board.deal(deal.id)
    assert (moved.stage, moved.lost_reason) == ("Lost", "price")
    assert [stages[e.stage] for e in moved.history[-2:]] == ["open", "lost"]  # never won


async def test_the_deal_form_edits_a_lost_deals_reason(tmp_path) -> None:
    board = sample_board(tmp_path)
    app = UpliftApp(board)
    async with app.run_test(size=(150, 50)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await app.screen.focus_item("D-11")
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query_one("#lost_reason", Input).value == "competitor")
        box = app.screen.query_one("#lost_reason", Input)
        box.value = "went with Globex"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))
        assert board.deal("D-11").lost_reason == "went with Globex"


async def test_stuck_and_lost_cards_say_so(tmp_path) -> None:
    """On 2026-12-02 an open deal that entered its stage more than 14 days before (the default
    limit) says STUCK with its days, in the alarm colour; D-7 was lost for price."""
    from tui.widgets.kanban import Kanban

    board = sample_board(tmp_path)
    open_stages = {s.name for s in board.stages() if s.outcome == "open"}
    days = {d.id: (NOW.date() - d.history[-1].at.date()).days for d in board.deals() if d.stage in open_stages}
    stuck = {deal_id: n for deal_id, n in days.items() if n > 14}
    assert stuck and len(stuck) < len(days)  # the sample has both
    app = UpliftApp(board)
    async with app.run_test(size=(150, 50)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)

        def cards():
            return {card.id: card for column in app.screen.query_one(Kanban).columns for card in column.cards}

        shown = cards()
        for deal_id in days:
            if deal_id in stuck:
                assert f"STUCK {stuck[deal_id]}d" in shown[deal_id].flag and "overdue" in shown[deal_id].classes
            else:
                assert "STUCK" not in shown[deal_id].flag
        assert shown["D-7"].flag.endswith("  price") and "STUCK" not in shown["D-7"].flag
        board.set_alert_settings(default_stuck_days=60)
        await app.screen.refresh_board()
        assert not any("STUCK" in card.flag for card in cards().values())



async def test_k_opens_the_coaching_notes_on_the_highlighted_rep(tmp_path) -> None:
    from textual.widgets import Select

    from tui.screens.coaching import CoachingScreen

    app = UpliftApp(sample_board(tmp_path))
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.is_mounted)
        await pilot.press("W")
        await until(pilot, lambda: isinstance(app.screen, WinLossScreen) and rows(app, "#winloss-reps"))
        await pilot.press("down")
        rep = rows(app, "#winloss-reps")[1][0]
        await pilot.press("k")  # as on the Review's leaderboard
        await until(pilot, lambda: isinstance(app.screen, CoachingScreen))
        assert app.screen.query_one("#coaching-rep", Select).value == rep != "all"
