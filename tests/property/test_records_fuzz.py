"""The CSV/XLSX reader on generated files: `load_records` and `diagnose` either succeed or raise
RecordsError / MappingError (which name the file), never another exception."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import event, given
from hypothesis import strategies as st

from sales.sales_fields import MappingError
from store.diagnose import diagnose
from store.record_files import RecordsError, load_records
from tests.property.strategies import FUZZ, any_char, dates, numbers, texts

HEADERS = ("date", "Order Date", "amount", "Sales", "customer", "region", "product", "Quantity",
           "sales_agent", "deal_stage", "close_value", "")
cells = st.one_of(texts, numbers.map(lambda n: "" if n is None else str(n)), dates.map(lambda d: d or ""),
                  st.sampled_from(("1.234,56", "$3,000", "-", "n/a", "03/01/2024", "13/13/2024",
                                   "2024-01-05 16:20", "1e309", "0x10")))


@st.composite
def tables(draw) -> bytes:
    header = draw(st.lists(st.one_of(st.sampled_from(HEADERS), texts), min_size=1, max_size=6))
    width = len(header)
    rows = draw(st.lists(st.lists(cells, min_size=max(width - 1, 0), max_size=width + 1), max_size=12))
    delimiter = draw(st.sampled_from((",", ";", "\t", "|")))
    out = io.StringIO()
    for row in [header, *rows]:
        out.write(delimiter.join('"' + str(c).replace('"', '""') + '"' if draw(st.booleans()) else str(c)
                                 for c in row) + "\n")
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "latin-1", "gb18030")))
    return out.getvalue().encode(encoding, errors="replace")


@st.composite
def nearly_good_tables(draw) -> bytes:
    """A date and an amount column with mostly good values, and text columns of anything."""
    extra = draw(st.lists(st.one_of(st.sampled_from(("customer", "region", "product")), texts), max_size=2))
    lines = [",".join(['"date"', '"amount"', *('"' + c.replace('"', '""') + '"' for c in extra)])]
    for _ in range(draw(st.integers(1, 15))):
        day = draw(st.one_of(st.dates(min_value=date(2020, 1, 1),
                                      max_value=date(2026, 12, 31)).map(str), dates))
        amount = draw(st.one_of(st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"), cells))
        values = [day or "", amount, *(draw(texts) for _ in extra)]
        lines.append(",".join('"' + str(v).replace('"', '""') + '"' for v in values))
    return ("\n".join(lines) + "\n").encode("utf-8")


files = st.one_of(tables(), nearly_good_tables(), nearly_good_tables(), st.binary(max_size=300), st.text(any_char, max_size=300).map(str.encode),
                  st.sampled_from((b"", b"date,amount\n", b"PK\x03\x04garbage", b"\xd0\xcf\x11\xe0old xls",
                                   b"date,amount\n2024-01-01,1\n2024-01-02")))


@FUZZ
@given(data=files, suffix=st.sampled_from((".csv", ".xlsx", ".txt")))
def test_any_records_file_reads_or_fails_with_a_named_error(tmp_path, data, suffix) -> None:
    path = tmp_path / f"records{suffix}"
    path.write_bytes(data)
    try:
        load_records(path)
    except (RecordsError, MappingError) as error:
        assert str(error)
    try:
        diagnose(path)
        event("diagnosed")
    except (RecordsError, MappingError) as error:
        event("refused")
        assert str(error)
