"""The Diagnose screen through Pilot: the kept diagnosis, notes with tags, a run from the file
prompt in a worker, and a bad file that saves nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, SelectionList, Static, TabbedContent

from store.board import Board
from tests.conftest import snapshot_files
from tests.tui.waiting import on_mode, until
from tui.app import UpliftApp
from tui.screens.diagnose import DiagnoseScreen
from tui.screens.diagnose_forms import DiagnoseFileForm, NoteForm
from tui.screens.dialogs import Pick

SIZE = (120, 40)
# 40 deals per region: North wins 36, East 30, South 12; the findings should name South.
OUTCOMES = [("North", "won")] * 36 + [("North", "lost")] * 4 + [("East", "won")] * 30 \
    + [("East", "lost")] * 10 + [("South", "won")] * 12 + [("South", "lost")] * 28
DEALS = "deal,date,amount,region,stage\n" + "".join(
    f"D{i},2026-0{1 + i % 3}-{1 + i % 28:02d},{100 + i},{region},{stage}\n"
    for i, (region, stage) in enumerate(OUTCOMES))
WON_REVENUE = sum(100 + i for i, (_, stage) in enumerate(OUTCOMES) if stage == "won")
BY_REVENUE = ["East", "North", "South"]  # North 36 x 100 + 630, East 30 x 100 + 1,635, South 12 x 100 + 1,050


def text_of(app: UpliftApp, selector: str) -> str:
    """What a Static shows, as text (`content`: what it was given, whatever its kind)."""
    return str(app.screen.query_one(selector, Static).content)


def danas_note(team) -> None:
    """N-1, dana's: "Reps say the demo kit is outdated", a pain point."""
    Board(team, actor="dana").add_note("Reps say the demo kit is outdated", tags=["pain_point"])


async def open_undiagnosed(pilot, app: UpliftApp) -> None:
    """Key 1 on a board with no diagnosis yet, once the screen says so."""
    await pilot.press("1")
    await until(pilot, lambda: "No diagnosis yet" in text_of(app, "#diagnose-status"))


def rows_of(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@pytest.fixture
def deals(tmp_path: Path) -> Path:
    path = tmp_path / "deals.csv"
    path.write_text(DEALS, encoding="utf-8")
    return path


async def wait_for_run(app: UpliftApp, pilot) -> None:
    await app.workers.wait_for_complete()
    for _ in range(20):
        await pilot.pause()
        if not app.screen.running:
            return


async def run_from_prompt(app: UpliftApp, pilot, path: Path | str, **fields: str) -> str:
    """On the Diagnose screen: f, the file (and any other fields of the prompt by id), enter;
    the status line once the run is over."""
    await pilot.press("f")
    assert isinstance(app.screen, DiagnoseFileForm)
    app.screen.query_one("#path").value = str(path)
    for name, value in fields.items():
        app.screen.query_one(f"#{name}").value = value
    await pilot.press("enter")
    await wait_for_run(app, pilot)
    return text_of(app, "#diagnose-status")


async def test_the_kept_diagnosis_shows_kpis_findings_and_sortable_tables(team, deals) -> None:
    board = Board(team, actor="dana")
    run = board.run_diagnosis([deals])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, DiagnoseScreen)
        assert "X-1" in text_of(app, "#diagnose-status")
        kpis = text_of(app, "#kpis")
        assert f"Revenue {WON_REVENUE:,}" in kpis and "Win rate 65.0% (78 won, 42 lost)" in kpis
        findings = text_of(app, "#findings")
        assert run.diagnosis.findings and "South" in findings
        # the region table, sorted by revenue, then by name on a header click
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-breakdowns"
        app.screen.query_one("#breakdown-tabs", TabbedContent).active = "bd-region"
        await pilot.pause()
        table = app.screen.query_one("#table-region", DataTable)
        assert [r[0] for r in rows_of(table)] == BY_REVENUE
        await pilot.click("#table-region", offset=(3, 0))  # the "Region" header
        await pilot.pause()
        assert [r[0] for r in rows_of(table)] == ["East", "North", "South"]
        await pilot.press("S")
        assert [r[0] for r in rows_of(table)] == ["South", "North", "East"]
        await pilot.press("s")  # next column (revenue), biggest first
        assert [r[0] for r in rows_of(table)] == BY_REVENUE


async def test_a_note_with_a_tag_and_the_tag_filter(team) -> None:
    danas_note(team)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await open_undiagnosed(pilot, app)
        assert text_of(app, "#diagnose-status") == "No diagnosis yet · f diagnoses a file"
        assert "No diagnosis on this board yet. Press f" in text_of(app, "#kpis")
        for key in ("e", "t"):  # dana's note: the rule at once, no form or list of tags first
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, DiagnoseScreen), key
            assert any("a rep may only change their own notes; this one is dana's" in str(n.message)
                       for n in app._notifications), key
        await pilot.press("n")
        assert isinstance(app.screen, NoteForm)
        await pilot.press(*"Acme moved to [b]Rival[/b]")
        app.screen.query_one("#source").value = "Acme buyer"
        app.screen.query_one("#tags", SelectionList).select("competitor")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiagnoseScreen)
        notes = app.screen.query_one("#notes", DataTable)
        assert [r[0] for r in rows_of(notes)] == ["N-2", "N-1"]
        assert "Acme moved to [b]Rival[/b]" in text_of(app, "#note-text")  # shown literally
        await pilot.press("slash")
        assert isinstance(app.screen, Pick)
        await pilot.press("down", "down", "down", "enter")  # all, pain point, unmet need, competitor
        await pilot.pause()
        assert [r[0] for r in rows_of(notes)] == ["N-2"]
        assert "tagged competitor: 1 of 2" in text_of(app, "#notes-status")
        await pilot.press("t")  # add "praise" to N-2
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert [r[0] for r in rows_of(notes)] == ["N-2", "N-1"]
    board = Board(team, actor="dana")
    note = board.note("N-2")
    assert (note.author, note.source, note.tags) == ("ali", "Acme buyer", ["competitor", "praise"])


