"""`uplift serve ssh` with the real OpenSSH client, on 127.0.0.1 only.

Who gets in (a member's key, as that member, whatever user name is typed; nobody else, no
password), what they may run (Uplift verbs, no shell, no subsystem, no --board), what the board
says they may do, that sessions see each other's changes within a second, and that a flooding
session does not push another member's first frame past a second.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from store.board import Board
from tests.serve.sshkit import FIRST_FRAME, Terminal, needs_ssh

pytestmark = needs_ssh


def test_a_known_key_gets_in_as_its_member_whatever_the_user_name(served, keys):
    done = served.run(keys["ali"], "task", "done", "T-1", user="dana")  # typed as the lead
    assert done.returncode == 0, done.stderr
    assert Board(served.board, actor="dana").history(item="T-1", limit=1)[0].actor == "ali"


def test_task_list_json_over_ssh(served, keys):
    result = served.run(keys["bea"], "task", "list", "--json")
    assert result.returncode == 0, result.stderr
    tasks = {t["id"]: t for t in json.loads(result.stdout)}
    assert tasks["T-2"]["title"] == "Visit Beta"
    assert tasks["T-2"]["owner"] == "bea"
    assert result.stderr == b""


def test_an_unknown_key_is_refused(served, keys):
    result = served.run(keys["stranger"], "task", "list")
    assert result.returncode == 255
    assert b"Permission denied (publickey)" in result.stderr
    assert result.stdout == b""


def test_a_password_is_refused(served, keys):
    # Offer only a password (BatchMode would never type one, but the server must not even ask).
    result = served.run(keys["ali"], "task", "list",
                        extra=("-o", "PreferredAuthentications=password,keyboard-interactive",
                               "-o", "PubkeyAuthentication=no"))
    assert result.returncode == 255
    assert b"Permission denied (publickey)" in result.stderr


def test_a_reps_session_cannot_move_another_reps_task(served, keys):
    before = Board(served.board, actor="dana").task("T-2")
    result = served.run(keys["ali"], "task", "move", "T-2", "doing")
    assert result.returncode == 1
    assert b"a rep may only change their own tasks" in result.stderr
    assert Board(served.board, actor="dana").task("T-2") == before


def test_the_client_environment_cannot_change_the_member(served, keys):
    result = served.run(keys["ali"], "task", "move", "T-2", "doing",
                        extra=("-o", "SetEnv=UPLIFT_USER=dana UPLIFT_BOARD=/tmp UPLIFT_REMOTE=0"))
    assert result.returncode == 1
    assert b"a rep may only change their own tasks" in result.stderr


def test_only_uplift_verbs_run_never_a_shell(served, keys, tmp_path):
    marker = tmp_path / "pwned"
    for command in (f"touch {marker}", f"$(touch {marker})", "sh"):  # bad usage, as `uplift sh` is
        result = served.run(keys["ali"], command)
        assert result.returncode == 2, command
        assert b"is not an Uplift command" in result.stderr
    for command in ("demo", "serve ssh"):  # Uplift's, but not over SSH: refused
        result = served.run(keys["ali"], command)
        assert result.returncode == 1, command
        assert b"runs on the board's machine, not over SSH" in result.stderr
    # shell syntax after a verb is only words to the verb (argparse says it is bad usage: 2)
    assert served.run(keys["ali"], f"task list; touch {marker}").returncode == 2
    assert not marker.exists()


def test_a_mistyped_verb_says_the_one_it_was_near(served, keys):
    """As `uplift tsak list` says it on the board's machine; over SSH it said only that the word
    was not a command."""
    result = served.run(keys["ali"], "tsak list --mine")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == ("uplift: 'tsak' is not an Uplift command: maybe you meant 'task'? "
                                      "(`ssh ... uplift --help` lists them)\n")


def test_a_command_line_that_cannot_be_read_is_bad_usage(served, keys):
    before = Board(served.board, actor="dana").tasks()
    for command, reason in (("task add \"oops", b"a quote is opened and never closed"),
                            ("task add 'oops", b"a quote is opened and never closed"),
                            ("task add oops\\", b"it ends with a lone backslash")):
        result = served.run(keys["ali"], command)
        assert result.returncode == 2, command
        assert result.stderr.startswith(b"uplift: cannot read the command line: " + reason), result.stderr
        assert result.stdout == b""
    assert Board(served.board, actor="dana").tasks() == before


def test_a_command_line_too_long_is_bad_input_that_says_the_limit(served, keys):
    """A line over the server's 4,096 bytes (a pasted essay as a comment) is bad input, exit 2,
    saying the limit and the line's size in bytes (a CJK character is three), and runs nothing."""
    before = Board(served.board, actor="dana").task("T-1")
    title = "报" * 1400  # 4,200 bytes: 1,400 characters, under the title's cap in characters
    command = f"task comment T-1 {title}"
    result = served.run(keys["ali"], command)
    assert (result.returncode, result.stdout) == (2, b"")
    size = len("task comment T-1 ".encode()) + 3 * 1400
    assert result.stderr.decode() == (f"uplift: the command is too long: at most 4096 bytes, and this one "
                                      f"has {size}\n")
    assert Board(served.board, actor="dana").task("T-1") == before
    assert served.run(keys["ali"], "task comment T-1 " + "报" * 1300).returncode == 0  # 3,917 bytes


