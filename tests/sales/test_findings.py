"""Findings on small made-up data where the weak spot is known in advance."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sales import findings
from sales.diagnosis import Finding
from store.diagnose import diagnose


def write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def deals(tmp_path: Path) -> Path:
    """South wins 30 of 100 deals, North and East 50 of 100; one rep sells far less."""
    rows = []
    plan = {"North": 50, "East": 50, "South": 30}
    n = 0
    for region, wins in plan.items():
        for i in range(100):
            n += 1
            stage = "Won" if i < wins else "Lost"
            rep = f"Rep {i % 4}"
            month = 1 + i % 6
            rows.append([f"D{n}", f"2023-{month:02d}-15", f"2023-{month:02d}-01", stage, region, rep,
                         f"Cust {n % 40}", 1000 if stage == "Won" else 0])
    return write(tmp_path / "deals.csv", ["Deal ID", "Close Date", "Created", "Stage", "Region", "Sales Rep",
                                          "Account", "Amount"], rows)


def test_region_with_low_win_rate_is_the_top_finding(tmp_path: Path) -> None:
    d = diagnose(deals(tmp_path))
    top = d.findings[0]
    assert top.kind == "win_rate_gap" and top.subject == "South region"
    assert top.value == pytest.approx(0.30) and top.reference == pytest.approx(0.50)
    assert top.text == "South region: win rate 30% vs 50% elsewhere (30 won of 100 decided deals)"
    assert top.severity == pytest.approx(0.4)
    assert d.total.sales_cycle_days == pytest.approx(14.0)


def test_small_product_line_and_falling_repurchase(tmp_path: Path) -> None:
    rows = []
    order = 0
    for month in range(1, 7):
        for customer in range(20):
            # in the first three months every customer orders twice a month, then once
            for _ in range(2 if month <= 3 else 1):
                order += 1
                day = 1 if order % 2 else 28  # the first and last month are fully covered
                rows.append([f"O{order}", f"2024-{month:02d}-{day:02d}", f"C{customer}", "Big", 100])
        order += 1
        rows.append([f"O{order}", f"2024-{month:02d}-11", "C0", "Tiny", 3])
    d = diagnose(write(tmp_path / "orders.csv", ["Order ID", "Order Date", "Customer", "Category", "Sales"], rows))
    kinds = {(f.kind, f.subject, f.metric) for f in d.findings}
    assert ("small_product_line", "Product line Tiny", "revenue_share") in kinds
    [falling] = [f for f in d.findings if f.kind == "falling_trend" and f.metric == "repurchase_rate"]
    assert falling.reference == pytest.approx(1.0) and falling.value == pytest.approx(1 / 20)
    assert "(2024-04 to 2024-06 vs 2024-01 to 2024-03)" in falling.text


def test_nothing_flagged_on_even_data(tmp_path: Path) -> None:
    rows = [[f"O{i}", f"2024-{1 + i % 6:02d}-10", ["East", "West"][i % 2], f"C{i % 7}", 100] for i in range(240)]
    d = diagnose(write(tmp_path / "even.csv", ["Order ID", "Order Date", "Region", "Customer", "Sales"], rows))
    assert [f for f in d.findings if f.kind in ("win_rate_gap", "order_value_gap")] == []


def test_thresholds_are_named_constants() -> None:
    assert 0 < findings.WIN_RATE_GAP < 1 and findings.MIN_DEALS > 0 and 0 < findings.SMALL_SHARE < 1


def seasonal(tmp_path: Path, first_quarter_a_year_earlier: int) -> Path:
    """Monthly revenue, 2023-01 to 2024-03: each October to December sells 200 a month, the
    following January to March 100 a month (January after a December rush)."""
    rows = []
    for year, month in [(2023, m) for m in range(1, 13)] + [(2024, m) for m in (1, 2, 3)]:
        amount = first_quarter_a_year_earlier if (year, month) < (2023, 4) else 200 if month >= 10 else \
            100 if year == 2024 else 150
        for day in (1, 28):  # every month fully covered
            rows.append([f"O{len(rows)}", f"{year}-{month:02d}-{day:02d}", amount / 2])
    return write(tmp_path / "seasonal.csv", ["Order ID", "Order Date", "Sales"], rows)


def test_a_fall_the_same_months_a_year_earlier_show_too_is_not_a_weak_spot(tmp_path: Path) -> None:
    # January to March 2024 sell half of October to December 2023, but more than January to
    # March 2023 did (90 a month): the season, not a decline
    d = diagnose(seasonal(tmp_path, first_quarter_a_year_earlier=90))
    assert [f for f in d.findings if f.metric == "revenue"] == []


def test_a_fall_below_the_same_months_a_year_earlier_is_one_and_says_so(tmp_path: Path) -> None:
    d = diagnose(seasonal(tmp_path, first_quarter_a_year_earlier=150))
    [falling] = [f for f in d.findings if f.metric == "revenue"]
    assert falling.value == pytest.approx(300) and falling.reference == pytest.approx(600)
    assert falling.text == ("All sales: revenue fell from 600 to 300 (2024-01 to 2024-03 vs 2023-10 to 2023-12); "
                            "a year earlier it was 450")


def test_a_fall_names_the_months_it_compares_not_the_part_month_at_the_end(tmp_path: Path) -> None:
    """January and February sell 200 a month, March and April 100; the data ends on 10 May, a
    month it covers only in part, which is left out: the fall is April's, and says so."""
    rows = [[f"O{month}{day}", f"2024-{month:02d}-{day:02d}", (200 if month <= 2 else 100) / 2]
            for month in (1, 2, 3, 4) for day in (1, 28)] + [["O5", "2024-05-10", 10]]
    d = diagnose(write(tmp_path / "part.csv", ["Order ID", "Order Date", "Sales"], rows))
    [falling] = [f for f in d.findings if f.metric == "revenue"]
    assert falling.text == "All sales: revenue fell from 400 to 200 (2024-03 to 2024-04 vs 2024-01 to 2024-02)"


