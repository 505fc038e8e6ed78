"""Look and feel: theme files, the user's config (theme and remapped keys), clashes and mistakes
reported without stopping the app, the palette's jumps, and `uplift --theme`."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Static

from store.board import Board
from tests.tui.waiting import notices, palette_found, palette_hits, palette_prompts, run_palette, until
from tui.app import UpliftApp
from tui.cli import main
from tui.screens.goals import GoalsScreen
from tui.screens.help import Help
from tui.screens.pipeline import PipelineScreen
from tui.screens.task_form import TaskForm
from tui.widgets.footer import Footer

SIZE = (120, 40)

MY_THEME = """\
# a user's own theme
name: sunrise
dark: false
primary: "#aa3300"
background: "#fff8e7"
foreground: "#222222"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


async def footer_keys(app: UpliftApp, pilot) -> dict[str, str]:
    def keys() -> dict[str, str]:
        return {key.description: key.key_display for key in app.screen.query_one(Footer).keys}

    await until(pilot, lambda: "New" in keys())  # the footer reads the keys again once the screen's bindings settle
    return keys()


async def test_a_remapped_key_and_a_users_theme_load_and_work(team, own_config_dir: Path) -> None:
    write(own_config_dir / "themes", "sunrise.yaml", MY_THEME)
    write(own_config_dir, "config.yaml", "# mine\ntheme: sunrise\nkeys:\n  board.new: a\n  app.help: f1\n  form.save: f2\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.startup_problems == []
        assert app.theme == "sunrise"
        assert app.current_theme.primary == "#aa3300"
        shown = await footer_keys(app, pilot)
        assert (shown["New"], shown["Help"]) == ("a", "f1")
        await pilot.press("n")  # no longer New
        assert not isinstance(app.screen, TaskForm)
        await pilot.press("a")
        assert isinstance(app.screen, TaskForm)
        heading = str(app.screen.query_one(".dialog-question", Static).render())
        assert heading.endswith("(f2 saves, esc cancels)")
        await pilot.press(*"Call Cobalt", "f2")
        await pilot.pause()
        assert not isinstance(app.screen, TaskForm)
        assert Board(team, actor="dana").task("T-3").title == "Call Cobalt"
        await pilot.press("question_mark")  # no longer help
        assert not isinstance(app.screen, Help)
        await pilot.press("f1")
        assert isinstance(app.screen, Help)
        rows = {description: key for key, description, _ in app.screen.rows}
        ids = {description: ident for _, description, ident in app.screen.rows}
        assert ids["New"] == "board.new"
        assert rows["New"] == "a"
        assert rows["Help"] == "f1"
        assert rows["Edit"] == "e, ⏎"  # untouched keys stay


async def test_help_lists_a_key_once_and_textuals_own_keys_without_an_id(team) -> None:
    """The pipeline's `?` listed tab twice (the kanban's Next card, and the screen's Focus Next
    that the kanban's shadows) and gave Textual's keys `PipelineScreen` as their id."""
    from tui.screens.diagnose import DiagnoseScreen

    Board(team, actor="dana").add_deal("Acme renewal", owner="ali", value=1000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.focused is not None)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        rows = app.screen.rows
        keys = [key for shown, _does, _id in rows for key in shown.split(", ")]
        assert keys.count("tab") == 1 and keys.count("shift+tab") == 1
        assert ("tab", "Next card", "kanban.next") in rows
        assert {ident for _keys, does, ident in rows if does == "Copy selected text"} == {"–"}
        assert not [ident for _keys, _does, ident in rows if "Screen" in ident or ident == "everywhere"]
        await pilot.press("escape", "1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        assert ("tab", "Focus Next", "–") in app.screen.rows  # nothing of ours takes tab there
        assert app.screen.rows[0][2] == "diagnose.open"  # ours first


async def test_a_broken_theme_is_reported_and_skipped(team, own_config_dir: Path) -> None:
    broken = write(own_config_dir / "themes", "broken.yaml",
                   "name: broken\nprimary: \"#12345\"\nbackground: black\n")
    write(own_config_dir / "themes", "sunrise.yaml", MY_THEME)
    write(own_config_dir, "config.yaml", "theme: broken\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"{broken}:2: primary: '#12345' is not a colour" in app.startup_problems[0]
        assert "there is no theme named 'broken'" in app.startup_problems[1]
        assert app.theme == "uplift-dark"  # the default, and the app runs
        assert "sunrise" in app.available_themes  # the good file next to it loaded
        shown = [n.message for n in app._notifications]
        assert any("broken.yaml:2: primary" in message for message in shown)


async def test_a_key_clash_an_unknown_id_and_a_bad_entry_are_reported(team, own_config_dir: Path) -> None:
    config = write(own_config_dir, "config.yaml",
                   "keys:\n  board.new: e\n  board.nwe: z\n  board.mine: [m]\ncolour: red\n")
    app = UpliftApp(Board(team, actor="dana"))
    problems = app.startup_problems
    assert f"{config}:4: keys.board.mine: ['m'] is not a key list (like `a` or `ctrl+n,f2`) (ignored)" in problems
    assert f"{config}:5: colour: unknown setting; a config file holds `theme`, `language`, `week_start` and `keys` (ignored)" in problems
    assert f"{config}:3: keys.board.nwe: no key binding has this id (ignored; press ? to see the keys)" in problems
    assert (f"{config}: key clash on BoardScreen: e is bound to board.new (New) and board.edit (Edit)"
            in problems)
    assert len(problems) == 4
    async with app.run_test(size=SIZE):
        shown = [n.message for n in app._notifications]
        assert any("key clash on BoardScreen" in message for message in shown)


def test_in_chinese_the_configs_problems_are_said_in_chinese(team, own_config_dir: Path, monkeypatch) -> None:
    """The same problems in the Chinese interface: the file, its lines, the ids and the keys as
    they are, the rest in Chinese."""
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    config = write(own_config_dir, "config.yaml",
                   "keys:\n  board.new: e\n  board.nwe: z\n  board.mine: [m]\ncolour: red\n")
    problems = UpliftApp(Board(team, actor="dana")).startup_problems
    assert sorted(problems) == sorted([
        f"{config}:4: keys.board.mine: ['m'] 不是按键列表（例如 `a` 或 `ctrl+n,f2`）（已忽略）",
        f"{config}:5: colour: 未知的设置；配置文件只包含 `theme`、`language`、`week_start` 和 `keys`（已忽略）",
        f"{config}:3: keys.board.nwe: 没有这个 id 的按键绑定（已忽略；按 ? 查看按键）",
        f"{config}: 按键冲突（BoardScreen）：e 同时绑定到 board.new（新建） 和 board.edit（编辑）",
    ])


async def test_a_config_that_is_not_yaml_is_ignored_with_its_line(team, own_config_dir: Path) -> None:
    config = write(own_config_dir, "config.yaml", "theme: uplift-light\nkeys: [unclosed\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.startup_problems[0].startswith(f"{config}:3: yaml:")
        assert app.startup_problems[0].endswith("(the whole file was ignored)")
        assert app.theme == "uplift-dark"
        await pilot.press("n")
        assert isinstance(app.screen, TaskForm)  # the keys are the shipped ones


async def test_changing_the_theme_is_remembered_and_keeps_the_users_comments(team, own_config_dir: Path) -> None:
    config = write(own_config_dir, "config.yaml", "# my settings\ntheme: uplift-dark  # dark\nkeys:\n  board.new: a\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "uplift-high-contrast"
        await until(pilot, lambda: "uplift-high-contrast" in config.read_text())
    assert config.read_text() == "# my settings\ntheme: uplift-high-contrast\nkeys:\n  board.new: a\n"


async def test_the_high_contrast_theme_is_black_white_and_yellow(team) -> None:
    app = UpliftApp(Board(team, actor="dana"), theme="uplift-high-contrast")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        variables = app.theme_variables
        assert variables["background"] == "#000000"
        assert variables["foreground"] == "#FFFFFF"
        assert variables["text-muted"] == "#ffffff"
        assert variables["uplift-card-focus-background"] == "#ffff00"
        assert variables["uplift-card-focus-foreground"] == "#000000"
        kanban = app.focused  # the focused card, as its column draws it under the header
        column = kanban.columns[kanban.cursor_column]
        title = next(segment for segment in column.render_line(1) if kanban.card.id in segment.text)
        assert title.style.bgcolor.get_truecolor().hex.upper() == "#FFFF00"
        assert title.style.color.get_truecolor().hex.upper() == "#000000"


@pytest.mark.parametrize("theme", ["uplift-dark", "uplift-light", "uplift-high-contrast"])
async def test_a_card_without_the_focus_is_drawn_in_the_themes_text_colour(team, theme) -> None:
    app = UpliftApp(Board(team, actor="dana"), theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kanban = app.focused
        column = kanban.columns[kanban.cursor_column]
        assert kanban.card.id == "T-1"  # T-2, under it, has not the focus
        lines = [column.render_line(y) for y in range(column.size.height)]
        title = next(segment for line in lines for segment in line if "T-2" in segment.text)
        foreground = app.theme_variables["foreground"].upper()
        assert title.style.color.get_truecolor().hex.upper() == foreground
        assert title.style.color != title.style.bgcolor


def test_uplift_theme_sets_the_theme_and_broken_themes_go_to_stderr(team, own_config_dir: Path, monkeypatch, capsys) -> None:
    ran: list[str] = []
    monkeypatch.setattr(UpliftApp, "run", lambda self: ran.append(self.theme))
    monkeypatch.setattr("tui.commands.board.has_terminal", lambda: True)
    write(own_config_dir / "themes", "bad.yaml", "name: Bad Name\nprimary: red\n")
    assert main(["--board", str(team), "--theme", "uplift-light"]) == 0
    assert ran == ["uplift-light"]
    err = capsys.readouterr().err
    assert f"uplift: {own_config_dir / 'themes' / 'bad.yaml'}:1: name:" in err


async def test_the_theme_given_on_the_command_line_is_written_to_the_config(team, own_config_dir: Path) -> None:
    app = UpliftApp(Board(team, actor="dana"), theme="uplift-light")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert (own_config_dir / "config.yaml").read_text() == "theme: uplift-light\n"
    assert UpliftApp(Board(team, actor="dana")).theme == "uplift-light"


def test_an_unknown_theme_on_the_command_line_is_bad_usage(team, monkeypatch, capsys) -> None:
    monkeypatch.setattr(UpliftApp, "run", lambda self: pytest.fail("the app should not start"))
    assert main(["--board", str(team), "--theme", "nope"]) == 2
    err = capsys.readouterr().err
    assert "there is no theme named 'nope'; themes: uplift-dark, uplift-high-contrast, uplift-light" in err


# ---------------------------------------------------------------------- the palette

async def test_the_palette_jumps_to_a_task_a_goal_and_a_deal(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_goal("Grow revenue in the North", owner="dana")
    lead.add_goal("Keep churn low", owner="dana")
    lead.add_deal("Acme renewal", owner="ali", value=1000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, app, "Visit Betasoloin")
        assert app.focused.card.id == "T-2"
        await run_palette(pilot, app, "G-2")
        assert isinstance(app.screen, GoalsScreen)
        table = app.screen.query_one("#goals-table", DataTable)
        assert app.focused is table
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "G-2"
        await run_palette(pilot, app, "Acme renewal")
        assert isinstance(app.screen, PipelineScreen)
        assert app.focused.card.id == "D-1"


async def test_an_id_typed_in_full_is_the_palettes_first_hit(team) -> None:
    """A fuzzy match of `T-31` scored `T-30 ... Q1 ...` higher; the item of that id comes first
    (and an item is found by the words typed, so `T-30` with its scattered letters is not)."""
    lead = Board(team, actor="dana")
    for n in range(3, 32):
        lead.add_task("Plan the Q1 kickoff" if n == 30 else f"Task {n}", owner="ali")
    for n in range(1, 16):
        lead.add_deal(f"Deal {n}", owner="ali", value=1000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        hits = await palette_hits(pilot, app, "T-31")
        assert hits[0].startswith("T-31 ") and not any(hit.startswith("T-30 ") for hit in hits)
        await pilot.press("escape")
        hits = await palette_hits(pilot, app, "d-1")  # the case does not matter
        assert hits[0].startswith("D-1 ") and any(hit.startswith("D-15 ") for hit in hits)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.focused.card.id == "D-1")


async def test_a_query_matching_many_items_lists_the_best_forty(team) -> None:
    """`Call` matches 60 tasks: the palette lists 40 of them (measuring 2,600 hits for `4` on a
    big board took a second a keystroke); an id typed in full is still found among them all."""
    lead = Board(team, actor="dana")
    for n in range(3, 63):
        lead.add_task(f"Call customer {n}", owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        hits = await palette_hits(pilot, app, "Call customer")
        assert len([hit for hit in hits if hit.startswith("T-")]) == 40
        await pilot.press("escape")
        hits = await palette_hits(pilot, app, "t-62")
        assert hits[0] == "T-62 Call customer 62"


async def test_the_palette_goes_to_every_phase(team) -> None:
    from tui.palette import SCREENS

    assert [key for _mode, _title, key in SCREENS] == ["1", "2", "3", "4", "5"]
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, app, "Go to Review")
        await until(pilot, lambda: app.current_mode == "review")


async def test_the_palette_switches_screens_and_shows_titles_as_text(team) -> None:
    Board(team, actor="dana").add_task("[@click=app.quit]x [b]bold[/b]", owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"click")
        await palette_found(pilot)
        shown = str(app.screen.query_one("CommandList").get_option_at_index(0).prompt)
        assert "T-3 [@click=app.quit]x [b]bold[/b]" in shown
        await pilot.press("escape")
        await run_palette(pilot, app, "Go to Pipeline")
        assert isinstance(app.screen, PipelineScreen)


async def test_the_palette_offers_undo(team) -> None:
    from tui.screens.dialogs import Confirm

    Board(team, actor="dana").move_task("T-1", "doing")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, app, "Undo my last")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "moved T-1 from To do to Doing" in app.screen.question
        await pilot.press("y")
        await until(pilot, lambda: not isinstance(app.screen, Confirm))
    assert Board(team, actor="dana").task("T-1").status == "todo"


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two colours (#RRGGBB): 1 (the same) to 21 (black on white)."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted([luminance(one), luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["uplift-dark", "uplift-light", "uplift-high-contrast"])
async def test_a_focused_cards_overdue_date_is_readable_in_every_theme(team, theme) -> None:
    """The error colour on the focus colour was 3.3:1 on the high-contrast theme (red on yellow),
    3.7:1 on the light one: on a focused card the overdue date is a badge of the error colour, as
    readable as the error colour on the background (WCAG AA asks 4.5:1)."""
    Board(team, actor="dana").update_task("T-1", due="2020-01-06")
    app = UpliftApp(Board(team, actor="dana"), theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kanban = app.focused
        assert kanban.card.id == "T-1"
        column = kanban.columns[kanban.cursor_column]
        lines = [column.render_line(y) for y in range(column.size.height)]
        overdue = next(segment for line in lines for segment in line if "OVERDUE" in segment.text)
        colour, background = (c.get_truecolor().hex.upper() for c in (overdue.style.color, overdue.style.bgcolor))
        assert contrast(colour, background) >= 4.5, (colour, background)
        assert app.theme_variables["error"].upper() in (colour, background)


@pytest.mark.parametrize("lang, title, new", [("en", "Keys", "New"), ("zh", "按键", "新建")])
async def test_the_palettes_keys_command_opens_the_help_in_the_interfaces_language(team, monkeypatch, lang, title, new) -> None:
    """Textual's "Keys" opened its own key panel beside the board, squeezing the columns to a
    word, with every key described in English; it opens Uplift's help (`?`) instead."""
    monkeypatch.setenv("UPLIFT_LANG", lang)  # (the app speaks it from when it is made)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = await palette_hits(pilot, app, title)
        assert hits[0] == title
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, Help))
        rows = {ident: description for _key, description, ident in app.screen.rows}
        assert rows["board.new"] == new
        assert not app.query("HelpPanel")


@pytest.mark.parametrize("lang, saved", [("en", "Saved a screenshot to {file}"), ("zh", "截图已保存到 {file}")])
async def test_the_palettes_screenshot_is_saved_where_there_is_no_downloads_folder(team, tmp_path, monkeypatch, lang, saved) -> None:
    """Textual saves a screenshot to ~/Downloads and said "Failed to save screenshot" (in English)
    where there is none: it goes to the folder Uplift was started in, and says where."""
    home, here = tmp_path / "home", tmp_path / "here"
    home.mkdir()
    here.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(here)
    monkeypatch.setenv("UPLIFT_LANG", lang)  # (the app speaks it from when it is made)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = await palette_hits(pilot, app, "截图" if lang == "zh" else "Screenshot")
        assert hits[0] in ("Screenshot", "截图")
        await pilot.press("enter")
        await until(pilot, lambda: list(here.glob("*.svg")))
        await until(pilot, lambda: any("svg" in str(n.message) for n in app._notifications))
        shot = next(here.glob("*.svg"))
        assert notices(app) == [saved.format(file=shot)]
        assert "<svg" in shot.read_text(encoding="utf-8")


def faint_text(app: UpliftApp) -> list[tuple[float, str]]:
    """Every piece of text on the screen as drawn whose colour on its background is under WCAG's
    4.5:1 (blocks, borders and scrollbars aside)."""
    faint = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            text, style = segment.text.strip(), segment.style
            if not text or style is None or style.color is None or style.bgcolor is None:
                continue
            if all(ch in "▔▁▎▊▏▕▌▐█▀▄━╸╺─│╭╮╰╯┌┐└┘┬┴┤├▂▃▅▆▇⭘" for ch in text):
                continue
            colour, background = (c.get_truecolor().hex.upper() for c in (style.color, style.bgcolor))
            if style.reverse:
                colour, background = background, colour
            ratio = contrast(colour, background)
            if ratio < 4.5:
                faint.append((round(ratio, 2), text))
    return faint


@pytest.mark.parametrize("theme", ["uplift-dark", "uplift-light", "uplift-high-contrast"])
async def test_every_screens_text_is_readable_in_every_theme(tmp_path, theme) -> None:
    """The five screens of the demo board, their text, footer and tabs at 4.5:1 or more: the
    SMART badges and a goal behind pace were a fixed green and red (3.6:1 on the dark theme, 3.8:1
    on the light), the footer's keys on the light theme 4.0:1, a tab not chosen 3.2:1 on the light
    theme."""
    from tests.tui.demo_board import build_demo, demo_board

    app = UpliftApp(demo_board(build_demo(tmp_path)), theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("3", "4", "2", "1", "5"):
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()  # (the Diagnose screen reads its diagnosis in one)
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert faint_text(app) == [], (key, theme)


async def test_the_high_contrast_themes_buttons_are_black_on_their_colour(team) -> None:
    """A primary button was white on yellow (1.1:1) on the high-contrast theme."""
    from textual.widgets import Button

    app = UpliftApp(Board(team, actor="dana"), theme="uplift-high-contrast")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, TaskForm))
        save = app.screen.query_one("#save", Button)
        style = save.rich_style
        assert contrast(style.color.get_truecolor().hex, style.bgcolor.get_truecolor().hex) >= 4.5


async def test_a_remapped_key_keeps_its_place_in_the_footer_and_in_help(team, own_config_dir: Path) -> None:
    """Textual's keymap puts a remapped binding last: `a New` fell off the end of the footer (past
    its `…` on 80 or 120 columns) and to the foot of `?`'s list."""
    write(own_config_dir, "config.yaml", "keys:\n  board.new: a\n  board.mine: M\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        shown = list(await footer_keys(app, pilot))
        assert shown[:6] == ["Help", "Quit", "Move left", "Move right", "New", "Edit"]
        assert shown.index("Mine") == shown.index("Filter") + 1
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        ours = [ident for _keys, _does, ident in app.screen.rows if ident.startswith("board.")]
        assert ours[:2] == ["board.new", "board.edit"]
        assert ours.index("board.mine") == ours.index("board.filter") + 1


@pytest.mark.parametrize("lang, said", [
    ("en", "'F2' is not a key name (like `a`, `ctrl+n`, `f2`, `escape` or `question_mark`) (ignored)"),
    ("zh", "'F2' 不是按键名（例如 `a`、`ctrl+n`、`f2`、`escape` 或 `question_mark`）（已忽略）"),
])
async def test_a_key_name_textual_does_not_know_is_reported_and_the_key_stays(team, own_config_dir: Path,
                                                                             monkeypatch, lang, said) -> None:
    """`F2` (Textual's is `f2`) or `ctrl+foo` was taken as it was: the binding then had a key no
    terminal sends, and nothing said why New no longer opened."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    config = write(own_config_dir, "config.yaml", "keys:\n  board.new: F2\n  board.mine: M, ctrl+foo\n"
                                                  "  app.help: f1,?\n")
    app = UpliftApp(Board(team, actor="dana"))
    problems = app.startup_problems
    assert f"{config}:2: keys.board.new: {said}" in problems
    assert any(line.startswith(f"{config}:3: keys.board.mine: 'ctrl+foo' ") for line in problems)
    assert len(problems) == 2  # f1 and ? are keys
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")  # the shipped key stays
        await until(pilot, lambda: isinstance(app.screen, TaskForm))


async def test_a_forms_key_remapped_onto_a_text_boxs_own_key_or_a_letter_is_a_clash(team, own_config_dir: Path) -> None:
    """form.save on ctrl+w passed the clash check, but in a form a text box has the focus and its
    ctrl+w (delete a word) ran instead: ^w Save was missing from the form's footer and never
    saved. A letter is typed into the boxes the same way."""
    config = write(own_config_dir, "config.yaml", "keys:\n  form.save: ctrl+w\n  form.cancel: q\n")
    app = UpliftApp(Board(team, actor="dana"))
    problems = app.startup_problems
    assert (f"{config}: key clash on ActivityForm: ctrl+w is bound to form.save (Save) and "
            "Input.delete_left_word (Delete left to start of word)") in problems
    typed = [line for line in problems if "is typed into" in line]
    assert len(typed) == 1
    assert typed[0].startswith(f"{config}: key clash on ")
    assert "TaskForm" in typed[0] and "DealForm" in typed[0]
    assert typed[0].endswith(": q is typed into its text boxes, so form.cancel (Cancel) does not run there")
    async with app.run_test(size=SIZE) as pilot:  # and the app runs
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, TaskForm))


async def test_the_palette_jumps_to_an_item_from_over_a_dialog(team) -> None:
    """Over a dialog of the phase it jumps to (the cycle at a glance on the board, the forecast on
    the pipeline, the budget on Goals), the palette's jump ended the app: it asked the dialog for
    the board's filters. The dialog closes, as choosing an item in it does; a form stays open."""
    from tui.screens.budget import BudgetScreen
    from tui.screens.cycle import CycleScreen
    from tui.screens.forecast import ForecastScreen

    lead = Board(team, actor="dana")
    lead.add_goal("Grow revenue in the North", owner="dana")
    lead.add_deal("Acme renewal", owner="ali", value=1000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        await palette_hits(pilot, app, "T-2")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen_stack[-1] is app.screen and len(app.screen_stack) == 1
                    and getattr(app.focused, "card", None) is not None and app.focused.card.id == "T-2")
        await pilot.press("4", "F")
        await until(pilot, lambda: isinstance(app.screen, ForecastScreen))
        await palette_hits(pilot, app, "D-1")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen)
                    and getattr(app.focused, "card", None) is not None and app.focused.card.id == "D-1")
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await palette_hits(pilot, app, "G-1")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        await pilot.press("3", "n", *"Half typed")
        await until(pilot, lambda: isinstance(app.screen, TaskForm))
        await palette_hits(pilot, app, "T-1")
        await pilot.press("enter")
        await until(pilot, lambda: any("save or cancel it first (^s saves, esc cancels)" in n.message
                                       for n in app._notifications))
        assert isinstance(app.screen, TaskForm)
        assert app.screen.query_one("#title").value == "Half typed"


@pytest.mark.parametrize("lang, nothing, themes", [("en", "No matches found", "Search for themes…"),
                                                   ("zh", "没有匹配项", "搜索主题…")])
async def test_the_palette_says_nothing_matched_in_the_interfaces_language(team, monkeypatch, lang, nothing,
                                                                           themes) -> None:
    """Textual's palette said "No matches found", and the theme search "Search for themes…", in
    English in the Chinese interface."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"qqzzx")
        palette = app.screen
        await until(pilot, lambda: palette.query("CommandList") and palette.query_one("CommandList").option_count
                    and palette.query_one("CommandList").get_option_at_index(0).id == "--no-matches")
        shown = palette.query_one("CommandList").get_option_at_index(0).prompt.renderable
        assert shown.plain == nothing
        await pilot.press("escape")
        app.search_themes()
        await until(pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen.query("CommandInput"))
        assert str(app.screen.query_one("CommandInput").placeholder) == themes


async def test_the_focused_card_shows_without_colour(team, monkeypatch) -> None:
    """Under NO_COLOR (Textual draws in greys) the focused card's background was a grey a shade
    off the others' and its edge the same bar: nothing told which card had the focus. Its edge is
    a wider bar, on every line of it, and only on it."""
    monkeypatch.setenv("NO_COLOR", "1")
    Board(team, actor="dana").update_task("T-2", status="todo")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kanban = app.focused
        column = kanban.columns[kanban.cursor_column]

        def edges() -> list[str]:
            texts = ["".join(segment.text for segment in column.render_line(y)) for y in range(column.size.height)]
            return [text.lstrip()[:1] for text in texts if text.lstrip()[:1] in ("▎", "▌")]

        await until(pilot, lambda: kanban.card is not None and kanban.card.id == "T-1")
        shown = edges()
        assert "▌" in shown and "▎" in shown
        assert shown == sorted(shown, key="▌▎".index)  # T-1's lines, then T-2's
        await pilot.press("down")
        await until(pilot, lambda: kanban.card.id == "T-2")
        await pilot.pause()
        now = edges()
        assert now[0] == "▎" and now[-1] == "▌" and now == sorted(now, key="▎▌".index)


@pytest.mark.parametrize("lang, error, warning", [("en", "Error", "Warning"), ("zh", "错误", "警告")])
async def test_an_error_and_a_warning_are_titled_not_told_by_colour_alone(team, monkeypatch, lang, error,
                                                                          warning) -> None:
    """Toasts differed only by the colour of their edge: without colour (NO_COLOR, a monochrome
    terminal) or to a colour-blind reader a refusal looked like news."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")  # a rep may not delete a task
        await until(pilot, lambda: app._notifications)
        refusal = list(app._notifications)[-1]
        assert (refusal.severity, refusal.title) == ("error", error)
        await pilot.press("ctrl+y")  # nothing to redo: a warning
        await until(pilot, lambda: len(app._notifications) == 2)
        nothing = list(app._notifications)[-1]
        assert (nothing.severity, nothing.title) == ("warning", warning)
        from tui.user_text import tell

        tell(app, "news")  # information: untitled
        await until(pilot, lambda: len(app._notifications) == 3)
        assert [n.title for n in app._notifications if n.message == "news"] == [""]


async def test_the_hints_name_the_keys_as_remapped(board_path: Path, own_config_dir: Path) -> None:
    """`Press n to add the first one`, `No goal selected: press n`, the palette's `(key w on the
    pipeline)`: the hints named the shipped keys after the user had remapped them."""
    write(own_config_dir, "config.yaml", "keys:\n  board.new: a\n  app.help: f1\n  goals.new: g\n"
                                         "  pipeline.weekly: ctrl+w\n  app.cycle: f9\n  pipeline.mine: M\n"
                                         "  pipeline.sort: S\n")  # (O is the accounts, on every screen)
    Board(board_path, actor="dana").add_member("dana", "lead")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.startup_problems == []
        status = app.screen.query_one("#board-status")
        await until(pilot, lambda: "no tasks yet" in str(status.render()))
        said = str(status.render())
        assert "Press a to add the first one" in said and "Press f1 for all keys." in said
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        await until(pilot, lambda: "No goals yet. Press g to set the first one" in str(
            app.screen.query_one("#goals-status").render()))
        await pilot.press("e")  # no goal to edit
        await until(pilot, lambda: any(n.message == "No goal selected: press g to add one."
                                       for n in app._notifications))
        prompts = await palette_prompts(pilot, app, "Weekly review")
        assert any("This week's review checklist (key ^w on the pipeline)" in prompt for prompt in prompts)
        await pilot.press("escape")
        Board(board_path, actor="dana").add_deal("Acme renewal", owner="dana", value=1000)
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen) and app.screen.kanban.card is not None)
        await pilot.press("M", "S")
        status = app.screen.query_one("#pipeline-status")
        await until(pilot, lambda: "Deals of dana · M shows everyone's" in str(status.render())
                    and "sorts again" in str(status.render()))
        assert " · S sorts again" in str(status.render())


@pytest.mark.parametrize("theme", ["textual-light", "catppuccin-latte"])
async def test_the_header_and_the_footers_keys_read_on_textuals_light_themes(team, theme) -> None:
    """The palette offers Textual's own themes too. On these the footer's keys read at 2.9:1 and
    1.9:1 (Textual's accent on the footer), and the header's team and name at 2.7:1 (dimmed); a
    theme file's own choice of key colour (uplift-light's) is left as it is."""
    from tui.widgets.header import Header

    app = UpliftApp(Board(team, actor="dana"), theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await footer_keys(app, pilot)
        await pilot.pause()
        drawn = [segment for widget in (app.screen.query_one(Header), app.screen.query_one(Footer))
                 for segment in widget.render_line(0)
                 if segment.text.strip() and segment.text.strip() not in ("…", "▏") and segment.style.bgcolor]
        texts = "".join(segment.text for segment in drawn)
        assert "dana (lead)" in texts and "Help" in texts
        assert [(segment.text, round(contrast(segment.style.color.get_truecolor().hex,
                                              segment.style.bgcolor.get_truecolor().hex), 1))
                for segment in drawn if contrast(segment.style.color.get_truecolor().hex,
                                                 segment.style.bgcolor.get_truecolor().hex) < 4.5] == []
    app = UpliftApp(Board(team, actor="dana"), theme="uplift-light")
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme_variables["footer-key-foreground"] == "#a8380a"


@pytest.mark.parametrize("theme, least", [("atom-one-light", 4.5), ("solarized-light", 4.0)])
async def test_textuals_other_light_themes_read_on_every_screen_in_chinese(tmp_path, monkeypatch, theme, least) -> None:
    """The palette offers Textual's own themes: on atom-one-light a SMART ✓ read at 2.3:1 (its
    green on a striped row) and a focused overdue card's badge at 3.6:1; on solarized-light the
    whole footer at 3.4:1, the selected row at 3.2:1 and a focused card at 3.8:1. Now each reads at
    4.5:1 (solarized-light's own grey on its panel, 4.1:1, is the theme's choice and stays)."""
    from tests.tui.demo_board import build_demo, demo_board

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(demo_board(build_demo(tmp_path, "zh"), "zh"), theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("3", "4", "2", "1", "5"):
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert [(ratio, text) for ratio, text in faint_text(app) if ratio < least and text != "…"] == [], (key, theme)


async def test_theme_in_the_palette_finds_the_command_not_tasks_with_its_letters_scattered(team) -> None:
    """`theme` matched t-h-e-m-e through unrelated titles and listed them with "Change theme";
    a task holding the word is still found, after the command."""
    lead = Board(team, actor="dana")
    lead.add_task("Target mid-market manufacturers in the North region", owner="ali")
    lead.add_task("Pick a theme for the kickoff", owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        hits = await palette_hits(pilot, app, "theme")
        assert hits[0].startswith("Change theme")
        assert not any("Target mid-market" in hit for hit in hits)
        assert any(hit.startswith("T-4 Pick a theme") for hit in hits)
