"""The board: every kind of item's API on one object, over the shared core (store/board_core.py)."""

from __future__ import annotations

from store.accounts import AccountQueries
from store.agenda import AgendaQueries
from store.alerts import AlertChanges
from store.board_core import BoardCore
from store.cycle import CycleQueries
from store.budget import BudgetChanges
from store.burnup import BurnUpQueries
from store.deals import DealChanges
from store.diagnoses import DiagnosisChanges
from store.goal_measures import GoalMeasures
from store.goals import GoalChanges
from store.handover import HandoverChanges
from store.incentives import ReviewChanges
from store.members import MemberChanges
from store.plan_io import PlanTransfer
from store.settings import SettingsChanges
from store.tasks import TaskChanges
from store.touches import TouchChanges
from store.undo import UndoChanges


class Board(TaskChanges, GoalChanges, GoalMeasures, BudgetChanges, DealChanges, TouchChanges, AlertChanges,
            DiagnosisChanges, ReviewChanges, HandoverChanges, MemberChanges, SettingsChanges, PlanTransfer, UndoChanges,
            AgendaQueries, CycleQueries, BurnUpQueries, AccountQueries, BoardCore):
    """A board folder opened by one actor. Cheap to keep open; see `changed()` for watching."""
