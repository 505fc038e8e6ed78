"""Every file of a board, damaged or written by a newer Uplift: reported by name, never
overwritten. A damaged file is named on open or on the first read of what it holds, every change
that would write it is refused, and its bytes stay as they were for a person to repair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.board import Board
from store.files import BoardDamaged
from store.schema import SCHEMA_VERSION, BoardTooNew
from tests.conftest import snapshot_files

# file of a board (the tasks and deals in their first shards) -> (a read of what it holds, a
# change that writes it)
USES = {
    "board.json": (lambda b: b.members(), lambda b: b.add_member("zoe", "rep")),
    "tasks/0000.json": (lambda b: b.tasks(), lambda b: b.add_task("new")),
    "plan.json": (lambda b: b.goals(), lambda b: b.add_goal("new goal")),
    "budget.json": (lambda b: b.training(), lambda b: b.add_training("new topic")),
    "deals/0000.json": (lambda b: b.deals(), lambda b: b.add_deal("new deal", value=1)),
    "deals.json": (lambda b: b.pipeline_snapshots(), lambda b: b.add_deal("new deal", value=1)),
    "activities.json": (lambda b: b.touches(), lambda b: b.log_activity("call", "hello", account="Acme")),
    "diagnosis.json": (lambda b: (b.snapshots(), b.checklist()), lambda b: b.tick_checklist(0)),
    "notes.json": (lambda b: b.notes(), lambda b: b.add_note("a note")),
}
DAMAGE = {
    "truncated": b'{"tasks": {"1": {"id": "T-1", "title"',
    "not json": b"\x00\x01binary\xff",
    "not an object": b"[1, 2, 3]",
    # valid JSON, not in TinyDB's layout (a hand edit): named, not failing later as a bug
    "a table not an object": b'{"tasks": [1, 2], "members": [], "goals": "x"}',
    "a document not an object": b'{"t": {"1": "text"}}',
    "a document under a name": b'{"t": {"abc": {}}}',
    "counters not numbers": b'{"_meta": {"1": {"next": {"tasks": "x"}}}}',
    "a bad document": None,  # valid JSON whose documents do not fit the model
}


BAD_DOCUMENT = {"id": 7, "title": ["not", "text"], "name": None}


def test_every_board_file_has_a_read_and_a_write_here(board_path) -> None:
    _fill(board_path)
    files = {str(p.relative_to(board_path)) for p in board_path.rglob("*.json")}
    assert set(USES) == {name for name in files if not name.startswith("log/")}


def _damage(path: Path, how: str) -> str | None:
    """Damage the file; for a bad document, return the table it is in (as document 1)."""
    if DAMAGE[how] is not None:
        path.write_bytes(DAMAGE[how])
        return None
    data = json.loads(path.read_text()) if path.exists() else {}
    tables = [name for name in data if name not in ("_meta", "checklist")] or ["snapshots"]
    data.setdefault(tables[0], {})["1"] = BAD_DOCUMENT
    path.write_text(json.dumps(data))
    return tables[0]


def _fill(board_path: Path) -> Board:
    board = Board(board_path, actor="dana")
    board.add_member("dana", "lead")
    board.add_task("t")
    board.add_goal("g")
    board.add_training("topic")
    board.add_deal("d", value=1)
    board.log_activity("call", "c", account="Acme")
    board.tick_checklist(0)
    board.add_note("n")
    return board


@pytest.mark.parametrize("how", [how for how in DAMAGE if DAMAGE[how] is not None])
@pytest.mark.parametrize("name", list(USES))
def test_an_unreadable_file_is_named_and_never_overwritten(board_path, name, how) -> None:
    _fill(board_path)
    damaged = board_path / name
    _damage(damaged, how)
    before = snapshot_files(board_path)
    read, write = USES[name]
    try:
        board = Board(board_path, actor="dana")
    except BoardDamaged as error:  # board.json is read on open
        assert name in str(error)
    else:
        with pytest.raises(BoardDamaged, match=name):
            read(board)
        with pytest.raises(BoardDamaged, match=name):
            write(board)
        for other, (_, other_write) in USES.items():  # changes elsewhere may go on...
            if other != name:
                try:
                    other_write(board)
                except BoardDamaged as error:
                    assert name in str(error)
    assert snapshot_files(board_path)[name] == before[name]  # ...but never over it


@pytest.mark.parametrize("name", list(USES))
def test_a_document_that_does_not_fit_is_named_and_kept_as_it_is(board_path, name) -> None:
    """Valid JSON, one document wrong: reading names the file; a change to another document of
    the file may still be written, and the wrong one is kept exactly, for a person to repair."""
    _fill(board_path)
    damaged = board_path / name
    table = _damage(damaged, "a bad document")
    read, write = USES[name]
    board = None
    try:
        board = Board(board_path, actor="dana")
        read(board)
    except BoardDamaged as error:
        assert name in str(error)
    else:
        pytest.fail("a damaged document was read without a word")
    if board is not None:
        try:
            write(board)
        except BoardDamaged as error:
            assert name in str(error)
    assert json.loads(damaged.read_text())[table]["1"] == BAD_DOCUMENT


@pytest.mark.parametrize("schema", [SCHEMA_VERSION + 1, 99, "2", None, [1], 0])
def test_a_board_from_a_newer_or_unknown_schema_is_refused_and_left_alone(board_path, schema) -> None:
    _fill(board_path)
    board_file = board_path / "board.json"
    data = json.loads(board_file.read_text())
    data["meta"]["1"]["schema"] = schema
    board_file.write_text(json.dumps(data))
    before = snapshot_files(board_path)
    with pytest.raises((BoardTooNew, BoardDamaged), match="board.json"):
        Board(board_path, actor="dana")
    assert snapshot_files(board_path) == before


@pytest.mark.parametrize("damage", [b'{"activity": {"1": ', b'{"activity": [1]}', b'{"activity": {"1": 7}}',
                                    b'{"activity": {"last": {}}}'])
def test_a_damaged_log_segment_is_named_and_left_alone(board_path, damage) -> None:
    _fill(board_path)
    segment = sorted((board_path / "log").glob("*.json"))[-1]
    segment.write_bytes(damage)
    before = snapshot_files(board_path)
    board = Board(board_path, actor="dana")
    with pytest.raises(BoardDamaged, match=segment.name):
        board.add_task("after the damage")
    with pytest.raises(BoardDamaged, match=segment.name):
        board.history()
    assert snapshot_files(board_path) == before


def test_a_hand_edit_of_the_last_changed_document_is_not_undone_by_the_next_write(board_path) -> None:
    """Found here: recovery took any difference from the last logged change for a half-done
    write and wrote the logged version back over a person's edit (or over damage to report)."""
    board = Board(board_path, actor="dana")
    board.add_task("as logged")
    tasks_file = board_path / "tasks" / "0000.json"
    data = json.loads(tasks_file.read_text())
    data["tasks"]["1"]["title"] = "fixed by hand"
    tasks_file.write_text(json.dumps(data))
    Board(board_path, actor="dana").add_goal("the next change")
    assert Board(board_path, actor="dana").task("T-1").title == "fixed by hand"


