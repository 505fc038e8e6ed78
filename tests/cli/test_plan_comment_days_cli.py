"""A rep's plan file may add a comment to their own task, in their own name and dated now, as
`uplift task comment` stamps one; a comment dated weeks back ("I said so on October 1st") is a
record only a lead may date (README "Records stay what happened")."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.conftest import snapshot_files

TODAY = date.today()


def _with_comment(run, tmp_path, day: date):
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan), user="ali")[0] == 0
    text = plan.read_text()
    task = "  title: Call Acme\n  owner: ali\n  status: todo\n  priority: normal\n  due: 2026-12-01\n"
    assert task in text
    plan.write_text(text.replace(task, task + f"  comments:\n  - at: '{day}T09:00:00Z'\n    by: ali\n"
                                              "    text: I said so back then\n"))
    return plan


def _comments(run) -> list:
    return [(c["by"], c["text"]) for c in json.loads(run("task", "show", "T-1", "--json")[1])["task"]["comments"]]


def test_a_rep_may_not_backdate_a_comment_in_a_file(team, run, tmp_path) -> None:
    weeks_ago = TODAY - timedelta(days=30)
    plan = _with_comment(run, tmp_path, weeks_ago)
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan), user="ali")
    assert (code, out) == (1, "")
    line = plan.read_text().splitlines().index(f"  - at: '{weeks_ago}T09:00:00Z'") + 1
    assert err.splitlines() == [
        f"{plan}:{line}: tasks[0].comments[0].at: a comment is dated when it is made ({TODAY}); "
        f"only a lead may date one {weeks_ago}",
        "uplift: 1 problem; nothing was written"]
    assert snapshot_files(team) == before


def test_a_rep_comments_now_and_a_lead_may_date_a_comment(team, run, tmp_path) -> None:
    code, _, err = run("plan", "import", str(_with_comment(run, tmp_path, TODAY)), user="ali")
    assert code == 0, err
    assert _comments(run) == [("ali", "I said so back then")]
    plan = tmp_path / "lead.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0
    earlier = TODAY - timedelta(days=30)
    plan.write_text(plan.read_text().replace("    text: I said so back then\n", "    text: I said so back then\n"
                                             f"  - at: '{earlier}T09:00:00Z'\n    by: dana\n    text: noted\n"))
    code, _, err = run("plan", "import", str(plan))
    assert code == 0, err
    assert _comments(run) == [("ali", "I said so back then"), ("dana", "noted")]
