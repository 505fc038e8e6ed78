"""The server's key check (tui/serve/ssh_server.py: Service.key_holders): asked every second for
every open session, it reads the board's members and keys again only when the board's file
changed by its stat, and a key removed (or its member) is seen at the next check. (The sessions a
removal ends, over real SSH: test_ssh_server.py.)"""

from __future__ import annotations

import pytest

from store.board import Board

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq4P4CNnBTVpSlJpJG3CYnF3mrDgKm0aVEbhc7bFBUo ali@test"
BLOB = KEY.split()[1]


@pytest.fixture
def service(team):
    pytest.importorskip("asyncssh")
    from tui.serve.limits import Limits
    from tui.serve.ssh_server import Service

    Board(team, actor="dana").add_member_key("ali", KEY)
    return Service(team, Limits(), max_sessions=4, log=lambda text: None)


def test_an_unchanged_board_is_not_read_again(service, monkeypatch) -> None:
    assert service.member_for(BLOB) == "ali"
    reads = []
    monkeypatch.setattr(service.board, "member_keys", lambda *a: reads.append(a) or [])
    for _ in range(5):
        assert service.member_for(BLOB) == "ali"
    assert reads == []


def test_a_key_removed_or_its_member_gone_is_seen_at_the_next_check(service, team) -> None:
    assert service.member_for(BLOB) == "ali"
    lead = Board(team, actor="dana")
    lead.remove_member_key("ali")
    assert service.member_for(BLOB) is None
    lead.add_member_key("ali", KEY)
    assert service.member_for(BLOB) == "ali"
    lead.remove_member("ali", to="dana")
    assert service.member_for(BLOB) is None
