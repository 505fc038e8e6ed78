"""The three real datasets diagnosed end to end, checked against figures computed here
independently with the csv module and plain Python (no pandas, no code under test)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest

from sales.diagnosis import Diagnosis
from sales.diagnosis_report import format_report
from store.diagnose import diagnose

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SUPERSTORE = DATA / "superstore" / "superstore.csv"
RETAIL = DATA / "online-retail" / "online_retail.csv"
CRM = DATA / "crm-opportunities" / "sales_pipeline.csv"
TEAMS = DATA / "crm-opportunities" / "sales_teams.csv"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"shared data not found at {DATA}")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def group(d: Diagnosis, dimension: str) -> dict[str, object]:
    return {row.value: row.metrics for row in d.breakdowns[dimension]}


def no_nan_json(d: Diagnosis) -> dict:
    def refuse(token: str) -> None:
        raise AssertionError(f"{token} in JSON")
    return json.loads(d.to_json(), parse_constant=refuse)


# ------------------------------------------------------------------ superstore


@pytest.fixture(scope="module")
def superstore() -> Diagnosis:
    return diagnose(SUPERSTORE)


def test_superstore_revenue_orders_and_regions(superstore: Diagnosis) -> None:
    lines = rows(SUPERSTORE)
    total = sum(float(r["Sales"]) for r in lines)
    orders = {r["Order ID"] for r in lines}
    by_region: dict[str, float] = defaultdict(float)
    for r in lines:
        by_region[r["Region"]] += float(r["Sales"])
    assert superstore.total.revenue == pytest.approx(total)
    assert superstore.total.orders == len(orders)
    assert superstore.total.lines == len(lines)
    assert superstore.total.units == pytest.approx(sum(int(r["Quantity"]) for r in lines))
    assert superstore.total.average_order_value == pytest.approx(total / len(orders))
    regions = group(superstore, "region")
    assert set(regions) == set(by_region)
    for region, revenue in by_region.items():
        assert regions[region].revenue == pytest.approx(revenue)
        assert regions[region].revenue_share == pytest.approx(revenue / total)
    assert superstore.dropped == {}


def test_superstore_profit_gives_each_region_and_line_its_roi_and_central_is_the_weak_spot(
        superstore: Diagnosis) -> None:
    """The file's Profit column was ignored: no cost, no ROI, and "Weak spots: none" on the data
    set whose lesson is that Central (and Furniture) earn little on what they sell. A line's cost
    is its sales less its profit."""
    lines = rows(SUPERSTORE)
    sales: dict[tuple[str, str], float] = defaultdict(float)
    profit: dict[tuple[str, str], float] = defaultdict(float)
    for r in lines:
        for key in (("region", r["Region"]), ("product_line", r["Category"]), ("all", "")):
            sales[key] += float(r["Sales"])
            profit[key] += float(r["Profit"])

    def roi(key: tuple[str, str]) -> float:
        return profit[key] / (sales[key] - profit[key])

    assert superstore.source.derived == {"cost": "amount - profit"}
    assert superstore.total.cost == pytest.approx(sales["all", ""] - profit["all", ""])
    assert superstore.total.roi == pytest.approx(roi(("all", "")))
    for dimension in ("region", "product_line"):
        for name, metrics in group(superstore, dimension).items():
            assert metrics.roi == pytest.approx(roi((dimension, name)))
    # Central earns 0.086 on its cost, the other three 0.161 together: under 80% of it
    rest = [k for k in sales if k[0] == "region" and k[1] != "Central"]
    elsewhere = sum(profit[k] for k in rest) / sum(sales[k] - profit[k] for k in rest)
    [weak] = [f for f in superstore.findings if f.kind == "lowest_roi" and f.subject.endswith(" region")]
    assert (weak.subject, weak.value, weak.reference) == (
        "Central region", pytest.approx(roi(("region", "Central"))), pytest.approx(elsewhere))


def test_superstore_furniture_is_the_product_line_weak_spot_on_roi(superstore: Diagnosis) -> None:
    """Only regions were judged on ROI: Furniture earning 0.03 on its cost where the other two
    lines earn 0.21 was in the table and among no weak spots. It is one now, ranked above
    Central (the bigger gap), and a goal made of it is scoped to the product line."""
    import pandas as pd

    from sales.findings import goal_draft

    frame = pd.read_csv(SUPERSTORE, encoding="utf-8-sig")
    by_line = frame.groupby("Category")[["Sales", "Profit"]].sum()
    roi = by_line["Profit"] / (by_line["Sales"] - by_line["Profit"])
    rest = by_line.drop(index="Furniture").sum()
    elsewhere = rest["Profit"] / (rest["Sales"] - rest["Profit"])
    assert roi.idxmin() == "Furniture" and roi["Furniture"] < 0.8 * elsewhere
    [weak] = [f for f in superstore.findings if f.kind == "lowest_roi" and f.subject.startswith("Product line")]
    assert (weak.subject, weak.metric) == ("Product line Furniture", "roi")
    assert weak.value == pytest.approx(roi["Furniture"]) and weak.reference == pytest.approx(elsewhere)
    assert weak.text == (f"Product line Furniture: lowest ROI {roi['Furniture']:.2f} vs {elsewhere:.2f} elsewhere "
                         f"(revenue {by_line.loc['Furniture', 'Sales']:,.0f}, "
                         f"cost {by_line.loc['Furniture', 'Sales'] - by_line.loc['Furniture', 'Profit']:,.0f})")
    kinds = [(f.kind, f.subject) for f in superstore.findings]
    assert kinds.index(("lowest_roi", "Product line Furniture")) < kinds.index(("lowest_roi", "Central region"))
    draft = goal_draft(superstore, weak)
    assert draft["scope"] == {"product_line": "Furniture"} and draft["target"] == f"{elsewhere:.2f}"


def test_superstore_product_lines_months_and_repurchase(superstore: Diagnosis) -> None:
    lines = rows(SUPERSTORE)
    total = sum(float(r["Sales"]) for r in lines)
    by_line: dict[str, float] = defaultdict(float)
    by_month: dict[str, float] = defaultdict(float)
    orders_of: dict[str, set[str]] = defaultdict(set)
    for r in lines:
        by_line[r["Category"]] += float(r["Sales"])
        day, month, year = r["Order Date"].split("/")  # DD/MM/YY, as the data README says
        by_month[f"20{year}-{month}"] += float(r["Sales"])
        orders_of[r["Customer ID"]].add(r["Order ID"])
    lines_by_name = group(superstore, "product_line")
    for name, revenue in by_line.items():
        assert lines_by_name[name].revenue_share == pytest.approx(revenue / total)
    periods = {p.period: p for p in superstore.periods}
    assert set(periods) == set(by_month)
    for month, revenue in by_month.items():
        assert periods[month].metrics.revenue == pytest.approx(revenue)
    change = periods["2020-03"].change["revenue"]
    assert change == pytest.approx(by_month["2020-03"] / by_month["2020-02"] - 1)
    repeat = sum(len(o) >= 2 for o in orders_of.values()) / len(orders_of)
    assert superstore.total.customers == len(orders_of)
    assert superstore.total.repurchase_rate == pytest.approx(repeat)
    assert "day-first" in superstore.source.date_formats["Order Date"]
    assert superstore.source.mapping["region"] == "Region"  # not "Country/Region"
    assert superstore.source.mapping["date"] == "Order Date"  # not "Ship Date"


def test_superstore_product_lines_count_orders_and_customers(superstore: Diagnosis) -> None:
    """Product lines split orders: each line's orders, customers, new customers and repeat
    buyers, overall and per month, counted by hand."""
    lines = rows(SUPERSTORE)

    def month(r: dict[str, str]) -> str:
        day, m, year = r["Order Date"].split("/")
        return f"20{year}-{m}"

    first_month: dict[str, str] = {}
    for r in lines:
        c = r["Customer ID"]
        first_month[c] = min(first_month.get(c, "9999"), month(r))
    orders: dict[str, set[str]] = defaultdict(set)
    orders_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (line, customer) -> orders
    new: dict[str, set[str]] = defaultdict(set)
    monthly: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in lines:
        name, customer = r["Category"], r["Customer ID"]
        orders[name].add(r["Order ID"])
        orders_of[name, customer].add(r["Order ID"])
        monthly[name, month(r)].add(r["Order ID"])
        if month(r) == first_month[customer]:
            new[name].add(customer)
    by_name = {row.value: row for row in superstore.breakdowns["product_line"]}
    assert set(by_name) == set(orders)
    for name, row in by_name.items():
        customers = [c for (n, c) in orders_of if n == name]
        repeat = sum(len(orders_of[name, c]) >= 2 for c in customers)
        m = row.metrics
        assert (m.orders, m.customers, m.new_customers) == (len(orders[name]), len(customers), len(new[name]))
        assert m.returning_customers is not None and m.lines is not None
        assert m.repurchase_rate == pytest.approx(repeat / len(customers))
        assert {p: pm.orders for p, pm in row.periods.items()} == \
            {p: len(ids) for (n, p), ids in monthly.items() if n == name}
    assert sum(row.metrics.lines for row in by_name.values()) == len(lines)


def test_superstore_roi_from_a_cost_file(tmp_path: Path, superstore: Diagnosis) -> None:
    costs = {"West": 500000.0, "East": 300000.0, "Central": 450000.0, "South": 200000.0}
    cost_file = tmp_path / "costs.csv"
    cost_file.write_text("Region,Cost\n" + "".join(f"{k},{v}\n" for k, v in costs.items()), encoding="utf-8")
    d = diagnose(SUPERSTORE, costs=cost_file)
    revenue: dict[str, float] = defaultdict(float)
    for r in rows(SUPERSTORE):
        revenue[r["Region"]] += float(r["Sales"])
    roi = {k: (revenue[k] - c) / c for k, c in costs.items()}
    regions = group(d, "region")
    for region, expected in roi.items():
        assert regions[region].roi == pytest.approx(expected)
    worst = min(roi, key=roi.get)
    others = [k for k in costs if k != worst]
    elsewhere = (sum(revenue[k] for k in others) - sum(costs[k] for k in others)) / sum(costs[k] for k in others)
    [finding] = [f for f in d.findings if f.kind == "lowest_roi" and f.subject.endswith(" region")]
    assert finding.subject == f"{worst} region"
    assert finding.value == pytest.approx(roi[worst]) and finding.reference == pytest.approx(elsewhere)
    assert d.total.roi == pytest.approx((sum(revenue.values()) - sum(costs.values())) / sum(costs.values()))


def test_superstore_close_rois_make_no_weak_spot(tmp_path: Path) -> None:
    """The lowest of four ROIs within a few points of each other is no weak spot (it was one
    whatever the gap); a region far below the rest still is."""
    revenue: dict[str, float] = defaultdict(float)
    for r in rows(SUPERSTORE):
        revenue[r["Region"]] += float(r["Sales"])
    close = {"West": 0.50, "East": 0.48, "Central": 0.46, "South": 0.45}
    cost_file = tmp_path / "costs.csv"
    cost_file.write_text("Region,Cost\n" + "".join(f"{k},{revenue[k] / (1 + r)}\n" for k, r in close.items()),
                         encoding="utf-8")
    d = diagnose(SUPERSTORE, costs=cost_file)
    assert group(d, "region")["South"].roi == pytest.approx(0.45)
    assert [f for f in d.findings if f.kind == "lowest_roi" and f.subject.endswith(" region")] == []
    far = {**close, "South": 0.20}  # 0.20 against about 0.48 elsewhere: well under 80% of it
    cost_file.write_text("Region,Cost\n" + "".join(f"{k},{revenue[k] / (1 + r)}\n" for k, r in far.items()),
                         encoding="utf-8")
    [finding] = [f for f in diagnose(SUPERSTORE, costs=cost_file).findings
                 if f.kind == "lowest_roi" and f.subject.endswith(" region")]
    assert finding.subject == "South region" and finding.value == pytest.approx(0.20)


# ------------------------------------------------------------------ online retail

NOT_PRODUCTS = {"POST", "D", "M", "C2", "DOT", "AMAZONFEE", "CRUK", "S", "BANK CHARGES", "PADS", "B"}


def retail_sales() -> tuple[list[dict[str, str]], int, int]:
    kept, cancelled, not_product = [], 0, 0
    for r in rows(RETAIL):
        if r["InvoiceNo"].startswith("C") or float(r["Quantity"]) < 0:
            cancelled += 1
        elif r["StockCode"].strip().upper() in NOT_PRODUCTS:
            not_product += 1
        else:
            kept.append(r)
    return kept, cancelled, not_product


@pytest.fixture(scope="module")
def retail() -> Diagnosis:
    return diagnose(RETAIL)


def test_retail_order_value_repurchase_and_drops(retail: Diagnosis) -> None:
    kept, cancelled, not_product = retail_sales()
    revenue = sum(float(r["Quantity"]) * float(r["UnitPrice"]) for r in kept)
    invoices = {r["InvoiceNo"] for r in kept}
    orders_of: dict[str, set[str]] = defaultdict(set)
    for r in kept:
        if r["CustomerID"]:
            orders_of[r["CustomerID"]].add(r["InvoiceNo"])
    assert retail.total.revenue == pytest.approx(revenue)
    assert retail.total.orders == len(invoices)
    assert retail.total.average_order_value == pytest.approx(revenue / len(invoices))
    assert retail.total.customers == len(orders_of)
    assert retail.total.repurchase_rate == pytest.approx(sum(len(o) >= 2 for o in orders_of.values()) / len(orders_of))
    assert retail.source.derived == {"amount": "quantity * unit_price"}
    assert retail.rows_read == 30000 and retail.rows_used == len(kept)
    counts = sorted(retail.dropped.values())
    assert counts == sorted([cancelled, not_product])
    assert sum(retail.dropped.values()) == 30000 - len(kept)
    no_customer = sum(1 for r in kept if not r["CustomerID"])
    assert list(retail.partial.values()) == [no_customer]
    assert "dropped rows" in format_report(retail).lower() and f"{cancelled:,}" in format_report(retail)


def test_retail_new_and_returning_customers_per_month(retail: Diagnosis) -> None:
    kept, _, _ = retail_sales()
    first_month: dict[str, str] = {}
    months_of: dict[str, set[str]] = defaultdict(set)
    for r in kept:
        if not r["CustomerID"]:
            continue
        month = r["InvoiceDate"][:7]
        months_of[r["CustomerID"]].add(month)
    for customer, months in months_of.items():
        first_month[customer] = min(months)
    periods = {p.period: p for p in retail.periods}
    for month in ("2011-03", "2011-11"):
        customers = [c for c, months in months_of.items() if month in months]
        new = [c for c in customers if first_month[c] == month]
        m = periods[month].metrics
        assert m.customers == len(customers)
        assert m.new_customers == len(new)
        assert m.returning_customers == len(customers) - len(new)
        assert m.new_customer_share == pytest.approx(len(new) / len(customers))
    assert periods["2011-12"].partial  # the data ends on 9 December
    assert not periods["2011-11"].partial
    no_nan_json(retail)


def test_retail_quarters() -> None:
    d = diagnose(RETAIL, period="quarter")
    kept, _, _ = retail_sales()
    q4 = sum(float(r["Quantity"]) * float(r["UnitPrice"]) for r in kept if r["InvoiceDate"][:7] in ("2011-10", "2011-11", "2011-12"))
    periods = {p.period: p for p in d.periods}
    assert list(periods) == ["2010-Q4", "2011-Q1", "2011-Q2", "2011-Q3", "2011-Q4"]
    assert periods["2011-Q4"].metrics.revenue == pytest.approx(q4)


# ------------------------------------------------------------------ crm opportunities


@pytest.fixture(scope="module")
def crm() -> Diagnosis:
    return diagnose(CRM, joins=[f"{TEAMS}:sales_agent"])


def test_crm_win_rate_per_office_and_sales_cycle(crm: Diagnosis) -> None:
    office = {r["sales_agent"]: r["regional_office"] for r in rows(TEAMS)}
    deals = rows(CRM)
    won: dict[str, int] = defaultdict(int)
    lost: dict[str, int] = defaultdict(int)
    cycles = []
    for r in deals:
        if r["deal_stage"] == "Won":
            won[office[r["sales_agent"]]] += 1
            end = datetime.strptime(r["close_date"], "%Y-%m-%d")
            start = datetime.strptime(r["engage_date"], "%Y-%m-%d")
            cycles.append((end - start).days)
        elif r["deal_stage"] == "Lost":
            lost[office[r["sales_agent"]]] += 1
    regions = group(crm, "region")
    assert set(regions) == set(office.values())
    for region in regions:
        assert regions[region].won == won[region]
        assert regions[region].win_rate == pytest.approx(won[region] / (won[region] + lost[region]))
    total_won, total_lost = sum(won.values()), sum(lost.values())
    assert crm.total.win_rate == pytest.approx(total_won / (total_won + total_lost))
    assert crm.total.sales_cycle_days == pytest.approx(sum(cycles) / len(cycles))
    assert crm.total.revenue == pytest.approx(sum(float(r["close_value"]) for r in deals if r["deal_stage"] == "Won"))
    open_deals = sum(r["deal_stage"] in ("Prospecting", "Engaging") for r in deals)
    assert list(crm.dropped.values()) == [open_deals]
    assert crm.source.mapping["region"] == "regional_office"


def test_crm_reps_and_findings(crm: Diagnosis) -> None:
    revenue: dict[str, float] = defaultdict(float)
    decided: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows(CRM):
        if r["deal_stage"] == "Won":
            revenue[r["sales_agent"]] += float(r["close_value"])
            decided[r["sales_agent"]][0] += 1
        if r["deal_stage"] == "Lost":
            decided[r["sales_agent"]][1] += 1
    reps = group(crm, "rep")
    for rep, (w, l) in decided.items():
        assert reps[rep].win_rate == pytest.approx(w / (w + l))
    ordered = sorted(revenue.values())
    mid = (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2 if len(ordered) % 2 == 0 else ordered[len(ordered) // 2]
    weak = {rep for rep, value in revenue.items() if value < 0.5 * mid}
    flagged = {f.subject.removeprefix("Rep ") for f in crm.findings if f.kind == "rep_below_median" and f.metric == "revenue"}
    assert flagged == weak and weak  # the data has such a rep
    severities = [f.severity for f in crm.findings]
    assert severities == sorted(severities, reverse=True)
    data = no_nan_json(crm)
    assert data["total"]["units"] is None  # no quantity column: None, never NaN
    assert Diagnosis.from_builtins(crm.to_builtins()) == crm


def test_crm_products_join_matches_despite_spelling() -> None:
    """products.csv says "GTX Pro" where the pipeline says "GTXPro"; keys still match."""
    d = diagnose(CRM, joins=[f"{TEAMS}:sales_agent", f"{DATA / 'crm-opportunities' / 'products.csv'}:product"],
                 overrides=["sales_price=ignore"])
    lines = group(d, "product_line")
    assert set(lines) == {"GTX", "MG", "GTK"}
    gtx = sum(float(r["close_value"]) for r in rows(CRM) if r["deal_stage"] == "Won" and r["product"].startswith("GTX"))
    assert lines["GTX"].revenue == pytest.approx(gtx)
    assert not any("no match" in note for note in d.source.notes)


def test_report_is_plain_text_with_kpis_and_findings(crm: Diagnosis) -> None:
    text = format_report(crm)
    assert "win rate" in text and "Weak spots" in text and "Dropped rows" in text
    assert crm.findings[0].text in text
    assert date.fromisoformat(crm.last_date) == date(2017, 12, 31)


def test_an_older_boards_quarters_read_as_the_report_writes_them() -> None:
    """A diagnosis kept before quarters took their dash (2019Q1) reads 2019-Q1, as new ones write it."""
    import msgspec

    from sales.diagnosis import GroupRow, PeriodRow

    old = {"period": "2019Q1", "start": "2019-01-01", "metrics": {"revenue": 1.0}, "change": {}}
    assert msgspec.convert(old, PeriodRow).period == "2019-Q1"
    group = msgspec.convert({"value": "South", "metrics": {"revenue": 1.0}, "periods": {"2019Q4": {"revenue": 1.0}}},
                            GroupRow)
    assert list(group.periods) == ["2019-Q4"]
