"""The file primitives every board write uses: an exclusive lock and atomic replacement.

A reader never sees half a file: each file is written to a temporary file beside it, fsynced,
given the board's mode (it is created 0600) and renamed over the old one. Writers take one
exclusive lock per board (fcntl.flock, which the kernel drops if the holder is killed).

A change that rewrites several files (an import over several shards, its log records) is seen
whole or not at all by readers through a second lock, on the board folder itself (ViewLock):
readers share it while they read a set of files, a writer holds it alone while it applies.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

from sales.errors import Refused, UpliftError

TEMP_MARK = ".tmp-"
LOCK_NAME = ".lock"


class BoardBusy(UpliftError):
    """Another process held the board's lock for longer than we were willing to wait."""


class BoardDamaged(UpliftError):
    """A board file could not be read; it is named and left untouched."""


class MachineRefused(UpliftError):
    """The machine refused a board file (a permission, a full disk): said with the file, like
    any refusal (exit 1; a notification in the app, which goes on), not as a bug."""

    @classmethod
    def of(cls, error: OSError, where: object) -> MachineRefused:
        return cls("{file}: {reason}", file=error.filename or where, reason=error.strerror or str(error))


Signature = tuple[int, int, int]


def signature(path: Path) -> Signature | None:
    """What changes whenever the file is replaced: inode, mtime and size (None if absent)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def atomic_write(path: Path, data: bytes, mode: int | None) -> Signature:
    """Replace `path` with `data` so that any reader sees the old or the new file, never half.
    mode None: a new file's usual mode (0666 less the umask)."""
    try:
        fd, temp = _temporary_beside(path, 0o600 if mode is not None else 0o666)
    except OSError as error:  # (a folder we may not write: named as the file, not its temporary)
        raise OSError(error.errno, error.strerror or str(error), str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(error, OSError):  # (a full disk names no file)
            raise OSError(error.errno, error.strerror or str(error), str(path)) from None
        raise
    # The folder is not fsynced after the rename: a killed process loses nothing either way, and
    # on power loss journalling filesystems commit a rename-over after the data it points to.
    return signature(path)


def write_export(path: str | Path, data: bytes, board: Path | None = None) -> None:
    """Write a file a person asked for (`plan export -o`, `review export -o`, `calendar -o`)
    whole or not at all: a full disk or a kill midway leaves the file that was there, not half
    of the new one. A file already there keeps its mode; a symbolic link's target is written;
    what is not a regular file (a pipe, /dev/stdout) is written to as it is. Never into the
    `board` folder: an export written over plan.json would leave the board damaged."""
    import stat

    if board is not None:
        inside = Path(os.path.realpath(board))
        if inside in Path(os.path.realpath(path)).parents:
            raise Refused("{path}: that is inside the board's folder, where an export would write over "
                          "the board's own files; write it somewhere else", path=path)

    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    try:
        atomic_write(Path(os.path.realpath(path)), data, None if st is None else stat.S_IMODE(st.st_mode))
    except OSError as error:  # named as the person named it, not as the temporary file beside it
        raise OSError(error.errno, error.strerror or str(error), str(path)) from None


def _temporary_beside(path: Path, mode: int = 0o600) -> tuple[int, Path]:
    """A new file next to `path`, named so that remove_stale_temps finds it (what mkstemp does,
    without importing tempfile and random for it)."""
    while True:
        temp = path.parent / f".{path.name}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}"
        try:
            return os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode), temp
        except FileExistsError:
            continue


def remove_stale_temps(folder: Path) -> int:
    """Delete temporary files a killed writer left behind. Call only while holding the lock."""
    removed = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") and TEMP_MARK in entry.name:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


@contextlib.contextmanager
def exclusive_lock(folder: Path, mode: int, timeout: float = 15.0) -> Iterator[None]:
    """Hold the board's write lock; BoardBusy if it cannot be had within `timeout` seconds."""
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, mode)
    try:
        _keep_mode(fd, mode)
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BoardBusy("{folder}: another process has held the board's lock for {seconds:.0f} s; "
                                    "try again", folder=folder, seconds=timeout) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.02)
        yield
    finally:
        os.close(fd)


