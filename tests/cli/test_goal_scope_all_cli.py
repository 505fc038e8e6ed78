"""A goal's scope field of `all` means the whole of it (README: "`all` for everything"): its
baseline from a snapshot and its history are the whole data's, not "no snapshot has ... (region all)"."""

from __future__ import annotations

import json


def test_a_baseline_from_a_snapshot_with_region_all_is_the_whole_datas(run, tmp_path) -> None:
    sales = tmp_path / "sales.csv"
    # two whole months: January 10 + 20 + 30 = 60, February 40 + 50 = 90, in two regions
    sales.write_text("date,order,customer,region,amount\n"
                     "2026-01-01,O1,A,North,10\n2026-01-15,O2,B,South,20\n2026-01-31,O3,C,North,30\n"
                     "2026-02-01,O4,A,South,40\n2026-02-28,O5,B,North,50\n", encoding="utf-8")
    assert run("diagnose", sales)[0] == 0
    code, out, err = run("goal", "add", "Revenue", "--metric", "revenue", "--region", "all",
                         "--baseline", "snapshot", "--target", "120")
    assert (code, err) == (0, "")
    goal = json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]
    assert (goal["baseline"], goal["baseline_source"]) == (90, "snapshot X-1, 2026-02")
    # judged against the whole data's months: +50% was seen (60 → 90), +33.3% is asked (90 → 120)
    assert goal["smart"]["A"] == {"passed": True, "reason": "asks for +33.3%; the best change seen was +50.0%"}
    run("goal", "add", "North", "--metric", "revenue", "--region", "North", "--baseline", "snapshot")
    assert json.loads(run("goal", "show", "G-2", "--json")[1])["goal"]["baseline"] == 50  # North alone
