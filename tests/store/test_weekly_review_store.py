"""The weekly review checklist (plans/weekly-review.yaml): ticked afresh each ISO week, a lead's
to tick, every tick in the activity log in words."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.activity import describe
from sales.errors import NotFound, Refused
from store.board import Board

THURSDAY = datetime(2026, 11, 26, 9, tzinfo=timezone.utc)  # ISO week 2026-W48


@pytest.fixture
def lead(team) -> Board:
    return Board(team, actor="dana", clock=lambda: THURSDAY)


def test_the_items_come_from_the_template_unticked(lead) -> None:
    items = lead.checklist("weekly")
    assert len(items) == 9
    assert items[0] == ("Walk the deal pipeline stage by stage", None)
    assert items[-1] == ("Agree on next week's three priorities", None)


def test_ticks_belong_to_their_week(lead) -> None:
    assert lead.tick_checklist(1, which="weekly") is True
    this_week = lead.checklist("weekly")
    assert this_week[1][1].by == "dana" and this_week[1][1].at == "2026-11-26T09:00:00Z"
    # Monday and Sunday of the same ISO week see the tick; the weeks either side do not.
    assert lead.checklist("weekly", date(2026, 11, 23))[1][1] is not None
    assert lead.checklist("weekly", date(2026, 11, 29))[1][1] is not None
    assert all(tick is None for _, tick in lead.checklist("weekly", date(2026, 11, 22)))
    assert all(tick is None for _, tick in lead.checklist("weekly", date(2026, 11, 30)))
    # Last week's review can still be finished, and does not touch this week's.
    assert lead.tick_checklist(8, which="weekly", day=date(2026, 11, 18)) is True
    assert [n for n, (_, t) in enumerate(lead.checklist("weekly", date(2026, 11, 18))) if t] == [8]
    assert [n for n, (_, t) in enumerate(lead.checklist("weekly")) if t] == [1]
    # Nor do the other checklists see these ticks.
    assert all(tick is None for _, tick in lead.checklist("review"))
    assert all(tick is None for _, tick in lead.checklist())


def test_ticking_toggles_and_untick_is_logged_in_words(lead) -> None:
    lead.tick_checklist(0, which="weekly")
    assert lead.tick_checklist(0, which="weekly") is False
    assert lead.tick_checklist(0, done=False, which="weekly") is False  # already off: no record
    first, second = reversed(lead.history(limit=2))
    assert first.action == second.action == "weekly.tick"
    assert describe(first) == "ticked “Walk the deal pipeline stage by stage” on the weekly review 2026-W48"
    assert describe(second) == "unticked “Walk the deal pipeline stage by stage” on the weekly review 2026-W48"


def test_a_rep_reads_but_may_not_tick(team) -> None:
    rep = Board(team, actor="ali", clock=lambda: THURSDAY)
    assert len(rep.checklist("weekly")) == 9
    with pytest.raises(Refused, match="only a lead"):
        rep.tick_checklist(0, which="weekly")


def test_an_item_out_of_range_is_named(lead) -> None:
    with pytest.raises(NotFound, match="has no item 10 \\(it has 9\\)"):
        lead.tick_checklist(9, which="weekly")
