"""What a plan file may not rewrite: the records of what happened.

A plan file can create and change a plan's items, but some of their fields are records that
the board writes as things happen: a deal's stage history (each move, stamped when it is made:
it decides which period a win is paid in), a task's comments (who said what, when), a check-in's
author and time, and a payout approval (what a lead signed off). Editing them in a file would
forge them. These rules say, for one item of a file against the board's, what is wrong:

- a stage history must run forward in time, for everyone;
- a lead may correct records (a wrong date, a comment to take down); anyone else may only add
  to them: the history and comments already there stay as they are;
- what someone else adds must be theirs and now: a move or a comment is dated today, a comment
  or a check-in is their own;
- a spend or budget request someone else adds is in their own name;
- nothing a file adds or redates happened in the days to come, whoever writes it, as no command
  dates it so: a stage entered, a comment, a check-in, a spend and when it was recorded, a task
  done, a training item done, a goal closed, a budget line requested, a review answer given, a
  payout approved or paid (what is a plan, not a record, may: a due date, a deadline, a deal's
  expected close, a payment the customer is due to make, as `deal paid --on` records one);
- a check-in added says where a goal stood: not after the goal was closed, nor on a goal that
  rolls up from its contributors (as `goal checkin` holds it), and a rate (win rate, margin...)
  is from 0 to 100%, as `goal checkin` takes one;
- a spend entry added or redated is money already spent: not dated in the days to come;
- a spend someone else adds or restamps is stamped now (`at`), as `budget spend` stamps it, and a
  task someone else marks done at a moment (`done_at`) is done now, as `task done` records it
  (backdated, it would move the burn-up's past); a lead may date them, but not done in the days
  to come;
- a training item marked done has happened: not dated in the days to come;
- a payout approval is never changed by a file, except for the payment marks on it (approve
  again instead);
- a payout hold has its reason, as `uplift payout hold` takes one; a file may change the reason
  and release it (or put it back on), never whose it is, its cycle, or who held it and when; it
  is held and released now, not in the days to come.

Each rule gives (path within the item, message as a Reason, refused): refused problems are permissions
(exit 1), the others mistakes in the file (exit 2).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sales.budget import check_spend_day, check_training_done
from sales.errors import Reason, Word
from sales.goals import OUTCOME_LABELS, checkin_value_problem
from sales.plan_check import AT_EXAMPLE
from sales.rollup import checkin_refusal

#: What a payout approval lets a file change: payroll's marks (who may set them is a permission).
APPROVAL_PAYMENT = frozenset({"paid_at", "paid_by", "paid_ref"})

Problem = tuple[str, Reason, bool]  # (path within the item, message, refused)


def moment_to_come(moment: datetime, today: date) -> bool:
    """Whether `moment` (a record's stamp, in UTC) is in the days to come for someone whose day
    is `today`: a day of slack, as the stamp is UTC and the day the actor's (one the board made,
    exported and read back, is never to come)."""
    return moment.date() > today + timedelta(days=1)


def dated_otherwise(day: date, today: date) -> bool:
    """Whether a record that its command stamps now (a move, a comment, a task done) is dated
    `day` rather than `today` for one who may not date it (anyone but a lead): a day of slack
    either way, as the stamp is UTC and the day the actor's. A deal file's won or lost row is held
    to it too (`uplift deal import`, its close date: a rep's win is dated when it is recorded)."""
    return abs((day - today).days) > 1


def record_problems(kind: str, old: Any | None, new: Any, actor: str, lead: bool, today: date,
                    goals: Mapping[str, Any] | None = None, board_goals: Mapping[str, Any] | None = None,
                    ) -> list[Problem]:
    """What is wrong with the records of `new` (a file's item of `kind`) given `old` (the
    board's, None for an item the file creates), imported by `actor`; `goals`: the goals as the
    import leaves them, by id (what a check-in is on), `board_goals` as the board has them."""
    if kind == "deal":
        return _history(old, new, lead, today)
    if kind == "task":
        return _comments(old, new, actor, lead, today) or done_at_problems(old, new, lead, today)
    if kind == "checkin":
        goal = (goals or {}).get(new.goal)
        return (_checkin(old, new, actor, lead) or _checkin_day(old, new, goal, today)
                or _checkin_rolled_up(old, new, goals or {}, (board_goals or {}).get(new.goal))
                or _checkin_value(old, new, goal))
    if kind == "approval":
        return (_approval(old, new) if old is not None else []) or _approval_days(old, new, today)
    if kind == "hold":
        return _hold(old, new, today)
    if kind == "spend":
        return _spend(old, new, today) + _own(old, new, "by", actor, lead) + _spend_stamp(old, new, lead, today)
    if kind == "budget":
        return _day_to_come(old, new, "requested_on", today, Reason(
            "a budget line is requested on the day it is asked for; {day} is still to come",
            day=new.requested_on)) + _own(old, new, "requested_by", actor, lead)
    if kind == "goal":  # (a closing's day is the closer's: a day of slack, as a stamp's; one in the past stands)
        closed = new.closed
        kept = old is not None and old.closed is not None and old.closed.on == getattr(closed, "on", None)
        return [] if closed is None or kept or closed.on <= today + timedelta(days=1) else [
            ("closed.on", Reason("a goal is closed on the day it is closed; {day} is still to come", day=closed.on),
             False)]
    if kind == "answer":
        return _answer_day(old, new, today)
    if kind == "training":
        return _training(old, new, today)
    if kind == "note":
        return _note(old, new, actor, lead, today)
    if kind == "snapshot":
        return _stamped(old, new, "saved_at", today,
                        lambda day: Reason("a diagnosis is kept when it is run; {day} is still to come", day=day))
    if kind == "mapping":
        return _stamped(old, new, "saved_at", today,
                        lambda day: Reason("a column mapping is saved when a diagnosis is run; {day} is still to come",
                                           day=day))
    return []


def _stamped(old: Any | None, new: Any, field: str, today: date, to_come) -> list[Problem]:
    """A moment (`field`, ISO) that the file adds or changes: a moment, and not one to come."""
    at = getattr(new, field)
    if not at or (old is not None and getattr(old, field) == at):
        return []
    if (moment := read_moment(at)) is None:
        return [(field, Reason("{value!r} is not a date and time: write it as {example}", value=at,
                               example=AT_EXAMPLE), False)]
    if moment_to_come(moment, today):
        return [(field, to_come(moment.date()), False)]
    return []


def read_moment(at: str) -> datetime | None:
    """A moment as a file writes it (ISO; in UTC when it names no zone), or None when it is none."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _note(old: Any | None, new: Any, actor: str, lead: bool, today: date) -> list[Problem]:
    """An interview note is written down by whoever adds it, then (`uplift note add` stamps both):
    only a lead writes one in another's name or dates it, and no one in the days to come."""
    if not lead and old is None and new.author not in (None, actor):
        return [("author", Reason("a note you add is written down by you ({actor}), not {by}", actor=actor,
                                  by=new.author), True)]
    if not lead and old is not None and (old.author, old.created) != (new.author, new.created):
        return [("author" if old.author != new.author else "created",
                 Reason("who wrote a note down, and when, are records: only a lead corrects them"), True)]
    if not lead and old is None and new.created:
        made = read_moment(new.created)
        if made is not None and dated_otherwise(made.date(), today):
            return [("created", Reason("a note is dated when it is written down ({today}); only a lead may date "
                                       "it {day}", today=today, day=made.date()), True)]
    return _stamped(old, new, "created", today,
                    lambda day: Reason("a note is dated when it is written down; {day} is still to come", day=day))


def moves_dated(document: object, stages: Mapping[str, str], now: datetime, known: Collection[str] = ()) -> object:
    """The plan document (as read from a file) with the stage entries `uplift deal add` and
    `deal move` would make, dated `now`: a new deal (its id not in `known`, the board's) written
    without a history enters its stage now, and a deal moved by its `stage` alone (a person moves
    a deal in a file as on the board) has the move recorded; won so without a close date, it
    closed today, as on the board. Only a move from a stage the pipeline still has (`stages`:
    name -> outcome): a stage renamed in the file alone is no move, and is said as before ("the
    deal is in X but its history ends in Y"). The document itself is not changed."""
    if not isinstance(document, dict) or not isinstance(document.get("deals"), list):
        return document
    deals = []
    for deal in document["deals"]:
        if not isinstance(deal, dict) or not isinstance(deal.get("stage"), str) or deal["stage"] not in stages:
            deals.append(deal)
            continue
        history, ident = deal.get("history"), deal.get("id")
        last = history[-1].get("stage") if isinstance(history, list) and history and isinstance(history[-1], dict) \
            else None
        entered = {"stage": deal["stage"], "at": now}
        if history in (None, []) and (ident is None or isinstance(ident, str) and ident not in known):
            deal = {**deal, "history": [entered]}
        elif isinstance(last, str) and last != deal["stage"] and last in stages:
            deal = {**deal, "history": [*history, entered]}
        else:
            deals.append(deal)
            continue
        if stages[deal["stage"]] == "won" and not deal.get("close"):
            deal["close"] = now.date().isoformat()  # (won as it is moved: it closed today)
        deals.append(deal)
    return {**document, "deals": deals}


def _history(old: Any | None, new: Any, lead: bool, today: date) -> list[Problem]:
    entries = new.history
    for index in range(1, len(entries)):
        if entries[index].at < entries[index - 1].at:
            return [(f"history[{index}].at", Reason("{at:%Y-%m-%d %H:%M} is before the stage before it "
                                                    "({before:%Y-%m-%d %H:%M}): a history runs forward in time",
                                                    at=entries[index].at, before=entries[index - 1].at), False)]
    kept = list(old.history) if old is not None else []
    for index, entry in enumerate(entries):  # (the board's own entries stay, whatever their day)
        if entry not in kept and moment_to_come(entry.at, today):
            return [(f"history[{index}].at", Reason("a deal enters a stage when it is moved there; {day} is still "
                                                    "to come", day=entry.at.date()), False)]
    if lead:
        return []
    if entries[:len(kept)] != kept:
        return [("history", Reason("only a lead may change the stages a deal has been through; "
                                   "a move adds to them"), True)]
    for index in range(len(kept), len(entries)):
        if dated_otherwise(entries[index].at.date(), today):
            return [(f"history[{index}].at", Reason("a move is dated when it is made ({today}); only a lead "
                                                    "may date one {day}", today=today, day=entries[index].at.date()),
                     True)]
    return []


def _comments(old: Any | None, new: Any, actor: str, lead: bool, today: date) -> list[Problem]:
    kept = list(old.comments) if old is not None else []
    if not lead and new.comments[:len(kept)] != kept:
        return [("comments", Reason("only a lead may change or remove comments already made; add a new one"), True)]
    known = {(c.at, c.by, c.text) for c in kept}
    for index, comment in enumerate(new.comments):
        if (comment.at, comment.by, comment.text) in known:
            continue
        if moment_to_come(comment.at, today):
            return [(f"comments[{index}].at", Reason("a comment is dated when it is made; {day} is still to come",
                                                     day=comment.at.date()), False)]
        if comment.by != actor and not (lead and old is None):
            return [(f"comments[{index}].by", Reason("a new comment is {actor}'s own, not {by}'s", actor=actor,
                                                     by=comment.by), True)]
        if not lead and dated_otherwise(comment.at.date(), today):  # (as `task comment` stamps it: now)
            return [(f"comments[{index}].at", Reason("a comment is dated when it is made ({today}); only a lead "
                                                     "may date one {day}", today=today, day=comment.at.date()), True)]
    return []


def done_at_problems(old: Any | None, new: Any, lead: bool, today: date) -> list[Problem]:
    """When a task was done, as the file adds or changes it: now for anyone but a lead (a day
    of slack either way, as a comment's: the moment is UTC, the day the actor's), never to come.
    A taskwarrior list's done tasks (`uplift task import`, their `end`) are held to it too."""
    done = new.done_at
    if done is None or (old is not None and old.done_at == done):
        return []
    if moment_to_come(done, today):
        return [("done_at", Reason("a task is done once it is; {day} is still to come", day=done.date()), False)]
    if not lead and dated_otherwise(done.date(), today):
        return [("done_at", Reason("a task is done when it is marked done ({today}); only a lead may date it "
                                   "{day}", today=today, day=done.date()), True)]
    return []


def _spend_stamp(old: Any | None, new: Any, lead: bool, today: date) -> list[Problem]:
    """When a spend was recorded (`at`), as the file adds or changes it: now, as `budget spend`
    stamps it, for anyone but a lead (a day of slack either way)."""
    if (old is not None and old.at == new.at) or not dated_otherwise(new.at.date(), today):
        return []
    if moment_to_come(new.at, today):
        return [("at", Reason("a spend is stamped when it is recorded; {day} is still to come", day=new.at.date()),
                 False)]
    if lead:
        return []
    return [("at", Reason("a spend is stamped when it is recorded ({today}); only a lead may date it {day}",
                          today=today, day=new.at.date()), True)]


def _checkin(old: Any | None, new: Any, actor: str, lead: bool) -> list[Problem]:
    if old is not None and (old.by, old.at) != (new.by, new.at):
        return [("by" if old.by != new.by else "at", Reason("who checked in and when stay as they were"), True)]
    if old is None and not lead and new.by != actor:
        return [("by", Reason("a new check-in is {actor}'s own, not {by}'s", actor=actor, by=new.by), True)]
    return []


def _checkin_day(old: Any | None, new: Any, goal: Any | None, today: date) -> list[Problem]:
    """A check-in the file adds says where the goal stood, as `goal checkin` records one: not
    on a day still to come, nor after its goal was closed (a closed goal takes no check-ins; its
    final value is kept). A check-in is stamped in UTC and the days are the actor's, so a day of
    slack either way: one the board made, exported and read back, is never refused."""
    if old is not None:
        return []
    day = new.at.date()
    if moment_to_come(new.at, today):
        return [("at", Reason("a check-in says where the metric stood; {date} is still to come", date=day), False)]
    closed = getattr(goal, "closed", None)
    if closed is not None and day > closed.on + timedelta(days=1):
        return [("at", Reason("{id} is closed ({outcome}, on {day}): it takes no more check-ins "
                              "(`uplift goal reopen {id}` if it runs on)", id=goal.id,
                              outcome=Word(OUTCOME_LABELS[closed.outcome]), day=closed.on), False)]
    return []


def _checkin_rolled_up(old: Any | None, new: Any, goals: Mapping[str, Any], before: Any | None) -> list[Problem]:
    """A goal that rolls up from its contributors on the board, and still does after the file,
    takes no new check-in, as `goal checkin` refuses one (its value is its contributors'). Its
    check-ins from before it rolled up stay, and a file that makes a goal (a fresh board's) brings
    its check-ins with it, whatever it rolls up."""
    goal = goals.get(new.goal)
    if old is not None or goal is None or before is None or goal.rollup is None or before.rollup is None:
        return []
    return [("goal", checkin_refusal(goal, list(goals.values())), False)]


def _checkin_value(old: Any | None, new: Any, goal: Any | None) -> list[Problem]:
    """A check-in the file adds, or whose value it changes, holds a value its goal's metric can
    take, as `goal checkin` takes one (sales.goals.checkin_value_problem: a rate is 0 to 100%)."""
    if goal is None or (old is not None and old.value == new.value):
        return []
    wrong = checkin_value_problem(goal, new.value)
    return [("value", wrong, False)] if wrong is not None else []


def _day_to_come(old: Any | None, new: Any, field: str, today: date, reason: Reason) -> list[Problem]:
    """A day (`field`) the file adds or changes that is still to come: `reason` says so."""
    day = getattr(new, field)
    if day is None or (old is not None and getattr(old, field) == day) or day <= today:
        return []
    return [(field, reason, False)]


def _answer_day(old: Any | None, new: Any, today: date) -> list[Problem]:
    """When a gap-analysis answer was given (`at`), as the file adds or changes it: a moment, not
    one to come (`review answer` stamps it now)."""
    if not new.at or (old is not None and old.at == new.at):
        return []
    if (at := read_moment(new.at)) is None:
        return [("at", Reason("{value!r} is not a date and time: write it as {example}", value=new.at,
                              example=AT_EXAMPLE), False)]
    if moment_to_come(at, today):
        return [("at", Reason("an answer is dated when it is given; {day} is still to come", day=at.date()), False)]
    return []


def _approval_days(old: Any | None, new: Any, today: date) -> list[Problem]:
    """A payout approval is made (`at`) and paid (`paid_at`) now, as `payout approve` and
    `payout paid` stamp them: one the file adds, or a paid mark it sets, is not to come."""
    for field in ("at", "paid_at"):
        moment = getattr(new, field)
        if moment is not None and (old is None or getattr(old, field) != moment) and moment_to_come(moment, today):
            return [(field, Reason("a payout statement is approved when it is approved; {day} is still to come"
                                   if field == "at" else "a payout is marked paid when payroll paid it; {day} is "
                                   "still to come", day=moment.date()), False)]
    return []


def _own(old: Any | None, new: Any, field: str, actor: str, lead: bool) -> list[Problem]:
    """What someone else adds (a spend, a budget request) is in their own name, as the command
    that makes it writes it."""
    if old is None and not lead and getattr(new, field) != actor:
        return [(field, Reason("a new spend is {actor}'s own, not {by}'s" if field == "by" else
                               "a new budget request is {actor}'s own, not {by}'s",
                               actor=actor, by=getattr(new, field)), True)]
    return []


def _spend(old: Any | None, new: Any, today: date) -> list[Problem]:
    """A spend entry the file adds or redates is money already spent, as `budget spend` says
    (one kept as it was on the board stays, whatever its day)."""
    if old is not None and old.on == new.on:
        return []
    try:
        check_spend_day(new.on, today)
    except Reason as error:
        return [("on", error, False)]
    return []


def _training(old: Any | None, new: Any, today: date) -> list[Problem]:
    """A training item the file marks done, or redates while done, has happened, as `training
    done` says (one kept as it was on the board stays)."""
    if not new.done or (old is not None and old.done and old.on == new.on):
        return []
    try:
        check_training_done(new.id, new.on, today)
    except Reason as error:
        return [("done", error, False)]
    return []


#: What a file may change of a payout hold: its reason, and its release (a lead's, as `payout hold`).
HOLD_CHANGES = frozenset({"reason", "released_at", "released_by"})


def _hold(old: Any | None, new: Any, today: date) -> list[Problem]:
    import msgspec

    if not new.reason.strip():
        return [("reason", Reason("a hold needs its reason (the dispute, as the rep will read it)"), False)]
    if old is not None:
        before, after = msgspec.to_builtins(old), msgspec.to_builtins(new)
        changed = sorted(key for key in set(before) | set(after)
                         if key not in HOLD_CHANGES and before.get(key) != after.get(key))
        if changed:
            return [(changed[0], Reason("{id} is a record of a hold: only its reason and its release can change "
                                        "(uplift payout hold REP --release)", id=old.id), True)]
    if (new.released_at is None) != (new.released_by is None):
        return [("released_by" if new.released_by is None else "released_at",
                 Reason("a released hold says when and by whom: released_at and released_by go together"), False)]
    for field in ("at", "released_at"):
        moment = getattr(new, field)
        if moment is not None and (old is None or getattr(old, field) != moment) and moment_to_come(moment, today):
            return [(field, Reason("a payout statement is held when it is held; {day} is still to come"
                                   if field == "at" else "a hold is released when it is released; {day} is still "
                                   "to come", day=moment.date()), False)]
    return []


def _approval(old: Any, new: Any) -> list[Problem]:
    import msgspec

    before, after = msgspec.to_builtins(old), msgspec.to_builtins(new)
    changed = sorted(key for key in set(before) | set(after)
                     if key not in APPROVAL_PAYMENT and before.get(key) != after.get(key))
    if changed:
        return [(changed[0], Reason("{id} is a record of what was approved: it cannot be changed "
                                    "(approve the statement again: `uplift payout approve`)", id=old.id), True)]
    return []
