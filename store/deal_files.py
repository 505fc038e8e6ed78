"""Reading a deals file (CSV or XLSX) into rows of text, with the row numbers people see.

pandas is imported here, lazily: opening a board must not pay for it. Every cell is read as text
(no guessing of types: "00123" stays "00123"); the deal import parses the values it needs.
After the merge with the diagnosis, store/record_files.py can take this job over.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sales.errors import Invalid, first_line

if TYPE_CHECKING:
    from store.record_files import RecordsError, Sniffed

MAX_ROWS = 200_000
DEAL_FILES = (".csv", ".tsv", ".xlsx", ".xls", ".xlsm")  # a folder given instead: these of it are named


def read_rows(path: str | Path, name: str | None = None,
              one_column: bool = False) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(headers, [(row number in the file, {header: text})]); row 1 is the header row.

    The file is sniffed as a diagnosis reads one (store/record_files.py): a workbook by its
    content, a text file's encoding (UTF-8, UTF-16 with its mark, GB18030, else Latin-1, as CRMs
    and Excel write them) and delimiter (comma, semicolon, tab, bar). A row with more cells than
    the header is an error naming the row, not cells shifted into other columns. Messages name
    the file as `name` when given (`<stdin>` for a file that came through standard input).
    `one_column`: a text file no delimiter splits is one column (a list of task titles).
    """
    import pandas as pd

    from store.record_files import EMPTY_SHEET, a_folder, NO_ROWS, WORKBOOKS, RecordsError, raise_if_undecodable, sniff

    path = Path(path)
    shown = name or str(path)
    if path.is_dir():
        raise Invalid("file", "{file}: {reason}", whole=True, file=shown, reason=a_folder(path, DEAL_FILES))
    if not path.exists():
        raise Invalid("file", "{file}: no such file", whole=True, file=shown)
    if not path.is_file():  # (read more than once: sniffed, counted, parsed)
        raise Invalid("file", "{file}: not a regular file (a device or a pipe); give a file, or - to read "
                              "standard input", whole=True, file=shown)
    try:
        sniffed = sniff(path, one_column)
        if sniffed.kind != "csv":
            frame = pd.read_excel(path, sheet_name=0, engine=WORKBOOKS[sniffed.kind], dtype=str,
                                  nrows=MAX_ROWS + 1)
        else:
            _check_rows(path, shown, sniffed)
            try:
                frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=sniffed.encoding,
                                    sep=sniffed.delimiter, index_col=False, nrows=MAX_ROWS + 1,
                                    skiprows=sniffed.skip)
            except UnicodeDecodeError:
                raise_if_undecodable(path, sniffed)
                raise
    except Invalid:
        raise
    except RecordsError as error:
        raise _file_error(shown, error) from None
    except Exception as error:  # noqa: BLE001 - the readers raise many kinds for a damaged file
        raise Invalid("file", "{file}: cannot be read ({cause})", whole=True, file=shown,
                      cause=first_line(error) or type(error).__name__) from None
    if len(frame) == 0:  # as a diagnosis says it: an import of nothing is a wrong file, not a success
        raise Invalid("file", "{file}: {reason}", whole=True, file=shown, reason=NO_ROWS if len(frame.columns) else EMPTY_SHEET)
    if len(frame) > MAX_ROWS:
        raise Invalid("file", "{file}: more than {rows} rows; split the file", whole=True, file=shown, rows=MAX_ROWS)
    frame = frame.fillna("")
    headers = [str(h) for h in frame.columns]
    rows = [(index + 2, dict(zip(headers, (str(v) for v in values))))
            for index, values in enumerate(frame.itertuples(index=False, name=None))]
    return headers, rows


def _file_error(shown: str, error: RecordsError) -> Invalid:
    """A reader's RecordsError as the import says it: the file as `shown`, then the row and column."""
    if error.row is not None and error.column is not None:
        return Invalid("file", "{file}: row {row}, column {column!r}: {reason}", whole=True, file=shown, row=error.row,
                       column=error.column, reason=error.reason_said)
    if error.row is not None:
        return Invalid("file", "{file}: row {row}: {reason}", whole=True, file=shown, row=error.row, reason=error.reason_said)
    if error.column is not None:
        return Invalid("file", "{file}: column {column!r}: {reason}", whole=True, file=shown, column=error.column,
                       reason=error.reason_said)
    return Invalid("file", "{file}: {reason}", whole=True, file=shown, reason=error.reason_said)


def _check_rows(path: Path, shown: str, sniffed: Sniffed) -> None:
    """Invalid naming the row, for what pandas would read wrong or name by its own count: a
    header naming a column twice, a row with more cells than the header, a quote never closed."""
    import csv

    from store.record_files import open_text

    with open_text(path, sniffed) as handle:
        reader = csv.reader(handle, delimiter=sniffed.delimiter, strict=True)
        ended = 0  # the last whole row read (row 1: the header), numbered as the import numbers rows
        try:
            header = next(reader, [])
            ended = 1
            seen: set[str] = set()
            for name in (h.strip() for h in header):
                if name and name in seen:
                    raise Invalid("file", "{file}: row 1: the column {name!r} is there twice", whole=True, file=shown, name=name)
                seen.add(name)
            row = 1
            for cells in reader:
                if not cells:
                    continue  # blank lines are skipped, and not counted, as the import does
                row = ended = row + 1
                if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
                    raise Invalid("file", "{file}: row {row}: {cells} cells, but the header has {columns} columns",
                                  whole=True, file=shown, row=row, cells=len(cells), columns=len(header))
        except csv.Error as error:
            if "end of data" not in str(error):
                return  # odd quoting pandas reads as it always did
            raise Invalid("file", "{file}: row {row}: a quote (\") is opened and never closed",
                          whole=True, file=shown, row=ended + 1) from None
