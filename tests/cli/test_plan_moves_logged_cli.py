"""A plan file that moves a task to Done (and says when: `done_at`) or a deal to another stage
(its history) makes the move the board makes: logged as `task done` and `deal move` log theirs,
so the feed says "moved", not "changed" (the status and its moment were logged as an edit)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone


def _newest(run, item: str) -> dict:
    return next(r for r in json.loads(run("log", "--json")[1]) if r["item"] == item)


def _import(run, tmp_path, user: str, change) -> None:
    plan = tmp_path / f"{user}.yaml"
    assert run("plan", "export", "-o", str(plan), user=user)[0] == 0
    text = plan.read_text()
    changed = change(text)
    assert changed != text
    plan.write_text(changed)
    code, _, err = run("plan", "import", str(plan), user=user)
    assert (code, err) == (0, ""), err


def test_a_task_done_in_a_plan_file_with_when_is_logged_as_the_move(run, tmp_path) -> None:
    assert run("task", "done", "T-2", user="bea")[0] == 0  # (the board's own move, to compare)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    task = "  title: Call Acme\n  owner: ali\n  status: todo\n"
    _import(run, tmp_path, "ali", lambda text: text.replace(
        task, task.replace("todo", f"done\n  done_at: '{now:%Y-%m-%dT%H:%M:%SZ}'")))
    by_file, by_board = _newest(run, "T-1"), _newest(run, "T-2")
    assert (by_file["action"], by_board["action"]) == ("task.move", "task.move")
    assert (by_file["before"]["status"], by_file["after"]["status"]) == ("todo", "done")
    assert by_file["after"]["done_at"].startswith(now.strftime("%Y-%m-%dT%H:%M"))
    feed = run("log", "--item", "T-1")[1]
    assert "moved T-1 from To do to Done" in feed and "changed T-1" not in feed


def test_a_lead_dating_a_task_done_in_a_plan_file_is_the_move_too(run, tmp_path) -> None:
    day = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=6)
    task = "  title: Visit Betasoloin\n  owner: bea\n  status: todo\n"
    _import(run, tmp_path, "dana", lambda text: text.replace(
        task, task.replace("todo", f"done\n  done_at: '{day:%Y-%m-%dT%H:%M:%SZ}'")))
    assert _newest(run, "T-2")["action"] == "task.move"
    # a change besides the move is an edit, as `task edit` makes it
    _import(run, tmp_path, "dana", lambda text: text.replace("title: Call Acme\n", "title: Call Acme back\n")
            .replace("  owner: ali\n  status: todo\n", "  owner: ali\n  status: done\n", 1))
    assert _newest(run, "T-1")["action"] == "task.edit"


def test_a_deal_moved_in_a_plan_file_is_logged_as_deal_move(run, tmp_path) -> None:
    assert run("deal", "add", "Acme renewal", "--owner", "ali", "--value", "100")[0] == 0
    _import(run, tmp_path, "ali", lambda text: text.replace("  stage: Lead\n", "  stage: Qualified\n", 1))
    moved = _newest(run, "D-1")
    assert moved["action"] == "deal.move"
    assert (moved["before"]["stage"], moved["after"]["stage"]) == ("Lead", "Qualified")
    assert "moved D-1 from Lead to Qualified" in run("log", "--item", "D-1")[1]


def test_a_deal_moved_to_a_won_stage_the_file_brings_is_logged_as_deal_move(run, tmp_path) -> None:
    # the move is judged against the pipeline the import leaves (the file's stages: Won renamed Signed),
    # not the board's
    assert run("deal", "add", "Acme renewal", "--owner", "ali", "--value", "100")[0] == 0
    won = "- name: Won\n  probability: 100\n  outcome: won\n"
    signed = "- name: Signed\n  probability: 100\n  outcome: won\n"
    _import(run, tmp_path, "dana", lambda text: text.replace(won, signed)
            .replace("  stage: Lead\n", "  stage: Signed\n", 1))
    moved = _newest(run, "D-1")
    assert (moved["before"]["stage"], moved["after"]["stage"]) == ("Lead", "Signed")
    assert moved["after"]["close"]  # (won without a close date: it closed today, as `deal move` closes it)
    assert moved["action"] == "deal.move"
    assert "moved D-1 from Lead to Signed" in run("log", "--item", "D-1")[1]