async def test_a_run_from_the_file_prompt_is_kept_and_shown(team, deals) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await run_from_prompt(app, pilot, deals, map="deal=order_id")
        assert isinstance(app.screen, DiagnoseScreen)
        assert "X-1 · just saved" in text_of(app, "#diagnose-status")
        assert "Win rate 65.0%" in text_of(app, "#kpis")
        read = text_of(app, "#mapping")  # how the file was read, as the command line says it
        assert "How the file was read" in read and "'deal' -> order_id" in read and "dates in 'date'" in read
        await pilot.press("down")  # the next key: "just saved" gave way (it stayed for the session)
        await until(pilot, lambda: "just saved" not in text_of(app, "#diagnose-status"))
        assert text_of(app, "#diagnose-status").startswith("X-1 · saved ")
    board = Board(team, actor="dana")
    [snapshot] = board.snapshots()
    assert snapshot.diagnosis.source.files == [str(deals)]
    assert board.saved_mapping(snapshot.signature).overrides == {"deal": "order_id"}
    # the kept explanation names the screen, not the command line's --map
    [line] = [line for line in snapshot.diagnosis.source.explanation if line.startswith("'deal' -> order_id")]
    assert line.endswith("; set in the Diagnose screen's column mapping)") and "--map" not in line


async def test_a_run_reusing_the_saved_mapping_says_so_in_the_kept_explanation(team, deals) -> None:
    Board(team, actor="dana").run_diagnosis([deals], ["deal=order_id"])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        status = await run_from_prompt(app, pilot, deals)
        assert "X-2 · just saved" in status and "reused the saved mapping deal=order_id" in status
        assert "from the mapping saved on the board" in text_of(app, "#mapping")
        await app.refresh_screens()  # (a change made elsewhere, or a form's): as a kept one now
        assert text_of(app, "#diagnose-status").startswith("X-2 · saved ")
    first, second = Board(team, actor="dana").snapshots()
    assert any(line.endswith("; set by --map)") for line in first.diagnosis.source.explanation)
    [line] = [line for line in second.diagnosis.source.explanation if line.startswith("'deal' -> order_id")]
    assert line.endswith("; from the mapping saved on the board for files with these columns)")


