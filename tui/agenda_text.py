"""A person's day (sales/agenda.py) in the interface's words: headed sections of lines, each
with the id it is about, the same for `uplift today` and the Today screen. No Textual here."""

from __future__ import annotations

from sales.agenda import Agenda, Entry
from sales.payout import money
from sales.tasks import STATUS_LABELS
from tui.i18n import N_, _, enumerated, fill, n_, say
from tui.number_text import num_or_dash, pct_or_dash

SECTIONS = (
    ("overdue", N_("Overdue")),
    ("due", N_("Due in the next {days}")),
    ("training", N_("Training today")),
    ("blocked", N_("Blocked")),
    ("comment", N_("New comments on your tasks")),
    ("coaching", N_("New coaching notes for you")),
    ("slipped", N_("Deals past their close date")),
    ("closing", N_("Deals closing in the next {days}")),
    ("stuck", N_("Deals stuck in their stage")),
    ("quiet", N_("Key accounts gone quiet")),
    ("unplanned", N_("Deals with nothing planned ({how})")),
    ("behind", N_("Goals behind pace")),
    ("ended", N_("Goals ended, not closed (close each with how it ended, or carry it on)")),
    ("checkin", N_("Goals waiting for a check-in")),
)


#: The headings that look ahead, as they read when the horizon is today alone (`today --days 0`):
#: their lines then leave out the "due today" the heading says.
TODAY_ONLY = {"due": N_("Due today"), "closing": N_("Deals closing today")}
#: ... and when it is today and tomorrow (`--days 1`, not "in the next 1 day").
TOMORROW_TOO = {"due": N_("Due today or tomorrow"), "closing": N_("Deals closing today or tomorrow")}


def days(count: int) -> str:
    return n_("{count} day", "{count} days", count).format(count=count)


def _when(entry: Entry) -> str:
    if entry.kind == "overdue":
        return _("due {day}, {days} ago").format(day=entry.day, days=days(entry.days))
    if entry.kind == "due":
        if entry.days == 0:
            return _("due today")
        if entry.days == 1:
            return _("due tomorrow")
        return _("due {day}, in {days}").format(day=entry.day, days=days(entry.days))
    if entry.kind == "training":  # (today's, as its heading says: who it is for, and whether it was held)
        said = _("for {audience}").format(audience=entry.message) if entry.message else _("for the whole team")
        return said + (" · " + _("done") if entry.status == "done" else "")
    if entry.kind == "blocked":
        return _("due {day}").format(day=entry.day) if entry.day else _("no due date")
    if entry.kind == "slipped":
        return _("expected {day}, {days} ago").format(day=entry.day, days=days(entry.days))
    if entry.kind == "closing":
        return _("closes today") if entry.days == 0 else \
            _("closes {day}, in {days}").format(day=entry.day, days=days(entry.days))
    if entry.kind == "comment":
        return _("{when}, {message}").format(when=_("today") if entry.days == 0 else _("yesterday") if entry.days == 1
                                             else str(entry.day), message=entry.message)
    if entry.kind == "coaching":
        return _("{when}, from {name}").format(when=_("today") if entry.days == 0 else _("yesterday") if entry.days == 1
                                               else str(entry.day), name=entry.message)
    if entry.kind == "stuck":
        return fill(_("in {stage} since {day}, {days}"), stage=entry.status, day=entry.day, days=days(entry.days))
    if entry.kind == "unplanned":
        return _("no open task and no next step")
    if entry.kind == "behind":
        return _("{actual}% of the way where {expected}% was expected by now").format(
            actual=f"{entry.actual:g}", expected=f"{entry.expected:g}")
    if entry.kind == "ended":
        return _("ended {day}, {days} ago").format(day=entry.day, days=days(entry.days))
    if entry.kind == "checkin":
        return _("last check-in {day}, {days} ago").format(day=entry.day, days=days(entry.days)) \
            if entry.day else _("no check-in yet")
    return say(entry.message)


def entry_line(entry: Entry, when: bool = True) -> str:
    """`T-4  Call the second 24 target accounts · due 2026-11-20, 12 days ago · Doing`; without
    `when` the day it is about is left out (its heading says it: `Due today`)."""
    parts = [f"{entry.item}  {entry.title}"]
    if entry.kind in ("slipped", "closing", "quiet", "unplanned"):
        parts.append(f"{entry.status} · {num_or_dash(entry.value)}")
    elif entry.kind == "stuck":
        parts.append(num_or_dash(entry.value))
    if when:
        parts.append(_when(entry))
    if entry.kind in ("overdue", "due") and entry.status in STATUS_LABELS:
        parts.append(_(STATUS_LABELS[entry.status]))
    if entry.waiting:
        parts.append(_("waits for {ids}").format(ids=enumerated(entry.waiting)))
    return " · ".join(parts)


