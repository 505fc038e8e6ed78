"""Goals, strategies and budget as plain text (command line) and as builtins (--json).

Everything printed goes through sales.text.safe (via cli_output.table or here).
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from sales.budget import BudgetLine, SpendEntry, Totals, money, spent_on
from sales.numbers import cents
from sales.goals import (
    CONFIDENCE_LABELS,
    DIMENSION_LABELS,
    DIRECTION_LABELS,
    OUTCOME_LABELS,
    Strategy,
    describe_target,
    money_unit,
    number,
    with_unit,
)
from sales.pace import describe_expected, describe_value, percent
from sales.rollup import ROLLUP_MARKS
from sales.text import display_width, safe
from tui.cli_output import pad, table
from tui.goal_text import (carried_text, closing_text, metric_text, outcome_text, points_word, reason_text, scope_text,
                           source_cell, source_text, standing_text)
from tui.i18n import N_, _, bracketed, enumerated, say
from tui.time_text import when

#: `budget list`'s columns after ID.
BUDGET_COLUMNS = (N_("Status"), N_("Category"), N_("Requested"), N_("Approved"), N_("Spent"), N_("For"), N_("By"),
                  N_("Title"))
#: Which of them a narrow terminal leaves out first: ID, status, what was approved and the title stay.
BUDGET_LEAST_FIRST = (N_("Category"), N_("By"), N_("Requested"), N_("For"), N_("Cycle"), N_("Spent"))


def badges(verdicts) -> str:
    """`S M · R T`: the letters that pass, a dot for each that fails."""
    return " ".join(v.letter if v.passed else "·" for v in verdicts)


def report_json(report) -> dict:
    pace = report.pace
    return {**msgspec.to_builtins(report.goal),
            "smart": {v.letter: {"passed": v.passed, "reason": v.reason} for v in report.verdicts},
            "progress": pace.progress, "expected": pace.expected, "current": pace.current,
            "expected_value": pace.expected_value, "behind": pace.behind,
            "strategies": [s.id for s in report.strategies],
            "contributions": msgspec.to_builtins(report.current.contributions),
            "measured": str(report.current.measured) or None,  # with no check-in: the snapshot it stands at
            "checkins": msgspec.to_builtins(report.checkins),
            "status": report.status}


#: `goal list`'s columns after ID and SMART; `strategy list`'s after ID.
GOAL_COLUMNS = (N_("At"), N_("Expected"), N_("Source"), N_("Owner"), N_("For"), N_("Title"))
STRATEGY_COLUMNS = (N_("Dimension"), N_("Goals"), N_("Tasks"), N_("Approved"), N_("Spent"), N_("Title"))
#: Which columns a narrow terminal leaves out first (by index, cli_output.table). `goal list`:
#: where the figure came from, the goal it serves, the SMART badges, the owner, the expected pace;
#: ID, how far along and the title stay. `strategy list`: the dimension, the money, the tasks.
GOAL_LEAST_FIRST = (4, 6, 1, 5, 3)
STRATEGY_LEAST_FIRST = (1, 5, 4, 3, 2)


def goal_rows(reports: Sequence) -> str:
    rows = []
    for r in reports:
        done = ("" if r.pace.progress is None else percent(r.pace.progress)) + ROLLUP_MARKS.get(r.goal.rollup, "")
        # a closed goal says how it ended, one past its deadline that it ended: no pace is expected of them
        expected = (outcome_text(r.goal.closed.outcome) if r.goal.closed else _("ended") if r.ended
                    else "" if r.pace.expected is None else percent(r.pace.expected))
        rows.append([r.goal.id, badges(r.verdicts), done, expected, source_cell(r), r.goal.owner or "",
                     r.goal.parent or "",
                     r.goal.title])
    return table(["ID", "SMART"] + [_(name).upper() for name in GOAL_COLUMNS], rows, least_first=GOAL_LEAST_FIRST)


def smart_legend() -> str:
    """The line under `goal list`'s table that reads its SMART letters (a dot is a letter that fails)."""
    from sales.smart import NAMES

    letters = enumerated(f"{letter} {_(name)}" for letter, name in NAMES.items())
    return _("SMART: {letters}; · fails (`uplift goal show ID` says why)").format(letters=letters)


