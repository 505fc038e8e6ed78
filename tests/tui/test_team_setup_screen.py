"""Team and cycle in the app ("Team and cycle" in the palette, `s` on the cycle screen): a lead
starting from nothing sets the plan's name and dates, adds members and sets WIP limits through
the store's own calls (so the activity log and undo see them, as the command line's); bad input
is named next to its field and nothing is written; a rep reads it and is told the rule."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from store.board import Board
from tests.conftest import snapshot_files
from tests.tui.waiting import run_palette, until
from tui.app import UpliftApp
from tui.screens.cycle import CycleScreen
from tui.screens.dialogs import Confirm
from tui.screens.fields_form import FieldsForm
from tui.screens.team_setup import TeamSetupScreen
from tui.widgets.footer import Footer

SIZE = (120, 40)


def members(app) -> list[list[str]]:
    table = app.screen.query_one("#setup-members", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def text(app, id: str) -> str:
    return str(app.screen.query_one(id, Static).render())


async def fill(app, pilot, **values: str) -> None:
    await until(pilot, lambda: isinstance(app.screen, FieldsForm))
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}", Input).value = value
    await pilot.press("ctrl+s")


async def open_setup(app, pilot) -> None:
    await pilot.press("C")
    await until(pilot, lambda: isinstance(app.screen, CycleScreen))
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))


async def test_a_lead_sets_up_a_new_board_from_the_app(board_path) -> None:
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "No team yet: press C, then s," in text(app, "#board-status"))
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        assert "no cycle dates yet: press s to set them" in text(app, "#cycle-title")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))
        assert "Press a to add yourself as its lead first" in text(app, "#setup-empty")

        await pilot.press("a")  # the first member: the form offers dana, as lead
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert app.screen.query_one("#field-member", Input).value == "dana"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and members(app))
        await pilot.press("a")
        await fill(app, pilot, member="ali", zone="Europe/Berlin")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and len(members(app)) == 2)
        assert members(app) == [["ali", "rep", "Europe/Berlin", "–"], ["dana", "lead", "the machine's", "–"]]

        await pilot.press("c")
        await fill(app, pilot, name="North team, Q1 2027", start="2027-01-04", end="2027-03-31")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and "2027" in text(app, "#setup-plan"))
        assert text(app, "#setup-plan") == "Plan: North team, Q1 2027 · 2027-01-04 to 2027-03-31"
        assert "North team, Q1 2027 · dana (lead)" in app.sub_title

        await pilot.press("w")
        await fill(app, pilot, doing="3")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and "3" in text(app, "#setup-wip"))
        assert text(app, "#setup-wip") == "WIP limits: Doing 3"

        await pilot.press("escape")  # the cycle beneath shows the dates now
        await until(pilot, lambda: isinstance(app.screen, CycleScreen) and "2027-01-04" in text(app, "#cycle-title"))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CycleScreen))
        assert "No team yet" not in text(app, "#board-status")  # (the board has its team now)
        await pilot.press("ctrl+z")  # undo takes back the last of them, the WIP limit, as for the command
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: not Board(board_path, actor="dana").wip_limits())

    board = Board(board_path, actor="dana")
    assert [(m.name, m.role, m.zone) for m in board.members()] == [
        ("ali", "rep", "Europe/Berlin"), ("dana", "lead", "")]
    assert board.plan_info()["name"] == "North team, Q1 2027"
    assert board.plan_info()["period"] == {"start": "2027-01-04", "end": "2027-03-31"}
    # the activity log holds each change, by dana, newest first (the WIP limit's, then its undoing)
    assert [a.action for a in board.history()][1:5] == ["board.wip", "board.plan", "member.add", "member.add"]
    assert {a.actor for a in board.history()} == {"dana"}


async def test_bad_input_is_named_next_to_its_field_and_nothing_is_written(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        before = snapshot_files(team)
        await pilot.press("w")
        await fill(app, pilot, doing="3", blocked="lots")
        await until(pilot, lambda: "whole number" in text(app, "#error-blocked"))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))
        await pilot.press("c")
        await fill(app, pilot, start="2027-01-04")
        await until(pilot, lambda: "first and a last day" in text(app, "#error-end"))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))
        await pilot.press("a")
        await fill(app, pilot, member="Ali Khan")
        await until(pilot, lambda: "is not a member name" in text(app, "#error-member"))
        await fill(app, pilot, member="cy", zone="Mars/Base")
        await until(pilot, lambda: "is not a time zone" in text(app, "#error-zone"))
        await fill(app, pilot, member="ali", zone="")
        await until(pilot, lambda: "already a member" in text(app, "#error-form"))
        assert snapshot_files(team) == before


async def test_the_wip_form_keeps_the_stores_bound(team) -> None:
    """1000 cards in a column is refused next to its field, as `uplift wip doing 1000` refuses it;
    999 is the most the store takes, and the form takes it too."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        before = snapshot_files(team)
        await pilot.press("w")
        await fill(app, pilot, doing="1000")
        await until(pilot, lambda: "from 1 to 999" in text(app, "#error-doing"))
        assert snapshot_files(team) == before
        await fill(app, pilot, doing="999")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and "999" in text(app, "#setup-wip"))
    assert Board(team, actor="dana").wip_limits() == {"doing": 999}


