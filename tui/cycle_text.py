"""The whole cycle at a glance (sales/cycle.py) in the interface's words: one heading and, per
phase, a title and a few lines, the same for `uplift cycle` and the cycle screen."""

from __future__ import annotations

from pathlib import PurePath

from sales.cycle import Cycle
from sales.payout import money
from sales.tasks import STATUS_LABELS
from tui.burnup_text import when_done
from tui.i18n import _, enumerated, n_, say
from tui.number_text import num_or_dash, pct_or_dash
from tui.time_text import day_of


def heading(cycle: Cycle, setup_key: str | None = None, may_set: bool = True) -> str:
    """`setup_key`: the app's key to the team and cycle settings, said where the dates are missing
    (the command line names its command instead); `may_set`: whether the reader may set them (a
    rep is not sent to a key or a command that would refuse them)."""
    text = cycle.name or _("no plan name yet")
    if cycle.start or cycle.end:
        text += " · " + _("{start} to {end}").format(start=cycle.start or "…", end=cycle.end or "…")
    elif not may_set:
        text += " · " + _("no cycle dates yet (a lead sets them)")
    elif setup_key is not None:
        text += " · " + _("no cycle dates yet: press {key} to set them").format(key=setup_key)
    else:  # what the day of the cycle, the burn-up, the forecast and the payouts go by
        text += " · " + _("no cycle dates yet: `uplift plan info --start D --end D`")
    if (day := cycle.day) is not None:
        text += " · " + _("day {day} of {days}").format(day=day[0], days=day[1])
    elif cycle.end is not None and cycle.today > cycle.end:
        ago = (cycle.today - cycle.end).days
        text += " · " + n_("ended {count} day ago", "ended {count} days ago", ago).format(count=ago)
    elif cycle.start is not None and cycle.today < cycle.start:
        ahead = (cycle.start - cycle.today).days
        text += " · " + n_("starts in {count} day", "starts in {count} days", ahead).format(count=ahead)
    return text


def _of(pair: tuple[int, int]) -> str:
    return _("{done} of {count}").format(done=pair[0], count=pair[1])


