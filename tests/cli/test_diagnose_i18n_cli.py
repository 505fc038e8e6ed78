"""A sales or deals file the command line cannot read is said in the interface's language
(UPLIFT_LANG=zh), naming the file, the column and the row as the English does; nothing is kept."""

from __future__ import annotations

from pathlib import Path

import pytest


def written(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def sales_lines(bad_at: int) -> tuple[list[str], int]:
    """A sales file whose amount cannot be read on one line, and that line's row (the header is row 1)."""
    lines = ["Order Date,Region,Amount"] + [f"2024-01-{day:02d},North,{day * 10}" for day in range(1, 9)]
    lines.insert(bad_at, "2024-01-20,South,twelve")
    return lines, lines.index("2024-01-20,South,twelve") + 1


@pytest.mark.parametrize("bad_at", [1, 6])
def test_an_unreadable_amount_is_said_in_chinese_with_its_file_column_and_row(run, team, tmp_path, monkeypatch,
                                                                              bad_at) -> None:
    lines, row = sales_lines(bad_at)
    path = written(tmp_path / "sales.csv", lines)
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("diagnose", path)
    assert (code, out) == (2, "")
    assert err == f"uplift: sales.csv，列 'Amount'，第 {row} 行：无法将 'twelve' 读作数字（未保存任何内容）\n"
    assert not (team / "diagnosis.json").exists() or "X-1" not in (team / "diagnosis.json").read_text()
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("diagnose", path)[2] == (f"uplift: sales.csv, column 'Amount', row {row}: cannot read 'twelve' "
                                        f"as a number (nothing was saved)\n")


def test_a_missing_required_column_is_said_in_chinese_with_the_fix(run, tmp_path, monkeypatch) -> None:
    path = written(tmp_path / "no-date.csv", ["Region,Amount", "North,10"])
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("diagnose", path, "--no-save")
    assert code == 2
    assert err == ("uplift: no-date.csv：缺少必需的列：日期列（订单 / 发票 / 成交日期）；现有的列为 'Region', 'Amount'；"
                   "请用 --map COLUMN=date 指定一列（未保存任何内容）\n")
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("diagnose", path, "--no-save")[2] == (
        "uplift: no-date.csv: missing required column: a date column (order / invoice / close date); columns are "
        "'Region', 'Amount'; name one with --map COLUMN=date (nothing was saved)\n")


def test_an_empty_file_and_a_bad_mapping_are_said_in_chinese(run, tmp_path, monkeypatch) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = written(tmp_path / "header.csv", ["Order Date,Region,Amount"])
    sales = written(tmp_path / "sales.csv", sales_lines(3)[0])
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("diagnose", empty, "--no-save") == (2, "", "uplift: empty.csv：空文件（没有表头，也没有数据行）（未保存任何内容）\n")
    assert run("diagnose", header_only, "--no-save")[2] == "uplift: header.csv：空文件：只有表头，没有数据行（未保存任何内容）\n"
    assert run("diagnose", sales, "--map", "Total=amount", "--no-save")[2] == (
        "uplift: --map Total=amount：没有列 'Total'（现有的列：Order Date, Region, Amount）（未保存任何内容）\n")
    assert run("diagnose", sales, "--map", "Amount=price", "--no-save")[2].startswith(
        "uplift: --map Amount=price：未知的字段 'price'（已知：order_id, date,")


def test_a_date_read_the_wrong_way_says_how_it_was_read_in_chinese(run, tmp_path, monkeypatch) -> None:
    path = written(tmp_path / "dates.csv", ["Order Date,Amount", "25/01/2024,10", "02/13/2024,20"])
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("diagnose", path, "--no-save")[2] == (
        "uplift: dates.csv，列 'Order Date'，第 3 行：无法将 '02/13/2024' 读作日期"
        "（日在前（DD/MM）：'25/01/2024' 的第一部分大于 12）（未保存任何内容）\n")


def test_a_bad_row_of_a_deals_file_is_said_in_chinese_and_nothing_is_imported(run, team, tmp_path, monkeypatch) -> None:
    lines = ["title,account,value", "Renewal,Acme,100", "Upsell,Birch,200,oops", "New,Cedar,300"]
    path = written(tmp_path / "deals.csv", lines)
    row = lines.index("Upsell,Birch,200,oops") + 1
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("deal", "import", path) == (2, "", f"uplift: {path}：第 {row} 行：有 4 个单元格，但表头只有 3 列\n")
    quote = written(tmp_path / "quote.csv", ["title,account,value", 'Renewal,"Acme,100', "New,Cedar,300"])
    assert run("deal", "import", quote)[2] == f"uplift: {quote}：第 2 行：引号（\"）没有闭合\n"
    assert run("deal", "import", tmp_path / "none.csv")[2] == f"uplift: {tmp_path / 'none.csv'}：没有这个文件\n"
    assert run("deal", "list", "--json")[1].strip() == "[]"
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("deal", "import", path)[2] == f"uplift: {path}: row {row}: 4 cells, but the header has 3 columns\n"


def test_how_the_file_was_read_is_said_in_chinese_now_and_from_the_kept_diagnosis(run, team, tmp_path,
                                                                                 monkeypatch) -> None:
    """The Mapping lines (which column became which field and why, how the dates were read) are
    said in the reader's language: in the report as it runs, and from the kept diagnosis later,
    whichever language wrote it; a diagnosis kept before their templates were kept says them as
    written."""
    import json

    path = written(tmp_path / "sales.csv", ["Order Date,Region,Amount,Colour", "13/01/2024,North,10,red",
                                            "14/01/2024,South,20,blue"])
    code, out, err = run("diagnose", path)  # kept in English
    assert code == 0, err
    assert "  'Order Date' -> date (order / invoice / close date; guessed from the header)" in out.splitlines()
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("diagnosis", "show")
    assert code == 0, err
    lines = out.splitlines()
    assert "列映射" in lines
    assert "  'Order Date' -> date（订单 / 发票 / 成交日期；根据表头推断）" in lines
    assert "  忽略的列：'Colour'" in lines
    assert "  'Order Date' 中的日期：日在前（DD/MM）：'13/01/2024' 的第一部分大于 12" in lines
    assert not any("guessed" in line or "ignored" in line for line in lines)

    kept = json.loads((team / "diagnosis.json").read_text(encoding="utf-8"))
    for snapshot in kept["snapshots"].values():
        del snapshot["diagnosis"]["source"]["said"]  # as an earlier version kept it
    (team / "diagnosis.json").write_text(json.dumps(kept), encoding="utf-8")
    lines = run("diagnosis", "show")[1].splitlines()
    assert "  'Order Date' -> date (order / invoice / close date; guessed from the header)" in lines
    assert "  'Order Date' 中的日期：day-first (DD/MM): '13/01/2024' has a first part above 12" in lines


@pytest.mark.parametrize("title", [["Sales report Q1 2026", "Exported 2026-04-01,,", ""],  # as typed
                                   ["Sales report Q1 2026,,,", ",,,"]])  # as Excel saves a sheet
def test_a_title_above_the_column_names_is_refused_naming_the_row_they_start_on(run, team, tmp_path, monkeypatch,
                                                                                  title) -> None:
    """A report's title above the header was read as the header ("no delimiter found in the
    header", or "missing required column ... columns are 'Sales report Q1 2026', 'Unnamed: 1'")."""
    path = written(tmp_path / "report.csv", title + ["Order,Date,Amount,Customer", "O1,2026-01-05,10,Acme"])
    before = sorted(p.name for p in team.rglob("*"))
    code, out, err = run("diagnose", path)
    start = len(title) + 1
    assert (code, out) == (2, "")
    assert err == (f"uplift: report.csv, row 1: not the column names ('Sales report Q1 2026'): they seem to start on "
                   f"row {start} (Order, Date, Amount, Customer); delete the rows above them, so that the column "
                   f"names come first (nothing was saved)\n")
    assert sorted(p.name for p in team.rglob("*")) == before
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("diagnose", path)[2] == (
        f"uplift: report.csv，第 1 行：不是列名（'Sales report Q1 2026'）：列名似乎从第 {start} 行开始"
        f"（Order, Date, Amount, Customer）；请删除其上方的行，让列名位于第一行（未保存任何内容）\n")


def test_a_workbook_with_a_title_above_the_column_names_is_refused_the_same_way(run, tmp_path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["Quarterly export"], [], ["Order", "Date", "Customer", "Product", "Amount"],
                ["O1", "2026-01-05", "Acme", "Widget", 10]):
        book.active.append(row)
    book.save(tmp_path / "export.xlsx")
    code, out, err = run("diagnose", tmp_path / "export.xlsx", "--no-save")
    assert (code, out) == (2, "")
    assert err == ("uplift: export.xlsx, row 1: not the column names ('Quarterly export'): they seem to start on "
                   "row 3 (Order, Date, Customer, Product, …); delete the rows above them, so that the column "
                   "names come first (nothing was saved)\n")


def test_a_one_line_title_and_prose_are_still_no_table(run, tmp_path) -> None:
    code, _, err = run("diagnose", written(tmp_path / "notes.csv", ["Dear team", "please find it attached"]), "--no-save")
    assert code == 2 and "does not look like a table" in err


def test_a_file_with_no_sales_left_says_why_by_reason_in_chinese(run, tmp_path, monkeypatch) -> None:
    """The reasons went into the message in English, counted as "2 open deal (...)"; and a row
    of empty cells, whose empty stage reads as open, was counted as an open deal."""
    path = written(tmp_path / "pipeline.csv", ["Date,Amount,Stage", "2026-01-01,5,Prospecting", ",,",
                                               "2026-01-02,-3,Won"])
    code, out, err = run("diagnose", path, "--no-save")
    assert (code, out) == (2, "")
    assert err == ("uplift: pipeline.csv: no sales rows left after dropping: empty row (no value in any column "
                   "read): 1; open deal (neither won nor lost yet): 1; cancellation or return (invoice 'C...', "
                   "negative quantity or amount): 1 (nothing was saved)\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("diagnose", path, "--no-save")[2] == (
        "uplift: pipeline.csv：剔除后没有剩下销售行：空行（读取的各列均无值）：1；未结商机（既未赢单也未输单）：1；"
        "取消或退货（发票号 'C...'，数量或金额为负）：1（未保存任何内容）\n")


def test_lost_deals_are_called_as_the_pipeline_calls_them(run, tmp_path, monkeypatch) -> None:
    """A lost deal is 输单 throughout (the stage, the funnel, the review), not 丢单 in the diagnosis."""
    path = written(tmp_path / "deals.csv", ["日期,区域,销售额,阶段", "2024-01-02,华北,100,Won", "2024-01-03,华北,200,Won",
                                            "2024-01-04,华南,300,Lost"])
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("diagnose", path, "--no-save")
    assert code == 0 and "（赢单 2，输单 1）" in out and "丢单" not in out
