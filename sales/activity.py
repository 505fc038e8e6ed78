"""The activity record: who changed what, when, from what to what."""

from __future__ import annotations

import msgspec

from sales.goals import number
from sales.splits import splits_text
from sales.tasks import STATUS_LABELS


#: The kinds of item the log records changes to: the first word of a record's action (`deal.move`,
#: `checkin.add` from a plan file, `weekly.tick`), which the feed filters by besides an activity
#: type (store/touches.py). `pipeline` also holds the weekly snapshots, left out unless asked for.
#: A test sees that every action the store writes is of one of these.
ITEM_KINDS: tuple[str, ...] = (
    "task", "deal", "goal", "checkin", "strategy", "budget", "spend", "training", "touch", "coaching",
    "note", "diagnosis", "mapping", "checklist", "review", "weekly", "incentive", "answer", "payout",
    "approval", "member", "board", "pipeline", "alerts", "alert")


class Activity(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One entry of a board's activity log.

    `before` and `after` hold the fields that changed (the whole item when it was created or
    deleted: `before` is None for a creation, `after` None for a deletion). `ref` says where the
    item lives (file, table, document id) so the store can redo a change a killed writer logged
    but did not finish applying.
    """

    seq: int
    txn: int
    at: str
    actor: str
    action: str
    item: str
    before: dict | None = None
    after: dict | None = None
    ref: tuple[str, str, int] | None = None


def describe(record: Activity, limit: int | None = 30) -> str:
    """The record in a few plain words, e.g. `moved T-4 from To do to Doing`. A changed value
    longer than `limit` characters is cut with `…` (None: never)."""
    if record.action.removesuffix(".undo") in _SAID_AS_MADE and record.action.endswith(".undo"):
        # an undone check-in or budget decision is named by what it took back: its words read the
        # change's own fields, which an undo holds in `before`
        return "undo: " + describe(redone(record), limit)
    for suffix in (".undo", ".redo"):  # the change put back (or made again), in its own words
        if record.action.endswith(suffix):
            return f"{suffix[1:]}: " + describe(msgspec.structs.replace(
                record, action=record.action[:-len(suffix)]), limit)
    before, after = record.before or {}, record.after or {}
    verb = record.action.split(".")[-1]
    special = _pipeline_change(record, before, after, limit) or _resource_change(
        record.action, record.item, before, after)
    if special:
        return special
    if verb == "tick":
        return _tick_change(record.item, before, after)
    if record.action == "task.comment":
        return _comment_change(record.item, before.get("comments") or [], after.get("comments") or [])
    if verb == "delete" and record.before is not None and record.after is not None:
        return _unlinked(record.item, before, after)
    if verb == "handover" and "owner" in after:
        return f"handed {record.item} from {before.get('owner') or 'nobody'} to {after['owner']}"
    if record.action.startswith("member.key_"):
        key = after or before
        verb = "added" if record.action == "member.key_add" else "removed"
        return f"{verb} an SSH key of {record.item} ({key.get('fingerprint', '?')})"
    if record.before is None and record.after is not None:
        title = after.get("title") or after.get("topic") or ""
        if record.action in ("member.add", "member.remove"):  # (a removal undone adds them back)
            return f"added {record.item} as {after.get('role')}"
        if record.action == "payout.approve":
            return f"approved {after.get('rep')}'s payout statement {record.item}: {after.get('total', 0):,.2f}"
        if record.action in _CREATED:
            return _CREATED[record.action].format(item=record.item)
        return f"created {record.item}" + (f" “{title}”" if title else "")
    if record.after is None:
        return (f"removed member {record.item}" if record.action in ("member.remove", "member.add")
                else f"deleted {record.item}")
    if record.action == "payout.pay":
        return f"marked payout approval {record.item} paid" + (f" ({after['paid_ref']})" if after.get("paid_ref") else "")
    if set(after) == {"status"}:
        return (f"moved {record.item} from {STATUS_LABELS.get(before.get('status'), before.get('status'))}"
                f" to {STATUS_LABELS.get(after['status'], after['status'])}")
    if verb == "step":
        return _step_change(record.item, before.get("steps") or [], after.get("steps") or [])
    changes = ", ".join(f"{key} {_short(before.get(key), limit)} → {_short(after.get(key), limit)}" for key in after)
    return f"changed {record.item}: {changes}"


def redone(record: Activity) -> Activity:
    """The change an undo's `record` took back, as redoing it makes it again (before and after
    swapped, under the change's own action)."""
    action = record.action.removesuffix(".undo")
    return msgspec.structs.replace(record, action=action, before=record.after, after=record.before)


def summary(records: list[Activity], most: int = 10) -> list[str]:
    """A change of many records (a plan import) in at most `most` lines: the first ones
    described, then how many more."""
    lines = [describe(r) for r in records[:most if len(records) <= most else most - 1]]
    if len(records) > len(lines):
        lines.append(f"… and {len(records) - len(lines)} more")
    return lines


def _unlinked(item: str, before: dict, after: dict) -> str:
    """An item that named a deleted one, with the link taken off (`unlinked T-3 from G-1`)."""
    gone: list[str] = []
    for key in after:
        old, new = before.get(key), after.get(key)
        if old != new:
            kept = new if isinstance(new, list) else [new]
            gone += [v for v in (old if isinstance(old, list) else [old]) if v and v not in kept]
    return f"unlinked {item} from {', '.join(gone)}"


#: Changes whose words (`_resource_change`) say what was done, read from the fields it made.
_SAID_AS_MADE = {"goal.checkin", "budget.request", "budget.approve", "budget.reject", "budget.spend"}


def _resource_change(action: str, item: str, before: dict, after: dict) -> str | None:
    """Check-ins and budget decisions in their own words (`approved B-2 for 5,000: booth`)."""
    if action == "goal.checkin":
        confidence = str(after.get("confidence", "")).replace("_", " ")
        return f"checked in on {after.get('goal')}: {_amount(after.get('value'))} ({confidence})"
    if action == "budget.request":
        return f"requested {item} “{after.get('title', '')}” ({_amount(after.get('requested'))})"
    if action == "budget.approve":
        return f"approved {item} for {_amount(after.get('approved'))}: {after.get('reason', '')}"
    if action == "budget.reject":
        return f"rejected {item}: {after.get('reason', '')}"
    if action == "budget.spend":
        return f"spent {_amount(after.get('amount'))} on {after.get('line')}"
    return None


def _amount(value: object) -> str:
    return number(value) if isinstance(value, (int, float)) else _short(value)


_CREATED = {"diagnosis.save": "kept diagnosis {item}", "mapping.save": "saved column mapping {item}",
            "note.add": "added note {item}"}


# A checklist's item in the log -> its name in words; a weekly one adds its week ("checklist:weekly 2026-W48").
_CHECKLIST_NAMES = {"checklist": "the diagnosis checklist", "checklist:review": "the end-of-cycle checklist",
                    "checklist:weekly": "the weekly review"}


def _tick_change(item: str, before: dict, after: dict) -> str:
    """`ticked “Walk the pipeline” on the weekly review 2026-W48`: which item, on which list."""
    old = {t.get("text") for t in before.get("ticks") or []}
    new = {t.get("text") for t in after.get("ticks") or []}
    ticked, text = (True, next(iter(new - old))) if new - old else (False, next(iter(old - new), ""))
    list_item, _, week = item.partition(" ")
    where = " ".join(filter(None, (_CHECKLIST_NAMES.get(list_item, item), week)))
    return f"{'ticked' if ticked else 'unticked'} “{text}” on {where}"


def _short(value: object, limit: int | None = 30) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, list):  # a list of ids reads as them (depends: T-3, T-5); others by count
        if not value:
            return "–"
        if all(isinstance(v, dict) and set(v) == {"rep", "share"} for v in value):  # a deal's splits
            return splits_text(value)
        return ", ".join(value) if all(isinstance(v, str) for v in value) else f"[{len(value)}]"
    if isinstance(value, bool):  # a flag (a training item done, a key account): yes or no
        return "yes" if value else "no"
    if isinstance(value, float):  # an amount: 48,000 or 12.5
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    text = " ".join(str(value).split())  # a long text's lines, on the record's one line
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def _comment_change(item: str, before: list[dict], after: list[dict]) -> str:
    """`commented on T-12: sent the quote…` (or, undone, `removed the comment on T-12: …`)."""
    added = [c for c in after if c not in before]
    gone = [c for c in before if c not in after]
    verb, comment = (f"commented on {item}", added[-1]) if added else \
        (f"removed the comment on {item}", gone[-1]) if gone else (f"changed the comments on {item}", {})
    lines = str(comment.get("text", "")).splitlines()
    text = lines[0] if lines else ""
    return f"{verb}: {text if len(text) <= 60 else text[:59] + '…'}" if text else verb


