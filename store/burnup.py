"""The cycle's burn-up on a board (sales/burnup.py): the tasks and the log read back to the
cycle's first day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone

from sales.activity import Activity
from sales.burnup import BurnUp, Settled, burn_up, settled as settled_at, wanted
from sales.tasks import Task
from store.board_core import BoardCore

UNDATED_DAYS = 56  # a board without a cycle: the last eight weeks


class BurnUpQueries(BoardCore):
    def burn_up(self, owner: str | None = None, last_days: int | None = None,
                settled: Settled | None = None) -> BurnUp:
        """Tasks on the board and done, day by day, from the cycle's first day to today (the
        last eight weeks on a board without a cycle); `owner`: only that person's tasks, as
        owned on each day; `last_days`: only that many days back (the pace needs no more, and
        the log is read back no further); `settled`: the cycle's settled_tasks, when the caller
        has them (else the whole chart works them out, and a chart of the last days leaves the
        last cycle's done tasks in, done all through). Open to everyone on the board."""
        now = self.clock()
        today = now.date()
        start, end = self.period()
        cycle = start is not None and end is not None and start <= today
        upcoming = start if start is not None and end is not None and start > today else None
        if not cycle:
            start, end = today - timedelta(days=UNDATED_DAYS - 1), today
        last = min(today, end)
        first = start if last_days is None else max(start, last - timedelta(days=last_days - 1))
        ends = [midnight(first + timedelta(days=i + 1), now) for i in range((last - first).days + 1)]
        tasks = task_states(self.tasks())
        records: Iterable[Activity] = self.log.newest_first(where=wanted(ends[0]))
        if not cycle:
            settled = Settled()
        elif settled is None:
            settled = Settled()
            if first == start:  # the whole chart: last cycle's done tasks are not this one's
                begun = midnight(start, now)
                records = read_back(records, begun)  # (read once, back to the cycle's first moment, for both)
                settled = settled_at(tasks, records, begun)
        return burn_up(tasks, records, start, end, ends, owner, cycle, first, today, upcoming, settled)

    def settled_tasks(self) -> Settled:
        """The tasks done before the cycle began (its first moment): last cycle's work, which
        neither the burn-up nor the cycle at a glance counts in this one, save those reopened in
        it (this cycle's work from then on). None on a board without cycle dates, or whose cycle
        has not begun. The log is read back to the cycle's first day."""
        now = self.clock()
        start, end = self.period()
        if start is None or end is None or start > now.date():
            return Settled()
        begun = midnight(start, now)
        records = read_back(self.log.newest_first(where=wanted(begun)), begun)
        return settled_at(task_states(self.tasks()), records, begun)


def task_states(tasks: Iterable[Task]) -> dict[str, dict]:
    """Each task's status, owner and `done_at` (id -> dict), as sales.burnup reads them back."""
    return {t.id: {"status": t.status, "owner": t.owner, "done_at": t.done_at} for t in tasks}


def read_back(records: Iterable[Activity], moment: datetime) -> list[Activity]:
    """The log's records, newest first, down to the first made before `moment` (kept: the burn-up
    reads the day before from it)."""
    read = []
    for record in records:
        read.append(record)
        if datetime.fromisoformat(record.at) < moment:
            break
    return read


def midnight(day: date, now: datetime) -> datetime:
    """The moment `day` begins on the board's clock. The default clock (the system's, as a fixed
    offset: `datetime.now().astimezone()`) gives each day its own offset by the system's rules,
    so that a day of summer time ends at its own midnight and not an hour off (a task done at
    00:30 in October read as done the day before, seen from December). Any other clock is
    taken as it is."""
    if isinstance(now.tzinfo, timezone) and now.utcoffset() == now.astimezone().utcoffset():
        return datetime.combine(day, time(0)).astimezone()
    return datetime.combine(day, time(0), tzinfo=now.tzinfo)
