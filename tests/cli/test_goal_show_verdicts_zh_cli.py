"""`uplift goal show` in Chinese lines up the SMART verdicts' reasons: `通过` is two cells short
of `未通过`, so the reasons after a pass started two cells left of those after a fail."""

from __future__ import annotations

from rich.cells import cell_len


def test_the_smart_reasons_start_in_one_column(run, monkeypatch) -> None:
    assert run("plan", "info", "--start", "2027-01-04", "--end", "2027-03-31")[0] == 0
    assert run("goal", "add", "提升收入", "--metric", "revenue", "--target", "1.5M",
               "--deadline", "2027-03-31")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("goal", "show", "G-1")
    assert code == 0
    verdicts = [line for line in out.splitlines() if line[:6] == "    " + line[4:5] + " " and line[4] in "SMART"]
    assert {line.split()[1] for line in verdicts} == {"通过", "未通过"}, out
    starts = {cell_len(line[:len(line) - len(line.split(None, 2)[2])]) for line in verdicts}
    assert starts == {4 + 2 + cell_len("未通过") + 2}, verdicts