def _label(name: str) -> str:
    """`  owner     `: a detail line's label in the interface's language, in a column 10 cells wide."""
    text = _(name)
    return "  " + text + " " * max(1, 10 - display_width(text))


def strategy_cost(strategy_id: str, money_of: dict[str, tuple[float, float]], unit: str = "") -> str:
    """`budget 6,000 approved, 3,340 spent`, on the line under a strategy's title ("" with no
    budget line: no line under it); `unit`: the goal's, written after the amounts where it is a
    currency (`$6,000`, `6,000 元`: as the goal's own amounts read above them)."""
    if strategy_id not in money_of:
        return ""
    approved, spent = money_of[strategy_id]
    unit = money_unit(unit)
    return _("budget {approved} approved, {spent} spent").format(approved=with_unit(money(approved), unit),
                                                                  spent=with_unit(money(spent), unit))


def closed_mark(goal) -> str:
    """` · closed, partly achieved` for a closed goal (a contributor listed with the rest), else ""."""
    if goal.closed is None:
        return ""
    return " · " + _("closed, {outcome}").format(outcome=_(OUTCOME_LABELS[goal.closed.outcome]))


def goal_detail(report, history, contributing=(), money_of: dict[str, tuple[float, float]] | None = None,
                carried_on_as: Sequence[str] = ()) -> str:
    """A goal in full, in the interface's language (its data as typed); `contributing`: the
    reports of the goals that contribute to it; `money_of`: what each strategy costs;
    `carried_on_as`: the later cycles' goals that carry it on (`goal carry`)."""
    goal, pace = report.goal, report.pace
    verbs = {direction: _(label) for direction, label in DIRECTION_LABELS.items()}
    lines = [f"{goal.id}  {goal.title}",
             _label(N_("owner")) + (goal.owner or "–")]
    if goal.parent:
        lines.append(_label(N_("for")) + _("{goal} (it contributes to that goal)").format(goal=goal.parent))
    if goal.carried_from:
        lines.append("  " + carried_text(goal))
    if carried_on_as:
        lines.append("  " + _("carried on into the next cycle as {goals}").format(goals=enumerated(carried_on_as)))
    lines += [_label(N_("metric")) + (metric_text(goal.metric) or "–") + (bracketed(goal.unit) if goal.unit else ""),
              _label(N_("scope")) + (scope_text(goal.scope) or "–"),
              _label(N_("baseline")) + describe_value(goal.baseline, goal.unit)
              + (_("  [{source}]").format(source=goal.baseline_source) if goal.baseline_source else ""),
              _label(N_("target")) + describe_target(goal, verbs, points_word(), _(" ({note})")),
              _label(N_("period")) + f"{goal.start or '–'} → {goal.deadline or '–'}"]
    lines += [_label(N_("sub-target")) + s.text for s in goal.subtargets]
    if goal.description:
        first, *rest = goal.description.strip().splitlines()
        lines.append(_label(N_("about")) + first)
        lines += [f"            {line}" for line in rest]
    lines.append("  SMART")
    verdict = {True: _("pass"), False: _("FAIL")}  # (padded alike: `通过` is two cells short of `未通过`)
    wide = max(map(display_width, verdict.values()))
    lines += [f"    {v.letter} {pad(verdict[v.passed], wide)}  {reason_text(v, goal)}" for v in report.verdicts]
    if contributing:
        lines.append("  " + _("contributing"))
        for r in contributing:
            at = "–" if r.pace.progress is None else percent(r.pace.progress)
            lines.append(f"    {r.goal.id}  {r.goal.owner or '–'}  {describe_value(r.pace.current, r.goal.unit)}  "
                         + _("at {progress}").format(progress=at) + closed_mark(r.goal) + f"  {r.goal.title}")
    source = source_text(report.current, goal.unit, number, then=_('; '))
    if goal.closed is None:
        lines.append(_label(N_("now")) + f"{describe_value(pace.current, goal.unit)}{source}{_('; ')}"
                     f"{standing_text(report)}")
    else:  # its final score, as it was closed
        lines.append(_label(N_("outcome")) + closing_text(report))
        if goal.closed.note:
            first, *rest = goal.closed.note.strip().splitlines()
            lines.append(_label(N_("why")) + first)
            lines += [f"            {line}" for line in rest]
    if pace.expected_value is not None and goal.closed is None and not report.ended:
        lines.append(_label(N_("by now")) + _("should be {value} at a steady pace").format(
            value=describe_expected(pace.expected_value, goal.unit)))
    # one per line: a strategy's title may hold commas of its own
    lines.append("  " + _("strategies") + ("".join(f"\n    {s.id}  {s.title}" + (f"\n{' ' * (6 + len(s.id))}{cost}"
                                                                     if (cost := strategy_cost(s.id, money_of or {}, goal.unit))
                                                                     else "")
                                                   for s in report.strategies)
                                          or " " + _("none")))
    if report.checkins:
        lines.append("  " + _("check-ins"))
        # with the goal's unit, as `now` above says it (`34.5%`, `$1,262,000`), not a bare 34.5
        lines += [f"    {c.id}  {when(c.at.isoformat())}  {c.by}  {describe_value(c.value, goal.unit)}  "
                  f"{_(CONFIDENCE_LABELS[c.confidence])}" + (f"  {c.comment}" if c.comment else "")
                  for c in report.checkins]
    if history:
        from sales.activity import describe

        lines.append("  " + _("history"))
        lines += [f"    {when(r.at)}  {r.actor}  {say(describe(r))}" for r in history]
    return safe("\n".join(lines))


