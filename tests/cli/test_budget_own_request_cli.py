"""Separation of duties on budget lines: a lead does not approve their own request while the
board has another lead to ask (by command, in the app or in a plan file); a board with one lead
has no one else, so its lead may, and is told so."""

from __future__ import annotations

import json

from store.board import Board

RULE = ("uplift: separation of duties: a lead may not approve their own budget request (B-1); "
        "another lead may (lee)\n")


def status(run, line: str = "B-1") -> str:
    return json.loads(run("budget", "show", line, "--json")[1])["budget"]["status"]


def test_a_lead_may_not_approve_their_own_request_while_another_lead_may(team, run) -> None:
    Board(team, actor="dana").add_member("lee", "lead")
    assert run("budget", "request", "Booth", "1000", "--task", "T-1")[:2] == (0, "B-1\n")
    assert run("budget", "approve", "B-1", "--reason", "mine") == (1, "", RULE)
    assert status(run) == "requested"
    code, out, _ = run("budget", "approve", "B-1", "--reason", "ok", user="lee")
    assert code == 0 and "B-1 approved for 1,000" in out
    assert run("budget", "request", "Flyers", "200", "--task", "T-1")[:2] == (0, "B-2\n")
    assert run("budget", "reject", "B-2", "--reason", "not needed after all")[0] == 0  # withdrawing is open


def test_the_only_lead_approves_their_own_request_and_is_told(team, run) -> None:
    assert run("budget", "request", "Booth", "1000", "--task", "T-1")[0] == 0
    code, out, err = run("budget", "approve", "B-1", "--reason", "ok")
    assert code == 0 and "B-1 approved for 1,000" in out
    assert "B-1 was your own request: you are the board's only lead" in err
    assert status(run) == "approved"
    assert run("budget", "request", "Pens", "50", "--task", "T-1", user="ali")[0] == 0
    assert "own request" not in run("budget", "approve", "B-2", "--reason", "ok")[2]


def test_a_plan_file_may_not_approve_the_importing_leads_own_request(team, run, tmp_path) -> None:
    Board(team, actor="dana").add_member("lee", "lead")
    assert run("budget", "request", "Booth", "1000", "--task", "T-1")[0] == 0
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0
    text = plan.read_text()
    assert "status: requested" in text
    plan.write_text(text.replace("status: requested", "status: approved\n  decided_by: dana\n  reason: mine", 1)
                    .replace("approved: 0", "approved: 1000", 1))
    code, _, err = run("plan", "import", str(plan))
    assert code == 1 and "separation of duties" in err and "budget_lines[0].status: separation of duties" in err
    assert status(run) == "requested"
    assert run("plan", "import", str(plan), user="lee")[0] == 0
    assert status(run) == "approved"
