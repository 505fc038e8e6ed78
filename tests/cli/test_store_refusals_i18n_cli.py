"""The store's refusals and not-founds on the command line, said in the interface's language:
under UPLIFT_LANG=zh in Chinese, with the names and ids they hold as they are; in English as
they always were."""

from __future__ import annotations

import pytest

from store.board import Board


@pytest.fixture
def decided(team):
    """The team board with a deal (D-1, ali's) and a budget line (B-1) dana has approved."""
    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", owner="ali", value=1000)
    lead.add_goal("Grow revenue", owner="dana")
    lead.add_strategy("Fairs", goals=["G-1"])
    lead.request_budget("Booth", 8000, strategy="S-1")
    lead.approve_budget("B-1", "worth it")
    return team


CASES = [  # (user, command, English, Chinese): each exits 1 and says one line on stderr
    ("dana", ("task", "show", "T-999"), "no task T-999 on this board", "此看板上没有任务 T-999"),
    ("dana", ("deal", "show", "D-9"), "no deal D-9 on this board", "此看板上没有商机 D-9"),
    ("dana", ("member", "remove", "dana"),
     "dana is the board's only lead, and a board keeps at least one lead; make someone else lead first",
     "dana 是此看板唯一的主管，而看板至少要保留一名主管；请先让其他人成为主管"),
    ("bea", ("undo",), "nothing of bea's to undo on this board", "此看板上没有 bea 可撤销的更改"),
    ("dana", ("budget", "approve", "B-1", "--reason", "again"),
     "B-1 was already approved by dana; a line is approved or rejected once",
     "B-1 已由 dana 处理，状态为“已批准”；预算项只能批准或驳回一次"),
]


@pytest.mark.parametrize("user, command, english, chinese", CASES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_a_store_refusal_is_said_in_chinese_and_in_english_as_before(decided, run, monkeypatch, user, command,
                                                                     english, chinese) -> None:
    assert run(*command, user=user) == (1, "", f"uplift: {english}\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run(*command, user=user) == (1, "", f"uplift: {chinese}\n")


def test_a_stage_no_pipeline_has_is_said_in_chinese_with_the_field_and_the_stages_as_they_are(decided, run,
                                                                                             monkeypatch) -> None:
    stages = "Lead, Qualified, Proposal, Negotiation, Won, Lost"
    code, out, err = run("deal", "move", "D-1", "Nowhere")
    assert (code, out, err) == (2, "", f"uplift: stage: 'Nowhere' is not a stage (one of: {stages})\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("deal", "move", "D-1", "Nowhere")
    assert (code, out, err) == (2, "", f"uplift: stage: 'Nowhere' 不是阶段（可选：{stages}）\n")
    assert Board(decided, actor="dana").deal("D-1").stage == "Lead"


def test_a_member_who_owns_open_work_is_refused_in_chinese(decided, run, monkeypatch) -> None:
    """OpenWork's counts are said in the interface's language too, in one sentence."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("member", "remove", "ali")
    assert (code, out) == (1, "")
    assert err == ("uplift: ali 仍负责 1 个进行中的商机和 1 个未完成的任务；请先移交：uplift member remove ali "
                   "--to NAME（或 uplift member handover ali --to NAME）\n")


def test_an_import_with_bad_rows_lists_them_in_chinese(decided, run, monkeypatch, tmp_path) -> None:
    """Each row's problem on its own line, the count first; nothing imported."""
    path = tmp_path / "deals.csv"
    path.write_text("title,stage,value\nA,Lead,100\nB,Nowhere,200\nC,Lead,-5\n", encoding="utf-8")
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 2 problems, nothing imported:\n"
                   "  row 3: stage: 'Nowhere' is not a stage (one of: Lead, Qualified, Proposal, Negotiation, Won, Lost); "
                   "read it as one of them with --stage Nowhere=STAGE\n"
                   "  row 4: value: '-5' is not an amount of zero or more\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "")
    assert err == (f"uplift: {path}: 2 个问题，未导入任何内容：\n"
                   "  第 3 行：stage: 'Nowhere' 不是阶段（可选：Lead, Qualified, Proposal, Negotiation, Won, Lost）；"
                   "可用 --stage Nowhere=STAGE 把它读作其中之一\n"
                   "  第 4 行：value: '-5' 不是大于等于 0 的金额\n")
    assert [d.id for d in Board(decided, actor="dana").deals()] == ["D-1"]
