"""The first phase of a cycle in a plan file: kept diagnoses (`diagnoses:`), interview notes and
customer feedback (`notes:`) and the ticks of the board's own checklists (`ticks:`), through the
store API: the exact round trip, matching by id, and the rules a file is held to."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sales.plan_check import PlanInvalid, PlanRefused
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text
from tests.conftest import snapshot_files

# Two full quarters: Q1 revenue 100+40+60 = 200, Q2 10+90 = 100 (the lost deals bring none).
HALF_YEAR = """date,amount,region,stage
2026-01-01,100,North,won
2026-02-15,40,North,won
2026-03-31,60,South,won
2026-03-31,999,South,lost
2026-04-01,10,North,won
2026-06-30,90,South,won
2026-06-30,5,North,lost
"""


def _clock():
    return datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)


def _phase_one(team, tmp_path) -> Board:
    """The team board with a kept diagnosis, a goal whose baseline comes from it, a note with
    hostile text, and a tick on each of the three checklists."""
    records = tmp_path / "h1.csv"
    records.write_text(HALF_YEAR, encoding="utf-8")
    board = Board(team, actor="dana", clock=_clock)
    board.set_plan_info("North team, Q4 2026", start="2026-10-01", end="2026-12-31")
    board.run_diagnosis([records], period="quarter")
    board.add_goal("Grow revenue", metric="revenue", baseline="snapshot", target=150, deadline="2026-12-31")
    board.add_note("[bold red]Price[/] is too high\nsays Acme's buyer", kind="feedback",
                   tags=["pain_point", "competitor"], source="Acme")
    board.tick_checklist(1)  # the diagnosis checklist's second step
    board.tick_checklist(0, which="weekly")
    board.tick_checklist(2, which="review")
    return board


def _imported(path, text: str, actor: str = "dana", **options):
    board = Board(path, actor=actor, clock=_clock)
    return board, board.import_plan(parse_plan_text(text.encode()).document, **options)


def test_phase_one_round_trips_byte_for_byte_and_a_baseline_finds_its_diagnosis(team, tmp_path) -> None:
    first = _phase_one(team, tmp_path)
    exported = dump_plan(first.export_plan())
    assert "\ndiagnoses:\n- id: X-1\n" in exported
    assert "\nnotes:\n- id: N-1\n  kind: feedback\n" in exported
    assert "\nticks:\n- checklist: diagnosis\n" in exported
    assert "\n- checklist: weekly\n  week: 2026-W49\n" in exported
    second, summary = _imported(tmp_path / "b", exported)
    assert dump_plan(second.export_plan()) == exported
    assert ("X-1", "h1.csv 2026-Q1..2026-Q2") in summary.created
    # the goal's baseline names X-1, which the new board now has, with the same numbers
    (goal,) = second.goals()
    assert goal.baseline_source == "snapshot X-1, 2026-Q2" and goal.baseline == 100
    assert second.metric_history("revenue", {}, only="X-1") == first.metric_history("revenue", {}, only="X-1")
    assert [n.text for n in second.notes()] == ["[bold red]Price[/] is too high\nsays Acme's buyer"]
    assert [(t.text, t.by) for _, t in second.checklist() if t is not None][1:] == \
        [(t.text, t.by) for _, t in first.checklist() if t is not None][1:]


def test_importing_the_file_again_adds_no_second_diagnosis_note_or_tick(team, tmp_path) -> None:
    first = _phase_one(team, tmp_path)
    exported = dump_plan(first.export_plan())
    second, _ = _imported(tmp_path / "b", exported)
    before = snapshot_files(second.path)
    again = second.import_plan(parse_plan_text(exported.encode()).document)
    assert again.created == [] and again.changed == []
    assert snapshot_files(second.path) == before
    assert [s.id for s in second.snapshots()] == ["X-1"] and [n.id for n in second.notes()] == ["N-1"]


def test_a_file_may_not_change_a_kept_diagnosis(team, tmp_path) -> None:
    board = _phase_one(team, tmp_path)
    exported = dump_plan(board.export_plan())
    changed = exported.replace("    rows_read: 7\n", "    rows_read: 8\n", 1)
    assert changed != exported
    with pytest.raises(PlanInvalid) as error:
        board.import_plan(parse_plan_text(changed.encode()).document)
    assert [p.path for p in error.value.problems] == ["diagnoses[0]"]


@pytest.mark.parametrize(("tick", "path"), [
    ("- checklist: diagnosis\n  text: Walk the dog\n  by: dana\n  at: '2026-12-01T10:00:00Z'\n", "ticks[0].text"),
    ("- checklist: weekly\n  week: 2026-W60\n  text: x\n  by: dana\n  at: '2026-12-01T10:00:00Z'\n", "ticks[0].week"),
    ("- checklist: weekly\n  text: x\n  by: dana\n  at: '2026-12-01T10:00:00Z'\n", "ticks[0].week"),
    ("- checklist: review\n  start: 2026-10-01\n  text: x\n  by: dana\n  at: '2026-12-01T10:00:00Z'\n", "ticks[0].end"),
    ("- checklist: daily\n  text: x\n  by: dana\n  at: '2026-12-01T10:00:00Z'\n", "ticks[0].checklist"),
    ("- checklist: diagnosis\n  text: Check the length of the sales cycle\n  by: dana\n  at: soon\n", "ticks[0].at"),
    ("- checklist: diagnosis\n  text: Check the length of the sales cycle\n  by: dana\n"
     "  at: '2031-01-01T10:00:00Z'\n", "ticks[0].at"),
    ("- checklist: weekly\n  week: 2027-W10\n  text: Walk the deal pipeline stage by stage\n  by: dana\n"
     "  at: '2026-12-01T10:00:00Z'\n", "ticks[0].week"),
    ("- checklist: diagnosis\n  text: Check the length of the sales cycle\n  by: dana\n  at: '2026-12-01T10:00:00Z'\n"
     "  colour: red\n", "ticks[0].colour"),
])
def test_a_wrong_tick_is_said_at_its_field_and_nothing_is_written(team, tick, path) -> None:
    board = Board(team, actor="dana", clock=_clock)
    before = snapshot_files(board.path)
    with pytest.raises(PlanInvalid) as error:
        board.import_plan(parse_plan_text(f"ticks:\n{tick}".encode()).document)
    assert [p.path for p in error.value.problems] == [path]
    assert snapshot_files(board.path) == before


def test_a_rep_adds_notes_and_ticks_as_themselves_and_today(team) -> None:
    rep = Board(team, actor="ali", clock=_clock)
    theirs = "notes:\n- text: Slow quotes\n  author: bea\n"
    with pytest.raises(PlanRefused) as error:
        rep.import_plan(parse_plan_text(theirs.encode()).document)
    assert [p.path for p in error.value.problems] == ["notes[0].author"]
    backdated = ("ticks:\n- checklist: diagnosis\n  text: Check the length of the sales cycle\n  by: ali\n"
                 "  at: '2026-11-01T10:00:00Z'\n")
    with pytest.raises(PlanRefused) as error:
        rep.import_plan(parse_plan_text(backdated.encode()).document)
    assert [p.path for p in error.value.problems] == ["ticks[0].at"]
    own = ("notes:\n- text: Slow quotes\n  tags: [pain_point]\nticks:\n- checklist: diagnosis\n"
           "  text: Check the length of the sales cycle\n  by: ali\n  at: '2026-12-04T09:00:00Z'\n")
    summary = rep.import_plan(parse_plan_text(own.encode()).document)
    assert summary.applied
    (note,) = rep.notes()
    assert (note.id, note.author, note.created) == ("N-1", "ali", "2026-12-04T10:00:00Z")
    ticked = [t for _, t in rep.checklist() if t is not None and t.diagnosis is None]
    assert [(t.text, t.by) for t in ticked] == [("Check the length of the sales cycle", "ali")]
    # the end-of-cycle review's ticks are a lead's, as `uplift review tick`
    review = ("ticks:\n- checklist: review\n  text: Review the process metrics (calls, meetings, proposals)\n"
              "  by: ali\n  at: '2026-12-04T09:00:00Z'\n")
    with pytest.raises(PlanRefused):
        rep.import_plan(parse_plan_text(review.encode()).document)


def test_coaching_notes_stay_off_a_plan_file(team) -> None:
    board = Board(team, actor="dana", clock=_clock)
    board.add_coaching_note("ali", "Rushes the discovery call")
    exported = dump_plan(board.export_plan())
    assert "Rushes the discovery call" not in exported and "coaching" not in exported
