"""Every screen at 80x24 keeps what matters in view, and at 200x60 the space is used: columns wide
enough to read, the footer with `? Help` in sight, tables whose columns fit their cells, forms
that scroll to their last field, the funnel that never squeezes the pipeline."""

from __future__ import annotations

import re
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from tests.tui.demo_board import built_in_utc, demo_board
from tests.tui.waiting import on_mode, until
from tui.app import UpliftApp
from tui.i18n import _, say
from tui.screens.task_form import TaskForm
from tui.widgets.footer import Footer
from tui.widgets.kanban import Kanban

SMALL, LARGE = (80, 24), (200, 60)
MODES = {"1": "diagnose", "2": "goals", "3": "plan", "4": "pipeline", "5": "review"}  # (each phase's key)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return built_in_utc(tmp_path_factory, "layout")


@asynccontextmanager
async def demo_app_in(demo: Path, size: tuple[int, int], lang: str):
    """The app on the demo board at `size`, in the language `lang` (English again after). The
    app chooses its language from UPLIFT_LANG when it is made, so that is what is set."""
    from tui.i18n import set_language

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UPLIFT_LANG", lang)
        set_language(lang)
        app = UpliftApp(demo_board(demo))
        try:
            async with app.run_test(size=size) as pilot:
                yield app, pilot
        finally:
            set_language("en")


def inside_screen(app: UpliftApp, widget) -> bool:
    region, screen = widget.region, app.screen.region
    return region.width > 0 and region.height > 0 and screen.contains_region(region)


async def help_in_footer(app: UpliftApp, pilot) -> None:
    footer = app.screen.query_one(Footer)
    await until(pilot, lambda: footer.keys)  # the footer reads the keys again after the screen's bindings settle
    assert inside_screen(app, footer)
    assert footer.keys[0].description == "Help"
    line = "".join(segment.text for segment in footer.render_line(0))
    assert line.startswith(f" {footer.keys[0].key_display} Help") or line.startswith("? Help")


def kanban_in_view(app: UpliftApp) -> bool:
    """Every column of the screen's kanban inside the screen, wide and tall enough for a card."""
    return all(inside_screen(app, column) and column.region.width > 10 and column.region.height >= 8
               for column in app.screen.query_one(Kanban).columns)


def column_widths(app: UpliftApp) -> list[int]:
    return [column.region.width for column in app.screen.query_one(Kanban).columns]


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "200x60"])
async def test_the_task_board_columns_are_readable(demo, size) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        widths = column_widths(app)
        assert len(widths) == 4 and min(widths) >= 18  # 80 columns / 4
        assert sum(widths) == size[0]
        await help_in_footer(app, pilot)


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
async def test_the_footer_shows_whole_keys_the_screens_own_before_the_apps_others(demo, size) -> None:
    """No key is cut (`d Delet▏`): those that do not fit are left out whole, a `…` in their place;
    after help and quit (never left out) come the board's own keys, before alerts and today; the
    palette's key keeps its place, its word given up first."""
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await help_in_footer(app, pilot)
        footer = app.screen.query_one(Footer)
        line = footer.render_line(0).text
        keys, palette = line.split("▏")
        drawn = [item for _start, _end, item in footer._spans if item is not footer.palette]
        assert drawn == footer.keys[:len(drawn)] and len(drawn) < len(footer.keys)
        assert keys.rstrip().endswith(" …") and palette.strip() == "^p"
        for item in drawn:
            assert f"{item.key_display} {item.description}" in keys
        assert [item.description for item in drawn[:5]] == ["Help", "Quit", "Move left", "Move right", "New"]
        if size[0] >= 120:
            assert "d Delete" in keys
        assert [item.description for item in footer.keys[-2:]] == ["Alerts", "Today"]