def _payment_change(item: str, before: list[dict], after: list[dict], limit: int | None) -> str:
    """`recorded a payment of 12,000 on D-7 (2026-12-01, INV-88)`: what a customer paid."""
    added = [p for p in after if p not in before] or [p for p in before if p not in after]
    if not added:
        return f"changed the payments of {item}"
    payment = added[-1]
    note = f", {_short(payment['note'], limit)}" if payment.get("note") else ""
    return f"recorded a payment of {_amount(payment.get('amount'))} on {item} ({payment.get('on')}{note})"


def _step_change(item: str, before: list[dict], after: list[dict]) -> str:
    for old, new in zip(before, after):
        if old.get("done") != new.get("done"):
            return f"{'ticked' if new.get('done') else 'unticked'} “{new.get('text', '')}” on {item}"
    return f"changed the steps of {item}"


def _pipeline_change(record: Activity, before: dict, after: dict, limit: int | None = 30) -> str:
    """Deal moves, snapshots and logged activities, in words ("" for other records)."""
    if record.action == "deal.move" and "stage" in after:
        why = f" ({_short(after['lost_reason'], limit)})" if after.get("lost_reason") else ""
        return f"moved {record.item} from {before.get('stage')} to {after['stage']}{why}"
    if record.action == "deal.paid":
        return _payment_change(record.item, before.get("payments") or [], after.get("payments") or [], limit)
    if record.action == "pipeline.snapshot":
        return f"pipeline snapshot for {record.item}"
    if record.action == "touch.log" and after:
        where = " ".join(part for part in (after.get("deal") or "", after.get("account") or "") if part)
        note = _short(after.get("note"), limit) if after.get("note") else ""
        kind = str(after.get("type"))
        article = "an" if kind[:1] in ("a", "e", "i", "o", "u") else "a"  # an email; a call, a visit
        return f"logged {article} {kind} on {where}" + (f": {note}" if note else "")
    if record.action == "coaching.add" and after:
        return f"added coaching note {record.item} for {after.get('rep')}"
    if record.action == "alert.snooze" and after:
        return f"snoozed {record.item} until {after.get('until')}: {_short(after.get('reason'), limit)}"
    return ""
