"""Split credit never makes or loses money: under any deals, owners (a rep, a lead, nobody) and
splits, the reps' rows of the forecast and the others' row add up to the team's, and the
team's won, best case and weighted are those of the deals themselves, each counted once, whole.
The expected sums are taken straight from the deals, not from the forecast's code."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sales.deals import DEFAULT_STAGES, Deal
from sales.forecast import forecast
from tests.property.strategies import FUZZ

REPS = ["ali", "bea", "chen"]
PEOPLE = [*REPS, "dana", None]  # dana leads: not a rep of the forecast
START, END = date(2026, 10, 1), date(2026, 12, 31)
NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)
PROBABILITY = {s.name: s.probability for s in DEFAULT_STAGES}


@st.composite
def deals(draw) -> list[Deal]:
    found = []
    for number in range(1, draw(st.integers(1, 12)) + 1):
        owner = draw(st.sampled_from(PEOPLE))
        others = draw(st.lists(st.sampled_from([r for r in REPS if r != owner]), unique=True, max_size=2))
        shares, left = [], 100
        for _ in others:
            share = draw(st.integers(1, left)) if left >= 1 else 0
            if not share:
                break
            shares.append(share)
            left -= share
        stage = draw(st.sampled_from([s.name for s in DEFAULT_STAGES]))
        entered = draw(st.sampled_from(["2026-09-20", "2026-10-15", "2026-11-20"]))
        found.append(msgspec.convert({
            "id": f"D-{number}", "title": f"deal {number}", "owner": owner, "stage": stage,
            "value": draw(st.integers(0, 100_000)) + draw(st.sampled_from([0, 0.5, 0.33])),
            "close": draw(st.sampled_from([None, "2026-11-10", "2026-12-20", "2027-02-01"])),
            "forecast": draw(st.sampled_from(["auto", "auto", "commit", "omit"])),
            "splits": [{"rep": r, "share": s} for r, s in zip(others, shares)],
            "history": [{"stage": stage, "at": f"{entered}T10:00:00+00:00"}]}, Deal))
    return found


def to_the_cent(amount: float) -> float:
    """Money as the forecast keeps it: to the cent, half up (worked out here with Decimal)."""
    return float(Decimal(repr(round(amount, 9))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@FUZZ
@given(deals())
def test_shares_add_up_to_the_whole_and_the_team_counts_each_deal_once(found: list[Deal]) -> None:
    result = forecast(found, list(DEFAULT_STAGES), [], [], REPS, START, END, NOW)
    won = [d for d in found if d.stage == "Won" and d.history[0].at.date() >= START]
    counted = [d for d in found if d.stage not in ("Won", "Lost") and d.forecast != "omit"
               and d.close is not None and d.close <= END]
    cents = 0.01 * (len(found) + 1)  # each rep's share of a won deal is rounded to the cent
    team = result.team
    assert team.won == pytest.approx(sum(d.value for d in won), abs=cents)
    assert team.best_case == pytest.approx(to_the_cent(sum(d.value for d in counted)), abs=1e-6)
    # the team's weighted value is the deals' own, rounded once; each row's is rounded on its own
    assert team.weighted == pytest.approx(to_the_cent(sum(d.value * PROBABILITY[d.stage] / 100 for d in counted)),
                                          abs=1e-6)
    assert team.counted == len(counted)
    assert sum(r.won for r in result.reps) == pytest.approx(team.won, abs=1e-6)
    assert sum(r.best_case for r in result.reps) == pytest.approx(team.best_case, abs=1e-6)
    assert sum(r.weighted for r in result.reps) == pytest.approx(team.weighted, abs=0.01 * len(result.reps))
    assert sorted(team.undated) == sorted(d.id for d in found if d.stage not in ("Won", "Lost")
                                          and d.forecast != "omit" and d.close is None)
