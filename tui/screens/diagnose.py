"""The Diagnose screen (phase 1): the newest diagnosis kept on the board, beside the team's
interview notes, customer feedback and the diagnosis checklist.

A run (f) reads and computes in a worker thread, so the screen stays responsive; only saving
the snapshot happens back on the UI thread, through the store like every other change.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Header,
    SelectionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.selection_list import Selection
from textual_plotext import PlotextPlot

from sales.diagnosis import DIMENSIONS, Diagnosis, GroupRow, Metrics
from sales.errors import Refused, UpliftError
from sales.notes import KIND_LABELS, NOTE_TAGS, TAG_LABELS, Note
from sales.text import safe
from tui.remote import is_remote
from tui.screens.diagnose_forms import DiagnoseFileForm, NoteForm, RunRequest
from tui.user_text import plain, plain_rich, tell
from tui.widgets.footer import Footer

HOW_TO_START = ("No diagnosis on this board yet. Press f to diagnose a sales export (CSV or XLSX), "
                "or run `uplift diagnose FILE.csv`.")
DIMENSION_LABELS = {"region": "Region", "channel": "Channel", "product_line": "Product line", "rep": "Rep"}

# Breakdown columns: (header, how to read the value from a group's metrics, how to show it)
COLUMNS: list[tuple[str, str]] = [
    ("Revenue", "revenue"), ("Share", "revenue_share"), ("Orders", "orders"),
    ("Avg order", "average_order_value"), ("Customers", "customers"), ("Repurchase", "repurchase_rate"),
    ("Win rate", "win_rate"), ("Cycle days", "sales_cycle_days"), ("ROI", "roi"),
]
PERCENT = {"revenue_share", "repurchase_rate", "win_rate", "new_customer_share"}


def show_number(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    if metric in PERCENT:
        return f"{value * 100:.1f}%"
    if metric in ("orders", "customers", "won", "lost", "lines"):
        return f"{value:,.0f}"
    if metric == "roi":
        return f"{value:.2f}"
    if metric == "sales_cycle_days":
        return f"{value:.1f}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.2f}"


def kpi_summary(d: Diagnosis) -> str:
    t = d.total
    lines = [f"{', '.join(d.source.files)}",
             f"{d.first_date} to {d.last_date} by {d.period} · {d.rows_used:,} of {d.rows_read:,} rows used",
             "",
             f"Revenue {show_number('revenue', t.revenue)}   Orders {show_number('orders', t.orders)}   "
             f"Average order {show_number('average_order_value', t.average_order_value)}"]
    if t.customers is not None:
        lines.append(f"Customers {t.customers:,}   Repurchase rate {show_number('repurchase_rate', t.repurchase_rate)}"
                     f"   New in the last {d.period}: "
                     f"{show_number('new_customer_share', d.periods[-1].metrics.new_customer_share if d.periods else None)}")
    if t.win_rate is not None:
        lines.append(f"Win rate {show_number('win_rate', t.win_rate)} ({t.won:,} won, {t.lost:,} lost)"
                     + (f"   Sales cycle {t.sales_cycle_days:.1f} days" if t.sales_cycle_days is not None else ""))
    if len(d.periods) >= 2:
        last = d.periods[-1]
        change = last.change.get("revenue")
        lines.append(f"Last {d.period} {last.period}: revenue {show_number('revenue', last.metrics.revenue)}"
                     + (f" ({change * 100:+.1f}% on the {d.period} before)" if change is not None else "")
                     + (" (partial)" if last.partial else ""))
    dropped = "; ".join(f"{n:,} {why}" for why, n in d.dropped.items()) or "none"
    lines.append(f"Dropped rows: {dropped}")
    return "\n".join(lines)


def findings_text(d: Diagnosis) -> str:
    if not d.findings:
        return "Weak spots: none above the thresholds."
    return "Weak spots\n" + "\n".join(f"{i}. {f.text}" for i, f in enumerate(d.findings, 1))


class DiagnoseScreen(Screen):
    BINDINGS = [
        Binding("f,o", "open_file", "Diagnose file", id="diagnose.open"),
        Binding("s", "sort", "Sort", id="diagnose.sort"),
        Binding("S", "reverse", "Reverse", show=False, id="diagnose.reverse"),
        Binding("n", "new_note", "Note", id="diagnose.note"),
        Binding("e", "edit_note", "Edit note", id="diagnose.edit_note"),
        Binding("t", "tag_note", "Tag", id="diagnose.tag"),
        Binding("slash", "filter_tag", "Filter tag", id="diagnose.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="diagnose.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown: Diagnosis | None = None
        self.latest_seen: str | None = None  # the newest snapshot id this screen has shown
        self.last_request: RunRequest | None = None
        self.tag_filter: str | None = None
        self.sorting: dict[str, tuple[int, bool]] = {}  # table id -> (column, descending)
        self.running = False
        self.ready = False  # the poll may call refresh_board before on_mount has run

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="diagnose-status")
        with TabbedContent(id="diagnose-tabs"):
            with TabPane("Summary", id="tab-summary"):
                with VerticalScroll():
                    yield Static(id="kpis")
                    yield Static(id="findings")
            with TabPane("Breakdowns", id="tab-breakdowns"):
                with TabbedContent(id="breakdown-tabs"):
                    with TabPane("Period", id="bd-period"):
                        yield DataTable(id="table-period", cursor_type="row", zebra_stripes=True)
                    for dimension in DIMENSIONS:
                        with TabPane(DIMENSION_LABELS[dimension], id=f"bd-{dimension}"):
                            yield DataTable(id=f"table-{dimension}", cursor_type="row", zebra_stripes=True)
            with TabPane("Charts", id="tab-charts"):
                with VerticalScroll():
                    yield PlotextPlot(id="chart-revenue", classes="chart")
                    yield PlotextPlot(id="chart-lines", classes="chart")
                    yield PlotextPlot(id="chart-win", classes="chart")
            with TabPane("Notes", id="tab-notes"):
                yield Static(id="notes-status")
                yield DataTable(id="notes", cursor_type="row", zebra_stripes=True)
                yield Static(id="note-text")
            with TabPane("Checklist", id="tab-checklist"):
                yield SelectionList(id="checklist")
        yield Footer()

    async def on_mount(self) -> None:
        notes = self.query_one("#notes", DataTable)
        notes.add_column(plain_rich("ID"), key="id")
        notes.add_column(plain_rich("Kind"), key="kind")
        notes.add_column(plain_rich("Tags"), key="tags")
        notes.add_column(plain_rich("From"), key="source")
        notes.add_column(plain_rich("Note"), key="text")
        self.ready = True
        await self.refresh_board()

    async def on_screen_resume(self) -> None:
        await self.refresh_board()

    async def refresh_board(self) -> None:
        """Show the newest snapshot (unless a run not kept is on screen), the notes, the checklist."""
        if not self.ready:
            return
        board = self.app.board
        latest = board.latest_snapshot()
        if latest is not None and latest.id != self.latest_seen and not self.running:
            self.show_diagnosis(latest.diagnosis, f"{latest.id} · saved {latest.saved_at[:16].replace('T', ' ')}"
                                                  f" by {latest.saved_by} · f diagnoses another file")
            self.latest_seen = latest.id
        elif latest is None and self.shown is None:
            self.set_status("No diagnosis yet · f diagnoses a file")
            self.query_one("#kpis", Static).update(plain(HOW_TO_START))
        self.show_notes()
        self.show_checklist()

    def set_status(self, text: str) -> None:
        self.query_one("#diagnose-status", Static).update(plain(text))

    # ------------------------------------------------------------------ the diagnosis

    def show_diagnosis(self, d: Diagnosis, status: str) -> None:
        self.shown = d
        self.set_status(status)
        self.query_one("#kpis", Static).update(plain(kpi_summary(d)))
        self.query_one("#findings", Static).update(plain(findings_text(d)))
        tabs = self.query_one("#breakdown-tabs", TabbedContent)
        for dimension in DIMENSIONS:
            if dimension in d.breakdowns:
                tabs.show_tab(f"bd-{dimension}")
            else:
                tabs.hide_tab(f"bd-{dimension}")
        self.fill_period_table()
        for dimension in d.breakdowns:
            self.fill_group_table(dimension)
        self.draw_charts()

    def _columns(self) -> list[tuple[str, str]]:
        """The breakdown columns this diagnosis has numbers for."""
        d = self.shown
        return [(label, metric) for label, metric in COLUMNS if getattr(d.total, metric) is not None
                or metric in ("revenue_share",)]

    def fill_group_table(self, dimension: str) -> None:
        rows = [(g.value, g.metrics) for g in self.shown.breakdowns.get(dimension, [])]
        self._fill(f"table-{dimension}", DIMENSION_LABELS[dimension], rows)

    def fill_period_table(self) -> None:
        rows = [(p.period + (" (partial)" if p.partial else ""), p.metrics) for p in self.shown.periods]
        self._fill("table-period", "Period", rows, default_sort=(0, False))

    def _fill(self, table_id: str, first: str, rows: list[tuple[str, Metrics]],
              default_sort: tuple[int, bool] = (1, True)) -> None:
        table = self.query_one(f"#{table_id}", DataTable)
        columns = [(first, "")] + [c for c in self._columns() if not (table_id == "table-period" and c[1] == "revenue_share")]
        column, descending = self.sorting.setdefault(table_id, default_sort)
        column = min(column, len(columns) - 1)

        def sort_key(row: tuple[str, Metrics]):
            if column == 0:
                return (0, row[0].casefold())
            value = getattr(row[1], columns[column][1])
            return (1, 0.0) if value is None else (0, value)

        ordered = sorted(rows, key=sort_key, reverse=descending)
        if descending:  # keep the groups without a value at the bottom either way
            ordered = [r for r in ordered if sort_key(r)[0] == 0] + [r for r in ordered if sort_key(r)[0] == 1]
        table.clear(columns=True)
        for index, (label, _) in enumerate(columns):
            arrow = (" ▼" if descending else " ▲") if index == column else ""
            table.add_column(plain_rich(label + arrow), key=str(index))
        for name, metrics in ordered:
            table.add_row(plain_rich(name), *(plain_rich(show_number(m, getattr(metrics, m))) for _, m in columns[1:]))

    def _current_table(self) -> DataTable | None:
        if self.query_one("#diagnose-tabs", TabbedContent).active != "tab-breakdowns":
            return None
        pane = self.query_one("#breakdown-tabs", TabbedContent).active
        return self.query_one(f"#table-{pane.removeprefix('bd-')}", DataTable) if pane else None

    def _resort(self, table_id: str, column: int | None = None, reverse: bool = False) -> None:
        if self.shown is None:
            return
        current, descending = self.sorting.get(table_id, (1, True))
        if column is None:
            column = current
        elif column == current and not reverse:
            reverse = True
        else:
            descending = column != 0  # numbers biggest first, names A to Z
        if reverse:
            descending = not descending
        self.sorting[table_id] = (column, descending)
        if table_id == "table-period":
            self.fill_period_table()
        else:
            self.fill_group_table(table_id.removeprefix("table-"))

    def action_sort(self) -> None:
        """Sort the breakdown shown by its next column."""
        table = self._current_table()
        if table is None:
            self.query_one("#diagnose-tabs", TabbedContent).active = "tab-breakdowns"
            return
        column, _ = self.sorting.get(table.id, (1, True))
        self._resort(table.id, (column + 1) % len(table.columns))

    def action_reverse(self) -> None:
        table = self._current_table()
        if table is not None:
            self._resort(table.id, reverse=True)

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        if event.data_table.id and event.data_table.id.startswith("table-"):
            self._resort(event.data_table.id, event.column_index)

    def draw_charts(self) -> None:
        d = self.shown
        revenue = self.query_one("#chart-revenue", PlotextPlot)
        plt = revenue.plt
        plt.clear_data()
        plt.clear_figure()
        labels = [p.period for p in d.periods]
        plt.title(f"Revenue by {d.period}")
        if labels:
            xs = list(range(len(labels)))
            plt.bar(xs, [p.metrics.revenue for p in d.periods])
            step = max(1, len(labels) // 8)
            plt.xticks(xs[::step], labels[::step])
        revenue.refresh()
        self._bar_chart("#chart-lines", "Contribution by product line (% of revenue)", "product_line",
                        lambda m: None if m.revenue_share is None else m.revenue_share * 100)
        self._bar_chart("#chart-win", "Win rate by region (%)", "region",
                        lambda m: None if m.win_rate is None else m.win_rate * 100)

    def _bar_chart(self, selector: str, title: str, dimension: str, value) -> None:
        chart = self.query_one(selector, PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        groups: list[GroupRow] = self.shown.breakdowns.get(dimension, [])[:12]
        points = [(safe(g.value)[:14], value(g.metrics)) for g in groups]
        points = [(name, v) for name, v in points if v is not None]
        if points:
            plt.title(title)
            plt.bar([n for n, _ in points], [v for _, v in points], orientation="horizontal")
        else:
            plt.title(f"{title}: not in this data")
        chart.refresh()

    # ------------------------------------------------------------------ running a diagnosis

    def action_open_file(self) -> None:
        self.app.push_screen(DiagnoseFileForm(self.last_request), self._requested)

    def _requested(self, request: RunRequest | None) -> None:
        if request is None:
            return
        self.last_request = request
        self.start_run(request)

    def start_run(self, request: RunRequest) -> None:
        from sales.sales_fields import MappingError
        from store.record_files import RecordsError

        board = self.app.board
        if is_remote():
            self.failed(Refused("over SSH the server's files are out of reach: "
                                "run `uplift diagnose FILE` on your own machine against the board"))
            return
        try:
            signature, overrides, reused = board.prepare_run(request.paths, request.overrides, request.joins)
        except (RecordsError, MappingError) as error:
            self.failed(error)
            return
        self.running = True
        self.set_status(f"Diagnosing {', '.join(request.paths)} …")
        work = partial(self._compute, request, signature, overrides, reused, board.clock())
        self.run_worker(work, thread=True, exclusive=True, group="diagnose", name="diagnose")

    def _compute(self, request: RunRequest, signature: str, overrides: dict, reused: dict, now) -> None:
        """In a worker thread: read and compute; hand the result (or the error) to the UI thread."""
        from sales.sales_fields import MappingError
        from store.diagnoses import compute_diagnosis
        from store.record_files import RecordsError

        try:
            d = compute_diagnosis(request.paths, overrides, period=request.period, joins=request.joins, now=now)
        except (RecordsError, MappingError, UpliftError) as error:
            self.app.call_from_thread(self.failed, error)
            return
        except Exception as error:  # an unexpected reader failure must not kill the app
            self.app.call_from_thread(self.failed, f"could not diagnose: {type(error).__name__}: {error}")
            return
        self.app.call_from_thread(self.computed, d, signature, overrides, reused)

    def failed(self, error: object) -> None:
        self.running = False
        message = f"Not diagnosed, nothing saved: {error}"
        self.set_status(message)
        tell(self, message, "error")

    def computed(self, d: Diagnosis, signature: str, overrides: dict, reused: dict) -> None:
        self.running = False
        note = ""
        if reused:
            note = " · reused the saved mapping " + ", ".join(f"{c}={f}" for c, f in reused.items())
        try:
            snapshot = self.app.board.save_diagnosis(d, signature, overrides)
        except Refused as error:
            self.show_diagnosis(d, f"Not kept on the board ({error}){note}")
            return
        except UpliftError as error:
            self.show_diagnosis(d, f"Not kept on the board: {error}{note}")
            return
        self.latest_seen = snapshot.id
        self.show_diagnosis(d, f"{snapshot.id} · just saved{note}")
        tell(self, f"Diagnosis kept as {snapshot.id}")

    # ------------------------------------------------------------------ notes

    def show_notes(self) -> None:
        board = self.app.board
        notes = board.notes(tag=self.tag_filter)
        table = self.query_one("#notes", DataTable)
        current = self.current_note_id()
        table.clear()
        for note in notes:
            table.add_row(plain_rich(note.id), plain_rich(note.kind),
                          plain_rich(", ".join(TAG_LABELS[t] for t in note.tags)),
                          plain_rich(note.source or note.author or ""), plain_rich(note.text.splitlines()[0][:80]),
                          key=note.id)
        if current in {n.id for n in notes}:
            table.move_cursor(row=table.get_row_index(current))
        total = len(board.notes()) if self.tag_filter else len(notes)
        if self.tag_filter:
            status = (f"Notes tagged {TAG_LABELS[self.tag_filter]}: {len(notes)} of {total} "
                      f"(/ changes the filter, escape clears)")
        elif notes:
            status = f"{len(notes)} notes · n adds, e edits, t tags, / filters by tag"
        else:
            status = "No notes yet: press n to write down what a rep or a customer said."
        self.query_one("#notes-status", Static).update(plain(status))
        self.show_note_text()

    def current_note_id(self) -> str | None:
        table = self.query_one("#notes", DataTable)
        if table.row_count == 0:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            return None

    def current_note(self) -> Note | None:
        note_id = self.current_note_id()
        if note_id is None:
            return None
        try:
            return self.app.board.note(note_id)
        except UpliftError:
            return None

    def show_note_text(self) -> None:
        note = self.current_note()
        text = ""
        if note:
            tags = ", ".join(TAG_LABELS[t] for t in note.tags) or "no tags"
            text = (f"{note.id} · {KIND_LABELS[note.kind]} · from {note.source or '–'} · {tags} · "
                    f"written by {note.author or '–'} {note.created[:10]}\n{note.text}")
        self.query_one("#note-text", Static).update(plain(text))

    @on(DataTable.RowHighlighted, "#notes")
    def _note_highlighted(self) -> None:
        self.show_note_text()

    def _to_notes(self) -> None:
        self.query_one("#diagnose-tabs", TabbedContent).active = "tab-notes"
        self.query_one("#notes", DataTable).focus()

    def action_new_note(self) -> None:
        self._to_notes()
        self.app.push_screen(NoteForm(), self._note_saved)

    def action_edit_note(self) -> None:
        self._to_notes()
        note = self.current_note()
        if note is not None:
            self.app.push_screen(NoteForm(note), self._note_saved)

    def _note_saved(self, note: Note | None) -> None:
        if note is None:
            return
        tell(self, f"Saved {note.id}")
        if self.tag_filter and self.tag_filter not in note.tags:
            self.tag_filter = None
        self.show_notes()
        table = self.query_one("#notes", DataTable)
        table.move_cursor(row=table.get_row_index(note.id))

    def action_tag_note(self) -> None:
        from tui.screens.dialogs import Pick

        self._to_notes()
        note = self.current_note()
        if note is None:
            return
        choices = [(("✓ " if t in note.tags else "  ") + TAG_LABELS[t], t) for t in NOTE_TAGS]

        def picked(tag: str | None) -> None:
            if not tag:
                return
            try:
                self.app.board.toggle_note_tag(note.id, tag)
            except UpliftError as error:
                tell(self, error, "error")
                return
            self.show_notes()

        self.app.push_screen(Pick(f"Tag {note.id} (enter adds or removes a tag)", choices), picked)

    def action_filter_tag(self) -> None:
        from tui.screens.dialogs import Pick

        self._to_notes()
        choices = [("all notes", "")] + [(TAG_LABELS[t], t) for t in NOTE_TAGS]

        def picked(tag: str | None) -> None:
            if tag is None:
                return
            self.tag_filter = tag or None
            self.show_notes()

        self.app.push_screen(Pick("Show notes tagged", choices), picked)

    def action_clear_filter(self) -> None:
        if self.tag_filter:
            self.tag_filter = None
            self.show_notes()

    # ------------------------------------------------------------------ the checklist

    def show_checklist(self) -> None:
        items = self.app.board.checklist()
        checklist = self.query_one("#checklist", SelectionList)
        wanted = [(text, tick) for text, tick in items]
        if getattr(self, "_checklist_shown", None) == wanted:
            return
        self._checklist_shown = wanted
        highlighted = checklist.highlighted
        checklist.clear_options()
        checklist.add_options([
            Selection(plain(text + (f"  (ticked by {tick.by}, {tick.at[:10]})" if tick else "")), index, tick is not None)
            for index, (text, tick) in enumerate(items)])
        if highlighted is not None and items:
            checklist.highlighted = min(highlighted, len(items) - 1)

    @on(SelectionList.SelectionToggled, "#checklist")
    def _ticked(self, event: SelectionList.SelectionToggled) -> None:
        index = event.selection.value
        done = index in event.selection_list.selected
        try:
            self.app.board.tick_checklist(index, done)
        except UpliftError as error:
            tell(self, error, "error")
        self._checklist_shown = None
        self.show_checklist()
