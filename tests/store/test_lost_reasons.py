"""Lost reasons and win/loss through the store: a move says why, a reopened deal forgets it, only
a lost deal has one, plan files carry reasons and the pipeline's stages, a deals file's reason
column is read, and the board's own reasons are offered first."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sales.errors import Invalid
from sales.plan_check import PlanInvalid
from store.board import Board
from store.plan_yaml import dump_plan, plan_document
from tests.conftest import snapshot_files


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def test_a_move_to_lost_says_why_and_a_reopened_deal_forgets_it(team) -> None:
    ali = Board(team, actor="ali")
    ali.add_deal("Acme renewal", value=12000)
    lost = ali.move_deal("D-1", "lost", "price")
    assert (lost.stage, lost.lost_reason) == ("Lost", "price")
    assert ali.history(item="D-1", limit=1)[0].action == "deal.move"  # a move with its reason, not an edit
    reopened = ali.move_deal("D-1", "Proposal")
    assert (reopened.stage, reopened.lost_reason) == ("Proposal", "")
    relost = ali.move_deal("D-1", "Lost")
    assert relost.lost_reason == ""
    assert ali.update_deal("D-1", lost_reason="  competitor\x1b[31m ").lost_reason == "competitor[31m"


def test_only_a_lost_deal_has_a_lost_reason(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_deal("Acme renewal", value=12000)
    before = snapshot_files(team)
    with pytest.raises(Invalid, match="only a lost deal has a lost reason") as error:
        lead.update_deal("D-1", lost_reason="price")
    assert error.value.field == "lost_reason"
    with pytest.raises(Invalid, match="only a lost deal"):
        lead.move_deal("D-1", "Won", "price")
    with pytest.raises(Invalid, match="lost_reason"):
        lead.update_deal("D-1", stage="Lost", lost_reason="x" * 41)
    assert snapshot_files(team) == before


def test_win_loss_defaults_to_the_plans_period(team) -> None:
    clock = Clock(datetime(2026, 9, 20, 9, tzinfo=timezone.utc))
    lead = Board(team, actor="dana", clock=clock)
    lead.set_plan_info("Q4", "2026-10-01", "2026-12-31")
    for title in ("Before", "Won", "Lost"):
        lead.add_deal(title, value=1000, owner="ali")
    lead.move_deal("D-1", "Won")  # 09-20: before the cycle
    clock.moment = datetime(2026, 10, 20, 9, tzinfo=timezone.utc)
    lead.move_deal("D-2", "Won")
    lead.move_deal("D-3", "Lost", "timing")
    result = lead.win_loss()
    assert (result.start, result.end) == (date(2026, 10, 1), date(2026, 12, 31))
    assert (result.total.won, result.total.lost, result.reasons[0].name) == (1, 1, "timing")
    assert lead.win_loss(date(2026, 9, 1)).total.won == 2
    with pytest.raises(Invalid, match="before"):
        lead.win_loss(date(2026, 12, 1), date(2026, 11, 1))


def test_the_boards_reasons_are_offered_first(team) -> None:
    lead = Board(team, actor="dana")
    for title in ("A", "B", "C"):
        lead.add_deal(title, value=1000)
    lead.move_deal("D-1", "Lost", "Budget freeze")
    lead.move_deal("D-2", "Lost", "budget  freeze")
    lead.move_deal("D-3", "Lost", "price")
    offered = lead.lost_reasons(["price", "timing"])
    assert offered == ["Budget freeze", "price", "timing"]


def test_plan_files_carry_lost_reasons_and_the_pipelines_stages(team, tmp_path) -> None:
    lead = Board(team, actor="dana")
    lead.set_stages([{"name": "New", "probability": 10}, {"name": "Offer", "probability": 60},
                     {"name": "Signed", "probability": 100, "outcome": "won"},
                     {"name": "Dropped", "probability": 0, "outcome": "lost"}])
    lead.add_deal("Acme", value=500)
    lead.move_deal("D-1", "Dropped", "went silent")
    exported = dump_plan(lead.export_plan())
    assert "stages:\n- name: New\n  probability: 10\n" in exported
    assert "lost_reason: went silent" in exported

    fresh = Board(tmp_path / "fresh", actor="dana")
    summary = fresh.import_plan(plan_document(lead.export_plan()))
    assert [s.name for s in fresh.stages()] == ["New", "Offer", "Signed", "Dropped"]
    assert ("plan", ["stages"]) in summary.changed or any("stages" in keys for _, keys in summary.changed)
    assert fresh.deal("D-1").lost_reason == "went silent"


def test_a_plan_file_is_checked_against_the_pipeline_it_will_have(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_deal("Acme", value=500)
    before = snapshot_files(team)
    document = {"deals": [{"id": "D-1", "title": "Acme", "stage": "Someday", "value": 500,
                           "history": [{"stage": "Someday", "at": "2026-11-01T09:00:00+00:00"}]},
                          {"title": "Beta", "stage": "Proposal", "lost_reason": "price",
                           "history": [{"stage": "Proposal", "at": "2026-11-01T09:00:00+00:00"}]}]}
    with pytest.raises(PlanInvalid) as error:
        lead.import_plan(document)
    problems = {p.path: p.message for p in error.value.problems}
    assert problems["deals[0].stage"].startswith("'Someday' is not a stage of this pipeline (one of: Lead,")
    assert problems["deals[1].lost_reason"] == "only a lost deal has a lost reason (this one is in Proposal)"
    with pytest.raises(PlanInvalid) as error:
        lead.import_plan({"stages": [{"name": "A", "probability": 10}, {"name": "B", "probability": 100}]})
    assert error.value.problems[0].path == "stages"
    with pytest.raises(PlanInvalid, match=r"deals on the board are still in Lead \(1\)"):
        lead.import_plan({"stages": [{"name": "Open", "probability": 10},
                                     {"name": "Won", "probability": 100, "outcome": "won"},
                                     {"name": "Lost", "probability": 0, "outcome": "lost"}]})
    assert snapshot_files(team) == before


def test_a_deals_file_reason_column_is_read_for_lost_deals_only(team, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("title,stage,amount,Loss Reason\nAcme,Lost,100,Price\nBeta,Won,200,n/a\n", encoding="utf-8")
    lead = Board(team, actor="dana")
    result = lead.import_deals(path)
    assert result["mapping"]["Loss Reason"] == "lost_reason"
    assert {d.title: d.lost_reason for d in lead.deals()} == {"Acme": "Price", "Beta": ""}
    chinese = tmp_path / "zh.csv"
    chinese.write_text("标题,阶段,金额,输单原因\n甲,输单,100,价格\n", encoding="utf-8")
    lead.import_deals(chinese)
    assert next(d for d in lead.deals() if d.title == "甲").lost_reason == "价格"


def test_the_cycle_and_the_review_report_say_what_deals_were_lost_to(team) -> None:
    from sales.review_report import render

    lead = Board(team, actor="dana")
    for title, value in (("A", 3000), ("B", 1000), ("C", 4000), ("D", 2000)):
        lead.add_deal(title, value=value)
    lead.move_deal("D-1", "Won")
    lead.move_deal("D-2", "Lost", "timing")
    lead.move_deal("D-3", "Lost", "Price")
    lead.move_deal("D-4", "Lost")
    review = lead.cycle().review
    # won 1 of 4; price took 4,000 of the 7,000 lost: 57.1%
    assert review.closed == (1, 4) and review.top_reason == ("Price", 57.1)
    report = render(lead.review_data())
    assert "- Most of the value lost went to Price: 57.1% (D-3)." in report
    assert ("| Reason | Deals | Value lost | Share |\n|---|---|---:|---:|\n| Price | D-3 | 4,000 | 57.1% |\n"
            "| timing | D-2 | 1,000 | 14.3% |\n| no reason given | D-4 | 2,000 | |\n") in report
    assert "Lost at (the stage before): Lead 3." in report
    assert lead.review()["win_loss"]["total"]["win_rate"] == 25
