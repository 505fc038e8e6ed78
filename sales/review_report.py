"""The end-of-cycle review as a Markdown report a lead can send as it is (`uplift review export`).

Every piece of user text goes through `md()`: control characters stripped, line breaks folded,
and the characters that would turn text into Markdown structure escaped (a `|` would split a
table cell, a leading `#` make a heading, `[x](y)` a link, `<b>` HTML, `*x*` emphasis).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sales.errors import Word
from sales.goals import OUTCOME_LABELS, number, with_unit
from sales.payout import Statement, money, pct
from sales.phrases import Phrase, Say
from sales.review import GoalResult, LeaderRow, ProcessMetrics
from sales.strategy_results import StrategyResult, strategy_findings, times
from sales.text import clean_line
from sales.winloss import WinLoss, stage_label

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ORDERED = re.compile(r"^(\d+)([.)])")  # `1. ` would start an ordered list



def md(text: object) -> str:
    """User text as literal Markdown inline text."""
    escaped = _SPECIAL.sub(r"\\\1", clean_line(str(text)))
    if escaped[:1] in ("-", "=", "+", "#"):  # a list item, heading or underline at a line's start
        escaped = "\\" + escaped
    return _ORDERED.sub(r"\1\\\2", escaped)


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    return with_unit(number(value), md(unit))


def _baseline(g: GoalResult) -> str:
    """Where the goal started, and from what (`$1,200,000 (diagnosis 2026-Q3)`): the cycle's
    result read against the diagnosis it began from."""
    if g.baseline is None:
        return "–"
    said = _num(g.baseline, g.unit)
    return f"{said} ({md(g.baseline_source)})" if g.baseline_source else said


def _gap(g: GoalResult, say: Say) -> str:
    """A goal's gap in its unit; for a goal in percent, in points (`5.5 pts`: 34.5% against 40%
    is 5.5 points short, not 5.5% short), as `uplift review` says it."""
    if g.gap is None or g.unit != "%":
        return _num(g.gap, g.unit)
    return say(Phrase("{n} pts", n=number(g.gap)))


def _pct(value: float | None) -> str:
    return "–" if value is None else pct(value)


@dataclass
class ReviewData:
    title: str
    period: str
    goals: Sequence[GoalResult]
    process: ProcessMetrics
    findings: Sequence[str]
    answers: Sequence[tuple[str, str]]
    payouts: Sequence[Statement]
    leaderboard: Sequence[LeaderRow]
    checklist: Sequence[tuple[str, bool]] = field(default_factory=list)
    strategies: Sequence[StrategyResult] = field(default_factory=list)
    win_loss: WinLoss | None = None
    written: str = ""  # when and by whom (a Phrase)


def _moved(s: Statement, say: Say) -> list[str]:
    """Under an approval the statement no longer matches, what moved: each line approved that it
    no longer says, and each it says that was not approved, as `uplift payout` lists them (a
    report that says "changed since" and not why sends its reader back to the command line)."""
    from sales.approvals import changes_since, same_as_approved

    a = s.approval
    if a is None or same_as_approved(a, s):
        return []
    gone, new = changes_since(a, s)
    return ([say(Phrase("since {id}, no longer: {line}", id=a.id, line=line.shown())) for line in gone]
            + [say(Phrase("since {id}, new: {line}", id=a.id, line=line.text)) for line in new])


def _approval(s: Statement, say: Say) -> str:
    """The statement's sign-off, in the report's words."""
    from sales.approvals import same_as_approved, to_pay, waits_for_approval

    a = s.approval
    if s.plan is None:
        return say(Phrase("no incentive plan: nothing to approve"))
    if a is None and not waits_for_approval(s):  # (not approved, nor asked for: sales.approvals)
        return say(Phrase("nothing to approve: every amount 0.00"))
    if a is None:
        return "**" + say(Phrase("not approved yet")) + "**"
    given = dict(by=md(a.by), day=f"{a.at:%Y-%m-%d}", id=a.id, total=money(a.total))
    if a.paid_at is not None:
        paid = dict(given, paid=f"{a.paid_at:%Y-%m-%d}")
        said = say(Phrase("approved by {by} on {day} ({id}): {total}; paid on {paid} ({ref})",
                          ref=md(a.paid_ref), **paid) if a.paid_ref else
                   Phrase("approved by {by} on {day} ({id}): {total}; paid on {paid}", **paid))
    elif s.overpaid:  # (approved again lower than was paid: carried on)
        said = say(Phrase("approved by {by} on {day} ({id}): {total}; {before} paid before, {rest} to pay; "
                          "{beyond} paid beyond it, carried into the next cycle not yet paid as a balance of {balance}",
                          before=money(s.paid), rest=money(to_pay(a, s.paid) or 0),
                          beyond=money(-s.overpaid), balance=money(s.overpaid), **given))
    elif s.paid is not None:
        said = say(Phrase("approved by {by} on {day} ({id}): {total}; {before} paid before, {rest} to pay",
                          before=money(s.paid), rest=money(to_pay(a, s.paid) or 0), **given))
    else:
        said = say(Phrase("approved by {by} on {day} ({id}): {total}; not paid yet", **given))
    if same_as_approved(a, s):
        return said
    return say(Phrase("{approval}; **changed since**: {total} now", approval=said, total=money(s.total)))


def findings(goals: Sequence[GoalResult], process: ProcessMetrics, lost: WinLoss | None = None,
             strategies: Sequence[StrategyResult] = ()) -> list[Phrase]:
    """Plain-words findings: which goals were met, missed or have no data; what most was lost to;
    which strategy brought the most for its money, and which spent with nothing won."""
    lines = []
    for g in goals:
        if g.outcome == "dropped":  # no longer pursued: no target to have met or missed
            lines.append(Phrase("{goal} was dropped: {note}", goal=g.goal, note=_one_line(g.closing_note))
                         if g.closing_note
                         else Phrase("{goal} was dropped.", goal=g.goal))
            continue
        if g.target is None:
            lines.append(Phrase("{goal} has no target to measure against.", goal=g.goal))
        elif g.actual is None:
            lines.append(Phrase("{goal} has no actual to compare with its target ({source}).",
                                goal=g.goal, source=g.source))
        elif g.gap is not None and g.gap <= 0:
            lines.append(Phrase("{goal} met its target ({attained}).", goal=g.goal, attained=_attained(g.attainment)))
        else:
            short = Phrase("{gap} points", gap=number(g.gap)) if g.unit == "%" else _num(g.gap, g.unit)
            lines.append(Phrase("{goal} missed its target by {short} ({attained}).",
                                goal=g.goal, short=short, attained=_attained(g.attainment)))
        if g.outcome is not None:  # the one who closed it judged it so, and may have said why
            outcome = Word(OUTCOME_LABELS.get(g.outcome, g.outcome))
            lines.append(Phrase("{goal} was closed as {outcome}: {note}", goal=g.goal, outcome=outcome,
                                note=_one_line(g.closing_note)) if g.closing_note else
                         Phrase("{goal} was closed as {outcome}.", goal=g.goal, outcome=outcome))
    if process.win_rate is not None:
        lines.append(Phrase("Win rate over the cycle: {rate}.", rate=pct(process.win_rate)))
    if lost is not None and lost.reasons:
        top = lost.reasons[0]
        lines.append(Phrase("Most of the value lost went to {reason}: {share} ({deals}).",
                            reason=top.name, share=pct(top.share), deals=", ".join(top.deals)))
    return lines + strategy_findings(strategies)


def _one_line(text: str) -> str:
    """A note of several lines as one finding's line (a list item of the report stays one item)."""
    return " ".join(text.split())


