"""A diagnosis an older board kept wrote its quarters 2022Q3, in the weak spots' words too ("2022Q3
to 2022Q4 vs 2022Q1 to 2022Q2") while its tables now read 2022-Q3: the kept words read 2022-Q3,
as a diagnosis made today writes them, in either language."""

from __future__ import annotations

import re

from tests.conftest import DATA

SUPERSTORE = DATA / "superstore" / "superstore.csv"


def test_a_kept_weak_spots_quarters_read_with_their_dash(run, team, monkeypatch) -> None:
    assert run("diagnose", SUPERSTORE, "--period", "quarter")[0] == 0
    today = run("diagnosis", "show")[1]
    window = "(2022-Q3 to 2022-Q4 vs 2022-Q1 to 2022-Q2)"
    assert window in today
    kept = team / "diagnosis.json"
    old = re.sub(r"(\d{4})-Q([1-4])", r"\1Q\2", kept.read_text(encoding="utf-8"))  # as an older board kept it
    assert "2022Q3 to 2022Q4 vs 2022Q1 to 2022Q2" in old and "2022-Q" not in old
    kept.write_text(old, encoding="utf-8")
    assert run("diagnosis", "show")[1] == today
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    said = run("diagnosis", "show")[1]
    assert "2022-Q3" in said and not re.search(r"\d{4}Q[1-4]", said)