async def test_a_rep_reads_it_and_is_told_the_rule(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        await until(pilot, lambda: app.screen.query_one(Footer).keys)
        offered = {key.action for key in app.screen.query_one(Footer).keys}
        assert not offered & {"cycle", "add_member", "wip"} and "zone" in offered
        assert [row[0] for row in members(app)] == ["ali", "bea", "dana"]
        assert text(app, "#setup-hint").startswith("Read only: a lead sets the team and the cycle")
        for key in ("a", "c", "w"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TeamSetupScreen)  # no form opened
        said = [str(n.message) for n in app._notifications]
        assert "only a lead may add members (you are a rep)" in said
        assert "only a lead may change the board's settings (you are a rep)" in said
        # a rep's own time zone is their own to set; another's is refused with the rule
        table = app.screen.query_one("#setup-members", DataTable)
        table.move_cursor(row=1)  # bea
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, TeamSetupScreen)
        assert any("a rep may set only their own time zone" in str(n.message) for n in app._notifications)
        table.move_cursor(row=0)  # ali
        await pilot.press("z")
        await fill(app, pilot, zone="Asia/Shanghai")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and "Asia/Shanghai" in members(app)[0])
    assert Board(team, actor="ali").zone_of("ali") is not None


async def test_the_palette_offers_it(board_path) -> None:
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, app, "Team and cycle")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))


def said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_lead_changes_roles_and_the_last_lead_stays(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        table = app.screen.query_one("#setup-members", DataTable)
        table.move_cursor(row=2)  # dana, the only lead
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TeamSetupScreen)  # refused before asking
        assert ("dana is the board's only lead, and a board keeps at least one lead; make someone else lead first"
                in said(app))
        table.move_cursor(row=0)  # ali, a rep
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "Make ali a lead?" in app.screen.question
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and members(app)[0][1] == "lead")
        app.screen.query_one("#setup-members", DataTable).move_cursor(row=2)  # dana may step down now
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")  # no: nothing changes
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))
        assert members(app)[2][1] == "lead"
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and members(app)[2][1] == "rep")
    board = Board(team, actor="dana")
    assert {m.name: m.role for m in board.members()} == {"ali": "lead", "bea": "rep", "dana": "rep"}
    assert [(a.action, a.item) for a in board.history()][:2] == [("member.role", "dana"), ("member.role", "ali")]