@pytest.mark.parametrize("size", [SMALL, (100, 30), (120, 40)], ids=["80x24", "100x30", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("mode", list(MODES))
async def test_every_phase_shows_help_and_quit_in_its_footer(demo, size, lang, mode) -> None:
    """At 120 columns the Goals screen's keys pushed `q Quit` off its footer (and at 80 every
    phase gave it up for its own keys): ? Help and q Quit are drawn on every phase at every size."""
    async with demo_app_in(demo, size, lang) as (app, pilot):
        await pilot.press(mode)
        await until(pilot, lambda: app.current_mode == MODES[mode] and app.screen.query(Footer))
        footer = app.screen.query_one(Footer)
        await until(pilot, lambda: footer.keys)
        await pilot.pause()
        keys = footer.render_line(0).text.split("▏")[0]
        assert keys.lstrip().startswith(f"? {_('Help')}"), keys
        assert f"q {_('Quit')}" in keys, keys


async def test_the_pipeline_at_80_columns_leaves_the_funnel_for_u(demo) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query("#funnel"))
        funnel = app.screen.query_one("#funnel")
        assert not funnel.display
        assert min(column_widths(app)) > 10
        await help_in_footer(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        # stacked small under the board, a line a stage: the kanban stays in view
        assert funnel.display and funnel.region.width == SMALL[0]
        assert kanban_in_view(app)
        await pilot.press("u")
        await pilot.pause()
        assert not funnel.display and min(column_widths(app)) > 10


async def test_the_pipeline_at_200_columns_shows_the_funnel_beside_wide_columns(demo) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query("#funnel"))
        funnel = app.screen.query_one("#funnel")
        assert funnel.display and inside_screen(app, funnel)
        assert min(column_widths(app)) >= 20
        assert funnel.region.width < LARGE[0] // 3


async def test_a_funnel_shown_on_a_wide_terminal_stacks_small_after_a_resize_to_80_columns(demo) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query("#funnel"))
        funnel = app.screen.query_one("#funnel")
        await pilot.press("u", "u")  # hidden, and shown again: the user's choice
        await pilot.pause()
        assert funnel.display and funnel.region.width < 120 // 3
        await pilot.resize_terminal(*SMALL)
        await until(pilot, lambda: app.screen.has_class("-narrow"))
        await pilot.pause()
        assert kanban_in_view(app)
        assert funnel.display and inside_screen(app, funnel) and funnel.region.height <= SMALL[1] // 2
        stages = len(app.screen.stages)
        assert len(funnel._draw()) == 1 + stages + 1  # the title, a line a stage, the total
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: not app.screen.has_class("-narrow"))
        await pilot.pause()
        assert kanban_in_view(app) and funnel.region.width < 120 // 3
        assert len(funnel._draw()) > 3 * stages  # beside the board: its sparklines under each stage


async def test_a_resize_keeps_the_focused_card_in_view(demo) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        kanban = app.screen.query_one(Kanban)
        await pilot.press("l", "l", "l", *["j"] * 6)  # a card far down the Done column
        await pilot.pause()
        column = kanban.columns[kanban.cursor_column]
        assert column.cursor == 6

        def in_view() -> bool:
            drawn = column._draw()
            top, height = drawn.tops[column.cursor], drawn.heights[column.cursor]
            return column.scroll_offset.y <= top and top + height <= column.scroll_offset.y + drawn.window

        assert in_view()
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await until(pilot, in_view, timeout=3)
        assert app.focused is kanban and column.cursor == 6


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "200x60"])
async def test_goal_and_budget_tables_size_columns_to_their_cells(demo, size) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.screen.query_one("#goals-table", DataTable).row_count)
        table = app.screen.query_one("#goals-table", DataTable)
        widths = {column.label.plain: column.get_render_width(table) for column in table.columns.values()}
        assert widths["ID"] >= len("G-1") and widths["S"] >= len("S ✓") and widths["Owner"] >= len("dana")
        await help_in_footer(app, pilot)
        await pilot.press("b")
        await until(pilot, lambda: app.screen.query_one("#budget-lines", DataTable).row_count)
        lines = app.screen.query_one("#budget-lines", DataTable)
        assert {c.label.plain: c.get_render_width(lines) for c in lines.columns.values()}["Requested"] >= 9
        await help_in_footer(app, pilot)


async def test_the_task_form_scrolls_to_its_last_field_at_80x24(demo) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TaskForm)
        form = app.screen.query_one(VerticalScroll)
        assert inside_screen(app, form)
        last = app.screen.query("Input, Select, TextArea").last()
        last.focus()
        await until(pilot, lambda: form.region.contains_region(last.region))  # (it scrolls there)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "200x60"])
async def test_the_diagnose_screen_shows_the_kpis_and_findings(demo, size) -> None:
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("#kpis") and app.screen.query("#findings"))
        for selector in ("#kpis", "#findings"):
            assert inside_screen(app, app.screen.query_one(selector))
        await help_in_footer(app, pilot)