def strategy_rows(strategies: Sequence[Strategy], tasks_by_strategy: dict[str, int],
                  money_of: dict[str, tuple[float, float]]) -> str:
    """`money_of`: each strategy's (approved, spent) budget (board.strategy_money); "–" for one
    with no budget line."""
    rows = [[s.id, _(DIMENSION_LABELS[s.dimension]), enumerated(s.goals) or "–",
             str(tasks_by_strategy.get(s.id, 0)),
             *((money(money_of[s.id][0]), money(money_of[s.id][1])) if s.id in money_of else ("–", "–")),
             s.title] for s in strategies]
    return table(["ID"] + [_(name).upper() for name in STRATEGY_COLUMNS], rows, least_first=STRATEGY_LEAST_FIRST)


def line_json(line: BudgetLine, entries: Sequence[SpendEntry]) -> dict:
    return {**msgspec.to_builtins(line), "spent": spent_on(line.id, entries)}


def budget_rows(lines: Sequence[BudgetLine], entries: Sequence[SpendEntry], cycles: bool = False,
                own: frozenset[str] | None = None) -> str:
    """The lines, each with what was spent on it (`entries`: the spending counted, the cycle's).
    A line of another cycle (not in `own`), shown for money spent on it in this one, has its
    request and approval counted in its own cycle ("–" here), and a Cycle column says which;
    `cycles`: that column for every line (`budget list --all`)."""
    mine = own if own is not None else frozenset(line.id for line in lines)
    cycles = cycles or any(line.id not in mine for line in lines)
    rows = [[line.id, _(line.status), _(line.category), money(line.requested) if line.id in mine else "–",
             money(line.approved) if line.status == "approved" and line.id in mine else "–",
             money(spent_on(line.id, entries)), line.strategy or line.task or "", line.requested_by,
             *([line_cycle(line)] if cycles else []), line.title] for line in lines]
    columns = BUDGET_COLUMNS[:-1] + ((N_("Cycle"),) if cycles else ()) + BUDGET_COLUMNS[-1:]
    least = [columns.index(name) + 1 for name in BUDGET_LEAST_FIRST if name in columns]
    return table(["ID"] + [_(name).upper() for name in columns], rows, least_first=least)


