"""`deal import` of won deals that the file gives no close date: they count as won today (as a deal
moved to Won without one does), so in this cycle's payouts, and the import says which and why."""

from __future__ import annotations

import json

FILE = "title,owner,stage,value,close\nOld win,ali,Won,10000,\nDated win,ali,Won,5000,2026-11-02\n" \
       "Open,ali,Proposal,3000,\nOther,bea,Won,1000,\n"


def test_the_import_names_the_won_deals_it_dates_today(run, tmp_path, monkeypatch) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(FILE)
    code, out, _ = run("deal", "import", str(path), "--dry-run")
    assert code == 0 and ("2 won deals would have no close date, so they would count as won today, in this "
                          "cycle's payouts: row 2, row 5; if they were won earlier, give the file a close column") \
        in out.splitlines()
    code, out, _ = run("deal", "import", str(path))
    assert code == 0 and ("2 won deals have no close date, so they count as won today, in this cycle's payouts: "
                          "D-1 (row 2), D-4 (row 5); if they were won earlier, `uplift undo` and import the file "
                          "with a close column") in out.splitlines()
    closed = {row["id"]: row for row in json.loads(run("deal", "list", "--json")[1])}
    assert run("undo")[0] == 0 and run("deal", "list", "--json")[1].strip() in ("[]", "")  # the import, taken back
    assert set(closed) == {"D-1", "D-2", "D-3", "D-4"}
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    path.write_text("title,owner,stage,value\nOld win,ali,Won,10000\n")
    code, out, _ = run("deal", "import", str(path))
    assert code == 0 and ("1 个赢单商机没有成交日期，因此算作今天赢单，计入本周期的提成：D-5（第 2 行）；如果它更早赢单，"
                          "请运行 `uplift undo`，再导入带成交日期（close）列的文件") in out.splitlines()
    assert "won_today" not in out
    path.write_text("title,owner,stage,value\nNewer win,ali,Won,2000\n")  # (the same file again is refused)
    code, out, _ = run("deal", "import", str(path), "--json", "--dry-run")
    assert json.loads(out)["won_today"] == [{"row": 2, "id": None}]


def test_a_rep_is_told_to_ask_a_lead_for_the_close_column_they_may_not_give(run, tmp_path, monkeypatch) -> None:
    """A rep's file may not date a win in the past, so the close column is a lead's to give."""
    path = tmp_path / "deals.csv"
    path.write_text("title,owner,stage,value\nOld win,ali,Won,10000\nOpen,ali,Proposal,3000\n")
    code, out, err = run("deal", "import", str(path), "--dry-run", user="ali")
    assert code == 0, err
    assert ("1 won deal would have no close date, so it would count as won today, in this cycle's payouts: row 2; "
            "if it was won earlier, ask a lead to import the file with a close column (only a lead may date a win)"
            ) in out.splitlines()
    code, out, err = run("deal", "import", str(path), user="ali")
    assert code == 0, err
    assert ("1 won deal has no close date, so it counts as won today, in this cycle's payouts: D-1 (row 2); "
            "if it was won earlier, `uplift undo` and ask a lead to import the file with a close column "
            "(only a lead may date a win)") in out.splitlines()
    assert "give the file a close column" not in out
    assert run("undo", user="ali")[0] == 0  # what the rep is told to do first, they may do
    assert run("deal", "list", "--json")[1].strip() in ("[]", "")
    path.write_text("title,owner,stage,value,close\nOld win,ali,Won,10000,2020-06-01\n")
    code, _, err = run("deal", "import", str(path), user="ali")  # the close column, in a rep's hands: refused
    assert code == 1 and "only a lead may date it 2020-06-01" in err
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    path.write_text("title,owner,stage,value\nOld win,ali,Won,10000\n")
    code, out, _ = run("deal", "import", str(path), user="ali")
    assert code == 0 and "请运行 `uplift undo`，再让主管导入带成交日期（close）列的文件" in out
