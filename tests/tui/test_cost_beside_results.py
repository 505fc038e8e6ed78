"""What the budget cost, beside what it got: under each strategy of a goal (Goals screen), and the cycle's
spending per deal won (Review screen)."""

from __future__ import annotations

import pytest

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp


@pytest.mark.parametrize(("lang", "said"), [("en", "budget 1,000 approved, 350 spent"),
                                            ("zh", "预算已批准 1,000，已支出 350")])
async def test_each_strategy_of_a_goal_says_what_it_costs(team, monkeypatch, lang, said) -> None:
    monkeypatch.setenv("UPLIFT_LANG", lang)
    lead = Board(team, actor="dana")
    lead.add_goal("Grow")
    lead.add_strategy("Fairs", goals=["G-1"], dimension="market")
    lead.add_strategy("Bundle", goals=["G-1"], dimension="product")
    lead.update_task("T-1", strategy="S-1")
    lead.approve_budget(lead.request_budget("Booth", 1200, strategy="S-1").id, "one booth", 1000)
    lead.record_spend("B-1", 300)
    lead.record_spend(lead.request_budget("Taxi", 80, task="T-1").id, 50)  # (T-1 serves S-1)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: "S-2" in str(app.screen.query_one("#goal-strategies").render()))
        lines = str(app.screen.query_one("#goal-strategies").render()).splitlines()
        assert [line.rstrip() for line in lines[1:]] == [
            "  S-1  " + ("Market & customer: " if lang == "en" else "市场与客户：") + "Fairs",
            "       " + said,
            "  S-2  " + ("Product & solution: " if lang == "en" else "产品与方案：") + "Bundle"]


@pytest.mark.parametrize(("lang", "said"), [("en", "budget spent 1,200 (1,200 per deal won)"),
                                            ("zh", "预算支出 1,200（每个赢单 1,200）")])
async def test_the_review_weighs_the_cycles_spending_against_its_wins(team, monkeypatch, lang, said) -> None:
    from datetime import date, timedelta

    monkeypatch.setenv("UPLIFT_LANG", lang)
    lead = Board(team, actor="dana")
    lead.set_plan_info("Q", start=date.today() - timedelta(days=10), end=date.today() + timedelta(days=10))
    lead.add_deal("Acme", value=5000, owner="ali")
    lead.move_deal("D-1", "Won")
    lead.record_spend(lead.request_budget("Booth", 2000, task="T-1").id, 1200)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: str(app.screen.query_one("#review-process").render()).strip())
        assert str(app.screen.query_one("#review-process").render()).replace("\n", " ").rstrip().endswith(said)
