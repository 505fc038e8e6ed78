"""Funnel, conversion, time in stage and weighted pipeline against numbers worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sales.deals import (
    DEFAULT_STAGES,
    Deal,
    StageEntry,
    check_stages,
    column_totals,
    conversions,
    find_stage,
    funnel,
    weekly_series,
    weighted_pipeline,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def deal(number: int, value: float, *moves: tuple[str, float]) -> Deal:
    """A deal that entered each stage `days` after T0."""
    history = [StageEntry(stage, T0 + timedelta(days=days)) for stage, days in moves]
    return Deal(id=f"D-{number}", title=f"deal {number}", stage=moves[-1][0], value=value,
                history=history)


@pytest.fixture
def deals() -> list[Deal]:
    return [
        deal(1, 1000, ("Lead", 0), ("Qualified", 2), ("Proposal", 5)),
        deal(2, 500, ("Lead", 0), ("Lost", 1)),
        deal(3, 2000, ("Lead", 0), ("Qualified", 4), ("Won", 10)),
        deal(4, 300, ("Lead", 0)),
        deal(5, 800, ("Qualified", 0), ("Lead", 3)),  # moved back: a stint that did not convert
    ]


def test_column_totals_count_value_and_weighted(deals) -> None:
    totals = column_totals(deals, DEFAULT_STAGES)
    # Lead holds D-4 (300) and D-5 (800): 1100, at 10% -> 110
    assert (totals["Lead"].count, totals["Lead"].value, totals["Lead"].weighted) == (2, 1100, 110)
    assert (totals["Proposal"].count, totals["Proposal"].value, totals["Proposal"].weighted) == (1, 1000, 500)
    assert (totals["Won"].count, totals["Won"].weighted) == (1, 2000)
    assert (totals["Lost"].count, totals["Lost"].value, totals["Lost"].weighted) == (1, 500, 0)
    assert totals["Qualified"].count == 0 and totals["Negotiation"].value == 0


def test_weighted_pipeline_counts_open_deals_only(deals) -> None:
    assert weighted_pipeline(deals, DEFAULT_STAGES) == 110 + 500


def test_conversion_is_the_share_of_ended_stints_that_advanced(deals) -> None:
    conv = conversions(deals, DEFAULT_STAGES)
    # Lead stints that ended: D-1 -> Qualified (yes), D-2 -> Lost (no), D-3 -> Qualified (yes)
    assert (conv["Lead"].left, conv["Lead"].advanced) == (3, 2)
    assert conv["Lead"].rate == pytest.approx(200 / 3)
    # Qualified: D-1 -> Proposal (yes), D-3 -> Won (yes), D-5 -> Lead (back: no)
    assert (conv["Qualified"].left, conv["Qualified"].advanced) == (3, 2)
    assert conv["Proposal"].rate is None
    assert "Won" not in conv and "Lost" not in conv


def test_conversion_within_a_window(deals) -> None:
    # stints ending in [T0+2d, T0+5d): the Lead stints of D-1 (T0+2d) and D-3 (T0+4d), both
    # advanced, and D-5's Qualified stint (T0+3d, back); D-1's Qualified stint ends at T0+5d: out
    conv = conversions(deals, DEFAULT_STAGES, T0 + timedelta(days=2), T0 + timedelta(days=5))
    assert (conv["Lead"].left, conv["Lead"].advanced) == (2, 2)
    assert (conv["Qualified"].left, conv["Qualified"].advanced) == (1, 0)


def test_funnel_rows(deals) -> None:
    rows = {row.stage: row for row in funnel(deals, DEFAULT_STAGES)}
    assert [r.stage for r in funnel(deals, DEFAULT_STAGES)] == [s.name for s in DEFAULT_STAGES]
    lead = rows["Lead"]
    assert (lead.count, lead.value, lead.weighted, lead.left, lead.advanced) == (2, 1100, 110, 3, 2)
    assert lead.days == pytest.approx((2 + 1 + 4) / 3)     # D-1 2 days, D-2 1, D-3 4
    assert rows["Qualified"].days == pytest.approx((3 + 6 + 3) / 3)
    assert rows["Proposal"].conversion is None and rows["Proposal"].days is None


def test_weekly_series_carries_the_last_snapshot_forward() -> None:
    today = date(2026, 11, 25)  # in 2026-W48
    snapshots = {"2026-W30": {"Lead": 9}, "2026-W40": {"Lead": 4, "Won": 1}, "2026-W46": {"Lead": 6}}
    series = weekly_series(snapshots, DEFAULT_STAGES, today, weeks=12)
    # the 12 weeks are W37..W48: W37-W39 carry W30 (9), W40-W45 are 4, W46-W48 are 6
    assert series["Lead"] == [9, 9, 9, 4, 4, 4, 4, 4, 4, 6, 6, 6]
    assert series["Won"] == [0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0]


def test_stage_names_and_pipeline_shape() -> None:
    assert find_stage(DEFAULT_STAGES, "  negotiation ").name == "Negotiation"
    assert find_stage(DEFAULT_STAGES, "Prospecting").name == "Lead"
    assert find_stage(DEFAULT_STAGES, "Engaging").name == "Qualified"
    with pytest.raises(ValueError, match="not a stage"):
        find_stage(DEFAULT_STAGES, "Maybe")
    with pytest.raises(ValueError, match="come last"):
        check_stages([DEFAULT_STAGES[4], DEFAULT_STAGES[0], DEFAULT_STAGES[5]])
    with pytest.raises(ValueError, match="differ"):
        check_stages([DEFAULT_STAGES[0], DEFAULT_STAGES[0], DEFAULT_STAGES[4], DEFAULT_STAGES[5]])


def test_a_deal_history_must_end_in_its_stage() -> None:
    with pytest.raises(ValueError, match="history ends"):
        Deal(id="D-1", title="x", stage="Won", history=[StageEntry("Lead", T0)])
