"""`uplift serve ssh`: the board over SSH, for reps wherever they are.

Who a session is comes from one thing only: the public key it proved it holds, looked up among
the board's members' keys (`uplift member key add`). The SSH user name is ignored and the
client's environment requests are never read; each session's child process gets an environment
built by the server (tui/serve/spawn.py). A session is either the TUI on a pseudo-terminal
(`ssh -t -p 2222 host`) or one Uplift verb (`ssh -p 2222 host task done T-4`), run without a
shell. Everything else is refused: passwords, keyboard-interactive, port/agent/X11 forwarding,
SFTP and other subsystems, commands that are not Uplift verbs.

Fairness: each child limits its own memory and CPU time and runs niced (tui/serve/limits.py);
terminal input beyond a rate is dropped and its session demoted to the lowest CPU priority; one
command line and one command's standard input have size caps; output is read from a child only
while the client keeps up. TUI children are kept warm (spawn.WarmPool) so a first frame costs
only the drawing.
"""

from __future__ import annotations

import asyncio
import contextlib
import difflib
import os
import shlex
import signal
import sys
import types
from pathlib import Path

import asyncssh

from sales.errors import Invalid, Refused, Word
from sales.text import safe
from store.board import Board
from tui.i18n import N_, _, said, speaking
from tui.serve.limits import InputBudget, Limits, demote
from tui.serve.spawn import (TerminalChild, WarmPool, child_argv, child_env, set_size,
                             start_verb_on_terminal)

NOT_OVER_SSH = {"demo", "serve", "init"}
SERVER_ACTOR = "uplift-server"  # the server only reads the board (members and their keys)
#: Seconds a member's running verb is given to finish when the server stops: one that finishes
#: ends as it would have (its change saved); one still running after it is ended, its change unsaved.
STOP_GRACE = 3.0


class CommandRefused(Refused):
    """A command line the server does not run, with the exit status it ends with: 2 when it is
    bad usage (it cannot be read, is too long, or names no Uplift command: what `uplift` itself
    says of such a line), 1 when the server refuses what would run on the board's machine. Its
    message is a template (sales.errors), said in the member's language (the server's when they keep
    none); the server's log says it in its own."""

    def __init__(self, message: object, /, *, code: int = 1, **params: object) -> None:
        super().__init__(message, **params)
        self.code = code


def allowed_verbs() -> set[str]:
    """The Uplift verbs a session may run: all of the command line's, but the local-only ones."""
    from tui.cli import build_parser

    parser = build_parser()
    verbs = set()
    for action in parser._subparsers._group_actions:  # argparse keeps its sub-commands here
        verbs |= set(action.choices)
    return (verbs - NOT_OVER_SSH) | {"-h", "--help"}


#: What shlex's errors mean, said for someone who typed the line.
_UNREADABLE = {"No closing quotation": Word("a quote is opened and never closed"),
               "No escaped character": Word("it ends with a lone backslash")}


def parse_command(command: str, verbs: set[str], limit: int) -> list[str]:
    """The Uplift arguments of `ssh host COMMAND` (never run by a shell); CommandRefused if it is
    anything else."""
    size = len(command.encode("utf-8", "replace"))
    if size > limit:
        raise CommandRefused("the command is too long: at most {limit} bytes, and this one has {size}",
                             limit=limit, size=size, code=2)
    if "\x00" in command:  # no process can be given it in its arguments (exec would fail: a bug's exit 3)
        raise CommandRefused("the command holds a NUL character (\\0), which no command line can carry", code=2)
    try:
        argv = shlex.split(command)
    except ValueError as error:
        raise CommandRefused("cannot read the command line: {reason} (words are quoted as in a shell: "
                             "task add 'Call Acme')", reason=_UNREADABLE.get(str(error), error), code=2) from None
    if argv[:1] == ["uplift"]:
        argv = argv[1:]
    if not argv:
        return argv
    if argv[0] in NOT_OVER_SSH:
        raise CommandRefused("`uplift {verb}` runs on the board's machine, not over SSH", verb=argv[0])
    if argv[0] not in verbs:
        # (`ssh ... uplift --help`: ssh itself would take a bare `--help`)
        near = difflib.get_close_matches(argv[0], sorted(verbs - {"-h", "--help"}), n=1)
        if near:  # (as `uplift tsak list` says it on the board's machine)
            raise CommandRefused("{word!r} is not an Uplift command: maybe you meant {near!r}? "
                                 "(`ssh ... uplift --help` lists them)", word=safe(argv[0]), near=near[0], code=2)
        raise CommandRefused("{word!r} is not an Uplift command; this server runs only Uplift verbs "
                             "(`ssh ... uplift --help` lists them)", word=safe(argv[0]), code=2)
    if any(a == "--board" or a.startswith("--board=") for a in argv):
        raise CommandRefused("--board is not allowed: this server serves one board")
    return argv