def uneven_form_rows(app: UpliftApp, measure: str) -> list[list[tuple[str, int]]]:
    """The rows of the open form whose fields' boxes differ in `measure` of their region (`y`:
    a label that wraps pushes its box down; `height`: a closed choice box whose choice wraps is
    a line taller than its neighbours), as (field, measure) pairs."""
    rows = []
    for row in app.screen.query(".field-row"):
        sizes = [(sorted(field.classes)[-1], getattr(field.children[1].region, measure))
                 for field in row.query(".field")]
        if len({size for _name, size in sizes}) > 1:
            rows.append(sizes)
    return rows


def misaligned_rows(app: UpliftApp) -> list[list[tuple[str, int]]]:
    return uneven_form_rows(app, "y")


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_inputs_of_a_form_row_stay_aligned(demo, size, lang) -> None:
    """Goal, task and deal forms: no label wraps its input onto a line below its neighbours'."""
    from tui.screens.fields_form import FieldsForm

    async with demo_app_in(demo, size, lang) as (app, pilot):
        for screen_key, form_key in (("2", "n"), ("2", "e"), ("3", "n"), ("4", "n")):
            await pilot.press(screen_key)
            await on_mode(pilot, MODES[screen_key])
            await pilot.press(form_key)
            await until(pilot, lambda: app.screen.query(".field-row"))
            await pilot.pause()
            assert not misaligned_rows(app), (screen_key, form_key, app.screen)
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, (TaskForm, FieldsForm))
                        and not app.screen.query(".field-row"))


def cut_texts(app: UpliftApp) -> list[tuple[str, str, int]]:
    """What the open form cuts: a label of a row of fields wider than its field (a row's labels
    are one line), and a box's placeholder wider than the box, as (what, text, room)."""
    from rich.cells import cell_len
    from textual.widgets import Input, Static

    cut = []
    for label in app.screen.query(".field-row .field-label").results(Static):
        text = str(label.content)
        if cell_len(text) > label.content_region.width:
            cut.append(("label", text, label.content_region.width))
    for box in app.screen.query(Input):
        room = box.content_region.width - 1  # the cursor's cell
        if box.placeholder and cell_len(str(box.placeholder)) > room:
            cut.append(("placeholder", str(box.placeholder), room))
    return cut


def form_text(app: UpliftApp) -> str:
    from textual.widgets import Input, Static

    return " ".join([str(s.content) for s in app.screen.query(Static).results(Static)]
                    + [str(box.placeholder) for box in app.screen.query(Input)])


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_task_and_check_in_forms_cut_no_label_or_hint(demo, size, lang) -> None:
    """The task form's Start and Due say how to write a date, and the check-in says the last
    value, in full at 80 columns too (a box a third of the form wide cut `YYYY-MM-DD, today, +3d,
    fri`; the check-in's one-line label cut the last value); so do the goal's and the deal's dates."""
    from tui.screens.deal_form import DealForm
    from tui.screens.fields_form import FieldsForm

    async with demo_app_in(demo, size, lang) as (app, pilot):
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, TaskForm) and app.screen.query(".field-row"))
        await pilot.pause()
        assert not cut_texts(app)
        assert "+3d" in form_text(app) and "fri" in form_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, TaskForm))
        await pilot.press("2")
        await on_mode(pilot, "goals")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query(".field-row"))
        await pilot.pause()
        assert not cut_texts(app)
        assert "1,262,000" in form_text(app)  # G-1's last check-in
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
        for screen_key, form_key, form in (("2", "n", FieldsForm), ("4", "n", DealForm)):
            await pilot.press(screen_key)
            await on_mode(pilot, MODES[screen_key])
            await pilot.press(form_key)
            await until(pilot, lambda: isinstance(app.screen, form) and app.screen.query(".field-row"))
            await pilot.pause()
            dates = [cut for cut in cut_texts(app) if "YYYY" in cut[1]]
            assert not dates, (form, dates)
            assert "+3d" in form_text(app) and "fri" in form_text(app)
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, form))


