"""Accounts (customers) as one place: the deals, activities and notes on each, as Pipedrive's and
HubSpot's organization and company pages gather them.

An account is not an item of its own: it is the name deals carry (`account`) and activities are
logged on (`--account`). Two spellings that differ only in case or spacing (`Acme`, `ACME`,
`Acme  Corp`) are one account (`account_key`), as the quiet key-account alert and `log --item`
match them (by case); the name shown is the spelling most of its deals and activities use.

- *open value*: the value of its open deals (the list is sorted by it, biggest first);
- *won*: its deals won in the cycle (the plan's period; every won deal on a board without one);
- *last activity*: the newest call, visit, meeting or email logged on the account or one of its
  deals (a deal's stage change is not a touch of the customer);
- *owners*: whoever owns its open deals (of a customer with none open, whoever owned its deals).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime

import msgspec

from sales.deals import Deal, Stage, closed_on, pipeline_order
from sales.ids import in_order
from sales.notes import Note
from sales.review import in_period, won_at
from sales.text import account_key
from sales.touches import Touch


class AccountSummary(msgspec.Struct, kw_only=True):
    """One line of the account list."""

    name: str
    key_account: bool = False
    owners: list[str] = []
    open_deals: int = 0
    open_value: float = 0.0
    won_deals: int = 0  # won in the cycle
    won_value: float = 0.0
    lost_deals: int = 0  # every lost deal, whenever lost
    last_activity: date | None = None


class AccountDeal(msgspec.Struct, kw_only=True):
    """A deal as the account's page shows it: `close` is the expected close date of an open deal,
    `closed` the day a won or lost one closed."""

    id: str
    title: str
    stage: str
    outcome: str
    value: float
    owner: str | None = None
    close: date | None = None
    closed: date | None = None
    next_step: str = ""
    lost_reason: str = ""


class AccountPage(msgspec.Struct, kw_only=True):
    """Everything on one account: its open deals in pipeline order (by stage, then biggest),
    those won and lost (newest first), its activities and the notes that name it (newest first)."""

    account: AccountSummary
    open: list[AccountDeal] = []
    won: list[AccountDeal] = []
    lost: list[AccountDeal] = []
    activities: list[Touch] = []
    notes: list[Note] = []
    last_touch: datetime | None = None
    days_since_touch: int | None = None


def _spelling(names: Iterable[str]) -> str:
    """The spelling most often used (the first of those used as often)."""
    counts = Counter(names)
    return max(counts, key=lambda name: counts[name]) if counts else ""


def _grouped(deals: Iterable[Deal], touches: Iterable[Touch]) -> dict[str, tuple[list[Deal], list[Touch]]]:
    """Each account's deals and the activities on it or on its deals, by account_key."""
    found: dict[str, tuple[list[Deal], list[Touch]]] = {}
    deal_account: dict[str, str] = {}
    for deal in deals:
        if deal.account:
            key = account_key(deal.account)
            found.setdefault(key, ([], []))[0].append(deal)
            deal_account[deal.id] = key
    for touch in touches:
        key = deal_account.get(touch.deal or "") or (account_key(touch.account) if touch.account else "")
        if key:
            found.setdefault(key, ([], []))[1].append(touch)
    return found


def _summary(deals: Sequence[Deal], touches: Sequence[Touch], stages: Sequence[Stage],
             start: date | None, end: date | None) -> AccountSummary:
    outcome = {s.name: s.outcome for s in stages}
    open_deals = [d for d in deals if outcome.get(d.stage, "open") == "open"]
    won = [d for d in deals if (at := won_at(d, stages)) is not None and in_period(at, start, end)]
    owners = {d.owner for d in (open_deals or deals) if d.owner}
    return AccountSummary(
        name=_spelling([d.account for d in deals] + [t.account for t in touches if t.account]),
        key_account=any(d.key_account for d in deals), owners=sorted(owners),
        open_deals=len(open_deals), open_value=float(round(sum(d.value for d in open_deals), 2)),
        won_deals=len(won), won_value=float(round(sum(d.value for d in won), 2)),
        lost_deals=sum(1 for d in deals if outcome.get(d.stage) == "lost"),
        last_activity=max(t.at for t in touches).date() if touches else None)


