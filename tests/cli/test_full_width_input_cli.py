"""Numbers, dates and lists typed with a Chinese input method: full-width digits and dashes
(`１２０００`, `２０２６－１２－０１`), a full-width comma in an amount (`12，000`), a day written the
Chinese way (`2026年12月1日`), `元` and `¥` on an amount, and Chinese commas between the items of a
list (`重点客户，第四季度`, `T-1、T-2`) read as a person means them."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files


def _task(run, task_id: str) -> dict:
    return json.loads(run("task", "show", task_id, "--json")[1])["task"]


def _deal(run, deal_id: str) -> dict:
    return json.loads(run("deal", "show", deal_id, "--json")[1])["deal"]


def test_full_width_dates_and_a_chinese_day_are_read_as_the_day(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("task", "add", "拜访客户", "--due", "２０２６－１２－０１") == (0, "T-3\n", "")
    assert run("task", "add", "寄送报价", "--due", "2026年12月9日") == (0, "T-4\n", "")
    assert run("task", "add", "回访", "--due", "2027 年 1 月 5 号", "--start", "２０２６-１２-２０") == (0, "T-5\n", "")
    assert [_task(run, t)["due"] for t in ("T-3", "T-4", "T-5")] == ["2026-12-01", "2026-12-09", "2027-01-05"]
    assert _task(run, "T-5")["start"] == "2026-12-20"


def test_full_width_amounts_are_read_as_the_amount(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    for value in ("１２０００", "12，000", "1.2万元", "￥１２０００", "１２ｋ", "1。2万"):
        code, out, err = run("deal", "add", "极地科技续约", "--value", value, "--owner", "ali")
        assert (code, err) == (0, ""), value
        assert _deal(run, out.strip())["value"] == 12000, value


def test_chinese_commas_separate_tags_and_dependencies(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("task", "add", "季度回顾", "--tags", "重点客户，第四季度、电话", "--depends", "T-1，T-2")[0] == 0
    task = _task(run, "T-3")
    assert (task["tags"], task["depends"]) == (["重点客户", "第四季度", "电话"], ["T-1", "T-2"])


def test_a_full_width_text_that_is_no_date_is_still_refused_as_typed(run, board_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    before = snapshot_files(board_path)
    assert run("task", "add", "拜访", "--due", "２０２６－１３－０１") == (
        2, "", "uplift: due: '2026-13-01' 不是日期：月份为 01 到 12\n")
    assert run("task", "add", "拜访", "--due", "十二月一日")[0] == 2
    assert run("deal", "add", "续约", "--value", "一万二", "--owner", "ali") == (
        2, "", "uplift: value: '一万二' 不是数字（如 1200000、1.2M、250k、31.5）\n")
    assert snapshot_files(board_path) == before


def test_a_plan_files_full_width_or_chinese_date_is_refused_with_the_day_it_means(run, board_path, tmp_path,
                                                                                  monkeypatch) -> None:
    """A plan file keeps YYYY-MM-DD (scripts write it), so such a date is refused, naming the day to write."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- title: 新任务\n  due: ２０２６－１２－２０\n- title: 二\n  due: 2026年1月5日\n",
                    encoding="utf-8")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    before = snapshot_files(board_path)
    code, out, err = run("plan", "import", plan)
    assert (code, out) == (2, "")
    assert f"{plan}:3: tasks[0].due: '２０２６－１２－２０' 不是日期：请写成 YYYY-MM-DD（2026-12-20）\n" in err
    assert f"{plan}:5: tasks[1].due: '2026年1月5日' 不是日期：请写成 YYYY-MM-DD（2026-01-05）\n" in err
    assert snapshot_files(board_path) == before