def uneven_rows(app: UpliftApp) -> list[list[tuple[str, int]]]:
    return uneven_form_rows(app, "height")


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_goal_form_cuts_no_label_or_hint(demo, size, lang) -> None:
    """The goal form at 80 columns: rows of four boxes a quarter of the form wide cut `Scope:
    product l…`, `1.2M, or` (snapshot), `1.38M or +15` (%), and wrapped `increase to` over two
    lines; what a box cannot say is in a line under its row."""
    from textual.widgets import Select

    from tui.screens.fields_form import FieldsForm

    async with demo_app_in(demo, size, lang) as (app, pilot):
        await pilot.press("2")
        await on_mode(pilot, "goals")
        for key in ("n", "e"):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query(".field-row"))
            await pilot.pause()
            for direction in ("increase", "decrease", "above", "below"):
                app.screen.query_one("#field-direction", Select).value = direction
                await pilot.pause()
                assert not cut_texts(app), (key, direction)
                assert not uneven_rows(app), (key, direction)
            text = form_text(app)
            assert "snapshot" in text and "+15%" in text and "fri" in text
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, FieldsForm))


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_deal_forms_choices_stay_on_one_line(demo, size, lang) -> None:
    """The deal form's Customer box at 80 columns: `new if its first win` wrapped over two lines,
    a line taller than Owner and Stage beside it."""
    from textual.widgets import Select

    from tui.screens.deal_form import BUSINESS_CHOICES, FORECAST_CHOICES, DealForm

    async with demo_app_in(demo, size, lang) as (app, pilot):
        await pilot.press("4")
        await on_mode(pilot, "pipeline")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, DealForm) and app.screen.query(".field-row"))
        await pilot.pause()
        for (business, _label), (forecast, _words) in zip(BUSINESS_CHOICES, FORECAST_CHOICES + FORECAST_CHOICES):
            app.screen.query_one("#business", Select).value = business
            app.screen.query_one("#forecast", Select).value = forecast
            await pilot.pause()
            assert not uneven_rows(app), (business, forecast)
            assert not cut_texts(app), (business, forecast)


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
async def test_a_long_goal_or_strategy_title_keeps_its_box_on_one_line(demo, size) -> None:
    """Editing T-24 (for G-1 and S-1, long titles): the closed Goal and Strategy boxes wrapped
    their titles over two and three lines, out of line with each other."""
    from textual.widgets import Select

    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await pilot.press("e")  # the first card, T-24
        await until(pilot, lambda: isinstance(app.screen, TaskForm) and app.screen.query(".field-row"))
        await pilot.pause()
        assert app.screen.query_one("#goal", Select).value == "G-1"
        assert app.screen.query_one("#strategy", Select).value == "S-1"
        assert not uneven_rows(app)
        assert app.screen.query_one("#goal", Select).region.height == 3


def header_lines(column) -> list[str]:
    """A kanban column's header as drawn: its lines down to the first card's edge."""
    lines = []
    for y in range(column.region.height):
        text = column.render_line(y).text.strip()
        if text.startswith(("▎", "▌")):  # a card's edge (the focused card's is wider)
            break
        lines.append(text)
    return lines


@pytest.mark.parametrize("size, negotiation", [
    (SMALL, ["Negotiat… 3", "47.2k", "w 35.4k"]),  # 11 cells: the name cut, not the count sent below
    ((100, 30), ["Negotiation 3", "47.2k", "w 35.4k"]),  # 14 cells: the name whole, the count beside it
])
async def test_the_pipeline_headers_keep_each_count_beside_its_stage(demo, size, negotiation) -> None:
    """Six stages at 80 and 100 columns: each stage's count on its name's line (`Negotiat… 3`: the
    name cut with … where both do not fit; `Negotiation` / `3  47.2k` read the count as a part of
    the value), and its value and weighted value in whole parts (`w 30.0k`, not `· w` / `30.0k`)."""
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query(Kanban) and len(app.screen.query_one(Kanban).columns) == 6)
        await pilot.pause()
        headers = {column.key: header_lines(column) for column in app.screen.query_one(Kanban).columns}
        counts = {column.key: len(column.cards) for column in app.screen.query_one(Kanban).columns}
        for key, lines in headers.items():
            name, count = re.fullmatch(r"(.+?)\s+(\d+)", lines[0]).groups()
            assert int(count) == counts[key], lines
            assert name.endswith("…") or name in {"Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"}
            assert not any(line.startswith("·") or line.endswith("·") for line in lines), lines
            assert any(re.search(r"(^|· )w \d", line) for line in lines), lines
        # in negotiation: the sample's 22,000 and 18,000 and the test board's 7,200, weighted at 75%
        assert [lines for lines in headers.values() if lines[0].startswith("Negotiat")] == [negotiation]


