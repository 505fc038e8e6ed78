"""A check-in in a plan file says where a goal stood, as `goal checkin` records one: a file may
not add one dated in the days to come (it would stand as the goal's latest value until then),
nor one on a goal after it was closed (a closed goal takes no more check-ins). A file the
board wrote itself still reads back: the check-ins it holds are kept as they are."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.conftest import snapshot_files

TODAY = date.today()


def _goal(run) -> None:
    assert run("goal", "add", "Grow revenue", "--owner", "ali", "--metric", "revenue",
               "--baseline", "100", "--target", "200")[0] == 0


def _checkins(run) -> list:
    return json.loads(run("goal", "show", "G-1", "--json")[1])["goal"]["checkins"]


def _import(run, tmp_path, text: str, user: str = "dana"):
    plan = tmp_path / "checkins.yaml"
    plan.write_text(text)
    return run("plan", "import", str(plan), user=user)


def test_a_check_in_dated_in_the_days_to_come_is_refused_for_a_rep_and_a_lead(team, run, tmp_path) -> None:
    _goal(run)
    later = TODAY + timedelta(days=30)
    before = snapshot_files(team)
    for user in ("ali", "dana"):
        text = f"checkins:\n- goal: G-1\n  value: 200\n  by: {user}\n  at: '{later}T10:00:00Z'\n"
        code, out, err = _import(run, tmp_path, text, user)
        assert (code, out) == (2, "")
        assert err.splitlines() == [
            f"{tmp_path / 'checkins.yaml'}:5: checkins[0].at: a check-in says where the metric stood; "
            f"{later} is still to come",
            "uplift: 1 problem; nothing was written"]
    assert snapshot_files(team) == before
    # dated yesterday, it is a check-in forgotten, as `goal checkin --date` takes one
    yesterday = TODAY - timedelta(days=1)
    code, _, err = _import(run, tmp_path, f"checkins:\n- {{goal: G-1, value: 150, by: ali, "
                                          f"at: '{yesterday}T10:00:00Z'}}\n", "ali")
    assert code == 0, err
    assert [(c["value"], c["by"]) for c in _checkins(run)] == [(150, "ali")]


def test_a_check_in_after_its_goal_was_closed_is_refused(team, run, tmp_path) -> None:
    _goal(run)
    week_ago = TODAY - timedelta(days=7)
    assert run("goal", "checkin", "G-1", "120", "--date", str(week_ago - timedelta(days=3)), user="ali")[0] == 0
    # closed a week ago, in a file; a check-in since then is refused, one from before it stays
    exported = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(exported))[0] == 0
    closing = exported.read_text().replace(
        "  direction: increase\n",
        f"  direction: increase\n  closed:\n    outcome: missed\n    'on': {week_ago}\n    by: dana\n", 1)
    exported.write_text(closing)
    assert run("plan", "import", str(exported))[0] == 0
    code, out, err = _import(run, tmp_path, f"checkins:\n- goal: G-1\n  value: 190\n  by: ali\n  at: '{TODAY}T08:00:00Z'\n",
                             "ali")
    assert (code, out) == (2, "")
    assert f"checkins.yaml:5: checkins[0].at: G-1 is closed (missed, on {week_ago}): it takes no more check-ins" in err
    assert [c["value"] for c in _checkins(run)] == [120]
    # the board's own file, with the closed goal and its check-in, reads back onto a fresh board
    assert run("plan", "export", "-o", str(exported))[0] == 0
    fresh = tmp_path / "fresh"
    code, _, err = run("--board", str(fresh), "plan", "import", str(exported))
    assert code == 0, err
    code, again, _ = run("--board", str(fresh), "plan", "export")
    assert again == exported.read_text()


def test_a_check_in_on_a_goal_that_rolls_up_is_refused(team, run, tmp_path) -> None:
    assert run("goal", "add", "Team revenue", "--metric", "revenue", "--unit", "$", "--baseline", "0",
               "--target", "100", "--rollup", "sum")[0] == 0
    assert run("goal", "add", "Ali's part", "--owner", "ali", "--metric", "revenue", "--unit", "$",
               "--baseline", "0", "--target", "50", "--parent", "G-1")[0] == 0
    before = snapshot_files(team)
    code, out, err = _import(run, tmp_path, f"checkins:\n- goal: G-1\n  value: 40\n  by: dana\n  at: '{TODAY}T08:00:00Z'\n")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{tmp_path / 'checkins.yaml'}:2: checkins[0].goal: G-1 rolls up from its contributors (sum of G-2); "
        "check in on those, or set rollup none",
        "uplift: 1 problem; nothing was written"]
    assert snapshot_files(team) == before
    # the file that sets it to roll up no more may check in on it
    plan = tmp_path / "plan.yaml"
    assert run("plan", "export", "-o", str(plan))[0] == 0
    plan.write_text(plan.read_text().replace("  rollup: sum\n", "") +
                    f"checkins:\n- goal: G-1\n  value: 40\n  by: dana\n  at: '{TODAY}T08:00:00Z'\n")
    code, _, err = run("plan", "import", str(plan))
    assert code == 0, err
    assert [c["value"] for c in _checkins(run)] == [40]