def test_a_command_line_holding_a_nul_is_bad_input_not_a_bug(served, keys):
    """A NUL cannot be put in a process's arguments: the server ran the verb anyway and said the
    session failed, a bug in Uplift (exit 3). It is bad input (exit 2), and nothing runs. (The
    OpenSSH client cannot send one: its own arguments cannot hold it; asyncssh's can.)"""
    import asyncio

    import asyncssh

    async def run(command: str):
        async with asyncssh.connect("127.0.0.1", port=served.port, username="ali", known_hosts=None,
                                    client_keys=[str(keys["ali"])], agent_path=None) as conn:
            return await conn.run(command, check=False)

    before = Board(served.board, actor="dana").tasks()
    for command in ("task add 'Call\x00Acme'", "task list \x00", "\x00"):
        result = asyncio.run(run(command))
        assert (result.exit_status, result.stdout) == (2, ""), command
        assert result.stderr == "uplift: the command holds a NUL character (\\0), which no command line can carry\n"
    assert Board(served.board, actor="dana").tasks() == before


def test_a_command_line_that_is_not_utf8_is_read_as_the_local_command_line_reads_it(served, keys):
    """A word typed in a Latin-1 terminal (`café` as its one byte 0xe9) is the word with U+FFFD,
    as `uplift` says of it locally, and not an exec request the server refuses unread (which
    the client only reports as `exec request failed on channel 0`, exit 255)."""
    added = served.run(keys["ali"], b"task add 'Caf\xe9 visit'")
    assert added.returncode == 0, added.stderr
    lead = Board(served.board, actor="dana")
    assert lead.task(added.stdout.decode().strip()).title == "Caf\ufffd visit"
    lead.delete_task(added.stdout.decode().strip())  # (the board is the module's)
    bad = served.run(keys["ali"], b"task list --status caf\xe9")
    assert bad.returncode == 2, bad.stderr
    assert "caf\ufffd" in bad.stderr.decode()


def test_a_verb_on_a_terminal_echoes_what_is_typed_and_ctrl_c_interrupts_it(served, keys):
    """`ssh -t host plan import -` runs the verb on a terminal, as sshd would: what is typed is
    echoed, and Ctrl-C interrupts the verb (exit 130, nothing written) instead of going into its
    input as a byte, which left the member stuck until ssh's own `~.`."""
    before = Board(served.board, actor="dana").tasks()
    started = len([line for line in served.lines if "dana: plan import -" in line])
    terminal = Terminal(served, keys["dana"], command=("plan", "import", "-"))
    try:
        deadline = time.monotonic() + 20  # until the server runs it (the client's terminal is raw by then)
        while len([line for line in served.lines if "dana: plan import -" in line]) == started:
            assert time.monotonic() < deadline, served.lines[-5:]
            terminal.read(0.05)
        terminal.send(b"tasks:\r")
        terminal.wait_for(b"tasks:", 20)
        terminal.send(b"\x03")
        assert terminal.exit_status() == 130, terminal.seen
    finally:
        terminal.close()
    assert Board(served.board, actor="dana").tasks() == before