def first_card_line(column) -> int:
    """The line of a kanban column (inside its border) where its first card's edge is drawn."""
    return next(y for y in range(column.region.height) if column.render_line(y).text.strip().startswith(("▎", "▌")))


def first_card_lines(app: UpliftApp) -> dict[str, int]:
    return {column.key: first_card_line(column) for column in app.screen.query_one(Kanban).columns if column.cards}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", ["3", "4"], ids=["tasks", "pipeline"])
async def test_the_first_cards_of_a_kanbans_columns_line_up(demo, key, lang) -> None:
    """A column whose header wraps (`Blocked` / `2 of 3 · WIP 4` beside `Doing  1 of 8 · WIP 8` at 80
    columns, with a filter on) does not push its cards a line lower than the others': every header
    takes the tallest header's lines, at 80x24, at 120x40, and after a resize from one to the other."""
    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        await pilot.press(key)
        await until(pilot, lambda: app.screen.query(Kanban) and app.screen.query_one(Kanban).card is not None)
        if key == "3":  # (T-1, T-10 to T-19: `Blocked  2 of 3 · WIP 4` is too wide for 80 columns)
            await pilot.press("slash", *"T-1", "enter")
            await until(pilot, lambda: app.screen.query_one(Kanban).card is not None)
        await pilot.pause()
        heights = {column.key: len(header_lines(column)) for column in app.screen.query_one(Kanban).columns}
        lines = first_card_lines(app)
        assert len(lines) >= 4 and len(set(lines.values())) == 1, lines
        assert max(heights.values()) >= 2  # (at 80 columns some header wraps: the case in point)
        for size in [(120, 40), SMALL]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            lines = first_card_lines(app)
            assert len(set(lines.values())) == 1, (size, lines)


async def test_the_task_boards_headers_take_one_line_at_80_columns(demo) -> None:
    """`Blocked  3 · WIP 4` was two lines at 80 columns (`Blocked` / `3 · WIP 4`), and every
    header with it: closed up to one space, it fits the column's 17 cells."""
    async with demo_app_in(demo, SMALL, "en") as (app, pilot):
        await until(pilot, lambda: app.screen.query(Kanban) and app.screen.query_one(Kanban).card is not None)
        await pilot.pause()
        headers = [header_lines(column) for column in app.screen.query_one(Kanban).columns]
        assert headers == [["To do  9"], ["Doing  8 · WIP 8"], ["Blocked 3 · WIP 4"], ["Done  10"]]


async def test_the_weighted_value_in_chinese_stays_whole_at_80_columns(demo) -> None:
    """`加权 30.0k` (10 cells) in a stage column 11 cells wide: on one line, not `加权` / `30.0k`."""
    async with demo_app_in(demo, SMALL, "zh") as (app, pilot):
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query(Kanban) and len(app.screen.query_one(Kanban).columns) == 6)
        await pilot.pause()
        headers = [header_lines(column) for column in app.screen.query_one(Kanban).columns]
        for lines in headers:
            weighted = [line for line in lines if "加权" in line]
            assert len(weighted) == 1 and re.fullmatch(r"(.*  )?加权 [0-9.]+k?", weighted[0]), lines
        negotiation = next(lines for lines in headers if lines[0].startswith("Negotiat"))
        # the sample's 22,000 and 18,000 and the test board's 7,200, weighted at 75%
        assert [line for line in negotiation if line][-1] == "加权 35.4k", negotiation


@pytest.mark.parametrize("lang, label", [("en", "w"), ("zh", "加权")])
async def test_the_funnels_weighted_values_stay_whole_at_120_columns(demo, lang, label) -> None:
    """The funnel beside the pipeline wraps a stage's line between whole parts: `w 9.8k`, never
    `w` at a line's end and `9.8k` at the next one's start."""
    async with demo_app_in(demo, (120, 40), lang) as (app, pilot):
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query("#funnel") and app.screen.query_one("#funnel").lines)
        await pilot.pause()
        funnel = app.screen.query_one("#funnel")
        lines = [funnel.render_line(y).text.strip() for y in range(funnel.region.height)]
        weighted = [line for line in lines if re.search(rf"(^| ){label}( |$)", line)]
        assert len(weighted) >= 6, lines  # a stage each
        assert all(re.search(rf"(^| ){label} [0-9]", line) for line in weighted), weighted


