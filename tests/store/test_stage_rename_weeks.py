"""A stage renamed in a plan file keeps its weekly counts: the funnel's sparklines (the weekly
review's trend) read the weeks taken under its old name under the new one, instead of starting
the renamed stage from nothing."""

from __future__ import annotations

from datetime import timedelta

from store.plan_yaml import plan_document
from tests.store.test_pipeline_store import Clock, MONDAY, as_


def _renamed(document: dict, old: str, new: str) -> dict:
    """The plan file as a lead edits it to rename a stage: in `stages`, each deal's stage and history."""
    for stage in document["stages"]:
        if stage["name"] == old:
            stage["name"] = new
    for deal in document.get("deals", []):
        if deal["stage"] == old:
            deal["stage"] = new
        for entry in deal.get("history", []):
            if entry["stage"] == old:
                entry["stage"] = new
    return document


def _trend(board, weeks: int = 3) -> dict[str, list[int]]:
    return {row.stage: row.trend for row in board.funnel(weeks=weeks)}


def test_a_stage_renamed_in_a_plan_file_keeps_its_weekly_counts(team) -> None:
    clock = Clock(MONDAY)
    lead = as_(team, "dana", clock)
    lead.add_deal("A", owner="ali", stage="Proposal")
    lead.add_deal("B", owner="bea", stage="Proposal")
    clock.moment += timedelta(days=7)
    lead.move_deal("D-2", "Won")
    clock.moment += timedelta(days=7)
    assert _trend(lead)["Proposal"] == [2, 1, 1]
    lead.import_plan(_renamed(plan_document(lead.export_plan()), "Proposal", "Offer"))
    trend = _trend(lead)
    assert "Proposal" not in trend
    assert trend["Offer"] == [2, 1, 1] and trend["Won"] == [0, 1, 1]
    # renamed again: the weeks follow to the latest name
    clock.moment += timedelta(days=7)
    lead.import_plan(_renamed(plan_document(lead.export_plan()), "Offer", "Quote"))
    assert _trend(lead, 4)["Quote"] == [2, 1, 1, 1]


def test_an_empty_stage_renamed_in_its_place_keeps_its_weeks_and_a_dropped_one_does_not_pass_them_on(team) -> None:
    clock = Clock(MONDAY)
    lead = as_(team, "dana", clock)
    lead.add_deal("A", owner="ali", stage="Negotiation")
    clock.moment += timedelta(days=7)
    lead.move_deal("D-1", "Won")  # Negotiation is empty now, with a week of 1 behind it
    clock.moment += timedelta(days=7)
    document = plan_document(lead.export_plan())
    document["stages"] = [s if s["name"] != "Negotiation" else {**s, "name": "Contract"} for s in document["stages"]]
    lead.import_plan(document)  # in its place, the same outcome: renamed
    assert _trend(lead)["Contract"] == [1, 0, 0]
    document = plan_document(lead.export_plan())
    document["stages"] = [s for s in document["stages"] if s["name"] != "Contract"]
    document["stages"].insert(0, {"name": "Inbound", "probability": 5})
    lead.import_plan(document)  # dropped, and another stage added elsewhere: not a rename
    assert _trend(lead)["Inbound"] == [0, 0, 0] and "Contract" not in _trend(lead)


def test_an_empty_stage_renamed_with_the_stage_list_keeps_its_weeks(team) -> None:
    clock = Clock(MONDAY)
    lead = as_(team, "dana", clock)
    lead.add_deal("A", owner="ali", stage="Qualified")
    clock.moment += timedelta(days=7)
    lead.move_deal("D-1", "Proposal")
    stages = [{"name": "Discovery" if s.name == "Qualified" else s.name, "probability": s.probability,
               "outcome": s.outcome} for s in lead.stages()]
    lead.set_stages(stages)  # (the store's: a stage that holds a deal may not go)
    assert _trend(lead, 2)["Discovery"] == [1, 0]