async def test_a_bad_file_says_which_column_and_row_and_saves_nothing(team, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("date,amount\n2026-01-05,10\n2026-01-06,lots\n", encoding="utf-8")
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        status = await run_from_prompt(app, pilot, bad)
        assert "column 'amount', row 3" in status and "nothing saved" in status
    assert snapshot_files(team) == before


async def test_a_reps_run_is_shown_but_not_kept(team, deals) -> None:
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="bea"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        assert "Not kept on the board" in await run_from_prompt(app, pilot, deals)
        assert "Win rate" in text_of(app, "#kpis")
    assert snapshot_files(team) == before


async def test_every_tab_fits_at_80x24_and_the_checklist_ticks(team, deals) -> None:
    Board(team, actor="dana").run_diagnosis([deals], period="quarter")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        tabs = app.screen.query_one("#diagnose-tabs", TabbedContent)
        for tab in ("tab-summary", "tab-breakdowns", "tab-charts", "tab-notes", "tab-checklist"):
            tabs.active = tab
            await pilot.pause()
        checklist = app.screen.query_one("#checklist", SelectionList)
        checklist.focus()
        await pilot.press("space")  # the first item, under the cursor from the start: the
        await pilot.pause()          # diagnosis kept ticks it, so it stays ticked and says why
        assert "ticked by diagnosis X-1" in str(app.screen.query_one("#checklist", SelectionList).get_option_at_index(0).prompt)
        await pilot.press("down", "space")
        await pilot.pause()
    items = Board(team, actor="dana").checklist()
    assert items[0][1] is not None and (items[0][1].by, items[0][1].diagnosis) == ("dana", "X-1")
    assert items[1][1] is not None and items[1][1].by == "ali" and items[1][1].diagnosis is None


# Seven orders of four customers over three months. New customers per month, counted by hand:
# January Ann and Bob (2 of 2); February Cy (1 of Ann, Cy); March Dee (1 of Bob, Cy, Dee).
ORDERS = ("order,date,customer,amount\n"
          "O1,2026-01-01,Ann,100\nO2,2026-01-20,Bob,200\nO3,2026-02-03,Ann,1500\nO4,2026-02-10,Cy,50\n"
          "O5,2026-03-01,Bob,3000\nO6,2026-03-15,Dee,80\nO7,2026-03-31,Cy,70\n")


@pytest.fixture
def orders_kept(team: Path, tmp_path: Path) -> Path:
    """The team board with a diagnosis of ORDERS kept on it."""
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS, encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([orders])
    return team


def new_customer_cells(table: DataTable) -> list[tuple[str, str, str]]:
    """(period, new customers, new-customer share) per row of the period table, as shown."""
    headers = [" ".join(str(c.label).split()) for c in table.ordered_columns]  # (a long one on two lines)
    new, share = headers.index("New cust."), headers.index("New %")
    assert headers[new - 1] == "Customers"
    return [(r[0], r[new], r[share]) for r in rows_of(table)]


async def test_the_period_table_has_new_customers_and_numbers_line_up_on_the_right(orders_kept) -> None:
    app = UpliftApp(Board(orders_kept, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "s")  # s opens the breakdowns
        await pilot.pause()
        table = app.screen.query_one("#table-period", DataTable)
        assert [(period, new.strip(), share.strip()) for period, new, share in new_customer_cells(table)] == [
            ("2026-01", "2*", "100.0%*"), ("2026-02", "1", "50.0%"), ("2026-03", "1", "33.3%")]
        headers = [" ".join(str(c.label).split()) for c in table.ordered_columns]  # (a long one on two lines)
        assert rows_of(table)[2][headers.index("Revenue")] == "3,150"  # March
        for row in range(table.row_count):
            cells = table.get_row_at(row)
            assert cells[0].justify != "right"  # the period's name reads from the left
            assert all(cell.justify == "right" for cell in cells[1:])
        assert all(c.label.justify == "right" for c in table.ordered_columns[1:])


async def test_the_first_period_is_marked_wherever_the_sort_puts_it(orders_kept, tmp_path) -> None:
    app = UpliftApp(Board(orders_kept, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "s")
        await pilot.pause()
        assert text_of(app, "#period-note") == "* first month of the data: every customer is new"
        await pilot.press("S")  # newest first: January moves to the bottom, its mark with it
        await pilot.pause()
        # the other rows have a space where the mark is, so the digits stay in line
        assert new_customer_cells(app.screen.query_one("#table-period", DataTable)) == [
            ("2026-03", "1 ", "33.3% "), ("2026-02", "1 ", "50.0% "), ("2026-01", "2*", "100.0%*")]
        # one period only: the summary's "new in the last month" is that first month's too
        one = tmp_path / "january.csv"
        one.write_text(ORDERS.split("O3,")[0], encoding="utf-8")
        await run_from_prompt(app, pilot, one)
        assert ("New in the last month: 100.0% (first month of the data: every customer is new)"
                in text_of(app, "#kpis"))


async def test_a_diagnosis_without_customers_has_no_first_period_note(team, deals) -> None:
    Board(team, actor="dana").run_diagnosis([deals])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "s")
        await pilot.pause()
        assert not app.screen.query_one("#period-note").display
        assert "*" not in str(rows_of(app.screen.query_one("#table-period", DataTable)))


async def test_charts_have_readable_axes_and_a_chart_without_data_is_left_out(team, deals) -> None:
    Board(team, actor="dana").run_diagnosis([deals])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-charts"
        await pilot.pause()
        revenue = str(app.screen.query_one("#chart-revenue").render())
        labels = [line.split("┤")[0].strip() for line in revenue.splitlines() if "┤" in line]
        # monthly revenue is a few thousand: the axis says 2k, 4k..., not 2000.0
        assert labels and all("." not in label for label in labels) and "2k" in labels, labels
        win = str(app.screen.query_one("#chart-win").render())
        assert "100%" in win and "South" in win  # a rate is drawn against 0-100%
        # the deals have no product line: that chart is hidden and the screen says why
        assert not app.screen.query_one("#chart-lines").display
        assert "Not in this data: Contribution by product line" in text_of(app, "#charts-missing")


async def test_bar_charts_keep_long_and_chinese_names_apart_and_aligned(team, tmp_path, monkeypatch) -> None:
    """Fourteen product lines whose names differ past their 14th character, and a Chinese region
    name, at 80 columns in Chinese: plotext cut every name to "Product line n" and pushed the
    Chinese one's row two cells right, past the chart's edge."""
    from sales.text import display_width

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = [f"Product line number {n:02d} with a long name" for n in range(1, 14)] + ["办公用品"]
    rows = "".join(f"D{i},2026-01-{1 + i % 28:02d},{100 + i},{lines[i % 14]},{['华南', 'EMEA'][i % 2]},"
                   f"{'won' if i % 3 else 'lost'}\n" for i in range(140))
    path = tmp_path / "lines.csv"
    path.write_text("deal,date,amount,product line,region,stage\n" + rows, encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([path])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-charts"
        await pilot.pause()
        chart = str(app.screen.query_one("#chart-lines").render()).splitlines()
        assert chart[0].strip() == "各产品线贡献（占收入 %）（按收入排名前 12，共 14）"
        bars = chart[1:-1]
        assert len(bars) == 12 and all(display_width(line) <= 78 for line in chart)
        names = [line[:line.index(" █")] for line in bars]
        assert len(set(names)) == 12 and all(name.endswith("…") for name in names if name.startswith("Product"))
        assert len({display_width(name) for name in names}) == 1
        win = str(app.screen.query_one("#chart-win").render()).splitlines()
        # every bar starts at the same cell, whatever the name's script; each ends with its value
        starts = {display_width(line[:line.index("█")]) for line in win[1:-1]}
        assert len(starts) == 1 and win[1].endswith("%") and "100%" in win[-1]
        south = next(line for line in win if line.startswith("华南"))
        assert south.endswith(f"{100 * 46 / 70:.1f}%")  # 华南: deals 0, 2, ..., 138; won unless a multiple of 3


async def test_a_year_of_months_at_80_columns_labels_every_other_month(team, tmp_path) -> None:
    """Twelve month labels do not fit 80 columns: plotext dropped the ones that would overlap,
    which left 2025-01, 2025-03, 2025-04, 2025-06... under the bars."""
    path = tmp_path / "year.csv"
    path.write_text("order,date,amount\n" + "".join(f"O{m}{d},2026-{m:02d}-{d},{100 * m}\n" for m in range(1, 13) for d in (1, 28)),
                    encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([path])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-charts"
        await pilot.pause()
        revenue = str(app.screen.query_one("#chart-revenue").render()).splitlines()
        labels = next(line for line in reversed(revenue) if "2026-" in line).split()
        assert labels == ["2026-01", "2026-03", "2026-05", "2026-07", "2026-09", "2026-11"]


async def test_a_file_of_lost_deals_only_leaves_the_revenue_chart_out(team, tmp_path) -> None:
    """No revenue in any month: the Charts tab ended the board (ZeroDivisionError in plotext)."""
    path = tmp_path / "lost.csv"
    path.write_text("deal,date,amount,stage,region\nD1,2026-01-05,100,Lost,North\nD2,2026-01-06,0,Lost,South\n",
                    encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([path])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-charts"
        await pilot.pause()
        assert not app.screen.query_one("#chart-revenue").display
        assert text_of(app, "#charts-missing") == (
            "Not in this data: Revenue by month; Contribution by product line (% of revenue)")
        assert "0.0%" in str(app.screen.query_one("#chart-win").render())


async def test_a_failed_run_says_which_diagnosis_is_still_shown(team, deals, tmp_path) -> None:
    Board(team, actor="dana").run_diagnosis([deals])
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01binary")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        status = await run_from_prompt(app, pilot, bad)
        assert "nothing saved" in status and status.endswith("still showing X-1")
        assert f"Revenue {WON_REVENUE:,}" in text_of(app, "#kpis")


async def test_a_mapping_error_names_the_mapping_as_the_prompt_takes_it(team, deals, tmp_path) -> None:
    """The prompt (f) takes the mapping in its "Column mapping" field, not as `--map`: the error
    says so in those words, and nothing is saved."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        before = snapshot_files(team)
        status = await run_from_prompt(app, pilot, deals, map="Foo=amount")
        assert "column mapping Foo=amount: no column 'Foo' (columns: deal, date, amount, region, stage)" in status
        status = await run_from_prompt(app, pilot, deals, map="region=colour")
        assert "column mapping region=colour: unknown field 'colour'" in status
        status = await run_from_prompt(app, pilot, deals, map="", join="teams.csv")
        assert "join 'teams.csv': expected FILE:KEY or FILE:KEY=JOINED_KEY" in status
        (tmp_path / "teams.csv").write_text("rep,team\nAnn,East\n", encoding="utf-8")
        status = await run_from_prompt(app, pilot, deals, join=f"{tmp_path / 'teams.csv'}:rep")
        assert "deals.csv, column 'rep': join teams.csv:rep: no column 'rep' in the main file" in status
        assert "--join" not in status
        no_amount = tmp_path / "no-amount.csv"
        no_amount.write_text("date,region\n2026-01-05,North\n", encoding="utf-8")
        status = await run_from_prompt(app, pilot, no_amount, join="")
        assert "no-amount.csv: missing required column: an amount column" in status
        assert status.endswith("name one in the column mapping (f): COLUMN=amount") and "--map" not in status
        assert snapshot_files(team) == before


async def test_the_notes_table_names_the_kind_as_the_note_does(team) -> None:
    Board(team, actor="dana").add_note("Price is too high", kind="feedback")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-notes"
        await pilot.pause()
        [row] = rows_of(app.screen.query_one("#notes", DataTable))
        assert row[1] == "Customer feedback"
        assert "Customer feedback" in text_of(app, "#note-text")


async def test_a_notes_detail_says_it_is_from_whom_the_table_does(team) -> None:
    """A note naming no source is the writer's own: From says dana, and so does its detail."""
    lead = Board(team, actor="dana")
    lead.add_note("Demo kit is outdated")  # N-1: no source
    lead.add_note("Price is too high", kind="feedback", source="Acme buyer")  # N-2
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-notes"
        notes = app.screen.query_one("#notes", DataTable)
        await until(pilot, lambda: notes.row_count == 2)
        notes.focus()
        for row in range(2):
            notes.move_cursor(row=row)
            await pilot.pause()
            note_id, source = rows_of(notes)[row][0], rows_of(notes)[row][3]
            assert f"{note_id} · " in text_of(app, "#note-text")
            assert f" · from {source} · " in text_of(app, "#note-text")
        assert {r[0]: r[3] for r in rows_of(notes)} == {"N-1": "dana", "N-2": "Acme buyer"}


async def test_the_file_prompt_takes_a_date_format_and_a_join_under_home(team, tmp_path, monkeypatch) -> None:
    # 03/04 and 05/04 could be March and May or the 3rd and 5th of April: only the user knows.
    sales = tmp_path / "sales.csv"
    sales.write_text("date,amount,agent\n03/04/2026,100,Ann\n05/04/2026,50,Bob\n", encoding="utf-8")
    (tmp_path / "teams.csv").write_text("agent,regional_office\nAnn,North\nBob,South\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        status = await run_from_prompt(app, pilot, sales, join="~/teams.csv:agent", date_format="dayfirst")
        assert "X-1 · just saved" in status
        assert "2026-04-03 to 2026-04-05" in text_of(app, "#kpis")
        # a format the reader does not know is a message, not a crash, and nothing is kept
        await pilot.press("f")
        assert app.screen.query_one("#date_format").value == "dayfirst"  # the last run's choices
        app.screen.query_one("#date_format").value = "sideways"
        await pilot.press("enter")
        await wait_for_run(app, pilot)
        assert "unknown date format 'sideways'" in text_of(app, "#diagnose-status")
    [snapshot] = Board(team, actor="dana").snapshots()
    assert {g.value for g in snapshot.diagnosis.breakdowns["region"]} == {"North", "South"}


async def test_a_file_name_with_a_comma_is_one_file_and_a_list_can_quote_it(team, tmp_path) -> None:
    # "Q1, Q2.csv" is one file; a list of files is comma-separated, its comma-holding name quoted.
    half = tmp_path / "Q1, Q2.csv"
    half.write_text("order,date,amount\nO1,2026-01-05,100\nO2,2026-04-05,200\n", encoding="utf-8")
    third = tmp_path / "q3.csv"
    third.write_text("order,date,amount\nO3,2026-07-05,400\n", encoding="utf-8")
    fourth = tmp_path / "q4.csv"
    fourth.write_text("order,date,amount\nO4,2026-10-05,800\n", encoding="utf-8")
    app = UpliftApp(Board(team, actor="dana"))

    async def run_prompt(text: str | None) -> list[str]:
        """Type `text` in the file prompt (None: keep what it shows) and run; the kept files."""
        await pilot.press("f")
        if text is not None:
            app.screen.query_one("#path").value = text
        await pilot.press("enter")
        await wait_for_run(app, pilot)
        return Board(team, actor="dana").latest_snapshot().diagnosis.source.files

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        assert await run_prompt(str(half)) == [str(half)]
        assert await run_prompt(f'"{half}", {third}') == [str(half), str(third)]
        # the prompt shows the last run's files so that running them again reads the same two
        await pilot.press("f")
        assert app.screen.query_one("#path").value == f'"{half}", {third}'
        await pilot.press("escape")
        assert await run_prompt(None) == [str(half), str(third)]
        # a list without commas in its names needs no quotes
        assert await run_prompt(f"{third}, {fourth}") == [str(third), str(fourth)]
    assert len(Board(team, actor="dana").snapshots()) == 4


async def test_a_file_prompt_of_only_commas_and_quotes_asks_for_a_file(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "f")
        app.screen.query_one("#path").value = ' "" , '
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DiagnoseFileForm)
        assert "name a file to diagnose" in text_of(app, "#error-path")


async def test_dropped_rows_say_each_reason_and_its_count(team, tmp_path) -> None:
    """`open deal (neither won nor lost yet): 2`, not `2 open deal (...)`."""
    path = tmp_path / "open.csv"
    path.write_text(DEALS + "X1,2026-02-02,500,North,prospecting\nX2,2026-02-03,600,East,proposal\n",
                    encoding="utf-8")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await run_from_prompt(app, pilot, path, map="deal=order_id")
        assert "Dropped rows: open deal (neither won nor lost yet): 2" in text_of(app, "#kpis")


async def test_the_file_forms_footer_says_its_save_key_runs(team) -> None:
    """The heading says enter runs and the button `Run (enter)`: the footer said `^s Save`."""
    from tui.widgets.footer import Footer

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await on_mode(pilot, "diagnose")
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseFileForm))
        footer = app.screen.query_one(Footer)
        await until(pilot, lambda: footer.keys)  # the footer reads the keys once the form's bindings settle
        assert [(k.key_display, k.description) for k in footer.keys][:2] == [("^s", "Run"), ("esc", "Cancel")]


async def test_saving_a_note_form_keeps_what_someone_else_changed_while_it_was_open(team) -> None:
    danas_note(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_undiagnosed(pilot, app)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, NoteForm))
        Board(team, actor="dana").update_note("N-1", tags=["pain_point", "unmet_need"], source="Ali's calls")
        app.screen.query_one("#note-text-input").text = "Reps say the demo kit is two years old"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen))
    note = Board(team, actor="dana").note("N-1")
    assert (note.text, note.source, note.tags) == ("Reps say the demo kit is two years old", "Ali's calls",
                                                   ["pain_point", "unmet_need"])


