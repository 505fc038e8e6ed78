"""Bytes on the command line that are not UTF-8 (a word typed in a Latin-1 terminal, a raw 0x9b
byte): Python hands them over as lone surrogates (os.fsdecode's surrogateescape), which no file
can hold and no terminal can show. They used to end every text-taking command with an encoding
error (exit 3); each is kept, and shown, as U+FFFD instead."""

from __future__ import annotations

import json
import os

import pytest

from sales.text import clean_line, clean_multiline, safe

# `caf\xe9` typed in a Latin-1 terminal and a raw C1 CSI byte, as Python's argv holds them
LATIN1 = os.fsdecode(b"caf\xe9")
RAW_CSI = os.fsdecode(b"x\x9b31m")


def test_the_sanitizers_turn_a_lone_surrogate_into_a_replacement_character() -> None:
    assert LATIN1 == "caf\udce9"  # (what the command line is given)
    assert clean_line(LATIN1) == clean_multiline(LATIN1) == safe(LATIN1) == "caf\ufffd"
    assert safe("ok \udc9b\u00e9") == "ok \ufffd\u00e9"


@pytest.mark.parametrize("args", [
    ("task", "add", LATIN1),
    ("task", "comment", "T-1", LATIN1),
    ("task", "edit", "T-1", "--expected", RAW_CSI, "--tags", LATIN1, "--step", RAW_CSI),
    ("deal", "add", LATIN1, "--account", RAW_CSI, "--next", LATIN1),
    ("note", "add", RAW_CSI),
    ("coach", "ali", LATIN1),
    ("review", "answer", "2", RAW_CSI),
    ("training", "add", LATIN1),
    ("strategy", "add", LATIN1, "--dimension", "product"),
], ids=lambda a: " ".join(a[:2]))
def test_text_with_bytes_that_are_not_utf8_is_kept_with_a_replacement(run, args) -> None:
    code, out, err = run(*args)
    assert (code, err) == (0, ""), err
    assert out.strip()  # the new or changed item's id
    record = json.loads(run("log", "--json", "--limit", "1")[1])[0]
    assert "caf\ufffd" in json.dumps(record["after"], ensure_ascii=False) or \
        "x\ufffd31m" in json.dumps(record["after"], ensure_ascii=False), record


def test_a_bad_byte_in_an_id_or_a_word_is_said_not_crashed_on(run) -> None:
    code, out, err = run("task", "show", f"T-{RAW_CSI}")
    assert code == 2 and "is not a task id" in err and "\udc9b" not in err
    code, out, err = run("task", "move", "T-1", RAW_CSI)
    assert code == 2 and "is not a status" in err
    code, out, err = run("task", "list", "--owner", LATIN1)  # no name has such a byte
    assert code == 2 and "is not a member name" in err and "\udce9" not in err
