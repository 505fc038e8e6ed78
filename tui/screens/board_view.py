"""A phase screen that shows the board: brought up to date when it comes back into view.

The app refreshes the screens on view when the board changes (tui/app.py). A phase screen
that was away meanwhile (another mode, or under a dialog that changed something) compares the
board's generation when it left with the board's now, and reads the board again if they differ
(or if the day changed meanwhile: what is due today and overdue is another day's).
"""

from __future__ import annotations

from textual.screen import Screen

from tui.remote import is_remote


class BoardView(Screen):
    """A Screen with `refresh_board()`, kept current across mode switches."""

    _generation_left: int | None = None
    _day_left = None  # (the day it was when the screen left: one left over midnight is read again)
    #: The screen's keys whose change only a lead may make, by action, with the rule each asks
    #: (sales/permissions.py). The footer leaves them out for anyone else; pressed, they still
    #: say the rule, and `?` still lists them.
    LEAD_KEYS: dict[str, str] = {}
    #: The screen's keys that open a file on this machine: over SSH (tui/remote.py) the files
    #: would be the server's, so the footer leaves them out there; pressed, they say how to do it
    #: over SSH instead.
    FILE_KEYS: frozenset[str] = frozenset()

    def offers(self, action: str) -> bool:
        """Whether the footer shows the key of `action` to this person."""
        if action in self.FILE_KEYS and is_remote():
            return False
        rule = self.LEAD_KEYS.get(action)
        return rule is None or self.app.board.may(rule)

    def on_screen_suspend(self) -> None:
        self._generation_left, self._day_left = self.app.board.generation, self.app.board.today()

    async def on_screen_resume(self) -> None:
        if self._generation_left is not None and (self._generation_left != self.app.board.generation
                                                  or self._day_left != self.app.board.today()):
            await self.refresh_board()
        self._generation_left = self._day_left = None

    async def refresh_board(self) -> None:
        """Show the board as it is now (each screen its own way)."""

    def moved_by_another(self, item: str) -> bool:
        """Whether `item`'s newest change is someone else's: a card this screen drew in one
        column that is now in another was then moved by them since the last poll (and a move of
        it from here would start from where it no longer is), not by this person's own keys a
        moment ago, whose redraw is on its way."""
        newest = self.app.board.history(item=item, limit=1)
        return bool(newest) and newest[0].actor != self.app.board.actor