async def test_a_bad_file_and_a_bad_mapping_are_said_in_chinese(team, deals, tmp_path, monkeypatch) -> None:
    """Under UPLIFT_LANG=zh the status line says what the file prompt's run could not read in
    Chinese, naming the file, column and row, and the mapping as the prompt takes it."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = ["date,amount", "2026-01-05,10", "2026-01-06,12", "2026-01-07,lots"]
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    row = lines.index("2026-01-07,lots") + 1
    no_amount = tmp_path / "no-amount.csv"
    no_amount.write_text("date,region\n2026-01-05,North\n", encoding="utf-8")
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: "尚无诊断" in text_of(app, "#diagnose-status"))
        status = await run_from_prompt(app, pilot, bad)
        assert status.startswith(f"未能诊断，未保存任何内容：bad.csv，列 'amount'，第 {row} 行：无法将 'lots' 读作数字")
        status = await run_from_prompt(app, pilot, deals, map="Foo=amount")
        assert "列映射 Foo=amount：没有列 'Foo'（现有的列：deal, date, amount, region, stage）" in status
        status = await run_from_prompt(app, pilot, no_amount, map="")
        assert "no-amount.csv：缺少必需的列：金额列（或数量和单价）；现有的列为 'date', 'region'" in status
        assert status.endswith("请在列映射中指定一列（按 f）：COLUMN=amount") and "--map" not in status
    assert snapshot_files(team) == before


async def test_the_notes_status_names_the_keys_as_remapped(team, own_config_dir) -> None:
    """With the note keys remapped, the notes' line still said "n adds, e edits, t tags, / filters
    by tag" (keys that now did nothing)."""
    own_config_dir.mkdir(parents=True)
    (own_config_dir / "config.yaml").write_text(
        "keys:\n  diagnose.note: N\n  diagnose.edit_note: E\n  diagnose.tag: ctrl+t\n  diagnose.filter: F\n",
        encoding="utf-8")
    danas_note(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_undiagnosed(pilot, app)
        assert text_of(app, "#notes-status") == "1 note · N adds, E edits, ^t tags, F filters by tag\nBy tag: pain point 1"
        app.screen.tag_filter = "pain_point"
        app.screen.show_notes()
        assert text_of(app, "#notes-status") == "Notes tagged pain point: 1 of 1 (F changes the filter, esc clears)"


async def test_down_from_the_tab_bar_goes_into_the_charts_and_scrolls_them(team, deals) -> None:
    """At 80x24 the charts run past the screen: from the tab bar (where `]` leaves the focus) down
    goes into the tab and the arrows scroll it; before, down did nothing until tab was pressed."""
    from textual.containers import VerticalScroll
    from textual.widgets import Tabs

    Board(team, actor="dana").run_diagnosis([deals])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen))
        tabs = app.screen.query_one("#diagnose-tabs", TabbedContent)
        tabs.query_one(Tabs).focus()
        await pilot.press("right_square_bracket", "right_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-charts")
        scroll = app.screen.query_one("#tab-charts").query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0  # there is more to see
        await pilot.press("down")
        await until(pilot, lambda: app.focused is not None and scroll in (app.focused, *app.focused.ancestors))
        await pilot.press("down", "down", "down")
        await until(pilot, lambda: scroll.scroll_y > 0)
        await pilot.press("pagedown")
        await until(pilot, lambda: scroll.scroll_y >= 3)


