"""Closing a deal (won or lost) on the command line: its open follow-ups are named, or marked
done with it (`--close-tasks`, one change); a lost reason keeps the board's spelling."""

from __future__ import annotations

from store.board import Board


def _deal_with_tasks(run) -> list[str]:
    """D-1, ali's, in Lead, with two open tasks of ali's (Call, Send quote) and a done one
    (Intro); their ids."""
    assert run("deal", "add", "Acme renewal", "--owner", "ali", "--value", "1000")[0] == 0
    ids = [run("task", "add", title, "--deal", "D-1", "--owner", "ali")[1].strip()
           for title in ("Call", "Send quote", "Intro")]
    assert run("task", "done", ids[2])[0] == 0
    return ids


def _statuses(team, ids) -> list[str]:
    return [Board(team, actor="dana").task(i).status for i in ids]


def test_a_lost_deal_names_its_open_tasks_and_leaves_them(team, run) -> None:
    call, quote, intro = ids = _deal_with_tasks(run)
    code, out, err = run("deal", "move", "D-1", "lost", "--reason", "price", user="ali")
    assert code == 0 and out == "D-1 → Lost (price)\n"
    assert f"D-1 still has open tasks: {call} Call, {quote} Send quote;" in err
    assert f"uplift task done {call} {quote}`" in err and intro not in err
    assert _statuses(team, ids) == ["todo", "todo", "done"]


def test_close_tasks_marks_them_done_with_the_win_in_one_undoable_change(team, run) -> None:
    call, quote, _intro = ids = _deal_with_tasks(run)
    code, out, err = run("deal", "move", "D-1", "won", "--close-tasks", user="ali")
    assert (code, err) == (0, "")
    assert out == f"D-1 → Won\ndone: {call} Call, {quote} Send quote\n"
    assert _statuses(team, ids) == ["done", "done", "done"]
    deal = Board(team, actor="dana").deal("D-1")
    assert [h.stage for h in deal.history] == ["Lead", "Won"]  # straight there, no stage between
    assert run("undo", user="ali")[0] == 0
    assert _statuses(team, ids) == ["todo", "todo", "done"]
    assert Board(team, actor="dana").deal("D-1").stage == "Lead"


def test_close_tasks_is_refused_whole_when_a_task_is_not_the_movers(team, run) -> None:
    ids = _deal_with_tasks(run)
    beas = run("task", "add", "Bea's call", "--deal", "D-1", "--owner", "bea")[1].strip()
    code, _, err = run("deal", "move", "D-1", "lost", "--close-tasks", user="ali")
    assert code == 1 and f"{beas}: " in err
    assert Board(team, actor="dana").deal("D-1").stage == "Lead"
    assert _statuses(team, ids) == ["todo", "todo", "done"]


def test_close_tasks_with_an_open_stage_is_bad_usage(team, run) -> None:
    _deal_with_tasks(run)
    code, out, err = run("deal", "move", "D-1", "Qualified", "--close-tasks", user="ali")
    assert (code, out) == (2, "") and "--close-tasks" in err
    assert Board(team, actor="dana").deal("D-1").stage == "Lead"


def test_a_lost_reason_takes_the_spelling_the_board_has_and_a_new_one_is_said(team, run) -> None:
    for title in ("A", "B", "C"):
        assert run("deal", "add", title)[0] == 0
    # the board's first reason: none to name yet, nor the usual ones to match (a team's own words)
    assert run("deal", "move", "D-1", "lost", "--reason", "Went with a competitor")[::2] == (0, "")
    code, out, err = run("deal", "move", "D-2", "lost", "--reason", "  went WITH a  competitor ")
    assert (code, out, err) == (0, "D-2 → Lost (Went with a competitor)\n", "")
    code, out, err = run("deal", "move", "D-3", "lost", "--reason", "competitor pricing")
    assert code == 0 and out == "D-3 → Lost (competitor pricing)\n"
    assert "'competitor pricing' is a new lost reason; reasons so far: Went with a competitor\n" in err
    reasons = [d.lost_reason for d in Board(team, actor="dana").deals()]
    assert sorted(reasons) == ["Went with a competitor", "Went with a competitor", "competitor pricing"]
