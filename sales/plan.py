"""A whole plan as one document: what `uplift plan export` writes and `plan import` reads.

The document has a few board-wide parts (`plan`: name and period; `members`; `former`: who has
left; `wip` limits) and then one list per kind of item, in the order of `SECTIONS`. Each item
section is described by one `Section` row, and everything else (export, checking, import, the
dry-run summary) works from that table. To put a new kind of item into plan files (budgets,
deals, check-ins, ...):

  1. add its model (a msgspec Struct with an `id` field) and its id prefix (sales/ids.py);
  2. add a `Section(key, kind, model, refs)` row to `SECTIONS` below, where `refs` maps each
     field that names another item to that item's kind (or "member" for a member's name);
  3. give the kind a home in the store (HOMES in store/board_core.py) and permission rules for
     `<kind>.add` and `<kind>.edit` if reps may do them (sales/permissions.py).

Nothing else needs to change: the section is then exported, validated (unknown keys, types,
duplicate ids, dangling references, owners who are not members) and imported with the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import msgspec

from sales.approvals import Approval, PayoutHold
from sales.budget import BudgetLine, SpendEntry, TrainingItem
from sales.checklists import Checklist
from sales.deals import Deal, Stage
from sales.goals import CheckIn, Goal, Strategy
from sales.incentives import IncentivePlan
from sales.members import FormerMember, Member
from sales.notes import Note
from sales.plan_info import Period, PlanInfo  # noqa: F401  (part of the plan document)
from sales.plan_ticks import PlanTick
from sales.review import ReviewAnswer
from sales.snapshots import SavedMapping, Snapshot
from sales.tasks import Status, Task

PLAN_SCHEMA = 1  # the version of the plan file format (bump it when a file's meaning changes)


@dataclass(frozen=True)
class Section:
    """One list of items in a plan file.

    key: the section's key in the file; kind: the store's kind (ids are `format_id(kind, n)`);
    model: the item's Struct; refs: field -> the kind it refers to ("member" = a member's name).
    """

    key: str
    kind: str
    model: type
    refs: dict[str, str] = field(default_factory=dict)

    @property
    def owned(self) -> bool:
        """Whether items have an owner (whose permission rules then apply)."""
        return "owner" in self.model.__struct_fields__


SECTIONS: tuple[Section, ...] = (
    # phase 1 first: the kept diagnoses (a goal's baseline names one) and the interview notes
    Section("diagnoses", "snapshot", Snapshot, {"saved_by": "member"}),
    # the column mappings saved for next time (`uplift diagnose --map`), each for files with its columns
    Section("mappings", "mapping", SavedMapping, {"saved_by": "member"}),
    Section("notes", "note", Note, {"author": "member"}),
    Section("goals", "goal", Goal, {"owner": "member", "parent": "goal", "carried_from": "goal",
                                    "closed.by": "member"}),
    Section("strategies", "strategy", Strategy, {"goals": "goal"}),
    Section("tasks", "task", Task, {"owner": "member", "goal": "goal", "strategy": "strategy", "deal": "deal",
                                    "depends": "task"}),
    Section("checkins", "checkin", CheckIn, {"goal": "goal", "by": "member"}),
    Section("budget_lines", "budget", BudgetLine, {"strategy": "strategy", "task": "task",
                                                   "requested_by": "member", "decided_by": "member"}),
    Section("spending", "spend", SpendEntry, {"line": "budget", "by": "member"}),
    Section("training", "training", TrainingItem, {"strategy": "strategy"}),
    Section("deals", "deal", Deal, {"owner": "member", "strategy": "strategy"}),
    Section("checklists", "checklist", Checklist),
    Section("incentives", "incentive", IncentivePlan),
    Section("review_answers", "answer", ReviewAnswer, {"by": "member"}),
    Section("approvals", "approval", Approval, {"rep": "member", "by": "member"}),
    Section("holds", "hold", PayoutHold, {"rep": "member", "by": "member", "released_by": "member"}),
)

# the board-wide parts, in the order they are written, before the item sections
HEAD_KEYS = ("schema", "plan", "members", "former", "wip", "stages")
# ... and after them: the ticks of the board's own checklists (no ids: matched by checklist, week
# or cycle, and step; sales/plan_ticks.py)
TAIL_KEYS = ("ticks",)


class Plan(msgspec.Struct, forbid_unknown_fields=True):
    """The whole document. Every part is optional in a file: what is absent is left alone."""

    schema: int = PLAN_SCHEMA
    plan: PlanInfo | None = None
    members: list[Member] = []
    former: list[FormerMember] = []  # who has left the board (named on what they did, never given new work)
    wip: dict[Status, int] = {}
    stages: list[Stage] = []  # the deal pipeline's columns, in order (a board setting, as wip)
    diagnoses: list[Snapshot] = []
    mappings: list[SavedMapping] = []
    notes: list[Note] = []
    goals: list[Goal] = []
    strategies: list[Strategy] = []
    tasks: list[Task] = []
    checkins: list[CheckIn] = []
    budget_lines: list[BudgetLine] = []
    spending: list[SpendEntry] = []
    training: list[TrainingItem] = []
    deals: list[Deal] = []
    checklists: list[Checklist] = []
    incentives: list[IncentivePlan] = []
    review_answers: list[ReviewAnswer] = []
    approvals: list[Approval] = []
    holds: list[PayoutHold] = []
    ticks: list[PlanTick] = []


def as_written(value: object) -> object:
    """Plain data as a plan file says it: empty fields (null, "", [] or {}) left out, a whole
    float as an int. What the file's writer writes, and what a kept record read back from one is
    compared by (a kept diagnosis's free-form `said` loses its empty parts in the file)."""
    if isinstance(value, dict):
        out = {key: as_written(item) for key, item in value.items()}
        return {key: item for key, item in out.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [as_written(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)  # `target: 15`, as a person writes it (15.0 changed every hand-written number line)
    return value
