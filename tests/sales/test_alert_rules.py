"""Each alert rule with a frozen clock: it fires, it does not fire, it is snoozed."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sales.alerts import (
    AlertSettings,
    Snooze,
    apply_snoozes,
    conversion_drops,
    goal_behind_pace,
    overdue_tasks,
    quiet_key_accounts,
    slipped_deals,
    stuck_deals,
    wip_over_limit,
)
from sales.deals import DEFAULT_STAGES, Deal, StageEntry
from sales.tasks import Task
from sales.touches import Touch

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
SETTINGS = AlertSettings(conversion_drop=10, min_left=3, quiet_days={"Proposal": 7}, default_quiet_days=14)
counter = iter(range(1, 10_000))


def stint(days_ago_left: float, to: str, stage: str = "Qualified") -> Deal:
    """A deal that was in `stage` and left it for `to`, `days_ago_left` days before NOW."""
    left = NOW - timedelta(days=days_ago_left)
    return Deal(id=f"D-{next(counter)}", title="x", stage=to,
                history=[StageEntry(stage, left - timedelta(days=1)), StageEntry(to, left)])


def trailing_weeks_all_advanced() -> list[Deal]:
    """Two Qualified stints per earlier week (days 8-35 ago), all advanced: a 100% mean."""
    return [stint(days, "Proposal") for week in range(1, 5) for days in (week * 7 + 1, week * 7 + 3)]


def test_conversion_drop_fires_naming_its_evidence() -> None:
    this_week = [stint(1, "Proposal"), stint(2, "Lost"), stint(3, "Lost")]   # 1 of 3: 33%
    alerts = conversion_drops(trailing_weeks_all_advanced() + this_week, DEFAULT_STAGES, NOW, SETTINGS)
    assert [(a.kind, a.item) for a in alerts] == [("conversion", "stage:Qualified")]
    message = alerts[0].message
    assert "33% advanced in the last 7 days (1 of 3)" in message
    assert "100% trailing four-week mean" in message and "drop of 67 points" in message


def test_conversion_drop_does_not_fire_within_the_limit_or_on_too_few_deals() -> None:
    steady = [stint(1, "Proposal"), stint(2, "Proposal"), stint(3, "Proposal")]
    assert conversion_drops(trailing_weeks_all_advanced() + steady, DEFAULT_STAGES, NOW, SETTINGS) == []
    # 9 of 10 advanced = 90%: 10 points below a 100% mean is not *more* than 10
    ninety = [stint(1 + i / 10, "Proposal") for i in range(9)] + [stint(2.5, "Lost")]
    assert conversion_drops(trailing_weeks_all_advanced() + ninety, DEFAULT_STAGES, NOW, SETTINGS) == []
    two_only = [stint(1, "Lost"), stint(2, "Lost")]   # below min_left (3)
    assert conversion_drops(trailing_weeks_all_advanced() + two_only, DEFAULT_STAGES, NOW, SETTINGS) == []
    # no earlier weeks: nothing to compare with
    assert conversion_drops([stint(1, "Lost"), stint(2, "Lost"), stint(3, "Lost")],
                            DEFAULT_STAGES, NOW, SETTINGS) == []


def key_deal(stage: str, entered_days_ago: int, key: bool = True) -> Deal:
    return Deal(id="D-7", title="Renewal", account="Acme", key_account=key, stage=stage,
                history=[StageEntry(stage, NOW - timedelta(days=entered_days_ago))])


def touch(days_ago: int, **where) -> Touch:
    return Touch(id="A-1", type="call", by="ali", at=NOW - timedelta(days=days_ago), **where)


def test_quiet_key_account_fires_after_its_stage_limit() -> None:
    alerts = quiet_key_accounts([key_deal("Proposal", 10)], DEFAULT_STAGES, [touch(9, deal="D-7")], NOW, SETTINGS)
    assert [(a.kind, a.item) for a in alerts] == [("quiet", "D-7")]
    assert "no activity for 9 days" in alerts[0].message and "call by ali (A-1)" in alerts[0].message
    assert "limit in Proposal is 7 days" in alerts[0].message


def test_quiet_key_account_does_not_fire() -> None:
    # a recent call on the account (not the deal) counts
    assert quiet_key_accounts([key_deal("Proposal", 10)], DEFAULT_STAGES, [touch(2, account="acme")],
                              NOW, SETTINGS) == []
    # Lead uses the default 14 days: 10 quiet days are fine
    assert quiet_key_accounts([key_deal("Lead", 10)], DEFAULT_STAGES, [], NOW, SETTINGS) == []
    # not a key account, or closed
    assert quiet_key_accounts([key_deal("Proposal", 30, key=False)], DEFAULT_STAGES, [], NOW, SETTINGS) == []
    assert quiet_key_accounts([key_deal("Won", 30)], DEFAULT_STAGES, [], NOW, SETTINGS) == []


def test_a_snoozed_alert_is_marked_until_its_date() -> None:
    alerts = quiet_key_accounts([key_deal("Proposal", 10)], DEFAULT_STAGES, [], NOW, SETTINGS)
    snooze = Snooze(key="quiet:D-7", until=TODAY + timedelta(days=3), reason="buyer on holiday", by="ali")
    marked = apply_snoozes(alerts, [snooze], TODAY)
    assert (marked[0].snoozed_until, marked[0].snooze_reason) == (TODAY + timedelta(days=3), "buyer on holiday")
    later = quiet_key_accounts([key_deal("Proposal", 10)], DEFAULT_STAGES, [], NOW, SETTINGS)
    assert apply_snoozes(later, [snooze], TODAY + timedelta(days=4))[0].snoozed_until is None


def test_slipped_deals_are_open_ones_past_their_close_date() -> None:
    def deal(number: int, stage: str, close: date | None) -> Deal:
        return Deal(id=f"D-{number}", title=f"Deal {number}", owner="ali", stage=stage, value=12500, close=close,
                    history=[StageEntry(stage, NOW - timedelta(days=30))])

    deals = [deal(1, "Proposal", date(2026, 11, 28)),   # 3 days past: fires
             deal(2, "Proposal", TODAY),                 # closes today: not yet
             deal(3, "Lead", None),                      # no date: nothing to slip
             deal(4, "Won", date(2026, 11, 1)),          # closed
             deal(5, "Lost", date(2026, 11, 1))]
    alerts = slipped_deals(deals, DEFAULT_STAGES, TODAY)
    assert [(a.kind, a.item, a.key) for a in alerts] == [("slipped", "D-1", "slipped:D-1")]
    assert alerts[0].message == ("D-1 “Deal 1” (ali, Proposal, 12,500) was expected to close 2026-11-28, "
                                 "3 days ago, and is still open: give it a new close date or close it")


def test_overdue_tasks() -> None:
    tasks = [Task(id="T-1", title="late", due=date(2026, 11, 28)),
             Task(id="T-2", title="done late", due=date(2026, 11, 28), status="done"),
             Task(id="T-3", title="due today", due=TODAY)]
    alerts = overdue_tasks(tasks, TODAY)
    assert [a.item for a in alerts] == ["T-1"]
    assert "was due 2026-11-28, 3 days ago" in alerts[0].message
    [yesterday] = overdue_tasks([Task(id="T-4", title="late", due=TODAY - timedelta(days=1))], TODAY)
    assert "1 day ago," in yesterday.message


def test_wip_over_limit() -> None:
    tasks = [Task(id=f"T-{n}", title="t", status="doing") for n in (1, 2, 3)]
    alerts = wip_over_limit(tasks, {"doing": 2, "blocked": 1})
    assert [(a.kind, a.item) for a in alerts] == [("wip", "column:doing")]
    assert "holds 3 tasks, over its WIP limit of 2 (T-1, T-2, T-3)" in alerts[0].message
    assert wip_over_limit(tasks, {"doing": 3}) == []


def test_goal_behind_pace() -> None:
    alert = goal_behind_pace("G-2", expected=36.0, actual=31.0, unit="%")
    assert (alert.kind, alert.item) == ("pace", "G-2")
    assert "31% by now where 36% was expected (5% short)" in alert.message
    assert goal_behind_pace("G-2", expected=36.0, actual=36.0) is None
    assert goal_behind_pace("G-2", expected=36.0, actual=35.0, tolerance=1.0) is None


def test_stuck_deals_have_sat_in_their_open_stage_past_its_limit() -> None:
    """Proposal allows 7 days, other stages 14. NOW is 2026-12-01 12:00."""
    settings = AlertSettings(stuck_days={"Proposal": 7}, default_stuck_days=14)

    def sitting(number: int, stage: str, days: int, hour: int = 9) -> Deal:
        entered = datetime(2026, 12, 1, hour, tzinfo=timezone.utc) - timedelta(days=days)
        return Deal(id=f"D-{number}", title=f"Deal {number}", owner="ali", value=1000 * number, stage=stage,
                    history=[StageEntry("Lead", entered - timedelta(days=30)), StageEntry(stage, entered)])

    deals = [sitting(1, "Proposal", 8), sitting(2, "Proposal", 7, hour=1), sitting(3, "Qualified", 15),
             sitting(4, "Qualified", 14), sitting(5, "Won", 90), sitting(6, "Lost", 90)]
    alerts = stuck_deals(deals, DEFAULT_STAGES, NOW, settings)
    assert [(a.key, a.item) for a in alerts] == [("stuck:D-1", "D-1"), ("stuck:D-3", "D-3")]
    assert alerts[0].message == ("D-1 “Deal 1” (ali, 1,000) has been in Proposal for 8 days, since 2026-11-23; "
                                 "the limit there is 7 days: move it on, plan its next step, or close it")
    assert "in Qualified for 15 days" in alerts[1].message and "limit there is 14 days" in alerts[1].message
