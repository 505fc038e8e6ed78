"""`uplift log --type`: an activity type, a kind of item, or `pipeline`; anything else is bad
usage naming what it takes (it used to say "Nothing in the log matches." and exit 0)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sales.activity import ITEM_KINDS
from sales.plan import SECTIONS
from sales.touches import TOUCH_TYPES
from store.diagnoses import CHECKLISTS

STORE = Path(__file__).resolve().parents[2] / "store"


def test_an_unknown_type_is_bad_usage_naming_the_types(run) -> None:
    code, out, err = run("log", "--type", "bogus")
    assert (code, out) == (2, "")
    said = err.splitlines()[-1]
    assert "--type" in said and "'bogus'" in said
    for accepted in ("call", "email", "deal", "task", "member", "pipeline"):
        assert f"'{accepted}'" in said, said


@pytest.mark.parametrize("kind", [*TOUCH_TYPES, *ITEM_KINDS])
def test_every_type_it_names_is_taken(run, kind) -> None:
    code, out, err = run("log", "--type", kind, "--json")
    assert (code, err) == (0, "") and isinstance(json.loads(out), list)


def test_a_kind_filters_the_feed(run) -> None:
    assert run("log", "add", "call", "--account", "Acme", "Asked about renewal")[0] == 0
    run("deal", "add", "Acme renewal", "--owner", "ali")
    actions = [r["action"] for r in json.loads(run("log", "--type", "deal", "--json")[1])]
    assert actions == ["deal.add"]
    actions = [r["action"] for r in json.loads(run("log", "--type", "call", "--json")[1])]
    assert actions == ["touch.log"]


def _store_actions() -> set[str]:
    """The actions the store's code writes, as literals where it puts a change."""
    found = set()
    for path in STORE.glob("*.py"):
        for line in path.read_text().splitlines():
            if re.search(r"put(_new|_update|_delete|_delete_linked)?\(|\baction = ", line):
                found |= {m.group(0).strip('"') for m in re.finditer(r'"[a-z]+\.[a-z_]+"', line)}
    return found


def test_every_action_the_store_writes_is_of_a_kind_the_log_takes() -> None:
    actions = _store_actions() | {action for *_, action in CHECKLISTS.values()}
    # what a plan file adds (its holds are logged as `payout hold` logs them, its diagnoses as
    # `diagnose` keeps one)
    logged_as = {"hold": "payout.hold", "snapshot": "diagnosis.save"}
    actions |= {logged_as.get(section.kind, f"{section.kind}.add") for section in SECTIONS}
    assert len(actions) > 40  # (the scan found them)
    assert {action.split(".")[0] for action in actions} <= set(ITEM_KINDS)


def test_a_changed_setting_or_list_of_steps_says_what_it_held(run, tmp_path) -> None:
    """The feed said `changed board: wip {} → {'doing': 3}` (Python's dicts) and, for steps
    edited in the task form, `changed T-1: steps [1] → [1]` (how many, not which)."""
    assert run("wip", "doing", "3")[0] == 0
    assert run("wip", "doing", "2")[0] == 0
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan:\n  name: board\n  period:\n    start: 2026-10-01\n    end: 2026-12-31\n")
    assert run("plan", "import", str(plan))[0] == 0
    assert run("task", "edit", "T-1", "--step", "price it", "--step", "send it")[0] == 0
    assert run("task", "tick", "T-1", "2")[0] == 0
    assert run("task", "edit", "T-1", "--step", "price it")[0] == 0
    lines = [line.split("  dana  ", 1)[1] for line in run("log", "--limit", "6")[1].splitlines()[1:]]
    assert lines == ["changed T-1: steps price it; [x] send it → price it",
                     "ticked “send it” on T-1",
                     "changed T-1: steps – → price it; send it",
                     "changed board: period – → 2026-10-01–2026-12-31",
                     "changed board: wip doing 3 → doing 2",
                     "changed board: wip – → doing 3"]