def test_a_document_that_does_not_fit_is_named_by_its_number_and_field(board_path) -> None:
    """(It was said as `at $[0].title`: its place among the documents being read, not its number.)"""
    board = _fill(board_path)
    for n in range(6):
        board.add_task(f"task {n}")
    shard = board_path / "tasks" / "0000.json"
    data = json.loads(shard.read_text())
    data["tasks"]["5"]["title"] = ["not", "text"]
    shard.write_text(json.dumps(data))
    board = Board(board_path, actor="dana")
    for read in (lambda: board.tasks(), lambda: board.task("T-5")):
        with pytest.raises(BoardDamaged) as damaged:
            read()
        assert str(damaged.value) == (f"{shard}: table tasks, document 5: Expected `str`, got `array` - at "
                                      "`$.title`; the file was left as it is")


@pytest.mark.parametrize("edit", [{"seq": "x"}, {"txn": None}, {"ref": "tasks"}, {"at": 5}])
def test_a_log_record_that_does_not_fit_is_named_and_left_alone(board_path, edit) -> None:
    """Every change reads the newest record (its number, the journal's last transaction): one
    edited by hand failed as a bug (KeyError, ValidationError; exit 3)."""
    _fill(board_path)
    segment = sorted((board_path / "log").glob("*.json"))[-1]
    data = json.loads(segment.read_text())
    last = max(data["activity"], key=int)
    data["activity"][last].update(edit)
    segment.write_text(json.dumps(data))
    before = snapshot_files(board_path)
    board = Board(board_path, actor="dana")
    for change in (lambda: board.add_task("after the damage"), lambda: board.undo(dry_run=True)):
        with pytest.raises(BoardDamaged, match=f"{segment.name}: table activity, document {last}: "):
            change()
    assert snapshot_files(board_path) == before


