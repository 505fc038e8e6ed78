"""Reading sales record files (CSV, XLSX) into one clean pandas frame with canonical columns.

Everything that can go wrong with a person's export is caught here and reported as one
``RecordsError`` naming the file, the column and the row; a read either returns a whole clean
frame or raises, never half a frame.

Row numbers in messages count the way a spreadsheet shows them: the header is row 1, the first
data row is row 2 (blank lines are not counted).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sales.errors import Reason, first_line
from sales.phrases import Phrase
from sales.phrases import rows as row_count  # (`rows` is a reading's rows below)
from sales.record_rules import normalise_stage
from sales.sales_fields import FIELDS, ColumnMapping, MappingError, map_columns
from sales.text import listed

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

TEXT_FIELDS = ("order_id", "customer", "product", "product_line", "region", "channel", "rep", "stage")
NUMBER_FIELDS = ("quantity", "amount", "cost", "unit_price", "profit")
DATE_FIELDS = ("date", "created")
#: Text fields whose values are only counted or matched, never listed: their categories may
#: come in any order.
_COUNTED_FIELDS = ("order_id", "customer", "product")

_SNIFF_BYTES = 64 * 1024
_DELIMITERS = (",", ";", "\t", "|")
#: Excel's delimiter line (`sep=;`), which some exports write above the column names so that
#: Excel splits the file right whatever the reader's locale; Excel shows it as no row at all.
_SEP_LINE = re.compile(r"\Asep=([^\r\n\"])[ \t]*(?:\r\n|\r|\n|\Z)", re.IGNORECASE)
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_CURRENCY = re.compile(r"[\s\u00a0'$€£¥￥₹]|RMB|CNY|USD|EUR|GBP|JPY|CHF|元")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_DATE_SHAPE = re.compile(
    r"^\s*(\d{1,4})([/.\-年])(\d{1,2})[/.\-月](\d{1,4})日?(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?\s*$"
)


class RecordsError(Reason):
    """A record file that cannot be read; the message names file, column and row.

    `reason` is a template and `values` its values (sales.errors), said in the interface's
    language like any Reason. The parts stay apart for an interface that says them its own way:
    `where_said` (file, column, row), `bare_said` (the reason alone) and `reason_said` (with the
    command line's `--join FILE:KEY` / `--map COLUMN=FIELD`); str() of each is its English."""

    def __init__(self, file: str | Path, reason: object, column: str | None = None, row: int | None = None,
                 map_to: str | None = None, join: str | None = None, **values: object):
        self.file = str(file)
        self.column = column
        self.row = row
        # named as the command line takes them in `reason` (`--map COLUMN=FIELD`, `--join FILE:KEY`),
        # and kept apart (`bare`: the reason without them) for an interface that takes them otherwise
        self.map_to = map_to  # the field a column should be mapped to: the fix
        self.join = join  # the join (FILE:KEY) the reason is about
        self.bare_said = Reason(reason, **values)
        self.reason_said = _with_fix(self.bare_said, join, map_to)
        self.where_said = _where(Path(self.file).name, column, row)
        super().__init__(Reason("{where}: {reason}", where=self.where_said, reason=self.reason_said))


def _with_fix(reason: Reason, join: str | None, map_to: str | None) -> Reason:
    """The reason as the command line says it: the join it is about first, the fix after."""
    if join and map_to:
        return Reason("--join {join}: {reason}; name one with --map COLUMN={field}",
                      join=join, reason=reason, field=map_to)
    if join:
        return Reason("--join {join}: {reason}", join=join, reason=reason)
    if map_to:
        return Reason("{reason}; name one with --map COLUMN={field}", reason=reason, field=map_to)
    return reason


def _where(file: str, column: str | None, row: int | None) -> Reason:
    """`sales.csv, column 'Amount', row 5`: as much of it as is known."""
    if column is not None and row is not None:
        return Reason("{file}, column {column!r}, row {row}", file=file, column=column, row=row)
    if column is not None:
        return Reason("{file}, column {column!r}", file=file, column=column)
    if row is not None:
        return Reason("{file}, row {row}", file=file, row=row)
    return Reason("{file}", file=file)


@dataclass
class Records:
    """A clean frame with canonical columns plus what was decided while reading it."""

    frame: "pd.DataFrame"
    mapping: ColumnMapping
    sources: list[str]
    rows_read: int
    date_formats: dict[str, str] = field(default_factory=dict)  # column -> how its dates were read (a Phrase)
    notes: list[str] = field(default_factory=list)  # what else was done (a join), as Phrases
    repeated: int = 0  # rows of a later file that an earlier one holds too (exports that overlap), left out


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "csv", "xlsx" or "xls" (the old binary Excel)
    encoding: str = "utf-8"
    delimiter: str = ","
    skip: int = 0  # lines before the column names that are not rows: Excel's `sep=;` line


def open_text(path: Path, sniffed: Sniffed) -> io.TextIOWrapper:
    """A CSV file open as text, past the lines that are not rows (Excel's `sep=` line), so that
    its first line is the column names: row 1, as the spreadsheet that reads it shows it."""
    handle = path.open(encoding=sniffed.encoding, errors="replace", newline="")
    for _ in range(sniffed.skip):
        handle.readline()
    return handle


# ---------------------------------------------------------------- sniffing and raw reading


RECORD_SUFFIXES = (".csv", ".xlsx", ".xls")
MOST_LISTED = 5000  # a folder's entries looked at for its record files (a huge folder is not read whole)
MOST_NAMED = 8  # of those, named in the error that a folder is not a file


def record_files_in(folder: Path, suffixes: tuple[str, ...] = RECORD_SUFFIXES) -> list[str]:
    """The CSV, XLSX and XLS files (or those ending in `suffixes`) of `folder` by name, hidden
    ones left out (none if it can't be read)."""
    import os

    found = []
    try:
        with os.scandir(folder) as scan:
            for count, entry in enumerate(scan):
                if count >= MOST_LISTED:
                    break
                name = entry.name
                try:
                    if name.lower().endswith(suffixes) and not name.startswith(".") and not entry.is_dir():
                        found.append(name)
                except OSError:
                    continue
    except OSError:
        return []
    return sorted(found, key=str.lower)


def not_a_file(folder: Path) -> RecordsError:
    """A folder given where a record file was wanted ("Is a directory" said nothing useful):
    what it holds that could be given instead."""
    files = record_files_in(folder)
    if not files:
        return RecordsError(folder, "a folder, not a file, and it holds no CSV, XLSX or XLS file")
    shown = ", ".join(files[:MOST_NAMED]) + (", …" if len(files) > MOST_NAMED else "")
    return RecordsError(folder, "a folder, not a file; its CSV, XLSX and XLS files: {files}", files=shown)


def a_folder(folder: Path, suffixes: tuple[str, ...]) -> Reason:
    """Why a folder given to an import (tasks, deals, a plan) cannot be read, naming the files
    there it could read (`suffixes`) to give instead: "cannot be read (Is a directory)" said
    nothing useful. Each import says it with its own error, about its file."""
    files = record_files_in(folder, suffixes)
    if not files:
        return Reason("a folder, not a file, and it holds no file that could be imported ({kinds})",
                      kinds=", ".join(suffix.lstrip(".").upper() for suffix in suffixes))
    shown = ", ".join(files[:MOST_NAMED]) + (", …" if len(files) > MOST_NAMED else "")
    return Reason("a folder, not a file; files there that could be imported: {files}", files=shown)


def sniff(path: Path, one_column: bool = False) -> Sniffed:
    """Kind, encoding and delimiter of a file, from its first 64 KB (cached per file state).
    `one_column`: a text file that no delimiter splits is one column (a task list of titles
    alone), not refused as no table."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise RecordsError(path, "cannot open: {cause}", cause=exc.strerror or exc) from exc
    if path.is_dir():
        raise not_a_file(path)
    return _sniff_cached(path, stat.st_size, stat.st_mtime_ns, one_column)


@lru_cache(maxsize=64)
def _sniff_cached(path: Path, size: int, mtime_ns: int, one_column: bool = False) -> Sniffed:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise RecordsError(path, "cannot open: {cause}", cause=exc.strerror or exc) from exc
    if not head.strip():
        raise RecordsError(path, "empty file (no header, no rows)")
    if head.startswith(_XLSX_MAGIC):
        return Sniffed("xlsx")
    if head.startswith(_OLE_MAGIC):
        return Sniffed("xls")
    encoding = "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in head:
        raise RecordsError(path, "not a text table (binary data); expected CSV or XLSX")
    text = None
    for candidate in (encoding, "gb18030", "latin-1"):
        try:
            text = head.decode(candidate)
        except UnicodeDecodeError as exc:
            # The sample may end in the middle of a multi-byte character.
            if candidate.startswith("utf") and len(head) == _SNIFF_BYTES and exc.start >= len(head) - 4:
                text = head[: exc.start].decode(candidate)
            else:
                continue
        encoding = candidate
        break
    assert text is not None  # latin-1 decodes anything
    if len(_CONTROL.findall(text)) > len(text) // 100 + 2:
        raise RecordsError(path, "not a text table (binary data); expected CSV or XLSX")
    hint = _SEP_LINE.match(text)
    if hint is None:
        return Sniffed("csv", encoding, _sniff_delimiter(path, text, one_column))
    body = text[hint.end():]
    if not body.strip():
        raise RecordsError(path, "empty file (no header, no rows)")
    _refuse_title_rows(path, list(csv.reader(io.StringIO(body), delimiter=hint[1])))
    return Sniffed("csv", encoding, hint[1], skip=1)


def _sniff_delimiter(path: Path, text: str, one_column: bool = False) -> str:
    lines = text.splitlines()[:50]
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may cut the last line short
    _refuse_title_rows(path, *(list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delim))
                               for delim in _DELIMITERS))
    best, best_score = ",", (0, 0)
    for delim in _DELIMITERS:
        counts = [len(r) for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delim) if r]
        if not counts:
            continue
        width = counts[0]
        score = (sum(c == width for c in counts), width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delim, score
    if best_score == (0, 0) and one_column:
        return ","  # one column: each line one cell (a comma in a cell needs quotes, as in any CSV)
    if best_score == (0, 0):
        raise RecordsError(path, "does not look like a table: no delimiter (, ; tab |) found in the header")
    return best


def _filled(cells: Sequence[object]) -> list[str]:
    """The non-empty cells of a row, as text."""
    return [str(c).strip() for c in cells if c is not None and c == c and str(c).strip()]


def _refuse_title_rows(path: Path, *readings: Sequence[Sequence[object]]) -> None:
    """Refuse a table whose column names are not its first row: a report's title (and perhaps
    a date or a blank row) above them, as many exports have. `readings`: the rows as each
    delimiter splits them (one reading for a workbook). The first row with at least two values
    and as many cells as most rows below it is where the column names seem to be. (Rows count
    as a spreadsheet shows them: blank ones too.)"""
    from collections import Counter

    found = None
    for rows in readings:
        filled = [_filled(row) for row in rows]
        first = next((i for i, cells in enumerate(filled) if cells), None)
        if first is None or len(filled[first]) >= 2:
            return  # the first row holds column names (or there is nothing)
        tabular = [i for i in range(first + 1, len(rows)) if len(filled[i]) >= 2]
        if len(tabular) >= 2 and (found is None or len(tabular) > found[0]):  # a header and a row under it
            width = Counter(len(rows[i]) for i in tabular).most_common(1)[0][0]
            start = next(i for i in tabular if len(rows[i]) == width)
            found = (len(tabular), first, filled[first], start, filled[start])
    if found is None:
        return
    _, first, title, start, header = found
    raise RecordsError(path, "not the column names ({first}): they seem to start on row {start} ({header}); "
                             "delete the rows above them, so that the column names come first",
                       None, first + 1, first=", ".join(map(repr, title)), start=start + 1,
                       header=", ".join(header[:4]) + (", …" if len(header) > 4 else ""))


def read_header(path: str | Path) -> list[str]:
    """The column names of a record file, without reading its rows."""
    path = Path(path)
    sniffed = sniff(path)
    if sniffed.kind in WORKBOOKS:
        columns = [str(c) for c in _read_workbook(path, sniffed.kind, nrows=0).columns]
        if not columns:
            raise RecordsError(path, EMPTY_SHEET)
        if sum(not c.startswith("Unnamed: ") for c in columns) < 2:  # (pandas' name for an empty header cell)
            top = _read_workbook(path, sniffed.kind, nrows=50, header=None)
            _refuse_title_rows(path, list(top.itertuples(index=False, name=None)))
        return columns
    with open_text(path, sniffed) as handle:
        header = next(csv.reader(handle, delimiter=sniffed.delimiter), [])
    return [h.strip() for h in header]


EMPTY_SHEET = Reason("empty file: the workbook's first sheet has no header and no rows")
NO_ROWS = Reason("empty file: a header but no data rows")

#: The reader pandas uses for each kind of workbook (the first sheet is read): openpyxl for
#: .xlsx, calamine for the old binary .xls that ERPs still export.
WORKBOOKS = {"xlsx": "openpyxl", "xls": "calamine"}


def _read_workbook(path: Path, kind: str, nrows: int | None = None, usecols: list[str] | None = None,
                   header: int | None = 0) -> "pd.DataFrame":
    import pandas as pd

    try:
        return pd.read_excel(path, sheet_name=0, engine=WORKBOOKS[kind], nrows=nrows, usecols=usecols, header=header)
    except Exception as exc:  # the readers raise many kinds for a damaged workbook
        reason = first_line(exc) or type(exc).__name__
        raise RecordsError(path, "cannot read as an Excel workbook (.{kind}): {cause}", kind=kind, cause=reason) from exc


def read_table(path: str | Path, columns: Sequence[str] | None = None,
               categorical: Iterable[str] = (), unsorted: Iterable[str] = ()) -> "pd.DataFrame":
    """Read ``columns`` (all if None) of a CSV or XLSX file; text columns in ``categorical``
    come back as pandas categoricals (those also in ``unsorted`` perhaps with their categories
    in no sorted order). Values are not yet converted; see ``load_records``.
    """
    import pandas as pd

    path = Path(path)
    sniffed = sniff(path)
    usecols = list(columns) if columns is not None else None
    if sniffed.kind in WORKBOOKS:
        frame = _read_workbook(path, sniffed.kind, usecols=usecols)
        frame.columns = [str(c).strip() for c in frame.columns]
    else:
        header = read_header(path)
        dtype = {c: "category" for c in categorical if c in header}
        options: dict[str, Any] = dict(sep=sniffed.delimiter, encoding=sniffed.encoding, dtype=dtype,
                                       skiprows=sniffed.skip)
        raw_usecols = None
        if usecols is not None:
            # pandas matches usecols against the raw (unstripped) header
            raw = _raw_header(path, sniffed)
            raw_usecols = [raw[header.index(c)] for c in usecols]
            dtype = {raw[header.index(c)]: t for c, t in dtype.items()}
            options["dtype"] = dtype
        frame = None
        if raw_usecols is not None and dtype:
            from store.arrow_csv import read_csv_categorical

            raw_unsorted = [raw[header.index(c)] for c in unsorted if c in header]
            frame = read_csv_categorical(path, sniffed.encoding, sniffed.delimiter, raw_usecols, list(dtype),
                                         raw_unsorted, skip=sniffed.skip)
        try:
            if frame is None:
                frame = pd.read_csv(path, engine="pyarrow", usecols=raw_usecols, **options)
        except Exception:
            _raise_if_ragged(path, sniffed)
            raise_if_undecodable(path, sniffed)
            # Slower C parser: copes with what pyarrow refuses (some encodings, odd quoting).
            try:
                frame = pd.read_csv(path, engine="c", usecols=raw_usecols, **options)
            except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
                raise RecordsError(path, "cannot read as CSV: {error}", error=exc) from exc
        frame.columns = [str(c).strip() for c in frame.columns]
    if len(frame) == 0:
        raise RecordsError(path, NO_ROWS)
    return frame


def _raw_header(path: Path, sniffed: Sniffed) -> list[str]:
    with open_text(path, sniffed) as handle:
        return next(csv.reader(handle, delimiter=sniffed.delimiter), [])


_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "gb18030": "GB18030"}


def raise_if_undecodable(path: Path, sniffed: Sniffed) -> None:
    """Name the first row (and its column) holding bytes that are not text in the encoding the
    file's start was read in: a UTF-8 file with a row pasted in from Windows-1252 or GBK."""
    if sniffed.encoding not in _ENCODING_NAMES:  # UTF-16 lines do not split on b"\n"; Latin-1 reads any byte
        return
    header = read_header(path)
    row = 0
    with path.open("rb") as handle:
        for _ in range(sniffed.skip):
            handle.readline()
        for line in handle:
            if not line.strip():
                continue  # blank lines are not rows
            row += 1
            try:
                line.decode(sniffed.encoding)
            except UnicodeDecodeError as exc:
                before = line[:exc.start].decode(sniffed.encoding)
                cells = next(csv.reader([before], delimiter=sniffed.delimiter), [""])
                index = max(len(cells) - 1, 0)
                column = header[index] if index < len(header) and row > 1 else None
                raise RecordsError(path, "not {encoding} text (byte 0x{byte:02x}) though the rows before it are; "
                                         "save the whole file as UTF-8 (in Excel: CSV UTF-8)", column, row,
                                   encoding=_ENCODING_NAMES[sniffed.encoding], byte=line[exc.start]) from None


