"""Reading a deals file (CSV or XLSX) into rows of text, with the row numbers people see.

pandas is imported here, lazily: opening a board must not pay for it. Every cell is read as text
(no guessing of types: "00123" stays "00123"); the deal import parses the values it needs.
After the merge with the diagnosis, store/record_files.py can take this job over.
"""

from __future__ import annotations

from pathlib import Path

from sales.errors import Invalid

MAX_ROWS = 200_000


def read_rows(path: str | Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(headers, [(row number in the file, {header: text})]); row 1 is the header row."""
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise Invalid("file", f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".xls"):
            frame = pd.read_excel(path, dtype=str, nrows=MAX_ROWS + 1)
        elif suffix in (".csv", ".txt", ".tsv"):
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                                sep=None if suffix == ".tsv" else ",", engine="python" if suffix == ".tsv" else "c",
                                nrows=MAX_ROWS + 1)
        else:
            raise Invalid("file", f"{path}: not a CSV or XLSX file")
    except (ValueError, OSError, UnicodeDecodeError) as error:
        raise Invalid("file", f"{path}: cannot be read ({error})") from None
    if len(frame) > MAX_ROWS:
        raise Invalid("file", f"{path}: more than {MAX_ROWS} rows; split the file")
    frame = frame.fillna("")
    headers = [str(h) for h in frame.columns]
    rows = [(index + 2, dict(zip(headers, (str(v) for v in values))))
            for index, values in enumerate(frame.itertuples(index=False, name=None))]
    return headers, rows
