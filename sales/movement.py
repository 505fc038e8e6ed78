"""What changed in the pipeline over a window (a week, for the weekly review): the open pipeline at
its start and at its end, and every change in between, as a waterfall (Salesforce's pipeline
waterfall, Clari's "what changed"):

    open at the start + new + reopened + increased − decreased − won − lost − removed
        = open at the end

exactly, to the cent. The states at the window's ends are rebuilt from the deals as they are now
and the activity log, newest first: each change to a deal keeps what it changed from, so undoing
the records after a moment gives the deal as it stood at that moment (stage, value and close
date alike), with no snapshot needed.

A deal is *open* when its stage's outcome is open. Per deal, from its state at the start (s) and
at the end (e):
- open at both: its value's change is an increase or a decrease; a later open stage is an
  *advance*, an earlier one a *move back*; a later close date is *pushed*, an earlier one
  *pulled in*;
- open at the start, not at the end: its value's change first, then won or lost at its end value,
  or *removed* (deleted) at its start value;
- not there at the start, there at the end: *new* at its end value (and won or lost too, if it
  closed within the window; one that came onto the board already closed before the window, an
  import of past deals, is neither); one still open at the end whose stage or close date moved since it
  was created counts those moves as above (created in Lead, now in Proposal: new *and* advanced),
  so a deal made and worked in the same week shows its progress;
- closed at the start, open at the end: *reopened* at its end value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sales.activity import Activity
from sales.deals import Stage

DEAL_HOME = ("deals", "deals")  # where a deal's records say it lives (Activity.ref)


@dataclass
class Change:
    """One deal's part in a line of the waterfall."""

    id: str
    title: str
    owner: str | None
    amount: float  # what it adds to or takes from the open pipeline (a positive number)
    detail: str = ""  # `Proposal → Negotiation`, `2026-12-10 → 2027-01-15`, a lost reason


@dataclass
class Movement:
    start: datetime
    end: datetime
    open_start: tuple[int, float]  # deals, value
    open_end: tuple[int, float]
    new: list[Change] = field(default_factory=list)
    reopened: list[Change] = field(default_factory=list)
    increased: list[Change] = field(default_factory=list)
    decreased: list[Change] = field(default_factory=list)
    won: list[Change] = field(default_factory=list)
    lost: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    advanced: list[Change] = field(default_factory=list)  # amount: the deal's value at the end
    moved_back: list[Change] = field(default_factory=list)
    pushed: list[Change] = field(default_factory=list)
    pulled_in: list[Change] = field(default_factory=list)

    @property
    def net(self) -> float:
        """The open pipeline's change: what the waterfall's lines add up to."""
        return (sum(c.amount for c in (*self.new, *self.reopened, *self.increased))
                - sum(c.amount for c in (*self.decreased, *self.won, *self.lost, *self.removed)))


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def is_deal_record(ref: Sequence | None) -> bool:
    """Whether a log record (by its `ref`) changed a deal."""
    return ref is not None and tuple(ref[:2]) == DEAL_HOME


def wanted(start: datetime):
    """A filter for the log's raw records: a deal's, or the first one at or before `start` (the
    reader stops there), so that the week's other records are not converted."""
    return lambda doc: is_deal_record(doc.get("ref")) or _moment(doc["at"]) <= start


def _undo(state: dict[str, dict], record: Activity, born: dict[str, dict] | None = None) -> None:
    """Take one record back off `state` (deal id -> the deal's fields); a deal whose creation is
    taken back goes into `born` as it stood when it was made."""
    if record.after is None and record.before is not None:  # a deletion: the deal comes back
        state[record.item] = dict(record.before)
    elif record.before is None:  # a creation: the deal was not there
        made = state.pop(record.item, None)
        if born is not None and made is not None:
            born[record.item] = made
    elif record.item in state:
        state[record.item] = {**state[record.item], **record.before}