def _attained(attainment: float | None) -> Phrase:
    """`86.3% attained`; a goal whose actual and target have opposite signs (or are zero) has
    no share of its target to say."""
    if attainment is None:
        return Phrase("attainment not measurable")
    return Phrase("{share} attained", share=pct(attainment))


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _head(say: Say, *names: Phrase) -> str:
    """A table's header row, each name said."""
    return _row(*map(say, names))


def _awards(row: LeaderRow, say: Say) -> str:
    """A row's recognition as `uplift leaderboard` writes it: a private award marked so (the row
    holds it only for a reader of the rep's pay, the one who writes the report: Board.leaderboard)."""
    return ", ".join(say(Phrase("{award} (private)", award=md(a.award))) if a.private else md(a.award)
                     for a in row.recognition)


def _leaderboard(rows: Sequence[LeaderRow], say: Say) -> list[str]:
    """The leaderboard, with a Recognition column where anyone earned an award (as `uplift
    leaderboard` has it; a board without awards keeps its table)."""
    awarded = any(r.recognition for r in rows)
    names = [Phrase("Rank"), Phrase("Rep"), Phrase("Attainment"), Phrase("Won value"), Phrase("Activities")]
    out = ["", "## " + say(Phrase("Leaderboard")), "",
           _head(say, *names, *[Phrase("Recognition")] * awarded), "|---:|---|---:|---:|---:|" + "---|" * awarded]
    out += [_row(str(r.rank), md(r.rep), _pct(r.attainment), _num(r.won_value), str(r.activities),
                 *[_awards(r, say) or "–"] * awarded) for r in rows]
    return out


def _lost(result: WinLoss | None, say: Say) -> list[str]:
    """Why deals were lost in the cycle, and at which stage (sales/winloss.py)."""
    if result is None or not result.total.lost:
        return []
    out = ["", "## " + say(Phrase("Why deals were lost")), "",
           _head(say, Phrase("Reason"), Phrase("Deals"), Phrase("Value lost"), Phrase("Share")), "|---|---|---:|---:|"]
    out += [_row(md(r.name), ", ".join(r.deals), _num(r.value), pct(r.share)) for r in result.reasons]
    if result.no_reason:
        out.append(_row(say(Phrase("no reason given")), ", ".join(result.no_reason),
                        _num(result.total.lost_value - sum(r.value for r in result.reasons))) + " |")  # (no share)
    where = ", ".join(f"{md(say(stage_label(r.name)))} {len(r.deals)}" for r in result.lost_at)
    return [*out, "", say(Phrase("Lost at (the stage before): {where}.", where=where))]


