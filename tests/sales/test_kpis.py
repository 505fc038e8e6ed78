"""The per-order shortcut gives the same KPIs as counting over lines, and is skipped when an
order's lines disagree."""

from __future__ import annotations

from pathlib import Path

import pytest

from sales import kpis
from sales.record_rules import drop_non_sales
from store.diagnose import diagnose
from store.record_files import load_records

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="module")
def retail_lines():
    if not DATA.is_dir():
        pytest.skip("shared data not found")
    frame, _, _ = drop_non_sales(load_records(DATA / "online-retail" / "online_retail.csv").frame)
    return frame, kpis.prepare(frame, "month")


@pytest.mark.parametrize("layout", ["as-read", "invoices-in-runs", "shuffled"])
@pytest.mark.parametrize("keys", [[kpis.ALL], [kpis.PERIOD], ["region"], ["region", kpis.PERIOD]])
def test_order_grain_matches_lines(retail_lines, keys: list[str], layout: str) -> None:
    frame, lines = retail_lines
    if layout == "invoices-in-runs":  # each invoice's lines side by side
        frame = frame.sort_values("order_id", kind="stable").reset_index(drop=True)
    elif layout == "shuffled":  # each invoice's lines scattered over the file
        frame = frame.sample(frac=1.0, random_state=3).reset_index(drop=True)
    lines = kpis.prepare(frame, "month")
    orders = kpis.order_grain(lines)
    assert orders is not None and len(orders) == frame["order_id"].nunique()
    by_lines = kpis.kpi_table(lines, keys).sort_index()
    by_orders = kpis.kpi_table(orders, keys, per_order=True).sort_index()
    assert by_lines.index.equals(by_orders.index)
    for column in kpis.METRICS:
        assert by_orders[column].tolist() == pytest.approx(by_lines[column].tolist(), nan_ok=True), column


def test_orders_split_across_reps_are_counted_per_line(tmp_path: Path) -> None:
    path = tmp_path / "split.csv"
    path.write_text("Order ID,Order Date,Sales Rep,Customer,Sales\n"
                    "A,2024-01-02,Ann,X,10\nA,2024-01-02,Bob,X,5\nB,2024-01-03,Ann,Y,7\n", encoding="utf-8")
    frame, _, _ = drop_non_sales(load_records(path).frame)
    assert kpis.order_grain(kpis.prepare(frame, "month")) is None
    d = diagnose(path)
    reps = {r.value: r.metrics for r in d.breakdowns["rep"]}
    assert (reps["Ann"].revenue, reps["Ann"].orders, reps["Ann"].customers) == (17.0, 2, 2)
    assert (reps["Bob"].revenue, reps["Bob"].orders, reps["Bob"].customers) == (5.0, 1, 1)
    assert (d.total.orders, d.total.customers, d.total.lines) == (2, 2, 3)


@pytest.fixture(scope="module")
def shop_lines(tmp_path_factory):
    """Order lines like a shop export: several lines per order, each line its own product line."""
    import numpy as np

    rng = np.random.default_rng(11)
    n, n_orders = 20_000, 4_000
    order = np.sort(rng.integers(0, n_orders, n))
    customer, region = rng.integers(0, 900, n_orders), rng.integers(0, 5, n_orders)
    day = np.datetime64("2023-01-01") + rng.integers(0, 500, n_orders).astype("timedelta64[D]")
    rows = ["Order ID,Order Date,Customer ID,Region,Category,Quantity,Sales"]
    for i, o in enumerate(order):
        rows.append(f"SO-{o},{day[o]},C{customer[o]},R{region[o]},Line {rng.integers(0, 9)},"
                    f"{rng.integers(1, 9)},{rng.gamma(2.0, 20.0):.2f}")
    path = tmp_path_factory.mktemp("shop") / "lines.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    frame, _, _ = drop_non_sales(load_records(path).frame)
    lines = kpis.prepare(frame, "month")
    return lines, kpis.order_grain(lines)


