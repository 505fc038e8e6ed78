"""Team access without a network: member keys, board modes, what a remote session may not do,
and the SSH server's command filter and input budget."""

from __future__ import annotations

import grp
import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from store.board import Board
from tests.conftest import snapshot_files
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
KEYGEN = shutil.which("ssh-keygen")
# An ed25519 public key made once with ssh-keygen.
ALI_PUB = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAtCbtg1undMkjZVHflrRxP5P5J8BX9OCiCCtd3In4Iw ali@laptop\n")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def ali_pub(tmp_path) -> Path:
    path = tmp_path / "ali.pub"
    path.write_text(ALI_PUB)
    return path


# ---------------------------------------------------------------------- member keys

def test_a_lead_adds_lists_and_removes_a_members_key(team, ali_pub, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["--board", str(team), "member", "key", "add", "ali", str(ali_pub)]) == 0
    assert main(["--board", str(team), "member", "key", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"member":"ali"' in out.replace(" ", "")
    board = Board(team, actor="dana")
    [key] = board.member_keys("ali")
    assert key.fingerprint.startswith("SHA256:") and key.comment == "ali@laptop"
    assert board.member_for_key(ALI_PUB.split()[1]) == "ali"
    assert board.history(limit=1)[0].action == "member.key_add"
    assert main(["--board", str(team), "member", "key", "remove", "ali", key.fingerprint]) == 0
    assert Board(team, actor="dana").member_keys() == []


def test_keys_that_are_not_there_are_not_found(team, ali_pub, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["--board", str(team), "member", "key", "add", "ali", str(ali_pub)]) == 0
    capsys.readouterr()
    for args, says in ((["remove", "ali", "SHA256:nope"], "ali has no key SHA256:nope on this board"),
                       (["remove", "bea"], "bea has no keys on this board"),
                       (["list", "zed"], "member key list zed: no such member on this board (members: ali, bea, dana)")):
        assert main(["--board", str(team), "member", "key", *args]) == 1
        assert capsys.readouterr() == ("", f"uplift: {says}\n")
    assert main(["--board", str(team), "member", "key", "list", "bea"]) == 0  # a member, no key yet
    assert "No SSH keys yet" in capsys.readouterr().out


@pytest.mark.skipif(not KEYGEN, reason="ssh-keygen (openssh-client) is not installed")
def test_the_fingerprint_is_the_one_ssh_keygen_prints(team, tmp_path, monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    subprocess.run([KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "k")], check=True)
    assert main(["--board", str(team), "member", "key", "add", "bea", str(tmp_path / "k.pub")]) == 0
    printed = subprocess.run([KEYGEN, "-lf", str(tmp_path / "k.pub")], capture_output=True, text=True).stdout
    assert Board(team, actor="dana").member_keys("bea")[0].fingerprint == printed.split()[1]


@pytest.mark.parametrize("content, says", [
    ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
     "PRIVATE key"),
    ("hello, I am not a key\n", "not an OpenSSH public key line"),
    ("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x\n", "the line says 'ssh-ed25519'"),
    ("ssh-ed25519 !!!notbase64 x\n", "not base64"),
])
def test_garbage_and_private_keys_are_refused_with_exit_2(team, tmp_path, capsys, monkeypatch, content, says):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    path = tmp_path / "key"
    path.write_text(content)
    before = snapshot_files(team)
    assert main(["--board", str(team), "member", "key", "add", "ali", str(path)]) == 2
    assert says in capsys.readouterr().err
    assert snapshot_files(team) == before


def test_binary_key_file_is_refused(team, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    path = tmp_path / "key"
    path.write_bytes(bytes(range(256)))
    assert main(["--board", str(team), "member", "key", "add", "ali", str(path)]) == 2


def test_only_a_lead_adds_keys_and_only_for_members(team, ali_pub, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "ali")
    assert main(["--board", str(team), "member", "key", "add", "ali", str(ali_pub)]) == 1
    assert "only a lead" in capsys.readouterr().err
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["--board", str(team), "member", "key", "add", "zoe", str(ali_pub)]) == 1


def test_one_key_lets_in_one_member(team, ali_pub, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["--board", str(team), "member", "key", "add", "ali", str(ali_pub)]) == 0
    assert main(["--board", str(team), "member", "key", "add", "bea", str(ali_pub)]) == 1
    assert "already lets ali in" in capsys.readouterr().err


def test_removing_a_member_removes_their_keys(team, ali_pub):
    lead = Board(team, actor="dana")
    lead.add_member_key("ali", ali_pub.read_text())
    lead.remove_member("ali", to="bea")
    assert lead.member_keys() == []
    assert lead.member_for_key(ALI_PUB.split()[1]) is None


# ---------------------------------------------------------------------- board modes

def all_entries(path: Path) -> list[Path]:
    return [path, *path.rglob("*")]


def test_a_new_board_is_private_whatever_the_umask(tmp_path, monkeypatch):
    old = os.umask(0o002)
    try:
        assert main(["--board", str(tmp_path / "b"), "init"]) == 0
        Board(tmp_path / "b", actor="me").add_task("x")
    finally:
        os.umask(old)
    for entry in all_entries(tmp_path / "b"):
        assert mode(entry) == (0o700 if entry.is_dir() else 0o600), entry


def test_a_shared_board_keeps_group_modes_on_every_rewrite(tmp_path):
    old = os.umask(0o022)  # the usual umask would make 0640 files and 0750 folders
    try:
        path = tmp_path / "team"
        assert main(["--board", str(path), "init", "--shared"]) == 0
        board = Board(path, actor="me")
        board.add_member("me", "lead")
        task = board.add_task("one")
        board.move_task(task.id, "doing")
    finally:
        os.umask(old)
    entries = all_entries(path)
    assert any(e.name == "log" for e in entries) and any(e.name == ".lock" for e in entries)
    for entry in entries:
        assert mode(entry) == (0o2770 if entry.is_dir() else 0o660), entry


def test_an_existing_board_is_shared_with_a_group_then_made_private_again(team, capsys):
    Board(team, actor="dana").add_task("before sharing", owner="ali")
    group = grp.getgrgid(os.getgid()).gr_name
    if os.geteuid() == 0:  # root may hand the board to any group: prove chgrp happens
        group = next((g.gr_name for g in grp.getgrall() if g.gr_gid != os.getgid()), group)
    assert main(["--board", str(team), "init", "--shared", "--group", group]) == 0
    assert "shared with its group" in capsys.readouterr().out
    gid = grp.getgrnam(group).gr_gid
    Board(team, actor="dana").add_task("after sharing", owner="bea")  # a rewrite keeps it
    for entry in all_entries(team):
        assert os.stat(entry).st_gid == gid, entry
        assert mode(entry) == (0o2770 if entry.is_dir() else 0o660), entry
    assert main(["--board", str(team), "init", "--private"]) == 0
    for entry in all_entries(team):
        assert mode(entry) == (0o700 if entry.is_dir() else 0o600), entry


def test_init_refuses_an_unknown_group_and_a_group_without_shared(team, capsys):
    assert main(["--board", str(team), "init", "--shared", "--group", "no-such-group-here"]) == 2
    assert main(["--board", str(team), "init", "--group", "x"]) == 2


# ---------------------------------------------------------------------- remote sessions

def test_a_remote_session_cannot_name_files_or_boards(team, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    monkeypatch.setenv("UPLIFT_BOARD", str(team))
    monkeypatch.setenv("UPLIFT_USER", "dana")
    before = snapshot_files(team)
    assert main(["plan", "export", "-o", str(tmp_path / "p.yaml")]) == 1
    assert main(["--board", str(tmp_path / "other"), "task", "list"]) == 1
    assert main(["plan", "import", str(tmp_path / "p.yaml")]) == 1
    assert main(["diagnose", "/etc/passwd"]) == 1
    assert main(["deal", "import", "/etc/passwd"]) == 1
    assert main(["member", "key", "add", "ali", "/etc/passwd"]) == 1
    assert main(["review", "export", "-o", str(tmp_path / "board.json")]) == 1  # (it would overwrite it)
    assert main(["incentive", "set", "/etc/passwd"]) == 1
    assert main(["calendar", "-o", str(tmp_path / "dates.ics")]) == 1
    assert "cannot open the server's files" in capsys.readouterr().err
    assert main(["demo", "--no-open"]) == 1
    assert main(["serve", "ssh"]) == 1
    assert main(["init"]) == 1
    assert not any(tmp_path.glob("*.*")) and not (tmp_path / "other").exists()
    assert snapshot_files(team) == before


def test_every_argument_that_names_a_file_is_refused_over_ssh() -> None:
    """Each command's arguments that name a file (a FILE metavar, an output, a key file) are
    declared as paths, so that a remote session refuses them before the command runs: a new
    one cannot be forgotten."""
    import argparse

    from tui.cli import build_parser
    from tui.cli_support import PATHS

    def parsers(parser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in dict.fromkeys(action.choices.values()):
                    yield from parsers(sub)

    found = []
    for parser in parsers(build_parser()):
        declared = parser.get_default(PATHS) or []
        for action in parser._actions:
            metavar = str(action.metavar or action.dest).upper()
            if action.dest == "board":
                continue  # (open_board refuses another board)
            if "FILE" in metavar or action.dest in ("output", "file", "files", "keyfile", "host_key", "join", "costs"):
                found.append(f"{parser.prog} {action.dest}")
                assert action.dest in declared, f"{parser.prog}: {action.dest} names a file; declare it with add_path"
    assert len(found) >= 11, found


@pytest.fixture
def remote_lead(team, monkeypatch) -> Path:
    """A session of dana, the lead, over `uplift serve ssh` (UPLIFT_REMOTE=1) on the team board."""
    monkeypatch.setenv("UPLIFT_REMOTE", "1")
    monkeypatch.setenv("UPLIFT_BOARD", str(team))
    monkeypatch.setenv("UPLIFT_USER", "dana")
    return team


def test_a_remote_session_moves_plans_through_stdin_and_stdout(remote_lead, team, capsys, monkeypatch):
    assert main(["plan", "export"]) == 0
    text = capsys.readouterr().out
    assert "Call Acme" in text
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.replace("Call Acme", "Call Acme Inc").encode())))
    assert main(["plan", "import", "-"]) == 0
    assert Board(team, actor="dana").task("T-1").title == "Call Acme Inc"


