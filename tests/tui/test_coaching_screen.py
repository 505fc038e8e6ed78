"""Coaching notes in the app (`k` on the Review screen, "Coaching notes" in the palette): a lead
reads every rep's and writes one with `n`; a rep reads only the notes about them and is told the
rule at once on `n`; the words are data, never markup."""

from __future__ import annotations

from datetime import datetime, timezone

from textual.widgets import Checkbox, DataTable, Select, TextArea

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.coaching import CoachingScreen
from tui.screens.fields_form import FieldsForm
from tui.screens.review import ReviewScreen

SIZE = (120, 40)
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def notes(app) -> list[list[str]]:
    table = app.screen.query_one("#coaching-notes", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_coaching(app, pilot) -> None:
    await pilot.press("5")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
    app.screen.query_one("#review-tabs").active = "tab-review-leaders"
    await pilot.pause()
    leaders = app.screen.query_one("#review-leaderboard", DataTable)
    leaders.focus()
    await pilot.pause()
    leaders.move_cursor(row=[str(leaders.get_row_at(i)[1]) for i in range(leaders.row_count)].index("bea"))
    await pilot.press("k")
    await until(pilot, lambda: isinstance(app.screen, CoachingScreen))


async def test_a_lead_reads_and_writes_a_reps_coaching_notes(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_coaching_note("ali", "Ask for the next step")
    lead.add_coaching_note("bea", "[bold]Close[/bold] the Acme loop")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await open_coaching(app, pilot)  # on bea, the leaderboard's highlighted rep
        assert [row[0::2] + row[3:] for row in notes(app)] == [["K-2", "dana", "[bold]Close[/bold] the Acme loop"]]
        app.screen.query_one("#coaching-rep", Select).value = "ali"
        await pilot.pause()
        assert [row[3] for row in notes(app)] == ["Ask for the next step"]
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        app.screen.query_one(TextArea).text = "Shadow a demo"
        app.screen.query_one(Checkbox).value = True
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CoachingScreen))
        await until(pilot, lambda: len(notes(app)) == 2)
        assert notes(app)[0][3] == "(private) Shadow a demo"
    assert [(n.note, n.private) for n in Board(team, actor="dana").coaching_notes("ali")] == [
        ("Ask for the next step", False), ("Shadow a demo", True)]


async def test_a_rep_reads_only_the_notes_about_them(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_coaching_note("ali", "Ask for the next step")
    lead.add_coaching_note("bea", "Close the Acme loop")
    lead.add_coaching_note("ali", "Consider for the team lead role", private=True)
    app = UpliftApp(Board(team, actor="ali", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await open_coaching(app, pilot)  # on bea's row: ali still reads only his own
        select = app.screen.query_one("#coaching-rep", Select)
        assert [value for _, value in select._options if isinstance(value, str)] == ["ali"]
        assert [row[3] for row in notes(app)] == ["Ask for the next step"]
        from tui.widgets.footer import Footer
        assert "new_note" not in {key.action for key in app.screen.query_one(Footer).keys}  # (a lead's key)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CoachingScreen)
        assert any("only a lead may add coaching notes" in str(n.message) for n in app._notifications)


async def test_question_mark_lists_the_coaching_keys(team) -> None:
    from tui.screens.help import Help

    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        app.action_coaching("ali")
        await until(pilot, lambda: isinstance(app.screen, CoachingScreen))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        listed = " ".join(str(w.render()) for w in app.screen.query("Static"))
        listed += " ".join(str(c) for t in app.screen.query(DataTable) for i in range(t.row_count) for c in t.get_row_at(i))
        assert "New note" in listed