def key_blob(key: asyncssh.SSHKey) -> str:
    return key.export_public_key("openssh").split()[1].decode("ascii")


class Service:
    """What every connection shares: the board, the warm children, the count of sessions."""

    def __init__(self, board_path: Path, limits: Limits, max_sessions: int, log=None) -> None:
        self.board_path = Path(board_path)
        self.board = Board(self.board_path, actor=SERVER_ACTOR, create=False)
        self.limits = limits
        self.max_sessions = max_sessions
        self.sessions: set[Session] = set()
        self.pool = WarmPool(self.board_path, limits)
        self.verbs = allowed_verbs()
        self.watcher: asyncio.Future | None = None
        write = log or (lambda text: print(f"uplift: {text}", file=sys.stderr, flush=True))
        # a line of the log for each thing said: a line break a member put in a command (`task
        # comment T-4 'hi<newline>uplift: dana: member remove bea ended (exit status 0)'`) wrote a
        # second line that read as the server's own; it is shown as \n instead
        self.log = lambda text: write(str(text).replace("\r", "\\r").replace("\n", "\\n"))

    async def watch_pool(self) -> None:
        """Say when the spare terminal sessions are warm (people, and tests, wait for it); and
        once a second, end the sessions whose key no longer lets their member in."""
        told = -1
        ticks = 0
        while True:
            warm = self.pool.warm()
            if warm != told:
                self.log(f"{warm} terminal session{'' if warm == 1 else 's'} warm")  # ("1 terminal sessions")
                told = warm
            ticks += 1
            if ticks % 4 == 0:
                self.end_revoked()
            await asyncio.sleep(0.25)

    _holders: dict[str, str] | None = None  # each key's member, as the board file last read said
    _holders_stat: tuple | None = None

    def key_holders(self) -> dict[str, str]:
        """{key blob: member} for every key that lets a member in. Read again only when the board
        file (members and keys live in board.json) changed by its stat: the revocation check
        asks for it every second for every open session, and a file replaced (every write is a
        rename: a new inode) or rewritten is seen at once. Errors go to the caller."""
        from store.files import signature

        try:
            stat = signature(self.board.files.main["board"].path)
        except OSError:
            stat = None  # (no stat to trust: read it)
        if stat is None or stat != self._holders_stat or self._holders is None:
            members = {m.name for m in self.board.members()}
            self._holders = {k.blob: k.member for k in self.board.member_keys() if k.member in members}
            self._holders_stat = stat
        return self._holders

    def member_for(self, blob: str) -> str | None:
        """The member a key (its base64 blob) lets in, if any."""
        try:
            return self.key_holders().get(blob)
        except Exception as error:  # a damaged board lets nobody in, and says why
            self.log(f"cannot read the board's keys: {safe(error)}")
            return None

    def language_of(self, member: str) -> str | None:
        """The language `member` keeps on the board (None: none, or unreadable: the server's)."""
        try:
            return self.board.member_prefs(member).language or None
        except Exception:
            return None

    def end_revoked(self) -> None:
        """A lead's `member key remove` (or `member remove`) took effect only at the next
        connection: an open board, or a connection kept open by the client (ssh's ControlMaster)
        went on writing as the member. Their sessions end now, saying why. (A board that cannot
        be read ends nobody's: that is no word that the key has gone.)"""
        if not self.sessions:
            return
        try:
            holders = self.key_holders()
        except Exception:
            return
        for session in list(self.sessions):
            if not session.ended and holders.get(session.key) != session.member:
                self.log(f"{session.member}: their key was removed from the board; its session was ended")
                session.hang_up(N_("your key no longer lets you in to this board (a lead removed it); "
                                   "the session was ended"))


def _read_any_command(channel: asyncssh.SSHServerChannel, packet) -> bool:
    """A session channel's exec request, whatever bytes its command holds. asyncssh refuses a
    command that is not UTF-8 unread, and the client says only `exec request failed on channel 0`
    (exit 255): a word typed in a Latin-1 terminal would end there. Its bytes become U+FFFD
    instead, as they do on the local command line, and the line is read as any other."""
    command = packet.get_string()
    packet.check_end()
    return channel._start_session(command=command.decode("utf-8", "replace"))


