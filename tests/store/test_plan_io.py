"""Plans in and out of a board through the store API: the exact round trip, edits, permissions."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib.resources import files

import pytest
import yaml

from sales.plan import HEAD_KEYS, SECTIONS, TAIL_KEYS, Plan
from sales.plan_check import PlanInvalid, PlanRefused
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text
from tests.conftest import fix_now, snapshot_files

SAMPLE = files("plans").joinpath("sample-quarter.yaml").read_bytes()


def imported(path, data: bytes, actor: str = "dana", **options):
    board = Board(path, actor=actor)
    return board, board.import_plan(parse_plan_text(data).document, **options)


def test_sample_plan_round_trips_byte_for_byte(tmp_path) -> None:
    first, _ = imported(tmp_path / "a", SAMPLE)
    exported = dump_plan(first.export_plan())
    second, _ = imported(tmp_path / "b", exported.encode())
    assert dump_plan(second.export_plan()) == exported
    assert exported.startswith("# Uplift plan, written by uplift ")
    assert ", schema 1\n" in exported.splitlines(keepends=True)[0]
    # what the sample says, kept exactly: ids, dates, steps, block text
    assert "- id: T-30\n  title: Plan the Q1 kickoff\n  owner: dana\n" in exported
    assert "  start: 2026-10-01\n  due: 2026-10-09\n" in exported
    assert "  goals: [G-1, G-3]\n" in exported
    assert "  description: |-\n    Q3 closed at $1.20M." in exported


def test_a_rep_who_has_left_reads_back_into_a_fresh_board_byte_for_byte(tmp_path, monkeypatch) -> None:
    """A plan file from a board ali has left named ali on his won deal, his check-in and his note,
    and a fresh board refused it ("'ali' is not a member"): the file says who has left (`former:`)."""
    fix_now(monkeypatch, datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc))
    lead, _ = imported(tmp_path / "a", SAMPLE)
    lead.update_goal("G-3", owner="ali")
    ali = Board(tmp_path / "a", actor="ali")
    ali.add_note("Customer wants faster delivery", tags=["pain"])
    ali.checkin("G-3", 4)
    deal = ali.add_deal("Renewal, Isdom", value=12000, stage="Won")
    lead.remove_member("ali", to="bea")
    exported = dump_plan(lead.export_plan())
    assert "\nformer:\n- name: ali\n  role: rep\nwip:\n" in exported
    fresh, summary = imported(tmp_path / "b", exported.encode())
    assert ("former ali", "rep") in summary.created
    assert dump_plan(fresh.export_plan()) == exported
    assert fresh.former_members() == {"ali"} and "ali" not in {m.name for m in fresh.members()}
    assert fresh.deal(deal.id).owner == "ali" and "ali" in fresh.former_reps()  # (his won deal still pays him)
    assert [c.by for c in fresh.checkins("G-3")][-1] == "ali"
    assert fresh.notes()[-1].author == "ali"
    again = fresh.import_plan(parse_plan_text(exported.encode()).document)  # (read back again: nothing new)
    assert again.created == [] and again.changed == [] and "former ali" in again.unchanged


def test_someone_who_has_left_takes_no_new_work_from_a_file_nor_is_both_member_and_former(tmp_path) -> None:
    board = Board(tmp_path / "a", actor="dana")
    text = ("members:\n- name: dana\n  role: lead\n- name: bea\nformer:\n- name: ali\n- name: Bea\n"
            "tasks:\n- id: T-4\n  title: Called Acme\n  owner: ali\n  status: done\n"
            "- title: Call Acme again\n  owner: Ali\n")
    with pytest.raises(PlanInvalid) as refused:
        board.import_plan(parse_plan_text(text.encode()).document)
    assert [(p.path, p.message.format()) for p in refused.value.problems] == [
        ("former[1].name", "Bea is in members too (members[1]): someone is on the board or has left it, not both; "
                           "take them out of one of the lists"),
        ("tasks[1].owner", "'ali' has left this board, so takes no new work (members: bea, dana)")]
    assert board.members() == []


def test_importing_a_plan_into_its_own_board_changes_nothing(tmp_path) -> None:
    board, _ = imported(tmp_path / "a", SAMPLE)
    exported = dump_plan(board.export_plan()).encode()
    before, records = snapshot_files(board.path), len(board.history())
    summary = board.import_plan(parse_plan_text(exported).document)
    assert summary.created == [] and summary.changed == []
    sample = yaml.safe_load(SAMPLE)
    items = sum(len(value) for key, value in sample.items() if isinstance(value, list) and key != "stages")
    assert len(summary.unchanged) == 1 + items  # the plan itself (with its stages), then every member and item
    assert snapshot_files(board.path) == before
    assert len(board.history()) == records


def test_an_edited_copy_applies_only_its_edits_each_logged_under_the_importer(team) -> None:
    lead = Board(team, actor="dana")
    text = dump_plan(lead.export_plan())
    edited = (text.replace("title: Call Acme", "title: Call Acme and Betasoloin")
                  .replace("  status: todo\n  priority: normal\n  due:", "  status: doing\n  priority: normal\n  due:")
              + "- title: Quote Isdom\n  owner: bea\n")
    assert edited.count("\n") == text.count("\n") + 2
    records = len(lead.history())
    summary = lead.import_plan(parse_plan_text(edited.encode()).document)
    assert summary.created == [("T-3", "Quote Isdom")]
    assert summary.changed == [("T-1", ["title", "status"])]
    new = lead.history()[: len(lead.history()) - records]
    assert sorted((r.item, r.action, r.actor) for r in new) == [
        ("T-1", "task.edit", "dana"), ("T-3", "task.add", "dana")]
    assert {r.txn for r in new} == {new[0].txn}  # one transaction
    assert lead.task("T-1").title == "Call Acme and Betasoloin" and lead.task("T-1").status == "doing"
    assert lead.task("T-2").title == "Visit Betasoloin"


def test_the_plans_budget_goes_out_and_comes_back_in(tmp_path, team) -> None:
    """`plan: budget:` (the sample's 40000) was read and then dropped: the board had no plan
    budget after the import, and an export left it out, so a round trip lost it."""
    board, _ = imported(tmp_path / "a", SAMPLE)
    assert board.plan_budget() == 40000
    assert "\n  budget: 40000\nmembers:\n" in dump_plan(board.export_plan())
    lead = Board(team, actor="dana")
    lead.import_plan(parse_plan_text(b"plan:\n  name: North\n  budget: 25000\n").document)
    assert lead.plan_budget() == 25000
    lead.import_plan(parse_plan_text(b"plan:\n  name: North\n").document)  # left out: left alone
    assert lead.plan_budget() == 25000
    with pytest.raises(PlanRefused) as refused:
        Board(team, actor="ali").import_plan(parse_plan_text(b"plan:\n  name: North\n  budget: 90000\n").document)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("plan.budget", "only a lead may set the plan's budget (you are a rep)")]
    assert lead.plan_budget() == 25000


def test_a_file_whose_leads_leave_the_importer_out_is_refused_on_a_board_without_members(tmp_path) -> None:
    """Imported by lee into a board with no members, the sample's team (dana and her reps) left
    lee a reader of the board lee had just set up."""
    board = Board(tmp_path / "a", actor="lee")
    with pytest.raises(PlanRefused) as refused:
        board.import_plan(parse_plan_text(SAMPLE).document)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("members", "the file's leads leave you (lee) out, so you could only read the board after it: add "
                    "`- name: lee` with `role: lead` to members, or import as one of its leads (UPLIFT_USER=NAME)")]
    assert board.members() == [] and board.tasks() == []
    team = b"members:\n- name: lee\n  role: lead\n- name: ali\n  role: rep\n"
    board.import_plan(parse_plan_text(team).document)
    assert [m.name for m in board.members()] == ["ali", "lee"]
    board.import_plan(parse_plan_text(b"members:\n- name: bea\n  role: rep\n").document)  # lee is on it now
    assert [m.name for m in board.members()] == ["ali", "bea", "lee"]


def test_a_reference_named_twice_is_kept_once(tmp_path) -> None:
    """`depends: [T-1, T-1]` and `goals: [G-1, G-1]` were kept as written (the board's own
    task add/edit keeps a dependency once): exported twice, waited for or served twice."""
    plan = (b"members:\n- name: dana\n  role: lead\n"
            b"goals:\n- id: G-1\n  title: Grow\n  owner: dana\n"
            b"strategies:\n- id: S-1\n  title: Target\n  dimension: market\n  goals: [G-1, G-1]\n"
            b"tasks:\n- id: T-1\n  title: First\n  owner: dana\n"
            b"- id: T-2\n  title: Then\n  owner: dana\n  depends: [T-1, T-1]\n")
    board, _ = imported(tmp_path / "a", plan)
    assert board.task("T-2").depends == ["T-1"]
    assert board.strategy("S-1").goals == ["G-1"]
    exported = dump_plan(board.export_plan())
    assert "  depends: [T-1]\n" in exported and "  goals: [G-1]\n" in exported


def test_a_reps_forbidden_edit_refuses_the_whole_import(team) -> None:
    text = dump_plan(Board(team, actor="dana").export_plan())
    edited = (text.replace("title: Call Acme", "title: Call Acme today")       # ali's own: allowed
                  .replace("title: Visit Betasoloin", "title: Visit Betasoloin twice"))  # bea's
    before = snapshot_files(team)
    rep = Board(team, actor="ali")
    with pytest.raises(PlanRefused) as refused:
        rep.import_plan(parse_plan_text(edited.encode()).document)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("tasks[1]", "a rep may only change their own tasks; this one is bea's")]
    assert snapshot_files(team) == before
    assert rep.task("T-1").title == "Call Acme"


def test_a_rep_may_import_changes_to_their_own_tasks(team) -> None:
    text = dump_plan(Board(team, actor="dana").export_plan())
    rep = Board(team, actor="ali")
    rep.import_plan(parse_plan_text(text.replace("title: Call Acme", "title: Call Acme today").encode()).document)
    assert rep.task("T-1").title == "Call Acme today"
    assert rep.history(item="T-1")[0].actor == "ali"


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(team) -> None:
    before = snapshot_files(team)
    board = Board(team, actor="dana")
    document = parse_plan_text(b"tasks:\n- id: T-2\n  title: Visit Betasoloin\n  owner: bea\n"
                               b"  priority: high\n- title: New one\n").document
    summary = board.import_plan(document, dry_run=True)
    assert snapshot_files(team) == before
    assert summary.lines() == ["Would create 1:", "  T-3  New one", "Would change 1:", "  T-2  (priority)",
                               "Unchanged 0", "Left alone (on the board, not in the file) 1: T-1",
                               "Nothing was written."]


def test_items_without_ids_are_numbered_after_every_id_in_use(team) -> None:
    board = Board(team, actor="dana")
    board.import_plan(parse_plan_text(b"tasks:\n- title: No id\n- id: T-7\n  title: Chosen id\n").document)
    assert [t.id for t in sorted(board.tasks(), key=lambda t: int(t.id[2:]))] == ["T-1", "T-2", "T-7", "T-8"]
    assert board.task("T-8").title == "No id"
    assert board.add_task("After").id == "T-9"


def test_every_problem_is_reported_with_its_path_and_nothing_written(team) -> None:
    before = snapshot_files(team)
    text = (b"tasks:\n"
            b"- id: T-1\n"
            b"  title: Call Acme\n"
            b"  owner: zoe\n"
            b"  status: finished\n"
            b"  due: 2026-02-30\n"
            b"  goal: G-4\n")
    plan_text = parse_plan_text(text)
    with pytest.raises(PlanInvalid) as invalid:
        Board(team, actor="dana").import_plan(plan_text.document)
    found = [(p.line, p.path, p.message) for p in plan_text.located(invalid.value.problems)]
    assert found == [
        (4, "tasks[0].owner", "'zoe' is not a member (members: ali, bea, dana)"),
        (5, "tasks[0].status", "'finished' is not one of: todo, doing, blocked, done"),
        (6, "tasks[0].due", "'2026-02-30' is not a date: the days of 2026-02 run 01 to 28"),
        (7, "tasks[0].goal", "G-4 is not a goal in this file or on the board"),
    ]
    assert snapshot_files(team) == before


def test_problems_of_every_kind_come_in_one_report(team) -> None:
    """A field error does not hide the file's other problems: a duplicate id on an item that
    failed, a deal's unknown stage, a loop of waiting tasks; all in one report, nothing written."""
    before = snapshot_files(team)
    text = (b"tasks:\n"
            b"- {id: T-70, title: Call Acme, due: 2026-02-30}\n"
            b"- {id: T-70, title: Call Acme again}\n"
            b"- {id: T-71, title: Send the quote, depends: [T-72]}\n"
            b"- {id: T-72, title: Book the demo, depends: [T-71]}\n"
            b"deals:\n"
            b"- {id: D-9, title: Nowhere deal, stage: Nowhere, value: -5}\n")
    plan_text = parse_plan_text(text)
    with pytest.raises(PlanInvalid) as invalid:
        Board(team, actor="dana").import_plan(plan_text.document)
    found = [(p.path, p.message) for p in invalid.value.problems]
    assert ("tasks[0].due", "'2026-02-30' is not a date: the days of 2026-02 run 01 to 28") in found
    assert ("deals[0].value", "expected a number >= 0.0, got the number -5") in found
    assert ("tasks[1].id", "duplicate id T-70 (also tasks[0])") in found
    assert ("deals[0].stage", "'Nowhere' is not a stage of this pipeline "
                              "(one of: Lead, Qualified, Proposal, Negotiation, Won, Lost)") in found
    assert ("tasks[2].depends", "T-71 would wait for itself (T-71 → T-72 → T-71)") in found
    assert snapshot_files(team) == before


def test_starting_from_a_template_only_adds(team) -> None:
    board = Board(team, actor="dana")
    data = files("plans").joinpath("weekly-review.yaml").read_bytes()
    board.import_plan(parse_plan_text(data).document, create_only=True)
    board.import_plan(parse_plan_text(data).document, create_only=True)
    assert [(c.id, c.title, c.phase) for c in board.items("checklist")] == [
        ("H-1", "Weekly review", "track"), ("H-2", "Weekly review", "track")]
    with pytest.raises(PlanInvalid) as invalid:
        board.import_plan(parse_plan_text(b"tasks:\n- id: T-1\n  title: Renamed\n").document,
                          create_only=True)
    assert invalid.value.problems[0].path == "tasks[0]"
    assert "already on this board" in invalid.value.problems[0].message


@pytest.mark.parametrize("name", ["blank", "sample-quarter", "diagnosis", "weekly-review", "gap-analysis",
                                  "end-of-cycle-review"])
def test_every_template_imports_into_a_fresh_board(tmp_path, name) -> None:
    data = files("plans").joinpath(f"{name}.yaml").read_bytes()
    board, summary = imported(tmp_path / "b", data, create_only=True)
    assert summary.applied
    exported = dump_plan(board.export_plan())
    again, _ = imported(tmp_path / "c", exported.encode())
    assert dump_plan(again.export_plan()) == exported


def test_the_plan_document_has_one_field_per_section() -> None:
    assert tuple(Plan.__struct_fields__) == HEAD_KEYS + tuple(s.key for s in SECTIONS) + TAIL_KEYS


def test_the_readmes_annotated_example_imports(tmp_path) -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("#### The format, annotated", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    board, summary = imported(tmp_path / "b", example.encode())
    assert [t.id for t in board.items("task")] == ["T-1", "T-2", "T-3"]
    assert board.task("T-2").title == "Call the first 24 accounts"
    assert (board.task("T-3").title, board.task("T-3").every) == ("Weekly deal review", "weekly")
    line = board.budget_line("B-1")
    assert (line.strategy, line.requested, line.status, line.approved) == ("S-1", 8000, "approved", 6000)
    assert [(e.line, e.amount, str(e.on)) for e in board.spending()] == [("B-1", 3000, "2026-10-27")]
    assert [(t.id, str(t.on), t.done) for t in board.training()] == [("L-1", "2026-10-29", True)]


def test_numbers_are_read_as_written_not_as_yaml_1_1_octal_hex_or_base_60(team) -> None:
    """PyYAML's safe loader read `0123` as 83 (octal) and `10:30` as 630 (base 60): a title
    0123 was refused as "the number 83" and a budget of 040000 became 16384 without a word."""
    text = (b"tasks:\n"
            b"- title: 0123\n"
            b"- title: 10:30\n"
            b"  owner: bea\n")
    Board(team, actor="dana").import_plan(parse_plan_text(text).document)
    assert [(t.id, t.title) for t in Board(team, actor="dana").tasks()][-2:] == [("T-3", "0123"), ("T-4", "10:30")]
    before = snapshot_files(team)
    plan_text = parse_plan_text(b"plan:\n  name: Q4\n  budget: 040000\n")
    with pytest.raises(PlanInvalid) as invalid:
        Board(team, actor="dana").import_plan(plan_text.document)
    found = [(p.line, p.path, p.message) for p in plan_text.located(invalid.value.problems)]
    assert found == [(3, "plan.budget", "expected a number or nothing, got the text '040000'")]
    assert snapshot_files(team) == before


def test_a_big_plan_looks_up_each_models_fields_once(team, monkeypatch) -> None:
    """msgspec.structs.fields evaluates a model's annotations on every call; looked up once per
    item, it was more than half of what a plan of 60,000 tasks cost to import."""
    import msgspec

    calls: list[type] = []
    fields = msgspec.structs.fields
    monkeypatch.setattr(msgspec.structs, "fields", lambda model: calls.append(model) or fields(model))
    text = b"tasks:\n" + b"".join(b"- title: task %d\n  steps:\n  - text: a step\n" % i for i in range(300))
    Board(team, actor="dana").import_plan(parse_plan_text(text).document)
    assert len(Board(team, actor="dana").tasks()) == 302
    assert len(calls) == len(set(calls)) < 10


def test_a_change_on_the_board_is_only_its_own_lines_in_the_next_export(team) -> None:
    """A lead keeps the plan in git: between two exports, a task moved is its status line, a
    check-in the lines of one item added; nothing else moves or is re-dated."""
    import difflib

    lead = Board(team, actor="dana")
    goal = lead.add_goal("Win 25 new customers", owner="dana")
    before = dump_plan(lead.export_plan()).splitlines()
    lead.move_task("T-2", "doing")
    after_move = dump_plan(lead.export_plan()).splitlines()
    changed = [line for line in difflib.unified_diff(before, after_move, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-  status: todo", "+  status: doing"]
    lead.checkin(goal.id, 14)
    after_checkin = dump_plan(lead.export_plan()).splitlines()
    changed = [line for line in difflib.unified_diff(after_move, after_checkin, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert [line for line in changed if line.startswith("-")] == []
    assert changed[:4] == ["+checkins:", "+- id: C-1", f"+  goal: {goal.id}", "+  value: 14"]


def test_whole_numbers_are_written_as_a_person_writes_them(board_path) -> None:
    """A target of 15 was exported as `target: 15.0` and a budget as `40000.0`: the first export
    after a hand-written file changed every number line in git. Whole numbers go out whole, and
    come back the same."""
    from store.board import Board

    board = Board(board_path, actor="dana")
    board.add_goal("Revenue", metric="revenue", baseline=1200000, target=1380000.5)
    board.add_goal("Win rate", metric="win_rate", unit="%", baseline=31, target=40)
    text = dump_plan(board.export_plan())
    assert "  baseline: 1200000\n  target: 1380000.5\n" in text and "  baseline: 31\n  target: 40\n" in text
    assert ".0\n" not in text
