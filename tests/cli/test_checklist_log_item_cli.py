"""`log --json` names the checklist a tick is on as `log` says it: the diagnosis checklist's ticks
were logged as `"item": "checklist"`, no id of the list, where the weekly review's and the
end-of-cycle checklist's name theirs ("checklist:weekly 2026-W49"). Now "checklist:diagnosis";
a record an older version wrote reads the same."""

from __future__ import annotations

import json

from tests.cli.conftest import run_uplift


def _items(run) -> list[tuple[str, str]]:
    return [(r["action"], r["item"]) for r in json.loads(run("log", "--json")[1])]


def test_a_diagnosis_checklist_tick_is_named_as_log_says_it(board_path, capsys, monkeypatch) -> None:
    run = run_uplift(board_path, capsys, monkeypatch)
    assert run("member", "add", "dana", "--role", "lead")[0] == 0
    assert run("diagnosis", "checklist", "2")[1] == "ticked 2\n"
    assert _items(run)[0] == ("checklist.tick", "checklist:diagnosis")
    line = run("log")[1].splitlines()[1]
    assert line.endswith("on the diagnosis checklist") and "dana  ticked “" in line
    assert len(run("log", "--item", "checklist:diagnosis")[1].splitlines()) == 2  # (the heading and the tick)
    # an older version's record of it, "item": "checklist", reads the same, in text and in --json
    log = board_path / "log" / "000000001.json"
    data = json.loads(log.read_text(encoding="utf-8-sig"))
    for record in data["activity"].values():
        if record["action"] == "checklist.tick":
            record["item"] = "checklist"
    log.write_text(json.dumps(data), encoding="utf-8")
    assert _items(run)[0] == ("checklist.tick", "checklist:diagnosis")
    assert run("log")[1].splitlines()[1] == line
    assert run("log", "--item", "checklist:diagnosis")[1].splitlines()[1] == line
    assert run("undo")[0] == 0 and run("diagnosis", "checklist", "2")[1] == "ticked 2\n"  # (undone: not ticked)


def test_a_bare_checklist_item_names_every_checklist_and_a_lists_name_its_weeks(run) -> None:
    """`log --item checklist` (the diagnosis checklist's old name) matched nothing once the lists
    were named "checklist:diagnosis" and so on: it names them all, as `checklist:weekly` each week's."""
    assert run("diagnosis", "checklist", "2")[0] == 0
    assert run("weekly", "1")[0] == 0
    assert run("review", "tick", "1")[0] == 0
    assert run("task", "move", "T-1", "doing")[0] == 0  # (not a checklist's)

    def items(*asked: str) -> list[str]:
        return [r["item"] for r in json.loads(run("log", "--json", *asked)[1])]

    every = items("--item", "checklist")
    assert len(every) == 3 and {i.partition(" ")[0] for i in every} == {
        "checklist:diagnosis", "checklist:weekly", "checklist:review"}
    assert [i.partition(" ")[0] for i in items("--item", "checklist:weekly")] == ["checklist:weekly"]
    assert items("--item", "checklist:diagnosis") == ["checklist:diagnosis"]
    assert items("--item", "checklis") == []  # (a name, not any beginning of one)
    assert len(run("log", "--item", "checklist")[1].splitlines()) == 4  # (the heading and the three ticks)
