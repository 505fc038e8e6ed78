"""Plan files through libyaml (PyYAML's C scanner and emitter): the same documents, lines, bytes
and messages as the pure-Python reader and writer, several times as fast on a big plan."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from sales.plan_check import PlanInvalid
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

SAMPLE = files("plans").joinpath("sample-quarter.yaml").read_bytes()


@pytest.fixture
def no_pure_python_yaml(monkeypatch):
    """Reading or writing with PyYAML's pure-Python scanner or emitter fails the test."""
    def refused(*args, **kwargs):
        raise AssertionError("the pure-Python YAML scanner or emitter was used")

    monkeypatch.setattr(yaml.scanner.Scanner, "fetch_more_tokens", refused)
    monkeypatch.setattr(yaml.emitter.Emitter, "emit", refused)


def test_a_valid_plan_is_read_and_written_by_libyaml(tmp_path, no_pure_python_yaml) -> None:
    """A plan of 5,000 tasks and 2,000 deals took 8 to 15 s to import and 4 s to export, nearly
    all of it in the pure-Python scanner and emitter."""
    text = parse_plan_text(SAMPLE)
    assert text.document["tasks"][0]["id"] == "T-1"
    assert text.lines["tasks[0].title"] == SAMPLE.decode().splitlines().index(
        "  title: Build the list of 120 mid-market manufacturers") + 1
    board = Board(tmp_path / "b", actor="dana")
    board.import_plan(text.document)
    exported = dump_plan(board.export_plan())
    again = Board(tmp_path / "c", actor="dana")
    again.import_plan(parse_plan_text(exported.encode()).document)
    assert dump_plan(again.export_plan()) == exported
    assert "  goals: [G-1, G-3]\n" in exported and "  description: |-\n    Q3 closed at $1.20M." in exported


def test_a_file_with_a_problem_is_said_in_the_pure_python_readers_words_at_its_line() -> None:
    """libyaml words its errors otherwise ("found character that cannot start any token"), so the
    hints would be lost; and it takes a tab after `key:`, which the pure-Python reader refuses."""
    cases = {
        b"tasks:\n- title: A\n\towner: ali\n":
            (3, "while scanning for the next token found character '\\t' that cannot start any token: "
                "YAML indents with spaces, not tabs"),
        b"tasks:\n- title:\tA\n":
            (2, "while scanning for the next token found character '\\t' that cannot start any token: "
                "YAML indents with spaces, not tabs"),
        b"tasks:\n- title: Call: Acme\n":
            (2, "mapping values are not allowed here: a value with ': ' in it needs quotes (title: "
                "'Call: Acme'), or the line is indented too far"),
        b"tasks:\n- &t title: A\n- *t\n": (2, "anchors (&t) are not allowed in a plan file"),
    }
    for data, (line, message) in cases.items():
        with pytest.raises(PlanInvalid) as invalid:
            parse_plan_text(data, "q1.yaml")
        assert [(p.line, p.path, str(p.message)) for p in invalid.value.problems] == [(line, "yaml", message)]


def test_text_libyaml_writes_otherwise_is_written_as_before(tmp_path) -> None:
    """libyaml escapes a character beyond U+FFFF ("\\U0001F680") and ends a `|+` block with a
    `...` line: such a plan is written by the pure-Python writer, as a person typed it."""
    board = Board(tmp_path / "b", actor="dana")
    board.import_plan(parse_plan_text("tasks:\n- title: Launch 🚀 day\n  expected_result: \"Two lines\\nand a break\\n\"\n"
                                      .encode()).document)
    exported = dump_plan(board.export_plan())
    assert "  title: Launch 🚀 day\n" in exported
    assert "\n..." not in exported
    again = Board(tmp_path / "c", actor="dana")
    again.import_plan(parse_plan_text(exported.encode()).document)
    assert dump_plan(again.export_plan()) == exported
    assert [t.title for t in again.tasks()] == ["Launch 🚀 day"]
