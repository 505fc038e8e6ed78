"""What a rep types that cannot be right is bad input (exit 2) saying what and where, in the
interface's language, and nothing is written."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot_files


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: due: '2026-02-30' is not a date: the days of 2026-02 run 01 to 28\n"),
    ("zh", "uplift: due: '2026-02-30' 不是日期：2026-02 的日期为 01 到 28\n"),
])
def test_a_day_the_calendar_lacks_says_why(run, team, monkeypatch, lang, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    before = snapshot_files(team)
    assert run("task", "edit", "T-1", "--due", "2026-02-30", user="ali") == (2, "", says)
    assert snapshot_files(team) == before
