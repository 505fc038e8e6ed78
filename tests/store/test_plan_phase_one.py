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
    """The team board with a kept diagnosis and the column mapping it saved, a goal whose baseline comes from it, a note with
    hostile text, and a tick on each of the three checklists."""
    records = tmp_path / "h1.csv"
    records.write_text(HALF_YEAR, encoding="utf-8")
    board = Board(team, actor="dana", clock=_clock)
    board.set_plan_info("North team, Q4 2026", start="2026-10-01", end="2026-12-31")
    board.run_diagnosis([records], ["Stage=stage"], period="quarter")  # (a mapping saved for these columns)
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
    assert "\nmappings:\n- id: M-1\n  signature: amount|date|region|stage\n" in exported
    assert "\nticks:\n- checklist: diagnosis\n" in exported
    assert "\n- checklist: weekly\n  week: 2026-W49\n" in exported
    second, summary = _imported(tmp_path / "b", exported)
    assert dump_plan(second.export_plan()) == exported
    assert ("X-1", "h1.csv 2026-Q1..2026-Q2") in summary.created
    assert [(m.id, m.signature, m.overrides) for m in second.saved_mappings()] == [
        ("M-1", "amount|date|region|stage", {"Stage": "stage"})]
    # the next run on files with these columns reuses it there, as on the board it came from
    assert second.prepare_run([tmp_path / "h1.csv"])[2] == {"Stage": "stage"}
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
    assert [m.id for m in second.saved_mappings()] == ["M-1"]


def test_a_file_reads_back_into_the_board_it_was_exported_from(team, tmp_path) -> None:
    """The file leaves out a kept text's empty parts (a date column's template without values, no
    notes): read back into its own board, the diagnosis is the one kept, not a change refused."""
    board = _phase_one(team, tmp_path)
    said = board.snapshots()[0].diagnosis.source.said
    assert said["notes"] == [] and "notes:" not in dump_plan(board.export_plan()).split("\nmappings:")[0].split(
        "      said:")[1]  # (the case: an empty part the file does not carry)
    before = snapshot_files(board.path)
    again = board.import_plan(parse_plan_text(dump_plan(board.export_plan()).encode()).document)
    assert (again.created, again.changed) == ([], [])
    assert snapshot_files(board.path) == before


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


_MAPPING = ("- id: M-1\n  signature: amount|date|region|stage\n  columns: [date, amount]\n  overrides:\n"
            "    Stage: stage\n  saved_at: '2026-12-01T10:00:00Z'\n  saved_by: dana\n")


@pytest.mark.parametrize(("change", "path"), [
    (("    Stage: stage\n", "    Stage: stages\n"), "mappings[0].overrides.Stage"),
    (("    Stage: stage\n", "    Stage: stage\n    Phase: stage\n"), "mappings[0].overrides.Phase"),
    (("  overrides:\n    Stage: stage\n", "  overrides: {}\n"), "mappings[0].overrides"),
    (("  signature: amount|date|region|stage\n", "  signature: ''\n"), "mappings[0].signature"),
    (("'2026-12-01T10:00:00Z'", "'2031-01-01T10:00:00Z'"), "mappings[0].saved_at"),
    (("'2026-12-01T10:00:00Z'", "yesterday"), "mappings[0].saved_at"),
    (("  saved_by: dana\n", "  saved_by: ghost\n"), "mappings[0].saved_by"),
    (("  saved_by: dana\n", "  saved_by: dana\n  colour: red\n"), "mappings[0].colour"),
    (("  saved_by: dana\n", "  saved_by: dana\n" + _MAPPING.replace("M-1", "M-2")), "mappings[1].signature"),
    # a column none of those files has: each run on them stopped at it ("--map Nope=stage: no column")
    (("    Stage: stage\n", "    Nope: stage\n"), "mappings[0].overrides.Nope"),
    (("    Stage: stage\n", '    "\\e[31mStage\\a": stage\n'), "mappings[0].overrides.\x1b[31mStage\x07"),
    # a signature no run writes matches no file
    (("  signature: amount|date|region|stage\n", "  signature: Stage|amount|date|region\n"), "mappings[0].signature"),
])
def test_a_wrong_column_mapping_is_said_at_its_field_and_nothing_is_written(team, change, path) -> None:
    board = Board(team, actor="dana", clock=_clock)
    before = snapshot_files(board.path)
    with pytest.raises(PlanInvalid) as error:
        board.import_plan(parse_plan_text(("mappings:\n" + _MAPPING.replace(*change)).encode()).document)
    assert [p.path for p in error.value.problems] == [path]
    assert snapshot_files(board.path) == before


