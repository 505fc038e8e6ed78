"""Snapshots, mappings, notes, checklist and metric history through the store API."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from sales.errors import Invalid, Refused
from store.board import Board
from tests.conftest import snapshot_files

# Two full quarters (so neither is partial): Q1 North 100+40, South 60; Q2 North 10, South 90.
HALF_YEAR = """date,amount,region,stage
2026-01-01,100,North,won
2026-02-15,40,North,won
2026-03-31,60,South,won
2026-03-31,999,South,lost
2026-04-01,10,North,won
2026-06-30,90,South,won
2026-06-30,5,North,lost
"""


def frozen(moment: str):
    return lambda: datetime.fromisoformat(moment).replace(tzinfo=timezone.utc)


@pytest.fixture
def half_year(tmp_path: Path) -> Path:
    path = tmp_path / "h1.csv"
    path.write_text(HALF_YEAR, encoding="utf-8")
    return path


def test_metric_history_has_the_shape_goals_read(team, half_year) -> None:
    board = Board(team, actor="dana", clock=frozen("2026-07-02T09:00:00"))
    board.run_diagnosis([half_year], period="quarter")
    assert board.metric_history("revenue", {}) == [
        {"metric": "revenue", "scope": {}, "period": "2026-Q1", "value": 200.0, "snapshot": "X-1"},
        {"metric": "revenue", "scope": {}, "period": "2026-Q2", "value": 100.0, "snapshot": "X-1"},
    ]
    assert board.metric_history("win_rate", {"region": "north"}) == [
        {"metric": "win_rate", "scope": {"region": "north"}, "period": "2026-Q1", "value": 1.0, "snapshot": "X-1"},
        {"metric": "win_rate", "scope": {"region": "north"}, "period": "2026-Q2", "value": 0.5, "snapshot": "X-1"},
    ]
    assert [h["value"] for h in board.metric_history("win_rate", {"region": "South"})] == [0.5, 1.0]
    assert board.metric_history("revenue", {"region": "Atlantis"}) == []
    assert board.metric_history("revenue", {"region": "North", "rep": "ali"}) == []
    with pytest.raises(Invalid, match="metric"):
        board.metric_history("happiness", {})
    with pytest.raises(Invalid, match="scope"):
        board.metric_history("revenue", {"planet": "Mars"})


def test_metric_history_prefers_the_newest_snapshot_and_skips_partial_periods(team, half_year, tmp_path) -> None:
    board = Board(team, actor="dana", clock=frozen("2026-07-02T09:00:00"))
    board.run_diagnosis([half_year])  # by month
    later = tmp_path / "later.csv"
    later.write_text("date,amount,region,stage\n2026-06-01,500,North,won\n2026-07-03,7,North,won\n",
                     encoding="utf-8")
    board.run_diagnosis([later])
    history = {h["period"]: h["value"] for h in board.metric_history("revenue", {})}
    # June from the newer snapshot; July covers too little of the month to count
    assert history == {"2026-01": 100.0, "2026-02": 40.0, "2026-03": 60.0, "2026-04": 10.0,
                       "2026-05": 0.0, "2026-06": 500.0}
    taken = {h["period"]: h["snapshot"] for h in board.metric_history("revenue", {})}
    assert taken == {"2026-01": "X-1", "2026-02": "X-1", "2026-03": "X-1", "2026-04": "X-1",
                     "2026-05": "X-1", "2026-06": "X-2"}  # each value names the run it came from


def test_a_newer_snapshot_without_the_scope_leaves_the_history_of_the_one_with_it(team, half_year, tmp_path) -> None:
    """A lead diagnoses another data set (no North in it): North's history, and so a North goal's
    "achievable" check, still comes from the snapshot that has North."""
    board = Board(team, actor="dana", clock=frozen("2026-07-02T09:00:00"))
    board.run_diagnosis([half_year], period="quarter")
    other = tmp_path / "other.csv"
    other.write_text("date,amount,region,stage,product\n2017-01-01,500,West,won,A\n"
                     "2017-03-31,5,West,won,A\n2017-04-01,70,East,won,B\n2017-06-30,7,East,won,B\n",
                     encoding="utf-8")
    board.run_diagnosis([other], period="quarter")
    assert [h["value"] for h in board.metric_history("revenue", {"region": "North"})] == [140.0, 10.0]
    assert [h["period"][:4] for h in board.metric_history("revenue", {})] == ["2017"]  # the newest's


def test_saving_is_a_leads_call_and_failures_save_nothing(team, half_year, tmp_path) -> None:
    rep = Board(team, actor="ali")
    before = snapshot_files(team)
    with pytest.raises(Refused, match="only a lead"):
        rep.run_diagnosis([half_year])
    assert rep.run_diagnosis([half_year], save=False).snapshot is None
    assert snapshot_files(team) == before
    lead = Board(team, actor="dana")
    run = lead.run_diagnosis([half_year])
    assert run.snapshot.id == "X-1" and lead.latest_snapshot().diagnosis == run.diagnosis
    assert lead.history(limit=1)[0].action == "diagnosis.save"
    lead.delete_snapshot("X-1")
    assert lead.snapshots() == []


def test_notes_and_the_checklist(team) -> None:
    rep = Board(team, actor="ali")
    note = rep.add_note("  Buyers ask for\r\nmonthly billing ", kind="feedback", tags=["unmet", "praise"])
    assert (note.id, note.text, note.tags, note.author) == ("N-1", "Buyers ask for\nmonthly billing",
                                                            ["unmet_need", "praise"], "ali")
    assert rep.toggle_note_tag("N-1", "praise").tags == ["unmet_need"]
    with pytest.raises(Invalid, match="text"):
        rep.add_note("   ")
    with pytest.raises(Invalid, match="not a tag"):
        rep.add_note("x", tags=["rumour"])
    bea = Board(team, actor="bea")
    with pytest.raises(Refused):
        bea.update_note("N-1", text="mine now")
    items = rep.checklist()
    assert len(items) >= 5 and all(tick is None for _, tick in items)
    assert rep.tick_checklist(0) is True
    text, tick = bea.checklist()[0]
    assert tick.by == "ali" and tick.text == text
    assert bea.tick_checklist(0) is False
    with pytest.raises(Exception, match="no item 99"):
        rep.tick_checklist(98)


def test_notes_checklist_and_history_errors_are_said_in_chinese(team, monkeypatch) -> None:
    """The store's refusals for notes, the checklist and a KPI's history carry templates: the
    interface says them in Chinese, the English unchanged."""
    from sales.errors import NotFound
    from tui.i18n import said, set_language

    rep = Board(team, actor="ali")
    rep.add_note("Buyers ask for monthly billing")
    errors = []
    for attempt in (lambda: rep.add_note("x", tags=["rumour"]), lambda: rep.update_note("N-1", kind="gossip"),
                    lambda: rep.tick_checklist(98), lambda: rep.metric_history("happiness", {})):
        with pytest.raises((Invalid, NotFound)) as caught:
            attempt()
        errors.append(caught.value)
    items = len(rep.checklist())
    assert [str(e) for e in errors[:3]] == [
        "tag: 'rumour' is not a tag (one of: pain_point, unmet_need, competitor, praise)",
        "kind: 'gossip' is not a kind of note (interview, feedback)",
        f"the diagnosis checklist has no item 99 (it has {items})"]
    assert str(errors[3]).startswith("metric: 'happiness' is not a metric (one of: revenue, ")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    try:
        assert [said(e) for e in errors[:3]] == [
            "tag: 'rumour' 不是标签（可选：pain_point, unmet_need, competitor, praise）",
            "kind: 'gossip' 不是笔记类型（interview, feedback）",
            f"诊断清单没有第 99 项（共 {items} 项）"]
        assert said(errors[3]).startswith("metric: 'happiness' 不是指标（可选：revenue, ")
    finally:
        monkeypatch.setenv("UPLIFT_LANG", "en")
        set_language()
