"""What a lead does with the diagnoses kept on the board from the command line: `diagnosis
compare` (last quarter's against this quarter's, as a BI tool's period-over-period view),
`diagnosis checklist` and `diagnosis show --csv`. The figures are worked out by hand in the
comments."""

from __future__ import annotations

import json

from sales.diagnosis import Diagnosis, Finding, Metrics, SourceInfo
from sales.diagnosis_compare import compare

# Q3: North won 100 + 100 and lost one, South won 300 -> revenue 500, 3 orders, won 3 of 4 (75%)
Q3 = """order,date,region,amount,stage
A1,2026-07-01,North,100,won
A2,2026-08-01,North,100,won
A3,2026-08-02,North,50,lost
A4,2026-09-30,South,300,won
"""
# Q4: North won 200 and lost one, South won 150 + 250 -> revenue 600 (+20.0%), 3 orders, AOV 200
# (+20.0% on 166.67), won 3 of 4 (75%, +0.0 pts); North 200 (+0.0%) at 50.0% (66.7%: -16.7 pts),
# South 400 (+33.3% on 300) at 100.0%
Q4 = """order,date,region,amount,stage
B1,2026-10-01,North,200,won
B2,2026-11-01,North,80,lost
B3,2026-11-02,South,150,won
B4,2026-12-31,South,250,won
"""


