"""The hint lines of the pipeline's dialogs, the board's filter, `?` and a form's Cancel button
name their keys as the user remapped them (README "Themes, keys and the command palette"), not
the shipped ones: a hint saying "escape close" when escape no longer closes misleads."""

from __future__ import annotations

from textual.widgets import Button, Input, Static

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.forecast import ForecastScreen
from tui.screens.help import Help
from tui.screens.weekly_review import WeeklyReviewScreen
from tui.screens.winloss import WinLossScreen

KEYS = """keys:
  forecast.close: x
  forecast.commit: K
  winloss.close: x
  weekly.close: x
  weekly.tick: t
  weekly.previous: comma
  weekly.next: full_stop
  help.close: x
  board.clear: ctrl+l
  form.cancel: ctrl+g
"""


def remapped_app(team, own_config_dir) -> UpliftApp:
    """The lead's app with KEYS in the user's config."""
    own_config_dir.mkdir(parents=True)
    (own_config_dir / "config.yaml").write_text(KEYS, encoding="utf-8")
    return UpliftApp(Board(team, actor="dana"))


def hints(app: UpliftApp) -> list[str]:
    return [str(w.render()) for w in app.screen.query(".dialog-hint").results(Static)]


async def test_the_pipelines_dialogs_name_their_keys_as_remapped(team, own_config_dir) -> None:
    app = remapped_app(team, own_config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        for key, kind, hint in (
                ("F", ForecastScreen, "K next commit threshold · enter show a rep's deals · tab the months and "
                                      "the weeks · x close"),
                ("W", WinLossScreen, "enter show a rep's deals, or a reason's or stage's biggest lost deal · "
                                     "tab the next table · x close"),
                ("w", WeeklyReviewScreen, "enter/t tick · , . previous/next week · tab the pipeline, enter its "
                                          "biggest deal · x close")):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, kind))
            assert hint in hints(app)
            await pilot.press("x")
            await until(pilot, lambda: not isinstance(app.screen, kind))


async def test_the_filter_help_and_a_forms_cancel_name_their_keys_as_remapped(team, own_config_dir) -> None:
    app = remapped_app(team, own_config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("slash")
        await until(pilot, lambda: app.screen.query("#filter"))
        box = app.screen.query_one("#filter", Input)
        assert box.placeholder == "filter by id, title or owner (enter keeps it, ^l clears)"
        from tui.widgets.footer import Footer  # (the footer, while the box has the focus, says it too)

        await until(pilot, lambda: ("^l", "Clear filters") in [(key.key_display, key.description)
                                                               for key in app.screen.query_one(Footer).keys])
        await pilot.press(*"acme", "ctrl+l")  # (and it clears)
        await until(pilot, lambda: not box.display and not box.value)
        await pilot.press("slash")
        await pilot.press("enter")
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        assert "Keys (x closes)" in [str(w.render()) for w in app.screen.query(".dialog-question").results(Static)]
        await pilot.press("x")
        await until(pilot, lambda: not isinstance(app.screen, Help))
        await pilot.press("n")
        await until(pilot, lambda: app.screen.query("#cancel"))
        cancel = app.screen.query_one("#cancel", Button)
        assert str(cancel.label) == "Cancel (^g)"
