"""The store API: records for every change, roles, schema, damage, other processes' changes."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from sales.errors import Invalid, NotFound, Refused
from store.activity_log import SEGMENT_SIZE
from store.board import Board
from store.files import BoardDamaged
from store.schema import BoardTooNew
from tests.conftest import snapshot_files


def test_every_operation_writes_its_activity_record(board_path) -> None:
    board = Board(board_path, actor="dana")
    board.add_member("dana", "lead")
    board.add_member("ali", "rep")
    board.set_plan_info("Q4", "2026-10-01", "2026-12-31")
    board.set_wip_limit("doing", 3)
    goal = board.add_goal("Grow revenue")
    strategy = board.add_strategy("Upsell", goals=[goal.id])
    task = board.add_task("Call Acme", owner="ali", goal=goal.id, strategy=strategy.id,
                          steps=[{"text": "find the number"}])
    board.update_task(task.id, due="2026-12-01")
    board.move_task(task.id, "doing")
    board.toggle_step(task.id, 0)
    board.delete_task(task.id)
    board.remove_member("ali")
    actions = [r.action for r in reversed(board.history())]
    assert actions == ["member.add", "member.add", "board.plan", "board.wip", "goal.add", "strategy.add",
                       "task.add", "task.edit", "task.move", "task.step", "task.delete", "member.remove"]
    records = board.history()
    assert all(r.actor == "dana" and r.at for r in records)
    move = next(r for r in records if r.action == "task.move")
    assert (move.before, move.after) == ({"status": "todo"}, {"status": "doing"})
    edit = next(r for r in records if r.action == "task.edit")
    assert (edit.before, edit.after) == ({"due": None}, {"due": "2026-12-01"})


def test_ids_are_short_and_never_reused(board_path) -> None:
    board = Board(board_path, actor="dana")
    first = board.add_task("one")
    second = board.add_task("two")
    board.delete_task(second.id)
    third = board.add_task("three")
    assert (first.id, second.id, third.id) == ("T-1", "T-2", "T-3")
    assert board.task("t1").title == "one"
    with pytest.raises(NotFound, match="no task T-2"):
        board.task("T-2")


def test_a_reps_forbidden_change_is_refused_and_writes_nothing(team) -> None:
    before = snapshot_files(team)
    rep = Board(team, actor="ali")
    with pytest.raises(Refused, match="only change their own"):
        rep.move_task("T-2", "done")  # bea's task
    with pytest.raises(Refused, match="only a lead"):
        rep.delete_task("T-1")
    with pytest.raises(Refused, match="only add tasks they own"):
        rep.add_task("for bea", owner="bea")
    assert snapshot_files(team) == before
    assert rep.move_task("T-1", "doing").status == "doing"  # their own


def test_non_members_may_read_but_not_write(team) -> None:
    outsider = Board(team, actor="mallory")
    assert [t.id for t in outsider.tasks()] == ["T-1", "T-2"]
    with pytest.raises(Refused, match="not a member"):
        outsider.add_task("sneaky", owner="mallory")


def test_first_member_must_be_a_lead_and_the_last_lead_stays(board_path) -> None:
    board = Board(board_path, actor="dana")
    with pytest.raises(Refused, match="first member must be a lead"):
        board.add_member("ali", "rep")
    board.add_member("dana", "lead")
    board.add_member("ali", "rep")
    with pytest.raises(Refused, match="only lead"):
        board.remove_member("dana")


def test_the_first_member_must_be_the_one_adding_them(board_path) -> None:
    """lee, setting up a board, added dana as its first lead: from then on lee was no member,
    so could not add the reps, nor undo the mistake (only the board's files could)."""
    board = Board(board_path, actor="lee")
    with pytest.raises(Refused) as refused:
        board.add_member("dana", "lead")
    assert str(refused.value) == ("add yourself first (`uplift member add lee --role lead`), or set the board up as "
                                  "dana (UPLIFT_USER=dana): once dana is its only member, you (lee) could only read it")
    assert board.members() == []
    board.add_member("lee", "lead")
    board.add_member("dana", "lead")  # once lee is on the board, lee adds whoever
    assert [(m.name, m.role) for m in board.members()] == [("dana", "lead"), ("lee", "lead")]


@pytest.mark.parametrize("fields, field", [
    ({"title": ""}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"title": "ok", "owner": "nobody"}, "owner"),
    ({"title": "ok", "goal": "G-9"}, "goal"),
    ({"title": "ok", "priority": "whenever"}, "priority"),
    ({"title": "ok", "due": "2026-02-30"}, "due"),
    ({"title": "ok", "start": "2026-12-05", "due": "2026-12-01"}, "task"),
    ({"title": "ok", "steps": [{"text": ""}]}, "steps[0].text"),
])
def test_bad_values_are_refused_with_their_field(team, fields, field) -> None:
    before = snapshot_files(team)
    board = Board(team, actor="dana")
    title = fields.pop("title")
    with pytest.raises(Invalid) as caught:
        board.add_task(title, **fields)
    assert field in (caught.value.field, caught.value.about)  # (an empty title: the task's rule, about its title)
    assert snapshot_files(team) == before


def test_user_text_is_stored_without_control_characters(board_path) -> None:
    board = Board(board_path, actor="dana")
    task = board.add_task("[ @click=app.quit]x\x1b]52;c;aGk=\x07 \u202eevil")
    assert task.title == "[ @click=app.quit]x]52;c;aGk= evil"
    assert board.task(task.id).title == task.title


