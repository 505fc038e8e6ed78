"""The activity record: who changed what, when, from what to what."""

from __future__ import annotations

import msgspec

from sales.errors import Word
from sales.goals import OUTCOME_LABELS, number
from sales.notes import NOTE_KINDS
from sales.phrases import Phrase, labelled, listed
from sales.splits import splits_text
from sales.tasks import PRIORITIES, STATUS_LABELS, STATUSES


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


def describe(record: Activity, limit: int | None = 30) -> Phrase:
    """The record in a few plain words, e.g. `moved T-4 from To do to Doing`, as a Phrase (the
    interface says it in its language). A changed value longer than `limit` characters is cut
    with `…` (None: never)."""
    if record.action.endswith(".undo"):
        # an undo is named by the change it took back, in that change's own words, as `uplift
        # undo` says it ("undid: moved T-1 from To do to Doing", never the reverse move: one
        # wording, so "undo: removed chen" cannot mean either); the change's fields are the
        # undo's, swapped
        return Phrase("undid: {change}", change=describe(redone(record), limit))
    if record.action.endswith(".redo"):  # the change made again, in its own words
        return Phrase("redid: {change}", change=describe(
            msgspec.structs.replace(record, action=record.action.removesuffix(".redo")), limit))
    before, after = record.before or {}, record.after or {}
    verb = record.action.split(".")[-1]
    special = _pipeline_change(record, before, after, limit) or _resource_change(
        record.action, record.item, before, after) or _answer_change(record, before, after, limit)
    if special:
        return special
    if verb == "tick":
        return _tick_change(record.item, before, after)
    if record.action == "task.comment":
        return _comment_change(record.item, before.get("comments") or [], after.get("comments") or [])
    if verb == "delete" and record.before is not None and record.after is not None:
        return _unlinked(record.item, before, after)
    if verb == "handover" and (owner := "owner" if "owner" in after else "requested_by") in after:
        return Phrase("handed {item} from {giver} to {taker}", item=record.item,
                      giver=before.get(owner) or Word("nobody"), taker=after[owner])
    if record.action == "member.prefs":  # (a member's own language and theme: store/members.py)
        if record.after is None:  # (taken off the board with them)
            return Phrase("cleared {name}'s language and theme", name=record.item)
        return Phrase("set {name}'s language to {language} and theme to {theme}", name=record.item,
                      language=_language_name(after.get("language")) or Word("the server's"),
                      theme=after.get("theme") or Word("the server's"))
    if record.action.startswith("member.key_"):
        key = after or before
        return Phrase("added an SSH key of {name} ({fingerprint})" if record.action == "member.key_add"
                      else "removed an SSH key of {name} ({fingerprint})",
                      name=record.item, fingerprint=key.get("fingerprint", "?"))
    if record.before is None and record.after is not None:
        title = after.get("title") or after.get("topic") or ""
        if record.action in ("member.add", "member.remove"):  # (a removal undone adds them back)
            return Phrase("added {name} as {role}", name=record.item, role=Word(str(after.get("role"))))
        if record.action == "member.left":  # (a plan file's `former:`: store.plan_io)
            return Phrase("recorded that {name} has left the board (as {role})", name=record.item,
                          role=Word(str(after.get("role"))))
        if record.action == "payout.hold":
            return Phrase("held {rep}'s payout statement for {start} to {end} ({item}): {reason}", rep=after.get("rep"),
                          start=after.get("start"), end=after.get("end"), item=record.item,
                          reason=after.get("reason", ""))
        if record.action == "payout.approve":
            return Phrase("approved {rep}'s payout statement {item}: {total:,.2f}", rep=after.get("rep"),
                          item=record.item, total=after.get("total", 0))
        if (made := _created(record.action, record.item)) is not None:
            return made
        if title:
            return Phrase("created {item} “{title}”", item=record.item, title=title)
        return Phrase("created {item}", item=record.item)
    if record.after is None:
        return (Phrase("removed member {name}", name=record.item) if record.action in ("member.remove", "member.add")
                else Phrase("deleted {item}", item=record.item))
    if record.action == "payout.release":
        return Phrase("released payout hold {item}", item=record.item) if after.get("released_at") else \
            Phrase("put payout hold {item} back on", item=record.item)
    if record.action == "payout.hold":  # (a hold's reason changed)
        return Phrase("changed the reason of payout hold {item}: {reason}", item=record.item,
                      reason=after.get("reason", ""))
    if record.action == "payout.pay":
        if after.get("paid_ref"):
            return Phrase("marked payout approval {item} paid ({ref})", item=record.item, ref=after["paid_ref"])
        return Phrase("marked payout approval {item} paid", item=record.item)
    if record.action == "training.edit" and set(after) == {"done"}:  # `training done L-2 [--undo]`
        return Phrase("marked {item} done" if after["done"] else "marked {item} not done", item=record.item)
    if set(after) - {"done_at"} == {"status"}:  # (a reopened task done before it came in forgets when)
        return Phrase("moved {item} from {old} to {new}", item=record.item,
                      old=_status(before.get("status")), new=_status(after["status"]))
    if verb == "step":
        return _step_change(record.item, before.get("steps") or [], after.get("steps") or [])
    return Phrase("changed {item}: {changes}", item=Word("board") if record.item == "board" else record.item,
                  changes=_field_changes(before, after, limit))