def cell_columns(line: str) -> list[str]:
    """A line's characters a cell each (a wide character's second cell empty)."""
    from rich.cells import cell_len

    cells: list[str] = []
    for char in line:
        cells += [char] + [""] * (cell_len(char) - 1)
    return cells


def table_rows(table: DataTable) -> list[dict[str, str]]:
    """A table's rows as drawn: each column's text, the lines of a row joined by a space (none
    between two Chinese characters)."""
    from itertools import accumulate

    lines = [cell_columns(line) for line in table_lines(table)]
    # each column's cells as the table lays them out (a heading of figures is right-aligned, so
    # where a heading starts is not where its column does)
    widths = [column.get_render_width(table) for column in table.ordered_columns]
    starts = list(accumulate([0, *widths[:-1]]))
    bounds = list(zip(starts, [*starts[1:], None]))
    names = ["".join(lines[0][start:end]).strip() for start, end in bounds]
    rows: list[dict[str, str]] = []
    for cells in lines[1:]:
        parts = ["".join(cells[start:end]).strip() for start, end in bounds]
        if not any(parts):
            break
        if parts[0]:
            rows.append(dict(zip(names, parts)))
        else:
            for name, part in zip(names, parts):
                before = rows[-1][name]
                # Chinese breaks between two characters with no space to put back (的 / 进展记录)
                joint = "" if before and part and wide(before[-1]) and wide(part[0]) else " "
                rows[-1][name] = f"{before}{joint}{part}".strip()
    return rows


def wide(char: str) -> bool:
    from rich.cells import cell_len

    return cell_len(char) == 2


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_review_goals_show_their_source_whole_at_80_columns(demo, lang) -> None:
    """At 80 columns the Goals tab of the review gives a row two lines rather than cut its
    source to `check-in C…`: each goal's source reads whole, and so does every number, each on
    its row's first line (`25` / `customers` took two), in a table that fits the screen (Gap, as
    Baseline, only where they leave the title its room)."""
    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        await pilot.press("5")
        await until(pilot, lambda: app.screen.query("#review-goals") and app.screen.query_one("#review-goals").row_count)
        await pilot.pause()
        table = app.screen.query_one("#review-goals", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        rows = {row[next(iter(row))]: list(row.values()) for row in table_rows(table)}
        sources = {g.goal: g.source for g in app.board.goal_results()}
        assert set(rows) == set(sources) == {"G-1", "G-2", "G-3"}
        for goal, source in sources.items():  # (said in the interface's language: 2026-11-20 的进展记录 C-5)
            assert source.startswith("check-in C-") and rows[goal][4] == say(source), rows[goal]
        # the sample plan's targets, and their actuals: 9 new customers against 25 is 36%
        assert rows["G-1"][:4] == ["G-1", "$1,380,000", "$1,262,000", "91.4%"]
        assert rows["G-3"][:4] == ["G-3", "25 customers", "9 customers", "36%"]
        first = next(line for line in table_lines(table) if line.lstrip().startswith("G-3"))
        assert "  25 customers  9 customers  " in first, first
        assert rows["G-3"][5].startswith("Win 25 new") and rows["G-3"][5].endswith(("customers", "…"))


async def test_the_activity_form_says_how_to_save_and_cancel_at_80_columns(demo) -> None:
    """Like every other form, the activity form's heading tells its keys, in view at 80x24."""
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query(Kanban) and app.screen.query_one(Kanban).card is not None)
        await pilot.press("a")
        await until(pilot, lambda: type(app.screen).__name__ == "ActivityForm")
        await pilot.pause()
        heading = app.screen.query_one(".dialog-question")
        assert inside_screen(app, heading)
        shown = " ".join(heading.render_line(y).text.strip() for y in range(heading.region.height))
        assert shown.startswith("Log an activity on ")
        assert shown.endswith("(^s saves, esc cancels)")


def table_lines(table: DataTable) -> list[str]:
    return [table.render_line(y).text.rstrip() for y in range(table.region.height)]


