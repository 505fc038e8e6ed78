"""A DataTable whose text columns take the room the other columns leave.

A DataTable sizes each column to its widest cell, so at 80 columns a long title runs past the
edge, cut mid-word with nothing telling it. Here the text columns (`fill`) share what the
narrow columns (ids, amounts, dates) leave: each keeps its full width when all fit, else the
widest give way first, down to `MINIMUM`, their cells cut with `…`. Past that the table scrolls
sideways, as any DataTable does.

A table made with `lines=2` lets a row take two lines where one would cut its text: first the
text columns wrap (`check-in C-5` / `(2026-11-13)` whole in 12 cells, where one line showed
`check-in C…`); if that is still too tight, the other columns' headers take two lines (`Won` /
`value` over a column of amounts), their cells kept whole on one; only then do their cells wrap,
between words only, and never a figure (`25 customers` stays on one line: at 80 columns the
Review's goals read `25` / `customers` while a title beside them, cut with … anyway, kept its
room) nor a list of ids (`D-4, D-5`, `D-4、D-5`). Rows whose cells all fit keep one line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from sales.text import cut, display_width, wrap_cells
from tui.figure_cells import is_figure

MINIMUM = 8  # cells: the least a text column is given before the table scrolls instead


def share(natural: Sequence[int], room: int, minimum: int = MINIMUM) -> list[int]:
    """Widths for columns wanting `natural` in `room`: all of it when they fit, else the widest
    cut to a common cap (the room's last cells to the first capped), none below `minimum`."""
    return share_above(natural, [minimum] * len(natural), room)


def share_above(natural: Sequence[int], least: Sequence[int], room: int) -> list[int]:
    """Widths for columns wanting `natural` in `room`, each given at least its own `least` (what
    it needs to read whole on two lines): all of it when they fit, else the widest cut to a
    common cap (the room's last cells to the first capped), never below their `least`."""
    if sum(natural) <= room:
        return list(natural)
    cap = max([*least, *natural], default=0)
    while cap > min(least, default=0) and sum(max(low, min(n, cap)) for low, n in zip(least, natural)) > room:
        cap -= 1
    widths = [max(low, min(n, cap)) for low, n in zip(least, natural)]
    spare = room - sum(widths)
    for index, n in enumerate(natural):
        if spare > 0 and n > widths[index]:
            widths[index] += 1
            spare -= 1
    return widths


def narrow_first(needs: Sequence[int], room: int, minimum: int = MINIMUM) -> list[int]:
    """Widths for columns needing `needs` when they cannot all have it: those needing least get
    it first, while the rest keep `minimum` each; the widest give way. A goal's source, `partly
    achieved (2026-12-04)`, reads whole beside a long title cut with …, where an even cut lost
    the date of the source and still cut the title."""
    widths = [min(minimum, need) for need in needs]
    spare = room - sum(widths)
    for index in sorted(range(len(needs)), key=lambda i: needs[i]):
        extra = max(0, min(needs[index] - widths[index], spare))
        widths[index] += extra
        spare -= extra
    return widths


def cut_to(text: Text, width: int) -> Text:
    """`text` in `width` cells, its last whole character followed by `…` when it is wider: Rich's
    own cut, reaching the middle of a wide (CJK) character, put a space before the … instead
    (`赢得 25 家中型企业新 …`); the cell's padding takes that space after it."""
    if cell_len(text.plain) <= width:
        return text
    start = cut(text.plain, max(0, width - 1))
    return text[:len(start)] + Text("…", style=text.style)


class _CutText(Text):
    """A Text drawn on one line, cut with `cut_to` where it is too wide."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if cell_len(self.plain) > options.max_width:
            yield from cut_to(self, options.max_width).__rich_console__(console, options)
        else:
            yield from super().__rich_console__(console, options)


def cut_with_ellipsis(cell: object) -> object:
    """A Text cell drawn on one line, ending in … when its column is too narrow for it."""
    if isinstance(cell, Text):
        copy = _CutText(cell.plain, style=cell.style, justify=cell.justify, end=cell.end, tab_size=cell.tab_size,
                        no_wrap=True, overflow="ellipsis")
        copy._spans[:] = cell._spans
        return copy
    return cell


class Wrapped:
    """A Text cell wrapped between words to the row's height, its last line ending in … when
    the text needs more lines than the row has."""

    def __init__(self, text: Text) -> None:
        self.text = text

    @property
    def plain(self) -> str:
        return self.text.plain

    def __str__(self) -> str:
        return self.text.plain

    def lines(self, width: int, console: Console) -> list[Text]:
        plain = self.text.plain
        if display_width(plain) != len(plain) and "\n" not in plain:
            # Chinese breaks between any two characters, as the cards' titles do (Rich broke at
            # spaces only: `赢得 25` / `家中型企业新客户`, a short line above a full one)
            return [Text(line, style=self.text.style) for line in wrap_cells(plain, max(1, width))]
        return list(self.text.wrap(console, max(1, width), overflow="fold"))

    def lines_at(self, width: int, console: Console) -> int:
        return len(self.lines(width, console))

    def least_width(self, lines: int, console: Console) -> int:
        """The fewest cells it takes to read whole in `lines` lines (a word is never broken)."""
        widest = cell_len(self.text.plain)
        # (a word is kept whole; a run of wide characters may break after any of them)
        low = max((cell_len(word) if cell_len(word) == len(word) else 2 for word in self.text.plain.split()),
                  default=0)
        while low < widest and self.lines_at(low, console) > lines:
            low += 1
        return low

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, cell_len(self.text.plain))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width, height = options.max_width, options.height or 1
        lines = self.lines(width, console)
        if len(lines) > height:
            rest = Text(" ".join(line.plain.strip() for line in lines[height - 1:]), style=lines[height - 1].style)
            lines = [*lines[:height - 1], cut_to(rest, width)]
        yield Text("\n").join(lines)


class _Label:
    """A column's label that takes two lines where its column is narrower than it: a Chinese one
    in two halves (`赢单` / `金额`: Rich filled the first line, `赢单金` / `额`), any other between
    words as Rich wraps it."""

    def __init__(self, label: Text) -> None:
        self.label = label

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, cell_len(self.label.plain))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plain = self.label.plain
        if (cell_len(plain) > options.max_width and display_width(plain) != len(plain)
                and " " not in plain.strip() and len(plain) >= 4):
            half = (len(plain) + 1) // 2
            yield Text("\n").join([self.label[:half], self.label[half:]])
        else:
            yield self.label


def _listed(text: str) -> bool:
    """Whether a cell is a list (`D-4, D-5`; in Chinese `D-4、D-5`, tui.i18n.enumerated)."""
    return ", " in text or "、" in text


class FillTable(DataTable):
    """A DataTable whose columns named in `fill` (keys) share the room left by the others; with
    `lines=2`, its rows take two lines where one would cut their text."""

    def __init__(self, *args, fill: Sequence[str] = (), lines: int = 1, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fill = tuple(fill)
        self.lines = lines

    def _cell(self, cell: object) -> object:
        if self.lines > 1 and isinstance(cell, Text):
            return Wrapped(cell)
        return cut_with_ellipsis(cell)

    def _compute_row_renderables(self, row_index: int):
        row = super()._compute_row_renderables(row_index)
        if row_index == -1 and self.header_height > 1:
            row = type(row)(row.label, [_Label(cell) if isinstance(cell, Text) else cell for cell in row.cells])
        return row

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(self._cell(cell) for cell in cells), **kwargs)

    def column_names(self) -> tuple[str, ...]:
        """The keys of the columns it has, in order."""
        return tuple(key.value for key in self.columns)

    def show_columns(self, names: Sequence[str], heading) -> None:
        """Have the columns `names` (keys; `heading(name)` heads each), rebuilt (rows and all)
        only when they are not those it has: a screen leaving some out on a narrow terminal."""
        if self.column_names() != tuple(names):
            self.clear(columns=True)
            for name in names:
                self.add_column(heading(name), key=name)

    def fits(self, names: Sequence[str], rows: Iterable[Mapping[str, object]], heading, least: int) -> bool:
        """Whether the columns `names` (keys; `heading(name)` heads each) holding `rows` (key ->
        cell) fit this table's width with each text column given its whole text (on `lines`
        lines) or `least` cells a line, the others' cells whole: measured, so that a screen
        leaving columns out on a narrow terminal does so where they take the title's room, in
        whichever language (the Chinese headers and cells are narrower)."""
        console = self.app.console
        widths = {name: self._heading_least(heading(name).plain) for name in names}
        for row in rows:
            for name in names:
                text = row.get(name)
                plain = text.plain if isinstance(text, Text) else str(text if text is not None else "")
                if name in self.fill:
                    whole = Wrapped(Text(plain)).least_width(self.lines, console) if self.lines > 1 else cell_len(plain)
                    width = min(least, whole)
                else:
                    width = cell_len(plain)
                widths[name] = max(widths[name], width)
        room = self.scrollable_content_region.width if self.size.width else self.app.size.width - self.styles.gutter.width
        return sum(widths.values()) + 2 * self.cell_padding * len(names) <= room - self._row_label_column_width

    def _heading_least(self, plain: str) -> int:
        """The cells a heading takes: on one line, or on two where the rows take two."""
        if self.lines <= 1:
            return cell_len(plain)
        if display_width(plain) != len(plain) and " " not in plain.strip():
            return cell_len(plain) if len(plain) < 4 else cell_len(plain[:(len(plain) + 1) // 2])
        return Wrapped(Text(plain)).least_width(2, self.app.console)

    def update_cell(self, row_key, column_key, value, **kwargs):
        return super().update_cell(row_key, column_key, self._cell(value), **kwargs)

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        self._require_update_dimensions = True  # the room changed: fit the columns again
        self.refresh()

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """The rows outgrew the table and the scrollbar took two cells of the room the columns
        were fitted to: fit them again (the table scrolled sideways by those two cells)."""
        self._require_update_dimensions = True
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable) -> None:
        super()._update_dimensions(new_rows)
        if self._fit():
            self._clear_caches()
            super()._update_dimensions(())  # the virtual width, with the columns' new widths

    def _fit(self) -> bool:
        """Give the text columns their share of the room; whether any width changed."""
        columns = [self.columns[key] for key in self.columns if key.value in self.fill]
        width = self.scrollable_content_region.width
        if not columns or width <= 0:
            return False
        padding = 2 * self.cell_padding
        others = [column for column in self.columns.values() if column.key.value not in self.fill]
        room = width - self._row_label_column_width - padding * len(self.columns)
        natural = {column.key: max(1, column.content_width) for column in self.columns.values()}
        widths = {column.key: natural[column.key] for column in others}
        fill_room = room - sum(widths.values())
        wanted = [natural[column.key] for column in columns]
        if self.lines > 1 and sum(wanted) > fill_room:
            # two lines a row: the text columns' need first; if still too tight, the others'
            # headers take two lines (`Won` / `value` over a column of amounts), their cells
            # kept whole on one; only then their cells wrap, between words (`25` / `customers`)
            least = {column.key: self._least(column) for column in self.columns.values()}
            needs = [max(MINIMUM, least[column.key]) for column in columns]
            for narrower in (self._one_line, self._least_cells):
                if sum(needs) <= fill_room:
                    break
                widths = {column.key: min(natural[column.key], narrower(column)) for column in others}
                fill_room = room - sum(widths.values())
            shared = share_above(wanted, needs, fill_room) if sum(needs) <= fill_room else narrow_first(needs, fill_room)
        else:
            shared = share(wanted, fill_room)
        widths.update((column.key, new) for column, new in zip(columns, shared))
        changed = self._set_header_height(widths)
        for column in self.columns.values():
            new = widths[column.key]
            if column.key.value not in self.fill and new == natural[column.key]:
                if not column.auto_width:
                    column.auto_width, changed = True, True
            elif column.auto_width or column.width != new:
                column.auto_width, column.width, changed = False, new, True
        return self._set_heights(widths) or changed

    def _set_header_height(self, widths: dict) -> bool:
        """Two header lines where a column's label is wider than the column, else one."""
        if self.lines <= 1:
            return False
        height = 2 if any(cell_len(column.label.plain) > widths[column.key] for column in self.columns.values()) else 1
        if self.header_height == height:
            return False
        self.header_height = height
        return True

    def _label_least(self, column) -> int:
        """The fewest cells a column's label takes on two lines: broken between words, and a
        Chinese label of four characters or more in two halves (`已完成` / `任务`); a shorter one
        stays whole (`目` / `标` read as two characters, not a word)."""
        return self._heading_least(column.label.plain)

    def _one_line(self, column) -> int:
        """The cells a column takes with its cells whole on one line and its label on two."""
        cells = [cell_len(cell.plain) for cell in self.get_column(column.key) if isinstance(cell, Wrapped)]
        return max([self._label_least(column), *cells, *self._unwrapped(column)])

    def _least_cells(self, column) -> int:
        """The fewest cells a column takes with its label on two lines and its cells on two too,
        broken between words; a list (`D-4, D-5`) and a figure with its unit (`25 customers`) are
        kept whole: each reads as one thing."""
        console = self.app.console
        cells = [cell_len(cell.plain) if _listed(cell.plain) or is_figure(cell.plain)
                 else cell.least_width(self.lines, console)
                 for cell in self.get_column(column.key) if isinstance(cell, Wrapped)]
        return max([self._label_least(column), *cells, *self._unwrapped(column)])

    def _least(self, column) -> int:
        """The fewest cells a column takes with its cells on two lines at most (its label on one)."""
        console = self.app.console
        cells = [cell.least_width(self.lines, console) for cell in self.get_column(column.key)
                 if isinstance(cell, Wrapped)]
        return max([cell_len(column.label.plain), *cells, *self._unwrapped(column)])

    def _unwrapped(self, column) -> list[int]:
        """The cells of a column's cells that never wrap (a str is markup, as DataTable draws it)."""
        return [cell_len(Text.from_markup(cell).plain) if isinstance(cell, str) else 1
                for cell in self.get_column(column.key) if not isinstance(cell, Wrapped)]

    def _set_heights(self, widths: dict) -> bool:
        """Each row as tall as its tallest cell at `widths` (up to `lines`); whether one changed."""
        if self.lines <= 1:
            return False
        console = self.app.console
        changed = False
        for key, row in self.rows.items():
            cells = self.get_row(key)
            height = max([1, *(min(self.lines, cell.lines_at(widths[column], console))
                               for cell, column in zip(cells, self.columns) if isinstance(cell, Wrapped))])
            if row.height != height:
                row.height, changed = height, True
        return changed
