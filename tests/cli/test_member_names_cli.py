"""A member's name on the command line, read one way wherever a person is named (an option, a
positional, a split, a deals file's owner map): any case, spaces around it ignored; a name that is
no member is bad input (exit 2) said with the member it is nearest, or the members when none is
near, and nothing written; someone who left is found where the command is about history (the log,
what they own, their notes) and refused where it is about new work."""

from __future__ import annotations

import json

import pytest

from tests.conftest import snapshot_files

MEMBERS = "(members: ali, bea, dana)"


@pytest.mark.parametrize("command, said", [
    (("task", "add", "Call Acme", "--owner", "alli"), "--owner alli: no such member on this board (did you mean ali?)"),
    (("task", "edit", "T-1", "--owner", "bae"),
     "--owner bae: not a member of this board and owns no task (did you mean bea?)"),
    (("deal", "add", "Acme", "--owner", "dnaa"), "--owner dnaa: no such member on this board (did you mean dana?)"),
    (("deal", "add", "Acme", "--split", "bae 30"), "--split bae: no such member on this board (did you mean bea?)"),
    (("forecast", "--rep", "alli"), "--rep alli: not a member of this board and owns no deal (did you mean ali?)"),
    (("payout", "--rep", "alli"), "--rep alli: not a member of this board and owns no deal (did you mean ali?)"),
    (("payout", "hold", "bae", "disputed"), ("payout hold bae: not a member of this board and owns no deal "
                                             "(did you mean bea?)")),
    (("today", "--for", "bae"), "--for bae: no such member on this board (did you mean bea?)"),
    (("log", "--actor", "dnaa"), ("--actor dnaa: not a member of this board and has no record in its log "
                                  "(did you mean dana?)")),
    (("coach", "alli", "Ask for the next step"), "coach alli: no such member on this board (did you mean ali?)"),
    (("member", "role", "alli", "lead"), "member role alli: no such member on this board (did you mean ali?)"),
    (("member", "zone", "bae", "UTC"), "member zone bae: no such member on this board (did you mean bea?)"),
    (("member", "handover", "ali", "--to", "bae"), "--to bae: no such member on this board (did you mean bea?)"),
    (("task", "add", "Call Acme", "--owner", "zed"), f"--owner zed: no such member on this board {MEMBERS}"),
    (("member", "role", "zed", "lead"), f"member role zed: no such member on this board {MEMBERS}"),
])
def test_a_name_that_is_no_member_is_not_found_with_the_nearest_member(run, team, command, said) -> None:
    before = snapshot_files(team)
    assert run(*command) == (1, "", f"uplift: {said}\n")
    assert snapshot_files(team) == before


def test_a_member_is_named_in_any_case_with_spaces_around(run) -> None:
    assert run("task", "add", "Call Acme", "--owner", " ALI ")[:2] == (0, "T-3\n")
    assert json.loads(run("task", "show", "T-3", "--json")[1])["task"]["owner"] == "ali"
    assert run("deal", "add", "Acme renewal", "--owner", "Bea", "--split", "Ali 30")[:2] == (0, "D-1\n")
    deal = json.loads(run("deal", "show", "D-1", "--json")[1])["deal"]
    assert (deal["owner"], [(s["rep"], s["share"]) for s in deal["splits"]]) == ("bea", [("ali", 30.0)])
    assert run("member", "role", "BEA", "lead") == (0, "bea (lead)\n", "")
    assert run("member", "zone", " Ali", "UTC") == (0, "ali: UTC\n", "")
    assert run("coach", "Ali", "Ask for the next step")[:2] == (0, "K-1\n")
    code, out, _ = run("coach", "ALI", "--json")
    assert code == 0 and [n["rep"] for n in json.loads(out)] == ["ali"]
    code, out, _ = run("log", "--actor", "DANA", "--json")
    assert code == 0 and out != "[]\n" and {r["actor"] for r in json.loads(out)} == {"dana"}
    assert run("today", "--for", "Ali")[1].startswith("ali's day")


