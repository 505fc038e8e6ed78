"""`uplift member handover` and `uplift member remove [--to]`: nobody leaves open work behind.

The team board: dana leads, ali and bea are reps; T-1 "Call Acme" is ali's, T-2 bea's. Each test
adds what it needs and states what it expects from that."""

from __future__ import annotations

import json

import pytest

from store.board import Board
from tests.conftest import snapshot_files


@pytest.fixture
def desk(team) -> Board:
    """ali's open work: T-1, D-1 "Acme pilot"; finished: T-3 (done), D-2 (won)."""
    lead = Board(team, actor="dana")
    lead.add_deal("Acme pilot", owner="ali", value=1000)                  # D-1
    lead.add_deal("Beta renewal", owner="ali", value=2000, stage="Won")   # D-2
    lead.add_task("Sent the quote", owner="ali", status="done")           # T-3
    return lead


def owners(team) -> dict[str, str | None]:
    board = Board(team, actor="dana")
    return {**{t.id: t.owner for t in board.tasks()}, **{d.id: d.owner for d in board.deals()}}


def test_handover_prints_what_moves_and_moves_it(desk, team, run) -> None:
    code, out, err = run("member", "handover", "ali", "--to", "bea")
    assert (code, err) == (0, "")
    assert "D-1  Acme pilot" in out and "T-1  Call Acme" in out
    assert "Beta renewal" not in out and "Sent the quote" not in out
    assert out.splitlines()[-1] == "handed 1 open deal and 1 unfinished task from ali to bea"
    assert owners(team) == {"T-1": "bea", "T-2": "bea", "T-3": "ali", "D-1": "bea", "D-2": "ali"}


def test_a_dry_run_says_what_would_move_and_writes_nothing(desk, team, run) -> None:
    files = snapshot_files(team)
    code, out, _ = run("member", "handover", "ali", "--to", "bea", "--dry-run")
    assert code == 0 and "D-1  Acme pilot" in out and "T-1  Call Acme" in out
    assert "would hand 1 open deal and 1 unfinished task from ali to bea" in out
    assert snapshot_files(team) == files


def test_a_running_goal_is_handed_over_and_said(desk, team, run, monkeypatch) -> None:
    Board(team, actor="dana").add_goal("Ali's calls", owner="ali", metric="calls", target=300)  # G-1, no deadline
    code, out, _ = run("member", "handover", "ali", "--to", "bea", "--dry-run")
    assert code == 0 and "G-1  Ali's calls" in out
    assert out.splitlines()[-1] == ("would hand 1 open deal, 1 unfinished task and 1 running goal from ali to bea "
                                    "(dry run: nothing written)")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("member", "remove", "ali", "--to", "bea")
    assert code == 0 and "已把 ali 的 1 个进行中的商机、1 个未完成的任务和 1 个进行中的目标移交给 bea" in out
    assert Board(team, actor="dana").goal("G-1").owner == "bea"


def test_handover_json(desk, run) -> None:
    code, out, _ = run("member", "handover", "ali", "--to", "bea", "--json")
    data = json.loads(out)
    assert code == 0 and [d["id"] for d in data["deals"]] == ["D-1"] and [t["id"] for t in data["tasks"]] == ["T-1"]


def test_nothing_to_hand_over_is_said(team, run) -> None:
    Board(team, actor="dana").move_task("T-1", "done")
    code, out, _ = run("member", "handover", "ali", "--to", "bea")
    assert code == 0 and "nothing to hand over" in out


@pytest.mark.parametrize("args, user, code, said", [
    (("member", "handover", "ali", "--to", "bea"), "ali", 1, "only a lead may hand members' work over"),
    (("member", "handover", "ali", "--to", "bea"), "bea", 1, "only a lead may hand members' work over"),
    (("member", "handover", "ali", "--to", "zed"), "dana", 1, "--to zed: no such member"),
    (("member", "handover", "ali", "--to", "ali"), "dana", 2, "uplift: --to ali: ali cannot hand work over to themselves\n"),
    (("member", "handover", "zed", "--to", "bea"), "dana", 1,
     "member handover zed: not a member of this board and owns no open work"),
    (("member", "remove", "ali", "--to", "zed"), "dana", 1, "--to zed: no such member"),
    (("member", "remove", "ali", "--to", "bea"), "ali", 1, "only a lead may remove members"),
])
def test_refusals_and_bad_input_write_nothing(desk, team, run, args, user, code, said) -> None:
    files = snapshot_files(team)
    got, out, err = run(*args, user=user)
    assert got == code and said in err and out == ""
    assert err.startswith("uplift: ") and len(err.splitlines()) == 1  # one line, no traceback
    assert snapshot_files(team) == files


def test_handover_needs_a_receiver(desk, run) -> None:
    code, _, err = run("member", "handover", "ali")
    assert code == 2 and "--to" in err


def test_remove_is_refused_while_the_member_owns_open_work(desk, team, run) -> None:
    files = snapshot_files(team)
    code, out, err = run("member", "remove", "ali")
    assert (code, out) == (1, "")
    assert err.strip() == ("uplift: ali still owns 1 open deal and 1 unfinished task; hand the work over first: "
                           "uplift member remove ali --to NAME (or uplift member handover ali --to NAME)")
    assert snapshot_files(team) == files