def line_cycle(line: BudgetLine) -> str:
    """The cycle a line is of, short (`2026-10-01–12-31`; its year again when it ends in another),
    else the day it was requested, else "–" (a line from before lines were dated)."""
    start, end = line.cycle_start, line.cycle_end
    if start and end:
        return f"{start}–{end:%m-%d}" if start.year == end.year else f"{start}–{end}"
    return str(line.requested_on or "–")


def line_detail(line: BudgetLine, entries: Sequence[SpendEntry]) -> str:
    """A budget line in full, with each spend on it (their ids, to take one back with
    `budget unspend`) and what is left of what was approved."""
    spent = spent_on(line.id, entries)
    decided = {"approved": N_("approved by {name}: {reason}"), "rejected": N_("rejected by {name}: {reason}")}
    status = _(decided[line.status]).format(name=line.decided_by or "–", reason=line.reason) \
        if line.status in decided else _(line.status)
    lines = [f"{line.id}  {line.title}",
             _label(N_("status")) + status,
             _label(N_("category")) + _(line.category),
             _label(N_("for")) + (line.strategy or line.task or "–"),
             _label(N_("requested")) + _("{amount} by {name}").format(amount=money(line.requested),
                                                                        name=line.requested_by)]
    if line.status == "approved":
        lines.append(_label(N_("approved")) + money(line.approved))
        left = cents(line.approved - spent)
        lines.append(_label(N_("spent")) + (_("{spent} ({left} left)").format(spent=money(spent), left=money(left))
                                            if left >= 0 else
                                            _("{spent} ({over} over)").format(spent=money(spent), over=money(-left))))
    else:
        lines.append(_label(N_("spent")) + money(spent))
    if line.note:
        first, *rest = line.note.strip().splitlines()
        lines.append(_label(N_("about")) + first)
        lines += [f"            {text}" for text in rest]
    mine = [e for e in entries if e.line == line.id]
    lines.append("  " + _("spending") + ("" if mine else " " + _("none")))
    lines += [f"    {e.id}  {e.on}  {money(e.amount)}  {e.by}" + (f"  {e.note}" if e.note else "") for e in mine]
    return safe("\n".join(lines))


def totals_line(totals: Totals, every: bool = False, more: str = "") -> str:
    """The totals against the plan's budget, and which lines they count (`more`: how to read the
    other cycles' lines, said when there are some)."""
    budget = "" if every else (_("no plan budget set") if totals.budget is None else _("plan budget {amount}").format(
        amount=money(totals.budget))) + " · "
    text = budget + _("approved {approved} · spent {spent} · waiting {waiting}").format(
        approved=money(totals.approved), spent=money(totals.spent), waiting=money(totals.requested))
    if totals.left is not None and totals.left < 0:  # more approved than the plan's budget
        text += " · " + _("{amount} over the plan's budget").format(amount=money(-totals.left))
    elif totals.left is not None:
        text += " · " + _("{amount} left to approve").format(amount=money(totals.left))
    return text + cycle_note(totals, every, more or _("`uplift budget list --all` lists them"))


def cycle_note(totals: Totals, every: bool = False, more: str = "") -> str:
    """Which lines the totals count: the cycle's (its dates), and how many of other cycles they
    leave out; or every cycle's ("" on a board without cycle dates and nothing left out)."""
    if every:
        return " · " + _("every cycle's lines")
    if totals.start is None or totals.end is None:
        return ""
    text = " · " + _("lines of the cycle {start} to {end}").format(start=totals.start, end=totals.end)
    if totals.other_cycles:
        text += " · " + _("{count} of other cycles not counted ({more})").format(count=totals.other_cycles,
                                                                               more=more)
    return text
