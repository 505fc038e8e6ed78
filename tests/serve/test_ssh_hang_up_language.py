"""What the SSH server itself tells a member as it ends their session (their key removed, the
server stopping: told to the app's terminal) is said in the language the member keeps on the board, as its refusals before a
command runs are: ali, who keeps Chinese, was told in the server's English."""

from __future__ import annotations

import subprocess
import threading

from store.board import Board
from tests.serve.sshkit import Terminal, needs_ssh

pytestmark = needs_ssh


def _waiting_import(server, key, member: str = "ali") -> subprocess.Popen:
    """`task import -` over SSH, its input begun and never ended: a session the server must end."""
    importing = subprocess.Popen([*server.ssh_args(key), "task", "import", "-"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    server.wait_for(rf"{member}: task import -$", 10)
    importing.stdin.write(b'[{"description": "Half a file"')
    importing.stdin.flush()
    return importing


def test_a_removed_key_and_a_stopping_server_are_told_in_the_members_language(team, tmp_path, keys):
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    ali_key = lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    lead.add_member_key("bea", keys["bea"].with_suffix(".pub").read_text())
    lead.set_member_prefs("ali", language="zh")
    server = Server(team, tmp_path, env={"UPLIFT_LANG": "en"})
    try:
        importing = _waiting_import(server, keys["ali"])
        try:
            lead.remove_member_key("ali", ali_key.fingerprint)
            # (the server's own log stays in its language; wait for it before reading the verb's
            # end: communicate() closes the verb's input, which would end it first)
            server.wait_for(r"ali: their key was removed from the board; its session was ended", 5)
            _out, err = importing.communicate(timeout=20)
            assert (importing.returncode, err.decode()) == (
                255, "uplift: 你的密钥已不能再进入此看板（主管已将其移除）；会话已结束\n")
        finally:
            importing.kill()
            importing.wait()
        lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
        server.wait_warm()
        terminal = Terminal(server, keys["ali"])
        try:
            terminal.wait_for("进行中".encode(), 10)  # (ali's board, in Chinese)
            stopping = threading.Thread(target=server.stop)  # (this thread reads the terminal, as ali's does)
            stopping.start()
            assert terminal.exit_status() == 255
            stopping.join()
            for _ in range(10):
                terminal.read(0.05)
            assert "uplift: 服务器已停止".encode() in terminal.seen[terminal.seen.rindex(b"\x1b[?1049h"):]
        finally:
            terminal.close()
    finally:
        server.stop()


def test_a_verb_the_stopping_server_ends_tells_its_member_that_nothing_was_saved(team, tmp_path, keys):
    """A verb still running when the server stops (after a short grace to finish) is ended; its
    member was told only "the server was stopped", not whether their change was made. Each
    reads it in their own language, with a failing exit status, and the board is unchanged."""
    from tests.serve.sshkit import Server

    lead = Board(team, actor="dana")
    lead.add_member_key("ali", keys["ali"].with_suffix(".pub").read_text())
    lead.add_member_key("bea", keys["bea"].with_suffix(".pub").read_text())
    lead.set_member_prefs("ali", language="zh")
    before = [task.id for task in lead.tasks()]
    server = Server(team, tmp_path, env={"UPLIFT_LANG": "en"})
    try:
        chinese, english = _waiting_import(server, keys["ali"]), _waiting_import(server, keys["bea"], "bea")
        server.stop()
        told = {}
        for name, importing in (("ali", chinese), ("bea", english)):
            try:
                _out, err = importing.communicate(timeout=20)
                told[name] = (importing.returncode, err.decode())
            finally:
                importing.kill()
                importing.wait()
        assert told == {
            "ali": (255, "uplift: 服务器在你的命令完成前停止了：命令已被结束，它正在做的修改没有保存（服务器恢复后请再运行一次）\n"),
            "bea": (255, "uplift: the server was stopped before your command finished: it was ended, and any change "
                         "it was making was not saved (run it again once the server is back)\n")}
        assert [task.id for task in Board(team, actor="dana").tasks()] == before
    finally:
        server.stop()
