"""The activity record: who changed what, when, from what to what."""

from __future__ import annotations

import msgspec

from sales.tasks import STATUS_LABELS


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


def describe(record: Activity) -> str:
    """The record in a few plain words, e.g. `moved T-4 from To do to Doing`."""
    before, after = record.before or {}, record.after or {}
    verb = record.action.split(".")[-1]
    if record.before is None and record.after is not None:
        title = after.get("title", "")
        if record.action == "member.add":
            return f"added {record.item} as {after.get('role')}"
        if record.action in _CREATED:
            return _CREATED[record.action].format(item=record.item)
        return f"created {record.item}" + (f" “{title}”" if title else "")
    if record.after is None:
        return f"removed member {record.item}" if record.action == "member.remove" else f"deleted {record.item}"
    if set(after) == {"status"}:
        return (f"moved {record.item} from {STATUS_LABELS.get(before.get('status'), before.get('status'))}"
                f" to {STATUS_LABELS.get(after['status'], after['status'])}")
    if record.action == "checklist.tick":
        ticks_before, ticks_after = len(before.get("ticks") or []), len(after.get("ticks") or [])
        return f"{'ticked' if ticks_after > ticks_before else 'unticked'} an item of the diagnosis checklist"
    if verb == "step":
        return _step_change(record.item, before.get("steps") or [], after.get("steps") or [])
    changes = ", ".join(f"{key} {_short(before.get(key))} → {_short(after.get(key))}" for key in after)
    return f"changed {record.item}: {changes}"


_CREATED = {"diagnosis.save": "kept diagnosis {item}", "mapping.save": "saved column mapping {item}",
            "note.add": "added note {item}", "checklist.tick": "ticked an item of the diagnosis checklist"}


def _short(value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, list):
        return f"[{len(value)}]"
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def _step_change(item: str, before: list[dict], after: list[dict]) -> str:
    for old, new in zip(before, after):
        if old.get("done") != new.get("done"):
            return f"{'ticked' if new.get('done') else 'unticked'} “{new.get('text', '')}” on {item}"
    return f"changed the steps of {item}"