def phases(cycle: Cycle, keys: tuple[str, ...] = ("1", "f", "2", "o"), may_diagnose: bool = True,
           remote: bool = False, may_carry: bool = True) -> list[tuple[str, str, list[str]]]:
    """(mode, title, lines) for each phase: mode is the app's screen for it; `keys`: the app's
    keys to Diagnose and to open a file there, and to Goals and to carry a goal on there, as the
    user has them (the screen's hints). `may_diagnose`: whether the reader may keep a diagnosis (a
    lead's); `remote`: a session over `uplift serve ssh`, whose keys cannot open a file;
    `may_carry`: whether the reader may carry goals on and start the next cycle (a lead: a rep is
    told who does, not given commands refused to them)."""
    d, g, p, t, r = cycle.diagnose, cycle.goals, cycle.plan, cycle.track, cycle.review
    if d.snapshot:
        source = enumerated(PurePath(f).name for f in d.files) or "?"
        spots = n_("{count} weak spot", "{count} weak spots", d.findings).format(count=d.findings)
        diagnose = [_("latest diagnosis {id}, {day} ({source}): revenue {revenue}").format(
            id=d.snapshot, day=day_of(d.saved_at or ""), source=source, revenue=num_or_dash(d.revenue)),
            _("{spots}: {first}").format(spots=spots, first=say(d.first_finding)) if d.first_finding else spots]
    elif not may_diagnose:
        diagnose = [_("no diagnosis yet (a lead runs one on last year's sales)")]
    elif remote:
        diagnose = [_("no diagnosis yet: run one on last year's sales (`uplift diagnose FILE --board DIR` on a "
                      "machine that has the board's folder)")]
    else:
        diagnose = [_("no diagnosis yet: run one on last year's sales ({screen}, then {key}; or `uplift diagnose FILE`)")
                    .format(screen=keys[0], key=keys[1])]
    diagnose.append(n_("notes {notes} ({pain} pain point) · checklist {checklist}",
                       "notes {notes} ({pain} pain points) · checklist {checklist}", d.pain_points).format(
        notes=d.notes, pain=d.pain_points, checklist=_of(d.checklist)))

    goals = [n_("{count} goal: {on} on pace, {behind} behind{ids}", "{count} goals: {on} on pace, {behind} behind{ids}",
                g.goals).format(
        count=g.goals, on=len(g.on_pace), behind=len(g.behind), ids=_(" ({ids})").format(ids=enumerated(g.behind)) if g.behind else "")
        + (_(", {count} waiting for a first check-in ({ids})").format(count=len(g.first_checkin),
                                                                       ids=enumerated(g.first_checkin))
           if g.first_checkin else "")
        + (_(", {count} ended, not closed ({ids})").format(count=len(g.ended), ids=enumerated(g.ended)) if g.ended else "")
        + (_(", {count} closed ({ids})").format(count=len(g.closed), ids=enumerated(g.closed)) if g.closed else "")
        + (_(", {count} with no pace to judge yet ({ids})").format(count=len(g.unpaced), ids=enumerated(g.unpaced))
           if g.unpaced else ""),
        n_("{count} waiting for a check-in · {strategies} strategy", "{count} waiting for a check-in · {strategies} strategies",
           g.strategies).format(count=len(g.waiting_checkin), strategies=g.strategies)]
    if g.not_carried and not may_carry:
        goals.append(_("the last cycle's goals not carried on: {ids} (a lead carries one on, or closes it with how "
                       "it ended)").format(ids=enumerated(g.not_carried)))
    elif g.not_carried:  # the choice Lattice asks of each goal at a new cycle: carry it on, or let it close
        goals.append(_("the last cycle's goals not carried on: {ids} (carry one on: {screen}, then {key}; or "
                       "`uplift goal carry ID --target N`; or close it with how it ended: `uplift goal close ID`)").format(
            ids=enumerated(g.not_carried), screen=keys[2], key=keys[3]))

    statuses = _(", ").join(_("{count} {status}").format(count=count, status=_(STATUS_LABELS[status]).lower())
                            for status, count in p.tasks.items())  # (Chinese: 待办 9，进行中 8)
    budget = _("approved {approved}").format(approved=num_or_dash(p.approved))
    if p.budget is not None:
        budget += " " + _("of {budget}").format(budget=num_or_dash(p.budget))
    tasks = sum(p.tasks.values())
    plan = [n_("{count} task: {statuses} · {overdue} overdue", "{count} tasks: {statuses} · {overdue} overdue",
               tasks).format(
        count=tasks, statuses=statuses, overdue=p.overdue),
        _("budget {budget}, spent {spent}, {waiting} waiting for a decision · training {training} done").format(
            budget=budget, spent=num_or_dash(p.spent), waiting=num_or_dash(p.requested), training=_of(p.training))]
    if tasks:
        plan.insert(1, when_done(tasks - p.tasks.get("done", 0), p.pace, p.done_by, cycle.end, p.over, p.pace_days))

    if t.counted is None or t.counted == t.open_deals:
        deals = n_("{count} open deal: best case {best}, weighted {weighted} · {slipped} past their close date",
                   "{count} open deals: best case {best}, weighted {weighted} · {slipped} past their close date",
                   t.open_deals)
    else:  # the figures are the forecast's: of the deals closing in the cycle (and dated), not of them all
        deals = n_("{count} open deal, {counted} in the forecast: best case {best}, weighted {weighted} · "
                   "{slipped} past their close date",
                   "{count} open deals, {counted} in the forecast: best case {best}, weighted {weighted} · "
                   "{slipped} past their close date", t.open_deals)
    track = [deals.format(count=t.open_deals, counted=t.counted, best=num_or_dash(t.best_case),
                          weighted=num_or_dash(t.weighted), slipped=t.slipped)]
    if t.quota:
        track.append(_("forecast {forecast} of the team's quota {quota} ({pct})").format(
            forecast=num_or_dash(t.forecast), quota=num_or_dash(t.quota), pct=pct_or_dash(t.forecast / t.quota * 100)))
    track.append(n_("{alerts} alert · this week's review {weekly}", "{alerts} alerts · this week's review {weekly}",
                    t.alerts).format(alerts=t.alerts, weekly=_of(t.weekly)))
    new, won, lost, net = t.week
    track.append(_("this week: {new} new, {won} won, {lost} lost · the open pipeline {net}").format(
        new=new, won=won, lost=lost, net=("+" if net > 0 else "−" if net < 0 else "±") + num_or_dash(abs(net))))

    said = (_("won {won} · payouts: pay is private (a rep reads their own, a lead every one)") if r.pay_hidden
            else _("won {won} · your payout {payouts}") if r.own_payout else _("won {won} · payouts {payouts}"))
    review = [said.format(
        won=num_or_dash(r.won), payouts=money(r.payouts) if r.payouts is not None else _("no incentive plan")),
        _("gap analysis {answered} answered · end-of-cycle checklist {checklist}").format(
            answered=_of(r.answered), checklist=_of(r.checklist))]
    if cycle.end is not None and cycle.today > cycle.end and not may_carry:
        review.append(_("the cycle is over: a lead reviews it and starts the next"))
    elif cycle.end is not None and cycle.today > cycle.end:  # what a lead does now, said where they look
        review.append(_("the cycle is over: review it, then start the next with "
                        "`uplift plan info --name N --start D --end D` and carry its goals on "
                        "(`uplift goal carry ID --target N`)"))
    if r.closed[1]:
        review.insert(1, _("win rate {rate} ({won} of {closed} closed)").format(
            rate=pct_or_dash(100 * r.closed[0] / r.closed[1]), won=r.closed[0], closed=r.closed[1])
            + ("" if r.top_reason is None else " · " + _("lost most to {reason} ({share} of the value lost)").format(
                reason=r.top_reason[0], share=pct_or_dash(r.top_reason[1]))))
    return [("diagnose", _("1 Diagnose"), diagnose), ("goals", _("2 Goals & strategy"), goals),
            ("plan", _("3 Plan & resources"), plan), ("pipeline", _("4 Track"), track),
            ("review", _("5 Review & reward"), review)]