@pytest.mark.parametrize("keys, table_id, heading, row", [
    (["2"], "#goals-table", "Goal", "G-1"),
    (["2", "b"], "#budget-lines", "Title", "B-1"),
], ids=["goals", "budget"])
async def test_tables_at_80_columns_give_their_text_the_room_left(demo, keys, table_id, heading, row) -> None:
    """A table's text columns (goal and line titles, a result's source) share the room the other
    columns leave: the table fits the screen, no column runs past its edge, and a text cut short
    ends with `…`."""
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await until(pilot, lambda: app.screen.query(table_id) and app.screen.query_one(table_id).row_count)
        await pilot.pause()
        table = app.screen.query_one(table_id, DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        lines = table_lines(table)
        assert lines[0].endswith(heading)
        line = next(line for line in lines if line.strip().startswith(row))
        assert line.endswith("…") and len(line) <= table.scrollable_content_region.width


def shown_text(widget) -> str:
    """What a widget shows on screen, its wrapped lines joined."""
    return " ".join(widget.render_line(y).text.strip() for y in range(widget.region.height))


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
async def test_the_forecast_says_which_columns_are_out_of_view(demo, size) -> None:
    """Twelve columns do not fit 80 cells: under the reps' table, the forecast names the columns
    out of view and says ← → scroll to them; scrolled right, it names those now off on the left.
    At 120 columns all fit, and it says nothing."""
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query(Kanban))
        await pilot.press("F")
        await until(pilot, lambda: app.screen.query("#forecast-more"))
        more = app.screen.query_one("#forecast-more")
        # (it says so once the reps' table is laid out: hidden where all columns fit)
        await until(pilot, lambda: shown_text(more).startswith("Out of view") if size == SMALL else not more.display)
        if size == SMALL:
            assert inside_screen(app, more)
            text = shown_text(more)
            assert text.startswith("Out of view, ← → scroll sideways:")
            assert "Coverage" in text and "Payout" in text and "If best case" in text and "Quota" not in text
            table = app.screen.query_one("#forecast-reps", DataTable)
            for _ in range(200):  # (a cell at a time)
                if table.scroll_x >= table.max_scroll_x:
                    break
                await pilot.press("right")
                await pilot.pause()
            await until(pilot, lambda: "If best case" not in shown_text(more))
            assert "Quota" in shown_text(more)
        else:
            assert not more.display


def card_lines(app: UpliftApp) -> list[str]:
    """Every card line the kanban's columns draw (the edge `▎`, or the focused card's `▌`, and the scrollbar taken off)."""
    lines = []
    for column in app.screen.query_one(Kanban).columns:
        for y in range(column.region.height):
            text = column.render_line(y).text
            if text.lstrip().startswith(("▎", "▌")):
                lines.append(text.strip().lstrip("▎▌").rstrip("▁▂▃▄▅▆▇█").strip())
    return lines


@pytest.mark.parametrize("lang, count, word", [("en", "1", "comment"), ("zh", "1", "条评论")])
async def test_a_cards_details_wrap_between_whole_parts_at_80_columns(demo, lang, count, word) -> None:
    """`ali · high · 1 comment` in a column 18 cells wide wraps as `ali · high` / `1 comment`, not
    `ali · high · 1` / `comment`; and `steps 1/2` stays whole too."""
    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        await until(pilot, lambda: app.screen.query(Kanban) and app.screen.query_one(Kanban).card is not None)
        await pilot.pause()
        lines = card_lines(app)
        assert any(line.startswith(f"{count} {word}") for line in lines), lines
        assert not any(line == word or line.startswith(f"{word} ") for line in lines), lines
        assert not any(line.endswith((" ·", f" {count}")) for line in lines), lines


async def test_help_on_the_pipeline_at_80x24_scrolls_to_its_last_key(demo) -> None:
    """The pipeline has more keys than 24 lines hold: `?` shows them in a table that fits inside its
    dialog and scrolls, so that its last row can be brought into view."""
    from tui.screens.help import Help

    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen.query(Kanban))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        dialog = app.screen.query_one(".dialog")
        assert table.row_count > table.region.height
        assert dialog.content_region.contains_region(table.region), (table.region, dialog.content_region)
        for _ in range(table.row_count):
            await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        last = table.get_row_at(table.row_count - 1)
        assert str(last[0]) in shown_text(table)


