"""The forecast (sales/forecast.py) in the interface's words, the same for `uplift forecast` and
the forecast screen: the title, the rows of the reps' and the months' tables, and the notes."""

from __future__ import annotations

from sales.forecast import OTHERS, Forecast, RepForecast, TrendPoint
from sales.payout import money
from tui.i18n import N_, _, bracketed, enumerated
from tui.number_text import num_or_dash, short_or_met, times_or_dash

REP_COLUMNS = (N_("Rep"), N_("Quota"), N_("Won"), N_("Commit"), N_("Best case"), N_("Weighted"),
               N_("Forecast"), N_("To go"), N_("Coverage"), N_("Payout"), N_("If commit"), N_("If best case"))
MONTH_COLUMNS = (N_("Month"), N_("Won"), N_("Open deals"), N_("Value"), N_("Weighted"), N_("Commit"))
TREND_COLUMNS = (N_("As of"), N_("Won"), N_("Commit"), N_("Best case"), N_("Weighted"), N_("Forecast"),
                 N_("Of quota"))
TREND_WEEKS = 8


def title(result: Forecast) -> str:
    if result.start or result.end:
        cycle = _("Forecast for the cycle {start} to {end}").format(start=result.start or "…", end=result.end or "…")
    else:
        cycle = _("Forecast (no cycle dates set: every dated open deal counts)")
    return (cycle + " · " + _("today {day}").format(day=result.today) + " · "
            + _("commit: open deals in a stage of {pct}% or more, or called commit").format(pct=result.commit_pct))


def _money_or_dash(value: float | None) -> str:
    return "–" if value is None else money(value)


def rep_cells(row: RepForecast, team: bool = False) -> list[str]:
    name = (_("team") if team else _("others") if row.rep == OTHERS
            else _("{rep} (left)").format(rep=row.rep) if row.left else row.rep)
    return [name, num_or_dash(row.quota), num_or_dash(row.won), num_or_dash(row.commit), num_or_dash(row.best_case),
            num_or_dash(row.weighted), num_or_dash(row.forecast), short_or_met(row.gap, _("met")),
            times_or_dash(row.coverage), _money_or_dash(row.payout), _money_or_dash(row.payout_commit),
            _money_or_dash(row.payout_best_case)]


def month_rows(result: Forecast) -> list[list[str]]:
    def named(m) -> str:
        if m.after_cycle:
            return m.month + bracketed(_("after the cycle"))
        return m.month + (bracketed(_("before the cycle")) if m.before_cycle else "")

    return [[named(m), num_or_dash(m.won), str(m.deals),
             num_or_dash(m.value), num_or_dash(m.weighted), num_or_dash(m.commit)] for m in result.months]


def trend_note(points: list[TrendPoint]) -> str | None:
    """Said under the history when its first weeks are empty because the board had no deal yet
    (they came from a plan file or a CSV later): the history starts when the deals did."""
    empty = [p for p in points if not p.deals]
    if not empty or len(empty) == len(points) or points[0].deals:
        return None
    first = next(p for p in points if p.deals)
    return _("The board had no deal before {day}: a board knows its deals from the day they reached it.").format(
        day=f"{first.at:%Y-%m-%d}" if first is not points[-1] else _("this week"))


def trend_rows(points: list[TrendPoint]) -> list[list[str]]:
    """The team's forecast as each week began (the last point: now), oldest first."""
    from tui.number_text import pct_or_dash

    rows = []
    for index, p in enumerate(points):
        when = _("now") if index == len(points) - 1 else f"{p.at:%Y-%m-%d}"
        share = p.forecast / p.quota * 100 if p.quota else None
        rows.append([when, num_or_dash(p.won), num_or_dash(p.commit), num_or_dash(p.best_case),
                     num_or_dash(p.weighted), num_or_dash(p.forecast), pct_or_dash(share)])
    return rows


#: Ids a note names before it says how many more there are.
IDS_SHOWN = 12


def some(ids: list[str]) -> str:
    """`D-1, D-4, D-9`, or the first IDS_SHOWN and how many more (an imported pipeline can
    leave thousands of deals undated)."""
    if len(ids) <= IDS_SHOWN:
        return enumerated(ids)
    return enumerated(ids[:IDS_SHOWN]) + " " + _("… and {count} more").format(count=f"{len(ids) - IDS_SHOWN:,}")


def notes(result: Forecast) -> list[str]:
    """What the tables leave out or need said: slipped, undated and later deals, the others."""
    team = result.team
    if not result.reps:  # a new board: a row of zeros would read as a forecast of nothing
        return [_("No deals yet, so nothing to forecast: add them on the pipeline or with `uplift deal add`; "
                  "each rep's quota comes from an incentive plan (`uplift incentive set FILE.yaml`).")]
    found = []
    if team.slipped:
        found.append(_("Past their close date, still open (counted): {ids}").format(ids=some(team.slipped)))
    if team.undated:
        found.append(_("No close date (not counted): {ids}").format(ids=some(team.undated)))
    if team.omitted:
        found.append(_("Left out by their owner (omit): {ids}").format(ids=some(team.omitted)))
    if team.earlier:  # (a cycle not begun yet: they belong to the cycle they close in)
        found.append(_("Closing before the cycle starts (not counted: each counts in the cycle it closes in): "
                       "{ids}, worth {value} in all").format(value=num_or_dash(team.earlier),
                                                             ids=some(team.earlier_ids)))
    if team.later:
        found.append(_("Closing after the cycle (not counted): {ids}, worth {value} in all").format(
            value=num_or_dash(team.later), ids=some(team.later_ids)))
    if zero := [r.rep for r in result.reps if r.quota == 0]:
        found.append(_("A quota of 0 sets no target, so no to go or coverage: {reps}").format(reps=enumerated(zero)))
    if any(r.left for r in result.reps):
        found.append(_("(left): left the board, or the reps, during the cycle; what they won and earned in it is "
                       "still theirs, and the team's"))
    if any(r.rep == OTHERS for r in result.reps):
        found.append(_("others: deals owned by no rep of the board (a lead's, or unassigned)"))
    if owed := [r for r in result.reps if r.carried]:  # (the payouts net it, as the statement does)
        found.append(_("Payouts net a balance carried from an earlier cycle: {balances}").format(
            balances=enumerated(_("{rep} {amount} ({id})").format(rep=r.rep, amount=money(r.carried), id=r.carried_from)
                               for r in owed)))
    if freed := [r for r in result.reps if r.released]:  # (earlier cycles' held commission paid in this one)
        found.append(_("Payouts include commission of earlier cycles that customers' payments dated by the "
                       "cycle's end release: {amounts}").format(
            amounts=enumerated(f"{r.rep} {money(r.released)}" for r in freed)))
    if waiting := [r for r in result.reps if r.held_earlier]:
        found.append(_("Left out of the payouts: commission of earlier cycles still held until customers pay, "
                       "no payment dated by the cycle's end: {amounts}").format(
            amounts=enumerated(f"{r.rep} {money(r.held_earlier)}" for r in waiting)))
    if result.pay_private:
        found.append(_("Pay is private: the payout columns show your own only (a lead reads every rep's)"))
    return found