async def test_in_chinese_the_prompts_mapping_takes_chinese_commas_and_shows_a_chinese_example(team, tmp_path,
                                                                                                monkeypatch) -> None:
    """A Chinese team's mapping, typed with an input method (`收款=amount，记账=date`), is two
    items, as with `,`; the mapping box's example is a Chinese file's columns, not a German one's."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")  # (before the app is made)
    path = tmp_path / "流水.csv"
    path.write_text("记账,区域,收款\n2026-01-05,华北,100\n2026-02-05,华南,250\n", encoding="utf-8")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen))
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseFileForm))
        assert str(app.screen.query_one("#map").placeholder) == "销售额=amount, 日期=date"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen))
        await run_from_prompt(app, pilot, path, map="收款=amount，记账=date")
    board = Board(team, actor="dana")
    [snapshot] = board.snapshots()
    assert board.saved_mapping(snapshot.signature).overrides == {"收款": "amount", "记账": "date"}


async def test_an_undiagnosed_boards_breakdowns_and_charts_say_how_to_start(team, deals) -> None:
    """They showed an empty table and a blank chart's frame; the Summary alone said what fills them."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_undiagnosed(pilot, app)
        how = ("No diagnosis on this board yet. Press f to diagnose a sales export (CSV, XLSX or XLS), "
               "or run `uplift diagnose FILE.csv`.")
        assert text_of(app, "#period-note") == how and text_of(app, "#charts-missing") == how
        assert not app.screen.query_one("#chart-revenue").display
        Board(team, actor="dana").run_diagnosis([deals])  # kept by another session: the tabs fill in
        await until(pilot, lambda: "Revenue by month" not in text_of(app, "#charts-missing")
                    and app.screen.query_one("#chart-revenue").display)
        assert how not in text_of(app, "#charts-missing") and how not in text_of(app, "#period-note")


