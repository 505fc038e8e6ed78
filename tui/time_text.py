"""Times of changes as the person reading them lives them.

A change is stamped on its author's clock: in their time zone where they have set one (`uplift
member zone`), else the machine's. Where nobody on the board has a zone, every stamp is the
machine's and is shown as written. Once somebody has one, a stamp is shown on the reader's clock,
so that a rep in Shanghai and a lead in Berlin read one log in one order of hours. The process
acts as one person, so the zone is set where the board is opened (`show_times_for`), and again
each time the app sees the board change (a zone set in another terminal)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from sales.errors import UpliftError

_reader: list[tzinfo | None] = [None]  # None: each stamp as written


def show_times_for(board) -> None:
    """Show stamps on `board`'s actor's clock when any member of it has a time zone."""
    try:
        zoned = any(m.zone for m in board.members())
    except UpliftError:  # (a damaged members file is said where it is read; here, as written)
        zoned = False
    _reader[0] = board.clock().tzinfo if zoned else None


def day_of(stamp: str) -> str:
    """The day of a stamp as people read it (`2026-11-19`), on the reader's clock (see above)."""
    return when(stamp)[:10]


def when(stamp: str) -> str:
    """A stamp as people read it: `2026-11-19 14:05`, on the reader's clock (see above)."""
    zone = _reader[0]
    if zone is not None:
        try:
            at = datetime.fromisoformat(stamp)
        except ValueError:
            at = None
        if at is not None and at.tzinfo is not None:
            return at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    return stamp[:16].replace("T", " ")


def ticked_by(tick) -> str:
    """Who ticked a checklist item and on which day, as the screen and the command line say it:
    a person's tick, or the diagnosis's (the first step ticks itself once records are kept)."""
    from tui.i18n import _

    if getattr(tick, "diagnosis", None):
        return _("(ticked by diagnosis {id}, {day})").format(id=tick.diagnosis, day=day_of(tick.at))
    return _("(ticked by {name}, {day})").format(name=tick.by, day=day_of(tick.at))
