"""A deal's strategy through the store API: checked as a task's link, cleared with "", kept by
a plan file, unlinked with its strategy, and counted once for it."""

from __future__ import annotations

import pytest

from sales.errors import Invalid
from store.board import Board
from store.plan_yaml import dump_plan, parse_plan_text


def test_the_link_is_checked_and_cleared(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_strategy("Fairs")
    with pytest.raises(Invalid, match="no strategy S-9") as raised:
        lead.add_deal("Isdom pilot", strategy="S-9")
    assert raised.value.field == "strategy" and lead.deals() == []
    deal = lead.add_deal("Isdom pilot", owner="ali", strategy="s1")  # any case, as typed
    assert deal.strategy == "S-1"
    with pytest.raises(Invalid, match="no strategy S-2"):
        lead.update_deal("D-1", strategy="S-2")
    assert lead.update_deal("D-1", strategy="").strategy is None
    assert lead.update_deal("D-1", title="Isdom pilot, phase 1").strategy is None


def test_it_travels_in_a_plan_file_and_a_deleted_strategy_leaves_it_unlinked(team, tmp_path) -> None:
    lead = Board(team, actor="dana")
    lead.add_strategy("Fairs")
    lead.add_deal("Isdom pilot", owner="ali", strategy="S-1")
    text = dump_plan(lead.export_plan())
    other = Board(tmp_path / "other", actor="dana")
    other.import_plan(parse_plan_text(text.encode()).document)
    assert other.deal("D-1").strategy == "S-1"
    assert lead.links_to("strategy", "S-1") == [("deal", "D-1")]
    lead.delete_strategy("S-1")
    assert lead.deal("D-1").strategy is None
    lead.undo()
    assert lead.deal("D-1").strategy == "S-1"


def test_a_tagged_deal_counts_once_for_its_strategy_and_not_for_others_that_worked_it(team) -> None:
    lead = Board(team, actor="dana")
    for title in ("Fairs", "Bundles"):
        lead.add_strategy(title)
    lead.add_deal("Acme", owner="ali", value=1000, strategy="S-1", stage="Won")
    lead.add_deal("Betasol", owner="ali", value=300, stage="Won")
    for strategy, deal in (("S-1", "D-1"), ("S-1", "D-1"), ("S-2", "D-1"), ("S-2", "D-2")):
        lead.add_task("Call", owner="ali", strategy=strategy, deal=deal)
    got = {r.strategy: (r.deals, r.won_value) for r in lead.strategy_results()}
    assert got == {"S-1": (["D-1"], 1000), "S-2": (["D-2"], 300)}