def _field_changes(before: dict, after: dict, limit: int | None) -> Phrase:
    """`due 2026-12-08 → 2026-12-11, priority low → high`: each changed field a label and its
    values, one after another as clauses (Chinese `，`; a list inside one takes `、`)."""
    # a deal's stage history comes with its stage (`deal edit --stage Won`): the stage says it,
    # where `history [3] → [4]` said only that the store keeps a list
    # each change a label and its value (`priority low → high`; in Chinese `优先级：低 → 高`)
    changes = [labelled(_FIELD_WORDS.get(key, key),
                        Phrase("{old} → {new}", **dict(zip(("old", "new"), _values(key, before.get(key),
                                                                                    after.get(key), limit)))))
               for key in after if not (key == "history" and "stage" in after)]
    return listed(changes, clauses=True)


def edited(action: str, old: object, new: object) -> Phrase:
    """What an edit of one item changed, as the log says it, for the command that made it to
    print: `T-31: due 2026-12-08 → 2026-12-11, priority low → high` (a plain field edit: the
    item and its changes), else the log's own line (`commented on T-31: …`, a stage's move),
    and `T-31: nothing changed` for an edit that changed nothing."""
    before, after = msgspec.to_builtins(old), msgspec.to_builtins(new)
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    item = after.get("id") or before.get("id")
    if not keys:
        return Phrase("{item}: nothing changed", item=item)
    record = Activity(seq=0, txn=0, at="", actor="", action=action, item=item,
                      before={k: before.get(k) for k in keys}, after={k: after.get(k) for k in keys})
    said = describe(record)
    if said.template == "changed {item}: {changes}":  # (a plain edit: the item, then what changed)
        return Phrase("{item}: {changes}", item=item, changes=said.values["changes"])
    return said


#: A changed field as a log line names it (`changed T-4: priority normal → high`), translated with
#: the line; a field not here is named as the store names it.
_FIELD_WORDS = {
    "zone": Word("time zone"), "title": Word("title"), "owner": Word("owner"), "status": Word("status"), "priority": Word("priority"),
    "start": Word("start"), "due": Word("due"), "goal": Word("goal"), "strategy": Word("strategy"),
    "deal": Word("deal"), "depends": Word("depends"), "tags": Word("tags"), "steps": Word("steps"),
    "expected_result": Word("expected_result"), "measure": Word("measure"), "every": Word("every"),
    "account": Word("account"), "product": Word("product"), "key_account": Word("key_account"),
    "stage": Word("stage"), "value": Word("value"), "close": Word("close"), "next_step": Word("next_step"),
    "next_due": Word("next_due"),
    "forecast": Word("forecast"), "business": Word("business"), "lost_reason": Word("lost_reason"),
    "splits": Word("splits"), "parent": Word("parent"), "description": Word("description"),
    "metric": Word("metric"), "scope": Word("scope"), "baseline": Word("baseline"), "target": Word("target"),
    "unit": Word("unit"), "deadline": Word("deadline"), "subtargets": Word("subtargets"),
    "rollup": Word("rollup"), "dimension": Word("dimension"), "goals": Word("goals"), "text": Word("text"),
    "name": Word("name"), "wip": Word("wip"), "budget": Word("budget"), "role": Word("role"),
    "target_kind": Word("target_kind"), "direction": Word("direction"), "kind": Word("kind"),
    "source": Word("source"), "done_at": Word("done at"),
    "topic": Word("topic"), "audience": Word("audience"), "on": Word("on"),
    "category": Word("category"), "note": Word("note"), "period": Word("period"), "alerts": Word("alerts"),
}