def test_no_other_board_and_no_server_files(served, keys, tmp_path):
    other = served.run(keys["ali"], "task", "list", "--boa", str(tmp_path))  # an abbreviation
    assert other.returncode == 1
    assert b"the server chooses the board" in other.stderr
    export = served.run(keys["dana"], "plan", "export", "-o", str(tmp_path / "plan.yaml"))
    assert export.returncode == 1
    assert not (tmp_path / "plan.yaml").exists()
    to_stdout = served.run(keys["dana"], "plan", "export")
    assert to_stdout.returncode == 0 and b"tasks:" in to_stdout.stdout


def test_no_subsystem_and_no_terminal_less_board(served, keys):
    sftp = served.run(keys["ali"], "sftp", extra=("-s",))
    assert sftp.returncode != 0
    no_tty = served.run(keys["ali"])  # a shell request without a terminal
    assert no_tty.returncode == 1
    assert b"the board needs a terminal" in no_tty.stderr


def test_no_port_forwarding(served, keys):
    result = served.run(keys["ali"], "task", "list",
                        extra=("-o", "ExitOnForwardFailure=yes", "-L", "127.0.0.1:0:127.0.0.1:22"))
    assert result.returncode == 255


def test_two_sessions_see_each_others_changes_within_a_second(served, keys):
    served.wait_warm()
    ali, bea = Terminal(served, keys["ali"]), Terminal(served, keys["bea"])
    try:
        ali.wait_for(FIRST_FRAME, 10)
        bea.wait_for(FIRST_FRAME, 10)
        bea.mark()
        assert served.run(keys["ali"], "task add 'Ping from ali' --owner ali").returncode == 0
        changed = time.monotonic()
        bea.started = changed
        assert bea.wait_for(b"Ping from ali", 3) < 1.0
        ali.mark()
        assert served.run(keys["bea"], "task add 'Pong from bea' --owner bea").returncode == 0
        ali.started = time.monotonic()
        assert ali.wait_for(b"Pong from bea", 3) < 1.0
    finally:
        ali.close()
        bea.close()


def first_frame(served, key) -> float:
    served.wait_warm()
    terminal = Terminal(served, key)
    try:
        return terminal.wait_for(FIRST_FRAME, 10)
    finally:
        terminal.close()


def test_a_flood_does_not_delay_another_members_first_frame(served, keys):
    calm = first_frame(served, keys["ali"])
    if calm >= 1.0:  # other work on this machine, not a flood, makes the frame late: no verdict
        pytest.skip(f"this machine is too busy to judge: a first frame took {calm:.2f} s "
                    f"with no flood (load average {os.getloadavg()[0]:.1f})")
    served.wait_warm()
    hostile = Terminal(served, keys["bea"])
    victim = None
    stop, sent, failure = threading.Event(), [0], []
    flooder = None
    try:
        hostile.wait_for(FIRST_FRAME, 10)

        def flood() -> None:
            # A 100 KB paste, then random bytes, then more paste until the test has its verdict,
            # written as fast as the ssh client takes them. Its screen output is drained as it
            # comes: unread, it fills the terminal and the client stops reading the keyboard, so
            # the flood would stall before it began.
            paste = b"x" * 100_000
            chunks = [paste[n:n + 4096] for n in range(0, len(paste), 4096)]
            try:
                for chunk in chunks + [os.urandom(5_000) for _ in range(20)]:
                    hostile.send(chunk)
                    sent[0] += len(chunk)
                    hostile.read(0)
                while not stop.is_set():
                    hostile.send(b"x" * 4096)
                    sent[0] += 4096
                    hostile.read(0)
            except OSError as error:  # the session may well have ended: random bytes include its quit key
                failure.append(error)

        flooder = threading.Thread(target=flood, daemon=True)
        flooder.start()
        time.sleep(0.1)
        victim = Terminal(served, keys["ali"])
        elapsed = victim.wait_for(FIRST_FRAME, 10)
        # A starved session waits for the whole flood (many seconds); a fair one stays within a
        # second, or a few times its calm first frame on a machine that is busy anyway.
        limit = max(1.0, 3 * calm)
        assert elapsed < limit, f"the first frame took {elapsed:.2f} s under a flood ({calm:.2f} s without)"
        try:
            served.wait_for("bea: input over .* dropping the excess, session demoted", 15)
        except AssertionError as error:
            raise AssertionError(f"{error}; the flood sent {sent[0]} bytes"
                                 f"{f' and ended: {failure[0]}' if failure else ''}") from None
    finally:
        stop.set()
        if flooder:  # (done writing before its terminal is closed and the number reused)
            flooder.join(5)
        hostile.close()
        if victim:
            victim.close()