def regions(tmp_path: Path, west_orders_a_month: int) -> Path:
    """Six months; East sells 10 orders of 100 a month throughout, West its orders of 100 a month
    in January to March and a third of their value from April."""
    rows = []
    for month in range(1, 7):
        for region, count, amount in [("East", 10, 100), ("West", west_orders_a_month, 100 if month <= 3 else 100 / 3)]:
            for n in range(count):
                rows.append([f"O{len(rows)}", f"2024-{month:02d}-{1 + 27 * (n % 2):02d}", region, amount])
    return write(tmp_path / "regions.csv", ["Order ID", "Order Date", "Region", "Sales"], rows)


def test_a_region_losing_its_share_of_revenue_is_a_weak_spot(tmp_path: Path) -> None:
    d = diagnose(regions(tmp_path, west_orders_a_month=10))
    [falling] = [f for f in d.findings if f.kind == "falling_share"]
    # West: 3,000 of 6,000 in January to March, 1,000 of 4,000 in April to June
    assert falling.subject == "West region" and falling.value == pytest.approx(0.25)
    assert falling.text == "West region: revenue share fell from 50% to 25% (2024-04 to 2024-06 vs 2024-01 to 2024-03)"


def test_a_group_of_a_few_orders_is_not_judged_on_its_share(tmp_path: Path) -> None:
    d = diagnose(regions(tmp_path, west_orders_a_month=2))  # 12 orders in six months
    assert [f for f in d.findings if f.kind == "falling_share"] == []


