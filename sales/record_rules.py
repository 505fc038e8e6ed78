"""Which record lines count as sales: stage outcomes and the rows a diagnosis must leave out.

Real exports carry lines that are not sales (cancellations, postage, open deals). They are
removed here, by named reason, and counted so the report can say what was left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

WON, LOST, OPEN = "won", "lost", "open"

#: Stage values (normalised: case-folded, letters/digits only) meaning the deal was won / lost.
#: Every other non-empty stage (prospecting, engaging, negotiation...) is an open deal.
WON_STAGES = frozenset({
    "won", "closedwon", "win", "wins", "success", "successful", "signed", "closed", "成交",
    "已成交", "赢单", "贏單", "赢", "贏", "签约", "簽約", "已签约", "已簽約",
})
LOST_STAGES = frozenset({
    "lost", "closedlost", "lose", "loss", "failed", "dead", "丢单", "丟單", "输单", "輸單",
    "失败", "失敗", "已流失", "流失",
})

#: Stock codes that are charges or adjustments, not products (UCI Online Retail and similar).
NON_PRODUCT_CODES = frozenset({
    "POST", "DOT", "D", "M", "C2", "S", "B", "CRUK", "PADS", "BANK CHARGES", "AMAZONFEE",
    "ADJUST", "ADJUST2", "TEST001", "TEST002",
})

#: What a spreadsheet's totals row says in its first cells (normalised as stages are), in English
#: and Chinese: such a row has no date and adds up the rows above it.
TOTAL_WORDS = frozenset({
    "total", "totals", "grandtotal", "subtotal", "sum", "合计", "合計", "总计", "總計", "小计", "小計",
    "总额", "總額", "总和", "總和",
})

#: A cancelled invoice number: "C" then digits ("C536379"), as in the UCI Online Retail data.
CANCELLED_ORDER = re.compile(r"^[Cc]\d+$")

# Drop reasons, in the order they are tested: a row is counted under the first that applies.
DROP_EMPTY = "empty row (no value in any column read)"
DROP_TOTALS = "totals row ('Total' or '合计', no date)"
DROP_OPEN = "open deal (neither won nor lost yet)"
DROP_CANCELLED = "cancellation or return (invoice 'C...', negative quantity or amount)"
DROP_NOT_PRODUCT = "not a product (stock code such as POST, D, M, DOT, BANK CHARGES)"
DROP_NO_DATE = "no date"
DROP_NO_AMOUNT = "no amount"
DROP_REPEATED = "the same row in an earlier file (files that overlap)"
#: Kept for revenue, left out of customer-based metrics.
PARTIAL_NO_CUSTOMER = "no customer (kept for revenue, left out of customer metrics)"


def _normal(value: object) -> str:
    """Case-folded, letters and digits only: "Closed Won" -> "closedwon", "Total:" -> "total"."""
    return "".join(ch for ch in str(value).casefold() if ch.isalnum())


def normalise_stage(value: object) -> str:
    """A stage as written in a file -> WON, LOST or OPEN."""
    key = _normal(value)
    if key in WON_STAGES:
        return WON
    if key in LOST_STAGES:
        return LOST
    return OPEN


def _category_mask(column: "pd.Series", test: Any) -> Any:
    """Row mask from a test run once per distinct value of a categorical column."""
    import numpy as np

    cats = column.cat.categories
    hits = np.fromiter((bool(test(str(c))) for c in cats), dtype=bool, count=len(cats))
    if not hits.any():  # (usually: no value is one of them)
        return np.zeros(len(column), dtype=bool)
    codes = column.cat.codes.to_numpy()
    return np.take(np.append(hits, False), codes)  # code -1 (missing): the False at the end


def drop_non_sales(frame: "pd.DataFrame") -> tuple["pd.DataFrame", dict[str, int], dict[str, int]]:
    """Remove lines that are not sales; return (kept frame, dropped by reason, partial by reason).

    ``frame`` has canonical columns (see sales_fields.FIELDS); categorical text columns.
    """
    import numpy as np

    n = len(frame)
    keep = np.ones(n, dtype=bool)
    dropped: dict[str, int] = {}

    def drop(reason: str, mask: Any) -> None:
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        mask = mask & keep
        count = int(mask.sum())
        if count:
            dropped[reason] = count
            keep[mask] = False

    # rows a spreadsheet left behind: blank ones (cells once formatted) and a totals row under the
    # data; they are not sales, and "no date" would not say why they were left out
    undated = frame["date"].isna().to_numpy()
    if undated.any():  # (both have no date: only the few rows without one are looked at)
        empty = np.zeros(n, dtype=bool)
        # (an empty stage reads as an open deal: a row with nothing else is empty all the same)
        empty[undated] = frame[undated].drop(columns=["stage"], errors="ignore").isna().all(axis=1).to_numpy()
        drop(DROP_EMPTY, empty)
        totals = np.zeros(n, dtype=bool)
        for name in frame.columns:
            if frame[name].dtype == "category":
                totals |= _category_mask(frame[name], lambda s: _normal(s) in TOTAL_WORDS)
        drop(DROP_TOTALS, totals & undated)
    if "stage" in frame:
        drop(DROP_OPEN, (frame["stage"] == OPEN).to_numpy())
    cancelled = np.zeros(n, dtype=bool)
    if "quantity" in frame:
        cancelled |= (frame["quantity"] < 0).to_numpy()
    if "amount" in frame:
        cancelled |= (frame["amount"] < 0).to_numpy()
    if "order_id" in frame:
        ids = frame["order_id"].cat.categories
        # A "C" prefix marks a cancellation only where the other invoice numbers are digits.
        if len(ids) and any(str(i).isdigit() for i in ids[:1000]):
            cancelled |= _category_mask(frame["order_id"], CANCELLED_ORDER.match)
    drop(DROP_CANCELLED, cancelled)
    if "product" in frame:
        drop(DROP_NOT_PRODUCT, _category_mask(frame["product"], lambda s: s.strip().upper() in NON_PRODUCT_CODES))
    drop(DROP_NO_DATE, frame["date"].isna().to_numpy())
    drop(DROP_NO_AMOUNT, frame["amount"].isna().to_numpy())
    kept = frame[keep] if not keep.all() else frame
    partial: dict[str, int] = {}
    if "customer" in kept:
        missing = int(kept["customer"].isna().sum())
        if missing:
            partial[PARTIAL_NO_CUSTOMER] = missing
    return kept, dropped, partial
