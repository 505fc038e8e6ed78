"""A diagnosis's weak spots are kept with their templates: the cycle view says a kept finding
in the language of whoever reads it later, not the one it was found in."""

from __future__ import annotations

import json


def sales_file(tmp_path):
    """Three reps with 20 orders each in January; C sold 100 where the median rep sold 1,000:
    under half the median."""
    rows = ["order,date,customer,amount,rep"]
    for rep, amount in [("A", 60), ("B", 50), ("C", 5)]:
        rows += [f"{rep}-{n},2026-01-{n:02d},Cust {n},{amount},{rep}" for n in range(1, 21)]
    path = tmp_path / "sales.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_kept_finding_is_said_in_the_language_it_is_read_in(run, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")  # found in Chinese...
    code, out, err = run("diagnose", sales_file(tmp_path))
    assert code == 0, err
    assert "  1. 销售代表 C：收入 100，销售代表中位数为 1,000" in out.splitlines()
    monkeypatch.setenv("UPLIFT_LANG", "en")  # ...read in English
    code, out, err = run("cycle")
    assert "1 weak spot: Rep C: revenue 100 vs median rep 1,000" in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("cycle")
    assert "销售代表 C：收入 100，销售代表中位数为 1,000" in out
    code, out, err = run("diagnosis", "list", "--json")
    assert json.loads(out)[0]["findings"][0]["text"] == "Rep C: revenue 100 vs median rep 1,000"


def test_kept_text_in_words_the_catalogue_no_longer_has_is_said_in_its_english_whole(monkeypatch) -> None:
    """A finding kept by an earlier version, whose template this catalogue lacks, reads as it
    was written, not with its subject in Chinese and the rest in English."""
    from sales.phrases import Phrase, as_builtins, kept
    from tui.i18n import say, set_language

    old = as_builtins(Phrase("{subject}: lowest ROI {roi:.2f} of all", subject=Phrase("{value} region", value="West"),
                             roi=0.5))
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    try:
        assert say(kept(old, "West region: lowest ROI 0.50 of all")) == "West region: lowest ROI 0.50 of all"
        assert say(kept(None, "as it was written")) == "as it was written"
        assert say(kept(as_builtins(Phrase("{value} region", value="West")), "West region")) == "West 区域"
    finally:
        monkeypatch.delenv("UPLIFT_LANG")
        set_language()


def test_a_fall_confirmed_by_the_year_before_is_said_in_chinese(run, monkeypatch, tmp_path) -> None:
    """January to March 2024 sell 100 a month, October to December 2023 200, and January to
    March 2023 150: a fall from the months before that the year before confirms."""
    rows = ["order,date,amount"]
    for year, month in [(2023, m) for m in range(1, 13)] + [(2024, m) for m in (1, 2, 3)]:
        amount = 200 if month >= 10 else 100 if year == 2024 else 150
        rows += [f"O{year}{month}a,{year}-{month:02d}-01,{amount / 2}", f"O{year}{month}b,{year}-{month:02d}-28,{amount / 2}"]
    path = tmp_path / "seasons.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run("diagnose", path, "--no-save")
    assert code == 0, err
    assert "All sales: revenue fell from 600 to 300 (2024-01 to 2024-03 vs 2023-10 to 2023-12); a year earlier it was 450" in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("diagnose", path, "--no-save")
    assert "全部销售：收入从 600 降至 300（2024-01 至 2024-03 对比 2023-10 至 2023-12）；一年前同期为 450" in out


def test_reps_of_a_few_orders_each_are_not_judged_on_revenue(run, tmp_path) -> None:
    """A week of a team's sales, a few orders a rep: one deal more or less is no weak spot."""
    rows = ["order,date,customer,amount,rep"]
    for rep, amount, count in [("A", 600, 3), ("B", 500, 2), ("C", 100, 1)]:
        rows += [f"{rep}-{n},2026-01-{n + 5:02d},Cust {n},{amount},{rep}" for n in range(count)]
    path = tmp_path / "week.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run("diagnose", path, "--no-save")
    assert code == 0, err
    assert "Weak spots: none above the thresholds" in out.splitlines()