def _raise_if_ragged(path: Path, sniffed: Sniffed) -> None:
    """Name the first row whose number of fields differs from the header's."""
    with open_text(path, sniffed) as handle:
        reader = csv.reader(handle, delimiter=sniffed.delimiter)
        width = len(next(reader, []))
        row = 1
        for fields in reader:
            if not fields:
                continue  # blank lines are not rows
            row += 1
            if len(fields) != width:
                raise RecordsError(path, "not a consistent table: {fields} fields where the header has {width}",
                                   None, row, fields=len(fields), width=width)


# ---------------------------------------------------------------- value conversion


def _first_bad_row(column: "pd.Series", bad_by_category: Any) -> int | None:
    """Spreadsheet row (header = row 1) of the first value whose category is bad."""
    import numpy as np

    bad = np.asarray(bad_by_category, dtype=bool)
    if not bad.any():  # no values at all, or none is bad
        return None
    codes = column.cat.codes.to_numpy()
    rows = np.flatnonzero((codes >= 0) & bad[np.maximum(codes, 0)])
    return int(rows[0]) + 2 if len(rows) else None


def _as_category(column: "pd.Series") -> "pd.Series":
    if column.dtype == "category":
        return column
    return column.astype("string").str.strip().replace("", None).astype("category")


def _decimal_comma(values: "pd.Index", delimiter: str) -> bool:
    """Decide per column whether ',' is the decimal mark (1.234,56 / 12,5) or a thousands mark."""
    decimal_votes = thousands_votes = 0
    for value in values[:5000]:
        s = str(value)
        if "," not in s:
            continue
        if "." in s:
            if s.rfind(",") > s.rfind("."):
                decimal_votes += 1
            else:
                thousands_votes += 1
        elif re.fullmatch(r"-?\d{1,3}(,\d{3})+", s.strip()):
            if s.count(",") > 1:
                thousands_votes += 1
        else:
            decimal_votes += 1
    if decimal_votes or thousands_votes:
        return decimal_votes >= thousands_votes
    return delimiter != ","