def test_another_process_change_is_seen_by_an_open_board(team) -> None:
    watcher = Board(team, actor="dana")
    watcher.changed()  # the first look reads everything
    assert watcher.changed() is False
    assert watcher.task("T-1").status == "todo"
    Board(team, actor="ali").move_task("T-1", "doing")
    assert watcher.changed() is True
    assert watcher.task("T-1").status == "doing"
    assert watcher.changed() is False


def test_a_newer_schema_is_refused(board_path) -> None:
    Board(board_path, actor="dana")
    board_file = board_path / "board.json"
    data = json.loads(board_file.read_text())
    data["meta"]["1"]["schema"] = 99
    board_file.write_text(json.dumps(data))
    before = snapshot_files(board_path)
    with pytest.raises(BoardTooNew, match="schema version 99"):
        Board(board_path, actor="dana")
    assert snapshot_files(board_path) == before


def test_a_damaged_file_is_named_and_left_alone(team) -> None:
    (team / "tasks" / "0000.json").write_text('{"tasks": {"1": {"id": "T-1", "title"')
    before = snapshot_files(team)
    board = Board(team, actor="dana")
    with pytest.raises(BoardDamaged, match="tasks/0000.json"):
        board.tasks()
    with pytest.raises(BoardDamaged, match="tasks/0000.json"):
        board.add_task("anything")
    assert snapshot_files(team) == before


def test_log_is_split_so_a_change_rewrites_a_bounded_amount(board_path) -> None:
    board = Board(board_path, actor="dana")
    task = board.add_task("busy")
    for index in range(SEGMENT_SIZE + 5):
        board.move_task(task.id, ("doing", "todo")[index % 2])
    segments = sorted((board_path / "log").iterdir())
    assert len(segments) == 2
    first = segments[0].stat()
    board.move_task(task.id, "done")
    assert segments[0].stat().st_mtime_ns == first.st_mtime_ns  # old segments are not rewritten
    assert len(board.history()) == SEGMENT_SIZE + 5 + 2
    assert board.history(limit=1)[0].after == {"status": "done"}


def test_a_log_segment_of_heavy_records_is_closed_by_its_size_too(board_path, monkeypatch) -> None:
    import store.activity_log as activity_log

    monkeypatch.setattr(activity_log, "SEGMENT_BYTES", 8_000)
    board = Board(board_path, actor="dana")
    for index in range(12):
        board.add_task(f"task {index}", expected_result="x" * 1_500)  # a record of ~1.8 kB each
    sizes = [p.stat().st_size for p in sorted((board_path / "log").iterdir())]
    assert len(sizes) >= 2
    assert all(size < 8_000 + 2_000 for size in sizes)  # closed at the first append past the size
    assert [r.item for r in board.history()] == [f"T-{n}" for n in range(12, 0, -1)]


def test_stale_temporary_files_are_cleaned_up(board_path) -> None:
    board = Board(board_path, actor="dana")
    board.add_task("first")
    stale = [board_path / ".board.json.tmp-abc123", board_path / "tasks" / ".0000.json.tmp-abc123",
             board_path / "log" / ".000000001.json.tmp-abc123"]
    for path in stale:
        path.write_bytes(b"half a file")
    board.add_task("next change")
    assert not any(path.exists() for path in stale)


def test_board_files_are_private_by_default(board_path) -> None:
    Board(board_path, actor="dana").add_task("x")
    for path in board_path.rglob("*.json"):
        assert path.stat().st_mode & 0o077 == 0, path


def test_times_come_from_the_clock(board_path) -> None:
    moment = datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    board = Board(board_path, actor="dana", clock=lambda: moment)
    board.add_task("x")
    assert board.history()[0].at == "2026-03-04T05:06:07Z"  # (RFC 3339 in UTC, as every time the board writes)
    assert board.today().isoformat() == "2026-03-04"


def test_the_board_folder_is_a_tinydb_database(team) -> None:
    from tinydb import TinyDB

    with TinyDB(team / "tasks" / "0000.json") as db:
        assert sorted(doc["id"] for doc in db.table("tasks").all()) == ["T-1", "T-2"]
    assert os.path.exists(team / "log")


def test_anyone_on_the_team_comments_on_any_task(team) -> None:
    from sales.activity import describe
    from sales.tasks import COMMENTS_MAX

    at = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
    bea = Board(team, actor="bea", clock=lambda: at)
    task = bea.comment_task("T-1", "  Ali is out sick;\x1b[31m I called Acme instead.  \n")  # ali's task
    [comment] = task.comments
    assert (comment.at, comment.by, comment.text) == (at, "bea", "Ali is out sick;[31m I called Acme instead.")
    assert describe(bea.history(item="T-1", limit=1)[0]) == "commented on T-1: Ali is out sick;[31m I called Acme instead."
    before = snapshot_files(team)
    with pytest.raises(Invalid):
        bea.comment_task("T-1", " \n ")
    with pytest.raises(Refused):
        Board(team, actor="stranger").comment_task("T-1", "hello")
    assert snapshot_files(team) == before
    lead = Board(team, actor="dana")
    for n in range(COMMENTS_MAX + 5):
        lead.comment_task("T-2", f"note {n}")
    kept = lead.task("T-2").comments
    assert len(kept) == COMMENTS_MAX and kept[-1].text == f"note {COMMENTS_MAX + 4}" and kept[0].text == "note 5"