async def test_down_from_the_breakdowns_own_tab_bar_goes_into_its_table(team, deals) -> None:
    """Breakdowns holds a tab bar of its own (period, region, ...): down from it goes into the
    shown breakdown's table, as down from the screen's bar goes into a tab (it did nothing)."""
    from textual.widgets import DataTable, Tabs

    Board(team, actor="dana").run_diagnosis([deals])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen))
        outer = app.screen.query_one("#diagnose-tabs", TabbedContent)
        outer.active = "tab-breakdowns"
        outer.query(Tabs).first().focus()
        await pilot.press("down")
        inner = app.screen.query_one("#breakdown-tabs", TabbedContent)
        await until(pilot, lambda: app.focused is inner.query(Tabs).first())
        await pilot.press("down")
        await until(pilot, lambda: isinstance(app.focused, DataTable) and inner.active_pane in app.focused.ancestors)


async def test_g_makes_a_weak_spot_a_goal_with_its_metric_scope_baseline_and_target(team, deals) -> None:
    """From "South region: win rate 30% vs 83% elsewhere" to a goal took retyping it all on the
    Goals screen; g fills in a new goal's form from the weak spot picked."""
    from tui.screens.fields_form import FieldsForm

    Board(team, actor="dana").run_diagnosis([deals])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert text_of(app, "#findings").startswith("Weak spots (g makes one a goal)")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, Pick)  # two weak spots: which?
        assert [label for label, _ in app.screen.choices][0].startswith("1. South region: win rate 30%")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FieldsForm)
        values = {name: form.query_one(f"#field-{name}").value for name in ("title", "metric", "region", "baseline", "target")}
        # South won 12 of 40; the other regions 66 of 80: 82.5%
        assert values == {"title": "Raise win rate: South region", "metric": "win_rate", "region": "South",
                          "baseline": "snapshot X-1", "target": "82.5"}
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsForm)
    goal = Board(team, actor="dana").goal("G-1")
    # the baseline is the snapshot's newest whole month of South's win rate (March: deals 2, 5, 8, ...
    # of the South's forty, i % 3 == 2), said with where it came from
    south = [(i, stage) for i, (region, stage) in enumerate(OUTCOMES) if region == "South" and i % 3 == 2]
    march = 100 * sum(stage == "won" for _, stage in south) / len(south)
    assert (goal.metric, goal.scope.given(), goal.target) == ("win_rate", {"region": "South"}, 82.5)
    assert (round(goal.baseline, 2), goal.baseline_source) == (round(march, 2), "snapshot X-1, 2026-03")
    assert goal.description.startswith("Weak spot of diagnosis X-1: South region: win rate 30%")


