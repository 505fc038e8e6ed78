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


@pytest.mark.parametrize("keys", [[kpis.ALL], [kpis.PERIOD], ["region"], ["region", kpis.PERIOD]])
def test_order_grain_matches_lines(retail_lines, keys: list[str]) -> None:
    frame, lines = retail_lines
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
