"""The cycle's burn-up: how many tasks the plan held and how many were done, day by day, and when
the open ones will be done at the pace the team keeps (taskwarrior's burndown, Jira's burn-up).

A burn-up rather than a burn-down: plans grow (a repeating task adds its next occurrence, a lead
adds work), and a burn-down hides that growth as slow progress. Two lines: the plan's tasks (its
scope) and those done; a third, the even pace, is what would be done by each day if the tasks on
the board that day were done evenly over the cycle.

The days are rebuilt from the tasks as they are now and the activity log, newest first, as the
pipeline's history is (sales/movement.py): each change to a task keeps what it changed from, so
taking back the records after a moment gives the tasks as they stood then. No snapshot is kept.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sales.activity import Activity

TASK_HOME = ("tasks", "tasks")  # where a task's records say it lives (Activity.ref)
PACE_DAYS = 14  # the pace is what was done in the last two weeks


@dataclass(frozen=True)
class BurnDay:
    day: date
    scope: int  # the tasks on the board at the day's end
    done: int  # of them, those done

    @property
    def open(self) -> int:
        return self.scope - self.done


@dataclass(frozen=True)
class BurnUp:
    start: date  # the cycle's first day
    end: date  # its last day
    owner: str | None  # whose tasks (None: everyone's)
    days: list[BurnDay]  # from `start` (or later: Board.burn_up's last_days) to today or `end`, one a day
    cycle: bool = True  # False: the board has no cycle dates; `start` to `end` is a window to today
    as_of: date | None = None  # the board's today (after `end` once the cycle is over)
    upcoming: date | None = None  # a cycle yet to begin: its first day (`start` to `end` is then a window to today)

    @property
    def over(self) -> bool:
        """The cycle has ended (its last day has passed)."""
        return self.cycle and self.as_of is not None and self.as_of > self.end

    @property
    def today(self) -> BurnDay:
        return self.days[-1]

    def even_pace(self, day: BurnDay) -> float:
        """What would be done by `day` had that day's tasks been done evenly over the cycle."""
        length = (self.end - self.start).days + 1
        return day.scope * min(1.0, ((day.day - self.start).days + 1) / length)

    @property
    def pace(self) -> float:
        """Tasks done a day over the last PACE_DAYS days (fewer, early in the cycle)."""
        back = min(PACE_DAYS, len(self.days) - 1)
        if back <= 0:
            return 0.0
        return max(0, self.today.done - self.days[-1 - back].done) / back

    def as_dict(self) -> dict:
        """What `uplift burnup --json` prints: every day, the pace and when the open tasks are done."""
        return {"start": self.start, "end": self.end, "cycle": self.cycle, "owner": self.owner,
                "days": [{"day": d.day, "scope": d.scope, "done": d.done, "open": d.open,
                          "even_pace": round(self.even_pace(d), 2) if self.cycle else None} for d in self.days],
                "pace_per_day": round(self.pace, 3), "pace_days": PACE_DAYS, "done_by": self.done_by}

    @property
    def done_by(self) -> date | None:
        """When the open tasks are done at that pace: None when nothing is open or nothing was
        done lately (no pace to go by)."""
        if not self.today.open or self.pace <= 0 or self.over:
            return None
        return self.today.day + timedelta(days=math.ceil(self.today.open / self.pace))

    def weekly(self) -> list[BurnDay]:
        """A day a week, from the first, and today's."""
        rows = self.days[::7]
        return rows if rows[-1] is self.today else [*rows, self.today]


def is_task_record(ref: Sequence | None) -> bool:
    return ref is not None and tuple(ref[:2]) == TASK_HOME


def wanted(first_end: datetime):
    """A filter for the log's raw records: a task's, or the first one before `first_end` (the
    reader stops there), so that other records are not converted."""
    return lambda doc: is_task_record(doc.get("ref")) or datetime.fromisoformat(doc["at"]) < first_end


def _take_back(state: dict[str, dict], record: Activity, moment: datetime) -> None:
    """One task record taken off `state` (id -> {"status", "owner"}, and "done_at" for a task
    done before it came onto the board), made at `moment`."""
    if record.before is None:  # made by this record: not there before it
        done_at = state.get(record.item, {}).get("done_at")
        if (record.after or {}).get("status") == "done" and done_at is not None and done_at < moment:
            # imported done (taskwarrior's `end`): done, and so on the board, from the day it was done
            state[record.item] = {**state[record.item], "status": "done", "since": done_at}
            return
        state.pop(record.item, None)
    elif record.after is None:  # deleted by it: there before, as it was
        state[record.item] = {"status": record.before.get("status"), "owner": record.before.get("owner")}
    elif record.item in state:
        if (done_at := _done_before(record, moment)) is not None:
            # moved to done by a re-import of its list (taskwarrior's `end`): done since it was
            # done there, not since the day the list came in
            state[record.item]["done_since"] = done_at
        state[record.item].update({k: record.before[k] for k in ("status", "owner") if k in record.before})


