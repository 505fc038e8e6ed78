"""The plan document carries goals, check-ins, strategies and resources without loss.

The byte-exact `uplift plan export/import` YAML round trip belongs with the yaml branch; this
proves the objects survive the document's builtins form and a YAML dump/load of it.
"""

from __future__ import annotations

import msgspec
import yaml

from sales.plan import Plan
from sales.validation import convert

FULL = {
    "plan": {"name": "North Q4", "period": {"start": "2026-10-01", "end": "2026-12-31"}, "budget": 40000},
    "members": [{"name": "dana", "role": "lead"}, {"name": "ali", "role": "rep"}],
    "goals": [{"id": "G-1", "title": "Grow revenue", "owner": "dana", "metric": "revenue",
               "scope": {"region": "North", "segment": "mid-market"}, "baseline": 1200000,
               "baseline_source": "snapshot 2026-Q3", "target": 15, "target_kind": "percent",
               "unit": "$", "direction": "increase", "start": "2026-10-01", "deadline": "2026-12-31",
               "subtargets": [{"text": "new customers >= 30% of the growth", "value": 30, "unit": "%"}]}],
    "strategies": [{"id": "S-1", "title": "Mid-market", "dimension": "market", "goals": ["G-1"]}],
    "tasks": [{"id": "T-1", "title": "Call", "strategy": "S-1", "goal": "G-1"}],
    "checkins": [{"id": "C-1", "goal": "G-1", "value": 1250000, "confidence": "at_risk",
                  "comment": "slow October", "at": "2026-11-02T09:30:00+01:00", "by": "dana"}],
    "budget_lines": [{"id": "B-1", "title": "Trade show", "category": "marketing", "strategy": "S-1",
                      "requested": 8000, "requested_by": "ali", "status": "approved", "approved": 6000,
                      "decided_by": "dana", "reason": "one booth, not two"}],
    "spending": [{"id": "E-1", "line": "B-1", "amount": 2500.5, "on": "2026-11-03", "note": "deposit",
                  "by": "ali", "at": "2026-11-03T14:00:00+01:00"}],
    "training": [{"id": "L-1", "topic": "Pricing rules", "audience": "all reps", "on": "2026-10-20",
                  "done": True, "strategy": "S-1"}],
}


def test_every_object_survives_a_round_trip_through_builtins_and_yaml() -> None:
    plan = convert(FULL, Plan)
    assert plan.goals[0].scope.segment == "mid-market" and plan.spending[0].amount == 2500.5
    again = convert(msgspec.to_builtins(plan), Plan)
    assert again == plan
    through_yaml = convert(yaml.safe_load(yaml.safe_dump(msgspec.to_builtins(plan), sort_keys=False)), Plan)
    assert through_yaml == plan

