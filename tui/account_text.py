"""Accounts as people read them (`uplift account list/show`, the Accounts screen): the same
columns, words and lines in both, in the interface's language."""

from __future__ import annotations

from sales.accounts import AccountDeal, AccountPage, AccountSummary
from sales.notes import KIND_LABELS, said_by
from sales.text import display_width, fit, safe
from tui.i18n import N_, _, enumerated, n_, p_
from tui.time_text import when

#: The list's columns (key, heading), as the table and the screen show them.
LIST_COLUMNS = (("account", N_("Account")), ("open", N_("Open")), ("open_value", N_("Open value")),
                ("won", N_("Won")), ("won_value", N_("Won value")), ("last", N_("Last touch")),
                ("owners", N_("Owners")))
#: The columns `account list --csv` writes (a header row, one account a row).
CSV_COLUMNS = ("account", "key_account", "owners", "open_deals", "open_value", "won_deals", "won_value",
               "lost_deals", "last_activity")
KEY_MARK = " ★"  # a key account, as `deal list` marks one


def heading(name: str) -> str:
    """A list column's heading in the interface's language ("Open": of deals, not of a task)."""
    return p_("accounts", "Open") if name == "Open" else _(name)


def titled(heading: str, empty: str | None = None) -> str:
    """A part's heading ("Activities:"), or the heading and what stands for none ("Activities: –"),
    with the language's own colon."""
    return _("{heading}:").format(heading=heading) if empty is None else \
        _("{heading}: {none}").format(heading=heading, none=empty)


def money(value: float) -> str:
    return f"{value:,.0f}"


def account_name(summary: AccountSummary) -> str:
    return summary.name + (KEY_MARK if summary.key_account else "")


def list_cells(summary: AccountSummary) -> dict[str, str]:
    """One account's cells by column key."""
    return {"account": account_name(summary), "open": str(summary.open_deals),
            "open_value": money(summary.open_value), "won": str(summary.won_deals),
            "won_value": money(summary.won_value),
            "last": str(summary.last_activity) if summary.last_activity else "–",
            "owners": enumerated(summary.owners) or "–"}


def csv_cells(summary: AccountSummary) -> list[object]:
    return [summary.name, summary.key_account, summary.owners, summary.open_deals, summary.open_value,
            summary.won_deals, summary.won_value, summary.lost_deals, summary.last_activity]


def days_ago(days: int | None) -> str:
    if days is None:
        return _("no activity logged")
    if days <= 0:
        return _("today")
    return n_("{count} day ago", "{count} days ago", days).format(count=days)


def summary_lines(page: AccountPage) -> list[tuple[str, str]]:
    """(label, value) lines heading the account's page."""
    account = page.account
    last = (_("{day} ({ago})").format(day=when(page.last_touch.isoformat()), ago=days_ago(page.days_since_touch))
            if page.last_touch else days_ago(None))
    return [(_("key account"), _("yes") if account.key_account else _("no")),
            (_("owners"), enumerated(account.owners) or "–"),
            (_("open"), n_("{count} deal, {value}", "{count} deals, {value}", account.open_deals).format(
                count=account.open_deals, value=money(account.open_value))),
            (_("won"), n_("{count} deal this cycle, {value}", "{count} deals this cycle, {value}",
                          account.won_deals).format(count=account.won_deals, value=money(account.won_value))),
            (_("last touch"), last)]


def summary_block(page: AccountPage) -> list[str]:
    """The summary lines with their labels in one column, as the page and `account show` head it."""
    head = summary_lines(page)
    width = max(display_width(name) for name, _value in head) + 2
    return [f"{fit(name, width)}{value}" for name, value in head]


def deal_when(deal: AccountDeal) -> str:
    """An open deal's expected close date, a closed one's day (`2026-11-05`); – for none."""
    day = deal.closed or deal.close
    return str(day) if day else "–"


def deal_line(deal: AccountDeal) -> str:
    """A deal of the page on one line: id, stage, value, date, owner, title."""
    return "  ".join([deal.id, deal.stage, money(deal.value), deal_when(deal), deal.owner or "–", deal.title])


def activity_line(touch) -> str:
    note = " ".join(touch.note.split())
    where = f" {touch.deal}" if touch.deal else ""
    return f"{when(touch.at.isoformat())}  {touch.by}  {_(touch.type)}{where}" + (f"  {note}" if note else "")


def note_line(note) -> str:
    who = said_by(note)
    text = " ".join(note.text.split())
    return f"{note.id}  {_(KIND_LABELS[note.kind])}" + (f" · {who}" if who else "") + f": {text}"


def account_detail(page: AccountPage) -> str:
    """`uplift account show`: the summary, the deals (open ones with their next step), the
    activities newest first and the notes that name it."""
    lines = [account_name(page.account)]
    lines += ["  " + line for line in summary_block(page)]
    lines.append("")
    lines.append(titled(_("Open deals"), None if page.open else "–"))
    stage = None
    for deal in page.open:
        if deal.stage != stage:
            stage = deal.stage
            lines.append(f"  {stage}")
        lines.append("    " + "  ".join([deal.id, money(deal.value), _("close {day}").format(day=deal_when(deal)),
                                         deal.owner or "–", deal.title]))
        lines.append("      " + _("next step: {step}").format(step=" ".join(deal.next_step.split()) or "–"))
    for heading, deals in ((_("Won"), page.won), (_("Lost"), page.lost)):
        if deals:
            lines.append(titled(heading))
            lines += ["  " + "  ".join([d.id, deal_when(d), money(d.value), d.owner or "–", d.title])
                      + (f"  ({d.lost_reason})" if d.lost_reason else "") for d in deals]
    lines.append(titled(_("Activities"), None if page.activities else "–"))
    lines += ["  " + activity_line(t) for t in page.activities]
    if page.notes:
        lines.append(titled(_("Notes that name it")))
        lines += ["  " + note_line(n) for n in page.notes]
    return safe("\n".join(lines))  # (user text on its way to a terminal)
