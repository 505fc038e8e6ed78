"""The cycle at a glance (C from any screen): the five phases, and enter opening one's screen."""

from __future__ import annotations

from textual.widgets import OptionList

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.cycle import CycleScreen
from tui.screens.pipeline import PipelineScreen


async def test_the_five_phases_and_a_jump_to_one(team) -> None:
    Board(team, actor="dana").add_deal("Acme renewal", owner="ali", value=12000)
    Board(team, actor="dana").add_note("Too dear", tags=["pain_point"])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        listing = app.screen.query_one(OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert [p.splitlines()[0] for p in prompts] == ["1 Diagnose", "2 Goals & strategy", "3 Plan & resources",
                                                        "4 Track", "5 Review & reward"]
        assert "notes 1 (1 pain point) · checklist" in prompts[0]  # one: no plural
        assert "no diagnosis yet: run one on last year's sales (1, then f;" in prompts[0]  # f: Diagnose's footer
        assert "  2 tasks: 2 to do, 0 doing, 0 blocked, 0 done" in prompts[2]
        assert "  1 open deal, 0 in the forecast: best case 0, weighted 0" in prompts[3]  # (no close date)
        await pilot.press("C")  # already open: no second one
        assert len([s for s in app.screen_stack if isinstance(s, CycleScreen)]) == 1
        await pilot.press("down", "down", "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))


async def test_a_dialog_asked_for_again_while_it_is_open_is_not_stacked_twice(team) -> None:
    """The palette's "The cycle at a glance" over the open cycle, or `T` over My day, put a second
    copy on top: escape then showed the same dialog again."""
    from tui.screens.agenda import TodayScreen

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        for key, kind in (("C", CycleScreen), ("T", TodayScreen)):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, kind))
            depth = len(app.screen_stack)
            getattr(app, "action_" + {"C": "cycle", "T": "today"}[key])()  # as the palette asks for it
            await pilot.pause()
            assert len(app.screen_stack) == depth and isinstance(app.screen, kind)
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, kind))


async def test_the_dialogs_hints_name_their_keys_as_remapped(team, own_config_dir) -> None:
    from textual.widgets import Static

    from tui.screens.agenda import TodayScreen
    from tui.screens.burnup import BurnUpScreen

    own_config_dir.mkdir(parents=True)
    (own_config_dir / "config.yaml").write_text(
        "keys:\n  cycle.close: x\n  cycle.setup: S\n  today.close: x\n  burnup.close: x\n  burnup.mine: M\n", encoding="utf-8")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        for key, kind, hint in (("C", CycleScreen, "enter opens the phase's screen · S team and cycle · x closes"),
                                ("T", TodayScreen, "enter jumps to the item · x closes"),
                                ("b", BurnUpScreen, "M only my tasks (again: everyone's) · x closes")):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, kind))
            assert str(app.screen.query_one(".dialog-hint", Static).render()) == hint
            await pilot.press("x")
            await until(pilot, lambda: not isinstance(app.screen, kind))


async def test_the_diagnose_hint_names_the_keys_as_remapped(team, own_config_dir) -> None:
    own_config_dir.mkdir(parents=True)
    (own_config_dir / "config.yaml").write_text("keys:\n  app.diagnose: f9\n  diagnose.open: ctrl+o\n",
                                                  encoding="utf-8")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        listing = app.screen.query_one(OptionList)
        assert "(f9, then ^o; or `uplift diagnose FILE`)" in str(listing.get_option_at_index(0).prompt)