def to_number(column: "pd.Series", file: str | Path, name: str, delimiter: str = ",") -> "pd.Series":
    """Numbers from a column that may hold text such as "1.234,56", "12,5" or "$1,200"."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        values = column.astype("float64")
        infinite = np.isinf(values.to_numpy())
        if infinite.any():  # 1e400 in the file: it would make every total infinite, shown as 0
            raise RecordsError(file, "a number too big to add up (1e308 or more)", name, int(infinite.argmax()) + 2)
        return values
    column = _as_category(column)
    cats = pd.Series(column.cat.categories.astype(str))
    cleaned = cats.str.replace(_CURRENCY, "", regex=True)
    cleaned = cleaned.str.replace(r"^\((.*)\)$", r"-\1", regex=True)  # (12.50) is negative
    cleaned = cleaned.str.replace("\u2212", "-", regex=False)  # the minus sign (−12.50) some sheets write
    cleaned = cleaned.str.replace(r"^(\d[\d.,]*)-$", r"-\1", regex=True)  # 12.50- (SAP and other ERPs)
    if _decimal_comma(pd.Index(cleaned), delimiter):
        cleaned = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(",", "", regex=False)
    parsed = pd.to_numeric(cleaned, errors="coerce")
    bad = (parsed.isna() | np.isinf(parsed)).to_numpy()  # (1e400 is read as infinity)
    row = _first_bad_row(column, bad)
    if row is not None:
        value = cats[int(bad.argmax())] if bad.sum() == 1 else _value_at(column, row)
        raise RecordsError(file, "cannot read {value!r} as a number", name, row, value=value)
    codes = column.cat.codes.to_numpy()
    if not len(parsed):  # every cell empty: no category to look up
        return pd.Series(float("nan"), index=column.index, name=column.name, dtype="float64")
    values = parsed.to_numpy(dtype="float64")[codes.clip(0)]
    values[codes < 0] = float("nan")
    return pd.Series(values, index=column.index, name=column.name)


def to_rate(column: "pd.Series", file: str | Path, name: str, delimiter: str = ",") -> "pd.Series | None":
    """Rates from a discount column: 0.2, or 20% (a number with a percent sign is a hundredth of
    it); None when a value lies outside 0 to 1 (100%): such a column holds amounts of money, not
    rates, and is left out rather than read as 1,500%."""
    import numpy as np
    import pandas as pd

    percent = None
    if not pd.api.types.is_numeric_dtype(column):
        column = _as_category(column)
        cats = column.cat.categories.astype(str).str.strip()
        marked = np.asarray(cats.str.endswith("%") | cats.str.endswith("％"), dtype=bool)
        if marked.any():
            new_codes, uniques = pd.factorize(cats.str.rstrip("%％").str.strip())
            codes = column.cat.codes.to_numpy()
            known = codes >= 0
            mapped = np.where(known, new_codes[codes.clip(0)], -1)
            percent = known & marked[codes.clip(0)]
            column = pd.Series(pd.Categorical.from_codes(mapped, categories=uniques), index=column.index,
                               name=column.name)
    values = to_number(column, file, name, delimiter)
    if percent is not None:
        values = values.where(~percent, values / 100.0)
    if values.notna().any() and (values.min() < 0 or values.max() > 1):
        return None
    return values


def _value_at(column: "pd.Series", row: int) -> str:
    return str(column.iloc[row - 2])


def _date_format_for(day_first: bool, sep: str, year_digits: int, time: str | None) -> str:
    year = "%Y" if year_digits == 4 else "%y"
    fmt = f"%d{sep}%m{sep}{year}" if day_first else f"%m{sep}%d{sep}{year}"
    if time:
        fmt += " %H:%M:%S" if time.count(":") == 2 else " %H:%M"
    return fmt


_ORDER_WORDS = {
    "dayfirst": "day-first", "day-first": "day-first", "dmy": "day-first",
    "monthfirst": "month-first", "month-first": "month-first", "mdy": "month-first",
    "iso": "iso", "ymd": "iso",
}


def to_dates(column: "pd.Series", file: str | Path, name: str, date_format: str | None = None) -> tuple["pd.Series", Phrase]:
    """Dates from a column, with a sentence saying how they were read (a Phrase: it is said in
    the reader's language, now and from a kept diagnosis).

    ISO dates (2011-10-06, 2011-10-06 16:20:00) are read as such. For DD/MM/YY versus M/D/YYYY
    the column decides: a first part above 12 means day-first, a second part above 12 means
    month-first; with neither, month-first is assumed and the sentence says so. ``date_format``
    (a strftime format such as "%d/%m/%y", or "dayfirst" / "monthfirst" / "iso") overrides.
    """
    import numpy as np
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(column):
        if not date_format:
            return column.astype("datetime64[ns]"), Phrase("ISO dates (read as dates by the CSV reader)")
        # the reader took them for ISO dates; a format given says how to read the text instead
        column = column.dt.strftime("%Y-%m-%d %H:%M:%S").str.removesuffix(" 00:00:00").astype("category")
    column = _as_category(column)
    cats = [str(c) for c in column.cat.categories]
    if date_format and "%" in date_format:
        try:
            parsed = pd.to_datetime(pd.Series(cats), format=date_format, errors="coerce")
        except ValueError as exc:  # a format strptime cannot use (%Q, a stray %): the format's fault
            raise RecordsError(file, "cannot use the date format {format!r}: {error} "
                                     "(use e.g. %d/%m/%Y, dayfirst, monthfirst, iso)", name,
                                  format=date_format, error=first_line(exc)) from None
        how = Reason("format {format!r} (given)", format=date_format)
    else:
        forced = _ORDER_WORDS.get((date_format or "").strip().lower())
        if date_format and forced is None:
            raise RecordsError(file, "unknown date format {format!r} (use e.g. %d/%m/%Y, dayfirst, monthfirst, iso)",
                               name, format=date_format)
        serials = _excel_serials(cats) if forced is None else None
        named = _month_names(cats) if forced is None and serials is None else None
        if serials is not None:
            parsed, how = serials, Reason("Excel day numbers (days since 1899-12-30: 46027 is 2026-01-05)")
            shapes = []
        elif named is not None:
            (parsed, fmt), serials = named, named[0]  # (read already, as serials are)
            how, shapes = Reason("with the month's name ({format})", format=fmt), []
        else:
            shapes = [_DATE_SHAPE.match(c) for c in cats]
            day_first, how = _decide_order(shapes, forced)
        formats = []
        for match in shapes:
            if match is None:
                formats.append(None)
                continue
            first, sep, _, last, time = match.groups()
            if len(first) == 4:  # year first: 2019-01-03, 2019/01/03, 2019年1月3日
                fmt = "%Y年%m月%d日" if sep == "年" else f"%Y{sep}%m{sep}%d"
                if time:
                    fmt += " %H:%M:%S" if time.count(":") == 2 else " %H:%M"
            else:
                fmt = _date_format_for(day_first, sep, len(last), time)
            formats.append(fmt)
        if serials is None:
            parsed = pd.Series(pd.NaT, index=range(len(cats)), dtype="datetime64[ns]")
        fmt_series = pd.Series(formats, dtype=object)
        for fmt in fmt_series.dropna().unique():
            mask = (fmt_series == fmt).to_numpy()
            parsed[mask] = _representable(pd.to_datetime(pd.Series(cats)[mask], format=fmt, errors="coerce"))
    if date_format and "%" in date_format:
        parsed = pd.Series(_representable(parsed), dtype="datetime64[ns]")
    bad = parsed.isna().to_numpy()
    row = _first_bad_row(column, bad)
    if row is not None:
        raise RecordsError(file, "cannot read {value!r} as a date ({how})", name, row,
                           value=_value_at(column, row), how=how)
    codes = column.cat.codes.to_numpy()
    if not len(parsed):  # an empty column: every value missing
        return pd.Series(pd.NaT, index=column.index, name=column.name, dtype="datetime64[ns]"), how.said
    values = np.take(np.append(parsed.to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT", "ns")), codes)  # -1: NaT
    return pd.Series(values, index=column.index, name=column.name, copy=False), how.said


#: Dates written with the month's name, as many exports and English sheets do: 05-Jan-2026,
#: 5 Jan 2026, Jan 5, 2026, January 5, 2026 (strptime reads %b and %B in English).
_MONTH_NAME_FORMATS = ("%d-%b-%Y", "%d-%b-%y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%d-%B-%Y")


def _month_names(cats: list[str]) -> "tuple[pd.Series, str] | None":
    """(dates, format) of a column whose values have the month's name in one of the formats
    above (most of them: the others are NaT, bad dates to name by their row), else None."""
    import pandas as pd

    if not cats or not any(c[:1].isalpha() or c[2:4].strip("-/ ").isalpha() for c in cats[:20]):
        return None
    values = pd.Series(cats).str.strip()
    best, best_count = None, 0
    for fmt in _MONTH_NAME_FORMATS:
        parsed = pd.to_datetime(values, format=fmt, errors="coerce")
        if (count := int(parsed.notna().sum())) > best_count:
            best, best_count = (pd.Series(_representable(parsed), dtype="datetime64[ns]"), fmt), count
    return best if best_count * 2 > len(cats) else None


#: An Excel date as the number a sheet keeps it as (days since 1899-12-30), when the cell lost its
#: date format on the way to a CSV: five digits, perhaps a fraction of a day (1954 to 2119).
_SERIAL = re.compile(r"^\s*\d{5}(?:\.\d+)?\s*$")
_SERIAL_RANGE = (20000, 80000)


def _excel_serials(cats: list[str]) -> "pd.Series | None":
    """The dates of a column whose every value is a number of five digits, as Excel day numbers
    (one outside 1954 to 2119 is no date: NaT), else None."""
    import pandas as pd

    if not cats or not all(_SERIAL.match(c) for c in cats):
        return None
    days = pd.Series([float(c) for c in cats])
    days = days.where(days.between(*_SERIAL_RANGE))
    return pd.to_datetime(days, unit="D", origin="1899-12-30").dt.round("s").astype("datetime64[ns]")


def _representable(parsed: "pd.Series") -> "np.ndarray":
    """Parsed dates as nanosecond datetimes, those outside that range (year 0, 9999) missing,
    so that they are reported as unreadable instead of overflowing."""
    import numpy as np
    import pandas as pd

    inside = parsed.notna() & (parsed >= pd.Timestamp.min) & (parsed <= pd.Timestamp.max)
    values = np.full(len(parsed), np.datetime64("NaT"), dtype="datetime64[ns]")
    values[inside.to_numpy()] = parsed[inside].to_numpy().astype("datetime64[ns]")
    return values


def _decide_order(shapes: list[re.Match[str] | None], forced: str | None) -> tuple[bool, Reason]:
    """(day_first, explanation) for the D/M vs M/D dates of one column; the explanation goes
    into a bad date's message too, so it is a template to say in the interface's language."""
    if forced == "day-first":
        return True, Reason("day-first (DD/MM, given)")
    if forced == "month-first":
        return False, Reason("month-first (MM/DD, given)")
    short = [m for m in shapes if m is not None and len(m.group(1)) <= 2]
    if not short:
        return False, Reason("ISO (year-month-day)")
    for m in short:
        if int(m.group(1)) > 12:
            return True, Reason("day-first (DD/MM): {date!r} has a first part above 12", date=m.group(0).strip())
    for m in short:
        if int(m.group(3)) > 12:
            return False, Reason("month-first (MM/DD): {date!r} has a second part above 12", date=m.group(0).strip())
    return False, Reason("month-first (MM/DD) assumed: no part above 12 settles it; to read them day-first, "
                         "give the date format dayfirst (--date-format dayfirst)")


# ---------------------------------------------------------------- joins and the whole load


def parse_join(spec: str, main: str | Path) -> tuple[Path, str, str]:
    """``"FILE:KEY"`` -> (file, key column, the same); ``"FILE:KEY=OTHER"`` -> (file, the main
    file's key column, the joined file's) when the two files name the key differently (`Sales
    Rep` in the deals, `agent` in the teams file). FILE is found beside the `main` file when it is
    named without a folder and is not in the current one."""
    file, sep, key = str(spec).rpartition(":")
    own, equals, other = key.partition("=")
    if not sep or not file or not own.strip() or (equals and not other.strip()):
        raise MappingError("expected FILE:KEY or FILE:KEY=JOINED_KEY", repr(spec), option="--join")
    return _beside(Path(file), Path(main)), own.strip(), (other if equals else own).strip()


def _beside(join_path: Path, main: Path) -> Path:
    """A joined file named without a folder that is not in the current one, but beside the
    main file, is the one beside it (`--join sales_teams.csv:sales_agent` next to the pipeline)."""
    if join_path.is_absolute() or join_path.exists():
        return join_path
    near = main.parent / join_path
    return near if near.exists() else join_path


def _join_key(values: "pd.Series") -> "pd.Series":
    """Join keys compared without case, spaces or punctuation ("GTX Pro" matches "GTXPro")."""
    return values.astype("string").str.casefold().str.replace(r"[\W_]+", "", regex=True)


def _apply_join(frame: "pd.DataFrame", main: Path, join_path: Path, key: str, joined_key: str,
                table: "pd.DataFrame", notes: list[str]) -> "pd.DataFrame":
    """`frame` with `table`'s columns where its `key` matches the table's `joined_key`."""
    import numpy as np
    import pandas as pd

    named = key if joined_key == key else f"{key}={joined_key}"
    if key not in frame.columns:
        raise RecordsError(main, "no column {key!r} in the main file", key, join=f"{join_path.name}:{named}", key=key)
    if joined_key not in table.columns:
        raise RecordsError(join_path, "no join key column {key!r}", joined_key, key=joined_key)
    right = table.copy()
    right["__key"] = _join_key(right[joined_key])
    duplicated = right["__key"].duplicated() & right["__key"].notna()
    if duplicated.any():
        row = int(duplicated.to_numpy().argmax()) + 2
        raise RecordsError(join_path, "join key {value!r} appears twice; a join needs one row per key", joined_key, row,
                               value=right[joined_key].iloc[row - 2])
    right = right.drop(columns=[joined_key])
    right.columns = [c if c == "__key" or c not in frame.columns else f"{c} ({join_path.stem})" for c in right.columns]
    left = frame.assign(__key=_join_key(frame[key]))
    merged = left.merge(right, on="__key", how="left", validate="many_to_one").drop(columns="__key")
    missed = (merged[right.columns.drop("__key")].isna().all(axis=1).to_numpy() if len(right.columns) > 1
              else np.zeros(len(merged), dtype=bool))
    keyless = left["__key"].isna().to_numpy()  # nothing to look up: not a key the file lacks
    unmatched, empty = int((missed & ~keyless).sum()), int((missed & keyless).sum())
    said = dict(file=join_path.name, key=repr(named), unmatched=row_count(unmatched), empty=row_count(empty),
                first=repr(str(frame[key].iloc[int((missed & ~keyless).argmax())])) if unmatched else "")
    if unmatched and empty:
        notes.append(Phrase("joined {file} on {key} (keys compared without case, spaces or punctuation); {unmatched} "
                            "found no match (the first: {first}); {empty} have no {key} to look up", **said))
    elif unmatched:
        notes.append(Phrase("joined {file} on {key} (keys compared without case, spaces or punctuation); {unmatched} "
                            "found no match (the first: {first})", **said))
    elif empty:
        notes.append(Phrase("joined {file} on {key} (keys compared without case, spaces or punctuation); {empty} "
                            "have no {key} to look up", **said))
    else:
        notes.append(Phrase("joined {file} on {key} (keys compared without case, spaces or punctuation)", **said))
    for column in right.columns.drop("__key"):
        if merged[column].dtype == object or pd.api.types.is_string_dtype(merged[column]):
            merged[column] = merged[column].astype("category")
    return merged


def load_records(paths: str | Path | Sequence[str | Path], overrides: Iterable[str] | Mapping[str, str] | None = None,
                 joins: Sequence[str] = (), date_format: str | None = None,
                 required: Sequence[str] = ("date", "amount")) -> Records:
    """Read one or more record files (same layout), apply joins and the column mapping, and
    convert values: a frame with canonical column names, categorical text, float numbers and
    datetime64 dates. Raises RecordsError or MappingError; never returns a partial frame.
    """
    import pandas as pd

    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if not paths:
        raise MappingError("no record file given")
    seen: dict[Path, Path] = {}
    for path in paths:  # a glob and a name, or a file given twice: its rows would count twice
        first = seen.setdefault(path.resolve(), path)
        if first is not path:
            if str(first) != str(path):
                raise RecordsError(path, "the same file is given twice (as {first} too); its rows would count twice",
                                   first=str(first))
            raise RecordsError(path, "the same file is given twice; its rows would count twice")
    join_specs = [parse_join(spec, paths[0]) for spec in joins]
    join_tables = [(jp, key, joined_key, read_table(jp)) for jp, key, joined_key in join_specs]
    frames, notes, date_formats = [], [], {}
    mapping: ColumnMapping | None = None
    rows_read = 0
    raw: list[tuple] = []  # several files: each as read, to read its dates again (_one_date_order)
    for path in paths:
        header = read_header(path)
        extra = [c for jp, key, joined_key, t in join_tables for c in t.columns if c != joined_key and c not in header]
        file_mapping = map_columns(header + extra, overrides, primary=header)
        if mapping is not None and file_mapping.fields != mapping.fields:
            raise RecordsError(path, "columns differ from the first file; import files of the same layout together")
        mapping = file_mapping
        _check_required(path, file_mapping, required, header + extra)
        keys = [key for _, key, _, _ in join_tables]
        used = _used_columns(file_mapping)
        _check_unique(path, header, used | set(keys))
        wanted = [c for c in header if c in used or c in keys]
        # Text and dates come back as categoricals: each distinct value is cleaned or parsed once.
        text_columns = [file_mapping.fields[f] for f in TEXT_FIELDS + DATE_FIELDS if f in file_mapping.fields]
        ids = [file_mapping.fields[f] for f in _COUNTED_FIELDS if f in file_mapping.fields]
        frame = read_table(path, wanted, categorical=text_columns + keys, unsorted=[c for c in ids if c not in keys])
        rows_read += len(frame)
        for jp, key, joined_key, table in join_tables:
            frame = _apply_join(frame, path, jp, key, joined_key, table, notes)
        sniffed = sniff(path)
        read_as: dict[str, str] = {}
        frames.append(_canonical(frame, file_mapping, path, sniffed.delimiter, date_format, read_as,
                                 notes if path == paths[0] else None))
        date_formats.update(read_as)
        if date_format is None and len(paths) > 1:
            raw.append((path, frame, file_mapping, sniffed.delimiter, read_as))
    assert mapping is not None
    if raw:
        _one_date_order(raw, frames, date_formats)
    combined = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    repeated = 0
    if len(frames) > 1:
        combined, repeated = _without_repeats(combined, [len(f) for f in frames])
    for name in TEXT_FIELDS:
        if name in combined and combined[name].dtype != "category":
            combined[name] = combined[name].astype("category")
    return Records(combined, mapping, [str(p) for p in paths], rows_read, date_formats, notes, repeated)


def _without_repeats(combined: "pd.DataFrame", sizes: list[int]) -> tuple["pd.DataFrame", int]:
    """The rows of several files without those of a later file that an earlier file holds too,
    every column the same: two exports that overlap (January-February and February-March) counted
    February twice. A row repeated within one file stays (two like lines of one order are two)."""
    import numpy as np

    source = np.repeat(np.arange(len(sizes)), sizes)
    columns = list(combined.columns)
    plain = combined.astype({c: "object" for c in columns if combined[c].dtype == "category"})
    keyed = plain.assign(__file=source)
    first_in_file = ~keyed.duplicated(subset=columns + ["__file"])  # one of each row per file
    seen_before = np.zeros(len(combined), dtype=bool)
    seen_before[first_in_file.to_numpy()] = plain[first_in_file.to_numpy()].duplicated(subset=columns).to_numpy()
    if not seen_before.any():
        return combined, 0
    # every copy in that later file goes: its first copy was seen in an earlier file
    repeated_rows = keyed[seen_before][columns + ["__file"]].drop_duplicates()
    marked = keyed.merge(repeated_rows.assign(__drop=True), on=columns + ["__file"], how="left")["__drop"]
    drop = marked.fillna(False).to_numpy(dtype=bool)
    return combined[~drop].reset_index(drop=True), int(drop.sum())


_DAY_FIRST, _MONTH_FIRST, _ASSUMED = "day-first (DD/MM): ", "month-first (MM/DD): ", "month-first (MM/DD) assumed"


def _one_date_order(raw: list[tuple], frames: list, date_formats: dict[str, str]) -> None:
    """Files of one export read their D/M dates one way. A file whose every date could be either
    (03/02/2026) was read month-first, as assumed, while another file of the same export showed
    them day-first (13/01/2026): read it day-first too. Files that show opposite orders are
    refused: which is meant cannot be told."""
    columns = {column for *_, read_as in raw for column in read_as}
    for column in sorted(columns):
        hows = [(i, read_as.get(column, "")) for i, (*_, read_as) in enumerate(raw)]
        day = [(i, how) for i, how in hows if how.startswith(_DAY_FIRST)]
        month = [(i, how) for i, how in hows if how.startswith(_MONTH_FIRST)]
        if day and month:
            (d, day_how), (m, month_how) = day[0], month[0]
            raise RecordsError(raw[m][0], "the files disagree on the order of day and month: here {month}; in "
                                          "{other} {day}; give the date format (--date-format dayfirst or monthfirst)",
                               column, other=Path(raw[d][0]).name, month=month_how, day=day_how)
        if day or month:
            date_formats[column] = (day or month)[0][1]
        if not day:
            continue
        for i, how in hows:
            if how.startswith(_ASSUMED):
                path, frame, mapping, delimiter, read_as = raw[i]
                frames[i] = _canonical(frame, mapping, path, delimiter, "dayfirst", {})


def _check_unique(path: Path, header: list[str], used: set[str]) -> None:
    """Refuse a file where a column the diagnosis reads is named twice: which one is meant
    cannot be told."""
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name in used and name in seen:
            raise RecordsError(path, "two columns are named {name!r} (columns {first} and {second}); "
                                     "rename one of them so that each name is unique", name, 1,
                               name=name, first=seen[name], second=position)
        seen.setdefault(name, position)


def _check_required(path: Path, mapping: ColumnMapping, required: Sequence[str], columns: list[str]) -> None:
    for name in required:
        if mapping.has(name):
            continue
        shown = listed([repr(column) for column in columns])
        if name == "amount":
            raise RecordsError(path, "missing required column: an amount column (or quantity and unit price); "
                                     "columns are {columns}", None, map_to=name, columns=shown)
        if name == "date":
            raise RecordsError(path, "missing required column: a date column (order / invoice / close date); "
                                     "columns are {columns}", None, map_to=name, columns=shown)
        raise RecordsError(path, "missing required column: a {field} column ({meaning}); columns are {columns}",
                           None, map_to=name, field=name, meaning=FIELDS[name], columns=shown)


def _used_columns(mapping: ColumnMapping) -> set[str]:
    """The mapped columns a diagnosis reads: all but a unit price beside an amount column (the
    price only matters when the amount is quantity x unit price)."""
    return {column for name, column in mapping.fields.items() if name != "unit_price" or "amount" in mapping.derived}


def _canonical(frame: "pd.DataFrame", mapping: ColumnMapping, path: Path, delimiter: str,
               date_format: str | None, date_formats: dict[str, str],
               notes: list | None = None) -> "pd.DataFrame":
    import pandas as pd

    out: dict[str, pd.Series] = {}
    used = _used_columns(mapping)
    for name, column in mapping.fields.items():
        if column not in used:
            continue
        values = frame[column]
        if name == "discount":
            rates = to_rate(values, path, column, delimiter)
            if rates is not None:
                out[name] = rates
            elif notes is not None:
                notes.append(Phrase("{column} is not read as a discount: it holds values above 100% or below 0 "
                                    "(an amount of money?); a discount is a rate, 0.2 or 20%", column=repr(column)))
        elif name in NUMBER_FIELDS:
            out[name] = to_number(values, path, column, delimiter)
        elif name in DATE_FIELDS:
            out[name], how = to_dates(values, path, column, date_format)
            date_formats[column] = how
        else:
            out[name] = _clean_text(values)
    if "amount" in mapping.derived:
        out["amount"] = out["quantity"] * out["unit_price"]
    if "cost" in mapping.derived:
        out["cost"] = out["amount"] - out["profit"]
    if "stage" in out:
        out["stage"] = _stage_outcomes(out["stage"])
    return pd.DataFrame(out, copy=False)


def _stage_outcomes(stage: "pd.Series") -> "pd.Series":
    """Stage text -> categorical won / lost / open (an empty stage is open)."""
    import numpy as np
    import pandas as pd

    outcomes = np.array([normalise_stage(c) for c in stage.cat.categories] + ["open"], dtype=object)
    codes = stage.cat.codes.to_numpy().copy()
    codes[codes < 0] = len(outcomes) - 1
    values = pd.Categorical(outcomes[codes], categories=["won", "lost", "open"])
    return pd.Series(values, index=stage.index, name=stage.name)


def _plainly_clean(cats: "pd.Index") -> bool:
    """Whether _clean_text would leave every one of these (pyarrow-backed) texts as it is:
    printable ASCII, no space at either end, not ending in ".0", not blank. A quick look with
    pyarrow's string kernels, so that a column of 200,000 order ids is not run through regexes."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if getattr(cats.dtype, "storage", None) != "pyarrow":
        return False
    texts = pa.array(cats.array)
    return (pc.all(pc.ascii_is_printable(texts)).as_py() is not False
            and not pc.any(pc.starts_with(texts, " ")).as_py()
            and not pc.any(pc.ends_with(texts, " ")).as_py()
            and not pc.any(pc.ends_with(texts, ".0")).as_py()
            and not pc.any(pc.equal(texts, "")).as_py())


def _clean_text(values: "pd.Series") -> "pd.Series":
    """Categorical text with spaces trimmed and blanks missing; a float id such as 12923.0
    becomes "12923". Works on the distinct values only."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_float_dtype(values) and values.dropna().mod(1).eq(0).all():
        values = values.astype("Int64")
    values = _as_category(values)
    cats = values.cat.categories.astype(str)
    if _plainly_clean(cats):
        return values if values.cat.categories.dtype == cats.dtype else values.cat.rename_categories(cats)
    new = cats.str.strip().str.replace(r"^(\d+)\.0$", r"\1", regex=True)
    if new.equals(cats) and not (cats == "").any():
        return values if values.cat.categories.dtype == cats.dtype else values.cat.rename_categories(cats)
    new_codes, labels = pd.factorize(new)  # merges values that differed only by spaces or ".0"
    codes = values.cat.codes.to_numpy()
    mapped = np.where(codes >= 0, new_codes[np.maximum(codes, 0)], -1)
    result = pd.Categorical.from_codes(mapped, categories=labels)
    if "" in labels:
        result = result.remove_categories([""])
    return pd.Series(result, index=values.index, name=values.name)
