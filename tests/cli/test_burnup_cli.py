"""`uplift burnup`: week by week the tasks and those done, the even pace, and when the open ones
are done at the last two weeks' pace; --mine / --owner; --json; in Chinese."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from store.board import Board


@pytest.fixture
def worked(team):
    """A cycle of 30 days that began 14 days ago on the team board (two tasks, ali's and bea's):
    six tasks more on its first day; on day 7 two are done, on day 10 one more (ali's T-1)."""
    now = datetime.now().astimezone()
    begun = now.date() - timedelta(days=14)
    moment = [datetime.combine(begun, datetime.min.time(), now.tzinfo) + timedelta(hours=9)]
    lead = Board(team, actor="dana", clock=lambda: moment[0])
    lead.set_plan_info("Thirty days", begun, begun + timedelta(days=29))
    for n in range(6):
        lead.add_task(f"More work {n}")
    moment[0] += timedelta(days=7)
    lead.move_task("T-3", "done")
    lead.move_task("T-4", "done")
    moment[0] += timedelta(days=3)
    lead.move_task("T-1", "done")
    return begun


def test_the_weeks_the_summary_and_when_the_open_tasks_are_done(run, worked) -> None:
    code, out, err = run("burnup")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"Burn-up {worked} to {worked + timedelta(days=29)}: day 15 of 30"
    rows = [line.split() for line in lines[3:6]]
    # even pace: 8 tasks x (days so far / 30), rounded
    assert rows == [[str(worked), "8", "0", "8", "0"],
                    [str(worked + timedelta(days=7)), "8", "2", "6", "2"],
                    [str(worked + timedelta(days=14)), "8", "3", "5", "4"]]
    # 3 done in the last 14 days (none on day 0): 3/14 a day; 5 open take ceil(5 / (3/14)) = 24 days
    done_by = worked + timedelta(days=14 + 24)
    assert lines[-2] == "8 tasks, 3 done (38%), 5 open. At an even pace 4 would be done by now."
    assert lines[-1] == (f"At the last 14 days' pace (0.2 a day), the open tasks are done by {done_by}, "
                         f"9 days after the cycle ends.")


def test_one_persons_burn_up_and_the_json(run, worked) -> None:
    code, out, _ = run("burnup", "--mine", user="ali")
    assert code == 0 and out.splitlines()[0].endswith("· ali's tasks")
    assert "1 task, 1 done (100%), 0 open." in out and "Every task is done." in out
    code, out, _ = run("burnup", "--owner", "bea", "--json")
    data = json.loads(out)
    assert (data["owner"], data["cycle"], len(data["days"])) == ("bea", True, 15)
    assert data["days"][-1] == {"day": str(worked + timedelta(days=14)), "scope": 1, "done": 0, "open": 1,
                                "even_pace": 0.5}
    assert data["done_by"] is None and data["pace_per_day"] == 0


def test_an_empty_owner_is_everyones_as_in_task_list(run, worked) -> None:
    assert run("burnup", "--owner", "")[1] == run("burnup")[1]


def test_bad_options(run, worked) -> None:
    code, out, err = run("burnup", "--mine", "--owner", "ali")
    assert (code, out) == (2, "") and "give --mine or --owner, not both" in err
    code, _, err = run("burnup", "--owner", "zed")
    assert code == 1 and "--owner zed" in err


def test_said_in_chinese(run, worked, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("burnup")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[2].split() == ["周起始", "任务", "完成", "未完成", "均匀进度"]
    assert lines[-2] == "共 8 个任务，已完成 3 个（38%），未完成 5 个。按均匀进度，现在应完成 4 个。"
    assert lines[-1].startswith("按最近 14 天的进度（每天 0.2 个），未完成的任务将在 ")


def test_the_cycle_says_when_the_open_tasks_are_done(run, worked) -> None:
    code, out, err = run("cycle")
    assert code == 0, err
    done_by = worked + timedelta(days=14 + 24)
    assert (f"  At the last 14 days' pace (0.2 a day), the open tasks are done by {done_by}, "
            f"9 days after the cycle ends.") in out.splitlines()
    plan = json.loads(run("cycle", "--json")[1])["plan"]
    assert (plan["pace"], plan["pace_days"], plan["done_by"], plan["over"]) == (3 / 14, 14, str(done_by), False)


def test_the_first_days_of_a_cycle_and_one_yet_to_begin(run, team) -> None:
    """On a cycle's first day there is no day before to take a pace from, and on its second the
    pace is today's: each is said so ("the last 0 days", "the last 1 days' pace" were said). A
    cycle that begins later is named as such, not as a board without cycle dates."""
    today = Board(team, actor="dana").today()
    run("plan", "info", "--start", str(today), "--end", str(today + timedelta(days=29)))
    code, out, _ = run("burnup")
    assert code == 0 and out.splitlines()[-1] == (
        "The cycle began today: there is no pace yet to say when the open tasks will be done.")
    run("plan", "info", "--start", str(today - timedelta(days=1)), "--end", str(today + timedelta(days=28)))
    code, out, _ = run("burnup")
    assert out.splitlines()[-1] == "Nothing was done today: there is no pace yet to say when the open tasks will be done."
    run("task", "done", "T-1")  # 1 done today, 1 open: done tomorrow at 1 a day, 27 days before the cycle's end
    code, out, _ = run("burnup")
    assert out.splitlines()[-1] == (f"At today's pace (1.0 a day), the open tasks are done by {today + timedelta(days=1)}, "
                                    "27 days before the cycle ends.")
    run("plan", "info", "--start", str(today + timedelta(days=3)), "--end", str(today + timedelta(days=90)))
    code, out, _ = run("burnup")
    assert out.splitlines()[0] == f"Burn-up of the last 8 weeks (the cycle begins on {today + timedelta(days=3)})"


def test_the_first_days_of_a_cycle_in_chinese(run, team, monkeypatch) -> None:
    today = Board(team, actor="dana").today()
    run("plan", "info", "--start", str(today - timedelta(days=1)), "--end", str(today + timedelta(days=28)))
    run("task", "done", "T-1")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("burnup")
    assert out.splitlines()[-1] == (f"按今天的进度（每天 1.0 个），未完成的任务将在 {today + timedelta(days=1)} 完成，"
                                    "比周期结束早 27 天。")
    run("plan", "info", "--start", str(today + timedelta(days=3)), "--end", str(today + timedelta(days=90)))
    code, out, _ = run("burnup")
    assert out.splitlines()[0] == f"最近 8 周的燃起图（周期从 {today + timedelta(days=3)} 开始）"


def test_a_task_done_in_taskwarrior_counts_done_from_its_end_not_the_day_it_came_back(run, team, tmp_path) -> None:
    """Imported open, done in taskwarrior on day 3, the list imported again on day 8: the
    burn-up has it done from day 3 (it had it done only from day 8, the import's day)."""
    import json as json_

    now = datetime.now().astimezone()
    begun = now.date() - timedelta(days=10)
    moment = [datetime.combine(begun, datetime.min.time(), now.tzinfo) + timedelta(hours=9)]
    lead = Board(team, actor="dana", clock=lambda: moment[0])
    lead.set_plan_info("Ten days", begun, begun + timedelta(days=29))
    item = {"uuid": "u1", "description": "Send the quote", "status": "pending"}
    path = tmp_path / "tasks.json"
    path.write_text(json_.dumps([item]), encoding="utf-8")
    lead.import_tasks(path)
    ended = datetime.combine(begun + timedelta(days=3), datetime.min.time(), now.tzinfo) + timedelta(hours=12)
    path.write_text(json_.dumps([{**item, "status": "completed",
                                  "end": ended.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")}]), encoding="utf-8")
    moment[0] += timedelta(days=8)
    lead.import_tasks(path)
    days = json.loads(run("burnup", "--json")[1])["days"]
    assert [(d["day"], d["done"]) for d in days[2:5]] == [(str(begun + timedelta(days=2)), 0),
                                                          (str(begun + timedelta(days=3)), 1),
                                                          (str(begun + timedelta(days=4)), 1)]
    assert days[-1]["done"] == 1 and days[0]["scope"] == 3
