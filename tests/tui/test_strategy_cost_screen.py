"""The Goals screen puts under each strategy of the selected goal what it costs."""

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
            "  S-1  " + ("Market & customer" if lang == "en" else "市场与客户") + ": Fairs",
            "       " + said,
            "  S-2  " + ("Product & solution" if lang == "en" else "产品与方案") + ": Bundle"]