def test_a_reps_calendar_over_ssh(served, keys):
    result = served.run(keys["bea"], "calendar", "--mine")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert result.stdout.endswith(b"END:VCALENDAR\r\n")
    written = served.run(keys["bea"], "calendar", "-o", "/tmp/bea.ics")  # the server's files: refused
    assert written.returncode == 1 and b"cannot open the server's files" in written.stderr


def test_files_travel_over_stdin_however_fast_their_end_arrives(served, keys):
    """A small file piped in reaches the server whole, its end too, before the verb's process
    has started: the process still reads to that end (it waited for more, forever)."""
    plan = b"tasks:\n- id: T-1\n  title: Call Acme Inc\n  owner: ali\n"
    result = served.run(keys["dana"], "plan", "import", "-", stdin=plan)
    assert result.returncode == 0, result.stderr
    assert Board(served.board, actor="dana").task("T-1").title == "Call Acme Inc"
    result = served.run(keys["dana"], "incentive", "set", "-", stdin=b"name: Spiff\nquota: 10000\n")
    assert (result.returncode, result.stdout) == (0, b"I-1\n"), result.stderr


def test_a_file_piped_in_before_the_verb_starts_arrives_whole(served, keys):
    """A file bigger than a terminal's input burst (8 KB), all of it sent before the verb's
    process has started, reaches the verb whole: it was cut at 8 KB, so a deals file lost its
    last rows (or the cut row was an error) and a plan file its end."""
    rows = [f"Deal number {n} with a long enough title to fill the line,Lead,{n},ali" for n in range(1, 401)]
    data = ("title,stage,value,owner\n" + "\n".join(rows) + "\n").encode()
    assert len(data) > 3 * 8192
    result = served.run(keys["dana"], "deal", "import", "-", "--json", stdin=data)
    assert result.returncode == 0, result.stderr
    deals = Board(served.board, actor="dana").deals()
    assert len(deals) == 400 and sum(d.value for d in deals) == 400 * 401 / 2


def test_a_server_in_chinese_says_its_refusals_and_the_boards_in_chinese(team, tmp_path, keys):
    """The server's language (UPLIFT_LANG=zh where it was started) is its sessions' too: the
    server's own refusal (a command that runs only on the board's machine) and the board's rule
    a rep runs into, both in Chinese, with the same exit statuses as in English."""
    from tests.serve.sshkit import Server

    Board(team, actor="dana").add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    server = Server(team, tmp_path, env={"UPLIFT_LANG": "zh"})  # (T-2 is bea's)
    try:
        assert f"uplift: 正在通过 SSH 在 127.0.0.1:{server.port} 上提供看板 {team}（主机密钥 SHA256:" in "\n".join(server.lines)
        result = server.run(keys["ali"], "demo")
        assert (result.returncode, result.stdout) == (1, b"")
        assert result.stderr.decode() == "uplift: `uplift demo` 只能在存放看板的机器上运行，不能通过 SSH 运行\n"
        result = server.run(keys["ali"], "task", "move", "T-2", "doing")
        assert (result.returncode, result.stdout) == (1, b"")
        assert result.stderr.decode() == "uplift: 销售代表只能修改自己的任务；这一项属于 bea\n"
        result = server.run(keys["ali"], "task comment T-2 " + "x" * 5000)
        assert (result.returncode, result.stdout) == (2, b"")
        assert result.stderr.decode() == "uplift: 命令太长：最多 4096 字节，这条有 5017 字节\n"
    finally:
        server.stop()
    assert Board(team, actor="dana").task("T-2").status == "todo"


