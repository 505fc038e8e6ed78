"""`--json` on the commands that change a task or a deal (`task add`, `edit`, `move`, `done`,
`comment`; `deal add`, `edit`, `move`): a script gets the item back as `task show --json` or
`deal show --json` prints it, on stdout alone, rather than an id or an arrow to parse."""

import json
from datetime import date, timedelta

from store.board import Board


def _json(result):
    code, out, err = result
    assert code == 0, err
    return json.loads(out)


def test_task_add_json_is_task_show_json(run):
    added = _json(run("task", "add", "Call Globex", "--due", "2026-12-20", "--tags", "call", "--json", user="ali"))
    assert added["task"]["id"] == "T-3" and added["task"]["owner"] == "ali"
    assert added["task"]["due"] == "2026-12-20" and added["task"]["tags"] == ["call"]
    assert added == _json(run("task", "show", "T-3", "--json", user="ali"))


def test_task_edit_comment_move_done_json(run):
    edited = _json(run("task", "edit", "T-1", "--priority", "high", "--json", user="ali"))
    assert edited["task"]["priority"] == "high" and edited["next"] is None
    commented = _json(run("task", "comment", "T-1", "Left", "a", "voicemail", "--json", user="ali"))
    assert [c["text"] for c in commented["task"]["comments"]] == ["Left a voicemail"]
    moved = _json(run("task", "move", "T-1", "doing", "--json", user="ali"))
    assert moved["task"]["status"] == "doing" and moved["next"] is None
    done = _json(run("task", "done", "T-1", "--json", user="ali"))
    assert done["task"]["status"] == "done"
    assert any(r["action"] == "task.move" and (r["after"] or {}).get("status") == "done" for r in done["history"])
    again = _json(run("task", "done", "T-1", "--json", user="ali"))  # (already done: the task as it is)
    assert again["task"]["status"] == "done"


def test_task_done_json_names_the_next_occurrence(run, team):
    today = Board(team, actor="dana").today()
    assert run("task", "add", "Weekly pipeline call", "--due", str(today), "--every", "week", user="ali")[0] == 0
    code, out, err = run("task", "done", "T-3", "--json", user="ali")
    assert code == 0 and err == ""
    done = json.loads(out)  # (the "next:" line a person reads is not on stdout)
    assert done["task"]["status"] == "done"
    assert done["next"]["id"] == "T-4" and done["next"]["due"] == str(today + timedelta(days=7))


def test_deal_add_edit_move_json_is_deal_show_json(run):
    added = _json(run("deal", "add", "Acme renewal", "--account", "Acme", "--value", "12k", "--json", user="ali"))
    deal_id = added["deal"]["id"]
    assert added["deal"]["value"] == 12000 and added["deal"]["owner"] == "ali" and added["paid"] == 0
    assert added == _json(run("deal", "show", deal_id, "--json", user="ali"))
    edited = _json(run("deal", "edit", deal_id, "--value", "15000", "--json", user="ali"))
    assert edited["deal"]["value"] == 15000
    lost = next(s["stage"] for s in _json(run("funnel", "--json"))["stages"] if s["outcome"] == "lost")
    code, out, err = run("deal", "move", deal_id, lost, "--reason", "price", "--json", user="ali")
    assert code == 0 and err == ""
    moved = json.loads(out)
    assert moved["deal"]["stage"] == lost and moved["deal"]["lost_reason"] == "price"


def test_deal_move_json_keeps_its_note_on_stderr(run):
    deal_id = _json(run("deal", "add", "Acme renewal", "--json", user="ali"))["deal"]["id"]
    lost = next(s["stage"] for s in _json(run("funnel", "--json"))["stages"] if s["outcome"] == "lost")
    code, out, err = run("deal", "move", deal_id, lost, "--json", user="ali")
    assert code == 0 and json.loads(out)["deal"]["stage"] == lost
    assert "lost with no reason given" in err


def test_a_refused_change_prints_no_json(run):
    code, out, err = run("task", "done", "T-9", "--json", user="ali")
    assert code == 1 and out == "" and "T-9" in err


def test_task_step_and_tick_json(run):
    stepped = _json(run("task", "step", "T-1", "Call", "the", "buyer", "--json", user="ali"))
    assert [(s["text"], s["done"]) for s in stepped["task"]["steps"]] == [("Call the buyer", False)]
    ticked = _json(run("task", "tick", "T-1", "1", "--json", user="ali"))
    assert [(s["text"], s["done"]) for s in ticked["task"]["steps"]] == [("Call the buyer", True)]


def test_deal_paid_json(run):
    deal_id = _json(run("deal", "add", "Acme renewal", "--value", "30000", "--owner", "ali", "--json"))["deal"]["id"]
    won = next(s["stage"] for s in _json(run("funnel", "--json"))["stages"] if s["outcome"] == "won")
    assert run("deal", "move", deal_id, won)[0] == 0
    paid = _json(run("deal", "paid", deal_id, "12k", "--note", "INV-7", "--json"))
    assert paid["paid"] == 12000 and [p["amount"] for p in paid["deal"]["payments"]] == [12000]
