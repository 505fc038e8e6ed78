"""Members' SSH keys on Team and cycle (`k` add, `K` remove): a lead pastes a public key, checked
as `uplift member key add` checks a key file; what is wrong is said next to the box and nothing is
written; a rep is told the rule before any form."""

from __future__ import annotations

from textual.widgets import Select

from sales.keys import fingerprint
from store.board import Board
from tests.conftest import snapshot_files
from tests.tui.test_team_setup_screen import SIZE, fill, members, open_setup, text
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.dialogs import Confirm
from tui.screens.fields_form import FieldsForm
from tui.screens.team_setup import TeamSetupScreen
from tui.widgets.footer import Footer

# (public keys of ssh-keygen's ed25519 layout; only their form is checked here, never a login)
ONE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq4P4CNnBTVpSlJpJG3CYnF3mrDgKm0aVEbhc7bFBUo ali@laptop"
TWO = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIE0lAnWZqKJ0BAsC44gAWu/QxBEY5VuvyIN4d5C4DA5 [b]ali@desk"


async def test_a_lead_adds_a_pasted_key_and_removes_one_of_two(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        assert members(app)[0] == ["ali", "rep", "the machine's", "–"]
        await pilot.press("k")  # (the cursor is on ali)
        await fill(app, pilot, key=ONE)
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and members(app)[0][3] == "1")
        assert any(fingerprint(ONE.split()[1]) in str(n.message) for n in app._notifications)
        await pilot.press("k")
        await fill(app, pilot, key=TWO)
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and members(app)[0][3] == "2")
        await pilot.press("K")  # two keys: which one
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        choice = app.screen.query_one("#field-key", Select)
        assert {str(option[0]) for option in choice._options} >= {
            f"{fingerprint(ONE.split()[1])} (ali@laptop)", f"{fingerprint(TWO.split()[1])} ([b]ali@desk)"}
        choice.value = fingerprint(TWO.split()[1])
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and members(app)[0][3] == "1")
        await pilot.press("K")  # one key: a question
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and members(app)[0][3] == "–")
    actions = [record.action for record in Board(team, actor="dana").history(item="ali", limit=4)]
    assert actions == ["member.key_remove", "member.key_remove", "member.key_add", "member.key_add"]


async def test_what_is_no_public_key_is_said_next_to_the_box_and_nothing_is_written(team) -> None:
    Board(team, actor="dana").add_member_key("bea", ONE)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        before = snapshot_files(team)
        await pilot.press("k")
        await fill(app, pilot, key="-----BEGIN OPENSSH PRIVATE KEY-----")
        await until(pilot, lambda: "this is a PRIVATE key" in text(app, "#error-key"))
        await fill(app, pilot, key="[b]hello[/b] \x1b[31m")
        await until(pilot, lambda: "not a usable public key" in text(app, "#error-key"))
        await fill(app, pilot, key=ONE)  # bea's
        await until(pilot, lambda: "already lets bea in" in text(app, "#error-form"))
        assert snapshot_files(team) == before


async def test_a_rep_is_told_the_rule_before_any_form(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        await until(pilot, lambda: app.screen.query_one(Footer).keys)
        offered = {key.action for key in app.screen.query_one(Footer).keys}
        assert not offered & {"add_key", "remove_key"}
        for key in ("k", "K"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TeamSetupScreen)
        said = [str(n.message) for n in app._notifications]
        assert "only a lead may add members' keys (you are a rep)" in said
        assert "only a lead may remove members' keys (you are a rep)" in said
