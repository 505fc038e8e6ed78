"""A goal whose deadline has passed but that is not closed: its pace is over, so it raises no
"behind its pace ... 100% expected" alert but its own, "ended, not closed", until it is closed or
carried on; its owner's day and a lead's ask for that decision, and the cycle counts it apart."""

from __future__ import annotations

from datetime import date, datetime, timezone

from store.board import Board

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def _quarter(path) -> Board:
    board = Board(path, actor="dana", clock=lambda: NOW)
    board.set_plan_info("North, Q4", start="2026-10-01", end="2026-12-31")
    # G-1 ended 20 November at 130 of 100 → 150 (60%); G-2 runs on to the quarter's end
    board.add_goal("Grow revenue to 150", metric="revenue", unit="$", baseline=100, target=150,
                   start="2026-10-01", deadline="2026-11-20", owner="ali")
    board.checkin("G-1", 130, on="2026-11-15")
    board.add_goal("Win 10 new customers", baseline=0, target=10, start="2026-10-01", deadline="2026-12-31",
                   owner="bea")
    return board


def _alerts(board: Board) -> dict[tuple[str, str], str]:
    return {(a.kind, a.item): str(a.message) for a in board.alerts()}


def test_an_ended_goal_raises_its_own_alert_not_a_pace_one(team) -> None:
    alerts = _alerts(_quarter(team))
    assert ("pace", "G-1") not in alerts
    assert alerts[("ended", "G-1")] == ("G-1 ended 2026-11-20 at 60% of the way from baseline to target and is not "
                                        "closed yet: close it with how it ended, or carry it on into the next cycle")
    assert ("pace", "G-2") in alerts  # (0 of 10, a running goal: still judged on its pace)


def test_closing_it_ends_the_alert(team) -> None:
    board = _quarter(team)
    board.close_goal("G-1")
    assert not [k for k in _alerts(board) if k[1] == "G-1"]


def test_the_owner_and_a_lead_are_asked_in_their_day_another_rep_is_not(team) -> None:
    board = _quarter(team)
    for who, asked in (("ali", True), ("dana", True), ("bea", False)):
        ended = board.agenda(who).of("ended")
        assert [(e.item, e.day, e.days) for e in ended] == ([("G-1", date(2026, 11, 20), 6)] if asked else [])
        assert not [e for e in board.agenda(who).of("behind") if e.item == "G-1"]
    ali = Board(team, actor="ali", clock=lambda: NOW)
    ali.snooze("ended:G-1", "2026-11-30", "finance sends the final figure on Monday")
    assert board.agenda("ali").of("ended") == []


def test_the_cycle_counts_it_ended_not_behind(team) -> None:
    goals = _quarter(team).cycle().goals
    # (G-2, short of its pace at its baseline with no check-in, waits for a first one: not behind)
    assert (goals.behind, goals.first_checkin, goals.ended) == ([], ["G-2"], ["G-1"])


def test_the_last_cycles_goal_asks_until_carried_on(team) -> None:
    board = _quarter(team)
    board.set_plan_info("North, Q1", start="2027-01-01", end="2027-03-31")
    later = Board(team, actor="dana", clock=lambda: datetime(2027, 1, 5, 10, 0, tzinfo=timezone.utc))
    assert {k for k in _alerts(later) if k[0] == "ended"} == {("ended", "G-1"), ("ended", "G-2")}
    later.carry_goal("G-2")
    assert {k for k in _alerts(later) if k[0] == "ended"} == {("ended", "G-1")}
