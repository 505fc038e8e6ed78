"""The Today screen (T from any screen): a rep's day under headings, enter jumping to the item,
and T not stacking a second one."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList, Static

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.agenda import TodayScreen


def lines(app) -> list[str]:
    """Each line as it reads: a heading, or an item's id and its text (laid out side by side,
    so that a wrapped text stays under itself)."""
    from rich.table import Table

    listing = app.screen.query_one(OptionList)
    prompts = [listing.get_option_at_index(i).prompt for i in range(listing.option_count)]
    return ["  ".join(str(cell) for column in p.columns for cell in column.cells) if isinstance(p, Table)
            else str(p) for p in prompts]


async def test_the_day_and_a_jump_to_a_task(team) -> None:
    lead = Board(team, actor="dana")
    today = lead.today()
    lead.update_task("T-1", due=today - timedelta(days=2))
    lead.add_deal("Acme renewal", owner="ali", value=12000, close=today + timedelta(days=2))
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert str(app.screen.query_one("#today-title", Static).render()) == f"ali's day, {today}"
        assert lines(app) == ["Overdue", f"  T-1  Call Acme · due {today - timedelta(days=2)}, 2 days ago · To do",
                              "Deals closing in the next 7 days",
                              f"  D-1  Acme renewal · Lead · 12,000 · closes {today + timedelta(days=2)}, in 2 days",
                              "Deals with nothing planned (t on the pipeline adds a task)",
                              "  D-1  Acme renewal · Lead · 12,000 · no open task and no next step"]
        await pilot.press("T")  # already open: no second one
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, TodayScreen)]) == 1
        await pilot.press("enter")  # the first line: T-1
        await until(pilot, lambda: app.current_mode == "plan" and not isinstance(app.screen, TodayScreen))
        await until(pilot, lambda: getattr(app.focused, "card", None) is not None and app.focused.card.id == "T-1")


async def test_a_long_title_without_spaces_is_shown_whole(team) -> None:
    """A Chinese title has no spaces to wrap at: wider than the line, it goes on under itself
    rather than being cut short with an ellipsis."""
    from tests.tui.test_screen_sizes import shown_text

    title = "拜访北区五家最大客户并确认续约折扣条款和预算冻结前的报价单还有更多的中文字符来测试折行是否正确"
    lead = Board(team, actor="dana")
    lead.update_task("T-1", title=title, due=lead.today() - timedelta(days=2))
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        await pilot.pause()
        text = shown_text(app.screen.query_one(OptionList)).replace(" ", "")
        assert title in text and "…" not in text


async def test_a_new_coaching_note_is_in_the_reps_day_and_enter_opens_the_notes(team) -> None:
    from tui.screens.coaching import CoachingScreen

    lead = Board(team, actor="dana")
    lead.update_task("T-1", due=None)  # (nothing else in ali's day)
    lead.add_coaching_note("ali", "Ask for the next step on every call")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert lines(app) == ["New coaching notes for you",
                                  "  K-1  Ask for the next step on every call · today, from dana"]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CoachingScreen))


async def test_a_goal_ended_and_not_closed_asks_for_its_outcome_and_enter_opens_it(team) -> None:
    """Its deadline passed: under its own heading (not "behind pace", nothing is left to catch
    up), and enter goes to it on Goals, where x closes it."""
    lead = Board(team, actor="dana")
    today = lead.today()
    lead.add_goal("Book 20 demos", baseline=0, target=20, start=today - timedelta(days=30),
                  deadline=today - timedelta(days=1), owner="ali")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        shown = lines(app)
        assert "Goals behind pace" not in shown
        heading = shown.index("Goals ended, not closed (close each with how it ended, or carry it on)")
        assert shown[heading + 1] == f"  G-1  Book 20 demos · ended {today - timedelta(days=1)}, 1 day ago"
        app.screen.query_one(OptionList).highlighted = heading + 1
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "goals" and not isinstance(app.screen, TodayScreen))



async def test_a_long_day_opens_with_its_first_heading_in_view_at_80x24(tmp_path) -> None:
    """On the demo's day at 80x24 (longer than the screen) the list opened scrolled down a line,
    on its first item: "Overdue", the heading that says what the item is, was out of view."""
    from tests.tui.demo_board import build_demo, demo_board

    app = UpliftApp(demo_board(build_demo(tmp_path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        assert listing.max_scroll_y > 0  # the day is longer than the screen
        assert listing.highlighted == 1  # the first item, under its heading
        await until(pilot, lambda: listing.scroll_y == 0)
        assert listing.render_line(0).text.strip() == "Overdue"
        await pilot.press("down", "home")  # home comes back to it, its heading in view too
        await pilot.pause()
        assert (listing.highlighted, listing.scroll_y) == (1, 0)


async def test_training_held_today_is_in_a_reps_day_and_enter_shows_it_on_the_budget(team) -> None:
    """Ali's day lists the team's training today and the one naming him (not bea's, nor
    tomorrow's); enter on it shows it in the budget screen's training table."""
    from tui.screens.budget import BudgetScreen

    lead = Board(team, actor="dana")
    today = lead.today()
    lead.update_task("T-1", due=None)  # (nothing else in ali's day)
    lead.add_training("Objection handling", on=today)
    lead.add_training("Pricing talk", on=today, audience="bea")
    lead.add_training("Demo kit", on=today + timedelta(days=1))
    lead.add_training("Closing skills", on=today, audience="Ali and Chen")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert lines(app) == ["Training today", "  L-1  Objection handling · for the whole team",
                              "  L-4  Closing skills · for Ali and Chen"]
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen) and app.current_mode == "goals")
        table = app.screen.query_one("#training-table")
        await until(pilot, lambda: app.focused is table)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "L-4"


async def test_a_lead_sees_all_of_todays_training(team) -> None:
    lead = Board(team, actor="dana")
    today = lead.today()
    lead.add_training("Pricing talk", on=today, audience="bea")
    lead.add_training("Closing skills", on=today, audience="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TodayScreen))
        assert lines(app) == ["Training today", "  L-1  Pricing talk · for bea", "  L-2  Closing skills · for ali"]
