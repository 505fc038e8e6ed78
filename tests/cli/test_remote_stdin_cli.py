"""A file piped to an import over `uplift serve ssh`: the server passes on at most 5 MB of a
command's standard input (and one byte more, to say it was bigger). `task import -` and `deal
import -` take up to 64 MB locally, so they took the cut file for the whole one and imported its
first 5 MB: all or nothing, broken. Over SSH they refuse a file bigger than the server passes."""

from __future__ import annotations

import io
import sys

import pytest

from tests.conftest import snapshot_files
from tui.remote import REMOTE_STDIN_BYTES
from tui.serve.limits import Limits


def piped(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def big_file(header: str) -> bytes:
    """A table of 40,000 rows, 6 MB: the server passes on its first 5 MB and a byte."""
    row = ",".join(["Call the account " + "x" * 140, "ali", "Lead", "1000"])
    data = "\n".join([header, *(row.replace("account", f"account {i}") for i in range(40_000))]).encode()
    assert len(data) > Limits().exec_input
    return data[:Limits().exec_input]


@pytest.mark.parametrize("verb, user, header", [(("task", "import", "-"), "ali", "title"),
                                                (("deal", "import", "-"), "dana", "title,owner,stage,value")])
def test_a_file_bigger_than_the_server_passes_is_refused_not_cut(run, team, monkeypatch, verb, user, header):
    assert Limits().exec_input == REMOTE_STDIN_BYTES + 1
    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    before = snapshot_files(team)
    piped(monkeypatch, big_file(header))
    assert run(*verb, user=user) == (
        2, "", "uplift: <stdin>: more than 5 MB, the most a command over `uplift serve ssh` reads; split the file\n")
    assert snapshot_files(team) == before
    piped(monkeypatch, f"{header}\nCall Acme,ali,Lead,1000\n".encode() if "," in header else b"title\nCall Acme\n")
    code, out, err = run(*verb, user=user)
    assert code == 0 and "1 " in out, err