def test_the_refusal_and_the_hand_over_name_only_the_work_there_is(team, run) -> None:
    """ali owns one task and nothing else: no `0 open deals` said, refused or handed."""
    code, out, err = run("member", "remove", "ali")
    assert (code, out) == (1, "")
    assert err == ("uplift: ali still owns 1 unfinished task; hand the work over first: "
                   "uplift member remove ali --to NAME (or uplift member handover ali --to NAME)\n")
    Board(team, actor="dana").add_goal("Ali's calls", owner="ali", metric="calls", target=300)  # G-1, running
    assert "ali still owns 1 unfinished task and 1 running goal; " in run("member", "remove", "ali")[2]
    code, out, err = run("member", "remove", "ali", "--to", "bea")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["handed 1 unfinished task and 1 running goal from ali to bea", "removed ali"]


def test_remove_to_hands_over_and_removes(desk, team, run) -> None:
    code, out, err = run("member", "remove", "ali", "--to", "bea")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["handed 1 open deal and 1 unfinished task from ali to bea", "removed ali"]
    assert owners(team) == {"T-1": "bea", "T-2": "bea", "T-3": "ali", "D-1": "bea", "D-2": "ali"}
    assert "ali" not in {m.name for m in Board(team, actor="dana").members()}
    code, out, _ = run("undo")
    assert code == 0
    assert owners(team)["T-1"] == "ali" and "ali" in {m.name for m in Board(team, actor="dana").members()}


def test_the_refusal_speaks_chinese(desk, run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("member", "remove", "ali")
    assert code == 1 and "ali 仍负责 1 个进行中的商机和 1 个未完成的任务" in err


def test_open_budget_lines_go_with_their_requester_and_finished_ones_stay(desk, team, run, monkeypatch) -> None:
    """A rep may record spending only on a line they requested: one left in a leaver's name could
    be spent on by no rep again (`member handover` moved deals, tasks and goals, not lines)."""
    lead, ali = Board(team, actor="dana"), Board(team, actor="ali")
    lead.add_strategy("Trade fairs", dimension="channel")                                   # S-1
    ali.request_budget("Booth", 8000, strategy="S-1")                                       # B-1: undecided
    ali.request_budget("Flyers", 500, strategy="S-1")                                       # B-2: money left
    ali.request_budget("Stand", 300, strategy="S-1")                                        # B-3: all spent
    ali.request_budget("Yacht", 90000, strategy="S-1")                                      # B-4: rejected
    lead.approve_budget("B-2", "ok")
    lead.approve_budget("B-3", "ok")
    lead.reject_budget("B-4", "no")
    ali.record_spend("B-2", 200)
    ali.record_spend("B-3", 300)
    code, out, err = run("member", "handover", "ali", "--to", "bea")
    assert (code, err) == (0, "")
    assert "B-1  Booth" in out and "B-2  Flyers" in out and "Stand" not in out and "Yacht" not in out
    assert out.splitlines()[-1] == "handed 1 open deal, 1 unfinished task and 2 open budget lines from ali to bea"
    requesters = {line.id: line.requested_by for line in Board(team, actor="dana").budget_lines()}
    assert requesters == {"B-1": "bea", "B-2": "bea", "B-3": "ali", "B-4": "ali"}
    assert "handed B-2 from ali to bea" in run("log")[1]
    Board(team, actor="bea").record_spend("B-2", 100)  # bea may spend on it now
    assert Board(team, actor="dana").undo()  # one undo takes the whole hand-over back
    requesters = {line.id: line.requested_by for line in Board(team, actor="dana").budget_lines()}
    assert requesters == {"B-1": "ali", "B-2": "ali", "B-3": "ali", "B-4": "ali"}


def test_budget_lines_alone_do_not_hold_a_removal_and_are_said_in_chinese(team, run, monkeypatch) -> None:
    lead = Board(team, actor="dana")
    lead.update_task("T-1", owner="bea")
    lead.add_strategy("Trade fairs", dimension="channel")
    Board(team, actor="ali").request_budget("Booth", 8000, strategy="S-1")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("member", "remove", "ali", "--to", "bea")
    assert code == 0 and "已把 ali 的 1 个未结的预算项移交给 bea" in out
    assert Board(team, actor="dana").budget_line("B-1").requested_by == "bea"


def test_the_forecast_keeps_a_row_for_a_rep_who_left_and_counts_their_payout(team, run, monkeypatch) -> None:
    lead = Board(team, actor="dana")
    lead.save_incentive_plan({"name": "Flat", "quota": 10000, "tiers": [{"from_pct": 0, "rate": 10}]})
    lead.add_deal("Acme", owner="ali", value=5000, stage="Won")  # D-1: ali's 10% of 5,000 = 500.00
    assert run("member", "remove", "ali", "--to", "bea")[0] == 0
    code, out, err = run("forecast")
    assert (code, err) == (0, "")
    rows = {line.split("  ")[0]: line.split() for line in out.splitlines()[2:4]}
    assert rows["ali (left)"][2:4] == ["10,000", "5,000"] and rows["ali (left)"][-3:] == ["500.00"] * 3
    team_row = next(line.split() for line in out.splitlines() if line.startswith("team"))
    assert team_row[1:3] == ["20,000", "5,000"] and team_row[-3:] == ["500.00"] * 3  # ali's quota and pay too
    assert "(left): left the board, or the reps, during the cycle; what they won and earned in it is still theirs" in out
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("forecast")
    assert code == 0 and "ali（已离开）" in out and "（已离开）：本周期内离开了看板" in out
