"""How the command line prints: plain aligned tables for people, JSON for scripts.

Everything printed passes through `sales.text.safe`, so no stored text can reach the terminal
as an escape sequence: `main()` runs every verb inside `safe_output()`, which makes stdout and
stderr pass what is written to them through `safe` (argparse's messages quoting a bad argument
included), and JSON goes out through `write_json` (`safe_json`).
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

import msgspec

from sales.activity import Activity, describe
from sales.board_mark import BOARD_COLUMN, board_mark
from sales.deal_fields import EXPORT_COLUMNS
from sales.phrases import english
from sales.task_rows import steps_text
from sales.tasks import STATUS_LABELS, Task, is_overdue, steps_done
from sales.text import display_width, fit, formula_guarded, safe, safe_json
from tui.figure_cells import figure_columns
from tui.i18n import N_, _, bracketed, enumerated, n_, say
from tui.remote import is_remote
from tui.time_text import when


class SafeStream:
    """A text stream that writes everything through `safe`; the rest is the wrapped stream's."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(safe(text))
        except OSError as error:
            raise named(error, self._stream)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise named(error, self._stream)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def named(error: OSError, stream) -> OSError:
    """The machine refusing the output (`uplift task list > /dev/full`) says which: the line is
    `uplift: <stdout>: No space left on device`, not the reason alone."""
    if error.filename is None and not isinstance(error, BrokenPipeError):
        error.filename = getattr(stream, "name", None)
    return error


@contextmanager
def safe_output() -> Iterator[None]:
    """stdout and stderr made safe for as long as a command runs."""
    import os

    saved = sys.stdout, sys.stderr
    # (a stream closed by the caller, `uplift task done T-4 >&-` in a cron job, is None here:
    # what would be printed to it goes nowhere, as to /dev/null, and the command still runs)
    closed = [open(os.devnull, "w", encoding="utf-8") for stream in saved if stream is None]
    nowhere = iter(closed)
    sys.stdout, sys.stderr = (SafeStream(stream if stream is not None else next(nowhere)) for stream in saved)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        for stream in closed:
            stream.close()


