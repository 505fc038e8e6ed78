"""The Diagnose screen (phase 1): the newest diagnosis kept on the board, beside the team's
interview notes, customer feedback and the diagnosis checklist.

A run (f) reads and computes in a worker thread, so the screen stays responsive; only saving
the snapshot happens back on the UI thread, through the store like every other change.
"""

from __future__ import annotations

import math
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
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

from sales.diagnosis import DIMENSIONS, Diagnosis, GroupRow, Metrics, source_lines
from sales.diagnosis_report import FIRST_MARK, row_counts
from sales.errors import Refused, UpliftError
from sales.notes import KIND_LABELS, NOTE_TAGS, TAG_LABELS, Note, said_by, tag_counts
from sales.phrases import kept
from sales.text import display_width, safe
from tui.chart_labels import label_step
from tui.i18n import N_, _, bracketed, enumerated, language, n_, said, say
from tui.keys import shown_key, shown_key_of
from tui.remote import is_remote
from tui.screens.board_view import BoardView
from tui.screens.tab_keys import TabKeys, tab_bindings
from tui.screens.diagnose_forms import DiagnoseFileForm, NoteForm, RunRequest
from tui.time_text import day_of, ticked_by, when
from tui.user_text import Hanging, plain, plain_rich, tell
from tui.widgets.footer import Footer
from tui.widgets.fill_table import FillTable
from tui.widgets.whole_columns import WholeColumnsTable, out_of_view, two_lines
from tui.widgets.percent_bars import PercentBars
from tui.widgets.tick_list import TickList

HOW_TO_START = N_("No diagnosis on this board yet. Press {open} to diagnose a sales export (CSV, XLSX or XLS), "
                  "or run `uplift diagnose FILE.csv`.")
#: The same over SSH, where `f` could open only the server's files (it says so, pressed).
HOW_TO_START_REMOTE = N_("No diagnosis on this board yet. Over SSH the server's files are out of reach: run "
                         "`uplift diagnose FILE.csv --board DIR` on a machine that has the board's folder.")
DIMENSION_LABELS = {"region": N_("Region"), "channel": N_("Channel"), "product_line": N_("Product line"),
                    "rep": N_("Rep")}

# Breakdown columns: (header, how to read the value from a group's metrics, how to show it)
COLUMNS: list[tuple[str, str]] = [
    (N_("Revenue"), "revenue"), (N_("Share"), "revenue_share"), (N_("Orders"), "orders"),
    (N_("Avg order"), "average_order_value"), (N_("Customers"), "customers"), (N_("Repurchase"), "repurchase_rate"),
    (N_("Win rate"), "win_rate"), (N_("Cycle days"), "sales_cycle_days"), (N_("ROI"), "roi"),
    (N_("Profit"), "profit"), (N_("Margin"), "margin"), (N_("Avg disc."), "average_discount"),
]
# Only the period table has these: who bought for the first time in the period, and their share
# of the period's customers (new vs. returning, period over period).
PERIOD_COLUMNS: list[tuple[str, str]] = [(N_("New cust."), "new_customers"), (N_("New %"), "new_customer_share")]
# No one can have bought before the data starts, so in its first period every customer is new
# (100%) by construction: the table marks those two cells (as the command line's report does)
# and says so above it.
FIRST_PERIOD_NOTE = N_("first {period} of the data: every customer is new")
# Below this many columns the period table leaves out what its other columns already say, so
# that Superstore's (eleven columns) fits 80 without scrolling sideways: the new customers'
# share (their count is beside the customers'), and ROI where the cost is the sales less the
# profit (ROI is then margin / (1 - margin): its margin says it, as it says profit).
NARROW_BELOW = 100
COST_FROM_PROFIT = "amount - profit"  # (sales.sales_fields: a file with profit and no cost)
PERCENT = {"revenue_share", "repurchase_rate", "win_rate", "new_customer_share", "margin", "average_discount"}


def with_arrow(heading: str, arrow: str, height: int) -> str:
    """The sorted column's heading with its arrow on its shortest line (`Period` / `▲`, `Avg ▲` /
    `order`), where it does not widen the column: at 80 columns `Period ▲` took the two cells that
    left the demo's period table wider than the screen."""
    lines = heading.split("\n") + [""] * (height - heading.count("\n") - 1)
    shortest = min(range(len(lines)), key=lambda index: display_width(lines[index]))
    lines[shortest] = f"{lines[shortest]} {arrow}".strip()
    return "\n".join(lines)