class Connection(asyncssh.SSHServer):
    """One client: authenticates by public key only, then opens sessions as its member."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.member: str | None = None
        self.key = ""  # the base64 blob of the key whose signature was verified
        self._offered: str | None = None
        self._offered_key = ""
        self.peer = "?"

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn
        peer = conn.get_extra_info("peername") or ("?", 0)
        self.peer = f"{peer[0]}:{peer[1]}"

    def begin_auth(self, username: str) -> bool:
        return True  # everyone must authenticate; the user name plays no part

    def password_auth_supported(self) -> bool:
        return False

    def kbdint_auth_supported(self) -> bool:
        return False

    def host_based_auth_supported(self) -> bool:
        return False

    def public_key_auth_supported(self) -> bool:
        return True

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        # asyncssh calls this for the key of each attempt and, for a signed attempt, verifies the
        # signature and calls auth_completed right after, with no await in between: so the key
        # last seen here when auth completes is the one whose signature was verified.
        self._offered_key = key_blob(key)
        self._offered = self.service.member_for(self._offered_key)
        return self._offered is not None

    def auth_completed(self) -> None:
        self.member, self.key = self._offered, self._offered_key
        self.service.log(f"{self.member} connected from {self.peer}")

    def session_requested(self):
        if self.member is None:
            return False
        if self.service.member_for(self.key) != self.member:  # removed since the connection began
            self.service.log(f"{self.member}: refused a session (their key was removed from the board)")
            return False
        if len(self.service.sessions) >= self.service.max_sessions:
            self.service.log(f"{self.member}: refused a session (already {self.service.max_sessions} open)")
            return False
        session = Session(self.service, self.member, self.key)
        self.service.sessions.add(session)
        channel = self.conn.create_server_channel()
        if hasattr(channel, "_process_exec_request") and hasattr(channel, "_start_session"):
            # (asyncssh's private hook: where a later asyncssh lacks it, its own strict reading stays)
            channel._process_exec_request = types.MethodType(_read_any_command, channel)
        return channel, session

    # forwarding of any kind: the defaults already refuse; said here so that nobody wonders
    def connection_requested(self, dest_host, dest_port, orig_host, orig_port):
        return False

    def server_requested(self, listen_host, listen_port):
        return False

    def unix_connection_requested(self, dest_path):
        return False

    def unix_server_requested(self, listen_path):
        return False


#: What the app writes on its way out (Textual's stop_application_mode): a session the server
#: ends leaves the member's terminal as it found it, not in the app's alternate screen with every
#: mouse move reported (typed into their shell as escape sequences, until they run `reset`).
RESTORE_TERMINAL = (b"\x1b[?2004l\x1b[?7h\x1b[?2048l\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"
                    b"\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1004l")


class Session(asyncssh.SSHServerSession):
    """One channel: the TUI on a pty, or one Uplift verb on pipes."""

    def __init__(self, service: Service, member: str, key: str = "") -> None:
        self.service, self.member, self.key = service, member, key
        self.limits = service.limits
        self.chan: asyncssh.SSHServerChannel | None = None
        self.term: str | None = None
        self.size = (80, 24)
        self.argv: list[str] = []
        self.refusal: CommandRefused | None = None
        self.child: TerminalChild | None = None
        self.proc: asyncio.subprocess.Process | None = None
        self.budget = InputBudget(self.limits.input_rate, self.limits.input_burst)
        self.stdin_left = self.limits.exec_input
        # the language the member keeps, read now: what the server tells them at the end is said
        # in it, even once a lead has taken them (and their language) off the board
        self.language = service.language_of(member)
        self.early = bytearray()
        self.early_eof = False  # the client's input ended before the verb's process started
        self.pending = bytearray()
        self.flooding = False
        self.reading = False
        self.task: asyncio.Task | None = None
        self.ended = False  # the session ended by itself (its exit status sent and logged)
        self.stopping = False  # the server is stopping (`stop`): a verb that ends now says so

    # ------------------------------------------------------------------ requests

    def connection_made(self, chan: asyncssh.SSHServerChannel) -> None:
        self.chan = chan

    def pty_requested(self, term_type: str, term_size, term_modes) -> bool:
        self.term = term_type
        self.size = (term_size[0] or 80, term_size[1] or 24)
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str | bytes) -> bool:
        if isinstance(command, bytes):
            command = command.decode("utf-8", "replace")
        try:
            self.argv = parse_command(command, self.service.verbs, self.limits.command_bytes)
        except CommandRefused as error:
            self.refusal = error
        return True  # accepted so that the refusal can be told, with its exit status

    def subsystem_requested(self, subsystem: str) -> bool:
        return False  # no SFTP, no anything

    def session_started(self) -> None:
        self.task = asyncio.ensure_future(self._run())

    # ------------------------------------------------------------------ running the child

    async def _run(self) -> None:
        try:
            if self.refusal:
                self.service.log(f"{self.member}: exit status {self.refusal.code}: {safe(said(self.refusal))[:200]}")
                with speaking(self.language):  # (the log keeps the server's)
                    self._fail(said(self.refusal), self.refusal.code)
            elif self.argv:
                self.service.log(f"{self.member}: {safe(shlex.join(self.argv))[:200]}")
                if self.term is None:
                    await self._run_verb()
                else:  # `ssh -t host COMMAND`: the verb on a terminal, as sshd would run it
                    await self._run_terminal(verb=True)
            elif self.term is None:
                with speaking(self.language):
                    self._fail(_("the board needs a terminal: `ssh -t ...`; or give a command, "
                                 "e.g. `ssh ... task list`"))
            else:
                self.service.log(f"{self.member}: board on a terminal ({safe(self.term)} {self.size[0]}x{self.size[1]})")
                await self._run_terminal()
        except Exception as error:  # never let one session take the server down
            self.service.log(f"{self.member}: session failed: {safe(error)}")
            # a bug, as the command line says of one (exit 3), not a refusal (1)
            with speaking(self.language):
                self._fail(_("the session failed on the server: this is a bug in Uplift (the server's log "
                             "says more)"), 3)
        finally:
            self._end_child()
            self.service.sessions.discard(self)

    def _fail(self, message: str, code: int = 1) -> None:
        self.ended = True
        end = "\r\n" if self.term else "\n"
        with contextlib.suppress(Exception):
            self.chan.write_stderr(f"uplift: {message}{end}".encode())
            self.chan.exit(code)

    async def _run_terminal(self, verb: bool = False) -> None:
        loop = asyncio.get_running_loop()
        if verb:
            self.child = child = start_verb_on_terminal(self.service.board_path, self.limits, self.member,
                                                        *self.size, self.argv,
                                                        language=self.service.language_of(self.member))
        else:
            self.child = child = self.service.pool.take()
            child.start(self.member, self.term, *self.size)
        ended = loop.create_future()

        def readable() -> None:
            try:
                data = os.read(child.master, 65536)
            except BlockingIOError:
                return
            except OSError:
                data = b""  # EIO: every process on the pty has gone
            if not data:
                self._stop_reading()
                if not ended.done():
                    ended.set_result(None)
                return
            try:
                self.chan.write(data)
            except (BrokenPipeError, ConnectionError):
                pass  # the client has gone; the child is ended with the session

        self._readable = readable
        self._start_reading()
        if self.early:
            self._to_terminal(bytes(self.early))
            self.early.clear()
        await ended
        code = await loop.run_in_executor(None, child.reap)
        if code is not None and code < 0 and not verb:  # killed (a limit, the kernel, someone):
            # the app could not leave the member's terminal as it found it, nor say why
            with contextlib.suppress(Exception), speaking(self.language):
                self.chan.write(RESTORE_TERMINAL)
                self.chan.write_stderr(("uplift: " + _(
                    "the board's session was ended on the server (signal {signal}: over its memory "
                    "or CPU limit, or stopped by whoever runs the server); connect again").format(
                        signal=-code) + "\r\n").encode())
        self._exit(code)

    async def _run_verb(self) -> None:
        self.proc = proc = await asyncio.create_subprocess_exec(
            *child_argv(self.limits, "--", *self.argv), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env=child_env(self.service.board_path, self.member, language=self.service.language_of(self.member)),
            cwd=self.service.board_path,
            start_new_session=True)
        if self.early:
            self._to_stdin(bytes(self.early))
            self.early.clear()
        if self.early_eof and proc.stdin:
            proc.stdin.close()  # (a small file piped in arrives whole, its end too, before the process)

        async def pump(stream: asyncio.StreamReader, write) -> None:
            while chunk := await stream.read(65536):
                write(chunk)

        await asyncio.gather(pump(proc.stdout, self.chan.write), pump(proc.stderr, self.chan.write_stderr))
        self._exit(await proc.wait())

    def _exit(self, code: int | None) -> None:
        code = 128 - code if code is not None and code < 0 else (code or 0)  # killed by a signal
        told = self.ended  # (hung up: the member was told already)
        self.ended = True  # (said, so that the lead reading the log knows how it went)
        what = safe(shlex.join(self.argv))[:200] if self.argv else "board"
        self.service.log(f"{self.member}: {what} ended (exit status {code})")
        with contextlib.suppress(Exception):
            if self.stopping and self.argv and not told:  # (it finished in its grace: the next command will not connect)
                end = "\r\n" if self.term else "\n"
                with speaking(self.language):
                    self.chan.write_stderr(("uplift: " + _("the server was stopped; your command finished first") + end).encode())
            self.chan.exit(code)

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """The server is stopping. The app is ended at once (`hang_up`); a verb is given `grace`
        seconds to finish, as it would have (a member whose `ssh host task add ...` was cut off
        was told only that the server stopped, not whether their change was made): one still
        running then is ended, and the member told that its change was not saved."""
        self.stopping = True
        if self.argv and not self.ended and self.task is not None and not self.task.done():
            await asyncio.wait({self.task}, timeout=grace)
        if not self.ended:
            self.hang_up(N_("the server was stopped before your command finished: it was ended, and any "
                            "change it was making was not saved (run it again once the server is back)")
                         if self.argv else None)

    def hang_up(self, why: str | None = None) -> None:
        """End the session from the server's side (it is stopping, or the member's key was
        removed): a terminal is given back as it was, and the member is told why the board went
        away (`why`, the English, said in the member's language; by default, that the server was
        stopped)."""
        self.ended = True  # (by the server: not a connection lost)
        running = self.child is not None or self.proc is not None
        starting = self.task is not None and not self.task.done()  # (its process not started yet)
        if self.chan is not None and (running or starting):
            self._stop_reading()
            end = "\r\n" if self.term else "\n"
            with contextlib.suppress(Exception), speaking(self.language):
                if self.child is not None:
                    self.chan.write(RESTORE_TERMINAL)
                self.chan.write_stderr(("uplift: " + (_(why) if why else _("the server was stopped")) + end).encode())
                self.chan.exit(255)
        if starting and not running:
            self.task.cancel()  # (nothing of it runs after this)
        self._end_child()

    def _end_child(self) -> None:
        if self.child is not None:
            self._stop_reading()
            self.child.stop()
            asyncio.get_running_loop().run_in_executor(None, self.child.reap)
            self.child = None
        if self.proc is not None and self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)

    # ------------------------------------------------------------------ data both ways

    def data_received(self, data: bytes, datatype) -> None:
        if datatype is not None:
            return  # extended data from a client means nothing here
        if self.child is not None:
            allowed = self.budget.allow(len(data))
            if allowed < len(data) and not self.flooding:
                self.flooding = True
                demote(self.child.process.pid)
                self.service.log(f"{self.member}: input over {self.limits.input_rate} bytes/s; "
                                 f"dropping the excess, session demoted")
            self._to_terminal(data[:allowed])
        elif self.proc is not None:
            self._to_stdin(data)
        else:  # before the process: a verb's standard input is kept whole (up to its cap, as
            # _to_stdin keeps it), a terminal's up to a burst
            cap = self.limits.exec_input if self.argv and self.term is None else self.limits.input_burst
            self.early += data[:max(cap - len(self.early), 0)]

    def _to_terminal(self, data: bytes) -> None:
        room = self.limits.input_burst - len(self.pending)
        self.pending += data[:max(room, 0)]
        self._flush_terminal()

    def _flush_terminal(self) -> None:
        child = self.child
        if child is None:
            return
        loop = asyncio.get_running_loop()
        try:
            while self.pending:
                written = os.write(child.master, self.pending)
                del self.pending[:written]
        except BlockingIOError:
            loop.add_writer(child.master, self._flush_terminal)
            return
        except OSError:
            self.pending.clear()
        loop.remove_writer(child.master)

    def _to_stdin(self, data: bytes) -> None:
        data = data[:self.stdin_left]
        self.stdin_left -= len(data)
        if data and self.proc.stdin and not self.proc.stdin.is_closing():
            self.proc.stdin.write(data)

    def eof_received(self) -> bool:
        if self.proc is None:
            self.early_eof = True
        elif self.proc.stdin and not self.proc.stdin.is_closing():
            self.proc.stdin.close()
        return True  # keep sending the output

    def terminal_size_changed(self, width: int, height: int, pixwidth: int, pixheight: int) -> None:
        self.size = (width or 80, height or 24)
        if self.child is not None:
            with contextlib.suppress(OSError):
                set_size(self.child.master, *self.size)

    def break_received(self, msec: int) -> bool:
        return False

    def signal_received(self, signal_name: str) -> None:
        pass  # clients do not signal our processes

    def pause_writing(self) -> None:
        self._stop_reading()

    def resume_writing(self) -> None:
        if self.child is not None:
            self._start_reading()

    def _start_reading(self) -> None:
        if not self.reading and self.child is not None:
            asyncio.get_running_loop().add_reader(self.child.master, self._readable)
            self.reading = True

    def _stop_reading(self) -> None:
        if self.reading and self.child is not None:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_reader(self.child.master)
                asyncio.get_running_loop().remove_writer(self.child.master)
        self.reading = False

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.ended and self.task is not None:
            self.service.log(f"{self.member}: connection lost; its session was ended")
        if self.task is not None and not self.task.done():
            self.task.cancel()
        else:
            self._end_child()
        self.service.sessions.discard(self)


# ---------------------------------------------------------------------- the server

def load_host_key(path: str | None, log) -> asyncssh.SSHKey:
    """The server's host key: the file named, made there on first start if it is not there yet,
    else ~/.config/uplift/ssh_host_ed25519_key (made once); a key made here is its owner's only."""
    if path:
        file = Path(path).expanduser()
        if not file.exists():
            if not file.parent.is_dir():
                raise Invalid("--host-key", "{path}: there is no folder {folder} to make the key in",
                              path=path, folder=file.parent)
            return _made_host_key(file, log)
        try:
            return asyncssh.read_private_key(str(file))
        except (asyncssh.KeyImportError, ValueError) as error:  # a public key, a passphrase, not a key
            raise Invalid("--host-key", "{path}: not a private key without a passphrase ({reason})",
                          path=path, reason=error) from None
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "uplift"
    file = home / "ssh_host_ed25519_key"
    if not file.exists():
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        return _made_host_key(file, log)
    return asyncssh.read_private_key(str(file))