def test_a_deals_files_owner_map_reads_the_member_as_any_option_does(run, team, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("Deal Name,Deal Stage,Amount,Deal owner\nA,Contract Sent,100,Ali Khan\n", encoding="utf-8")
    before = snapshot_files(team)
    assert run("deal", "import", str(path), "--owner", "Ali Khan=alli") == (
        1, "", "uplift: --owner alli: no such member on this board (did you mean ali?)\n")
    assert snapshot_files(team) == before
    assert run("deal", "import", str(path), "--owner", "Ali Khan=ALI")[0] == 0
    code, out, _ = run("deal", "list", "--owner", "ali", "--json")
    assert code == 0 and [d["title"] for d in json.loads(out)] == ["A"]


def test_someone_who_left_is_found_in_history_and_refused_new_work(run, team) -> None:
    assert run("task", "add", "Call Acme", user="ali")[:2] == (0, "T-3\n")  # ali in the log, as the actor
    assert run("coach", "ali", "Ask for the next step")[:2] == (0, "K-1\n")
    assert run("member", "remove", "ali", "--to", "bea")[0] == 0
    code, out, err = run("log", "--actor", "Ali", "--json")  # the log keeps what ali did
    assert (code, err) == (0, "") and [r["item"] for r in json.loads(out)] == ["T-3"]
    code, out, err = run("coach", "ALI", "--json")  # and the notes about them
    assert (code, err) == (0, "") and [n["id"] for n in json.loads(out)] == ["K-1"]
    before = snapshot_files(team)
    left = "ali has left this board, so takes no new work (members: bea, dana)"
    assert run("task", "add", "Visit Acme", "--owner", "Ali") == (1, "", f"uplift: --owner Ali: {left}\n")
    assert run("deal", "add", "Acme", "--split", "ali 20") == (1, "", f"uplift: --split ali: {left}\n")
    assert run("coach", "ali", "Another note") == (1, "", f"uplift: coach ali: {left}\n")
    assert run("member", "handover", "bea", "--to", "ali") == (1, "", f"uplift: --to ali: {left}\n")
    assert snapshot_files(team) == before


def test_the_messages_are_said_in_chinese(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("task", "add", "Call", "--owner", "alli")[2] == "uplift: --owner alli：此看板没有这个成员（您是不是指 ali？）\n"
    assert run("forecast", "--rep", "alli")[2] == \
        "uplift: --rep alli：不是此看板的成员，也不负责任何商机（您是不是指 ali？）\n"


def test_a_plan_files_names_are_read_as_the_command_line_reads_them(run, team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text('tasks:\n  - title: Call Acme\n    owner: " Bea"\n  - title: Visit Acme\n    owner: bae\n',
                    encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, "")
    assert f"{plan}:5: tasks[1].owner: 'bae' is not a member; did you mean 'bea'? {MEMBERS}\n" in err
    assert snapshot_files(team) == before
    plan.write_text('tasks:\n  - title: Call Acme\n    owner: " Bea"\n', encoding="utf-8")
    assert run("plan", "import", str(plan))[0] == 0
    code, out, _ = run("task", "list", "--owner", "bea", "--json")
    assert code == 0 and [(t["title"], t["owner"]) for t in json.loads(out)] == [
        ("Visit Betasoloin", "bea"), ("Call Acme", "bea")]


def test_an_incentive_plans_quota_names_the_member_in_any_case(run, team, tmp_path) -> None:
    plans = tmp_path / "plans.yaml"
    plans.write_text("name: Flat\nquota: 0\nquotas:\n  - rep: BEA\n    amount: 8000\n  - rep: alli\n    amount: 100\n"
                     "tiers:\n  - from_pct: 0\n    rate: 10\n", encoding="utf-8")
    code, out, err = run("incentive", "set", str(plans))
    assert (code, out) == (2, "")
    assert f"{plans}:6: incentives[0].quotas[1].rep: 'alli' is not a member; did you mean 'ali'? {MEMBERS}\n" in err
    plans.write_text(plans.read_text(encoding="utf-8").replace("alli", "Ali"), encoding="utf-8")
    assert run("incentive", "set", str(plans))[:2] == (0, "I-1\n")
    code, out, _ = run("incentive", "list", "--json")
    assert [(q["rep"], q["amount"]) for q in json.loads(out)[0]["quotas"]] == [("bea", 8000), ("ali", 100)]


def test_a_task_spreadsheets_owner_is_read_as_an_options_is(run, team, tmp_path) -> None:
    path = tmp_path / "tasks.csv"
    path.write_text("Task,Owner\nCall Acme, BEA \nVisit Acme,alli\n", encoding="utf-8")
    before = snapshot_files(team)
    said = "  row 3: owner: 'alli' is not a member of this board (did you mean ali?)\n"
    assert run("task", "import", str(path)) == (2, "", f"uplift: {path}: 1 problem, nothing imported:\n{said}")
    assert snapshot_files(team) == before
    path.write_text("Task,Owner\nCall Acme, BEA \n", encoding="utf-8")
    assert run("task", "import", str(path))[0] == 0
    code, out, _ = run("task", "list", "--owner", "bea", "--json")
    assert code == 0 and [t["title"] for t in json.loads(out)] == ["Visit Betasoloin", "Call Acme"]
