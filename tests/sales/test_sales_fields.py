"""Automatic column mapping from common English and Chinese headers, and --map overrides."""

from __future__ import annotations

import pytest

from sales.sales_fields import (
    MappingError,
    explain_mapping,
    map_columns,
    normalise_header,
    parse_overrides,
)


@pytest.mark.parametrize("header, field", [
    ("Order Date", "date"), ("order_date", "date"), ("InvoiceDate", "date"), ("close_date", "date"),
    ("Customer ID", "customer"), ("CustomerID", "customer"), ("deal_stage", "stage"),
    ("close_value", "amount"), ("Sales", "amount"), ("Category", "product_line"),
    ("sales_agent", "rep"), ("regional_office", "region"), ("UnitPrice", "unit_price"),
    ("InvoiceNo", "order_id"), ("engage_date", "created"), ("QTY", "quantity"),
    ("销售额", "amount"), ("銷售額", "amount"), ("金额", "amount"), ("区域", "region"), ("區域", "region"),
    ("地区", "region"), ("客户", "customer"), ("客戶", "customer"), ("产品", "product"), ("產品", "product"),
    ("渠道", "channel"), ("销售员", "rep"), ("銷售員", "rep"), ("业务员", "rep"), ("日期", "date"),
    ("订单日期", "date"), ("数量", "quantity"), ("阶段", "stage"), ("状态", "stage"), ("成本", "cost"),
    ("品类", "product_line"), ("产品线", "product_line"), ("单价", "unit_price"),
])
def test_single_header_maps_to_field(header: str, field: str) -> None:
    mapping = map_columns([header, "Something Else"])
    assert mapping.fields == {field: header}
    assert mapping.ignored == ["Something Else"]


def test_best_spelling_wins_when_two_columns_match() -> None:
    columns = ["Row ID", "Ship Date", "Order Date", "Country/Region", "Region", "Customer Name",
               "Customer ID", "Product Name", "Product ID", "Sub-Category", "Category", "Sales", "Profit"]
    mapping = map_columns(columns)
    assert mapping.fields == {"date": "Order Date", "customer": "Customer ID", "product": "Product ID",
                              "product_line": "Category", "region": "Region", "amount": "Sales", "profit": "Profit"}
    assert {"Ship Date", "Country/Region", "Customer Name", "Row ID"} <= set(mapping.ignored)
    # no cost column: a line's cost is its sales less its profit
    assert mapping.derived == {"cost": "amount - profit"}
    assert map_columns(columns + ["Cost"]).derived == {}  # a cost column is the cost


def test_overrides_beat_the_guess_and_can_ignore() -> None:
    mapping = map_columns(["Datum", "Umsatz", "Sales", "Region"], ["Datum=date", "umsatz=amount", "Region=ignore"])
    assert mapping.fields == {"date": "Datum", "amount": "Umsatz"}
    assert set(mapping.overridden) == {"date", "amount"}
    assert "Sales" in mapping.ignored and "Region" in mapping.ignored
    text = "\n".join(explain_mapping(mapping))
    assert "'Datum' -> date" in text and "set by --map" in text and "ignored columns" in text
    by_screen = explain_mapping(mapping, "screen", saved_fields=["amount"])
    assert "'Datum' -> date (order / invoice / close date; set in the Diagnose screen's column mapping)" in by_screen
    assert [line for line in by_screen if line.startswith("'Umsatz'")][0].endswith(
        "; from the mapping saved on the board for files with these columns)")
    assert "--map" not in "\n".join(by_screen)


def test_amount_derived_from_quantity_and_price() -> None:
    mapping = map_columns(["InvoiceNo", "Quantity", "UnitPrice", "InvoiceDate"])
    assert mapping.derived == {"amount": "quantity * unit_price"}
    assert mapping.has("amount") and "amount" not in mapping.fields


@pytest.mark.parametrize("bad, words", [
    (["Sales"], "COLUMN=FIELD"), (["Sales=money"], "unknown field"), (["=amount"], "COLUMN=FIELD"),
])
def test_bad_overrides(bad: list[str], words: str) -> None:
    with pytest.raises(MappingError, match=words):
        parse_overrides(bad)


def test_override_of_a_missing_column() -> None:
    with pytest.raises(MappingError, match="no column 'Umsatz'"):
        map_columns(["Sales"], ["Umsatz=amount"])


def test_normalise_header() -> None:
    assert normalise_header(" Order_Date ") == normalise_header("order-date") == "orderdate"
    assert normalise_header("ＳＡＬＥＳ") == "sales"  # full-width letters from CJK spreadsheets