def test_a_remote_lead_sets_an_incentive_plan_through_stdin(remote_lead, team, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"name: Spiff\nquota: 10000\ncap: lots\n")))
    assert main(["incentive", "set", "-"]) == 2
    assert "<stdin>:3: incentives[0].cap: expected a number or nothing, got the text 'lots'" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"name: Spiff\nquota: 10000\n")))
    assert main(["incentive", "set", "-"]) == 0
    assert capsys.readouterr().out == "I-1\n"
    assert Board(team, actor="dana").incentive_plan("I-1").name == "Spiff"


def test_a_key_can_come_on_stdin(team, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_USER", "dana")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ALI_PUB.encode())))
    assert main(["--board", str(team), "member", "key", "add", "ali", "-"]) == 0
    assert Board(team, actor="dana").member_for_key(ALI_PUB.split()[1]) == "ali"


def test_task_done_does_not_import_the_servers(team):
    probe = ("import sys; from tui.cli import main; code = main(['task', 'done', 'T-1']); "
             "heavy = [m for m in ('asyncssh', 'textual_serve', 'aiohttp') if m in sys.modules]; "
             "print(code, heavy)")
    env = {**os.environ, "UPLIFT_BOARD": str(team), "UPLIFT_USER": "dana"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "0 []"


# ---------------------------------------------------------------------- the server's filters

def test_only_uplift_verbs_pass_the_command_filter():
    from tui.serve.ssh_server import CommandRefused, allowed_verbs, parse_command

    verbs = allowed_verbs()
    assert parse_command("task done T-4", verbs, 4096) == ["task", "done", "T-4"]
    assert parse_command("uplift task add 'Call Acme; now'", verbs, 4096) == ["task", "add", "Call Acme; now"]
    assert parse_command("", verbs, 4096) == []
    # bad usage (exit 2, as `uplift` itself says of such a line): no Uplift command, or unreadable
    for bad in ("sh -c id", "bash", "task 'unclosed", 'task add "oops', "task add oops\\", "x" * 5000,
                "task add 'a\x00b'"):
        with pytest.raises(CommandRefused) as refused:
            parse_command(bad, verbs, 4096)
        assert refused.value.code == 2, bad
    # refused (exit 1): what runs only on the board's machine, another board
    for bad in ("demo", "serve ssh", "init --shared", "task list --board /tmp", "task list --board=/tmp"):
        with pytest.raises(CommandRefused) as refused:
            parse_command(bad, verbs, 4096)
        assert refused.value.code == 1, bad


def test_the_input_budget_passes_a_burst_then_a_rate():
    from tui.serve.limits import InputBudget

    now = [0.0]
    budget = InputBudget(rate=100, burst=1000, clock=lambda: now[0])
    assert budget.allow(5000) == 1000   # the burst
    assert budget.allow(10) == 0        # nothing left
    now[0] = 0.5
    assert budget.allow(500) == 50      # half a second at 100 bytes a second
    now[0] = 100.0
    assert budget.allow(5000) == 1000   # never more than a burst saved up


def test_a_remote_lead_imports_deals_through_stdin(remote_lead, team, capsys, monkeypatch):
    """`deal import -` reads the file from standard input (the refusal of a path offers `-`):
    its problems name <stdin> and the row, and nothing is written; a good file imports."""
    bad = "title,stage,value,owner\nAcme,Lead,1200,ali\nBeta,Someday,800,bea\n".encode("latin-1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bad)))
    assert main(["deal", "import", "-"]) == 2
    err = capsys.readouterr().err
    assert "<stdin>: 1 problem, nothing imported" in err and "row 3: stage: 'Someday' is not a stage" in err
    assert Board(team, actor="dana").deals() == []
    good = "title,stage,value,owner\nCafé Nord,Lead,1200,ali\nBeta,Won,800,bea\n".encode("latin-1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(good)))
    assert main(["deal", "import", "-"]) == 0
    deals = sorted((d.title, d.stage, d.value, d.owner) for d in Board(team, actor="dana").deals())
    assert deals == [("Beta", "Won", 800, "bea"), ("Café Nord", "Lead", 1200, "ali")]


def test_a_remote_diagnosis_of_a_file_is_not_offered_stdin(remote_lead, team, capsys, monkeypatch):
    """diagnose reads files only: refused over SSH, it says where to run it, not to use `-`."""
    assert main(["diagnose", "sales.csv"]) == 1
    err = capsys.readouterr().err
    assert "diagnose cannot read standard input" in err and "(`-`)" not in err
    assert main(["deal", "import", "deals.csv"]) == 1
    assert "use standard input or output (`-`) instead" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "says"), [
    (["serve", "ssh", "--port", "99999999"], "argument --port: '99999999' is not a whole number from 0 to 65535"),
    (["serve", "ssh", "--port", "-5"], "argument --port: '-5' is not a whole number from 0 to 65535"),
    (["serve", "ssh", "--max-sessions", "0"], "argument --max-sessions: '0' is not a whole number from 1 to"),
    (["serve", "ssh", "--cpu-seconds", "-1"], "argument --cpu-seconds: '-1' is not a whole number from 1 to"),
    (["serve", "web", "--as", "dana", "--port", "70000"], "argument --port: '70000' is not a whole number"),
])
def test_serve_refuses_numbers_it_cannot_use(team, capsys, monkeypatch, args, says):
    """A port past 65535 or below 0 crashed the server (exit 3: OverflowError in bind, after it
    had made a host key); no sessions at all was accepted. Now they are bad usage (exit 2)."""
    monkeypatch.setenv("UPLIFT_BOARD", str(team))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(team / "config"))
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2 and says in capsys.readouterr().err
    assert not (team / "config").exists()


def test_serve_ssh_with_a_public_key_as_host_key_is_bad_input(team, ali_pub, capsys, monkeypatch):
    """--host-key naming a public key (or any file that is not a private key) was a crash (exit 3:
    KeyImportError); it is bad input (exit 2) naming the file."""
    monkeypatch.setenv("UPLIFT_BOARD", str(team))
    monkeypatch.setenv("UPLIFT_USER", "dana")
    assert main(["serve", "ssh", "--port", "0", "--host-key", str(ali_pub)]) == 2
    assert f"--host-key: {ali_pub}: not a private key without a passphrase" in capsys.readouterr().err


def test_a_session_that_fails_on_the_server_ends_as_a_bug(team):
    """It ended with exit status 1, which a script reads as "refused or not found"."""
    import asyncio
    import types

    from tui.serve.ssh_server import Session

    said, ended, logged = [], [], []
    service = types.SimpleNamespace(limits=types.SimpleNamespace(input_rate=1, input_burst=1, exec_input=1),
                                    log=logged.append, sessions=set(), language_of=lambda member: None)
    session = Session(service, "ali")
    session.chan = types.SimpleNamespace(write_stderr=said.append, exit=ended.append)
    session.argv = ["task", "list"]

    async def broken() -> None:
        raise RuntimeError("the child could not start")

    session._run_verb = broken
    asyncio.run(session._run())
    assert ended == [3]
    assert said == [b"uplift: the session failed on the server: this is a bug in Uplift (the server's log says more)\n"]
    assert logged[-1] == "ali: session failed: the child could not start"


def test_serve_ssh_makes_the_host_key_it_is_told_to_use_once(team, tmp_path):
    """--host-key naming a file not there yet: the server makes the key there (owner-only, as it
    does in ~/.config/uplift/), says so with its fingerprint, and takes the same key next time.
    It used to stop with '[Errno 2] No such file or directory'."""
    import re

    root = Path(__file__).resolve().parents[2]
    key = tmp_path / "keys" / "host_ed25519"
    key.parent.mkdir()

    def start() -> list[str]:
        env = {**os.environ, "PYTHONPATH": str(root), "UPLIFT_USER": "dana"}
        env.pop("UPLIFT_REMOTE", None)
        process = subprocess.Popen(
            [sys.executable, "-P", "-m", "tui.cli", "--board", str(team), "serve", "ssh", "--port", "0",
             "--host-key", str(key)], cwd=root, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
        said = []
        try:
            for line in process.stderr:
                said.append(line.rstrip())
                if "over SSH on" in line:
                    break
        finally:
            process.kill()
            process.wait(10)
        return said

    first = start()
    assert f"uplift: made a host key: {key}" in first
    assert key.stat().st_mode & 0o777 == 0o600
    second = start()
    assert not any("made a host key" in line for line in second)
    fingerprint = [re.search(r"host key (SHA256:\S+)\)", line) for line in (first[-1], second[-1])]
    assert fingerprint[0] and fingerprint[1] and fingerprint[0].group(1) == fingerprint[1].group(1)


def test_serve_ssh_host_key_in_a_folder_that_is_not_there_is_bad_input(team, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("UPLIFT_BOARD", str(team))
    monkeypatch.setenv("UPLIFT_USER", "dana")
    missing = tmp_path / "nowhere" / "host_key"
    assert main(["serve", "ssh", "--port", "0", "--host-key", str(missing)]) == 2
    assert f"--host-key: {missing}: there is no folder {missing.parent} to make the key in" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_a_mistyped_uplift_user_is_told_the_member_it_was_near(run, team, monkeypatch) -> None:
    """UPLIFT_USER=dnaa (dana, mistyped): refused as a reader, and told which member it was near;
    a name near no member is told nothing more. Nothing is written."""
    from tests.conftest import snapshot_files

    before = snapshot_files(team)
    code, out, err = run("task", "add", "Call Acme", user="dnaa")
    assert (code, out) == (1, "")
    assert err.strip().endswith("(a lead adds members with `uplift member add NAME --role rep`). Did you mean dana?")
    code, _, err = run("task", "add", "Call Acme", user="zzzzzz")
    assert code == 1 and "Did you mean" not in err
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("task", "add", "Call Acme", user="dnaa")[2].strip().endswith("。你是不是指 dana？")
    assert snapshot_files(team) == before
