"""The demo's past sales: five quarters of order lines before the demo's quarter, written as a
CSV the diagnosis reads like any CRM export.

The numbers are generated, not real, but shaped to tell the sample plan's story: the team's
region (North, or 华北 in the Chinese demo) closed its last quarter at 1.20M after a best
quarter-over-quarter rise of about 16%, so the plan's +15% goal is ambitious and achievable by
the history; GTX Plus sells less each quarter in the team's region, and a fourth region both
shrinks and costs the most to sell in; the diagnosis finds both. Quarter totals per region are
exact, so a reader can check them against the diagnosis by hand.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Revenue per region for the five quarters before the demo's, oldest first: the team's own region
# first, then three others.
TEAM_QUARTERS = (920_000, 1_030_000, 980_000, 1_030_000, 1_200_000)
OTHER_QUARTERS = ((810_000, 790_000, 830_000, 800_000, 820_000),   # steady
                  (560_000, 600_000, 640_000, 660_000, 700_000),   # growing
                  (720_000, 690_000, 650_000, 610_000, 560_000))   # shrinking, and dear to sell in
COST_SHARE = ((0.55, 0.70), (0.55, 0.70), (0.50, 0.65), (0.68, 0.82))  # of revenue, per region
LINES = {"GTX Plus": 4_800, "GTX Basic": 1_900, "MG Special": 3_200, "MG Advanced": 6_500, "GTK 500": 12_000}
MEAN_LINE = 3_000  # average revenue of an order line: sets how many lines a quarter holds


@dataclass(frozen=True)
class Words:
    """What the file says in one language: headers, the other regions, their reps, customers
    and channels. The Chinese file has Chinese headers, which the diagnosis maps by itself."""

    headers: list[str]
    regions: tuple[str, ...]
    reps: tuple[tuple[str, ...], ...]
    customers: tuple[str, ...]
    channels: tuple[str, ...]


WORDS = {
    "en": Words(["Order Date", "Order ID", "Customer", "Region", "Sales Rep", "Product Line", "Channel",
                 "Quantity", "Revenue", "Cost"],
                ("South", "East", "West"), (("farid", "gwen", "hugo"), ("ines", "jon"), ("kai", "lena", "moss")),
                ("Acme", "Betasoloin", "Corvid Metals", "Dalton Foods", "Esker Labs", "Fenwick", "Gorse & Co",
                 "Halden", "Isdom", "Jarrow Print", "Kestrel", "Lumen Retail"),
                ("Direct", "Partner", "Online")),
    "zh": Words(["订单日期", "订单号", "客户", "区域", "销售员", "产品线", "渠道", "数量", "销售额", "成本"],
                ("华南", "华东", "西部"), (("周杰", "吴静", "郑浩"), ("孙丽", "钱坤"), ("冯涛", "褚红", "卫东")),
                ("远航物流", "北辰钢铁", "金穗食品", "云帆科技", "恒通印务", "长青医药", "瑞丰机械", "海川贸易",
                 "天工电子", "华美家居", "新源能源", "博雅教育"),
                ("直销", "渠道伙伴", "线上")),
}


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


def write_past_sales(path: Path, before: date, region: str = "North",
                     reps: Sequence[str] = ("ali", "bea", "chen", "dev", "emma"), lang: str = "en",
                     seed: int = 11) -> Path:
    """Write the CSV to `path` and return it: the team's `region` and `reps` and three other
    regions, in `lang`'s words."""
    rng = random.Random(seed)
    words = WORDS.get(lang, WORDS["en"])
    regions = [(region, TEAM_QUARTERS, tuple(reps) or ("rep",), COST_SHARE[0])]
    regions += [(name, totals, names, cost) for name, totals, names, cost
                in zip(words.regions, OTHER_QUARTERS, words.reps, COST_SHARE[1:])]
    rows: list[list[object]] = []
    for q, (start, end) in enumerate(previous_quarters(before)):
        days = (end - start).days + 1
        for r, (name, totals, names, cost_share) in enumerate(regions):
            total = totals[q]
            count = max(1, total // MEAN_LINE)
            weights = []
            lines = []
            for _ in range(count):
                line = rng.choice(list(LINES))
                # GTX Plus fades in the team's region: a weak spot for the diagnosis to find.
                fade = 0.55 ** q if (r == 0 and line == "GTX Plus") else 1.0
                weights.append(rng.uniform(0.3, 1.7) * fade)
                lines.append(line)
            share = [round(total * w / sum(weights), 2) for w in weights]
            share[-1] = round(total - sum(share[:-1]), 2)  # the quarter's total is exact
            for n, (line, amount) in enumerate(zip(lines, share)):
                quantity = max(1, round(amount / LINES[line]))
                rows.append([(start + timedelta(days=rng.randrange(days))).isoformat(),
                             f"SO-{q + 1}{r}{n + 1:04d}", f"{name} {rng.choice(words.customers)}", name,
                             rng.choice(names), line, rng.choice(words.channels), quantity, f"{amount:.2f}",
                             f"{amount * rng.uniform(*cost_share):.2f}"])
    rows.sort(key=lambda row: (row[0], row[1]))
    # utf-8-sig: behind a byte-order mark, as every CSV Uplift writes to a file for a spreadsheet
    # (tui.cli_output.print_csv): Excel on Windows reads the Chinese sample's headers without it
    # as mojibake. Uplift's own reader, pandas and csv with encoding="utf-8-sig" skip it.
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(words.headers)
        writer.writerows(rows)
    return path
