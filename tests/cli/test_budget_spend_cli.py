"""Recording spending as a lead accounts for a quarter: money already gone, and nothing else."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from store.board import Board
from tests.conftest import snapshot_files

NEXT_MONTH = (date.today() + timedelta(days=40)).isoformat()


@pytest.fixture
def line(team):
    """B-1 approved for 1,000 on T-1."""
    board = Board(team, actor="dana")
    board.approve_budget(board.request_budget("Booth", 1000, task="T-1").id, "ok")
    return team


def spent(run) -> float:
    return json.loads(run("budget", "list", "--json")[1])["totals"]["spent"]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"uplift: on: a spend records money already spent; {NEXT_MONTH} is still to come\n"),
    ("zh", f"uplift: on: 支出记录的是已经花出的钱；{NEXT_MONTH} 尚未到来\n")])
def test_a_spend_dated_in_the_days_to_come_is_refused_and_not_counted(line, run, monkeypatch, lang, said) -> None:
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert run("budget", "spend", "B-1", "300", "--on", NEXT_MONTH) == (2, "", said)
    assert spent(run) == 0
    assert run("budget", "spend", "B-1", "300", "--on", "yesterday")[:2] == (0, "E-1\n")
    assert spent(run) == 300


def test_a_plan_file_adding_a_spend_dated_in_the_days_to_come_is_refused(line, run, tmp_path) -> None:
    assert run("budget", "spend", "B-1", "300", "--on", "yesterday")[0] == 0
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", plan)[0] == 0
    text = plan.read_text()
    spend = text.index("spending:\n")
    kept = text[spend:].split("\n")
    day_row = next(i for i, row in enumerate(kept) if row.startswith("  'on': "))
    kept[day_row] = f"  'on': {NEXT_MONTH}"
    plan.write_text(text[:spend] + "\n".join(kept))
    row = text[:spend].count("\n") + day_row + 1
    code, out, err = run("plan", "import", plan)
    assert code == 2
    assert err.splitlines()[0] == (f"{plan}:{row}: spending[0].on: a spend records money already spent; "
                                   f"{NEXT_MONTH} is still to come")
    assert spent(run) == 300 and json.loads(run("budget", "list", "--json")[1])["lines"][0]["spent"] == 300


def test_budget_show_lists_each_spend_and_what_is_left(line, run) -> None:
    run("budget", "spend", "B-1", "300", "--on", "yesterday", "--note", "deposit")
    run("budget", "spend", "B-1", "1,250.5", user="dana")
    yesterday = date.today() - timedelta(days=1)
    code, out, err = run("budget", "show", "B-1")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:7] == ["B-1  Booth", "  status    approved by dana: ok", "  category  other", "  for       T-1",
                         "  requested 1,000 by dana", "  approved  1,000",
                         "  spent     1,550.50 (550.50 over)"]  # 300 + 1,250.50 of 1,000
    assert lines[7] == "  spending"
    assert lines[8].split() == ["E-1", str(yesterday), "300", "dana", "deposit"]
    assert lines[9].split()[::2] == ["E-2", "1,250.50"]
    shown = json.loads(run("budget", "show", "B-1", "--json")[1])
    assert shown["budget"]["spent"] == 1550.5 and [e["id"] for e in shown["spending"]] == ["E-1", "E-2"]
    assert run("budget", "show", "B-9")[0] == 1


def test_a_spend_typed_wrong_is_taken_back_by_its_author_or_a_lead(team, run) -> None:
    Board(team, actor="ali").request_budget("Fair", 2000, task="T-1")
    run("budget", "approve", "B-1", "--reason", "ok")
    assert run("budget", "spend", "B-1", "500", user="ali")[1] == "E-1\n"
    assert run("budget", "spend", "B-1", "5000", user="ali")[1] == "E-2\n"  # meant 500
    code, out, err = run("budget", "unspend", "E-2", user="bea")
    assert (code, out) == (1, "") and err == "uplift: a rep may only change their own spending; this one is ali's\n"
    assert run("budget", "unspend", "E-2", user="ali") == (0, "deleted E-2 (5,000 on B-1); B-1 now has 500 spent\n",
                                                           "")
    assert spent(run) == 500
    assert run("budget", "unspend", "E-2")[:2] == (1, "")  # gone already
    assert run("budget", "unspend", "E-1")[0] == 0  # a lead's too
    assert spent(run) == 0
    assert run("undo")[0] == 0 and spent(run) == 500  # the lead's taking back, undone


def test_show_and_unspend_in_chinese(line, run, monkeypatch) -> None:
    run("budget", "spend", "B-1", "300")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    out = run("budget", "show", "B-1")[1].splitlines()
    assert out[1:7] == ["  状态      由 dana 批准：ok", "  类别      其他", "  服务于    T-1", "  已申请    1,000（dana）",
                        "  已批准    1,000", "  已支出    300（剩余 700）"]
    assert out[7] == "  支出"
    assert run("budget", "unspend", "E-1")[1] == "已删除 E-1（B-1 上的 300）；B-1 现已支出 0\n"
    assert run("budget", "show", "B-1")[1].splitlines()[7] == "  支出 无"


@pytest.mark.parametrize(("lang", "said", "undone"), [
    ("en", "took back E-1 (300 spent on B-1)", "undid: took back E-1 (300 spent on B-1)"),
    ("zh", "撤回了 E-1（B-1 上支出的 300）", "已撤销：撤回了 E-1（B-1 上支出的 300）")])
def test_the_log_says_which_spend_was_taken_back(line, run, monkeypatch, lang, said, undone) -> None:
    run("budget", "spend", "B-1", "300")
    run("budget", "unspend", "E-1")
    run("undo")
    monkeypatch.setenv("UPLIFT_LANG", lang)
    rows = run("log")[1].splitlines()
    assert rows[1].endswith(undone) and rows[2].endswith(said)


def test_amounts_are_kept_to_the_cent_so_the_entries_add_up_to_the_total(team, run) -> None:
    Board(team, actor="dana").request_budget("Stamps", 10.555, task="T-1")
    run("budget", "approve", "B-1", "--reason", "ok")
    run("budget", "spend", "B-1", "0.125")
    run("budget", "spend", "B-1", "0.125")
    shown = run("budget", "show", "B-1")[1].splitlines()
    assert shown[4:7] == ["  requested 10.56 by dana", "  approved  10.56", "  spent     0.26 (10.30 left)"]
    assert [row.split()[2] for row in shown[8:]] == ["0.13", "0.13"]  # 0.13 + 0.13 is the 0.26 above
    assert json.loads(run("budget", "list", "--json")[1])["totals"]["spent"] == 0.26
    assert run("budget", "spend", "B-1", "0.004") == (2, "", "uplift: a spend is at least a cent\n")


@pytest.mark.parametrize(("lang", "request_said", "approve_said"), [
    ("en", "uplift: amount: a request for 0 asks for nothing: say how much the line needs\n",
     "uplift: amount: approving B-2 for 0 grants nothing: reject it to say no\n"),
    ("zh", "uplift: amount: 申请 0 等于什么都没申请：请写明该预算项需要多少\n",
     "uplift: amount: 以 0 批准 B-2 等于什么都没批：要拒绝请直接驳回\n")])
def test_a_request_or_an_approval_for_nothing_is_refused(line, run, monkeypatch, lang, request_said,
                                                        approve_said) -> None:
    """A request for 0 and an approval for 0 were taken: the second is a rejection without its
    word. Both are bad input (exit 2), nothing written; a rejection is how a lead says no."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    assert run("budget", "request", "Nothing", "0", "--task", "T-1") == (2, "", request_said)
    assert run("budget", "request", "Booth", "500", "--task", "T-1")[:2] == (0, "B-2\n")
    assert run("budget", "approve", "B-2", "--amount", "0", "--reason", "fine") == (2, "", approve_said)
    assert Board(line, actor="dana").budget_line("B-2").status == "requested"
    assert run("budget", "reject", "B-2", "--reason", "not this quarter")[0] == 0


def test_a_rep_spending_on_anothers_line_is_told_the_spending_rule(team, run, monkeypatch) -> None:
    """It said "may only change their own budget lines": the rule is about recording spending."""
    Board(team, actor="bea").request_budget("Trip", 500, task="T-2")
    run("budget", "approve", "B-1", "--reason", "ok")
    before = snapshot_files(team)
    assert run("budget", "spend", "B-1", "120", user="ali") == (
        1, "", "uplift: a rep may record spending only on budget lines they asked for; this one is bea's\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("budget", "spend", "B-1", "120", user="ali")[2] == \
        "uplift: 销售代表只能在自己申请的预算项上记录支出；这一项属于 bea\n"
    assert snapshot_files(team) == before
    assert run("budget", "spend", "B-1", "120", user="bea")[0] == 0
