"""`uplift serve web`: the TUI in a browser tab (textual-serve), as one member, on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.serve.sshkit import ROOT
from tui.cli import main


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_web_answers_on_loopback_as_the_member(team):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-P", "-m", "tui.cli", "--board", str(team), "serve", "web",
                               "--as", "dana", "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              start_new_session=True)
    said = None
    try:
        deadline = time.monotonic() + 20
        page = None
        while time.monotonic() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode()
            except OSError:
                if server.poll() is not None:
                    raise AssertionError(server.stderr.read().decode()) from None
                time.sleep(0.2)
        assert page is not None, "the web server never answered"
        assert "Uplift · dana" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        said = [stream.decode() for stream in server.communicate(timeout=10)]
    # what the person serving reads: our line, not textual-serve's logo and the command each tab
    # runs (this machine's Python and paths)
    out, err = said
    assert err.startswith(f"uplift: serving {team} as dana on http://127.0.0.1:{port} (ctrl+c stops it)\n")
    assert err.endswith(f"uplift: stopped serving http://127.0.0.1:{port}\n")  # (it ended without a word)
    assert sys.executable not in out + err and "Serving" not in out + err


def test_serve_web_refuses_a_non_member(team, capsys):
    assert main(["--board", str(team), "serve", "web", "--as", "zoe"]) == 1  # not found
    assert "--as zoe: no such member on this board" in capsys.readouterr().err
    assert main(["--board", str(team), "serve", "web", "--as", "zoe!"]) == 2  # not a name at all
    assert "--as: 'zoe!' is not a member name" in capsys.readouterr().err


def test_serves_loopback_only_unless_told(team, capsys):
    assert main(["--board", str(team), "serve", "web", "--as", "dana", "--host", "0.0.0.0"]) == 2
    assert "--public" in capsys.readouterr().err
    assert main(["--board", str(team), "serve", "ssh", "--host", "0.0.0.0"]) == 2




def test_a_port_in_use_is_said_before_anything_starts(team, capsys, monkeypatch):
    """Another server holds the port: both servers say so in one line and exit 1, before
    announcing that they serve (and, in Chinese, in Chinese)."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        for verb in (["web", "--as", "dana"], ["ssh", "--host-key", str(team.parent / "host_key")]):
            assert main(["--board", str(team), "serve", *verb, "--port", str(port)]) == 1
            err = capsys.readouterr().err
            assert err == f"uplift: 127.0.0.1:{port} is in use (another server listens there): " \
                          "choose another port with --port\n", verb
        assert not (team.parent / "host_key").exists()  # nothing made either
        monkeypatch.setenv("UPLIFT_LANG", "zh")
        assert main(["--board", str(team), "serve", "web", "--as", "dana", "--port", str(port)]) == 1
        assert capsys.readouterr().err == f"uplift: 127.0.0.1:{port} 已被占用（另有服务器在监听）：请用 --port 另选端口\n"
