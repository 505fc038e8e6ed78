"""Budget lines and spending in a hand-edited plan file: each mistake with its file, line and
field (exit 2), nothing written."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot_files

FILE = """\
strategies:
- id: S-1
  title: Fairs
budget_lines:
- id: B-1
  title: Booth
  strategy: S-1
  requested: 8000
  requested_by: dana
  status: approved
  approved: 6000
  decided_by: dana
  reason: one booth
spending:
- id: E-1
  line: B-1
  amount: 3000
  'on': 2026-10-27
  by: dana
  at: '2026-10-27T11:00:00Z'
"""

BAD = {  # (the line as written, as edited, the field, what is said in English, in Chinese)
    "more approved than requested": ("  approved: 6000", "  approved: 9000", "budget_lines[0].approved",
                                     "approve between 0 and the 8,000 requested", "批准金额须在 0 到申请的 8,000 之间"),
    "spending on a line that is not there": ("  line: B-1", "  line: B-7", "spending[0].line",
                                             "B-7 is not a budget line in this file or on the board",
                                             "B-7 不是此文件或看板上的预算项"),
}


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bad_budget_line_in_a_file_is_said_with_its_line_and_nothing_is_written(run, team, tmp_path,
                                                                                   monkeypatch, case, lang) -> None:
    written, edited, field, english, chinese = BAD[case]
    monkeypatch.setenv("UPLIFT_LANG", lang)
    plan = tmp_path / "plan.yaml"
    plan.write_text(FILE.replace(written, edited))
    line = FILE.splitlines().index(written) + 1
    before = snapshot_files(team)
    code, out, err = run("plan", "import", plan)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == f"{plan}:{line}: {field}: {english if lang == 'en' else chinese}"
    assert snapshot_files(team) == before


def test_the_good_file_imports(run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(FILE)
    assert run("plan", "import", plan)[0] == 0
    assert run("budget", "list")[1].splitlines()[1].split()[:6] == ["B-1", "approved", "other", "8,000", "6,000",
                                                                    "3,000"]
