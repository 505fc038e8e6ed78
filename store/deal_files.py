"""Reading a deals file (CSV or XLSX) into rows of text, with the row numbers people see.

pandas is imported here, lazily: opening a board must not pay for it. Every cell is read as text
(no guessing of types: "00123" stays "00123"); the deal import parses the values it needs.
After the merge with the diagnosis, store/record_files.py can take this job over.
"""

from __future__ import annotations

from pathlib import Path

from sales.errors import Invalid, first_line

MAX_ROWS = 200_000


def read_rows(path: str | Path, name: str | None = None) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(headers, [(row number in the file, {header: text})]); row 1 is the header row.

    The file is sniffed as a diagnosis reads one (store/record_files.py): a workbook by its
    content, a text file's encoding (UTF-8, UTF-16 with its mark, GB18030, else Latin-1, as CRMs
    and Excel write them) and delimiter (comma, semicolon, tab, bar). A row with more cells than
    the header is an error naming the row, not cells shifted into other columns. Messages name
    the file as `name` when given (`<stdin>` for a file that came through standard input).
    """
    import pandas as pd

    from store.record_files import EMPTY_SHEET, WORKBOOKS, RecordsError, raise_if_undecodable, sniff

    path = Path(path)
    shown = name or str(path)
    if path.is_dir():
        raise Invalid("file", f"{shown}: is a folder, not a file")
    if not path.is_file():
        raise Invalid("file", f"{shown}: no such file")
    try:
        sniffed = sniff(path)
        if sniffed.kind != "csv":
            frame = pd.read_excel(path, sheet_name=0, engine=WORKBOOKS[sniffed.kind], dtype=str,
                                  nrows=MAX_ROWS + 1)
        else:
            _check_rows(path, shown, sniffed.encoding, sniffed.delimiter)
            try:
                frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=sniffed.encoding,
                                    sep=sniffed.delimiter, index_col=False, nrows=MAX_ROWS + 1)
            except UnicodeDecodeError:
                raise_if_undecodable(path, sniffed)
                raise
    except Invalid:
        raise
    except RecordsError as error:
        where = [f"row {error.row}"] * (error.row is not None) + [f"column {error.column!r}"] * (error.column is not None)
        raise Invalid("file", ": ".join([shown, ", ".join(where), error.reason] if where else [shown, error.reason])) from None
    except Exception as error:  # noqa: BLE001 - the readers raise many kinds for a damaged file
        raise Invalid("file", f"{shown}: cannot be read ({first_line(error) or type(error).__name__})") from None
    if len(frame) == 0:  # as a diagnosis says it: an import of nothing is a wrong file, not a success
        empty = "empty file: a header but no data rows" if len(frame.columns) else EMPTY_SHEET
        raise Invalid("file", f"{shown}: {empty}")
    if len(frame) > MAX_ROWS:
        raise Invalid("file", f"{shown}: more than {MAX_ROWS} rows; split the file")
    frame = frame.fillna("")
    headers = [str(h) for h in frame.columns]
    rows = [(index + 2, dict(zip(headers, (str(v) for v in values))))
            for index, values in enumerate(frame.itertuples(index=False, name=None))]
    return headers, rows


def _check_rows(path: Path, shown: str, encoding: str, delimiter: str) -> None:
    """Invalid naming the row, for what pandas would read wrong or name by its own count: a
    header naming a column twice, a row with more cells than the header, a quote never closed."""
    import csv

    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter, strict=True)
        ended = 0  # the last whole row read (row 1: the header), numbered as the import numbers rows
        try:
            header = next(reader, [])
            ended = 1
            seen: set[str] = set()
            for name in (h.strip() for h in header):
                if name and name in seen:
                    raise Invalid("file", f"{shown}: row 1: the column {name!r} is there twice")
                seen.add(name)
            row = 1
            for cells in reader:
                if not cells:
                    continue  # blank lines are skipped, and not counted, as the import does
                row = ended = row + 1
                if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
                    raise Invalid("file", f"{shown}: row {row}: {len(cells)} cells, "
                                          f"but the header has {len(header)} columns")
        except csv.Error as error:
            if "end of data" not in str(error):
                return  # odd quoting pandas reads as it always did
            raise Invalid("file", f"{shown}: row {ended + 1}: a quote (\") is opened and never "
                                  f"closed") from None
