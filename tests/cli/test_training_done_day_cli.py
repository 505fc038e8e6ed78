"""A training item is done once it has happened: `training done` on one dated after today is
refused (exit 1, saying how to reschedule one held early), as is a done item moved into the days
to come or a plan file marking a coming one done (exit 2, the line named); nothing is written."""

from __future__ import annotations

import json
from datetime import date, timedelta

from store.board import Board

COMING = (date.today() + timedelta(days=40)).isoformat()
PAST = (date.today() - timedelta(days=3)).isoformat()


def done(run) -> bool:
    return json.loads(run("training", "list", "--json")[1])[0]["done"]


def test_a_training_still_to_come_is_not_done(team, run) -> None:
    Board(team, actor="dana").add_training("Objection handling", on=COMING)
    assert run("training", "done", "L-1") == (1, "", (
        f"uplift: L-1 is on {COMING}, still to come: a training item is done once it has happened "
        "(held early? reschedule it first: uplift training edit L-1 --on DATE)\n"))
    assert not done(run)
    assert run("training", "edit", "L-1", "--on", PAST)[0] == 0  # held early: its real day, then done
    assert run("training", "done", "L-1")[:2] == (0, "L-1 done\n") and done(run)
    code, _, err = run("training", "edit", "L-1", "--on", COMING)
    assert code == 2 and err.startswith("uplift: on: L-1 is on ") and done(run)
    assert run("training", "done", "L-1", "--undo")[0] == 0 and not done(run)


def test_an_undated_training_may_be_done(team, run) -> None:
    Board(team, actor="dana").add_training("Pricing rules")
    assert run("training", "done", "L-1")[:2] == (0, "L-1 done\n")


def test_a_plan_file_may_not_mark_a_coming_training_done(team, run, tmp_path) -> None:
    Board(team, actor="dana").add_training("Objection handling", on=COMING)
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0
    text = plan.read_text()
    assert "done: false" in text
    plan.write_text(text.replace("done: false", "done: true", 1))
    code, _, err = run("plan", "import", str(plan))
    assert code == 2 and "training[0].done: L-1 is on" in err and "nothing was written" in err
    assert not done(run)
