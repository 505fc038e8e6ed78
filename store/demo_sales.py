"""The demo's past sales: five quarters of order lines before the demo's quarter, written as a
CSV the diagnosis reads like any CRM export.

The numbers are generated, not real, but shaped to tell the sample plan's story: the North team
closed its last quarter at $1.20M after a best quarter-over-quarter rise of about 16%, so the
plan's +15% goal is ambitious and achievable by the history; GTX Plus sells less each quarter in
the North, and the West both shrinks and costs the most to sell in; the diagnosis finds both. Quarter totals per region are exact, so a reader can check
them against the diagnosis by hand.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

# Revenue per region for the five quarters before the demo's, oldest first.
REGION_QUARTERS = {
    "North": (920_000, 1_030_000, 980_000, 1_030_000, 1_200_000),
    "South": (810_000, 790_000, 830_000, 800_000, 820_000),
    "East": (560_000, 600_000, 640_000, 660_000, 700_000),
    "West": (720_000, 690_000, 650_000, 610_000, 560_000),
}
REPS = {"North": ("ali", "bea", "chen", "dev", "emma"), "South": ("farid", "gwen", "hugo"),
        "East": ("ines", "jon"), "West": ("kai", "lena", "moss")}
LINES = {"GTX Plus": 4_800, "GTX Basic": 1_900, "MG Special": 3_200, "MG Advanced": 6_500, "GTK 500": 12_000}
CHANNELS = ("Direct", "Partner", "Online")
COST_SHARE = {"North": (0.55, 0.70), "South": (0.55, 0.70), "East": (0.50, 0.65), "West": (0.68, 0.82)}
MEAN_LINE = 3_000  # average revenue of an order line: sets how many lines a quarter holds


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def previous_quarters(before: date, count: int = 5) -> list[tuple[date, date]]:
    """(first day, last day) of the `count` calendar quarters before the one holding `before`,
    oldest first."""
    quarters: list[tuple[date, date]] = []
    end = quarter_start(before)
    for _ in range(count):
        start = quarter_start(end - timedelta(days=1))
        quarters.append((start, end - timedelta(days=1)))
        end = start
    return quarters[::-1]


def write_past_sales(path: Path, before: date, seed: int = 11) -> Path:
    """Write the CSV to `path` and return it."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    customers = {region: [f"{region} {name}" for name in ("Acme", "Betasoloin", "Corvid Metals", "Dalton Foods",
                                                          "Esker Labs", "Fenwick", "Gorse & Co", "Halden",
                                                          "Isdom", "Jarrow Print", "Kestrel", "Lumen Retail")]
                 for region in REGION_QUARTERS}
    for q, (start, end) in enumerate(previous_quarters(before)):
        days = (end - start).days + 1
        for region, totals in REGION_QUARTERS.items():
            total = totals[q]
            count = max(1, total // MEAN_LINE)
            weights = []
            lines = []
            for _ in range(count):
                line = rng.choice(list(LINES))
                # GTX Plus fades in the North: a weak spot for the diagnosis to find.
                fade = 0.55 ** q if (region == "North" and line == "GTX Plus") else 1.0
                weights.append(rng.uniform(0.3, 1.7) * fade)
                lines.append(line)
            share = [round(total * w / sum(weights), 2) for w in weights]
            share[-1] = round(total - sum(share[:-1]), 2)  # the quarter's total is exact
            for n, (line, amount) in enumerate(zip(lines, share)):
                quantity = max(1, round(amount / LINES[line]))
                rows.append([(start + timedelta(days=rng.randrange(days))).isoformat(),
                             f"SO-{q + 1}{region[0]}{n + 1:04d}", rng.choice(customers[region]), region,
                             rng.choice(REPS[region]), line, rng.choice(CHANNELS), quantity, f"{amount:.2f}",
                             f"{amount * rng.uniform(*COST_SHARE[region]):.2f}"])
    rows.sort(key=lambda row: (row[0], row[1]))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Order Date", "Order ID", "Customer", "Region", "Sales Rep", "Product Line",
                         "Channel", "Quantity", "Revenue", "Cost"])
        writer.writerows(rows)
    return path