@pytest.mark.parametrize("size", [SMALL, (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("keys, list_id, last", [
    (("C",), "#cycle-list", "enter opens the phase's screen · s team and cycle · esc closes"),
    (("T",), "#today-list", "enter jumps to the item · esc closes"),
    (("exclamation_mark",), "#alert-list", None),
    (("4", "f"), "#feed-table", None),
], ids=["cycle", "today", "alerts", "feed"])
async def test_a_dialogs_list_scrolls_inside_it_and_its_hints_stay_in_view(demo, size, keys, list_id, last) -> None:
    """The cycle, your day, the alerts and the feed: the list (or table) is never cut by the
    dialog's edge (where its last lines could not be reached), the hint under it stays in view, and
    the dialog sits in the middle of a wide terminal, as every dialog does."""
    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.screen.query(Kanban))
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await until(pilot, lambda: app.screen.query(list_id))
        await pilot.pause()
        dialog, widget = app.screen.query_one(".dialog"), app.screen.query_one(list_id)
        inside = dialog.content_region
        assert inside.contains_region(widget.region), (widget.region, inside)
        for child in dialog.query("Static"):
            if child.region.height:
                assert inside.contains_region(child.region), (child, child.region, inside)
        if last:
            assert last in shown_text(dialog.query(".dialog-hint").last())
        if size != SMALL:
            screen = app.screen.region
            assert abs((dialog.region.x - screen.x) - (screen.right - dialog.region.right)) <= 1


@pytest.mark.parametrize("kind", ["problems", "preview"])
async def test_a_long_plan_import_dialog_keeps_its_hint_and_buttons_in_view_at_80x24(demo, kind) -> None:
    """Sixty lines of a plan file's problems (or of what an import would do) scroll inside the
    dialog; its closing hint (its Import and Cancel buttons) stay in view under them. The lines'
    box was 20 lines high in a dialog of 16 at 80x24: the hint and the buttons were cut off."""
    from textual.widgets import Button

    from tui.screens.plan_file import ImportPreview, PlanProblems

    app = UpliftApp(demo_board(demo))
    async with app.run_test(size=SMALL) as pilot:
        await until(pilot, lambda: app.screen.query(Kanban))
        lines = [f"tasks[{n}].due: not a date" for n in range(60)]
        app.push_screen(PlanProblems("plan.yaml was not imported", lines) if kind == "problems"
                        else ImportPreview("Import plan.yaml?", lines))
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        inside = dialog.content_region
        body = app.screen.query_one(".dialog-body")
        assert inside.contains_region(body.region), (body.region, inside)
        last = app.screen.query_one(".dialog-hint") if kind == "problems" else app.screen.query_one("#yes", Button)
        assert last.region.height and inside.contains_region(last.region), (last.region, inside)


async def test_the_cycle_in_chinese_at_80_columns_wraps_between_characters(demo) -> None:
    """The Cycle screen's lines were wrapped at spaces only: in Chinese at 80 columns `最近 14`
    stood alone and the whole sentence after it went onto the next line. Now a line breaks
    between any two characters, as the command line wraps Chinese, and the sentence runs on."""
    from tui.screens.cycle import CycleScreen

    async with demo_app_in(demo, SMALL, "zh") as (app, pilot):
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        await pilot.pause()
        lines = ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]
        said = next(line for line in lines if "最近 14" in line)
        assert "最近 14 天没有完成任何任务" in said, lines
        assert all(not line.strip(" ▊▎█").endswith("最近 14") for line in lines)


def past_the_form(app: UpliftApp) -> list[tuple[str, int, int]]:
    """The boxes of the open form's rows whose right edge lies past the form's room (its width
    less its scrollbar), as (box, its right edge, the form's): a box there loses its right edge."""
    room = app.screen.query_one(".form").scrollable_content_region.right
    return [(f"{type(box).__name__}#{box.id}", box.region.right, room)
            for box in app.screen.query(".field-row .field > *") if box.region.right > room]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", ["n", "e"], ids=["new", "edit"])
async def test_the_deal_forms_boxes_fit_80_columns(demo, lang, key) -> None:
    """The deal form at 80x24, new and a deal edited, its Key account box ticked too: every box
    of its rows of three (Account, Product, Key account; Owner, Stage, Customer; Value, Close,
    Forecast) ends inside the form, none beneath its scrollbar or past its edge."""
    from textual.widgets import Checkbox

    from tui.screens.deal_form import DealForm

    async with demo_app_in(demo, SMALL, lang) as (app, pilot):
        await pilot.press("4")
        await on_mode(pilot, "pipeline")
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, DealForm) and app.screen.query(".field-row"))
        await pilot.pause()
        assert not past_the_form(app)
        app.screen.query_one("#key_account", Checkbox).focus()
        await pilot.press("space")  # toggled and focused
        await pilot.pause()
        assert not past_the_form(app)