def states_at(now: dict[str, dict], records: Iterable[Activity], moments: Sequence[datetime],
              born: dict[str, dict] | None = None) -> list[dict[str, dict]]:
    """The deals as they stood at each of `moments`, from the deals `now` and the log's records
    newest first (only the deals' own records are used; reading stops at the earliest moment).
    `born`, when given, gets the deals made after the earliest moment as each stood when made."""
    wanted_order = sorted(range(len(moments)), key=lambda i: moments[i], reverse=True)
    found: dict[int, dict[str, dict]] = {}
    state = {key: dict(value) for key, value in now.items()}
    pending = list(wanted_order)

    def keep_until(moment: datetime | None) -> None:
        """Copy the state for every moment at or after `moment` (None: all that are left)."""
        while pending and (moment is None or moments[pending[0]] >= moment):
            found[pending.pop(0)] = {key: dict(value) for key, value in state.items()}

    for record in records:
        moment = _moment(record.at)
        keep_until(moment)
        if not pending:
            break
        if is_deal_record(record.ref):
            _undo(state, record, born)
    keep_until(None)
    return [found[i] for i in range(len(moments))]


def movement(at_start: dict[str, dict], at_end: dict[str, dict], stages: Sequence[Stage], start: datetime,
             end: datetime, born: dict[str, dict] | None = None) -> Movement:
    """The waterfall of the open pipeline from `start` to `end` (see the module's definitions),
    from the deals as they stood at each and those made in between as they were made (states_at)."""
    outcome = {s.name: s.outcome for s in stages}
    order = {s.name: index for index, s in enumerate(stages)}

    def is_open(deal: dict | None) -> bool:
        return deal is not None and outcome.get(deal.get("stage", "")) == "open"

    def total(state: dict[str, dict]) -> tuple[int, float]:
        shown = [d for d in state.values() if is_open(d)]
        return len(shown), round(sum(float(d.get("value", 0)) for d in shown), 2)

    result = Movement(start, end, total(at_start), total(at_end))
    for deal_id in sorted(set(at_start) | set(at_end), key=lambda i: (len(i), i)):
        s, e = at_start.get(deal_id), at_end.get(deal_id)
        latest = e if e is not None else s or {}  # (one of them is there: the id came from one)

        def change(amount: float, detail: str = "", deal: dict = latest) -> Change:
            return Change(deal_id, deal.get("title", ""), deal.get("owner"), round(amount, 2), detail)

        start_value = float(s.get("value", 0)) if s else 0.0
        end_value = float(e.get("value", 0)) if e else 0.0
        if is_open(s) and e is not None and end_value != start_value:
            (result.increased if end_value > start_value else result.decreased).append(
                change(abs(end_value - start_value), f"{start_value:,.0f} → {end_value:,.0f}"))
        if is_open(s) and is_open(e):
            _steps(result, change, s, e, order, end_value)
        elif is_open(s):
            if e is None:
                result.removed.append(change(start_value, deal=s))
            else:
                _closed(result, change, e, outcome, end_value)
        elif is_open(e):
            (result.new if s is None else result.reopened).append(change(end_value, e.get("stage", "")))
            if s is None and deal_id in (born or {}):  # made in the window: its moves since
                _steps(result, change, born[deal_id], e, order, end_value)
        elif (s is None and e is not None and outcome.get(e.get("stage", "")) in ("won", "lost")
              and not _closed_before(e, start)):
            result.new.append(change(end_value, e.get("stage", "")))  # opened and closed in the window
            _closed(result, change, e, outcome, end_value)
    for rows in (result.new, result.reopened, result.increased, result.decreased, result.won, result.lost,
                 result.removed):
        rows.sort(key=lambda c: (-c.amount, len(c.id), c.id))
    return result


def _closed_before(deal: dict, start: datetime) -> bool:
    """Whether a closed deal entered its closing stage before `start`: one imported with its
    history (won in 2017, put on the board this week) was never open in the window, so it is
    neither new nor won there."""
    history = deal.get("history") or []
    return bool(history) and _moment(str(history[-1]["at"])) < start


def _closed(result: Movement, change, deal: dict, outcome: dict[str, str], value: float) -> None:
    if outcome.get(deal.get("stage", "")) == "won":
        result.won.append(change(value))
    else:
        result.lost.append(change(value, deal.get("lost_reason", "")))


def _steps(result: Movement, change, s: dict, e: dict, order: dict[str, int], value: float) -> None:
    """Stage and close-date moves of a deal open at both ends."""
    before, after = order.get(s.get("stage", ""), -1), order.get(e.get("stage", ""), -1)
    if after != before:
        (result.advanced if after > before else result.moved_back).append(
            change(value, f"{s.get('stage')} → {e.get('stage')}"))
    old, new = _day(s.get("close")), _day(e.get("close"))
    if old and new and old != new:  # (a date set or cleared is neither)
        (result.pushed if new > old else result.pulled_in).append(change(value, f"{old} → {new}"))


def _day(value: object) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))