@pytest.mark.parametrize(("setting", "value", "said"), [
    ("wip", "zzz", "wip: Expected `object`, got `str`"),
    ("name", [1], "name: Expected `str`, got `array`"),
    ("budget", "lots", "budget: Expected `float | null`, got `str`"),
    ("stages", [{"name": 5}], "stages: Expected `str`, got `int` - at `$[0].name`"),
    ("alerts", {"min_left": "x"}, "alerts: Expected `int`, got `str` - at `$.min_left`"),
])
def test_a_board_setting_of_the_wrong_shape_is_named_and_left_alone(board_path, setting, value, said) -> None:
    """board.json's settings edited by hand: `task add` wrote its task and then failed as a bug
    (a WIP limit that was text), and the deal list or the alerts failed (exit 3)."""
    _fill(board_path)
    board_file = board_path / "board.json"
    data = json.loads(board_file.read_text())
    data["meta"]["1"][setting] = value
    board_file.write_text(json.dumps(data))
    message = f"{board_file}: table meta, document 1, {said}; the file was left as it is"
    try:
        board = Board(board_path, actor="dana")
        board.deals()
        board.alerts()
    except BoardDamaged as error:
        assert str(error) == message
    else:
        pytest.fail("a damaged setting was read without a word")
    for change in (lambda b: b.add_task("after the damage"), lambda b: b.add_deal("after", value=1),
                   lambda b: b.set_alert_settings(min_left=3)):
        try:
            change(Board(board_path, actor="dana"))
        except BoardDamaged as error:
            assert str(error) == message
    assert json.loads(board_file.read_text())["meta"]["1"][setting] == value  # kept for a person to repair


def test_a_file_saved_with_a_byte_order_mark_is_read(board_path) -> None:
    """A hand edit saved by a Windows editor starts with a UTF-8 byte-order mark: it was
    refused as damaged ("JSON is malformed: invalid character (byte 0)")."""
    _fill(board_path)
    for name in ("board.json", "tasks/0000.json"):
        path = board_path / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    board = Board(board_path, actor="dana")
    assert [t.title for t in board.tasks()] == ["t"]
    board.add_task("after the edit")
    assert [t.title for t in Board(board_path, actor="dana").tasks()] == ["t", "after the edit"]


def test_a_board_without_its_board_file_is_not_started_again_over_the_rest(board_path) -> None:
    """board.json lost (a bad copy, a sync conflict): the next `task add` made a new one, with no
    members (everyone lead) and none of the plan's settings, over the board's tasks and deals."""
    _fill(board_path)
    (board_path / "board.json").unlink()
    before = snapshot_files(board_path)
    for create in (True, False):
        with pytest.raises(BoardDamaged, match="board.json is missing, but the folder holds the rest of a board"):
            Board(board_path, actor="dana", create=create)
    assert snapshot_files(board_path) == before