async def test_g_gives_the_goal_the_cycles_last_day_as_its_deadline(team, deals) -> None:
    """A weak spot made a goal while the plan has its dates is a goal of this cycle: its form
    offers the cycle's last day as the deadline (it was empty, and SMART's T failed on it)."""
    from tui.screens.fields_form import FieldsForm

    lead = Board(team, actor="dana")
    lead.run_diagnosis([deals])
    end = lead.today() + timedelta(days=60)
    lead.set_plan_info("Q", lead.today() - timedelta(days=30), end)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FieldsForm)
        assert app.screen.query_one("#field-deadline").value == end.isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
    goal = Board(team, actor="dana").goal("G-1")
    assert goal.deadline == end
    assert [v.passed for v in Board(team, actor="dana").report("G-1").verdicts if v.letter == "T"] == [True]


async def test_g_is_a_leads_and_says_so_to_a_rep(team, deals) -> None:
    Board(team, actor="dana").run_diagnosis([deals])
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, DiagnoseScreen)
    assert Board(team, actor="dana").goals() == []


async def test_k_shows_an_earlier_kept_diagnosis_and_says_it_is_not_the_newest(team, deals, tmp_path) -> None:
    """The screen showed only the newest diagnosis: last quarter's, kept on the board, could be
    read on the command line only."""
    other = tmp_path / "other.csv"
    other.write_text("date,amount\n2026-04-01,10\n2026-04-02,20\n", encoding="utf-8")
    lead = Board(team, actor="dana")
    lead.run_diagnosis([deals])
    lead.run_diagnosis([other])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        status = text_of(app, "#diagnose-status")
        assert status.startswith("X-2 · saved") and status.endswith("· k others")
        assert "Revenue 30" in text_of(app, "#kpis")
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, Pick)
        assert [value for _, value in app.screen.choices] == ["X-2", "X-1"]  # newest first
        assert app.screen.choices[1][0].endswith("2026-01-01 – 2026-03-28  deals.csv")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DiagnoseScreen)
        assert "not the newest (X-2) · k shows another" in text_of(app, "#diagnose-status")
        assert f"Revenue {WON_REVENUE:,}" in text_of(app, "#kpis")
        await pilot.press("k", "enter")  # the newest again
        await pilot.pause()
        assert "Revenue 30" in text_of(app, "#kpis")