def csv_cell(value: object) -> object:
    """A cell as a spreadsheet should read it: numbers as they are; text starting like a formula
    (`=HYPERLINK(...)`, `+1`, `@SUM`) behind a `'`, so that opening the file runs nothing (the
    CSV form of "user text is data"); None as an empty cell; lists joined with spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 60000, not 60000.0
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    return formula_guarded(str(value))


def print_csv(headers: Sequence[str], rows: Iterable[Sequence[object]], output: str | None = None,
              board=None) -> None:
    """Rows as CSV (a header row first): for a spreadsheet, or payroll. On stdout, plain UTF-8: a
    script reading the pipe would take a byte-order mark for part of the first column's name
    (`\ufeffrep`), and `>>` would put one in the middle of a file. To a file (`-o FILE`, not
    inside `board`'s folder), behind a UTF-8 byte-order mark: without one, Excel on Windows reads
    the file in the machine's code page and a Chinese name comes out as mojibake. pandas reads
    both; Python's csv module reads the file with encoding="utf-8-sig"."""
    import csv
    import io

    stream = sys.stdout if output in (None, "-") else io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    if stream is not sys.stdout:
        from tui.cli_support import write_output

        write_output(output, ("\ufeff" + safe(stream.getvalue())).encode("utf-8"), board)
        print(_("wrote {file}").format(file=output), file=sys.stderr)


def write_json(data: bytes) -> None:
    """Encoded JSON to stdout, its raw C1 and bidi controls escaped (the data stays the same)."""
    try:
        sys.stdout.buffer.write(safe_json(data) + b"\n")
    except OSError as error:
        raise named(error, sys.stdout) from None
    sys.stdout.flush()


def print_json(value: object, fractions: Collection[str] = ()) -> None:
    """`value` as one JSON document; a number under a key in `fractions` (a ratio the domain keeps
    in percent, as the screens say it) as a fraction, 1.0 for 100%: the JSON has one unit for every
    ratio, the one a script computes with (README's "JSON output")."""
    data = msgspec.to_builtins(whole_records(value), enc_hook=english)  # (a Phrase: its English)
    write_json(msgspec.json.encode(as_fractions(data, frozenset(fractions)) if fractions else data))


#: `winloss`'s ratios (and `review`'s win/loss part): percent in the domain, fractions in JSON.
WIN_LOSS_RATIOS = ("win_rate", "value_win_rate", "share")


def as_fractions(value: object, keys: frozenset[str]) -> object:
    """`value` (JSON's builtins) with each number under one of `keys` a fraction (`fraction`)."""
    if isinstance(value, list):
        return [as_fractions(item, keys) for item in value]
    if isinstance(value, dict):
        return {key: fraction(item) if key in keys else as_fractions(item, keys) for key, item in value.items()}
    return value


def fraction(percent: object) -> object:
    """A percentage as a fraction (None and anything not a number as it is): the shortest that is
    the same percentage again, else the quotient as it is (66.66666666666667 is 0.6666666666666667)."""
    if isinstance(percent, bool) or not isinstance(percent, (int, float)):
        return percent
    short = float(f"{percent / 100:.15g}")
    return short if float(f"{short * 100:.15g}") == percent else percent / 100


def whole_records(value: object) -> object:
    """`value` with each activity record as a dict of all its fields: the log keeps a record
    without a `before` (a creation) or an `after` (a deletion) to stay small, but a script reading
    `uplift log --json` with jq or pandas gets the same keys on every record (null where none)."""
    if isinstance(value, Activity):
        return {field: getattr(value, field) for field in value.__struct_fields__}
    if isinstance(value, (list, tuple)) and any(isinstance(item, (Activity, dict, list, tuple)) for item in value):
        return [whole_records(item) for item in value]
    if isinstance(value, dict):
        return {key: whole_records(item) for key, item in value.items()}
    return value


#: How many of an import's changed, kept or left-out items it lists before "… and N more".
MAX_LISTED = 20


def print_first(items: Sequence[object], line_of, indent: str = "") -> None:
    """Each of the first MAX_LISTED items as `line_of` says it (made safe), then how many more."""
    for item in items[:MAX_LISTED]:
        print(indent + safe(line_of(item)))
    if (more := len(items) - MAX_LISTED) > 0:
        print(indent + _("… and {more} more").format(more=more))


def print_another_board(found: dict | None, older: bool = False, dry_run: bool = False) -> None:
    """What an import did with the rows of another board's list (`task import`, `deal import`:
    its `board` column names another board): their ids and links are that board's, so they are
    not read as this board's, and the links left out are counted, so that none goes unnoticed.
    `older`: this board was made before boards kept a key (store keyed_by_path), so the list may
    be its own, written by an older Uplift before its folder moved: how to import it as its own."""
    if not found:
        return
    count = len(found["rows"])
    rows = enumerated(map(str, found["rows"][:5]), more=count > 5)
    print(n_("row {rows} comes from another board's list (board {boards}): its id and links name that board's "
             "records, not this board's", "rows {rows} come from another board's list (board {boards}): their ids "
             "and links name that board's records, not this board's", count).format(
        rows=rows, boards=enumerated(found["boards"])))
    if left := found["left_out"]:
        print(_("left out their links to that board's records: {links}").format(
            links=", ".join(f"{field} {n}" for field, n in left.items())))
    if kept := found.get("depends_kept"):
        print(n_("kept {count} wait for another row of the file: the task waits for that row's new task",
                 "kept {count} waits for other rows of the file: each task waits for that row's new task",
                 kept).format(
            count=kept))
    if older:
        print(_("if it is this board's own list, written by an older Uplift before the board's folder moved: blank "
                "its board column and import it") if dry_run else
              _("if it is this board's own list, written by an older Uplift before the board's folder moved: "
                "`uplift undo`, blank its board column and import it again"))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_last: int = 60,
          least_first: Sequence[int] = (), said: str | None = None, figures: Collection[int] = ()) -> str:
    """Aligned columns for a person, made to fit a terminal. On a terminal narrower than the
    table (a rep on a phone, a split pane over SSH: `COLUMNS=60`), first the columns of
    `least_first` (by index, least important first) are left out, until the last column (a
    title, a message) has `LAST_ROOM` cells, and named on a line below (`said`: a command's own
    wording, with `{columns}`); then the last column is wrapped within its column where the
    terminal ends, as taskwarrior wraps a description (cutting a title hid most of it); where
    the other columns leave it fewer than `WRAP_AT_LEAST` cells, it is cut with … to what is
    left. A last column with no room even for that (fewer than `CUT_AT_LEAST` cells), or a
    figure the room left cannot hold whole (a figure is never cut), is left out too, and named
    with the others: it ran past the edge (`forecast`'s months at 38 columns). Widths are
    display widths: a Chinese character takes two cells. Written to a pipe or a file (`uplift
    task list | grep`), nothing is left out, cut or wrapped: a script sees every word, a row to
    a line.
    Columns of figures (amounts, counts, shares: `figure_columns`, and those of `figures`, by
    index, where a word may stand in a figure's place, `met`) are right-aligned, their headers
    too, as in a spreadsheet; the first column, a row's name, stays where it starts."""
    cells = [[safe(c) for c in row] for row in rows]
    right = figure_columns(cells, len(headers)) | set(figures)
    left_out = columns_to_leave_out(headers, cells, least_first)
    left_out += last_columns_without_room(headers, cells, left_out, right)
    if not left_out:
        return _fitted(headers, cells, right, max_last)
    keep = [i for i in range(len(headers)) if i not in left_out]
    text = _fitted([headers[i] for i in keep], [[row[i] for i in keep] for row in cells],
                   {n for n, i in enumerate(keep) if i in right}, max_last)
    return text + "\n" + left_out_line([headers[i] for i in sorted(left_out)], said)


