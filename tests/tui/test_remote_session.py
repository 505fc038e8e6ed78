"""The app in a session over `uplift serve ssh` (UPLIFT_REMOTE=1): a key that would open a file on
the server says at once how to do it over SSH, before it asks for a file name that could never be
used (the refusal used to come only once the name was typed)."""

from __future__ import annotations

import pytest

from store.board import Board
from tests.conftest import snapshot_files
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.diagnose import DiagnoseScreen
from tui.screens.diagnose_forms import DiagnoseFileForm
from tui.screens.plan_file import AskPath

SIZE = (120, 40)


@pytest.fixture
def remote(monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_REMOTE", "1")


@pytest.mark.parametrize(("key", "told"), [
    ("x", "Over SSH the plan is exported with `ssh ... plan export > FILE.yaml`"),
    ("i", "Over SSH a plan is imported with `ssh ... plan import - < FILE.yaml`"),
])
async def test_plan_files_over_ssh_are_refused_before_a_file_is_asked_for(team, remote, key, told) -> None:
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await until(pilot, lambda: app._notifications)
        assert not isinstance(app.screen, AskPath)
        assert [n.message for n in app._notifications] == [told]
    assert snapshot_files(team) == before


async def test_a_diagnosis_over_ssh_is_refused_before_its_form(team, remote) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen) and app.screen.is_mounted)
        await pilot.press("f")
        await until(pilot, lambda: app._notifications)
        assert not isinstance(app.screen, DiagnoseFileForm)
        assert [n.message for n in app._notifications] == [
            "Not diagnosed, nothing saved: over SSH the server's files are out of reach: "
            "run `uplift diagnose FILE` on your own machine against the board"]


async def test_on_the_lead_s_own_machine_the_same_keys_ask_for_a_file(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, AskPath))


@pytest.mark.parametrize("over_ssh", [True, False])
async def test_the_palette_offers_file_commands_only_where_files_can_be_opened(team, monkeypatch, over_ssh) -> None:
    from tui.palette import UpliftCommands

    if over_ssh:
        monkeypatch.setenv("UPLIFT_REMOTE", "1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        offered = {c.title for c in app.get_system_commands(app.screen)}
        offered |= {e.text for e in UpliftCommands(app.screen).fixed_entries()}
        files = {"Export plan", "Import plan", "Diagnose a sales file"}
        assert offered & files == (set() if over_ssh else files)
        assert "My day" in offered and "Undo my last change" in offered