def test_the_servers_own_refusals_are_said_in_the_members_language(team, tmp_path, keys):
    """ali keeps Chinese on the board: a line the server refuses before any verb runs (a quote left
    open, the board without a terminal) was said in the server's English."""
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    lead.set_member_prefs("ali", language="zh")
    server = Server(team, tmp_path, env={"UPLIFT_LANG": "en"})
    try:
        result = server.run(keys["ali"], "task add 'Call Acme")
        assert (result.returncode, result.stderr.decode()) == (
            2, "uplift: 无法读取命令行：引号没有闭合（词语按 shell 的方式加引号：task add 'Call Acme'）\n")
        result = server.run(keys["ali"])
        assert result.returncode == 1 and "终端" in result.stderr.decode(), result.stderr
    finally:
        server.stop()


def test_each_member_over_ssh_speaks_their_own_language_and_sets_only_their_own(team, tmp_path, keys):
    """ali keeps Chinese on the board, bea nothing (the server's English): each one's commands
    speak their own, on a terminal as without; ali's switch over SSH leaves bea's alone."""
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    for name in ("ali", "bea"):
        lead.add_member_key(name, keys[name].with_suffix(".pub").read_text())
    lead.set_member_prefs("ali", language="zh")
    server = Server(team, tmp_path, env={"UPLIFT_LANG": "en"})
    try:
        result = server.run(keys["ali"], "task", "move", "T-2", "doing")  # (T-2 is bea's)
        assert (result.returncode, result.stderr.decode()) == (1, "uplift: 销售代表只能修改自己的任务；这一项属于 bea\n")
        result = server.run(keys["bea"], "task", "move", "T-1", "doing")  # (T-1 is ali's)
        assert (result.returncode, result.stderr.decode()) == (
            1, "uplift: a rep may only change their own tasks; this one is ali's\n")
        result = server.run(keys["bea"], "member", "lang", "ali", "en")
        assert result.returncode == 1 and lead.member_prefs("ali").language == "zh"
        server.wait_warm()
        terminal = Terminal(server, keys["ali"], command=("task", "move", "T-2", "doing"))
        try:
            terminal.wait_for("这一项属于 bea".encode(), 10)
        finally:
            terminal.close()
        ali, bea = Terminal(server, keys["ali"]), Terminal(server, keys["bea"])  # the board, each their own
        try:
            ali.wait_for("帮助".encode(), 10)
            bea.wait_for(b"Help", 10)
            assert "帮助".encode() not in bea.seen
        finally:
            ali.close()
            bea.close()
        result = server.run(keys["ali"], "member", "lang", "ali", "en")
        assert result.returncode == 0, result.stderr
        assert (lead.member_prefs("ali").language, lead.member_prefs("bea").language) == ("en", "")
        result = server.run(keys["ali"], "task", "move", "T-2", "doing")
        assert result.stderr.decode() == "uplift: a rep may only change their own tasks; this one is bea's\n"
    finally:
        server.stop()


def test_more_members_at_once_than_warm_spares_all_get_the_board(served, keys):
    """Two spare sessions are kept warm; a third member arriving with them took a child still
    warming up, which found the server's end of its control socket closed and showed the member
    a BrokenPipeError traceback instead of the board (nine o'clock, the whole team logging in)."""
    served.wait_warm()
    terminals = [Terminal(served, keys[name]) for name in ("ali", "bea", "dana")]
    try:
        for terminal in terminals:
            terminal.wait_for(FIRST_FRAME, 30)
            assert b"Traceback" not in terminal.seen
    finally:
        for terminal in terminals:
            terminal.close()