def test_column_mappings_are_a_leads_and_one_for_each_set_of_columns(team) -> None:
    rep = Board(team, actor="ali", clock=_clock)
    with pytest.raises(PlanRefused) as error:
        rep.import_plan(parse_plan_text(("mappings:\n" + _MAPPING).encode()).document)
    assert [(p.path, p.message) for p in error.value.problems] == [
        ("mappings[0]", "only a lead may keep column mappings (you are a rep)")]
    lead = Board(team, actor="dana", clock=_clock)
    assert lead.import_plan(parse_plan_text(("mappings:\n" + _MAPPING).encode()).document).created == [
        ("M-1", "amount|date|region|stage")]
    # another id for the same columns: the board keeps one mapping for them
    with pytest.raises(PlanInvalid) as error:
        lead.import_plan(parse_plan_text(("mappings:\n" + _MAPPING.replace("M-1", "M-2")).encode()).document)
    assert [(p.path, str(p.message)) for p in error.value.problems] == [
        ("mappings[0].signature", "M-1 on the board is the mapping for files with these columns already: "
                                  "change M-1 instead")]
    changed = lead.import_plan(parse_plan_text(("mappings:\n" + _MAPPING.replace(": stage\n", ": ignore\n"))
                                               .encode()).document)
    assert changed.changed == [("M-1", ["overrides"])]
    assert lead.saved_mappings()[0].overrides == {"Stage": "ignore"}


@pytest.mark.parametrize(("old", "new", "path"), [
    ("    period: quarter\n", "    period: week\n", "diagnoses[0].diagnosis.period"),
    ("  signature: amount|date|region|stage\n", "  signature: Amount|date|region|stage\n", "diagnoses[0].signature"),
    ("    rows_read: 7\n", "    rows_read: -7\n", "diagnoses[0].diagnosis.rows_read"),
    ("    rows_used: 7\n", "    rows_used: 70\n", "diagnoses[0].diagnosis.rows_used"),
    ("    last_date: '2026-06-30'\n", "    last_date: '2025-06-30'\n", "diagnoses[0].diagnosis.last_date"),
    ("    first_date: '2026-01-01'\n", "    first_date: 01/01/2026\n", "diagnoses[0].diagnosis.first_date"),
    ("    - period: 2026-Q2\n", "    - period: 2026-Q5\n", "diagnoses[0].diagnosis.periods[1].period"),
    ("      start: '2026-04-01'\n", "      start: soon\n", "diagnoses[0].diagnosis.periods[1].start"),
    ("        template: 'All sales: {what} fell", "        template: 'All sales: {what.__class__} fell",
     "diagnoses[0].diagnosis.findings[0].said"),
    ("        template: 'All sales: {what} fell", "        template: 'All sales: {what:>999999999} fell",
     "diagnoses[0].diagnosis.findings[0].said"),
    ("        template: 'All sales: {what} fell", "        template: 'All sales: {0} fell",
     "diagnoses[0].diagnosis.findings[0].said"),
    ("        template: 'All sales: {what} fell", "        template: '" + "x" * 4001 + "All sales: {what} fell",
     "diagnoses[0].diagnosis.findings[0].said"),
    ("        template: 'All sales: {what} fell", "        template: 'All sales: {what}} fell",
     "diagnoses[0].diagnosis.findings[0].said"),
    ("  text: 'All sales: revenue fell", "  text: '" + "x" * 4001 + "All sales: revenue fell",
     "diagnoses[0].diagnosis.findings[0].text"),
    ("- template: 'not found: {fields}'", "- template: 'not found: {nothing}'",
     "diagnoses[0].diagnosis.source.said.explanation[4]"),
])
def test_a_kept_diagnosis_holds_what_a_run_computes(team, tmp_path, old, new, path) -> None:
    """Its period (month or quarter), its dates (days, the first no later than the last), its
    periods' labels, and texts kept with templates the interface can say (the file's own
    `{what.__class__}`, or a width of a billion, said once the diagnosis was shown)."""
    exported = dump_plan(_phase_one(team, tmp_path).export_plan())
    assert old in exported
    fresh = tmp_path / "fresh"
    with pytest.raises(PlanInvalid) as error:
        _imported(fresh, exported.replace(old, new, 1))
    assert [p.path for p in error.value.problems] == [path]
    assert f"{path}: " in str(error.value)  # (said: a template's problem named it as `template`, and failed, exit 3)
    assert not (fresh / "plan.json").exists()