def _made_host_key(file: Path, log) -> asyncssh.SSHKey:
    """A new ed25519 host key, written to `file` (mode 0600, never over another file)."""
    key = asyncssh.generate_private_key("ssh-ed25519")
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.export_private_key())
    log(_("made a host key: {file}").format(file=file))
    return key


async def start(board_path: Path, host: str, port: int, *, host_key_file: str | None,
                limits: Limits, max_sessions: int, log=None):
    service = Service(board_path, limits, max_sessions, log)
    key = load_host_key(host_key_file, service.log)
    service.pool.fill()
    service.watcher = asyncio.ensure_future(service.watch_pool())
    server = await asyncssh.create_server(
        lambda: Connection(service), host, port, server_host_keys=[key], encoding=None,
        line_editor=False, password_auth=False, kbdint_auth=False, host_based_auth=False,
        gss_host=None, agent_forwarding=False, x11_forwarding=False, allow_scp=False,
        sftp_factory=None, login_timeout=30, keepalive_interval=60)
    actual = server.sockets[0].getsockname()[1]
    fingerprint = key.convert_to_public().get_fingerprint("sha256")
    service.log(_("serving {board} over SSH on {host}:{port} (host key {fingerprint})").format(
        board=board_path, host=host, port=actual, fingerprint=fingerprint))
    return server, service


def serve_ssh(board_path: Path, host: str, port: int, *, host_key: str | None, limits: Limits,
              max_sessions: int) -> None:
    async def main() -> None:
        server, service = await start(board_path, host, port, host_key_file=host_key,
                                      limits=limits, max_sessions=max_sessions)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        try:
            await stop.wait()
        finally:
            server.close()
            service.watcher.cancel()
            sessions = list(service.sessions)
            # the members first: the spares can wait; apps end now, verbs may finish first
            await asyncio.gather(*(session.stop() for session in sessions), return_exceptions=True)
            with contextlib.suppress(Exception):  # (what hang_up wrote, sent before the loop ends)
                await asyncio.wait_for(asyncio.gather(*(session.chan.wait_closed() for session in sessions
                                                        if session.chan)), 5)
            service.pool.close()
            service.log(_("stopped"))

    asyncio.run(main())
