"""The Uplift app: one screen per phase of the cycle, watching the board for others' changes."""

from __future__ import annotations

import importlib
from importlib.resources import files

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from sales.errors import UpliftError
from sales.text import safe
from store.board import Board
from tui.plan_files import PlanFileCommands
from tui.user_text import tell

POLL_SECONDS = 0.5


class UpliftApp(PlanFileCommands, App):
    CSS_PATH = str(files("themes").joinpath("uplift.tcss"))
    TITLE = "Uplift"
    # one screen per phase, imported when first shown (the board opens on the plan)
    MODES = {"diagnose": lambda: _screen("diagnose", "DiagnoseScreen"),
             "goals": lambda: _screen("goals", "GoalsScreen"),
             "plan": lambda: _screen("board", "BoardScreen"),
             "pipeline": lambda: _screen("pipeline", "PipelineScreen"),
             "review": lambda: _screen("review", "ReviewScreen")}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("1", "switch_mode('diagnose')", "Diagnose", show=False, id="app.diagnose"),
        Binding("2", "switch_mode('goals')", "Goals", show=False, id="app.goals"),
        Binding("3", "switch_mode('plan')", "Plan", show=False, id="app.plan"),
        Binding("4", "switch_mode('pipeline')", "Pipeline", show=False, id="app.pipeline"),
        Binding("5", "switch_mode('review')", "Review", show=False, id="app.review"),
        Binding("exclamation_mark", "alerts", "Alerts", id="app.alerts"),
    ]

    def __init__(self, board: Board) -> None:
        super().__init__()
        self.board = board

    def on_mount(self) -> None:
        role = self.board.role or "reader"
        self.sub_title = safe(f"{self.board.name} · {self.board.actor} ({role})")
        self.switch_mode("plan")
        self.set_interval(POLL_SECONDS, self.watch_board)

    async def watch_board(self) -> None:
        """Show other people's changes: a stat per file twice a second, a re-read only on change."""
        try:
            changed = self.board.changed()
        except UpliftError as error:
            tell(self, error, "error")
            return
        if changed:
            for screen in self.screen_stack:
                refresh = getattr(screen, "refresh_board", None)
                if refresh:
                    await refresh()

    def action_alerts(self) -> None:
        from tui.screens.alerts import AlertsScreen

        self.push_screen(AlertsScreen(), lambda item: item and self.call_next(self.jump_to, item))

    async def jump_to(self, item: str) -> None:
        """Show an alert's item: a deal or stage on the pipeline, a task or column on the board."""
        if item.startswith(("D-", "stage:")):
            await self.switch_mode("pipeline")
            await self.screen.focus_item(item)
        elif item.startswith(("T-", "column:")):
            await self.switch_mode("plan")
            screen = self.screen
            await screen.refresh_board()
            if item.startswith("column:"):
                column = next((c for c in screen.kanban.columns if c.key == item.removeprefix("column:")), None)
                if column and column.cards:
                    column.cards[0].focus()
            else:
                await screen.kanban.focus_card(item)
        else:
            tell(self, f"{item} has no screen to jump to yet")

    def action_help(self) -> None:
        from tui.screens.help import Help, binding_rows

        self.push_screen(Help(binding_rows(self)))


def _screen(module: str, name: str) -> Screen:
    return getattr(importlib.import_module(f"tui.screens.{module}"), name)()


def run_app(board: Board) -> None:
    UpliftApp(board).run()