def test_a_small_line_is_small_against_an_even_split_of_many_lines(tmp_path: Path) -> None:
    """Twenty product lines, an even split 5% each: Small's 4.5% is an ordinary line's, Tiny's 1%
    is one that never took off."""
    amounts = {"Tiny": 100, "Small": 450, **{f"Line {n:02d}": 525 for n in range(18)}}
    rows = [[f"O{i}", "2024-01-15", line, amount] for i, (line, amount) in enumerate(amounts.items())]
    d = diagnose(write(tmp_path / "lines.csv", ["Order ID", "Order Date", "Category", "Sales"], rows))
    small = [f for f in d.findings if f.kind == "small_product_line"]
    assert [f.subject for f in small] == ["Product line Tiny"]
    assert small[0].text == "Product line Tiny: 1.0% of revenue (100); an even split over 20 lines would be 5.0%"


def test_a_partial_first_quarter_does_not_count_toward_the_new_customer_warm_up(tmp_path: Path) -> None:
    """Data from 15 February: the first quarter is partial, so the third quarter is only the
    second whole one, too early to judge the new-customer share (every customer looks new at
    the start of an export), as the monthly view would not judge it either."""
    rows = []
    for customer in range(10):
        rows.append([f"Q1-{customer}", "2024-02-15", f"C{customer}", 100])
        rows.append([f"Q2-{customer}", "2024-05-15", f"C{customer}", 100])
    for customer in range(20):  # ten who bought before, ten new
        rows.append([f"Q3-{customer}", "2024-08-15", f"C{customer}", 100])
    for customer in range(22):  # twenty who bought before, two new
        rows.append([f"Q4-{customer}", "2024-12-28", f"C{customer}", 100])
    path = write(tmp_path / "quarters.csv", ["Order ID", "Order Date", "Customer", "Sales"], rows)
    assert [f for f in diagnose(path, period="quarter").findings if f.metric == "new_customer_share"] == []


def test_a_goal_drafted_from_a_weak_spot_takes_its_metric_scope_and_the_level_it_fell_short_of(tmp_path: Path) -> None:
    d = diagnose(deals(tmp_path))
    south = findings.goal_draft(d, d.findings[0])
    # South won 30%, the rest 50%: a goal for South's win rate, back to 50 (percent)
    assert {k: v for k, v in south.items() if k != "subject"} == {
        "metric": "win_rate", "scope": {"region": "South"}, "owner": None, "baseline": "snapshot", "target": "50.0"}
    assert str(south["subject"]) == "South region"
    rep = Finding("rep_below_median", "Rep Rep 1", "revenue", 10.0, 30.0, "median rep", 0.6, "Rep Rep 1: ...")
    # a goal has no rep scope: the rep owns it, with no baseline of the team's; revenue over the
    # whole data is no quarter's target
    drafted = findings.goal_draft(d, rep)
    assert (drafted["scope"], drafted["owner"], drafted["baseline"], drafted["target"]) == ({}, "Rep 1", None, None)
    everything = Finding("falling_trend", "All sales", "win_rate", 0.3, 0.5, "x", 0.4, "All sales: ...")
    drafted = findings.goal_draft(d, everything)
    assert (drafted["scope"], drafted["subject"], drafted["target"]) == ({}, None, "50.0")


def test_a_reps_share_weak_spot_takes_its_own_figure_as_the_baseline(tmp_path: Path) -> None:
    d = diagnose(deals(tmp_path))
    # "Rep Rep 1: revenue share fell from 25% to 12.5%": no snapshot is the rep's, so the weak
    # spot's own figure is where the goal starts, and the share it fell from is the target
    fell = Finding("falling_share", "Rep Rep 1", "revenue_share", 0.125, 0.25, "x", 0.5, "Rep Rep 1: ...")
    drafted = findings.goal_draft(d, fell)
    assert (drafted["owner"], drafted["baseline"], drafted["target"]) == ("Rep 1", "12.5", "25.0")
    below = Finding("rep_below_median", "Rep Rep 1", "win_rate", 0.3, 0.45, "median rep", 0.3, "Rep Rep 1: ...")
    assert (findings.goal_draft(d, below)["baseline"], findings.goal_draft(d, below)["target"]) == ("30.0", "45.0")
