"""A goal's metric, when it is one of the KPIs the diagnosis computes (`win_rate`,
`new_customers`), is named in Chinese where `goal show` says it (the metric line and the SMART
check's M), as a status is; a metric the lead made up is shown as typed; in English a KPI reads in
words (`win rate`), not as its key."""

from __future__ import annotations


def _goals(run) -> None:
    assert run("goal", "add", "Win more", "--metric", "win_rate", "--unit", "%", "--baseline", "31",
               "--target", "40")[0] == 0
    assert run("goal", "add", "Happier customers", "--metric", "nps", "--baseline", "20", "--target", "35")[0] == 0


def test_a_known_metric_is_named_in_chinese_and_a_made_up_one_as_typed(run, monkeypatch) -> None:
    _goals(run)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    out = run("goal", "show", "G-1")[1]
    assert "  指标      赢单率（%）\n" in out
    assert "    M 通过    赢单率 从 31% 到 40%\n" in out
    out = run("goal", "show", "G-2")[1]
    assert "  指标      nps\n" in out and "    M 通过    nps 从 20 到 35\n" in out


def test_in_english_a_kpi_reads_in_words(run) -> None:
    _goals(run)
    out = run("goal", "show", "G-1")[1]
    assert "  metric    win rate (%)\n" in out and "    M pass  win rate from 31% to 40%\n" in out
    # typed as it reads, it is the KPI (a diagnosis can give its baseline)
    assert run("goal", "add", "Repeat", "--metric", "repurchase rate", "--baseline", "30", "--target", "40")[0] == 0
    assert '"metric":"repurchase_rate"' in run("goal", "show", "G-3", "--json")[1]


def test_a_metric_may_be_typed_by_its_chinese_name(run, monkeypatch) -> None:
    """`--metric 复购率` is the KPI repurchase_rate (its baseline can come from a diagnosis), as
    `task move T-6 进行中` is the status doing; a name of the lead's own is kept as typed."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("goal", "add", "提高复购", "--metric", "复购率", "--baseline", "30", "--target", "40") == (0, "G-1\n", "")
    assert run("goal", "add", "客户满意", "--metric", "满意度", "--baseline", "7", "--target", "8")[0] == 0
    assert run("goal", "edit", "G-2", "--metric", "赢单率")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert "  metric    repurchase rate (%)\n" in run("goal", "show", "G-1")[1]
    assert "  metric    win rate (%)\n" in run("goal", "show", "G-2")[1]  # (a rate reads in %, edited into one too)
    assert run("goal", "edit", "G-2", "--metric", "满意度")[0] == 0
    assert "  metric    满意度\n" in run("goal", "show", "G-2")[1]


def test_a_share_or_roi_goal_reads_in_words_too(run, monkeypatch) -> None:
    assert run("goal", "add", "Central", "--metric", "revenue_share", "--baseline", "16", "--target", "26")[0] == 0
    assert run("goal", "add", "Furniture", "--metric", "roi", "--baseline", "0.03", "--target", "0.21")[0] == 0
    assert "  metric    revenue share (%)\n" in run("goal", "show", "G-1")[1]
    assert "  metric    ROI\n" in run("goal", "show", "G-2")[1]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert "  指标      收入占比（%）\n" in run("goal", "show", "G-1")[1]
