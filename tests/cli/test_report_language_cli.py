"""`uplift diagnose`'s report is said in the interface's language, columns aligned by terminal
cells; the English report is unchanged."""

from __future__ import annotations

from sales.text import display_width


def sales_file(tmp_path):
    """Three reps (one with a Chinese name) over four months; one row has no date."""
    rows = ["order,date,customer,amount,rep",
            "O-1,2026-01-15,Cust 1,600,A", "O-2,2026-02-15,Cust 2,400,A", "O-3,2026-03-15,Cust 3,1000,王芳",
            "O-4,2026-04-15,Cust 4,100,C", "O-5,,Cust 5,50,C"]
    path = tmp_path / "sales.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_report_is_said_in_chinese_with_its_columns_aligned(run, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    path = sales_file(tmp_path)
    code, out, err = run("diagnose", "--no-save", path)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"诊断：{path}"
    assert lines[1] == "  2026-01-15 至 2026-04-15，按月；使用了 5 行中的 4 行"
    assert "列映射" in lines and "全部数据" in lines and "薄弱环节：没有超过阈值的" in lines
    assert "  收入                 2,100.00" in lines
    assert "  订单                 4   明细行 4   件数 -" in lines
    assert "  平均订单金额         525.00" in lines
    assert "最近几个月（与上月相比的变化）" in lines
    assert lines[lines.index("最近几个月（与上月相比的变化）") + 1].split() == ["收入", "环比", "订单", "新客户数"]
    assert "  2026-01 （不完整）    600        -     1  1 / 1（100.0%）*" in lines
    assert "  2026-02               400   -33.3%     1  1 / 1（100.0%）" in lines
    assert "  * 数据的第一个月：每位客户都是新客户" in lines
    head = lines.index("按销售代表（按收入排名前 3，共 3）") + 1
    assert lines[head].split() == ["收入", "占比", "客单价"]
    rows = lines[head + 1:head + 4]
    assert [row.split() for row in rows] == [["A", "1,000", "47.6%", "500.00"], ["王芳", "1,000", "47.6%", "1,000.00"],
                                             ["C", "100", "4.8%", "100.00"]]
    # each figure ends at the terminal cell its heading ends at, whatever the rep's name
    ends = {display_width(lines[head][:lines[head].index("收入") + 2])}
    assert {display_width(row[:row.index("00 ") + 2]) for row in rows} == ends
    assert lines[-1] == "丢弃的行：无日期：1"
    assert not any(word in out for word in ("Whole data", "Latest months", "By rep", "Weak spots", "Dropped rows"))


def test_the_english_report_is_unchanged(run, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "en")
    path = sales_file(tmp_path)
    code, out, err = run("diagnose", "--no-save", path)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"Diagnosis of {path}"
    assert lines[1] == "  2026-01-15 to 2026-04-15, by month; 4 of 5 rows used"
    assert "  orders               4   lines 4   units -" in lines
    assert "  customers            4   repurchase rate 0.0%   (bought 2+ times: 0)" in lines
    assert "  2026-01 (partial)      600            -       1  1 of 1 (100.0%)*" in lines
    assert "  王芳    1,000  47.6%  1,000.00" in lines
    assert "  C         100   4.8%    100.00" in lines
    assert lines[-1] == "Dropped rows: no date: 1"


def test_a_kept_diagnosis_is_shown_and_listed_in_chinese(run, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("diagnose", sales_file(tmp_path))
    assert code == 0, err
    assert "已保存为 X-1（见 `uplift diagnosis list`）。" in out
    code, out, err = run("diagnosis", "list")
    assert out.splitlines()[0].split() == ["ID", "保存时间", "由", "期间", "日期", "收入", "发现", "文件"]
    code, out, err = run("diagnosis", "show")
    assert out.startswith("X-1，dana 保存于 ")
    assert "全部数据" in out