def account_list(deals: Iterable[Deal], stages: Sequence[Stage], touches: Iterable[Touch],
                 start: date | None = None, end: date | None = None) -> list[AccountSummary]:
    """Every account deals or activities name, the biggest open value first (then the most won,
    then by name). `start`/`end`: the cycle "won" counts in."""
    rows = [_summary(d, t, stages, start, end) for d, t in _grouped(deals, touches).values()]
    return sorted(rows, key=lambda r: (-r.open_value, -r.won_value, r.name.casefold()))


def _as_shown(deal: Deal, outcome: str) -> AccountDeal:
    return AccountDeal(id=deal.id, title=deal.title, stage=deal.stage, outcome=outcome, value=deal.value,
                       owner=deal.owner, close=deal.close if outcome == "open" else None,
                       closed=closed_on(deal, outcome), next_step=deal.next_step,
                       lost_reason=deal.lost_reason if outcome == "lost" else "")


def mentions(note: Note, name: str) -> bool:
    """Whether a note names the account (in what was said or who said it), any case: `Acme` in
    "Acme's buyer wants a demo", not in "Acmeville". A name ending in a letter or digit is
    matched as a whole word; a Chinese one (no spaces between words) wherever it stands."""
    words = [re.escape(word) for word in name.split()]
    if not words:
        return False
    pattern = r"\s+".join(words)
    if name.strip()[0].isascii() and name.strip()[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if name.strip()[-1].isascii() and name.strip()[-1].isalnum():
        pattern += r"(?!\w)"
    found = re.compile(pattern, re.IGNORECASE)
    return bool(found.search(note.text) or found.search(note.source))


def nearest_accounts(name: str, summaries: Sequence[AccountSummary], n: int = 3) -> list[str]:
    """The accounts spelled nearest `name` (a typo): what a "did you mean" names."""
    by_key = {account_key(s.name): s.name for s in summaries}
    return [by_key[key] for key in difflib.get_close_matches(account_key(name), list(by_key), n=n, cutoff=0.6)]


def account_page(name: str, deals: Iterable[Deal], stages: Sequence[Stage], touches: Iterable[Touch],
                 notes: Iterable[Note], today: date, start: date | None = None,
                 end: date | None = None) -> AccountPage | None:
    """The page of the account `name` names (any case and spacing), or None when no deal or
    activity names it. `today`: the day the days since the last touch are counted to."""
    key = account_key(name)
    found = _grouped(deals, touches).get(key) if key else None
    if found is None:
        return None
    own_deals, own_touches = found
    summary = _summary(own_deals, own_touches, stages, start, end)
    outcome = {s.name: s.outcome for s in stages}
    order = {s.name: i for i, s in enumerate(stages)}
    shown = sorted(own_deals, key=lambda d: (order.get(d.stage, len(order)), pipeline_order(d)))
    parts: dict[str, list[AccountDeal]] = {"open": [], "won": [], "lost": []}
    for deal in shown:
        kind = outcome.get(deal.stage, "open")
        parts[kind].append(_as_shown(deal, kind))
    for kind in ("won", "lost"):
        parts[kind].sort(key=lambda d: (d.closed or date.min, d.id), reverse=True)
    activities = sorted(own_touches, key=lambda t: (t.at, in_order(t.id)), reverse=True)
    last = activities[0].at if activities else None
    said = [n for n in notes if mentions(n, summary.name)]
    return AccountPage(account=summary, open=parts["open"], won=parts["won"], lost=parts["lost"],
                       activities=activities, notes=said, last_touch=last,
                       days_since_touch=(today - last.date()).days if last else None)
