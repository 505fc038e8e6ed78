"""A goal on a rate reads in % however it came to the board (added, edited into a rate, or from
a plan file or an earlier board that gave it no unit), while the board keeps, and a plan export
writes, the unit as it was given; and a plan file's rate goal starts and aims within 0 to 100%,
as `goal add` holds it."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files

UNITLESS = """goals:
- title: Win more
  owner: dana
  metric: win_rate
  baseline: 40
  target: 45
"""


def _import(run, tmp_path, text: str):
    plan = tmp_path / "plan.yaml"
    plan.write_text(text)
    return run("plan", "import", str(plan))


def test_a_rate_goal_without_a_unit_reads_in_percent_everywhere(run, tmp_path) -> None:
    assert _import(run, tmp_path, UNITLESS)[0] == 0
    shown = run("goal", "show", "G-1")[1]
    assert "  baseline  40%\n" in shown and "increase to 45%" in shown
    assert json.loads(run("goal", "list", "--json")[1])[0]["unit"] == "%"
    assert run("review")[1].splitlines()[1].split()[:3] == ["G-1", "40%", "45%"]
    # the export keeps the file as it was written: no unit said, none written
    exported = run("plan", "export")[1]
    assert "metric: win_rate" in exported and "unit:" not in exported
    # a goal edited into a rate reads in % too
    assert run("goal", "add", "Satisfied customers", "--metric", "satisfaction", "--baseline", "7",
               "--target", "8")[0] == 0
    assert "  baseline  7\n" in run("goal", "show", "G-2")[1]
    assert run("goal", "edit", "G-2", "--metric", "win_rate", "--baseline", "30", "--target", "35")[0] == 0
    assert "  baseline  30%\n" in run("goal", "show", "G-2")[1]


def test_a_plan_file_rate_goal_outside_0_to_100_is_refused(run, team, tmp_path) -> None:
    before = snapshot_files(team)
    code, out, err = _import(run, tmp_path, UNITLESS.replace("target: 45", "target: 140%"))
    assert (code, out) == (2, "")
    assert err == (f"{tmp_path / 'plan.yaml'}:6: goals[0].target: win rate is a rate from 0 to 100%: "
                   "a target of 140% is not one\nuplift: 1 problem; nothing was written\n")
    code, _, err = _import(run, tmp_path, UNITLESS.replace("baseline: 40", "baseline: -5"))
    assert code == 2 and ":5: goals[0].baseline: win rate is a rate from 0 to 100%: a baseline of -5%" in err
    assert snapshot_files(team) == before
