"""`uplift forecast --mine` (and `--rep U`): one rep's forecast as a card, a figure a line, not
the team table's single row, which was about 115 columns wide and broke across an 80-column SSH
window. The board: dana leads; bea's quota 8,000, 10% of what is won; her Beta, 4,000 in
Negotiation (75%, so commit), closes today; nothing won yet."""

from __future__ import annotations

import pytest

from sales.text import display_width
from store.board import Board


@pytest.fixture
def board(team, run):
    lead = Board(team, actor="dana")
    lead.save_incentive_plan({"name": "Flat", "quota": 0, "quotas": [{"rep": "bea", "amount": 8000}],
                              "tiers": [{"from_pct": 0, "rate": 10}]})
    lead.add_deal("Beta", owner="bea", value=4000, stage="Negotiation", close=lead.clock().date())
    return run


def card(out: str) -> dict[str, str]:
    """The card's lines, name to value (the name may be two words: `Best case`)."""
    lines = out.splitlines()
    start = lines.index("bea") + 1
    found = {}
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        name, _, value = line.strip().rpartition("  ")
        found[name.strip()] = value.strip()
    return found


@pytest.mark.parametrize("how", [(("forecast", "--mine"), "bea"), (("forecast", "--rep", "bea"), "dana")])
def test_one_reps_forecast_is_a_card_that_fits_80_columns(board, monkeypatch, how):
    monkeypatch.setattr("tui.cli_output._on_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    argv, user = how
    code, out, err = board(*argv, user=user)
    assert (code, err) == (0, "")
    assert all(display_width(line) <= 80 for line in out.splitlines()), out
    figures = card(out)
    assert figures["Quota"] == "8,000" and figures["Won"] == "0" and figures["Commit"] == "4,000"
    assert figures["Weighted"] == "3,000" and figures["Forecast"] == "3,000"  # won 0 + 75% of 4,000
    assert figures["To go"] == "5,000"  # 8,000 - 3,000
    assert figures["If commit"] == "400.00"  # 10% of 4,000
    assert "REP" not in out and "team" not in out


def test_the_team_table_is_as_it_was(board):
    code, out, _ = board("forecast")
    assert code == 0 and out.splitlines()[1].split()[:3] == ["REP", "QUOTA", "WON"]