class ViewLock:
    """One board object's hold on its folder's readers' lock: shared while it reads a set of files
    (`shared`), exclusive while a writer that holds the writers' lock applies a change to several
    files (`exclusive`), so that no reader sees some files new and others old.

    It is a flock on the board folder itself, not on `.lock`: a reader waits only while a change
    is applied (milliseconds), not while a writer builds it (a big import's checks take seconds),
    and a reader who may not write the board can still open the folder to lock it. Where the
    folder cannot be locked (a filesystem without flock) the board is read and written without
    it, as before. Holds nest on one file description (a second one in this process would wait
    for the first): a read inside a read, or inside a change, takes nothing more. A change made
    inside a read lets the shared hold go while it waits for the writers' lock (`let_go`), since
    the writer holding that may be waiting for this. One object per thread: its state is not
    shared between threads.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None
        self._held = 0  # 0, fcntl.LOCK_SH or fcntl.LOCK_EX
        _holders.add(self)

    def shared(self, timeout: float) -> contextlib.AbstractContextManager[None]:
        """Hold the readers' lock with others while reading; BoardBusy after `timeout` seconds
        of a writer applying a change (0: try once)."""
        return self._hold(fcntl.LOCK_SH, timeout)

    def exclusive(self, timeout: float) -> contextlib.AbstractContextManager[None]:
        """Hold the readers' lock alone while applying a change (call it holding the writers' lock)."""
        return self._hold(fcntl.LOCK_EX, timeout)

    @contextlib.contextmanager
    def let_go(self, timeout: float) -> Iterator[None]:
        """Give up a shared hold while a change is made, and take it again after: a writer that
        holds the writers' lock may be waiting for it to apply its change, while this one waits
        for the writers' lock (a deadlock until one gave up). What is read after is read anew."""
        if self._held != fcntl.LOCK_SH:
            yield
            return
        self._drop()
        try:
            yield
        finally:
            # (a change already made is not said to have failed because a later one is being
            # written: the rest of the read goes on unlocked, each file still whole)
            with contextlib.suppress(BoardBusy):
                self._take(fcntl.LOCK_SH, timeout)

    @contextlib.contextmanager
    def _hold(self, kind: int, timeout: float) -> Iterator[None]:
        before = self._held
        if before == fcntl.LOCK_EX or before == kind:
            yield
            return
        self._take(kind, timeout)
        try:
            yield
        finally:
            if before:
                self._take(before, timeout)  # (no writer can come between: we hold the writers' lock)
            else:
                self._drop()

    def _take(self, kind: int, timeout: float) -> None:
        if self._fd is None:
            try:
                self._fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            except OSError:
                self._held = kind  # a folder we cannot open is read (or refused) as it is
                return
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while True:
            try:
                fcntl.flock(self._fd, kind | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self._drop()  # (a shared hold being turned exclusive is lost: it is given up)
                    raise BoardBusy("{folder}: another process has held the board's lock for {seconds:.0f} s; "
                                    "try again", folder=self.folder, seconds=timeout) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.02)
            except OSError:  # (ENOLCK: a filesystem that cannot lock) read and written without it
                break
        self._held = kind

    def _drop(self) -> None:
        fd, self._fd, self._held = self._fd, None, 0
        if fd is not None:
            os.close(fd)  # (releases the flock)


_holders: weakref.WeakSet[ViewLock] = weakref.WeakSet()


def _forget_in_child() -> None:
    """A process forked while it read holds its parent's lock through the inherited descriptor
    for as long as it keeps it open: its own change would wait for itself. The child closes it
    (the parent's hold is the parent's, and goes when the parent lets it go)."""
    for holder in list(_holders):
        fd, holder._fd, holder._held = holder._fd, None, 0
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


os.register_at_fork(after_in_child=_forget_in_child)


def _keep_mode(fd: int, mode: int) -> None:
    """Give a file we own the board's mode (the umask trims what os.open asked for)."""
    st = os.fstat(fd)
    if st.st_uid == os.geteuid() and st.st_mode & 0o777 != mode:
        os.fchmod(fd, mode)


def make_folder(folder: Path, file_mode: int) -> None:
    """Create a board folder with the mode that fits its files, whatever the umask.

    mkdir's mode passes through the umask and Linux ignores its setgid bit, so the mode is set
    again once the folder exists. A folder that already existed is left as it is.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()
    except FileExistsError:
        return
    os.chmod(folder, folder_mode(file_mode))


def folder_mode(file_mode: int) -> int:
    """The mode for a board folder whose files have `file_mode`: 0600 -> 0700, 0660 -> 2770."""
    mode = file_mode | ((file_mode & 0o444) >> 2)
    return mode | 0o2000 if file_mode & 0o060 else mode