def _fitted(headers: Sequence[str], cells: Sequence[Sequence[str]], right: Collection[int], max_last: int) -> str:
    """`table`'s columns, once those left out are gone: the last one wrapped (or cut) within
    the terminal's width."""
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    if (columns := wrap_width()) is None:
        return _lines(headers, cells, widths, right)
    room = columns - sum(widths[:-1]) - 2 * (len(widths) - 1)
    if room < WRAP_AT_LEAST or widths[-1] <= room:
        # (too little room to wrap in: cut to what is left, as long as a word's start shows)
        widths[-1] = min(widths[-1], room if room >= CUT_AT_LEAST else max_last)
        return _lines(headers, cells, widths, right)
    from sales.text import wrap_cells

    indent = " " * (sum(widths[:-1]) + 2 * (len(widths) - 1))
    lines = [_lines(headers, [], widths[:-1] + [room], right)]
    for row in cells:
        first, *more = wrap_cells(row[-1], room) or [""]
        lines.append(_lines(None, [row[:-1] + [first]], widths[:-1] + [room], right))
        lines += [(indent + line).rstrip() for line in more]
    return "\n".join(lines)


#: The fewest cells a table's last column is wrapped in on a terminal (fewer: cut instead).
WRAP_AT_LEAST = 12
#: The fewest cells a table's last column is cut to with … (fewer: it is left out).
CUT_AT_LEAST = 4
#: The cells a table's last column is given on a narrow terminal by leaving out other columns.
LAST_ROOM = 20