#: Stored values a log line names as words (the English as stored, translated with the line): a
#: goal's direction and target kind, a note's tags, the board's WIP limits and alert settings.
_VALUE_WORDS = {
    "direction": {"increase": Word("increase"), "decrease": Word("decrease"), "above": Word("above"),
                  "below": Word("below")},
    "target_kind": {"absolute": Word("absolute"), "percent": Word("percent"), "points": Word("points")},
    "tags": {"pain_point": Word("pain_point"), "unmet_need": Word("unmet_need"), "competitor": Word("competitor"),
             "praise": Word("praise")},
    "wip": {status: Word(status) for status in STATUSES},  # (`doing 3`, said `进行中：3`)
    "alerts": {"conversion_drop": Word("conversion_drop"), "min_left": Word("min_left"),
               "quiet_days": Word("quiet_days"), "default_quiet_days": Word("default_quiet_days"),
               "stuck_days": Word("stuck_days"), "default_stuck_days": Word("default_stuck_days")},
}


def _values(key: str, old: object, new: object, limit: int | None) -> tuple[object, object]:
    """A changed value before and after, as `_value` says each; two long texts that begin
    alike are both cut around where they first differ (`…win rate on qualified deals…` →
    `…win rate on qualified calls…`), not at the same place, which showed the same words twice."""
    before, after = _value(key, old, None), _value(key, new, None)
    if limit is None or not (isinstance(before, str) and isinstance(after, str)) \
            or max(len(before), len(after)) <= limit:
        return _value(key, old, limit), _value(key, new, limit)
    same = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    if same < limit - 1:  # (the difference shows in what a cut keeps)
        return _value(key, old, limit), _value(key, new, limit)
    start = max(0, same - limit // 3)
    if (space := before.rfind(" ", max(0, start - 8), start + 1)) >= 0:  # (from the start of a word)
        start = space + 1
    return _window(before, start, limit), _window(after, start, limit)


def _window(text: str, start: int, limit: int) -> str:
    """`limit` characters of `text` from `start`, a `…` at either end that is cut."""
    shown = text[start:]
    if start:
        shown = "…" + shown
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def _value(key: str, value: object, limit: int | None) -> object:
    """A changed value as a log line says it: a status, a priority or a note's kind as the word it is stored as
    (`todo`, `high`: the English stays as it was), translated with the line, and so a goal's
    direction and target kind, a note's tags and the alert settings' names (`_VALUE_WORDS`: they
    showed through in English in the Chinese feed); anything else as `_short` writes it."""
    if ((key == "status" and value in STATUSES) or (key == "priority" and value in PRIORITIES)
            or (key == "kind" and value in NOTE_KINDS)):
        return Word(str(value))
    words = _VALUE_WORDS.get(key, {})
    if isinstance(value, str) and value in words:
        return words[value]
    if isinstance(value, list) and value and all(isinstance(v, str) and v in words for v in value):
        return _placed([words[v] for v in value], limit)
    if isinstance(value, dict) and value and all(name in words for name in value):
        return _placed([_counted(words[name], _short(item, None)) for name, item in value.items()], limit)
    return _short(value, limit)


def _counted(name: Word, number: str) -> Phrase:
    """`name number` (`conversion_drop 5`, `doing 3`), the name said in the interface's language:
    a number beside a word keeps its space in Chinese too (`进行中 3`; a field and its value
    take `labelled`'s colon)."""
    template = "{name} {value}"  # (only places them: the same in every language)
    return Phrase(template, name=name, value=number)


def _placed(parts: list, limit: int | None) -> Phrase:
    """Parts (Words, Phrases) listed (sales.phrases.listed), each said in the interface's
    language; as many as fit `limit` characters in English, then `…`, as `_short` cuts."""
    shown: list = []
    length = 0
    for part in parts:
        length += len(str(part)) + (2 if shown else 0)
        if limit is not None and length > limit and shown:
            shown.append("…")
            break
        shown.append(part)
    return listed(shown)


def _status(status: object) -> object:
    """A task's status as the log says it: its label, translated with the line."""
    return Word(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def redone(record: Activity) -> Activity:
    """The change an undo's `record` took back, as redoing it makes it again (before and after
    swapped, under the change's own action)."""
    action = record.action.removesuffix(".undo")
    return msgspec.structs.replace(record, action=action, before=record.after, after=record.before)


def summary(records: list[Activity], most: int = 10) -> list[Phrase]:
    """A change of many records (a plan import) in at most `most` lines: the first ones
    described, then how many more."""
    lines = [describe(r) for r in records[:most if len(records) <= most else most - 1]]
    if len(records) > len(lines):
        lines.append(Phrase("… and {count} more", count=len(records) - len(lines)))
    return lines


def _unlinked(item: str, before: dict, after: dict) -> Phrase:
    """An item that named a deleted one, with the link taken off (`unlinked T-3 from G-1`)."""
    gone: list[str] = []
    for key in after:
        old, new = before.get(key), after.get(key)
        if old != new:
            kept = new if isinstance(new, list) else [new]
            gone += [v for v in (old if isinstance(old, list) else [old]) if v and v not in kept]
    return Phrase("unlinked {item} from {ids}", item=item, ids=listed(gone))



def _resource_change(action: str, item: str, before: dict, after: dict) -> Phrase | None:
    """Check-ins and budget decisions in their own words (`approved B-2 for 5,000: booth`)."""
    if action == "goal.checkin":
        confidence = str(after.get("confidence", "")).replace("_", " ")
        return Phrase("checked in on {goal}: {value} ({confidence})", goal=after.get("goal"),
                      value=_amount(after.get("value")), confidence=Word(confidence))
    # (a goal closed or reopened: by `goal close`/`reopen`, their undo, or a plan file's import)
    if action.startswith("goal.") and set(after) == {"closed"} and isinstance(after["closed"], dict):
        outcome = str(after["closed"].get("outcome", ""))
        return Phrase("closed {item}: {outcome}", item=item, outcome=Word(OUTCOME_LABELS.get(outcome, outcome)))
    if action.startswith("goal.") and set(after) == {"closed"} and isinstance(before.get("closed"), dict):
        return Phrase("reopened {item}", item=item)
    if action == "budget.request":
        return Phrase("requested {item} “{title}” ({amount})", item=item, title=after.get("title", ""),
                      amount=_amount(after.get("requested")))
    if action == "budget.approve":
        return Phrase("approved {item} for {amount}: {reason}", item=item, amount=_amount(after.get("approved")),
                      reason=after.get("reason", ""))
    if action == "budget.reject":
        return Phrase("rejected {item}: {reason}", item=item, reason=after.get("reason", ""))
    if action == "budget.spend":
        return Phrase("spent {amount} on {line}", amount=_amount(after.get("amount")), line=after.get("line"))
    if action == "spend.delete":  # (its undo holds the entry in `after`)
        entry = before or after
        return Phrase("took back {item} ({amount} spent on {line})", item=item, amount=_amount(entry.get("amount")),
                      line=entry.get("line"))
    return None


def _answer_change(record: Activity, before: dict, after: dict, limit: int | None) -> Phrase | None:
    """A gap-analysis answer in words (`answered “Was the target too high?”: yes, by 10%`),
    rather than `created R-1`, or its edit's stamps as ISO text."""
    if record.action == "answer.add" and record.before is None and after.get("question"):
        return Phrase("answered “{question}”: {answer}", question=after["question"],
                      answer=_short(after.get("answer"), limit))
    if record.action == "answer.edit" and "answer" in after:
        return Phrase("changed the answer {item}: {old} → {new}", item=record.item,
                      old=_short(before.get("answer"), limit), new=_short(after["answer"], limit))
    return None


def _amount(value: object) -> str:
    return number(value) if isinstance(value, (int, float)) else _short(value)


def _created(action: str, item: str) -> Phrase | None:
    """Creations said in their own words rather than as `created ITEM`."""
    if action == "diagnosis.save":
        return Phrase("kept diagnosis {item}", item=item)
    if action == "mapping.save":
        return Phrase("saved column mapping {item}", item=item)
    if action == "note.add":
        return Phrase("added note {item}", item=item)
    return None


# A checklist's item in the log -> its name in words; a weekly one adds its week ("checklist:weekly 2026-W48").
_CHECKLIST_NAMES = {"checklist:diagnosis": Word("the diagnosis checklist"),
                    "checklist:review": Word("the end-of-cycle checklist"),
                    "checklist:weekly": Word("the weekly review")}

# Items older records name otherwise: the diagnosis checklist's ticks were logged as "checklist",
# no id of the list (`log --json` gave `"item": "checklist"` where the others name theirs).
_LEGACY_ITEMS = {"checklist": "checklist:diagnosis"}


def record_item(item: str) -> str:
    """The item a log record is about as the log names it now (an older record's too)."""
    return _LEGACY_ITEMS.get(item, item)


def item_named(item: str, asked: str) -> bool:
    """Whether a log record's item is the one `log --item` asks for: that item, or, for a
    checklist, every list the name begins (`checklist` all of them, `checklist:weekly` each week's);
    the diagnosis checklist's older name "checklist" once named one list, and a script asks so."""
    item = record_item(item)
    return item == asked or (asked.startswith("checklist") and item.startswith(f"{asked}:" if ":" not in asked
                                                                             else f"{asked} "))


def _tick_change(item: str, before: dict, after: dict) -> Phrase:
    """`ticked “Walk the pipeline” on the weekly review 2026-W48`: which item, on which list."""
    old = {t.get("text") for t in before.get("ticks") or []}
    new = {t.get("text") for t in after.get("ticks") or []}
    ticked, text = (True, next(iter(new - old))) if new - old else (False, next(iter(old - new), ""))
    list_item, _, week = item.partition(" ")
    where = _CHECKLIST_NAMES.get(list_item, item)
    if week:
        return Phrase("ticked “{text}” on {where} {week}" if ticked else "unticked “{text}” on {where} {week}",
                      text=text, where=where, week=week)
    return Phrase("ticked “{text}” on {where}" if ticked else "unticked “{text}” on {where}", text=text, where=where)


def _short(value: object, limit: int | None = 30) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, list):  # a list of ids reads as them (depends: T-3, T-5); others by count
        if not value:
            return "–"
        if all(isinstance(v, dict) and set(v) == {"rep", "share"} for v in value):  # a deal's splits
            return splits_text(value)
        if all(isinstance(v, dict) and {"name", "probability"} <= set(v) for v in value):  # the pipeline's stages
            return _short(", ".join(f"{v['name']} {v['probability']:g}%" for v in value), limit)
        if all(isinstance(v, dict) and "text" in v and "done" in v for v in value):  # a task's steps, as the form
            return _short("; ".join(("[x] " if v["done"] else "") + str(v["text"]) for v in value), limit)
        return listed(value) if all(isinstance(v, str) for v in value) else f"[{len(value)}]"
    if isinstance(value, dict):  # a board setting: wip {"doing": 3} reads `doing 3`, a period its two days
        if set(value) == {"start", "end"}:
            return f"{value['start']}–{value['end']}"
        return _short(", ".join(f"{key} {_short(item, None)}" for key, item in value.items()), limit) if value else "–"
    if isinstance(value, bool):  # a flag (a training item done, a key account): yes or no
        return "yes" if value else "no"  # (inside the list of changes, which is said as data)
    if isinstance(value, float):  # an amount: 48,000 or 12.5
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    text = " ".join(str(value).split())  # a long text's lines, on the record's one line
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def _comment_change(item: str, before: list[dict], after: list[dict]) -> Phrase:
    """`commented on T-12: sent the quote…` (or, undone, `removed the comment on T-12: …`)."""
    added = [c for c in after if c not in before]
    gone = [c for c in before if c not in after]
    if not added and not gone:
        return Phrase("changed the comments on {item}", item=item)
    lines = str((added or gone)[-1].get("text", "")).splitlines()
    text = lines[0] if lines else ""
    if not text:
        return Phrase("commented on {item}" if added else "removed the comment on {item}", item=item)
    return Phrase("commented on {item}: {text}" if added else "removed the comment on {item}: {text}",
                  item=item, text=text if len(text) <= 60 else text[:59] + "…")


def _payment_change(item: str, before: list[dict], after: list[dict], limit: int | None) -> Phrase:
    """`recorded a payment of 12,000 on D-7 (2026-12-01, INV-88)`: what a customer paid."""
    added = [p for p in after if p not in before] or [p for p in before if p not in after]
    if not added:
        return Phrase("changed the payments of {item}", item=item)
    payment = added[-1]
    if payment.get("note"):
        return Phrase("recorded a payment of {amount} on {item} ({day}, {note})", amount=_amount(payment.get("amount")),
                      item=item, day=payment.get("on"), note=_short(payment["note"], limit))
    return Phrase("recorded a payment of {amount} on {item} ({day})", amount=_amount(payment.get("amount")),
                  item=item, day=payment.get("on"))


def _step_change(item: str, before: list[dict], after: list[dict]) -> Phrase:
    if len(after) == len(before) + 1 and after[:-1] == before:  # `task step T-9 TEXT`
        return Phrase("added the step “{text}” to {item}", text=after[-1].get("text", ""), item=item)
    for old, new in zip(before, after):
        if old.get("done") != new.get("done"):
            return Phrase("ticked “{text}” on {where}" if new.get("done") else "unticked “{text}” on {where}",
                          text=new.get("text", ""), where=item)
    return Phrase("changed the steps of {item}", item=item)


def _pipeline_change(record: Activity, before: dict, after: dict, limit: int | None = 30) -> Phrase | None:
    """Deal moves, snapshots and logged activities, in words (None for other records)."""
    if record.action == "deal.move" and "stage" in after:
        if after.get("lost_reason"):
            return Phrase("moved {item} from {old} to {new} ({why})", item=record.item, old=before.get("stage"),
                          new=after["stage"], why=_short(after["lost_reason"], limit))
        return Phrase("moved {item} from {old} to {new}", item=record.item, old=before.get("stage"), new=after["stage"])
    if record.action == "deal.paid":
        return _payment_change(record.item, before.get("payments") or [], after.get("payments") or [], limit)
    if record.action == "pipeline.snapshot":
        return Phrase("pipeline snapshot for {week}", week=record.item)
    if record.action == "touch.log" and after:
        where = " ".join(part for part in (after.get("deal") or "", after.get("account") or "") if part)
        note = _short(after.get("note"), limit) if after.get("note") else ""
        kind = str(after.get("type"))
        an = kind[:1] in ("a", "e", "i", "o", "u")  # an email; a call, a visit
        if note:
            return Phrase("logged an {kind} on {where}: {note}" if an else "logged a {kind} on {where}: {note}",
                          kind=Word(kind), where=where, note=note)
        return Phrase("logged an {kind} on {where}" if an else "logged a {kind} on {where}", kind=Word(kind), where=where)
    if record.action == "coaching.add" and after:
        return Phrase("added coaching note {item} for {rep}", item=record.item, rep=after.get("rep"))
    if record.action == "alert.snooze" and after:
        return Phrase("snoozed {key} until {day}: {reason}", key=record.item, day=after.get("until"),
                      reason=_short(after.get("reason"), limit))
    return None


def _language_name(code: str | None) -> str:
    """A member's kept language by its name (`中文`), as a person reads the log; "" for none."""
    from sales.members import LANGUAGE_NAMES

    return LANGUAGE_NAMES.get(code or "", code or "")