def _done_before(record: Activity, moment: datetime) -> datetime | None:
    """When a record that moves a task to done says it was done, if before the record (None: the
    record's own moment is when)."""
    after = record.after or {}
    if after.get("status") != "done" or (record.before or {}).get("status") in (None, "done"):
        return None
    try:
        done_at = datetime.fromisoformat(str(after.get("done_at")))
    except ValueError:
        return None
    return done_at if done_at.tzinfo is not None and done_at < moment else None


def _is_done(task: dict, moment: datetime) -> bool:
    """Whether a task's state (as taken back to `moment`) is done then."""
    return task.get("status") == "done" or (task.get("done_since") is not None and task["done_since"] < moment)


def done_by(now: dict[str, dict], records: Iterable[Activity], moment: datetime) -> set[str]:
    """The tasks that were done at `moment`: `now` is every task's status (id -> {"status",
    "owner", "done_at"}), `records` the log newest first (a task done before it came onto the
    board counts from its `done_at`)."""
    state = {key: dict(value) for key, value in now.items()}
    for record in records:
        at = datetime.fromisoformat(record.at)
        if at < moment:
            break
        if is_task_record(record.ref):
            _take_back(state, record, at)
    return {key for key, task in state.items()
            if _is_done(task, moment) and (task.get("since") is None or task["since"] < moment)}


@dataclass(frozen=True)
class Settled:
    """The tasks done before a cycle began (done_by at its first moment): last cycle's work,
    which neither fills this cycle's scope nor counts as done in it; save those `reopened` in
    it (id -> the first moment one moved back from done), which are this cycle's work from then
    on: in its scope, and done again once finished again."""
    done: frozenset[str] = frozenset()
    reopened: dict[str, datetime] = field(default_factory=dict)

    @property
    def left_out(self) -> frozenset[str]:
        """Those the cycle leaves out as they stand now (the glance's counts): not reopened."""
        return self.done - self.reopened.keys()

    def left_out_at(self, key: str, moment: datetime) -> bool:
        """Whether task `key` is last cycle's work still at `moment`."""
        return key in self.done and not (key in self.reopened and self.reopened[key] < moment)


def settled(now: dict[str, dict], records: Sequence[Activity], begun: datetime) -> Settled:
    """The tasks done at `begun` (a cycle's first moment) and which of them were reopened after
    it: `records` the log newest first, back to `begun` at least (read_back)."""
    done = done_by(now, records, begun)
    reopened: dict[str, datetime] = {}
    for record in records:  # newest first: the earliest reopening is the last one kept
        at = datetime.fromisoformat(record.at)
        if at < begun:
            break
        if record.item in done and is_task_record(record.ref) and _reopens(record):
            reopened[record.item] = at
    return Settled(frozenset(done), reopened)


def _reopens(record: Activity) -> bool:
    """Whether a task record moves it from done back to another status (a move, an undo, a
    re-imported list)."""
    status = (record.after or {}).get("status")
    return (record.before or {}).get("status") == "done" and status is not None and status != "done"


def burn_up(now: dict[str, dict], records: Iterable[Activity], start: date, end: date,
            day_ends: Sequence[datetime], owner: str | None = None, cycle: bool = True,
            first: date | None = None, as_of: date | None = None, upcoming: date | None = None,
            settled: Settled = Settled()) -> BurnUp:
    """The burn-up of the cycle from `start` to `end`, its days from `first` (default `start`) to
    today or `end`: `now` is every task's status and owner (id -> {"status", "owner"}),
    `records` the log newest first, `day_ends[i]` the moment day i ends (midnight on the board's
    clock), one for each day from `first`. A task imported done with the time it was done
    (`done_at`, taskwarrior's `end`) counts as done, and on the board, from that moment. The
    `settled` tasks (those done before the cycle began) are left out: last cycle's work neither
    fills this cycle's scope nor counts as done in it; one reopened in the cycle counts from
    the moment it was reopened, as work added to the plan does."""
    state = {key: dict(value) for key, value in now.items()}
    counts: list[tuple[int, int]] = []
    pending = list(reversed(day_ends))  # the latest first, as the records come

    def count(day_end: datetime) -> tuple[int, int]:
        mine = [t for key, t in state.items() if (owner is None or t.get("owner") == owner)
                and (t.get("since") is None or t["since"] < day_end) and not settled.left_out_at(key, day_end)]
        return len(mine), sum(1 for t in mine if _is_done(t, day_end))

    for record in records:
        moment = datetime.fromisoformat(record.at)
        while pending and moment < pending[0]:  # every record after that day's end is taken back
            counts.append(count(pending.pop(0)))
        if not pending:
            break
        if is_task_record(record.ref):
            _take_back(state, record, moment)
    for day_end in pending:
        counts.append(count(day_end))
    counts.reverse()
    first = first or start
    days = [BurnDay(first + timedelta(days=i), scope, done) for i, (scope, done) in enumerate(counts)]
    return BurnUp(start=start, end=end, owner=owner, days=days, cycle=cycle, as_of=as_of or days[-1].day,
                  upcoming=upcoming)
