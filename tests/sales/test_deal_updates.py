"""What a file's row changes of a deal the board has (sales/deal_updates.py): the day a new stage is
entered, blank cells, and a closed deal the file has elsewhere."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sales.deal_updates import updated_fields
from sales.deals import Deal, StageEntry

UTC = timezone.utc
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
OUTCOMES = {"Lead": "open", "Proposal": "open", "Won": "won", "Lost": "lost"}


def _deal(stage: str = "Proposal", entered: datetime = datetime(2026, 11, 1, tzinfo=UTC), **fields) -> Deal:
    return Deal(id="D-1", title="Acme", stage=stage, value=100, next_step="Call",
                history=[StageEntry(stage, entered)], **fields)


def _fields(stage: str, ended: datetime, **more) -> dict:
    return {"stage": stage, "history": [{"stage": stage, "at": ended}], "value": 0.0, "close": None,
            "next_step": "", **more}


def test_a_win_is_dated_by_the_file_within_the_stage_it_leaves_and_now() -> None:
    row = {"stage": "Won"}
    for ended, expected in ((datetime(2026, 11, 20, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)),
                            (datetime(2026, 10, 1, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC)),  # before it entered Proposal
                            (datetime(2027, 1, 1, tzinfo=UTC), NOW)):  # a day yet to come
        data, _ = updated_fields(_deal(close=date(2026, 11, 30)), row, _fields("Won", ended), OUTCOMES, NOW)
        assert data["history"][-1] == {"stage": "Won", "at": expected}


def test_an_open_stage_is_entered_now_and_a_blank_cell_leaves_its_field() -> None:
    row = {"stage": "Lead", "value": "", "next_step": "  ", "close": ""}
    data, closes_today = updated_fields(_deal(), row, _fields("Lead", datetime(2026, 1, 1, tzinfo=UTC)), OUTCOMES, NOW)
    assert (data["stage"], data["history"][-1]["at"], data["value"], data["next_step"]) == ("Lead", NOW, 100, "Call")
    assert not closes_today


def test_a_win_without_a_close_date_closes_today() -> None:
    data, closes_today = updated_fields(_deal(), {"stage": "Won"}, _fields("Won", NOW), OUTCOMES, NOW)
    assert (data["close"], closes_today) == (date(2026, 12, 4), True)


def test_a_deal_closed_on_the_board_is_not_moved_to_another_outcome() -> None:
    won = _deal("Won")
    assert updated_fields(won, {"stage": "Proposal"}, _fields("Proposal", NOW), OUTCOMES, NOW) is None
    assert updated_fields(won, {"stage": "Lost"}, _fields("Lost", NOW), OUTCOMES, NOW) is None
    data, _ = updated_fields(won, {"stage": "Won", "value": "250"}, _fields("Won", NOW, value=250.0), OUTCOMES, NOW)
    assert (data["stage"], data["value"], len(data["history"])) == ("Won", 250.0, 1)  # still won: its value follows
