"""README's "The next cycle" walked on the demo as the tour presents it: the demo's quarter is
shifted to end five weeks after the day it is opened, so the next cycle starts after that end
(one that shares its last days is refused); `goal carry G-1 G-2` carries the two that ended with
it, and G-3, which runs on into the new cycle, is one of its goals already."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

from tests.cli.conftest import run_uplift
from tests.conftest import fix_now, snapshot_files


def test_the_readmes_next_cycle_on_the_demo(tmp_path, capsys, monkeypatch) -> None:
    fix_now(monkeypatch, datetime(2026, 12, 5, 12, tzinfo=timezone.utc))
    demo = tmp_path / "demo"
    assert run_uplift(demo, capsys, monkeypatch)("demo", "--board", str(demo), "--no-open")[0] == 0
    # opened 2026-12-05, eight weeks (56 days) into a 92-day quarter: 2026-10-10 to 2027-01-09
    assert "cycle  2026-10-10 to 2027-01-09" in run_uplift(demo, capsys, monkeypatch)("plan", "info")[1]
    for start, end, carried in (("2027-01-04", "2027-03-31", False), ("2027-01-11", "2027-04-09", True)):
        board = tmp_path / start
        shutil.copytree(demo, board)
        run = run_uplift(board, capsys, monkeypatch)
        before = snapshot_files(board)
        code, _, err = run("plan", "info", "--name", "North team, Q1 2027", "--start", start, "--end", end)
        if not carried:  # (sharing the last cycle's last days: refused, naming both, nothing written)
            assert code == 2 and "the cycle 2027-01-04 to 2027-03-31 shares only 2027-01-04 to 2027-01-09 with " \
                                 "the cycle now, 2026-10-10 to 2027-01-09" in err
            assert snapshot_files(board) == before
            continue
        assert code == 0
        code, out, err = run("goal", "carry", "G-1", "G-2")  # (as the README carries several at once)
        assert (code, [line.split(",")[0] for line in out.splitlines()]) == (
            0, ["G-4: G-1 carried on", "G-5: G-2 carried on"])
        code, _, err = run("goal", "carry", "G-3")  # (it runs on into the new cycle)
        assert code == 1 and "G-3 is one of this cycle's goals already (it runs to 2027-02-09)" in err
