"""Which day, and so which cycle, a deal closed in: the day on the clock of whoever closed it (the
rep's own day, the one they told the customer), wherever the board or its reader is. bea in New
York wins at 23:30 on the cycle's last day (04:30 the next day in UTC): it counts in the cycle;
ali in Shanghai wins at 00:10 on the day after it (still the last day in UTC): it does not."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from store.board import Board


def test_a_deal_closes_on_its_closers_day(tmp_path) -> None:
    path = tmp_path / "b"
    moment = [datetime(2026, 12, 1, 10, tzinfo=timezone.utc)]

    def board_of(who: str) -> Board:
        zone = ZoneInfo({"dana": "Europe/Berlin", "bea": "America/New_York", "ali": "Asia/Shanghai"}[who])
        return Board(path, actor=who, clock=lambda: moment[0].astimezone(zone))

    dana = board_of("dana")
    dana.add_member("dana", "lead", "Europe/Berlin")
    dana.add_member("bea", "rep", "America/New_York")
    dana.add_member("ali", "rep", "Asia/Shanghai")
    dana.set_plan_info("Q4", "2026-10-01", "2026-12-31")
    dana.add_deal("NY", value=1000, owner="bea")
    dana.add_deal("SH", value=2000, owner="ali")
    moment[0] = datetime(2027, 1, 1, 4, 30, tzinfo=timezone.utc)  # 23:30 on Dec 31 in New York
    board_of("bea").move_deal("D-1", "Won")
    moment[0] = datetime(2026, 12, 31, 16, 10, tzinfo=timezone.utc)  # 00:10 on Jan 1 in Shanghai
    board_of("ali").move_deal("D-2", "Won")
    moment[0] = datetime(2027, 1, 2, 10, tzinfo=timezone.utc)
    deals = {d.id: d for d in dana.deals()}
    assert (deals["D-1"].close, deals["D-2"].close) == (date(2026, 12, 31), date(2027, 1, 1))
    cycle = dana.win_loss()  # the cycle's: 2026-10-01 to 2026-12-31
    assert (cycle.total.won, [r.name for r in cycle.by_rep]) == (1, ["bea"])
    assert dana.win_loss(date(2027, 1, 1), date(2027, 1, 31)).by_rep[0].name == "ali"
    paid = {r.rep: [w.id for w in r.won] for r in dana.rep_results()}  # what payouts are made of
    assert paid == {"ali": [], "bea": ["D-1"]}
