"""Discount vs profit on the real Superstore file: profit, margin and average discount for the
whole data, per period and per group, the lines by discount, and the weak spots they make, each
figure worked out here with pandas over the file itself, apart from the diagnosis's own code."""

from __future__ import annotations

from pathlib import Path

import pytest

from sales.diagnosis_report import format_report
from store.diagnose import diagnose

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SUPERSTORE = DATA / "superstore" / "superstore.csv"

pytestmark = pytest.mark.skipif(not SUPERSTORE.is_file(), reason=f"shared data not found at {DATA}")


@pytest.fixture(scope="module")
def lines():
    import pandas as pd

    frame = pd.read_csv(SUPERSTORE, encoding="utf-8-sig")
    frame["month"] = pd.to_datetime(frame["Order Date"], format="%d/%m/%y").dt.strftime("%Y-%m")
    return frame


@pytest.fixture(scope="module")
def store_diagnosis():
    return diagnose(SUPERSTORE)


def test_profit_margin_and_discount_for_the_whole_data_each_region_and_month(lines, store_diagnosis) -> None:
    d = store_diagnosis
    assert d.total.profit == pytest.approx(lines["Profit"].sum())
    assert d.total.margin == pytest.approx(lines["Profit"].sum() / lines["Sales"].sum())
    assert d.total.average_discount == pytest.approx(lines["Discount"].mean())
    regions = {row.value: row.metrics for row in d.breakdowns["region"]}
    for region, part in lines.groupby("Region"):
        assert regions[region].profit == pytest.approx(part["Profit"].sum())
        assert regions[region].margin == pytest.approx(part["Profit"].sum() / part["Sales"].sum())
        assert regions[region].average_discount == pytest.approx(part["Discount"].mean())
    months = {p.period: p for p in d.periods}
    by_month = lines.groupby("month")
    for month, part in by_month:
        assert months[month].metrics.margin == pytest.approx(part["Profit"].sum() / part["Sales"].sum())
    last, before = d.periods[-1], d.periods[-2]
    assert last.change["margin"] == pytest.approx(last.metrics.margin - before.metrics.margin)  # in points
    furniture = {row.value: row.metrics for row in d.breakdowns["product_line"]}["Furniture"]
    west = {row.value: row.metrics for row in d.breakdowns["region"]}["West"]
    per_period = {row.value: row for row in d.breakdowns["region"]}["West"].periods
    part = lines[(lines["Region"] == "West") & (lines["month"] == "2022-12")]
    assert per_period["2022-12"].profit == pytest.approx(part["Profit"].sum())
    assert west.margin > furniture.margin


def test_lines_by_discount_and_the_level_from_which_they_lose_money(lines, store_diagnosis) -> None:
    d = store_diagnosis
    percent = (lines["Discount"] * 100).round().astype(int)
    expected = lines.groupby(percent).agg(lines=("Sales", "size"), revenue=("Sales", "sum"), profit=("Profit", "sum"))
    assert [round(level.discount * 100) for level in d.discounts] == list(expected.index)
    for level in d.discounts:
        row = expected.loc[round(level.discount * 100)]
        assert (level.lines, level.revenue, level.profit) == (row["lines"], pytest.approx(row["revenue"]),
                                                               pytest.approx(row["profit"]))
    # 20% lines still earn (+11.8%); from 30% every level with 30 lines or more loses money
    high, rest = lines[percent >= 30], lines[percent < 30]
    margin, elsewhere = high["Profit"].sum() / high["Sales"].sum(), rest["Profit"].sum() / rest["Sales"].sum()
    [found] = [f for f in d.findings if f.kind == "discount_loss"]
    assert (found.value, found.reference) == (pytest.approx(margin), pytest.approx(elsewhere))
    assert found.text.startswith(f"Lines discounted 30% or more lose money: margin {margin * 100:.1f}% against "
                                 f"+{elsewhere * 100:.1f}% on the rest ({len(high):,} lines")
    report = format_report(d)
    assert "profit " in report and "By discount (revenue lines)" in report and found.text in report