def test_the_log_says_how_each_session_ended(served, keys):
    """The server's log said who connected and what they ran, never how it ended: a lead could not
    tell a failed import from a done one, nor a member who quit from a dropped connection."""
    def new_line(text: str, seen: int) -> None:
        deadline = time.monotonic() + 20
        while sum(text in line for line in served.lines) == seen:
            assert time.monotonic() < deadline, served.lines[-5:]
            time.sleep(0.05)

    def count(text: str) -> int:
        return sum(text in line for line in served.lines)

    refused = served.run(keys["bea"], "task", "move", "T-1", "blocked")  # ali's task
    assert refused.returncode == 1
    served.wait_for(r"^uplift: bea: task move T-1 blocked ended \(exit status 1\)$", 20)
    assert served.run(keys["bea"], "nosuchverb").returncode == 2
    served.wait_for(r"^uplift: bea: exit status 2: .*nosuchverb", 20)

    served.wait_warm()
    quits = count("ali: board ended (exit status 0)")
    terminal = Terminal(served, keys["ali"])
    try:
        terminal.wait_for(FIRST_FRAME, 10)
        terminal.send(b"q")
        assert terminal.exit_status() == 0
    finally:
        terminal.close()
    new_line("ali: board ended (exit status 0)", quits)

    served.wait_warm()
    drops = count("ali: connection lost; its session was ended")
    terminal = Terminal(served, keys["ali"])
    try:
        terminal.wait_for(FIRST_FRAME, 10)
    finally:
        terminal.close()  # the client killed: the connection drops mid-session
    new_line("ali: connection lost; its session was ended", drops)
    assert count("ali: connection lost") == drops + 1  # (a member who quit is not said to have dropped)


def test_a_server_stopping_gives_the_members_terminal_back(team, tmp_path, keys):
    """Stopped (ctrl+c, SIGTERM), the server ended the members' apps with SIGHUP: their terminals
    stayed in the app's alternate screen, reporting every mouse move into the shell, until
    `reset`. It now writes what the app writes on its way out, and says why."""
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    server = Server(team, tmp_path)
    try:
        server.wait_warm()
        terminal = Terminal(server, keys["ali"])
        try:
            terminal.wait_for(FIRST_FRAME, 10)
            # (stopped from another thread: this one keeps reading the terminal, as a member's does)
            stopping = threading.Thread(target=server.stop)
            stopping.start()
            assert terminal.exit_status() == 255
            stopping.join()
            for _ in range(10):
                terminal.read(0.05)  # (what came just before the end)
            after = terminal.seen[terminal.seen.rindex(b"\x1b[?1049h"):]
            for mode in (b"\x1b[?1049l", b"\x1b[?1003l", b"\x1b[?1000l", b"\x1b[?1006l", b"\x1b[?25h"):
                assert mode in after, mode
            assert b"uplift: the server was stopped" in after
        finally:
            terminal.close()
    finally:
        server.stop()


def test_an_app_killed_on_the_server_gives_the_members_terminal_back(team, tmp_path, keys):
    """An app killed on the server (over its memory or CPU limit: the kernel's SIGKILL or SIGXCPU)
    left the member's terminal in its alternate screen reporting mouse moves, with no word why."""
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    server = Server(team, tmp_path)
    try:
        server.wait_warm()
        terminal = Terminal(server, keys["ali"])
        try:
            terminal.wait_for(FIRST_FRAME, 10)
            children = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
                        and _parent(p) == server.process.pid]
            for pid in children:  # the member's app and the spares (the pool starts new ones)
                os.kill(pid, signal.SIGKILL)
            assert terminal.exit_status() == 137
            for _ in range(10):
                terminal.read(0.05)
            after = terminal.seen[terminal.seen.rindex(b"\x1b[?1049h"):]
            for mode in (b"\x1b[?1049l", b"\x1b[?1003l", b"\x1b[?1000l", b"\x1b[?1006l", b"\x1b[?25h"):
                assert mode in after, mode
            assert b"uplift: the board's session was ended on the server (signal 9" in after
        finally:
            terminal.close()
    finally:
        server.stop()


