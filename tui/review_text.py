"""The review's words shared by `uplift review`, `uplift payout` and the Review screen: a
statement's approval and whether it is paid; what each strategy brought."""

from __future__ import annotations

from collections.abc import Sequence

from sales.approvals import changes_since, same_as_approved, to_pay, waits_for_approval
from sales.payout import Statement, money
from sales.strategy_results import StrategyResult, times
from tui.i18n import N_, _, enumerated, say
from tui.number_text import num_or_dash
from tui.time_text import when


def paid_text(statement: Statement) -> str:
    """Whether payroll has paid the approved statement: when, or what is left to pay; and what
    was paid beyond it (approved again lower), which is carried into the next cycle not yet paid."""
    approval = statement.approval
    if approval is not None and approval.paid_at is not None:
        day = f"{approval.paid_at:%Y-%m-%d}"
        said = (_("paid on {day} ({ref})").format(day=day, ref=approval.paid_ref) if approval.paid_ref
                else _("paid on {day}").format(day=day))
    elif statement.paid is None:
        return _("not paid yet")
    else:
        said = _("{paid} paid before; {left} to pay").format(paid=money(statement.paid),
                                                             left=money(to_pay(approval, statement.paid) or 0))
    beyond = statement.overpaid  # (store: set from its approvals)
    return _("{said}; {more}").format(said=said, more=beyond_text(beyond)) if beyond else said


def hold_text(hold) -> str:
    """A lead's hold on the statement (sales.approvals.PayoutHold), as the rep and payroll read it."""
    return _("ON HOLD ({id}) since {day} by {by}: {reason}; not approved or paid until a lead releases it").format(
        id=hold.id, day=f"{hold.at:%Y-%m-%d}", by=hold.by, reason=hold.reason)


def beyond_text(beyond: float) -> str:
    """What payroll paid beyond the latest approval (`beyond`, below zero: sales.approvals.overpaid):
    not taken back by a payment below zero, but carried into the next cycle not yet paid as a balance."""
    return _("{amount} paid beyond it, carried into the next cycle not yet paid as a balance of {balance}").format(
        amount=money(-beyond), balance=money(beyond))


def approval_text(statement: Statement, how: str) -> str:
    """Whether the statement is approved for the cycle, by whom and when, and whether it still
    says what was approved (a deal moved since changes it). `how`: how a lead approves it here.
    Nothing ("") for a held statement not approved: its hold line says so."""
    if statement.plan is None:  # (and what would give it something to approve)
        return _("nothing to approve: on no incentive plan (`uplift incentive set FILE.yaml` sets one)")
    approval = statement.approval
    if approval is None and statement.hold is not None:
        return ""  # (the hold's own line, shown first, says it is not approved, and why)
    if approval is None and not waits_for_approval(statement):  # (My day asks for it no more than `a`)
        return _("nothing to approve: every amount 0.00")
    if approval is None:
        return _("not approved yet (a lead: {how})").format(how=how)
    said = _("approved by {by} on {at} ({id}): {total}").format(
        by=approval.by, at=when(approval.at.isoformat()), id=approval.id, total=money(approval.total))
    said = _("{said}; {more}").format(said=said, more=paid_text(statement))  # (zh：a full-width semicolon)
    if same_as_approved(approval, statement):
        return said
    return _("{said}; {more}").format(said=said, more=_("CHANGED since: {now} now ({change})").format(
        now=money(statement.total), change=change_text(statement)))


def change_text(statement: Statement) -> str:
    """How far the statement's total has moved from its approval's, signed (`+1,912.00`)."""
    change = statement.total - statement.approval.total
    return ("+" if change >= 0 else "") + money(change)


def changed_since_paid_text(statement: Statement, approve_key: str) -> str:
    """For a lead about to mark the approved statement paid: that the statement no longer says
    what was approved (what was approved against what it says now), and that payroll's payment
    is for what was approved; "" when it still says it."""
    approval = statement.approval
    if approval is None or same_as_approved(approval, statement):
        return ""
    return _("The statement has CHANGED since {id} was approved: {approved} approved, {now} now ({change}). "
             "Marking it paid records what was approved; approve it again ({key}) for the difference.").format(
        id=approval.id, approved=money(approval.total), now=money(statement.total),
        change=change_text(statement), key=approve_key)


def changed_lines(statement: Statement) -> list[tuple[str, float | None]]:
    """Under an approval the statement no longer matches: each line approved that it no longer
    says, and each it says that was not approved (with its amount), so the rep sees why the
    figure moved (a deal reopened, edited, lost, paid by its customer); [] when it matches."""
    approval = statement.approval
    if approval is None or same_as_approved(approval, statement):
        return []
    gone, new = changes_since(approval, statement)
    return ([(_("since {id}, no longer: {line}").format(id=approval.id, line=say(line.shown())), line.amount)
             for line in gone]
            + [(_("since {id}, new: {line}").format(id=approval.id, line=say(line.text)), line.amount) for line in new])


#: What each strategy brought (sales/strategy_results.py): `uplift review`'s table and the Review
#: screen's Strategies tab.
#: A team's payouts at a glance (`uplift payout --team`, the Payouts tab's overview): its columns
#: and what each of sales.approvals.payout_state's states reads as.
TEAM_COLUMNS = (N_("Rep"), N_("Total"), N_("State"), N_("Changed since approval"))
PAYOUT_STATES = {"held": N_("on hold"), "no plan": N_("no incentive plan"), "paid": N_("paid out"),
                 "approved": N_("approved"), "to approve": N_("to approve"),
                 "nothing to approve": N_("nothing to approve")}


def team_row(statement: Statement) -> list[str]:
    """One rep's line of the team's overview: rep, total, state, and whether it changed since
    its approval."""
    from sales.approvals import changed_since_approval, payout_state

    return [statement.rep, money(statement.total), _(PAYOUT_STATES[payout_state(statement)]),
            _("yes") if changed_since_approval(statement) else ""]


STRATEGY_COLUMNS = (N_("Strategy"), N_("Tasks done"), N_("Deals"), N_("Won"), N_("Won value"), N_("Spent"),
                    N_("Return"), N_("Title"))
#: Its columns of figures, right-aligned (a return is `–` where nothing was spent).
STRATEGY_FIGURES = ("Deals", "Won value", "Spent", "Return")


def strategy_rows(results: Sequence[StrategyResult]) -> list[list[str]]:
    """Each strategy's cells, in STRATEGY_COLUMNS' order."""
    return [[r.strategy, f"{r.done} / {r.tasks}", str(len(r.deals)), enumerated(r.won) or "–",
             num_or_dash(r.won_value), num_or_dash(r.spent), times(r.returned), r.title] for r in results]


def awards_text(awards) -> str:
    """A leaderboard row's recognition (sales.review.Award): `Rep of the quarter, A place at the
    masterclass (private)`; a private one is marked so, as only its rep and the leads see it."""
    return enumerated(_("{award} (private)").format(award=a.award) if a.private else a.award for a in awards)
