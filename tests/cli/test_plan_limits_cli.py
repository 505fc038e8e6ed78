"""A plan file holds at most 50,000 items (all its sections together) and no list of more than
50,000 entries: 5 MB of one-line tasks (315,000) took 43 s and 735 MB to dry-run, so a rep over
SSH could load the server. Past the limit the file is refused at the list that passes it, exit 2,
nothing written (README "Safe reading")."""

from __future__ import annotations

import pytest

from tests.conftest import snapshot_files

LIMIT = 50_000


def test_a_file_of_more_items_than_the_limit_is_refused_at_its_section(team, run, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n" + "".join(f"- title: t{n}\n" for n in range(LIMIT + 1)))
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan), "--dry-run")
    assert (code, out) == (2, "")
    # line 1 is `tasks:`, the task numbered LIMIT (the one past the limit) on line LIMIT + 2
    assert err.splitlines() == [
        f"{plan}:{LIMIT + 2}: tasks: more than 50,000 entries; a list in a plan file holds at most 50,000 "
        "(split it over several files)",
        "uplift: 1 problem; nothing was written"]
    assert snapshot_files(team) == before


@pytest.fixture
def small_limit(monkeypatch):
    """The same rule at a limit of 3, so that a file passing it is a few lines long."""
    monkeypatch.setattr("store.plan_yaml.MAX_ITEMS", 3)


def test_the_limit_counts_every_section_together(team, run, tmp_path, small_limit) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- title: a\n- title: b\ngoals:\n- title: c\n- title: d\n")
    before = snapshot_files(team)
    code, out, err = run("plan", "import", str(plan))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{plan}:6: goals: the file has more than 3 items; a plan file holds at most 3, all its sections "
        "together (split it over several files)",
        "uplift: 1 problem; nothing was written"]
    assert snapshot_files(team) == before


def test_a_long_list_inside_an_item_is_refused_where_it_is(team, run, tmp_path, small_limit) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- title: a\n  steps:\n  - text: one\n  - text: two\n  - text: three\n  - text: four\n")
    code, out, err = run("plan", "import", str(plan), "--dry-run")
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (f"{plan}:7: tasks[0].steps: more than 3 entries; a list in a plan file "
                                   "holds at most 3 (split it over several files)")


def test_a_file_at_the_limit_is_read(team, run, tmp_path, small_limit) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- title: a\n- title: b\ngoals:\n- title: c\n  metric: revenue\n  target: 10\n"
                    "  owner: dana\n  deadline: 2026-12-31\n")
    code, out, err = run("plan", "import", str(plan), "--dry-run")
    assert code == 0, err
    assert "Would create 3:" in out
