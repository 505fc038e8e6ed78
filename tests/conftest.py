"""Shared fixtures: boards in temporary folders, with a known cast of members."""

from __future__ import annotations

import gc
import hashlib
import os
from datetime import datetime
from types import SimpleNamespace
from pathlib import Path

import pytest

from store.board import Board
from store.board_core import BoardCore

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
#: For tests that read the datasets in ../shared/data (CI has them beside the checkout).
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"shared data not found at {DATA}")


@pytest.fixture(autouse=True, scope="session")
def no_fsync():
    """Board writes skip fsync in tests: it only guards against power loss, which no test can
    show, and it is a quarter of the suite's time on a busy disk. A test may still patch os.fsync
    (a full disk); tests/store/test_files_durable.py checks that a write does fsync."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", lambda fd: None)
        yield


@pytest.fixture(autouse=True, scope="session")
def no_full_collection_per_app():
    """An app's first frame runs a full garbage collection before gc.freeze (tui/app.py): cheap on
    a person's one app, but in the test process it walks every object of every test so far, up to
    a second per app. Tests keep the freeze and skip that collection;
    tests/tui/test_app_gc_freeze.py runs it as the app does."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tui.app.gc", SimpleNamespace(collect=lambda *generation: 0,
                                                   freeze=gc.freeze, unfreeze=gc.unfreeze))
        yield


@pytest.fixture(autouse=True)
def own_config_dir(tmp_path: Path, monkeypatch) -> Path:
    """Each test gets an empty user config dir: never the developer's, never written to theirs."""
    folder = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder / "uplift"


@pytest.fixture(autouse=True)
def english_interface(monkeypatch) -> None:
    """Tests read English unless they ask for another language, whatever the machine's locale
    (the interface follows UPLIFT_LANG, then LC_ALL / LC_MESSAGES / LANG: tui/i18n.py)."""
    from tui.i18n import set_language

    monkeypatch.setenv("UPLIFT_LANG", "en")
    set_language()


@pytest.fixture
def board_path(tmp_path: Path) -> Path:
    return tmp_path / "board"


@pytest.fixture
def team(board_path: Path) -> Path:
    """A board with a lead (dana) and two reps (ali, bea), and one task each."""
    lead = Board(board_path, actor="dana")
    lead.add_member("dana", "lead")
    lead.add_member("ali", "rep")
    lead.add_member("bea", "rep")
    lead.add_task("Call Acme", owner="ali", due="2026-12-01")
    lead.add_task("Visit Betasoloin", owner="bea")
    return board_path


def snapshot_files(path: Path) -> dict[str, str]:
    """Every file under a board folder with a hash of its bytes (to prove nothing was written)."""
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file() and p.name != ".lock"}


def write_sheet(path: Path, rows: list[dict]) -> None:
    """Rows written back as a spreadsheet saves a CSV (its columns as the first row has them)."""
    import csv
    import io

    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")


def fix_now(monkeypatch, moment: datetime) -> None:
    """Every board opened from here on (the command line's too) takes MOMENT for now, on each
    actor's clock as ever (their zone): for tests of a plan with fixed dates (the sample's cycle
    runs 2026-10-01 to 2026-12-31) that mean to read it while it runs, whatever day CI runs on."""
    real = BoardCore._now
    monkeypatch.setattr(BoardCore, "_now", lambda self: moment.astimezone(real(self).tzinfo))
