"""The end-of-cycle review as a Markdown report a lead can send as it is (`uplift review export`).

Every piece of user text goes through `md()`: control characters stripped, line breaks folded,
and the characters that would turn text into Markdown structure escaped (a `|` would split a
table cell, a leading `#` make a heading, `[x](y)` a link, `<b>` HTML, `*x*` emphasis).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sales.goals import number, with_unit
from sales.payout import Statement, money, pct
from sales.review import GoalResult, LeaderRow, ProcessMetrics
from sales.text import clean_line
from sales.winloss import WinLoss

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
    win_loss: WinLoss | None = None


def _approval(s: Statement) -> str:
    """The statement's sign-off, in the report's words (English, as the report is)."""
    from sales.approvals import same_as_approved, to_pay

    a = s.approval
    if s.plan is None:
        return "no incentive plan: nothing to approve"
    if a is None:
        return "**not approved yet**"
    said = f"approved by {md(a.by)} on {a.at:%Y-%m-%d} ({a.id}): {money(a.total)}"
    if a.paid_at is not None:
        said += f"; paid on {a.paid_at:%Y-%m-%d}" + (f" ({md(a.paid_ref)})" if a.paid_ref else "")
    elif s.paid is not None:
        said += f"; {money(s.paid)} paid before, {money(to_pay(a, s.paid) or 0)} to pay"
    else:
        said += "; not paid yet"
    return said if same_as_approved(a, s) else f"{said}; **changed since**: {money(s.total)} now"


def findings(goals: Sequence[GoalResult], process: ProcessMetrics, lost: WinLoss | None = None) -> list[str]:
    """Plain-words findings: which goals were met, missed or have no data; what most was lost to."""
    lines = []
    for g in goals:
        if g.target is None:
            lines.append(f"{g.goal} has no target to measure against.")
        elif g.actual is None:
            lines.append(f"{g.goal} has no actual to compare with its target ({g.source}).")
        elif g.gap is not None and g.gap <= 0:
            lines.append(f"{g.goal} met its target ({_attained(g.attainment)}).")
        else:
            short = f"{number(g.gap)} points" if g.unit == "%" else _num(g.gap, g.unit)
            lines.append(f"{g.goal} missed its target by {short} ({_attained(g.attainment)}).")
    if process.win_rate is not None:
        lines.append(f"Win rate over the cycle: {pct(process.win_rate)}.")
    if lost is not None and lost.reasons:
        top = lost.reasons[0]
        lines.append(f"Most of the value lost went to {top.name}: {pct(top.share)} "
                     f"({', '.join(top.deals)}).")
    return lines


def _attained(attainment: float | None) -> str:
    """`86.3% attained`; a goal whose actual and target have opposite signs (or are zero) has
    no share of its target to say."""
    return "attainment not measurable" if attainment is None else f"{pct(attainment)} attained"


def _lost(result: WinLoss | None) -> list[str]:
    """Why deals were lost in the cycle, and at which stage (sales/winloss.py)."""
    if result is None or not result.total.lost:
        return []
    out = ["", "## Why deals were lost", "", "| Reason | Deals | Value lost | Share |", "|---|---|---:|---:|"]
    out += [f"| {md(r.name)} | {', '.join(r.deals)} | {_num(r.value)} | {pct(r.share)} |" for r in result.reasons]
    if result.no_reason:
        out.append(f"| no reason given | {', '.join(result.no_reason)} | "
                   f"{_num(result.total.lost_value - sum(r.value for r in result.reasons))} | |")
    where = ", ".join(f"{md(r.name)} {len(r.deals)}" for r in result.lost_at)
    return [*out, "", f"Lost at (the stage before): {where}."]


def render(data: ReviewData) -> str:
    out = [f"# Review: {md(data.title)}", ""]
    if data.period:
        out += [f"Period: {md(data.period)}", ""]
    out += ["## Goals: target and actual", "",
            "| Goal | Metric | Target | Actual | Attainment | Gap | Source |",
            "|---|---|---:|---:|---:|---:|---|"]
    for g in data.goals:
        out.append(f"| {md(g.goal)} {md(g.title)} | {md(g.metric) or '–'} | {_num(g.target, g.unit)} | "
                   f"{_num(g.actual, g.unit)} | {_pct(g.attainment)} | {_num(g.gap, g.unit)} | {md(g.source)} |")
    p = data.process
    out += ["", "## Process metrics", "", "| Metric | Value |", "|---|---:|",
            f"| Won value | {_num(p.won_value)} |", f"| Deals won | {p.won_deals} |",
            f"| New customers | {p.new_customers} |", f"| Activities | {p.activities} |",
            f"| Win rate | {_pct(p.win_rate)} |",
            f"| Customer satisfaction | {_num(p.csat) + ' (' + md(p.csat_source) + ')' if p.csat is not None else 'not recorded'} |",
            "", "## Findings", ""]
    out += [f"- {md(line)}" for line in data.findings] or ["- None."]
    out += _lost(data.win_loss)
    out += ["", "## Gap analysis", ""]
    for n, (question, answer) in enumerate(data.answers, 1):
        out += [f"{n}. **{md(question)}**", f"   {md(answer) if answer else '_Not answered._'}"]
    out += ["", "## Leaderboard", "", "| Rank | Rep | Attainment | Won value | Activities |", "|---:|---|---:|---:|---:|"]
    out += [f"| {r.rank} | {md(r.rep)} | {_pct(r.attainment)} | {_num(r.won_value)} | {r.activities} |"
            for r in data.leaderboard]
    out += ["", "## Payouts", ""]
    for s in data.payouts:
        out += [f"### {md(s.rep)}: {money(s.total)}", ""]
        out += [f"- {md(line.text)}" for line in s.lines]
        if s.recognition:
            out.append(f"- recognition: {', '.join(md(r) for r in s.recognition)}")
        out.append(f"- {_approval(s)}")
        out.append("")
    if data.checklist:
        out += ["## End-of-cycle checklist", ""]
        out += [f"- [{'x' if done else ' '}] {md(text)}" for text, done in data.checklist]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