async def test_the_boards_only_member_is_not_removed_nor_made_a_rep(board_path) -> None:
    """A board keeps a lead: its only member (a lead) stays, and is told what to do instead,
    before any question is asked."""
    Board(board_path, actor="lee").add_member("lee", "lead")
    before = snapshot_files(board_path)
    app = UpliftApp(Board(board_path, actor="lee"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TeamSetupScreen)  # refused before asking
        assert said(app)[-1] == ("lee is the board's only member, and a board keeps at least one lead; "
                                 "add another lead first (a)")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TeamSetupScreen)
        assert said(app)[-1].startswith("lee is the board's only lead, and a board keeps at least one lead")
        assert [row[:2] for row in members(app)] == [["lee", "lead"]]
    assert snapshot_files(board_path) == before


async def test_in_chinese_the_last_lead_and_a_members_work_are_said_in_chinese(team, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        table = app.screen.query_one("#setup-members", DataTable)
        await pilot.press("d")  # ali owns a task, and nothing else
        await pilot.pause()
        assert said(app)[-1] == "ali 仍负责 1 个未完成的任务；请先移交：uplift member handover ali --to NAME"
        table.move_cursor(row=2)  # dana, the only lead
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TeamSetupScreen)
        assert said(app)[-1] == "dana 是此看板唯一的主管，而看板至少要保留一名主管；请先让其他人成为主管"


async def test_a_lead_removes_a_member_who_owns_no_open_work(team) -> None:
    Board(team, actor="dana").add_member("cy", "rep")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        table = app.screen.query_one("#setup-members", DataTable)
        assert [row[0] for row in members(app)] == ["ali", "bea", "cy", "dana"]
        await pilot.press("d")  # ali owns a task: as `uplift member remove`, hand it over first
        await pilot.pause()
        assert isinstance(app.screen, TeamSetupScreen)
        assert ("ali still owns 1 unfinished task; hand the work over first: "
                "uplift member handover ali --to NAME") in said(app)
        table.move_cursor(row=3)  # dana, the only lead of a team
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TeamSetupScreen)
        assert said(app)[-1].startswith("dana is the board's only lead")
        table.move_cursor(row=2)  # cy owns nothing
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert app.screen.question.startswith("Remove cy from the board? They own no open deals")
        await pilot.press("enter")  # (a removal: No has the focus)
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))
        assert len(members(app)) == 4
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and len(members(app)) == 3)
        assert "removed cy" in said(app)
    board = Board(team, actor="dana")
    assert [m.name for m in board.members()] == ["ali", "bea", "dana"]
    assert board.history()[0].action == "member.remove"
    assert board.undo()  # undo brings cy back, as for the command
    assert "cy" in {m.name for m in Board(team, actor="dana").members()}


async def test_a_rep_is_not_offered_role_or_remove(team) -> None:
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        await until(pilot, lambda: app.screen.query_one(Footer).keys)
        offered = {key.action for key in app.screen.query_one(Footer).keys}
        assert not offered & {"role", "remove_member"}
        for key in ("r", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TeamSetupScreen)  # nothing asked
        assert "only a lead may change members' roles (you are a rep)" in said(app)
        assert "only a lead may remove members (you are a rep)" in said(app)
    assert snapshot_files(team) == before


async def test_dates_corrected_say_which_budget_lines_stay_with_the_old_ones(team) -> None:
    """B-1 was requested in the cycle 2027-01-04 to 2027-03-31; the lead moves the dates a week
    on. The line stays counted in the old cycle (a new cycle starts its own budget), so it leaves
    the budget screen: the save says so, and how to bring it along, as `uplift plan info` does."""
    lead = Board(team, actor="dana")
    lead.set_plan_info("Q1", "2027-01-04", "2027-03-31")
    lead.request_budget("Booth", 800, task="T-1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_setup(app, pilot)
        await pilot.press("c")
        await fill(app, pilot, start="2027-01-11", end="2027-04-09")
        await until(pilot, lambda: any(n.severity == "warning" for n in app._notifications))
        assert [str(n.message) for n in app._notifications if n.severity == "warning"] == [
            "B-1: budget requested in the cycle 2027-01-04 to 2027-03-31, still counted there, not in this one; "
            "if its dates were only corrected, `uplift budget edit ID --cycle this` moves each into this one"]