def _two_quarters(run, tmp_path) -> None:
    for name, text in (("q3.csv", Q3), ("q4.csv", Q4)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, _out, err = run("diagnose", tmp_path / name, "--period", "quarter")
        assert code == 0, err


def test_compare_puts_two_quarters_side_by_side_with_the_change(run, tmp_path) -> None:
    _two_quarters(run, tmp_path)
    code, out, err = run("diagnosis", "compare", "X-1", "X-2")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "X-1 (2026-07-01 to 2026-09-30) against X-2 (2026-10-01 to 2026-12-31)"
    # each column as wide as its widest cell, figures right-aligned under their headings
    assert "                          X-1     X-2  DIFFERENCE" in lines
    assert "  revenue              500.00  600.00      +20.0%" in lines
    assert "  average order value  166.67  200.00      +20.0%" in lines
    assert "  win rate              75.0%   75.0%    +0.0 pts" in lines
    assert "                            revenue                    win rate" in lines
    assert "  South  300.00  400.00      +33.3%  100.0%  100.0%    +0.0 pts" in lines
    assert "  North  200.00  200.00       +0.0%   66.7%   50.0%   -16.7 pts" in lines
    assert "they cover" not in out  # two quarters: their totals compare
    # with no ids, the newest two, the older first; --json has every number
    assert run("diagnosis", "compare")[1] == out
    data = json.loads(run("diagnosis", "compare", "--json")[1])
    assert (data["before"], data["after"]) == ("X-1", "X-2")
    revenue = next(t for t in data["total"] if t["metric"] == "revenue")
    assert (revenue["before"], revenue["after"], round(revenue["change"], 4)) == (500, 600, 0.2)
    north = next(g for g in data["breakdowns"]["region"] if g["value"] == "North")
    assert round(north["win_rate"]["change"], 4) == round(0.5 - 2 / 3, 4)


def test_compare_says_when_the_spans_differ_and_refuses_what_it_cannot_compare(run, tmp_path) -> None:
    (tmp_path / "q3.csv").write_text(Q3, encoding="utf-8")
    assert run("diagnose", tmp_path / "q3.csv")[0] == 0
    code, out, err = run("diagnosis", "compare")
    assert (code, out) == (1, "")
    assert "comparing needs two kept diagnoses; this board has 1" in err
    code, _out, err = run("diagnosis", "compare", "X-1", "X-1")
    assert code == 2 and "X-1 against itself" in err
    (tmp_path / "year.csv").write_text(Q3 + "C1,2026-01-02,North,10,won\n", encoding="utf-8")
    assert run("diagnose", tmp_path / "year.csv")[0] == 0
    code, out, err = run("diagnosis", "compare", "X-1")  # one id: it against the newest
    assert code == 0, err
    # the quarter is 92 days, 2026-01-02 to 2026-09-30 is 272
    assert "  they cover 92 and 272 days: compare the rates and averages, not the totals" in out.splitlines()
    assert out.startswith("X-1 (2026-07-01 to 2026-09-30) against X-2 (2026-01-02 to 2026-09-30)")
    code, _out, err = run("diagnosis", "compare", "X-9", "X-1")
    assert code == 1 and "X-9" in err


def test_compare_in_chinese(run, tmp_path, monkeypatch) -> None:
    _two_quarters(run, tmp_path)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("diagnosis", "compare")
    assert code == 0, err
    assert out.startswith("X-1（2026-07-01 至 2026-09-30）对比 X-2（2026-10-01 至 2026-12-31）")
    assert "变化" in out and "新出现的薄弱环节：\n  无\n" in out


def _diagnosis(*findings: Finding) -> Diagnosis:
    source = SourceInfo(files=["x.csv"], mapping={}, derived={}, ignored_columns=[], explanation=[],
                        date_formats={}, notes=[])
    return Diagnosis(created_at="2026-12-01", period="month", source=source, rows_read=1, rows_used=1, dropped={},
                     partial={}, first_date="2026-07-01", last_date="2026-09-30", total=Metrics(revenue=1.0),
                     periods=[], breakdowns={}, findings=list(findings))


def test_weak_spots_are_new_gone_or_still_there_by_what_and_where() -> None:
    def spot(kind: str, subject: str, metric: str, text: str) -> Finding:
        return Finding(kind, subject, metric, 1.0, 2.0, "elsewhere", 0.5, text)

    south = spot("low_win_rate", "South region", "win_rate", "South region: win rate 31% vs 48% elsewhere")
    south_now = spot("low_win_rate", "South region", "win_rate", "South region: win rate 35% vs 50% elsewhere")
    ann = spot("rep_below_median", "Rep ann", "revenue", "Rep ann: revenue 10 vs median rep 30")
    ann_rate = spot("rep_below_median", "Rep ann", "win_rate", "Rep ann: win rate 20% vs median rep 50%")
    bo = spot("rep_below_median", "Rep bo", "revenue", "Rep bo: revenue 5 vs median rep 30")
    result = compare(_diagnosis(south, ann), _diagnosis(south_now, ann_rate, bo), "X-1", "X-2")
    assert [f.text for f in result.new_findings] == [ann_rate.text, bo.text]  # another metric is another spot
    assert [f.text for f in result.still_findings] == [south_now.text]  # said with this quarter's numbers
    assert [f.text for f in result.gone_findings] == [ann.text]


def test_the_diagnosis_checklist_is_listed_and_ticked_on_the_command_line(run) -> None:
    """A rep over SSH could tick the weekly review and the end-of-cycle checklist with a command,
    but the diagnosis checklist only on the screen."""
    code, out, err = run("diagnosis", "checklist", user="ali")
    assert code == 0, err
    assert out.splitlines()[0] == "[ ] 1. Import last period's sales records (uplift diagnose FILE)"
    assert run("diagnosis", "checklist", "8", user="ali")[1] == "ticked 8\n"  # a rep may: anyone on the team
    assert run("diagnosis", "checklist", "8", user="ali")[1] == "8 was already ticked\n"
    lines = run("diagnosis", "checklist")[1].splitlines()
    assert lines[7].startswith("[x] 8. Interview at least three reps") and "(ticked by ali, " in lines[7]
    items = json.loads(run("diagnosis", "checklist", "--json")[1])
    assert [i["number"] for i in items if i["ticked"]] == [8] and items[7]["by"] == "ali"
    assert run("diagnosis", "checklist", "8", "--undo")[1] == "unticked 8\n"
    code, _out, err = run("diagnosis", "checklist", "99")
    assert code == 1 and "the diagnosis checklist has no item 99" in err
    code, _out, err = run("diagnosis", "checklist", "--undo")
    assert code == 2 and "--undo needs the item's number" in err


def test_a_kept_diagnosis_exports_as_csv_for_a_spreadsheet(run, tmp_path) -> None:
    """`diagnosis show --json` was the only export: a BI tool or a spreadsheet wants rows."""
    import csv
    import io

    (tmp_path / "q3.csv").write_text(Q3, encoding="utf-8")
    assert run("diagnose", tmp_path / "q3.csv")[0] == 0
    code, out, err = run("diagnosis", "show", "X-1", "--csv")
    assert code == 0, err
    rows = {(r["table"], r["group"]): r for r in csv.DictReader(io.StringIO(out))}
    assert list(rows) == [("all", ""), ("period", "2026-07"), ("period", "2026-08"), ("period", "2026-09"),
                          ("region", "South"), ("region", "North")]
    # Q3: revenue 500 from 3 orders, won 3 of 4; North 200, won 2 of 3; August 100, won 1 of 2
    assert (rows["all", ""]["revenue"], rows["all", ""]["orders"], rows["all", ""]["win_rate"]) == ("500", "3", "0.75")
    assert (rows["region", "North"]["revenue"], float(rows["region", "North"]["win_rate"])) == ("200", 2 / 3)
    assert (rows["period", "2026-08"]["revenue"], rows["period", "2026-08"]["win_rate"]) == ("100", "0.5")
    assert rows["period", "2026-08"]["partial"] == "no" and rows["all", ""]["cost"] == ""
    code, _out, err = run("diagnosis", "show", "X-1", "--csv", "-o", tmp_path / "x1.csv")
    assert code == 0, err
    assert (tmp_path / "x1.csv").read_text(encoding="utf-8-sig") == out
    code, _out, err = run("diagnosis", "show", "-o", tmp_path / "x.csv")
    assert code == 2 and "give --csv too" in err


def test_a_kept_diagnosis_ticks_the_import_step_and_says_so(run, tmp_path, monkeypatch) -> None:
    """The checklist's first step, "Import last period's sales records", stayed unticked after
    `uplift diagnose` had imported them: the kept diagnosis ticks it now, said as the
    diagnosis's tick (its id and who ran it), not as anyone's; it cannot be unticked while a
    diagnosis is kept, and it goes with the last one."""
    (tmp_path / "q3.csv").write_text(Q3, encoding="utf-8")
    assert run("diagnosis", "checklist")[1].splitlines()[0].startswith("[ ] 1. Import")
    assert run("diagnose", tmp_path / "q3.csv")[0] == 0  # dana, the lead
    saved_on = json.loads(run("diagnosis", "list", "--json")[1])[0]["saved_at"][:10]
    first = run("diagnosis", "checklist")[1].splitlines()[0]
    assert first == (f"[x] 1. Import last period's sales records (uplift diagnose FILE)  "
                     f"(ticked by diagnosis X-1, {saved_on})")
    item = json.loads(run("diagnosis", "checklist", "--json")[1])[0]
    assert (item["ticked"], item["by"], item["diagnosis"]) == (True, "dana", "X-1")
    assert run("diagnosis", "checklist", "1")[1] == "1 was already ticked\n"
    code, out, err = run("diagnosis", "checklist", "1", "--undo")
    assert (code, out) == (1, "") and "item 1 is ticked by diagnosis X-1" in err
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert f"（由 {saved_on} 的诊断 X-1 勾选）" in run("diagnosis", "checklist")[1].splitlines()[0]
    monkeypatch.delenv("UPLIFT_LANG")
    assert run("diagnosis", "delete", "X-1")[0] == 0
    assert run("diagnosis", "checklist")[1].splitlines()[0].startswith("[ ] 1. Import")
    assert json.loads(run("diagnosis", "checklist", "--json")[1])[0]["diagnosis"] is None


def test_only_a_diagnosis_of_this_cycle_ticks_the_import_step(run, tmp_path, monkeypatch) -> None:
    """Step 1 says this cycle's records were imported: a diagnosis kept two years ago does not
    tick it; one saved during the cycle does, and so does one saved just before it of the span
    before it (the lead who diagnoses Q3 in its last week, for Q4)."""
    from datetime import datetime, timezone

    from tests.conftest import fix_now

    (tmp_path / "q3.csv").write_text(Q3, encoding="utf-8")
    old = tmp_path / "old.csv"
    old.write_text(Q3.replace("2026-", "2024-"), encoding="utf-8")
    fix_now(monkeypatch, datetime(2024, 10, 5, 12, tzinfo=timezone.utc))
    assert run("diagnose", old)[0] == 0  # X-1, kept in October 2024 of 2024's Q3
    fix_now(monkeypatch, datetime(2026, 10, 5, 12, tzinfo=timezone.utc))
    assert run("plan", "info", "--start", "2026-10-01", "--end", "2026-12-31")[0] == 0
    assert run("diagnosis", "checklist")[1].splitlines()[0].startswith("[ ] 1. Import")
    code, out, err = run("diagnosis", "checklist", "1")  # a person may tick it themselves
    assert (code, run("diagnosis", "checklist")[1].splitlines()[0][:3]) == (0, "[x]"), err
    run("diagnosis", "checklist", "1", "--undo")
    fix_now(monkeypatch, datetime(2026, 9, 28, 12, tzinfo=timezone.utc))
    assert run("diagnose", tmp_path / "q3.csv")[0] == 0  # Q3's records, kept in Q3's last week
    fix_now(monkeypatch, datetime(2026, 10, 5, 12, tzinfo=timezone.utc))
    assert "(ticked by diagnosis X-2, 2026-09-28)" in run("diagnosis", "checklist")[1].splitlines()[0]
    assert run("diagnosis", "delete", "X-2")[0] == 0
    assert run("diagnosis", "checklist")[1].splitlines()[0].startswith("[ ] 1. Import")
    assert run("diagnose", old)[0] == 0  # old records, but imported during this cycle
    assert "(ticked by diagnosis X-3, 2026-10-05)" in run("diagnosis", "checklist")[1].splitlines()[0]
    assert json.loads(run("diagnosis", "checklist", "--json")[1])[0]["diagnosis"] == "X-3"


def test_without_cycle_dates_a_recent_diagnosis_ticks_the_import_step(run, tmp_path, monkeypatch) -> None:
    """A board without the cycle's dates takes a diagnosis kept in the last 92 days (a quarter)."""
    from datetime import datetime, timezone

    from tests.conftest import fix_now

    (tmp_path / "q3.csv").write_text(Q3, encoding="utf-8")
    fix_now(monkeypatch, datetime(2026, 10, 5, 12, tzinfo=timezone.utc))
    assert run("diagnose", tmp_path / "q3.csv")[0] == 0
    fix_now(monkeypatch, datetime(2027, 1, 5, 12, tzinfo=timezone.utc))  # 92 days on
    assert run("diagnosis", "checklist")[1].splitlines()[0].startswith("[x] 1. Import")
    fix_now(monkeypatch, datetime(2027, 1, 6, 12, tzinfo=timezone.utc))
    assert run("diagnosis", "checklist")[1].splitlines()[0].startswith("[ ] 1. Import")


def test_a_plan_files_kept_text_it_cannot_say_is_said_at_its_line(run, tmp_path, capsys, monkeypatch) -> None:
    """A kept diagnosis's template a hand edit broke (`{column.__class__}`) is refused at its line,
    exit 2, nothing written: its reason named the template `template`, which the message's own
    template is, and the import failed as a bug (exit 3)."""
    from tests.cli.conftest import run_uplift
    from tests.conftest import snapshot_files

    (tmp_path / "q3.csv").write_text(Q3, encoding="utf-8")
    assert run("diagnose", tmp_path / "q3.csv")[0] == 0
    code, exported, err = run("plan", "export")
    assert code == 0, err
    kept = "- template: '{column} -> {field}"
    assert kept in exported
    plan = tmp_path / "plan.yaml"
    plan.write_text(exported.replace(kept, "- template: '{column.__class__} -> {field}", 1), encoding="utf-8")
    line = exported[:exported.index(kept)].count("\n") + 1
    other = run_uplift(tmp_path / "other", capsys, monkeypatch)
    assert other("init")[0] == 0
    before = snapshot_files(tmp_path / "other")
    code, out, err = other("plan", "import", plan)
    assert (code, out) == (2, "")
    assert err.startswith(f"{plan}:{line}: diagnoses[0].diagnosis.source.said.explanation[0]: "
                          "'{column.__class__} -> {field} ({holds}; {how})' names '{column.__class__}', "), err
    assert snapshot_files(tmp_path / "other") == before