def sections(agenda: Agenda, cli: bool = False) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(item id, line), ...]) for each kind the agenda has entries of; the hints in
    the headings name keys on the screen, commands on the command line (`cli`)."""
    how = _("uplift task add --deal D-N") if cli else _("t on the pipeline adds a task")
    found = []
    for kind, heading in SECTIONS:
        entries = agenda.of(kind)
        today_only = agenda.horizon == 0 and kind in TODAY_ONLY
        if today_only:  # `--days 0`: today only, not "in the next 0 days" (and not "due today" on each line)
            heading = TODAY_ONLY[kind]
        elif agenda.horizon == 1:
            heading = TOMORROW_TOO.get(kind, heading)
        if entries:
            found.append((_(heading).format(days=days(agenda.horizon), how=how),
                          [(e.item, entry_line(e, when=not today_only)) for e in entries]))
    return found


def quota_line(agenda: Agenda) -> str | None:
    """Where the person stands against their quota, and what closing their commit deals pays."""
    f = agenda.forecast
    if f is None:
        return None
    if not f.quota:  # a plan's `quota: 0`: no target, but what is won and what it pays still count
        line = _("Won {won} · forecast {forecast} (no quota set)").format(
            won=num_or_dash(f.won), forecast=num_or_dash(f.forecast))
    else:
        line = _("Quota: won {won} of {quota} ({pct}) · forecast {forecast}").format(
            won=num_or_dash(f.won), quota=num_or_dash(f.quota), pct=pct_or_dash(f.won / f.quota * 100),
            forecast=num_or_dash(f.forecast))
        line += " · " + (_("{amount} to go").format(amount=num_or_dash(f.gap)) if f.gap is not None and f.gap > 0
                         else _("on track to meet it"))
    if f.payout is not None and f.payout_commit is not None and f.payout_commit != f.payout:
        line += " · " + _("payout {now}, {then} if your commit deals close").format(
            now=money(f.payout), then=money(f.payout_commit))
    elif f.payout is not None:
        line += " · " + _("payout {now}").format(now=money(f.payout))
    return line


def payouts_line(agenda: Agenda, cli: bool = False) -> str | None:
    """A lead's commissions waiting: statements to approve (new, or changed since), and approved
    ones payroll has not paid yet; where to see them, on the screen or the command line (`cli`)."""
    approve, pay = agenda.payouts
    past = [n_("Payouts of the cycle {start} to {end}: {count} statement approved then has changed since ({where})",
               "Payouts of the cycle {start} to {end}: {count} statements approved then have changed since ({where})",
               count).format(start=start, end=end, count=count,
                             where=f"`uplift payout --start {start} --end {end}`" if cli else _("5, c, the Payouts tab"))
            for start, end, count in agenda.past_payouts]
    if not approve and not pay and not past:
        return None
    # (only the counts there are: "5 to approve, 0 approved and not paid yet" said a thing that was not)
    waiting = (_("Payouts: {approve} to approve, {pay} approved and not paid yet ({where})") if approve and pay
               else _("Payouts: {approve} to approve ({where})") if approve
               else _("Payouts: {pay} approved and not paid yet ({where})"))
    said = [waiting.format(approve=approve, pay=pay, where=_("`uplift payout`") if cli else _("5, the Payouts tab"))] \
        if approve or pay else []
    return "\n".join(said + past)


def held_line(agenda: Agenda, cli: bool = False) -> str | None:
    """A lead's held statements, one line each with the hold's reason: a reminder of what they
    hold (the counts to approve leave them out), and how to release one, not a request to approve."""
    if not agenda.held_payouts:
        return None
    return "\n".join(_("Held: {rep}'s statement for {start} to {end}: {reason} ({where})").format(
        rep=rep, start=start, end=end, reason=reason,
        where=_("`uplift payout hold {rep} --release` releases it").format(rep=rep) if cli
        else _("5, the Payouts tab, h releases it")) for rep, start, end, reason in agenda.held_payouts)


def budget_line(agenda: Agenda, cli: bool = False) -> str | None:
    """A lead's budget requests waiting for a decision (as the payouts waiting are said), and
    where to decide them."""
    if not agenda.budget_requests:
        return None
    return n_("Budget: {count} request waiting for your decision ({where})",
              "Budget: {count} requests waiting for your decision ({where})", agenda.budget_requests).format(
        count=agenda.budget_requests,
        where=_("`uplift budget list --status requested`") if cli else _("2 then b, the budget screen"))


def heading(agenda: Agenda) -> str:
    return fill(_("{who}'s day, {today}"), who=agenda.who, today=agenda.today)


def nothing_line() -> str:
    return _("Nothing needs you: no overdue or due work, no slipped or closing deals, no goal waiting.")


def alerts_line(agenda: Agenda, cli: bool = False) -> str | None:
    if not agenda.team_alerts:
        return None
    if cli and agenda.own_alerts:  # (which of them are yours, and the command that lists those)
        return n_("{count} alert on the board, {own} about your work ({where})",
                  "{count} alerts on the board, {own} about your work ({where})", agenda.team_alerts).format(
            count=agenda.team_alerts, own=agenda.own_alerts, where="`uplift alerts --mine`")
    return n_("{count} alert on the board ({where})", "{count} alerts on the board ({where})",
              agenda.team_alerts).format(count=agenda.team_alerts,
                                         where=_("`uplift alerts`") if cli else _("! on any screen"))
