"""Fixtures: member keys made with ssh-keygen, and a board served over SSH on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.board import Board
from tests.serve.sshkit import KEYGEN, SSH, Server, make_key


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, Path]:
    if not (SSH and KEYGEN):
        pytest.skip("the OpenSSH client is not installed (apt-get install openssh-client)")
    folder = tmp_path_factory.mktemp("keys")
    return {name: make_key(folder, name) for name in ("dana", "ali", "bea", "stranger")}


@pytest.fixture(scope="module")
def served(tmp_path_factory, keys) -> Server:
    """A board (dana lead; ali and bea reps; T-1 ali's, T-2 bea's) served on loopback."""
    folder = tmp_path_factory.mktemp("served")
    board_path = folder / "board"
    lead = Board(board_path, actor="dana")
    lead.add_member("dana", "lead")
    lead.add_member("ali", "rep")
    lead.add_member("bea", "rep")
    lead.add_task("Call Acme", owner="ali")
    lead.add_task("Visit Beta", owner="bea")
    for name in ("dana", "ali", "bea"):
        lead.add_member_key(name, keys[name].with_suffix(".pub").read_text())
    server = Server(board_path, folder)
    try:
        yield server
    finally:
        server.stop()