def columns_to_leave_out(headers: Sequence[str], rows: Sequence[Sequence[str]], least_first: Sequence[int],
                         room: int = LAST_ROOM) -> list[int]:
    """Which columns `table` leaves out on a narrow terminal, by index: those of `least_first` in
    that order, until the columns kept fit with the last of them given `room` cells to wrap in
    (or its width, if less); none to a pipe, or when the table fits already. `uplift review`'s
    goals were 100 columns and more, `deal list` 93 at 60 columns: the title was cut to a few
    letters or every row broke across the screen's left edge."""
    if not least_first or (columns := wrap_width()) is None:
        return []
    widths = _widths(headers, rows)
    left_out: list[int] = []

    def fits() -> bool:
        *others, last = [w for i, w in enumerate(widths) if i not in left_out]
        return sum(others) + 2 * len(others) + min(room, last) <= columns

    for index in least_first:
        if fits():
            break
        left_out.append(index)
    return left_out


def last_columns_without_room(headers: Sequence[str], rows: Sequence[Sequence[str]], left_out: Collection[int],
                              right: Collection[int]) -> list[int]:
    """The columns `table` leaves out from the right, by index, once those of `least_first` are
    out: while the last column kept has no room on the terminal (text: fewer than `CUT_AT_LEAST`
    cells; a figure: fewer than it takes, as a figure is never cut); the first column stays.
    None to a pipe."""
    if (columns := wrap_width()) is None:
        return []
    widths = _widths(headers, rows)
    dropped: list[int] = []
    while len(kept := [i for i in range(len(headers)) if i not in left_out and i not in dropped]) > 1:
        *others, last = kept
        room = columns - sum(widths[i] for i in others) - 2 * len(others)
        if room >= (widths[last] if last in right else min(widths[last], CUT_AT_LEAST)):
            break
        dropped.append(last)
    return dropped


