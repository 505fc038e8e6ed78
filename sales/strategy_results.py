"""What each strategy brought in a cycle: the deals it brought or its tasks worked on that were
won, against what was spent on it.

A deal tagged with the strategy (campaign) that brought it (`uplift deal edit D-4 --strategy
S-2`, as a CRM's deal source) counts for that strategy directly. A deal without one counts for a
strategy when one of the strategy's tasks works on it (`uplift task add "Send the quote" --deal
D-4 --strategy S-2`), as a CRM counts a campaign's influence on the deals it touched: such a deal
two strategies worked on counts for both, so the strategies' won values may add up to more than
the team's. A deal counts once for a strategy however many of its tasks work on it. What a
strategy spent is its budget lines' spending dated in the cycle, a line for one of its tasks
included (sales/budget.py `by_strategy`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import msgspec

from sales.goals import Strategy, number
from sales.ids import in_order
from sales.numbers import cents
from sales.phrases import Phrase
from sales.tasks import Task


class StrategyResult(msgspec.Struct):
    strategy: str
    title: str
    tasks: int  # its tasks
    done: int  # of them, done
    deals: list[str]  # the deals it brought (tagged with it) or, untagged, its tasks work on
    won: list[str]  # of those, won in the cycle
    won_value: float  # their value (each deal whole: influence, not credit)
    spent: float  # spent on it in the cycle
    returned: float | None  # won value per 1 spent (None: nothing spent)


def strategy_results(strategies: Sequence[Strategy], tasks: Iterable[Task], won: Mapping[str, float],
                     spent: Mapping[str, float], done: Collection[str] | None = None,
                     brought: Mapping[str, str | None] | None = None) -> list[StrategyResult]:
    """Each strategy's result, in the plan's order. `won`: the deals won in the cycle (id -> the
    deal's value); `spent`: strategy id -> what was spent on it in the cycle; `done`: the tasks
    done by the cycle's end (None: those done now); `brought`: the board's deals (id -> the
    strategy tagged on it, None for none). A tagged deal counts for its own strategy alone; an
    untagged one (or one `brought` does not name) for the strategies whose tasks work on it."""
    brought = brought or {}
    work: dict[str, list[Task]] = {}
    for task in tasks:
        if task.strategy:
            work.setdefault(task.strategy, []).append(task)
    tagged: dict[str, set[str]] = {}
    for deal, strategy in brought.items():
        if strategy:
            tagged.setdefault(strategy, set()).add(deal)
    results = []
    for s in strategies:
        own = work.get(s.id, [])
        linked = {t.deal for t in own if t.deal and not brought.get(t.deal)}
        deals = sorted(linked | tagged.get(s.id, set()), key=in_order)
        won_deals = [d for d in deals if d in won]
        value = cents(sum(won[d] for d in won_deals))
        money = cents(spent.get(s.id, 0.0))
        finished = sum(t.status == "done" if done is None else t.id in done for t in own)
        results.append(StrategyResult(s.id, s.title, len(own), finished, deals,
                                      won_deals, value, money, value / money if money else None))
    return results


def strategy_findings(results: Sequence[StrategyResult]) -> list[Phrase]:
    """Plain words on where the money worked: the strategy whose deals (brought or worked on) won
    the most value for what it spent, and each strategy that spent without one of its deals won."""
    lines = []
    paying = [r for r in results if r.returned]
    if len(paying) > 1:
        best = max(paying, key=lambda r: r.returned or 0.0)
        lines.append(Phrase("{strategy} brought the most for its money: {value} won on deals it brought or "
                            "worked on, {ratio} what was spent on it.", strategy=best.strategy,
                            value=number(best.won_value), ratio=times(best.returned)))
    for r in results:
        if r.spent and not r.won:
            lines.append(Phrase("{strategy} spent {spent} and no deal it brought or worked on was won in the cycle.",
                                strategy=r.strategy, spent=number(r.spent)))
    return lines


def times(ratio: float | None) -> str:
    """A return read at a glance: `12.4×` (won value per 1 spent), `–` where nothing was spent."""
    return "–" if ratio is None else f"{ratio:,.1f}×"
