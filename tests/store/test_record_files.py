"""Reading record files: delimiters, encodings, decimal commas, dates, XLSX, joins, and every
kind of bad input giving one clear error that names the file, the column and the row."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from sales.sales_fields import MappingError
from store.diagnose import diagnose
from store.record_files import RecordsError, load_records, read_header


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolons_decimal_commas_bom_and_quotes(tmp_path: Path) -> None:
    text = ("\ufeffOrder ID;Order Date;Product Name;Sales;Quantity\n"
            '1;03/01/2024;"Message Book; Wirebound, 4"" x 5""";1.234,56;2\n'
            "2;13/01/2024;Pens;12,5;1\n"
            "3;14/02/2024;Paper;-;1\n")
    path = write_text(tmp_path / "eu.csv", text.replace("-;", "7;"))
    records = load_records(path)
    assert records.frame["amount"].tolist() == [1234.56, 12.5, 7.0]
    assert records.frame["product"].tolist()[0] == 'Message Book; Wirebound, 4" x 5"'
    assert [d.day for d in records.frame["date"]] == [3, 13, 14]  # day-first, settled by "13/01"
    assert "day-first" in records.date_formats["Order Date"]


def test_quoted_thousands_with_comma_delimiter(tmp_path: Path) -> None:
    path = write_text(tmp_path / "us.csv", 'date,amount\n2024-01-05,"1,200.50"\n2024-01-06,"$3,000"\n')
    assert load_records(path).frame["amount"].tolist() == [1200.5, 3000.0]


def test_month_first_dates_with_times_and_override(tmp_path: Path) -> None:
    path = write_text(tmp_path / "m.csv", "date,amount\n1/2/2024 16:20,1\n1/25/2024 09:05,2\n")
    records = load_records(path)
    assert [(d.month, d.day, d.hour) for d in records.frame["date"]] == [(1, 2, 16), (1, 25, 9)]
    assert "month-first" in records.date_formats["date"]
    ambiguous = write_text(tmp_path / "a.csv", "date,amount\n01/02/24,1\n03/04/24,2\n")
    assert "assumed" in load_records(ambiguous).date_formats["date"]
    forced = load_records(ambiguous, date_format="dayfirst").frame["date"].tolist()
    assert [(d.month, d.day) for d in forced] == [(2, 1), (4, 3)]
    explicit = load_records(ambiguous, date_format="%d/%m/%y").frame["date"].tolist()
    assert explicit == forced


def test_tab_separated_utf16_from_excel(tmp_path: Path) -> None:
    path = write_text(tmp_path / "u16.txt", "日期\t金额\n2024-01-05\t10\n", encoding="utf-16")
    assert load_records(path).frame["amount"].tolist() == [10.0]