def show_number(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    if metric in PERCENT:
        return f"{value * 100:.1f}%"
    if metric in ("orders", "customers", "new_customers", "won", "lost", "lines"):
        return f"{value:,.0f}"
    if metric == "roi":
        return f"{value:.2f}"
    if metric == "sales_cycle_days":
        return f"{value:.1f}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.2f}"


#: Groups a bar chart shows: the ones with the most revenue.
CHART_GROUPS = 12


def out_of_reach() -> Refused:
    """Why a session over `uplift serve ssh` diagnoses no file: the files are the server's."""
    return Refused("over SSH the server's files are out of reach: "
                   "run `uplift diagnose FILE --board DIR` on a machine that has the board's folder")


def short_number(value: float) -> str:
    """An axis label a person reads at a glance: 1.25M, 800k, 45 (never 1338466.0)."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def axis_ticks(top: float, count: int = 4) -> list[float]:
    """Round tick values from 0 to at least `top`: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if top <= 0:
        return [0.0]
    rough = top / count
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    return [i * step for i in range(math.ceil(top / step - 1e-9) + 1)]


def number_cell(metric: str, value: float | None, mark: str = ""):
    """A breakdown table's cell: the number as show_number writes it (and `mark` after it),
    right-aligned so that thousands sit under thousands."""
    cell = plain_rich(show_number(metric, value) + mark)
    cell.justify = "right"
    return cell


def kpi_summary(d: Diagnosis) -> str:
    t = d.total
    period = _(d.period)
    # the newest whole period leads: a month the export ends in the middle of (09 December of
    # 31) is no month-on-month fall of 75%; it is said after it, as far as it goes
    whole = [p for p in d.periods if not p.partial]
    last = whole[-1] if whole and d.periods[-1].partial else (d.periods[-1] if d.periods else None)
    lines = [f"{', '.join(d.source.files)}",
             _("{first} to {last} by {period} · {used:,} of {read:,} rows used").format(
                 first=d.first_date, last=d.last_date, period=period, used=d.rows_used, read=d.rows_read),
             "",
             _("Revenue {revenue}   Orders {orders}   Average order {average}").format(
                 revenue=show_number('revenue', t.revenue), orders=show_number('orders', t.orders),
                 average=show_number('average_order_value', t.average_order_value))]
    if t.customers is not None:
        lines.append(_("Customers {customers:,}   Repurchase rate {rate}   New in the last {period}: {new}").format(
            customers=t.customers, rate=show_number('repurchase_rate', t.repurchase_rate), period=period,
            new=show_number('new_customer_share', last.metrics.new_customer_share if last else None))
                     + (bracketed(_(FIRST_PERIOD_NOTE).format(period=period)) if len(d.periods) == 1 else ""))
    if t.win_rate is not None:
        lines.append(_("Win rate {rate} ({won:,} won, {lost:,} lost)").format(
            rate=show_number('win_rate', t.win_rate), won=t.won, lost=t.lost)
                     + ("   " + _("Sales cycle {days:.1f} days").format(days=t.sales_cycle_days)
                        if t.sales_cycle_days is not None else ""))
    if t.profit is not None or t.average_discount is not None:
        lines.append("   ".join(
            ([_("Profit {profit}   Margin {margin}").format(profit=show_number('profit', t.profit),
                                                           margin=show_number('margin', t.margin))]
             if t.profit is not None else [])
            + ([_("Average discount {discount}").format(discount=show_number('average_discount', t.average_discount))]
               if t.average_discount is not None else [])))
    if len(d.periods) >= 2:
        change = last.change.get("revenue")
        lines.append(_("Last {period} {name}: revenue {revenue}").format(
            period=period, name=last.period, revenue=show_number('revenue', last.metrics.revenue))
                     + (" " + _("({change:+.1f}% on the {period} before)").format(change=change * 100, period=period)
                        if change is not None else "")
                     + (" " + _("(partial)") if last.partial else ""))
        if last is not d.periods[-1]:
            lines[-1] += "; " + _("{name} so far: {revenue} (partial)").format(
                name=d.periods[-1].period, revenue=show_number('revenue', d.periods[-1].metrics.revenue))
    dropped = row_counts(d.dropped, say) or _("none")
    lines.append(_("Dropped rows: {dropped}").format(dropped=dropped))
    return "\n".join(lines)


def mapping_text(d: Diagnosis) -> Hanging:
    """How the file was read: which column became which field, how its dates were read, and
    what joins found (as `uplift diagnose` prints it), so a wrong guess shows on the screen."""
    return Hanging([("", say(line)) for line in source_lines(d.source)],
                   heading="\n" + _("How the file was read (f, then a mapping, changes it)"))


def in_form_words(error: object) -> str:
    """An error in the interface's language, a mapping or join error named as the file prompt
    (f) takes them, not as the command line's `--map COLUMN=FIELD` / `--join FILE:KEY`."""
    from sales.sales_fields import MappingError
    from store.record_files import RecordsError

    if isinstance(error, MappingError) and error.item is not None:
        said_as = _("join {item}: {reason}") if error.option == "--join" else _("column mapping {item}: {reason}")
        return said_as.format(item=error.item, reason=said(error.reason_said))
    if not isinstance(error, RecordsError) or not (error.map_to or error.join):
        return said(error) if isinstance(error, BaseException) else str(error)
    reason = said(error.bare_said)
    if error.join:
        reason = _("join {item}: {reason}").format(item=error.join, reason=reason)
    if error.map_to:
        reason = _("{reason}; name one in the column mapping (f): COLUMN={field}").format(reason=reason, field=error.map_to)
    return _("{where}: {reason}").format(where=said(error.where_said), reason=reason)


def findings_text(d: Diagnosis, goal_key: str = "g") -> Hanging:
    """The weak spots, numbered, each wrapping under its own text; the heading says the key
    that makes one a goal."""
    if not d.findings:
        return Hanging([], heading=_("Weak spots: none above the thresholds."))
    return Hanging([(f"{i}.", say(kept(f.said, f.text))) for i, f in enumerate(d.findings, 1)],
                   heading=_("Weak spots ({key} makes one a goal)").format(key=goal_key), gap=1)


class DiagnoseScreen(TabKeys, BoardView):
    FILE_KEYS = frozenset({"open_file"})
    BINDINGS = [
        Binding("f,o", "open_file", N_("Diagnose file"), id="diagnose.open"),
        Binding("s", "sort", N_("Sort"), id="diagnose.sort"),
        Binding("S", "reverse", N_("Reverse"), show=False, id="diagnose.reverse"),
        Binding("n", "new_note", N_("Note"), id="diagnose.note"),
        Binding("e", "edit_note", N_("Edit note"), id="diagnose.edit_note"),
        Binding("t", "tag_note", N_("Tag"), id="diagnose.tag"),
        Binding("slash", "filter_tag", N_("Filter tag"), id="diagnose.filter"),
        Binding("g", "goal_from_finding", N_("Goal from weak spot"), show=False, id="diagnose.goal"),
        Binding("k", "kept", N_("Kept diagnoses"), show=False, id="diagnose.kept"),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False, id="diagnose.clear"),
        *tab_bindings("diagnose"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown: Diagnosis | None = None
        self.narrow = False  # the period table was filled for a screen below NARROW_BELOW columns
        self.latest_seen: str | None = None  # the newest snapshot id this screen has shown
        self.shown_id: str | None = None  # the snapshot on screen (None: a run not kept, or nothing)
        self.last_request: RunRequest | None = None
        self.tag_filter: str | None = None
        self.sorting: dict[str, tuple[int, bool]] = {}  # table id -> (column, descending)
        self.metrics_of: dict[str, list[str]] = {}  # table id -> its columns' metrics, as last filled
        self.running = False
        self.ready = False  # the poll may call refresh_board before on_mount has run
        self.just_saved = False  # the status says "just saved", until the next key or refresh

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="diagnose-status")
        with TabbedContent(id="diagnose-tabs"):
            with TabPane(_("Summary"), id="tab-summary"):
                with VerticalScroll():
                    yield Static(id="kpis")
                    yield Static(id="findings")
                    yield Static(id="mapping")
            with TabPane(_("Breakdowns"), id="tab-breakdowns"):
                with TabbedContent(id="breakdown-tabs"):
                    with TabPane(_("Period"), id="bd-period"):
                        yield Static(id="period-note")
                        yield WholeColumnsTable(id="table-period", cursor_type="row", zebra_stripes=True)
                        yield Static(id="more-period", classes="breakdown-more")
                    for dimension in DIMENSIONS:
                        with TabPane(_(DIMENSION_LABELS[dimension]), id=f"bd-{dimension}"):
                            yield WholeColumnsTable(id=f"table-{dimension}", cursor_type="row", zebra_stripes=True)
                            yield Static(id=f"more-{dimension}", classes="breakdown-more")
            with TabPane(_("Charts"), id="tab-charts"):
                with VerticalScroll():
                    yield Static(id="charts-missing")
                    yield PlotextPlot(id="chart-revenue", classes="chart")
                    yield PercentBars(id="chart-lines")
                    yield PercentBars(id="chart-win")
            with TabPane(_("Notes"), id="tab-notes"):
                yield Static(id="notes-status")
                # the note's first line takes the room the other columns leave, cut with … (the
                # detail under the table has it whole): at 80 columns it ran off the edge, cut mid-word
                yield FillTable(id="notes", cursor_type="row", zebra_stripes=True, fill=("text",))
                yield Static(id="note-text")
            with TabPane(_("Checklist"), id="tab-checklist"):
                yield TickList(id="checklist")
        yield Footer()

    async def on_mount(self) -> None:
        notes = self.query_one("#notes", DataTable)
        notes.add_column(plain_rich("ID"), key="id")
        notes.add_column(plain_rich(_("Kind")), key="kind")
        notes.add_column(plain_rich(_("Tags")), key="tags")
        notes.add_column(plain_rich(_("From")), key="source")
        notes.add_column(plain_rich(_("Note")), key="text")
        for table in self.query(WholeColumnsTable):  # (what is out of view changes with these)
            self.watch(table, "virtual_size", self._later)
            self.watch(table, "scroll_x", self._later)
        self.ready = True
        await self.refresh_board()

    async def refresh_board(self) -> None:
        """Show the newest snapshot (unless a run not kept is on screen), the notes, the checklist."""
        if not self.ready:
            return
        board = self.app.board
        self.fade_just_saved()
        latest = board.latest_snapshot()
        if latest is not None and latest.id != self.latest_seen and not self.running:
            self.show_kept(latest)
            self.latest_seen = latest.id
        elif latest is None and self.shown is None:
            if is_remote():  # (no key to promise: `f` opens only the server's files)
                self.set_status(_("No diagnosis yet"))
                how = plain(_(HOW_TO_START_REMOTE))
            else:
                self.set_status(_("No diagnosis yet · {key} diagnoses a file").format(key=shown_key(self, "diagnose.open")))
                how = plain(_(HOW_TO_START).format(open=shown_key(self, "diagnose.open")))
            self.query_one("#kpis", Static).update(how)
            # the Breakdowns and Charts tabs say it too (they showed an empty table and a blank chart)
            for where in ("#period-note", "#charts-missing"):
                self.query_one(where, Static).update(how)
                self.query_one(where, Static).display = True
            self.query_one("#chart-revenue", PlotextPlot).display = False
        self.show_notes()
        self.show_checklist()

    def show_kept(self, snapshot, newest: str | None = None) -> None:
        """A kept diagnosis on screen; `newest`: the newest one's id, when this is an earlier one."""
        self.show_diagnosis(snapshot.diagnosis, self.kept_status(snapshot, newest))
        self.shown_id = snapshot.id

    def fade_just_saved(self) -> None:
        """After a run, its "just saved" gives way to the status a kept diagnosis has (it stayed
        for the rest of the session, as if every later look were just after the run)."""
        if not self.just_saved or self.running:
            return
        self.just_saved = False
        snapshot = next((s for s in self.app.board.snapshots() if s.id == self.shown_id), None)
        if snapshot is not None:
            latest = self.app.board.latest_snapshot()
            self.set_status(self.kept_status(snapshot, None if latest is None or latest.id == snapshot.id else latest.id))

    def on_key(self) -> None:
        self.fade_just_saved()  # (the key's own action, if any, runs after and may say more)

    def kept_status(self, snapshot, newest: str | None = None) -> str:
        status = _("{id} · saved {when} by {name} · {key} diagnoses another file").format(
            key=shown_key(self, "diagnose.open"), id=snapshot.id, when=when(snapshot.saved_at), name=snapshot.saved_by)
        if newest is not None:
            status = _("{id} · saved {when} by {name} · not the newest ({newest}) · {key} shows another").format(
                id=snapshot.id, when=when(snapshot.saved_at), name=snapshot.saved_by, newest=newest,
                key=shown_key(self, "diagnose.kept"))
        elif len(self.app.board.snapshots()) > 1:
            status += " · " + _("{key} others").format(key=shown_key(self, "diagnose.kept"))
        return status

    def action_kept(self) -> None:
        """Show another kept diagnosis (last quarter's beside this one's: `uplift diagnosis compare`)."""
        from tui.screens.dialogs import Pick

        kept = list(reversed(self.app.board.snapshots()))
        if not kept:
            tell(self, _("No diagnosis kept on this board yet."), "warning")
            return

        def label(snapshot) -> str:
            d = snapshot.diagnosis
            files = enumerated(path.replace("\\", "/").rsplit("/", 1)[-1] for path in d.source.files)
            mark = "▶ " if snapshot.id == self.shown_id else "  "
            return f"{mark}{snapshot.id}  {when(snapshot.saved_at)}  {d.first_date} – {d.last_date}  {files}"

        def picked(chosen: str | None) -> None:
            if chosen is None or self.running:
                return
            snapshot = next(s for s in kept if s.id == chosen)
            self.show_kept(snapshot, None if snapshot.id == kept[0].id else kept[0].id)

        self.app.push_screen(Pick(_("Show which kept diagnosis?"), [(label(s), s.id) for s in kept]), picked)

    def set_status(self, text: str) -> None:
        self.just_saved = False
        self.query_one("#diagnose-status", Static).update(plain(text))

    # ------------------------------------------------------------------ the diagnosis

    def show_diagnosis(self, d: Diagnosis, status: str) -> None:
        self.shown = d
        self.set_status(status)
        self.query_one("#kpis", Static).update(plain(kpi_summary(d)))
        self.query_one("#findings", Static).update(findings_text(d, shown_key(self, "diagnose.goal")))
        self.query_one("#mapping", Static).update(mapping_text(d))
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
        d = self.shown
        rows = [(p.period + (" " + _("(partial)") if p.partial else ""), p.metrics) for p in d.periods]
        marked = bool(d.periods) and d.total.customers is not None
        note = self.query_one("#period-note", Static)
        note.update(plain(f"{FIRST_MARK} " + _(FIRST_PERIOD_NOTE).format(period=_(d.period)) if marked else ""))
        note.display = marked
        self._fill("table-period", N_("Period"), rows, default_sort=(0, False),
                   first=d.periods[0].metrics if marked else None)

    def _fill(self, table_id: str, name: str, rows: list[tuple[str, Metrics]],
              default_sort: tuple[int, bool] = (1, True), first: Metrics | None = None) -> None:
        """The table's rows sorted as chosen; `first` (the first period's metrics) gets its
        new-customer cells marked, and the other rows a space there, so the digits line up."""
        table = self.query_one(f"#{table_id}", DataTable)
        columns = [(name, "")] + self._columns()
        if table_id == "table-period":
            columns = [c for c in columns if c[1] not in ("revenue_share", "profit")]  # (its margin says it)
            if self.shown.total.customers is not None:
                after = next(i for i, c in enumerate(columns) if c[1] == "customers") + 1
                columns[after:after] = PERIOD_COLUMNS
            self.narrow = self.size.width < NARROW_BELOW
            if self.narrow:
                said = {"new_customer_share"} | (
                    {"roi"} if self.shown.source.derived.get("cost") == COST_FROM_PROFIT else set())
                columns = [c for c in columns if c[1] not in said]
        column, descending = self.sorting.setdefault(table_id, default_sort)
        metrics, before = [metric for _label, metric in columns], self.metrics_of.get(table_id)
        if before and column < len(before) and before != metrics:  # (the sorted column moved: the width's)
            column = next((i for i, metric in enumerate(metrics) if metric == before[column]), 0)
            self.sorting[table_id] = (column, descending)
        self.metrics_of[table_id] = metrics
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
        # long headings on two lines (`Avg` / `order`), the group's name kept in view: at 80
        # columns the figures ran past the edge, the last cut (`Repu…`); those that still do
        # not fit are left blank and named under the table (`_say_what_is_out_of_view`)
        headings = [two_lines(_(label)) for label, _metric in columns]
        table.header_height = max(heading.count("\n") + 1 for heading in headings)
        table.fixed_columns = 1
        for index, heading in enumerate(headings):
            if index == column:
                heading = with_arrow(heading, "▼" if descending else "▲", table.header_height)
            header = plain_rich(heading)
            if index:  # numbers line up on the right, under a right-aligned header
                header.justify = "right"
            table.add_column(header, key=str(index))

        def mark(metric: str, metrics: Metrics) -> str:
            if first is None or metric not in ("new_customers", "new_customer_share"):
                return ""
            return FIRST_MARK if metrics is first else " "

        for label, metrics in ordered:
            table.add_row(plain_rich(label), *(number_cell(m, getattr(metrics, m), mark(m, metrics))
                                               for _, m in columns[1:]))

    def _say_what_is_out_of_view(self) -> None:
        """Under each breakdown too wide for the screen: which columns are out of view, and that
        ← → scroll to them (as the forecast says it)."""
        for table in self.query(WholeColumnsTable):
            more = self.query_one(f"#more-{table.id.removeprefix('table-')}", Static)
            hidden = out_of_view(table)
            more.update(plain(_("Out of view, ← → scroll sideways: {columns}").format(
                columns=enumerated(hidden)) if hidden else ""))
            more.display = bool(hidden)

    def _later(self) -> None:
        self.call_after_refresh(self._say_what_is_out_of_view)  # (once the tables are laid out)

    def on_resize(self) -> None:
        if self.shown is not None and self.narrow != (self.size.width < NARROW_BELOW):
            self.fill_period_table()  # (its columns are the width's)
        self._later()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self) -> None:
        self._later()  # (a table in a hidden tab has no width: nothing was out of view then)

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
            tabs = self.query_one("#diagnose-tabs", TabbedContent)
            in_pane = self.pane_has_focus(tabs)
            tabs.active = "tab-breakdowns"
            if in_pane:
                self.call_after_refresh(self.focus_pane, tabs)
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
        labels = [p.period + ("*" if p.partial else "") for p in d.periods]
        title = _("Revenue by {period}").format(period=_(d.period))
        if any(p.partial for p in d.periods):  # a short first or last period is not a slump
            title += "   " + _("* partial: the data covers only part of it")
        plt.title(title)
        values = [p.metrics.revenue for p in d.periods]
        # no revenue at all (a file of lost deals): nothing to draw, and plotext divides by the
        # axis's height, 0 here (the board failed with ZeroDivisionError)
        revenue.display = bool(values) and max(values) > 0
        if revenue.display:
            xs = list(range(len(labels)))
            plt.bar(xs, values)
            # as many labels as fit the width (plotext drops the ones that would overlap, which
            # left uneven gaps: 2025-01, 2025-03, 2025-04 at 80 columns)
            step = label_step(len(labels), max(map(len, labels)), self.app.size.width - 8, gap=3)
            plt.xticks(xs[::step], labels[::step])
            ticks = axis_ticks(max(values))
            plt.ylim(0, ticks[-1])
            plt.yticks(ticks, [short_number(t) for t in ticks])
        revenue.refresh()
        missing = [title for title, shown in (
            (_("Revenue by {period}").format(period=_(d.period)), revenue.display),
            (_("Contribution by product line (% of revenue)"), self._bar_chart(
                "#chart-lines", _("Contribution by product line (% of revenue)"), "product_line",
                lambda m: None if m.revenue_share is None else m.revenue_share * 100)),
            (_("Win rate by region (%)"), self._bar_chart(
                "#chart-win", _("Win rate by region (%)"), "region",
                lambda m: None if m.win_rate is None else m.win_rate * 100))) if not shown]
        note = self.query_one("#charts-missing", Static)
        note.update(plain(_("Not in this data: {charts}").format(charts="; ".join(missing)) if missing else ""))
        note.display = bool(missing)

    def _bar_chart(self, selector: str, title: str, dimension: str, value) -> bool:
        """A horizontal bar chart of a percentage per group, on a 0-100 scale (the twelve with
        the most revenue, and the title says so when there are more); hidden (False) when the
        data has no such numbers."""
        chart = self.query_one(selector, PercentBars)
        rows: list[GroupRow] = self.shown.breakdowns.get(dimension, [])
        points = [(safe(g.value), value(g.metrics)) for g in rows[:CHART_GROUPS]]
        points = [(name, v) for name, v in points if v is not None]
        if len(rows) > CHART_GROUPS:
            title = _("{chart}, top {shown} of {count} by revenue").format(
                chart=title, shown=CHART_GROUPS, count=len(rows))
        chart.display = bool(points)
        chart.show(title, points)
        return bool(points)

    # ------------------------------------------------------------------ running a diagnosis

    def action_open_file(self) -> None:
        if is_remote():  # said before the form asks for files it could not open
            self.failed(out_of_reach())
            return
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
            self.failed(out_of_reach())
            return
        try:
            signature, overrides, reused = board.prepare_run(request.paths, request.overrides, request.joins)
        except (RecordsError, MappingError) as error:
            self.failed(error)
            return
        self.running = True
        self.set_status(_("Diagnosing {files} …").format(files=', '.join(request.paths)))
        work = partial(self._compute, request, signature, overrides, reused, board.clock())
        self.run_worker(work, thread=True, exclusive=True, group="diagnose", name="diagnose")

    def _compute(self, request: RunRequest, signature: str, overrides: dict, reused: dict, now) -> None:
        """In a worker thread: read and compute; hand the result (or the error) to the UI thread."""
        from sales.sales_fields import MappingError
        from store.diagnoses import compute_diagnosis
        from store.record_files import RecordsError

        try:
            d = compute_diagnosis(request.paths, overrides, period=request.period, joins=request.joins,
                                  date_format=request.date_format, now=now, reused=reused, given_by="screen")
        except (RecordsError, MappingError, UpliftError) as error:
            self.app.call_from_thread(self.failed, error)
            return
        except Exception as error:  # an unexpected reader failure must not kill the app
            self.app.call_from_thread(self.failed, _("could not diagnose: {error}").format(
                error=f"{type(error).__name__}: {error}"))
            return
        self.app.call_from_thread(self.computed, d, signature, overrides, reused)

    def failed(self, error: object) -> None:
        self.running = False
        message = _("Not diagnosed, nothing saved: {error}").format(error=in_form_words(error))
        tell(self, message, "error")
        if self.shown is not None:  # say what the numbers below still are
            message += " · " + (_("still showing {id}").format(id=self.shown_id) if self.shown_id
                                else _("still showing the run before (not kept)"))
        self.set_status(message)

    def computed(self, d: Diagnosis, signature: str, overrides: dict, reused: dict) -> None:
        self.running = False
        note = ""
        if reused:
            note = " · " + _("reused the saved mapping {mapping}").format(mapping=enumerated(f"{c}={f}" for c, f in reused.items()))
        try:
            snapshot = self.app.board.save_diagnosis(d, signature, overrides)
        except Refused as error:
            self.shown_id = None
            self.show_diagnosis(d, _("Not kept on the board ({error})").format(error=said(error)) + note)
            return
        except UpliftError as error:
            self.shown_id = None
            self.show_diagnosis(d, _("Not kept on the board: {error}").format(error=said(error)) + note)
            return
        self.latest_seen = self.shown_id = snapshot.id
        self.show_diagnosis(d, _("{id} · just saved").format(id=snapshot.id) + note)
        self.just_saved = True
        tell(self, _("Diagnosis kept as {id}").format(id=snapshot.id))

    # ------------------------------------------------------------------ notes

    def show_notes(self) -> None:
        board = self.app.board
        notes = board.notes(tag=self.tag_filter)
        table = self.query_one("#notes", DataTable)
        current = self.current_note_id()
        table.clear()
        for note in notes:
            table.add_row(plain_rich(note.id), plain_rich(_(KIND_LABELS[note.kind])),
                          plain_rich(enumerated(_(TAG_LABELS[t]) for t in note.tags)),
                          plain_rich(said_by(note)), plain_rich(note.text.splitlines()[0][:80]),
                          key=note.id)
        if current in {n.id for n in notes}:
            table.move_cursor(row=table.get_row_index(current))
        total = len(board.notes()) if self.tag_filter else len(notes)
        # the keys as the person has them, remapped or not
        keys = {f"{name}_key": shown_key(self, f"diagnose.{name}")
                for name in ("note", "edit_note", "tag", "filter", "clear")}
        if self.tag_filter:
            status = _("Notes tagged {tag}: {count} of {total} ({filter_key} changes the filter, {clear_key} clears)"
                       ).format(tag=_(TAG_LABELS[self.tag_filter]), count=len(notes), total=total, **keys)
        elif notes:
            status = n_("{count} note · {note_key} adds, {edit_note_key} edits, {tag_key} tags, "
                        "{filter_key} filters by tag",
                        "{count} notes · {note_key} adds, {edit_note_key} edits, {tag_key} tags, "
                        "{filter_key} filters by tag", len(notes)).format(count=len(notes), **keys)
            counts = tag_counts(notes)  # "7 pain points" read, not counted row by row
            if counts:
                status += "\n" + _("By tag: {tags}").format(
                    tags=enumerated(f"{_(TAG_LABELS[tag])} {n}" for tag, n in counts))
        else:
            status = _("No notes yet: press {new} to write down what a rep or a customer said.").format(
                new=shown_key(self, "diagnose.note"))
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
            tags = enumerated(_(TAG_LABELS[t]) for t in note.tags) or _("no tags")
            text = (_("{id} · {kind} · from {source} · {tags} · written by {author} {day}").format(
                id=note.id, kind=_(KIND_LABELS[note.kind]), source=said_by(note) or '–', tags=tags,
                author=note.author or '–', day=day_of(note.created)) + f"\n{note.text}")
        self.query_one("#note-text", Static).update(plain(text))

    @on(DataTable.RowHighlighted, "#notes")
    def _note_highlighted(self) -> None:
        self.show_note_text()

    def _to_notes(self) -> None:
        self.query_one("#diagnose-tabs", TabbedContent).active = "tab-notes"
        self.query_one("#notes", DataTable).focus()

    def action_new_note(self) -> None:
        from tui.screens.dialogs import permitted

        self._to_notes()
        if permitted(self, "note.add"):
            self.app.push_screen(NoteForm(), self._note_saved)

    def action_edit_note(self) -> None:
        from tui.screens.dialogs import permitted

        self._to_notes()
        note = self.current_note()
        if note is not None and permitted(self, "note.edit", note.author):
            self.app.push_screen(NoteForm(note), self._note_saved)

    def _note_saved(self, note: Note | None) -> None:
        if note is None:
            return
        tell(self, _("Saved {id}").format(id=note.id))
        if self.tag_filter and self.tag_filter not in note.tags:
            self.tag_filter = None
        self.show_notes()
        table = self.query_one("#notes", DataTable)
        table.move_cursor(row=table.get_row_index(note.id))

    def action_tag_note(self) -> None:
        from tui.screens.dialogs import Pick, permitted

        self._to_notes()
        note = self.current_note()
        if note is None or not permitted(self, "note.edit", note.author):
            return
        choices = [(("✓ " if t in note.tags else "  ") + _(TAG_LABELS[t]), t) for t in NOTE_TAGS]

        def picked(tag: str | None) -> None:
            if not tag:
                return
            try:
                self.app.board.toggle_note_tag(note.id, tag)
            except UpliftError as error:
                tell(self, error, "error")
                return
            self.show_notes()

        self.app.push_screen(Pick(_("Tag {id} (enter adds or removes a tag)").format(id=note.id), choices), picked)

    def action_filter_tag(self) -> None:
        from tui.screens.dialogs import Pick

        self._to_notes()
        choices = [(_("all notes"), "")] + [(_(TAG_LABELS[t]), t) for t in NOTE_TAGS]

        def picked(tag: str | None) -> None:
            if tag is None:
                return
            self.tag_filter = tag or None
            self.show_notes()

        self.app.push_screen(Pick(_("Show notes tagged"), choices), picked)

    def action_clear_filter(self) -> None:
        if self.tag_filter:
            self.tag_filter = None
            self.show_notes()

    # ------------------------------------------------------------------ a weak spot made a goal

    def action_goal_from_finding(self) -> None:
        """A new goal's form filled in from a weak spot (asked which when there are several):
        its metric, its region, channel or product line, the baseline from the snapshot, the
        level it fell short of as the target; the lead sets the rest and saves it."""
        from tui.screens.dialogs import Pick, permitted

        d = self.shown
        if d is None or not d.findings:
            tell(self, _("No weak spot to make a goal of: diagnose a file first ({key}).").format(
                key=shown_key(self, "diagnose.open")) if d is None else
                _("No weak spot to make a goal of in this diagnosis."), "warning")
            return
        if not permitted(self, "goal.add"):
            return
        if len(d.findings) == 1:
            self._goal_form(0)
            return
        choices = [(f"{i}. {say(kept(f.said, f.text))}", str(i - 1)) for i, f in enumerate(d.findings, 1)]
        self.app.push_screen(Pick(_("Make a goal of which weak spot?"), choices),
                             lambda chosen: chosen is not None and self._goal_form(int(chosen)))

    def _goal_form(self, index: int) -> None:
        from sales.findings import goal_draft
        from sales.members import member_for
        from tui.goal_text import metric_title_text
        from tui.screens.goal_forms import goal_form

        d = self.shown
        finding = d.findings[index]
        draft = goal_draft(d, finding)
        if draft["baseline"] == "snapshot" and self.shown_id:  # this diagnosis's figure, not the newest's
            draft["baseline"] = f"snapshot {self.shown_id}"
        metric = metric_title_text(draft["metric"])
        if draft["owner"] is not None:  # a rep of the data: the member they are, else the lead's to hand on
            draft["owner"] = member_for(draft["owner"], [m.name for m in self.app.board.members()])
        draft["title"] = (_("Raise {metric}: {subject}").format(metric=metric, subject=say(draft["subject"]))
                          if draft["subject"] is not None else _("Raise {metric}").format(metric=metric))
        _start, end = self.app.board.plan_period()
        if end is not None and end >= self.app.board.today():  # a goal for this cycle: SMART's T failed on
            draft["deadline"] = end.isoformat()               # "no deadline" until one was typed in
        text = say(kept(finding.said, finding.text))
        draft["description"] = (_("Weak spot of diagnosis {id}: {text}").format(id=self.shown_id, text=text)
                                if self.shown_id else text)

        def saved(goal) -> None:
            if goal is not None:
                tell(self, _("Saved {id} (Goals: {key})").format(id=goal.id, key=shown_key_of(self.app, "app.goals", "2")))

        self.app.push_screen(goal_form(self.app.board, draft=draft), saved)

    # ------------------------------------------------------------------ the checklist

    def show_checklist(self) -> None:
        items = self.app.board.checklist(lang=language())
        checklist = self.query_one("#checklist", SelectionList)
        wanted = [(text, tick) for text, tick in items]
        if getattr(self, "_checklist_shown", None) == wanted:
            return
        self._checklist_shown = wanted
        highlighted = checklist.highlighted
        checklist.clear_options()
        checklist.add_options([
            Selection(plain(text + ("  " + ticked_by(tick)
                                    if tick else "")), index, tick is not None)
            for index, (text, tick) in enumerate(items)])
        if items:  # a line is always under the cursor: space ticks it without a first ↓
            checklist.highlighted = min(highlighted, len(items) - 1) if highlighted is not None else 0

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