def test_a_product_line_losing_money_is_a_weak_spot(lines) -> None:
    d = diagnose(SUPERSTORE, overrides=["Sub-Category=product_line", "Category=ignore"])
    totals = lines.groupby("Sub-Category")[["Sales", "Profit"]].sum()
    losing = {name for name, row in totals.iterrows() if row["Profit"] < 0}
    assert losing == {"Tables", "Bookcases", "Supplies"}
    found = {f.subject: f for f in d.findings if f.kind == "negative_margin"}
    assert set(found) == {f"Product line {name}" for name in losing}
    tables = found["Product line Tables"]
    rest = totals.drop("Tables")
    assert tables.value == pytest.approx(totals.loc["Tables", "Profit"] / totals.loc["Tables", "Sales"])
    assert tables.reference == pytest.approx(rest["Profit"].sum() / rest["Sales"].sum())
    assert "a loss of 17,753 on revenue 208,020" in tables.text


def test_without_discount_or_profit_columns_nothing_is_added(tmp_path) -> None:
    path = tmp_path / "sales.csv"
    path.write_text("order,date,region,amount\nA1,2026-07-01,North,100\nA2,2026-08-01,South,50\n", encoding="utf-8")
    d = diagnose(path)
    assert (d.total.profit, d.total.margin, d.total.average_discount, d.discounts) == (None, None, None, [])
    assert "By discount" not in format_report(d) and "margin" not in format_report(d)


def test_discounts_written_in_percent_and_chinese_headers(tmp_path) -> None:
    path = tmp_path / "销售.csv"
    path.write_text("订单号,日期,销售额,折扣,利润\nA1,2026-07-01,100,20%,-10\nA2,2026-07-02,300,0%,60\n"
                    "A3,2026-07-03,100,,5\n", encoding="utf-8")
    d = diagnose(path)
    assert d.total.average_discount == pytest.approx(0.10)  # (0.2 + 0) / 2 lines with a discount
    assert (d.total.profit, d.total.margin) == (pytest.approx(55.0), pytest.approx(55 / 500))
    assert [(level.discount, level.lines, level.profit) for level in d.discounts] == [(0.0, 1, 60.0), (0.2, 1, -10.0)]


def test_a_discount_column_of_amounts_is_left_out_and_said(tmp_path) -> None:
    path = tmp_path / "sales.csv"
    path.write_text("order,date,amount,discount\nA1,2026-07-01,100,15\nA2,2026-07-02,300,0\n", encoding="utf-8")
    d = diagnose(path)
    assert d.total.average_discount is None and d.discounts == []
    assert any("'discount' is not read as a discount" in note for note in d.source.notes)


def test_a_line_losing_money_is_said_once(lines) -> None:
    """Tables loses money and has the lowest ROI: said once, as the loss."""
    d = diagnose(SUPERSTORE, overrides=["Sub-Category=product_line", "Category=ignore"])
    about_tables = [f.kind for f in d.findings if f.subject == "Product line Tables"]
    assert about_tables == ["negative_margin"]


def test_discounts_of_any_whole_percent_are_reported_in_bands_of_ten(tmp_path) -> None:
    """20 different discounts (0% to 38%, every 2 points): the report lists 0-9% ... 30-39%."""
    path = tmp_path / "sales.csv"
    path.write_text("order,date,amount,discount,profit\n" + "".join(
        f"A{i},2026-07-01,100,{i * 2}%,{10 - i}\n" for i in range(20)), encoding="utf-8")
    d = diagnose(path)
    assert len(d.discounts) == 20
    report = format_report(d)
    band = [line.split()[:2] for line in report.splitlines() if line.strip().startswith(("0-9%", "10-19%", "20-29%", "30-39%"))]
    assert band == [["0-9%", "5"], ["10-19%", "5"], ["20-29%", "5"], ["30-39%", "5"]]
    lines = {line.split()[0]: line.split() for line in report.splitlines() if line.startswith("  ") and "%" in line[:10]}
    assert lines["0-9%"][1:4] == ["5", "500", "40"]  # 10 + 9 + 8 + 7 + 6 (at 0%, 2%, 4%, 6%, 8%)
    assert lines["30-39%"][3:5] == ["-35", "-7.0%"]  # -5 - 6 - 7 - 8 - 9 on 500