def _strategies(results: Sequence[StrategyResult], say: Say) -> list[str]:
    """What each strategy brought: the deals it brought or its tasks worked on that were won, against its spend."""
    if not results:
        return []
    out = ["", "## " + say(Phrase("What each strategy brought")), "",
           _head(say, Phrase("Strategy"), Phrase("Tasks done"), Phrase("Deals"), Phrase("Won"),
                 Phrase("Won value"), Phrase("Spent"), Phrase("Return")), "|---|---:|---:|---|---:|---:|---:|"]
    out += [_row(f"{md(r.strategy)} {md(r.title)}", f"{r.done} / {r.tasks}", str(len(r.deals)),
                 ", ".join(r.won) or "–", _num(r.won_value), _num(r.spent), times(r.returned)) for r in results]
    return [*out, "", say(Phrase("A deal counts for the strategy that brought it (its strategy), else for each "
                                      "strategy whose tasks worked on it (a task's deal)."))]


def render(data: ReviewData, say: Say = str) -> str:
    """The report, each of its own words said by `say` (default: English); user text as typed."""
    out = ["# " + say(Phrase("Review: {title}", title=md(data.title))), ""]
    if data.period:
        out += [say(Phrase("Period: {period}", period=md(say(data.period)))), ""]
    if data.written:
        out += [md(say(data.written)), ""]
    out += ["## " + say(Phrase("Goals: target and actual")), "",
            _head(say, Phrase("Goal"), Phrase("Metric"), Phrase("Baseline"), Phrase("Target"), Phrase("Actual"),
                  Phrase("Attainment"), Phrase("Gap"), Phrase("Source")),
            "|---|---|---:|---:|---:|---:|---:|---|"]
    for g in data.goals:
        out.append(_row(f"{md(g.goal)} {md(g.title)}", md(g.metric.replace("_", " ")) or "–", _baseline(g),
                        _num(g.target, g.unit), _num(g.actual, g.unit), _pct(g.attainment), _gap(g, say),
                        md(say(g.source))))
    p = data.process
    csat = f"{_num(p.csat)} ({md(say(p.csat_source))})" if p.csat is not None else say(Phrase("not recorded"))
    metrics = [(Phrase("Won value"), _num(p.won_value)), (Phrase("Deals won"), str(p.won_deals)),
               (Phrase("New customers"), str(p.new_customers)), (Phrase("Activities"), str(p.activities)),
               (Phrase("Win rate"), _pct(p.win_rate)), (Phrase("Customer satisfaction"), csat),
               (Phrase("Budget spent"), _num(p.spent)), (Phrase("Spent per deal won"), _num(p.spent_per_won))]
    out += ["", "## " + say(Phrase("Process metrics")), "", _head(say, Phrase("Metric"), Phrase("This cycle")), "|---|---:|"]
    out += [_row(say(name), value) for name, value in metrics]
    out += _strategies(data.strategies, say)
    out += ["", "## " + say(Phrase("Findings")), ""]
    out += [f"- {md(say(line))}" for line in data.findings] or ["- " + say(Phrase("None."))]
    out += _lost(data.win_loss, say)
    out += ["", "## " + say(Phrase("Gap analysis")), ""]
    for n, (question, answer) in enumerate(data.answers, 1):
        out += [f"{n}. **{md(say(question))}**",
                f"   {md(answer) if answer else '_' + say(Phrase('Not answered.')) + '_'}"]
    out += _leaderboard(data.leaderboard, say)
    out += ["", "## " + say(Phrase("Payouts")), ""]
    for s in data.payouts:
        out += ["### " + say(Phrase("{rep}: {total}", rep=md(s.rep), total=money(s.total))), ""]
        if s.hold is not None:  # (a dispute: said first, as the statement says it)
            held = Phrase("on hold ({id}) since {day} by {by}", id=s.hold.id, day=f"{s.hold.at:%Y-%m-%d}",
                          by=md(s.hold.by))
            out.append("- **" + say(held) + "**: " + md(s.hold.reason))
        out += [f"- {md(say(line.text))}" for line in s.lines]
        if s.recognition:
            out.append("- " + say(Phrase("recognition: {names}", names=", ".join(md(r) for r in s.recognition))))
        out.append(f"- {_approval(s, say)}")
        out += [f"  - {md(line)}" for line in _moved(s, say)]
        out.append("")
    if data.checklist:
        out += ["## " + say(Phrase("End-of-cycle checklist")), ""]
        out += [f"- [{'x' if done else ' '}] {md(say(text))}" for text, done in data.checklist]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