@pytest.mark.parametrize("keys", [["product_line"], ["product_line", kpis.PERIOD]])
def test_product_lines_on_order_pairs_are_the_line_numbers(shop_lines, keys: list[str]) -> None:
    lines, orders = shop_lines
    assert orders is not None
    pairs = kpis.pair_grain(lines, orders, "product_line")
    assert len(pairs) < len(lines)
    shares = [kpis.PERIOD] if len(keys) == 2 else None
    by_lines = kpis.kpi_table(lines, keys, shares_within=shares).sort_index()
    by_pairs = kpis.kpi_table(pairs, keys, shares_within=shares, per_order=True).sort_index()
    assert by_pairs.index.equals(by_lines.index)
    for column in kpis.METRICS:  # the same numbers to the last bit, not just close
        assert by_pairs[column].isna().tolist() == by_lines[column].isna().tolist(), column
        assert by_pairs[column].fillna(0).tolist() == by_lines[column].fillna(0).tolist(), column


def test_deals_split_across_product_lines_in_interleaved_lines(tmp_path: Path) -> None:
    """Two deals whose lines interleave, each across two product lines: counted by hand."""
    path = tmp_path / "deals.csv"
    path.write_text("Deal,Created,Close Date,Stage,Product Line,Customer,Value\n"
                    "A,2024-01-01,2024-01-11,Won,Pens,X,10\n"
                    "B,2024-01-05,2024-01-25,Won,Paper,Y,20\n"
                    "A,2024-01-01,2024-01-11,Won,Paper,X,30\n"
                    "B,2024-01-05,2024-01-25,Won,Pens,Y,40\n"
                    "C,2024-01-02,2024-01-20,Lost,Pens,X,50\n", encoding="utf-8")
    frame, _, _ = drop_non_sales(load_records(path).frame)
    lines = kpis.prepare(frame, "month")
    orders = kpis.order_grain(lines)
    assert orders is not None and len(orders) == 3
    pairs = kpis.pair_grain(lines, orders, "product_line", in_line_order=True)
    assert len(pairs) == 5 and pairs["_lines"].tolist() == [1, 1, 1, 1, 1]  # each line its own pair
    table = kpis.kpi_table(pairs, ["product_line"], per_order=True)
    # Pens: A (10, cycle 10 days) and B (40, cycle 20 days) won, C lost; Paper: B (20) and A (30) won
    assert table.loc["Pens", ["revenue", "orders", "won", "lost", "customers"]].tolist() == [50.0, 2, 2, 1, 2]
    assert table.loc["Pens", "win_rate"] == pytest.approx(2 / 3)
    assert table.loc["Pens", "sales_cycle_days"] == 15.0
    assert table.loc["Paper", ["revenue", "orders", "won", "lost"]].tolist() == [50.0, 2, 2, 0]
    assert table.loc["Paper", "sales_cycle_days"] == 15.0


def test_pairs_of_many_product_lines_match_the_lines(tmp_path: Path) -> None:
    """Thousands of product lines: too many (order, product line) values for a bitmap, so the
    pairs are found by sorting; deals with a stage and a created date keep the lines' order."""
    import numpy as np

    rng = np.random.default_rng(5)
    rows = ["Deal,Created,Close Date,Stage,Product Line,Customer,Value"]
    for deal in range(1_500):
        created = np.datetime64("2024-01-01") + int(rng.integers(0, 300))
        closed = created + int(rng.integers(1, 60))
        stage, customer = ("Won", "Lost")[int(rng.integers(0, 2))], f"C{rng.integers(0, 400)}"
        for _ in range(int(rng.integers(1, 4))):
            rows.append(f"D{deal},{created},{closed},{stage},L{rng.integers(0, 3_000)},{customer},"
                        f"{rng.integers(1, 9_999)}.{rng.integers(0, 100):02d}")
    path = tmp_path / "deals.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    frame, _, _ = drop_non_sales(load_records(path).frame)
    lines = kpis.prepare(frame, "month")
    orders = kpis.order_grain(lines)
    assert orders is not None
    pairs = kpis.pair_grain(lines, orders, "product_line", in_line_order=True)
    assert int(pairs["_lines"].sum()) == len(lines)
    by_lines = kpis.kpi_table(lines, ["product_line"]).sort_index()
    by_pairs = kpis.kpi_table(pairs, ["product_line"], per_order=True).sort_index()
    assert by_pairs.index.equals(by_lines.index) and len(by_lines) > 1_000
    for column in kpis.METRICS:
        assert by_pairs[column].tolist() == pytest.approx(by_lines[column].tolist(), nan_ok=True), column
