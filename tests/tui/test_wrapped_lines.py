"""Lines that wrap on a narrow screen go on under their own text, not back at the margin, where a
wrapped part would read as a heading of its own: the alerts, the cycle at a glance, the weak spots."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.geometry import Region
from textual.widgets import OptionList

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.alerts import AlertsScreen
from tui.screens.cycle import CycleScreen
from tui.screens.fields_form import FieldsForm
from tui.widgets.form_heading import FormHeading
from tui.widgets.kanban import Kanban


def shown_lines(widget) -> list[str]:
    """The widget's lines as the terminal shows them, the scroll bar and the border cut off."""
    size = widget.content_region.size
    strips = widget.render_lines(Region(0, 0, size.width, size.height))
    lines = [strip.text.removeprefix("▊").rstrip(" ▎▅▃") for strip in strips]
    return [line for line in lines if line.strip("▔▁")]


async def test_a_long_alert_wraps_under_its_text(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_deal("A deal with a rather long name for a narrow screen", owner="ali", value=5500,
                  close=lead.today() - timedelta(days=6))
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("exclamation_mark")
        await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and app.screen.alerts)
        await pilot.pause()
        lines = shown_lines(app.screen.query_one(OptionList))
        at = lines.index(" Deal past its close date · D-1")
        end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("   "))
        message = lines[at + 1:end]
        assert len(message) >= 3, lines  # it wraps at 60 columns...
        assert "close it" in message[-1]  # ... and all of it is under the text, none at the margin


async def test_the_cycles_lines_wrap_under_their_text(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_task("Call " + "every account in the region " * 3, owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        await pilot.pause()
        lines = shown_lines(app.screen.query_one(OptionList))
        assert sum(line.startswith("   ") for line in lines) > 10  # phases' lines, wrapped at 50 columns
        at_margin = [line.strip() for line in lines if line.strip(" ─") and not line.startswith("   ")]
        assert at_margin == ["1 Diagnose", "2 Goals & strategy", "3 Plan & resources",
                             "4 Track", "5 Review & reward"][:len(at_margin)] and len(at_margin) >= 3, lines


async def test_a_long_list_of_alerts_is_laid_out_once_per_width(team, monkeypatch) -> None:
    """A lead's board with hundreds of overdue tasks: the alerts list measures every alert's height
    at every layout; each alert's text is wrapped once for a width, not laid out again as a table
    (at 5,000 alerts that took the list from twenty seconds to open down to two)."""
    from rich.table import Table

    lead = Board(team, actor="dana")
    for n in range(150):
        lead.add_task(f"Call account {n} about the renewal offer before the end of the quarter",
                      owner="ali", due=lead.today() - timedelta(days=3))
    tables = []
    drawn = Table.__rich_console__
    monkeypatch.setattr(Table, "__rich_console__", lambda *a: tables.append(1) or drawn(*a))
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("exclamation_mark")
        await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and len(app.screen.alerts) >= 150)
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        lines = shown_lines(app.screen.query_one(OptionList))
        assert any("Call account" in line for line in lines), lines  # the list's end, drawn
        assert lines[-1].startswith("   "), lines  # the last alert's text, wrapped under itself
        assert len(tables) < 150, len(tables)  # not a table per alert per layout


@pytest.mark.parametrize("lang, hint", [("zh", "（^s 保存，esc 取消）"), ("en", "(^s saves, esc cancels)")])
async def test_a_forms_key_hint_is_never_broken_at_80_columns(team, monkeypatch, lang, hint) -> None:
    """Textual broke the hint at any space (`（^s` / `保存，esc 取消）`): it goes whole onto its own line."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    title = ("第一季度华北地区重点客户续约拜访与报价准备" if lang == "zh"
             else "Prepare the renewal visit and the quote for the key northern accounts")
    Board(team, actor="dana").add_task(title, owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query(Kanban))
        await app.jump_to("T-3")
        await until(pilot, lambda: app.focused.card.id == "T-3")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        await pilot.pause()
        lines = [line.strip() for line in shown_lines(app.screen.query_one(FormHeading))]
        assert lines[-1] == hint, lines
        assert title.split()[-1] in lines[-2], lines