async def test_the_summary_leads_with_the_last_whole_month_not_the_part_the_export_ends_in(team, tmp_path) -> None:
    """An export taken on 3 April led the summary with "Last month 2026-04: revenue 100 (-91.7% on
    the month before) (partial)": a fall nobody had. The last whole month leads; April follows."""
    records = tmp_path / "orders.csv"
    rows = [f"2026-{month:02d}-{day:02d},{amount},C{day}\n" for month, amount in ((1, 100), (2, 100), (3, 120))
            for day in (1, 10, 20, 28)] + ["2026-01-31,0,C1\n", "2026-03-31,0,C1\n", "2026-04-03,100,C9\n"]
    records.write_text("date,amount,customer\n" + "".join(rows), encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([records])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        kpis = text_of(app, "#kpis").splitlines()
        # March 4 x 120 = 480 against February's 400: +20.0%; in March C9 was no customer yet: 0 new of 4
        assert "Last month 2026-03: revenue 480.00 (+20.0% on the month before); 2026-04 so far: 100.00 (partial)" in kpis
        assert any(line.endswith("New in the last month: 0.0%") for line in kpis)


async def test_a_notes_chinese_tags_are_listed_with_a_chinese_comma(team, monkeypatch) -> None:
    """痛点、未满足的需求 in the notes' table and under it (the English `, ` stood between them)."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    Board(team, actor="dana").add_note("Reps say the demo kit is outdated", tags=["pain_point", "unmet_need"])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("#notes") and app.screen.query_one("#notes", DataTable).row_count)
        await until(pilot, lambda: "N-1" in text_of(app, "#note-text"))
        assert rows_of(app.screen.query_one("#notes", DataTable))[0][2] == "痛点、未满足的需求"
        assert "痛点、未满足的需求" in text_of(app, "#note-text")


async def test_the_notes_tab_counts_each_tag(team) -> None:
    """A lead wants "3 pain points, 1 competitor mention" at a glance: the notes' line says how
    many notes carry each tag (a note with two counts under both; untagged ones under none)."""
    notes = [("Too expensive", ["pain_point"]), ("Rival X undercuts us", ["pain_point", "competitor"]),
             ("Slow onboarding", ["pain_point"]), ("Support was great", ["praise"]), ("Just a thought", [])]
    board = Board(team, actor="dana")
    for text, tags in notes:
        board.add_note(text, tags=tags)
    counts = {tag: sum(tag in tags for _, tags in notes) for tag in ("pain_point", "competitor", "praise")}
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_undiagnosed(pilot, app)
        assert text_of(app, "#notes-status").splitlines()[-1] == (
            f"By tag: pain point {counts['pain_point']}, competitor {counts['competitor']}, praise {counts['praise']}")


async def test_profit_and_discount_show_where_the_file_has_them(team, tmp_path) -> None:
    """A shop export with a profit and a discount: the summary says profit, margin and average
    discount, the region table has their columns (worked out by hand below), the weak spots say
    which discounts lose money; a file without them shows none of it (the test above)."""
    path = tmp_path / "shop.csv"
    # West: 40 lines of 100 at 0% making 30 each -> profit 1,200 on 4,000 (30.0%);
    # East: 40 lines of 100 at 50% losing 20 each -> profit -800 on 4,000 (-20.0%)
    path.write_text("order,date,region,sales,discount,profit\n" + "".join(
        f"O{i},2026-0{1 + i % 3}-{1 + i % 28:02d},{'West' if i < 40 else 'East'},100,"
        f"{'0' if i < 40 else '0.5'},{'30' if i < 40 else '-20'}\n" for i in range(80)), encoding="utf-8")
    Board(team, actor="dana").run_diagnosis([path])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert "Profit 400.00   Margin 5.0%   Average discount 25.0%" in text_of(app, "#kpis")
        assert "Lines discounted 50% or more lose money: margin -20.0% against +30.0% on the rest" \
            in text_of(app, "#findings")
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-breakdowns"
        app.screen.query_one("#breakdown-tabs", TabbedContent).active = "bd-region"
        await pilot.pause()
        table = app.screen.query_one("#table-region", DataTable)
        headers = [" ".join(str(column.label).split()) for column in table.columns.values()]
        rows = {row[0]: dict(zip(headers, row)) for row in rows_of(table)}
        assert (rows["West"]["Profit"], rows["West"]["Margin"], rows["West"]["Avg disc."]) == ("1,200", "30.0%", "0.0%")
        assert (rows["East"]["Profit"], rows["East"]["Margin"], rows["East"]["Avg disc."]) == ("-800.00", "-20.0%", "50.0%")


async def test_a_long_note_is_cut_with_an_ellipsis_in_the_table_at_80_columns(team) -> None:
    """At 80 columns the notes table ran off the screen's edge, the note cut mid-word
    (`takes too lon`) with nothing saying so; it takes the room the other columns leave, cut
    with …, and the detail under the table has it whole."""
    text = "Customers say onboarding takes too long and the trial ends before they see the value"
    Board(team, actor="dana").add_note(text, tags=["pain_point"])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        app.screen.query_one("#diagnose-tabs", TabbedContent).active = "tab-notes"
        table = app.screen.query_one("#notes", DataTable)
        await until(pilot, lambda: table.row_count == 1 and table.size.width > 0)
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll
        row = next(table.render_line(y).text for y in range(table.size.height) if "N-1" in table.render_line(y).text)
        assert row.rstrip().endswith("…") and "Customers say onboarding" in row
        assert text in text_of(app, "#note-text")


async def test_the_file_prompt_completes_paths_and_says_what_a_folder_holds(team, tmp_path) -> None:
    """Tab (or right) takes the grey completion: a folder with its `/`, the part the matching
    record files share, a whole name; a folder given as the file lists its record files."""
    exports = tmp_path / "exports"
    (exports / "q1").mkdir(parents=True)
    (exports / "orders-2025.csv").write_text("order,date,amount\nO1,2026-01-05,100\n", encoding="utf-8")
    (exports / "orders-2026.xlsx").write_bytes(b"")
    (exports / "notes.txt").write_text("not a record file", encoding="utf-8")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "f")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseFileForm))
        box = app.screen.query_one("#path")

        async def completed(typed: str, key: str) -> str:
            box.value = typed
            box.cursor_position = len(typed)
            await until(pilot, lambda: box._suggestion)
            await pilot.press(key)
            return box.value

        assert await completed(f"{tmp_path}/exp", "tab") == f"{exports}/"
        assert await completed(f"{exports}/o", "right") == f"{exports}/orders-202"
        assert await completed(f"{exports}/orders-2025", "tab") == f"{exports}/orders-2025.csv"
        # in a list, the last file is the one completed
        assert await completed(f"{exports}/orders-2025.csv, {exports}/orders-2026", "tab") == (
            f"{exports}/orders-2025.csv, {exports}/orders-2026.xlsx")

        # a folder: what it holds, and the box goes into it; one without record files says so
        box.value = str(exports)
        await pilot.press("enter")
        await until(pilot, lambda: "is a folder" in text_of(app, "#error-path"))
        assert text_of(app, "#error-path") == (f"{exports} is a folder, not a file; its sales files: "
                                               "orders-2025.csv, orders-2026.xlsx (type a name; tab completes it)")
        assert box.value == f"{exports}/" and isinstance(app.screen, DiagnoseFileForm)
        box.value = f"{exports}/q1"
        await pilot.press("enter")
        await until(pilot, lambda: "holds no" in text_of(app, "#error-path"))
        assert text_of(app, "#error-path") == f"{exports}/q1 is a folder, not a file, and holds no CSV, XLSX or XLS file"

        box.value = f"{exports}/orders-2025.csv"
        await pilot.press("enter")
        await wait_for_run(app, pilot)
    assert Board(team, actor="dana").latest_snapshot().diagnosis.source.files == [str(exports / "orders-2025.csv")]
