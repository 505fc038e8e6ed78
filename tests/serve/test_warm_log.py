"""The server's log line about its spare terminal sessions (tui/serve/ssh_server.py:
Service.watch_pool), said as the count changes: "1 terminal session warm", not "1 terminal
sessions warm". (That the spares warm up at all, over real SSH: test_ssh_server.py.)"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest


class Stop(Exception):
    """Ends the watcher once the counts run out."""


async def test_the_warm_spares_are_counted_in_words(team, monkeypatch) -> None:
    pytest.importorskip("asyncssh")
    from tui.serve.limits import Limits
    from tui.serve.ssh_server import Service

    said: list[str] = []
    service = Service(team, Limits(), max_sessions=4, log=said.append)
    counts = iter([0, 1, 1, 2, 1])

    def warm() -> int:
        try:
            return next(counts)
        except StopIteration:
            raise Stop from None

    async def no_wait(_seconds: float) -> None:
        return None

    service.pool = SimpleNamespace(warm=warm)
    monkeypatch.setattr(service, "end_revoked", lambda: None)
    monkeypatch.setattr(asyncio, "sleep", no_wait)
    with pytest.raises(Stop):
        await service.watch_pool()
    assert said == ["0 terminal sessions warm", "1 terminal session warm", "2 terminal sessions warm",
                    "1 terminal session warm"]
