"""In Chinese (UPLIFT_LANG=zh) the TUI says a plan file's problems and a form's bad date in Chinese."""

from __future__ import annotations

from store.board import Board
from tests.conftest import snapshot_files
from tests.tui.test_plan_files import import_file, shown_text
from tui.app import UpliftApp
from tui.screens.plan_file import PlanProblems

SIZE = (120, 40)


async def test_a_plan_files_problems_are_listed_in_chinese_with_their_lines(team, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- id: T-1\n  title: Call Acme\n  status: finished\n  due: 2026-02-30\n  tags: 3\n")
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await import_file(app, pilot, plan)
        assert isinstance(app.screen, PlanProblems)
        assert shown_text(app, "#problem-lines").splitlines() == [
            f"{plan}:4: tasks[0].status: 'finished' 不在可选值中：todo, doing, blocked, done",
            f"{plan}:5: tasks[0].due: '2026-02-30' 不是日期：2026-02 的日期为 01 到 28",
            f"{plan}:6: tasks[0].tags: 应为列表，实际是数字 3",
        ]
    assert snapshot_files(team) == before


async def test_the_task_forms_bad_date_is_said_in_chinese_next_to_it(team, monkeypatch) -> None:
    from tui.screens.task_form import TaskForm

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.press(*"Something")
        app.screen.query_one("#due").value = "someday"
        app.screen.query_one("#start").value = "1800-01-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TaskForm)
        assert str(app.screen.query_one("#error-due").render()) == (
            "截止：'someday' 不是日期：请用 YYYY-MM-DD、2026年12月31日、31/12/2026、12月25日、12/25、today/今天、tomorrow/明天、3d/3天、-1w/-1周、eow/本周末、eom/月底 或星期几（fri/周五、next fri/下周五）")
        assert str(app.screen.query_one("#error-start").render()) == "开始：1800-01-01 不是 1900 到 2999 年之间的日期"
    assert [t.id for t in Board(team, actor="dana").tasks()] == ["T-1", "T-2"]