def _widths(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    return [max([display_width(h)] + [display_width(safe(r[i])) for r in rows]) for i, h in enumerate(headers)]


def left_out_line(headers: Sequence[str], said: str | None = None) -> str:
    """The line under a table that says which columns a narrow window had no room for (`said`:
    a command's own wording of it, with `{columns}`)."""
    said = said or _("Left out for the window's width: {columns} (a wider window shows them, `--json` "
                     "every figure)")
    return on_screen(safe(said.format(columns=enumerated(headers))))


def _lines(headers: Sequence[str] | None, cells: Sequence[Sequence[str]], widths: Sequence[int],
           right: Collection[int] = ()) -> str:
    """The header (if any) and rows, each cell cut or padded to its column's width: on its left
    in the columns of `right` (figures), on its right in the others."""
    def line(row: Sequence[str]) -> str:
        return "  ".join(fit_right(c, w) if i in right else fit(c, w)
                         for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    return "\n".join(([line(headers)] if headers is not None else []) + [line(row) for row in cells])


def fit_right(text: str, width: int) -> str:
    """`text` padded on its left to `width` cells (a figure, right-aligned), or cut as `fit` cuts."""
    room = width - display_width(text)
    return " " * room + text if room >= 0 else fit(text, width)


def on_screen(text: str, hang: int = 2) -> str:
    """A line of prose for a person (`uplift today`): on a terminal, wrapped at its width, the
    lines after the first indented by `hang` cells (an item's text under its start, not under
    its id), rather than broken by the terminal at its left edge; to a pipe, as it is."""
    if (columns := wrap_width()) is None:
        return text
    from sales.text import wrap_cells

    if display_width(text) <= columns:
        return text
    lead = text[:len(text) - len(text.lstrip(" "))]
    width = max(WRAP_AT_LEAST, columns - max(hang, len(lead)))
    first, *more = wrap_cells(text.lstrip(" "), width)
    return "\n".join([lead + first] + [" " * hang + line for line in more])


def checklist_item(number: int, done: bool, text: str) -> str:
    """An item of a checklist for a person (`weekly`, `review tick`, `diagnosis checklist`):
    `[x] 2. text`, on a terminal wrapped under its text (at 38 columns the items ran to 103)."""
    return on_screen(safe(f"[{'x' if done else ' '}] {number}. {text}"), hang=len(f"[ ] {number}. "))


def say_line(text: str) -> None:
    """Print a sentence of ours (an empty list's "No tasks yet: add one with ..."), on a terminal
    wrapped at its width (on_screen): at 80 columns they ran past the edge, up to 160 cells."""
    print(on_screen(text))


def detail_on_screen(text: str) -> str:
    """A detail view (`task show`, `deal show`) for a person: on a terminal, each line too long
    for it wrapped under its own text, two cells in from where the line starts."""
    if wrap_width() is None:
        return text
    return "\n".join(on_screen(line, hang=len(line) - len(line.lstrip(" ")) + 2) for line in text.split("\n"))


def wrap_width() -> int | None:
    """The width a person's text is wrapped at, None for none (a pipe, a file: a row a line). On
    a terminal, its width. In a session over `uplift serve ssh` without one (`ssh host today`, no
    -t), the output is the client's screen, but the server cannot see its width: COLUMNS if the
    session has it, else 80, as taskwarrior's defaultwidth (nothing was wrapped: every long line
    broke at the screen's left edge)."""
    import shutil

    if _on_terminal() or is_remote():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return None


#: The width text is wrapped at where no terminal says its own (taskwarrior's defaultwidth).
DEFAULT_WIDTH = 80


def _on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # (a closed or odd stream: as a pipe)
        return False


# The columns of `task list --csv` and `deal list --csv`: the stored fields by their plan-file
# names, so a spreadsheet and a plan file say the same thing the same way; last, the board that
# wrote the list (sales/board_mark.py: an import tells its own list from another board's).
TASK_COLUMNS = ("id", "title", "status", "owner", "priority", "start", "due", "goal", "strategy", "deal",
                "tags", "depends", "every", "steps_done", "steps", "expected_result", "measure", BOARD_COLUMN)
DEAL_COLUMNS = (*EXPORT_COLUMNS, BOARD_COLUMN)  # (`deal import` reads such a file back by these names)


def task_cells(task: Task, board_key: str) -> list[object]:
    """A task as `task list --csv` writes it: `task import` reads it back (a bulk edit), its
    checklist one step a line behind its box (`[x] Call`)."""
    return [task.id, task.title, task.status, task.owner, task.priority, task.start, task.due, task.goal,
            task.strategy, task.deal, task.tags, task.depends, task.every, steps_done(task)[0], steps_text(task.steps),
            task.expected_result, task.measure, board_mark(board_key)]


def deal_cells(deal, stages, board_key: str) -> list[object]:
    from sales.deal_fields import payments_text
    from sales.deals import closed_on, weighted_value
    from sales.splits import splits_text

    outcome = next((s.outcome for s in stages if s.name == deal.stage), "open")
    return [deal.id, deal.title, deal.account, deal.key_account, deal.owner, deal.product, deal.stage, outcome,
            deal.value, weighted_value(deal, stages), deal.close, closed_on(deal, outcome), deal.forecast,
            deal.lost_reason, deal.next_step, deal.source, splits_text(deal.splits), deal.business,
            payments_text(deal.payments), deal.strategy, board_mark(board_key)]


def task_rows(tasks: Sequence[Task], today) -> str:
    rows = []
    for task in tasks:
        due = task.due.isoformat() if task.due else ""
        if is_overdue(task, today):
            due += " !"
        rows.append([task.id, _(STATUS_LABELS[task.status]), _(task.priority), due, task.owner or "", task.title])
    return table(["ID", _("STATUS"), _("PRIORITY"), _("DUE"), _("OWNER"), _("TITLE")], rows,
                 least_first=TASK_LEAST_FIRST)


#: Which of `task list`'s columns a narrow terminal leaves out first (by index): the owner, the
#: priority, the status; ID, due date and title stay.
TASK_LEAST_FIRST = (4, 2, 1)


def label(text: str) -> str:
    """A field's name in a detail view, padded to one column (in cells: CJK takes two each)."""
    return fit(text, max(10, display_width(text) + 1))


def task_detail(task: Task, history: Sequence[Activity], others: Mapping[str, Task] | None = None) -> str:
    """A task in full; `others`: the board's tasks by id, to say where the ones it waits for stand."""
    done, total = steps_done(task)
    lines = [f"{task.id}  {task.title}",
             f"  {label(_('status'))}{_(STATUS_LABELS[task.status])}",
             f"  {label(_('priority'))}{_(task.priority)}",
             f"  {label(_('owner'))}{task.owner or '–'}",
             f"  {label(_('start'))}{task.start or '–'}",
             f"  {label(_('due'))}{task.due or '–'}",
             f"  {label(_('goal'))}{task.goal or '–'}",
             f"  {label(_('strategy'))}{task.strategy or '–'}"]
    if task.done_at is not None:  # done before it came onto the board: the history does not say when
        lines.insert(2, f"  {label(_('done'))}{when(task.done_at.isoformat())}  "
                        + _("(as the list it came from says)"))
    if task.deal:
        lines.append(f"  {label(_('deal'))}{task.deal}")
    if task.tags:
        lines.append(f"  {label(_('tags'))}" + " ".join(f"+{tag}" for tag in task.tags))
    if task.depends:
        lines.append(f"  {label(_('waits for'))}" + enumerated(
            _("{id} ({status})").format(id=other, status=_(STATUS_LABELS[others[other].status]))
            if others and other in others else other
            for other in task.depends))
    if task.every:
        lines.append(f"  {label(_('repeats'))}{_(task.every)}")
    if task.previous:
        lines.append(f"  {label(_('follows'))}{task.previous}")
    if task.expected_result:
        lines.append(f"  {label(_('expected'))}{task.expected_result}")
    if task.measure:
        lines.append(f"  {label(_('measure'))}{task.measure}")
    if task.steps:
        lines.append(f"  {label(_('steps'))}{done}/{total}")
        lines += [f"    {n}. [{'x' if s.done else ' '}] {s.text}" for n, s in enumerate(task.steps, 1)]
    if task.comments:
        lines.append("  " + _("comments"))
        for comment in task.comments:
            first, *more = comment.text.splitlines()
            lines.append(f"    {when(comment.at.isoformat())}  {comment.by}  {first}")
            lines += [f"      {line}" for line in more]
    if history:
        lines.append("  " + _("history"))
        lines += [f"    {when(r.at)}  {r.actor}  {say(describe(r))}" for r in history]
    return safe("\n".join(lines))


def log_rows(records: Sequence[Activity]) -> str:
    """The log for a person. An activity's note is what was said on the call, its record's whole
    point: said whole (it was cut at 30 characters, `they want a de…`, even to a pipe, and a note
    on an account is shown nowhere else); a changed field's values are cut as ever."""
    from tui.change_text import say_change

    return table([_("WHEN"), _("WHO"), _("WHAT")],
                 [[when(r.at), r.actor, say_change(describe(r, None if r.action.startswith("touch.") else 30))]
                  for r in records], max_last=100)


def payment_text(deal) -> str:
    """What the customer has paid on a deal: `12,000.00 of 30,000.00 (40%)`."""
    from sales.deals import paid_on
    from sales.payout import pct

    paid = paid_on(deal)
    text = _("{paid} of {value}").format(paid=f"{paid:,.2f}", value=f"{deal.value:,.2f}")
    return text + (bracketed(pct(paid / deal.value * 100)) if deal.value else "")


#: The day a deal closed, with how (its stage's outcome), as `deal show` says it.
CLOSED_WORDS = {"won": N_("{day} (won)"), "lost": N_("{day} (lost)")}
#: A forecast category its owner called, and a customer kind set by hand, as `deal show` says them.
FORECAST_WORDS = {"commit": N_("commit (called by its owner)"), "best_case": N_("best case (called by its owner)"),
                  "omit": N_("omit (called by its owner)")}
BUSINESS_WORDS = {"new": N_("new (set by hand)"), "existing": N_("existing (set by hand)")}


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal cells (never cut)."""
    return text + " " * max(0, width - display_width(text))


def deal_detail(deal, stages, touches, tasks=(), now=None) -> str:
    from sales.deals import closed_on, stints, weighted_value
    from sales.splits import credit_text

    outcome = next((stage.outcome for stage in stages if stage.name == deal.stage), "open")
    closed = closed_on(deal, outcome)
    lines = [f"{deal.id}  {deal.title}",
             f"  {label(_('account'))}{deal.account or '–'}" + (_("  (key account)") if deal.key_account else ""),
             *([f"  {label(_('product'))}{deal.product}"] if deal.product else []),
             *([f"  {label(_('customer'))}{_(BUSINESS_WORDS[deal.business])}"]
               if deal.business != "auto" else []),
             f"  {label(_('owner'))}{deal.owner or '–'}",
             *([f"  {label(_('credit'))}{credit_text(deal.owner, deal.splits)}"] if deal.splits else []),
             f"  {label(_('stage'))}{deal.stage}",
             f"  {label(_('value'))}" + _("{value} (weighted {weighted})").format(
                 value=f"{deal.value:,.0f}", weighted=f"{weighted_value(deal, stages):,.0f}"),
             f"  {label(_('closed'))}" + _(CLOSED_WORDS[outcome]).format(day=closed) if closed
             else f"  {label(_('close'))}{deal.close or '–'}",
             f"  {label(_('next step'))}{deal.next_step or '–'}"
             + (_(" (due {day})").format(day=deal.next_due.isoformat()) if deal.next_due else "")]
    if outcome == "lost":
        lines.append(f"  {label(_('lost for'))}{deal.lost_reason or _('– (no reason given)')}")
    if outcome == "open":
        lines.append(f"  {label(_('forecast'))}" + (_("by its stage (auto)") if deal.forecast == "auto" else
                                                   _(FORECAST_WORDS[deal.forecast])))
    if deal.strategy:
        lines.append(f"  {label(_('strategy'))}{deal.strategy}")
    if deal.source:
        lines.append(f"  {label(_('source'))}{deal.source}")
    if deal.payments or outcome == "won":
        lines.append(f"  {label(_('paid'))}{payment_text(deal)}")
    lines.append("  " + _("stages"))
    for stint in stints(deal):  # the stage it is in now: how long so far (Pipedrive's and HubSpot's days in stage)
        days = ((stint.end or now or stint.start) - stint.start).total_seconds() / 86400
        lines.append(f"    {when(stint.start.isoformat())}  {stint.stage}  "
                     + (_("({days} days)").format(days=f"{days:.1f}") if stint.end
                        else _("(now, {days} days so far)").format(days=f"{days:.1f}") if now and days >= 0
                        else _("(now)")))
    if tasks:
        lines.append("  " + _("tasks"))
        lines += [f"    {t.id}  {pad(_(STATUS_LABELS[t.status]), 8)}"
                  + ("  " + _("due {due}").format(due=t.due) if t.due else "") + f"  {t.title}"
                  for t in tasks]
    if deal.payments:
        lines.append("  " + _("payments"))
        later = now.date() if now else None  # (one dated after today is received from its day on)
        lines += [(f"    {p.on}  {p.amount:>14,.2f}  {p.note}".rstrip()
                   + ("  " + _("(after today: counts from that day)") if later and p.on > later else ""))
                  for p in deal.payments]
    if touches:
        lines.append("  " + _("activities"))
        lines += [f"    {when(t.at.isoformat())}  {t.by}  {_(t.type)}  {t.note}".rstrip() for t in touches]
    return safe("\n".join(lines))