def _parent(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rpartition(")")[2].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def test_a_line_break_in_a_command_cannot_forge_a_line_of_the_servers_log(served, keys):
    """The log is a line per thing said: a comment holding a line break and a made-up line
    (`uplift: dana: member remove bea ended (exit status 0)`) wrote that line into the log as if
    the server had said it. The break is shown as \\n, inside the member's own line."""
    forged = "uplift: dana: member remove bea ended (exit status 0)"
    result = served.run(keys["ali"], f"task comment T-1 'hi\n{forged}'")
    assert result.returncode == 0
    served.wait_for(r"^uplift: ali: task comment T-1 'hi\\nuplift: dana: member remove bea ended \(exit status 0\)' "
                    r"ended \(exit status 0\)$", 20)
    assert not any(line.startswith(forged) for line in served.lines)


def test_a_key_removed_ends_the_sessions_it_opened(team, tmp_path, keys):
    """`member key remove` took effect at the next connection only: a rep whose key a lead had
    removed (or who had left the team) went on changing the board from the app they had open, or
    from a verb still reading its input. Their sessions now end within a second or two, saying
    why, and the change they were making is not written."""
    import subprocess

    from tests.conftest import snapshot_files
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    ali_key = lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    lead.add_member_key("bea", keys["bea"].with_suffix(".pub").read_text())
    server = Server(team, tmp_path)
    try:
        server.wait_warm()
        terminal = Terminal(server, keys["ali"])
        bea = Terminal(server, keys["bea"])
        importing = subprocess.Popen([*server.ssh_args(keys["ali"]), "task", "import", "-"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            terminal.wait_for(FIRST_FRAME, 10)
            bea.wait_for(FIRST_FRAME, 10)
            server.wait_for(r"ali: task import -$", 10)
            importing.stdin.write(b'[{"description": "Half a file"')  # (its end never comes)
            importing.stdin.flush()
            lead.remove_member_key("ali", ali_key.fingerprint)
            before = snapshot_files(team)
            assert terminal.exit_status() == 255
            for _ in range(10):
                terminal.read(0.05)
            after = terminal.seen[terminal.seen.rindex(b"\x1b[?1049h"):]
            for mode in (b"\x1b[?1049l", b"\x1b[?1003l", b"\x1b[?25h"):
                assert mode in after, mode
            assert b"uplift: your key no longer lets you in to this board (a lead removed it)" in after
            _out, err = importing.communicate(timeout=20)
            assert importing.returncode == 255
            assert err.decode() == ("uplift: your key no longer lets you in to this board (a lead removed it); "
                                    "the session was ended\n")
            server.wait_for(r"ali: their key was removed from the board; its session was ended", 5)
            assert snapshot_files(team) == before
            bea.mark()
            bea.send(b"T")  # bea's key still lets her in: her board goes on
            bea.wait_for(b"bea's day", 10)
            assert server.run(keys["ali"], "task", "list").returncode == 255
        finally:
            terminal.close()
            bea.close()
            importing.kill()
            importing.wait()
    finally:
        server.stop()


def test_a_connection_kept_open_opens_no_session_once_its_key_is_removed(team, tmp_path, keys):
    """ssh's ControlMaster keeps one connection and opens a session on it for each command: the
    key was checked at the connection only, so a removed key ran command after command."""
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    ali_key = lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    server = Server(team, tmp_path)
    control = ["-o", f"ControlPath={tmp_path / 'cm'}"]
    try:
        first = server.run(keys["ali"], "task", "list", "--mine",
                           extra=("-o", "ControlMaster=yes", "-o", "ControlPersist=60", *control))
        assert first.returncode == 0 and b"T-1" in first.stdout
        lead.remove_member_key("ali", ali_key.fingerprint)
        again = server.run(keys["ali"], "task", "done", "T-1", extra=("-o", "ControlMaster=no", *control))
        assert again.returncode == 255
        assert Board(team, actor="dana").task("T-1").status == "todo"
        server.wait_for(r"ali: refused a session \(their key was removed from the board\)", 5)
    finally:
        import subprocess

        subprocess.run([*server.ssh_args(keys["ali"])[:1], *control, "-O", "exit", "127.0.0.1"],
                       capture_output=True, timeout=10)
        server.stop()
