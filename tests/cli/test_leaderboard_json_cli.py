"""`uplift leaderboard --json` gives each rep's attainment as the table writes it, rounded half up
to one decimal of a percent (not 66.66666666666667), as a fraction as every ratio of the JSON is
(0.667); the ranks are of the exact figures."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tests.cli.conftest import board_from_plan

PLAN = """\
schema: 1
plan:
  name: Thirds
  period: {start: 2026-10-01, end: 2026-12-31}
members:
- {name: dana, role: lead}
- {name: ali, role: rep}
- {name: bea, role: rep}
- {name: cy, role: rep}
stages:
- {name: Lead, probability: 10}
- {name: Won, probability: 100, outcome: won}
- {name: Lost, probability: 0, outcome: lost}
deals:
- {id: D-1, title: One, owner: ali, stage: Won, value: 20000, history: [{stage: Won, at: '2026-11-03T10:00:00Z'}]}
- {id: D-2, title: Two, owner: bea, stage: Won, value: 10000, history: [{stage: Won, at: '2026-11-04T10:00:00Z'}]}
- {id: D-3, title: Three, owner: cy, stage: Won, value: 20001, history: [{stage: Won, at: '2026-11-05T10:00:00Z'}]}
incentives:
- {id: I-1, name: Flat, quota: 30000, tiers: [{from_pct: 0, rate: 5}]}
"""


def test_leaderboard_json_attainment_is_rounded_as_the_table_is(tmp_path, capsys, monkeypatch) -> None:
    run = board_from_plan(tmp_path, capsys, monkeypatch, PLAN, datetime(2026, 12, 10, 12, tzinfo=timezone.utc))
    # of a 30,000 quota: cy 20,001 = 66.67% (66.7), ali 20,000 = 66.666…% (66.7), bea 10,000 =
    # 33.333…% (33.3); cy ranks above ali on the exact figure
    rows = json.loads(run("leaderboard", "--json")[1])
    assert [(r["rank"], r["rep"], r["attainment"]) for r in rows] == [(1, "cy", 0.667), (2, "ali", 0.667),
                                                                       (3, "bea", 0.333)]
    table = run("leaderboard")[1].splitlines()
    assert [line.split()[2] for line in table[1:]] == ["66.7%", "66.7%", "33.3%"]