def test_xlsx(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "book.xlsx"
    pd.DataFrame({"Order Date": pd.to_datetime(["2024-01-05", "2024-02-07"]), "Region": ["South", "North"],
                  "Sales": [10.5, 20.0]}).to_excel(path, index=False)
    assert read_header(path) == ["Order Date", "Region", "Sales"]
    d = diagnose(path)
    assert d.total.revenue == pytest.approx(30.5)
    assert [p.period for p in d.periods] == ["2024-01", "2024-02"]


def write_xls(path: Path, rows: list[list[object]]) -> Path:
    """An old binary Excel workbook (.xls), as an ERP exports it; dates as Excel dates."""
    import datetime

    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Export")
    as_date = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(r, c, value, as_date)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def test_old_binary_xls(tmp_path: Path) -> None:
    from datetime import date

    path = write_xls(tmp_path / "export.xls", [
        ["Invoice", "Date", "Customer", "Region", "Amount"],
        ["I-1", date(2024, 1, 5), "Ann", "South", 10.5],
        ["I-2", date(2024, 2, 7), "Bob", "North", 20],
        ["I-3", date(2024, 2, 9), "Ann", "South", 4.25],
    ])
    assert read_header(path) == ["Invoice", "Date", "Customer", "Region", "Amount"]
    d = diagnose(path)
    assert (d.total.revenue, d.total.orders, d.total.customers) == (34.75, 3, 2)
    assert [(p.period, p.metrics.revenue) for p in d.periods] == [("2024-01", 10.5), ("2024-02", 24.25)]
    south = next(g for g in d.breakdowns["region"] if g.value == "South")
    assert south.metrics.revenue == 14.75 and south.metrics.repurchase_rate == 1.0


def test_a_bad_value_in_an_xls_names_its_row(tmp_path: Path) -> None:
    from datetime import date

    path = write_xls(tmp_path / "export.xls", [
        ["Date", "Amount"], [date(2024, 1, 5), 10], [date(2024, 1, 6), "lots"]])
    assert str(error_of(path)) == "export.xls, column 'Amount', row 3: cannot read 'lots' as a number"
    damaged = tmp_path / "damaged.xls"
    damaged.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert str(error_of(damaged)).startswith("damaged.xls: cannot read as an Excel workbook (.xls): ")


def test_chinese_headers_map_without_overrides(tmp_path: Path) -> None:
    path = tmp_path / "销售.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["订单编号", "订单日期", "客户", "产品", "品类", "区域", "渠道", "销售员", "数量", "销售额", "阶段"])
        w.writerow(["A1", "2024/01/05", "甲公司", "笔", "文具", "华南", "线上", "张三", 2, "1,000.5", "赢单"])
        w.writerow(["A2", "2024/01/20", "乙公司", "纸", "文具", "华北", "线下", "李四", 1, "99", "丢单"])
        w.writerow(["A3", "2024/02/03", "甲公司", "椅子", "家具", "华南", "线上", "张三", 4, "400", "赢单"])
    d = diagnose(path)
    assert d.source.mapping == {"order_id": "订单编号", "date": "订单日期", "customer": "客户", "product": "产品",
                                "product_line": "品类", "region": "区域", "channel": "渠道", "rep": "销售员",
                                "quantity": "数量", "amount": "销售额", "stage": "阶段"}
    assert d.total.revenue == pytest.approx(1400.5)
    assert d.total.win_rate == pytest.approx(2 / 3)
    traditional = write_text(tmp_path / "銷售.csv", "訂單日期,客戶,區域,銷售員,銷售額\n2024-01-05,甲,台北,王,10\n")
    assert diagnose(traditional).source.mapping == {"date": "訂單日期", "customer": "客戶", "region": "區域",
                                                     "rep": "銷售員", "amount": "銷售額"}


# ---------------------------------------------------------------- bad input


def error_of(path: Path, **kwargs: object) -> RecordsError:
    with pytest.raises(RecordsError) as caught:
        diagnose(path, **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_missing_required_column(tmp_path: Path) -> None:
    err = error_of(write_text(tmp_path / "nodate.csv", "Region,Sales\nSouth,10\n"))
    assert str(err).startswith("nodate.csv: missing required column: a date column")
    assert "--map COLUMN=date" in str(err)
    err = error_of(write_text(tmp_path / "noamount.csv", "Order Date,Region,Quantity\n2024-01-01,South,3\n"))
    assert "amount column (or quantity and unit price)" in str(err)


def test_bad_date_names_column_and_row(tmp_path: Path) -> None:
    path = write_text(tmp_path / "dates.csv", "Order Date,Sales\n05/01/2024,1\n20/01/2024,2\nsoon,3\n21/01/2024,4\n")
    err = error_of(path)
    assert (err.file, err.column, err.row) == (str(path), "Order Date", 4)
    assert str(err) == ("dates.csv, column 'Order Date', row 4: cannot read 'soon' as a date "
                        "(day-first (DD/MM): '20/01/2024' has a first part above 12)")
    impossible = write_text(tmp_path / "feb.csv", "Order Date,Sales\n2024-01-05,1\n2024-02-30,2\n")
    err = error_of(impossible)
    assert (err.column, err.row) == ("Order Date", 3) and "'2024-02-30'" in str(err)


def test_bad_amount_names_column_and_row(tmp_path: Path) -> None:
    path = write_text(tmp_path / "amounts.csv", "date,Sales\n2024-01-01,1\n2024-01-02,2\n2024-01-03,2\n2024-01-04,12x\n")
    err = error_of(path)
    assert str(err) == "amounts.csv, column 'Sales', row 5: cannot read '12x' as a number"


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    assert "empty file" in str(error_of(write_text(tmp_path / "empty.csv", "")))
    assert "empty file" in str(error_of(write_text(tmp_path / "blank.csv", "\n \n")))
    assert "no data rows" in str(error_of(write_text(tmp_path / "header.csv", "date,amount\n")))


def test_binary_and_non_tabular_files(tmp_path: Path) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 20)
    assert "binary" in str(error_of(binary))
    zipped = tmp_path / "fake.xlsx"
    zipped.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert str(error_of(zipped)).startswith("fake.xlsx: cannot read as an Excel workbook")
    prose = write_text(tmp_path / "notes.csv", "Dear team\nplease find the numbers attached\n")
    assert "does not look like a table" in str(error_of(prose))
    ragged = write_text(tmp_path / "ragged.csv", "date,amount\n2024-01-01,1\n2024-01-02,2,3,4\n")
    assert str(error_of(ragged)) == "ragged.csv, row 3: not a consistent table: 4 fields where the header has 2"


def test_dropped_rows_are_counted_by_reason(tmp_path: Path) -> None:
    text = ("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
            "536365,85123A,6,2010-12-01 08:26:00,2.55,17850.0\n"
            "536366,POST,1,2010-12-01 08:28:00,18.00,17850.0\n"
            "C536379,D,-1,2010-12-01 09:41:00,27.50,14527.0\n"
            "536380,22728,-2,2010-12-01 09:45:00,3.75,\n"
            "536381,22727,4,2010-12-01 09:45:00,3.75,\n"
            "536382,22726,4,2010-12-01 09:47:00,3.75,13047.0\n")
    d = diagnose(write_text(tmp_path / "retail.csv", text))
    assert d.rows_read == 6 and d.rows_used == 3
    assert sorted(d.dropped.values()) == [1, 2]  # 2 cancellations (C..., negative), 1 postage
    assert any("cancellation" in k for k, v in d.dropped.items() if v == 2)
    assert any("not a product" in k for k, v in d.dropped.items() if v == 1)
    assert list(d.partial.values()) == [1]  # a sale without a customer
    assert d.total.customers == 2 and d.total.revenue == pytest.approx(6 * 2.55 + 4 * 3.75 * 2)
    assert not any(isinstance(v, float) and math.isnan(v) for v in d.to_builtins()["total"].values())


def test_joins(tmp_path: Path) -> None:
    deals = write_text(tmp_path / "deals.csv", "id,agent,close_date,close_value,deal_stage\n"
                                                "1,Ann,2024-01-02,10,Won\n2,Bob,2024-01-03,0,Lost\n3,Cy,2024-01-04,5,Won\n")
    teams = write_text(tmp_path / "teams.csv", "agent,regional_office\nann,East\nBob,West\n")
    d = diagnose(deals, joins=[f"{teams}:agent"])
    assert {r.value: r.metrics.revenue for r in d.breakdowns["region"]} == {"East": 10.0, "West": 0.0}
    assert any("1 row found no match" in note for note in d.source.notes)
    dup = write_text(tmp_path / "dup.csv", "agent,regional_office\nAnn,East\nBob,West\nann,North\n")
    with pytest.raises(RecordsError, match=r"dup.csv, column 'agent', row 4: join key 'ann' appears twice"):
        diagnose(deals, joins=[f"{dup}:agent"])
    other = write_text(tmp_path / "other.csv", "name,regional_office\nAnn,East\n")
    with pytest.raises(RecordsError, match="other.csv, column 'agent': no join key column 'agent'"):
        diagnose(deals, joins=[f"{other}:agent"])
    with pytest.raises(RecordsError, match="deals.csv, column 'rep': --join teams.csv:rep: no column 'rep'"):
        diagnose(deals, joins=[f"{teams}:rep"])
    with pytest.raises(MappingError, match="FILE:KEY"):
        diagnose(deals, joins=["teams.csv"])


def test_a_joined_files_columns_never_take_a_field_from_the_main_files(tmp_path: Path) -> None:
    """An accounts file's `revenue` (the company's size) is a better-ranked amount header than
    the deals file's `close_value`, but the deals file's column is the amount: 10 + 5 won."""
    deals = write_text(tmp_path / "deals.csv", "id,account,close_date,close_value,deal_stage\n"
                                                "1,Acme,2024-01-02,10,Won\n2,Beta,2024-01-03,0,Lost\n3,Acme,2024-01-04,5,Won\n")
    accounts = write_text(tmp_path / "accounts.csv", "account,revenue,region\nAcme,1100.04,East\nBeta,251.41,West\n")
    d = diagnose(deals, joins=[f"{accounts}:account"])
    assert d.source.mapping["amount"] == "close_value" and d.total.revenue == 15
    assert d.source.mapping["region"] == "region"  # a field only the joined file has comes from it
    assert "revenue" in d.source.ignored_columns


def test_a_joined_file_named_alone_is_found_beside_the_main_file(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    deals = write_text(folder / "deals.csv", "id,agent,close_date,close_value,deal_stage\n1,Ann,2024-01-02,10,Won\n")
    write_text(folder / "teams.csv", "agent,regional_office\nAnn,East\n")
    monkeypatch.chdir(tmp_path)  # not where the files are
    d = diagnose(deals, joins=["teams.csv:agent"])
    assert [r.value for r in d.breakdowns["region"]] == ["East"]



def test_a_row_in_another_encoding_after_utf8_rows_names_its_row_and_column(tmp_path: Path) -> None:
    """The encoding is sniffed from the first 64 KB; a Windows-1252 row further down used to give
    pandas' "'utf-8' codec can't decode byte 0xe9 in position 147818", with no row or column."""
    rows = "".join(f"2024-01-{1 + i % 28:02d},{i},Customer {i}\n" for i in range(4000)).encode()
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"date,amount,customer\n" + rows + "2024-01-05,10,Café\n".encode("cp1252") + rows)
    err = error_of(path)
    assert (err.column, err.row) == ("customer", 4002)  # the header is row 1, then 4,000 good rows
    assert "not UTF-8 text (byte 0xe9)" in str(err) and "save the whole file as UTF-8" in str(err)


def test_a_small_file_ending_in_a_bad_byte_is_not_taken_for_a_cut_off_sample(tmp_path: Path) -> None:
    """Only a 64 KB sample can end in the middle of a character: a short file whose last bytes
    are not UTF-8 is read in another encoding, and its bad value named, not a codec error."""
    path = tmp_path / "short.csv"
    path.write_bytes(b"date,amount\n2024-01-05,\xff10\n")
    err = error_of(path)
    assert (err.column, err.row) == ("amount", 2) and "codec" not in str(err)


def test_a_workbook_with_nothing_on_its_first_sheet_says_it_is_empty(tmp_path: Path) -> None:
    """It said "missing required column: a date column ...; columns are ; name one with --map"."""
    import openpyxl

    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    assert str(error_of(path)) == "blank.xlsx: empty file: the workbook's first sheet has no header and no rows"


def test_the_same_file_given_twice_is_refused(tmp_path: Path) -> None:
    """`diagnose jan.csv ./jan.csv` (a glob and a name) read the rows twice: revenue doubled."""
    path = write_text(tmp_path / "jan.csv", "date,amount\n2024-01-05,10\n")
    (tmp_path / "link.csv").symlink_to(path)
    with pytest.raises(RecordsError) as caught:
        diagnose([path, tmp_path / "." / "jan.csv"])
    assert str(caught.value) == "jan.csv: the same file is given twice; its rows would count twice"
    with pytest.raises(RecordsError) as caught:
        diagnose([path, tmp_path / "link.csv"])
    assert "link.csv: the same file is given twice (as " in str(caught.value)
    assert diagnose([path]).total.revenue == 10


@pytest.mark.parametrize("fmt, why", [("%Q", "'Q' is a bad directive"), ("%d/%m/%Y %", "stray %")])
def test_a_date_format_strptime_cannot_use_is_bad_input_not_a_crash(tmp_path: Path, fmt, why) -> None:
    """`--date-format %Q` ended in "diagnose failed: ValueError ... This is a bug in Uplift" (exit 3)."""
    path = write_text(tmp_path / "jan.csv", "date,amount\n05/01/2024,10\n")
    err = error_of(path, date_format=fmt)
    assert (err.column, err.row) == ("date", None)
    assert f"cannot use the date format {fmt!r}: " in str(err) and why in str(err)


def test_blank_rows_and_a_totals_row_under_the_data_are_named_for_what_they_are(tmp_path: Path) -> None:
    """A sheet saved as CSV keeps rows of empty cells and its totals row; they were counted as
    "no date: 3", which says nothing of why, and reads as if dates were missing."""
    text = ("Order,Date,Customer,Amount\n"
            "O1,2026-01-05,Acme,100.50\n"
            "O2,2026-01-06,Beta,20\n"
            ",,,\n"
            ",,,\n"
            "Total:,,,120.50\n"
            "O3,,Gamma,5\n")  # a sale that lacks its date is still "no date"
    d = diagnose(write_text(tmp_path / "sheet.csv", text))
    assert d.total.revenue == 120.5 and d.rows_read == 6
    assert d.dropped == {"empty row (no value in any column read)": 2, "totals row ('Total' or '合计', no date)": 1,
                         "no date": 1}
    chinese = "订单号,日期,客户,销售额\nA1,2026-01-05,甲,10\n合计,,,10\n"
    assert diagnose(write_text(tmp_path / "zh.csv", chinese)).dropped == {"totals row ('Total' or '合计', no date)": 1}


def test_excel_day_numbers_are_read_as_the_dates_they_are(tmp_path: Path) -> None:
    """A date cell that lost its format on the way to CSV is Excel's day number (46027): it was
    refused as "cannot read '46027' as a date"."""
    from datetime import date, timedelta

    days = [date(2026, 1, 5), date(2026, 2, 28), date(2026, 3, 1)]
    lines = [f"O{i},{(d - date(1899, 12, 30)).days}{'.5' if i == 2 else ''},10" for i, d in enumerate(days)]
    records = load_records(write_text(tmp_path / "serial.csv", "Order,Date,Amount\n" + "\n".join(lines) + "\n"))
    got = [ts.to_pydatetime() for ts in records.frame["date"]]
    assert [g.date() for g in got] == days and got[2] - got[0] == timedelta(days=55, hours=12)
    assert records.date_formats["Date"].startswith("Excel day numbers")
    err = error_of(write_text(tmp_path / "ids.csv", "Order,Date,Amount\nO1,46027,10\nO2,12345,10\n"))
    assert (err.column, err.row) == ("Date", 3) and "'12345' as a date" in str(err)


def test_amounts_as_chinese_swiss_and_erp_exports_write_them(tmp_path: Path) -> None:
    """'￥1,234.50' (the full-width sign of a Chinese sheet's currency format), '1'234.50 CHF',
    '150.00-' (SAP's trailing minus) and '−150.00' (a minus sign) were refused as not numbers."""
    text = ("Date,Amount\n"
            "2026-01-05,\"￥1,234.50\"\n"
            "2026-01-06,1'234.50 CHF\n"
            "2026-01-07,150.00-\n"
            "2026-01-08,−150.00\n"
            "2026-01-09,GBP 20\n")
    amounts = load_records(write_text(tmp_path / "mixed.csv", text)).frame["amount"].tolist()
    assert amounts == [1234.5, 1234.5, -150.0, -150.0, 20.0]


def test_a_join_tells_keys_it_did_not_find_from_rows_with_no_key(tmp_path: Path) -> None:
    """CRM's open deals have no account: "1425 rows found no match" read as if 1,425 accounts
    were missing from accounts.csv; and which key was not found was not said."""
    deals = write_text(tmp_path / "deals.csv", "id,account,close_date,close_value,deal_stage\n"
                                                "1,Acme,2024-01-02,10,Won\n2,,2024-01-03,0,Lost\n"
                                                "3,Initech,2024-01-04,5,Won\n4,,2024-01-05,0,Lost\n")
    accounts = write_text(tmp_path / "accounts.csv", "account,sector\nacme,retail\n")
    [note] = diagnose(deals, joins=[f"{accounts}:account"]).source.notes
    assert note.endswith("; 1 row found no match (the first: 'Initech'); 2 rows have no 'account' to look up")


def test_files_of_one_export_read_their_dates_in_one_order(tmp_path: Path) -> None:
    """January's file shows day-first dates (13/01); February's could be read either way
    (03/02, 04/02) and was read month-first, alone: as 2 March and 2 April."""
    january = write_text(tmp_path / "jan.csv", "Date,Amount\n13/01/2026,10\n20/01/2026,10\n")
    february = write_text(tmp_path / "feb.csv", "Date,Amount\n03/02/2026,5\n04/02/2026,5\n")
    for paths in ([january, february], [february, january]):
        records = load_records(paths)
        assert sorted(str(d.date()) for d in records.frame["date"]) == ["2026-01-13", "2026-01-20",
                                                                      "2026-02-03", "2026-02-04"]
        assert records.date_formats["Date"] == "day-first (DD/MM): '13/01/2026' has a first part above 12"
    assert [d.month for d in load_records(february).frame["date"]] == [3, 4]  # alone: month-first, and said so
    us = write_text(tmp_path / "us.csv", "Date,Amount\n02/13/2026,5\n")
    err = error_of([january, us])
    assert (err.file, err.column) == (str(us), "Date") and "disagree on the order of day and month" in str(err)


@pytest.mark.parametrize("text, mapping", [
    # a shop's order export (Simplified): refused, "missing required column: a date column"
    ("单据编号,下单时间,买家,商品名称,件数,实付金额\nA1,2024-01-05,x,y,2,10\n",
     {"order_id": "单据编号", "date": "下单时间", "customer": "买家", "product": "商品名称", "quantity": "件数",
      "amount": "实付金额"}),
    # an ERP's invoice list (Traditional)
    ("單據號,開票日期,客戶簡稱,物料編碼,價稅合計\nA1,2024-01-05,x,y,10\n",
     {"order_id": "單據號", "date": "開票日期", "customer": "客戶簡稱", "product": "物料編碼", "amount": "價稅合計"}),
    ("单号,时间,金额合计,备注\nA1,2024-01-05,10,x\n", {"order_id": "单号", "date": "时间", "amount": "金额合计"}),
])
def test_the_headers_chinese_shop_and_erp_exports_use_map_without_overrides(tmp_path: Path, text, mapping) -> None:
    d = diagnose(write_text(tmp_path / "export.csv", text))
    assert d.source.mapping == mapping and d.total.revenue == 10


@pytest.mark.parametrize("written, fmt", [("05-Jan-2026|28-Feb-2026|01-Mar-2026", "%d-%b-%Y"),
                                          ("Jan 5, 2026|Feb 28, 2026|Mar 1, 2026", "%b %d, %Y"),
                                          ("5 January 2026|28 February 2026|1 March 2026", "%d %B %Y")])
def test_dates_with_the_months_name_are_read(tmp_path: Path, written, fmt) -> None:
    """'05-Jan-2026' (many exports) and 'Jan 5, 2026' (an English sheet) were refused."""
    lines = [f'"{day}",10' for day in written.split("|")]
    records = load_records(write_text(tmp_path / "named.csv", "Date,Amount\n" + "\n".join(lines) + "\n"))
    assert [str(d.date()) for d in records.frame["date"]] == ["2026-01-05", "2026-02-28", "2026-03-01"]
    assert records.date_formats["Date"] == f"with the month's name ({fmt})"
    typo = write_text(tmp_path / "typo.csv", "Date,Amount\n" + "\n".join(lines[:2]) + '\n"31 Febuary 2026",1\n')
    err = error_of(typo)
    assert (err.column, err.row) == ("Date", 4) and "'31 Febuary 2026'" in str(err)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_excels_delimiter_line_sets_the_delimiter_and_is_no_row(tmp_path: Path, newline: str) -> None:
    """`sep=;` (some exports write it so that Excel splits the file whatever its locale): the
    file is split on it, it is not a row, and rows are numbered as Excel shows them (it hides
    that line: the column names are row 1)."""
    lines = ["sep=;", "Order ID;Date;Customer;Region;Amount", "1;2024-01-05;Acme;North;1.234,50",
             "2;2024-01-06;Beta;South;10"]
    path = write_text(tmp_path / "sep.csv", "\ufeff" + newline.join(lines) + newline)
    assert read_header(path) == ["Order ID", "Date", "Customer", "Region", "Amount"]
    records = load_records(path)
    assert records.frame["amount"].tolist() == [1234.5, 10.0]
    assert list(records.frame["region"].astype(str)) == ["North", "South"]
    assert records.rows_read == 2
    bad = write_text(tmp_path / "bad.csv", newline.join([*lines[:3], "2;2024-01-06;Beta;South;ten"]) + newline)
    with pytest.raises(RecordsError) as caught:
        load_records(bad)
    assert (caught.value.column, caught.value.row) == ("Amount", 3)
    ragged = write_text(tmp_path / "ragged.csv", newline.join([*lines, "3;2024-01-07;Cee"]) + newline)
    with pytest.raises(RecordsError) as caught:
        load_records(ragged)
    assert caught.value.row == 4
    with pytest.raises(RecordsError, match="empty file"):
        load_records(write_text(tmp_path / "only.csv", "sep=;" + newline))
