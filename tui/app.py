"""The Uplift app: one screen per phase of the cycle, watching the board for others' changes.

At start it reads the user's config (tui/user_config.py): the theme (tui/themes.py: shipped and
user theme files) and remapped keys (tui/keys.py). Whatever is wrong there is reported, as a
notification and in `startup_problems` (the CLI prints them on stderr), and left out; the app
starts anyway. A theme chosen here (palette: Change theme) or with `uplift --theme` is remembered.
Over `uplift serve ssh` the config is the server account's: there the member's own language and
theme are read from the board and a choice is kept there, for that member only
(store/members.py: member_prefs).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
from importlib.resources import files
from pathlib import Path

from textual import events
from textual.app import App, active_app
from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen

from sales.errors import NotFound, UpliftError
from sales.text import safe
from store.board import Board
from store.files import BoardBusy
from tui import keys
from tui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, language, said, set_language
from tui.palette import SystemCommands, UpliftCommands
from tui.plan_files import PlanFileCommands
from tui.remote import is_remote
from tui.time_text import show_times_for, when
from tui.themes import DEFAULT_THEME, load_themes, readable_colours, to_textual, variable_defaults
from tui.user_config import config_path, load_config, remember_theme
from tui.cli_support import made_at
from tui.user_text import tell

#: How often the app looks for other people's changes, and at the date: a screen left open over
#: midnight shows the new day (today's marks, what is overdue) within this, the board unchanged.
POLL_SECONDS = 0.5


#: Seconds a change made on screen waits for another writer's lock (a command's 15 would freeze
#: the screen that long): then it says the board is busy and nothing is written.
APP_LOCK_WAIT = 2.0


def own_prefs(board: Board):
    """The member's language and theme as kept on the board (nothing kept where it cannot be read:
    the server's defaults then, and the board's trouble is said where it is read anyway)."""
    from sales.members import MemberPrefs

    try:
        return board.member_prefs(board.actor)
    except UpliftError:
        return MemberPrefs(member=board.actor)


def plan_name(board: Board) -> str:
    """The plan's name for the header: "" while it is unnamed (store/settings.py says when)."""
    return board.plan_info()["name"]


class UpliftApp(PlanFileCommands, App):
    CSS_PATH = str(files("themes").joinpath("uplift.tcss"))
    TITLE = "Uplift"
    # one screen per phase, imported when first shown; the board opens on the plan (as the first
    # mode, not switched to from Textual's empty default screen, which cost a frame and a restyle)
    DEFAULT_MODE = "plan"
    MODES = {"diagnose": lambda: _screen("diagnose", "DiagnoseScreen"),
             "goals": lambda: _screen("goals", "GoalsScreen"),
             "plan": lambda: _screen("board", "BoardScreen"),
             "pipeline": lambda: _screen("pipeline", "PipelineScreen"),
             "review": lambda: _screen("review", "ReviewScreen")}
    BINDINGS = [
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        Binding("question_mark", "help", N_("Help"), id="app.help"),
        Binding("1", "switch_mode('diagnose')", N_("Diagnose"), show=False, id="app.diagnose"),
        Binding("2", "switch_mode('goals')", N_("Goals"), show=False, id="app.goals"),
        Binding("3", "switch_mode('plan')", N_("Plan"), show=False, id="app.plan"),
        Binding("4", "switch_mode('pipeline')", N_("Pipeline"), show=False, id="app.pipeline"),
        Binding("5", "switch_mode('review')", N_("Review"), show=False, id="app.review"),
        Binding("exclamation_mark", "alerts", N_("Alerts"), id="app.alerts"),
        Binding("T", "today", N_("Today"), id="app.today"),
        Binding("C", "cycle", N_("Cycle"), show=False, id="app.cycle"),
        Binding("A", "calendar", N_("Calendar"), show=False, id="app.calendar"),
        Binding("O", "accounts", N_("Accounts"), show=False, id="app.accounts"),
        Binding("ctrl+z", "undo", N_("Undo my last change"), show=False, id="app.undo"),
        Binding("ctrl+y", "redo", N_("Redo what I undid"), show=False, id="app.redo"),
    ]

    COMMANDS = {SystemCommands, UpliftCommands}  # (Textual's system commands, found in English too)
    # Screens get the class -narrow, -normal or -wide by the terminal's width (layout in uplift.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-normal"), (180, "-wide")]
    # ... and -low under 32 lines (80x24 and the like): a chart's dialog takes the whole height.
    VERTICAL_BREAKPOINTS = [(0, "-low"), (32, "-high")]

    def __init__(self, board: Board, theme: str | None = None, *, made: bool = False,
                 mode: str | None = None) -> None:
        """`theme` (from `uplift --theme`) wins over the config's for this run, and is remembered.
        `made`: the board was made for this run (a first `uplift`), which the app says with where.
        `mode`: the screen to open on (the one a change of language left), which then says so."""
        # over `uplift serve ssh` the member's own language and theme, kept on the board (the
        # config file and UPLIFT_LANG are the server's: its defaults); else the user's, as now
        self.prefs = own_prefs(board) if is_remote() else None
        set_language(self.prefs.language or None if self.prefs else None)
        self.switched_to = mode
        if mode in self.MODES:
            self.DEFAULT_MODE = mode
        super().__init__()
        self.board = board
        board.lock_wait = APP_LOCK_WAIT
        show_times_for(board)
        self._board_trouble: str | None = None  # what watch_board last said was wrong, said once
        self.config = load_config()
        themes = load_themes()
        for spec in themes.themes.values():
            self.register_theme(to_textual(spec))
        self.theme_files = themes.names
        self.startup_problems = self.config.problems + themes.problems
        self.made = made
        self.keymap = self._checked_keymap()
        self.requested_theme = theme
        kept = self.prefs.theme if self.prefs and self.prefs.theme in self.available_themes else None
        chosen = theme or kept or self.config.theme or DEFAULT_THEME
        if chosen not in self.available_themes:
            self.startup_problems.append(_("{file}: theme: there is no theme named {theme!r} (themes: {themes}); "
                                           "using {default}").format(file=config_path(), theme=chosen,
                                                                     themes=", ".join(self.theme_files),
                                                                     default=DEFAULT_THEME))
            chosen, self.requested_theme = DEFAULT_THEME, None
        self.theme = chosen
        # The stylesheet was made with Textual's default theme, and setting ours queues a refresh
        # that re-reads all the CSS. The CSS is first read as the app starts, so give it our
        # theme's variables now and let that first refresh go (see refresh_css).
        self.stylesheet.set_variables(self.get_css_variables())
        self._css_fresh = True
        # set before the first screen is made (it is, as the app starts: DEFAULT_MODE), so that
        # its first frame has the keys as remapped and the header's subtitle
        self.set_keymap(self.keymap)
        self.show_who()

    def show_who(self) -> None:
        """The header's plan name and who is acting in what role: anew when the board changed
        (the plan named, the first member added, in the app or elsewhere)."""
        board = self.board
        role = board.role or "reader"
        who = _("{name} ({role})").format(name=board.actor, role=_(role))  # (zh: 王芳（主管）)
        self.sub_title = safe(f"{name} · {who}" if (name := plan_name(board)) else who)

    def _checked_keymap(self) -> dict[str, str]:
        if not self.config.keys:
            return {}
        known = keys.known_ids(type(self))
        keymap = {}
        for ident, value in self.config.keys.items():
            if ident in known:
                keymap[ident] = value
            else:
                self.startup_problems.append(
                    _("{file}: keys.{id}: no key binding has this id (ignored; press ? to see the keys)").format(
                        file=self.config.where.get(ident, config_path()), id=ident))
        self.startup_problems += [f"{config_path()}: {line}" for line in keys.clashes(type(self), keymap)]
        return keymap

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme)

    def get_css_variables(self) -> dict[str, str]:
        """Textual's, with the footer, the selected row and the coloured text made readable where
        one of Textual's own themes left them faint (tui/themes.py: readable_colours); a theme
        file's choice stands."""
        variables = super().get_css_variables()
        theme = self.current_theme
        from_file = theme.name in getattr(self, "theme_files", ())
        variables.update(readable_colours(variables, theme.variables if from_file else {}, textuals=not from_file))
        return variables

    def format_title(self, title: str, sub_title: str) -> Content:
        """`Uplift — North team, Q4 2026 · dana (lead)`: the team and who you are in the header's
        own colour, the title in bold; Textual dims them, which read at 2.7:1 on some of its
        light themes."""
        if not sub_title:
            return Content.styled(title, "bold")
        return Content.assemble((title, "bold"), " — ", Content(sub_title))  # (user text: never markup)

    def on_load(self) -> None:
        # The first screen (DEFAULT_MODE) is made and mounted before Textual styles the app
        # itself, and its widgets' colours, worked out from the app's down, would keep the app's
        # unstyled (transparent) text colour: style the app first. (Textual's re-read of the
        # CSS, which refresh_css lets go, used to paint over this.)
        self.stylesheet.apply(self)

    def refresh_css(self, animate: bool = True) -> None:
        if self._css_fresh:  # the one queued by __init__, as the app loads: nothing to do
            self._css_fresh = False
            return
        super().refresh_css(animate)

    def on_mount(self) -> None:
        self._css_fresh = False  # (any refresh from now on is wanted)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.requested_theme:
            self._remember_theme(self.current_theme)
        if self.made:  # nothing else says where a first `uplift` put the board
            tell(self, made_at(self.board.path))
        if self.board.role is None:  # not on its team: said now, not at the first refused key
            from sales.errors import Refused

            try:
                self.board.require("task.add")  # (the store's refusal: with the member a typo was near)
            except Refused as refused:
                tell(self, refused, "warning")
        for problem in self.startup_problems:
            tell(self, problem, "warning")
        if self.switched_to:
            tell(self, _("Now in {language} (kept for you on this board)").format(language=LANGUAGE_NAMES[language()])
                 if self.prefs else
                 _("Now in {language} (kept in {file})").format(language=LANGUAGE_NAMES[language()],
                                                               file=config_path()))
        self.board.changed()  # the baseline: the screens read the board as they mount
        self._day_seen = self.board.today()
        self.set_interval(POLL_SECONDS, self.watch_board)
        self.call_after_refresh(self._freeze_what_lasts)

    @staticmethod
    def _freeze_what_lasts() -> None:
        """After the first frame: everything made so far (modules, styles, the first screen, the
        board as read) lives as long as the app, so keep it out of the garbage collector's full
        passes. Those passes walked all of it, stalled a screen switch at random by 100-200 ms on
        a big board, and find nothing: what is made later is collected as before."""
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # the app is going: let its objects be collected (tests make many apps)

    # An error nothing handled stops the app, as Textual does; what the person then reads is
    # one line saying it is a bug (as the command line says it), not Textual's traceback with
    # its local variables, unless UPLIFT_DEBUG is set. (These are Textual's own hooks for it.)
    _crash: BaseException | None = None

    def _handle_exception(self, error: Exception) -> None:
        self._crash = self._crash or error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        import sys

        from tui.cli_support import bug_report, debugging

        if self._crash is None or debugging():
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        if isinstance(self._crash, UpliftError):  # e.g. a board file damaged (or newer) under it
            print(safe("uplift: " + " ".join(said(self._crash).split())), file=sys.stderr)
            return
        print(safe(bug_report(_("the board"), self._crash)), file=sys.stderr)

    def _remember_theme(self, theme) -> None:
        if self.prefs is not None:  # over SSH: the member's own, on the board (the config is the server's)
            if theme.name != self.prefs.theme:
                self._keep_own(theme=theme.name)
            return
        if theme.name == self.config.theme:
            return
        try:
            remember_theme(theme.name)
        except OSError as error:
            tell(self, _("Could not remember the theme in {file}: {error}").format(
                file=config_path(), error=error.strerror or error), "warning")
            return
        self.config.theme = theme.name

    def _keep_own(self, **prefs: str) -> bool:
        """Keep the member's language or theme on the board (over SSH); whether it was kept."""
        try:
            self.prefs = self.board.set_member_prefs(self.board.actor, **prefs)
        except UpliftError as error:
            tell(self, _("Could not keep your choice on the board: {error}").format(error=said(error)), "warning")
            return False
        return True

    # --- the interface's language (palette: "Change language") ---
    relaunch_mode: str | None = None  # set when the app stops to start again in another language

    def switch_language(self) -> None:
        """Remember the other language in the config and start again in it, on the same screen:
        every screen, binding and text made so far is in this one, and remaking them all in place
        is what a new app does anyway (a half-switched app, the footer in one language and the
        forms in the other, would be worse). run_app starts the new one."""
        import os

        from tui.user_config import remember_language

        wanted = next(code for code in LANGUAGES if code != language())
        if self.prefs is not None:  # over SSH: kept for this member on the board
            if self._keep_own(language=wanted):
                self.relaunch_mode = self.current_mode
                self.exit()
            return
        try:
            remember_language(wanted)
        except OSError as error:
            tell(self, _("Could not remember the language in {file}: {error}").format(
                file=config_path(), error=error.strerror or error), "warning")
            return
        self.config.language = wanted
        name = LANGUAGE_NAMES[wanted]
        if os.environ.get("UPLIFT_LANG", "").strip():
            tell(self, _("Saved language: {language} in {file}, but UPLIFT_LANG is set and wins over it: "
                         "unset it to use the config").format(language=name, file=config_path()), "warning")
            return
        self.relaunch_mode = self.current_mode
        self.exit()

    def get_system_commands(self, screen):
        """Textual's own "Theme" command gives way to ours ("Change theme", from the palette provider),
        and its "Keys" opens our help (`?`): Textual's key panel squeezed the board and said every
        key in English."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                command = command._replace(callback=self.action_help)
            if command.title == "Screenshot" and is_remote():
                continue  # it would write into the server's folders (the board's), where no member reads it
            if command.title != "Theme":
                yield command._replace(title=_(command.title), help=_(command.help))

    def open_diagnosis(self) -> None:
        """The Diagnose screen with its file prompt open."""
        async def go() -> None:
            await self.switch_mode("diagnose")
            self.screen.action_open_file()

        self.call_later(go)

    _day_seen = None

    async def watch_board(self) -> None:
        """Show other people's changes: a stat per file twice a second, a re-read only on change.
        The look and the screens' re-reads are one moment of the board (see refresh_screens); a
        change being written when the poll comes is seen whole at the next one. Midnight passed
        (on the reader's clock: their zone where set, as `Board.today` reads it) counts as a
        change: every screen shows the new day (today's mark on the Calendar, My day, the alerts
        and cards overdue from today), in the same look and hold of the lock, not a second timer."""
        with contextlib.ExitStack() as moment:
            try:
                moment.enter_context(self.board.reading(wait=0))
            except BoardBusy:
                return
            try:
                changed = self.board.changed()
            except UpliftError as error:  # (a damaged file: said once, not twice a second until repaired)
                if str(error) != self._board_trouble:
                    self._board_trouble = str(error)
                    tell(self, error, "error")
                return
            self._board_trouble = None
            today = self.board.today()  # (after the look: a zone set elsewhere counts at once)
            new_day, self._day_seen = today != self._day_seen, today
            if changed or new_day:
                await self.refresh_screens()

    async def refresh_screens(self) -> None:
        """Every open screen shows the board as it is now, times on the reader's clock as it is
        now (a member's time zone set since the app opened, by anyone, counts at once). All of
        one moment of it, under one hold of the readers' lock: the tasks a screen reads and the
        deals another reads are never one from before another process's import and one from
        after (that change waits for the screens to be read; one made here meanwhile goes through,
        and what is read after it is read anew)."""
        with contextlib.ExitStack() as moment:
            with contextlib.suppress(BoardBusy):  # (a change slower to write than lock_wait: read file by file)
                moment.enter_context(self.board.reading())
            show_times_for(self.board)
            self.show_who()
            for screen in self.screen_stack:
                refresh = getattr(screen, "refresh_board", None)
                if refresh and screen.is_mounted:
                    try:
                        await refresh()
                    except NoMatches:
                        pass  # the screen is being built or taken down; it reads the board itself

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo and redo, the alerts and the day only from a screen itself: not over a form or a
        dialog (ctrl+z there is the text's, or nothing; `!`, `T` or `C` would stack a second list)."""
        if action in ("undo", "redo", "alerts", "today", "cycle", "calendar", "accounts"):
            from textual.screen import ModalScreen

            return not isinstance(self.screen, ModalScreen)
        return True

    def action_undo(self) -> None:
        """Take back my last change (store/undo.py), after saying what it was."""
        self._take_back(undo=True)

    def action_redo(self) -> None:
        """Make my last undone change again, after saying what it was."""
        self._take_back(undo=False)

    def _take_back(self, undo: bool) -> None:
        from sales.activity import describe, redone, summary
        from tui.change_text import say_change
        from tui.screens.dialogs import Confirm

        try:  # (checked as if first: a change someone made since is said now, not after asking)
            records = self.board.undo(dry_run=True) if undo else self.board.redo(dry_run=True)
        except NotFound:
            tell(self, _("Nothing of yours to undo.") if undo else _("Nothing of yours to redo."), "warning")
            return
        except UpliftError as error:
            tell(self, error, "error")
            return
        changes = records if undo else [redone(r) for r in records]
        at = when(records[0].at)
        question = (_("Undo your last change ({at})?") if undo else _("Redo what you undid ({at})?")).format(at=at)

        async def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:  # the change asked about, still: one made since, in another terminal or over
                # SSH, would be taken back in its place (and said as the one asked about)
                now = self.board.undo(dry_run=True) if undo else self.board.redo(dry_run=True)
                if [r.seq for r in now] != [r.seq for r in records]:
                    tell(self, _("Nothing undone: your last change is another now, made since you were asked. "
                                 "Ask again to see it.") if undo else
                         _("Nothing redone: what you would redo is another now, changed since you were asked. "
                           "Ask again to see it."), "warning")
                    return
                self.board.undo() if undo else self.board.redo()
            except NotFound:
                tell(self, _("Nothing of yours to undo.") if undo else _("Nothing of yours to redo."), "warning")
                return
            except UpliftError as error:
                tell(self, error, "error")
                return
            done = _("Undone: {change}") if undo else _("Redone: {change}")
            tell(self, done.format(change=say_change(describe(changes[0])))
                 + (f" (+{len(changes) - 1})" if len(changes) > 1 else ""))
            await self.refresh_screens()

        self.push_screen(Confirm(question + "\n" + "\n".join("  " + say_change(line) for line in summary(changes))), answer)

    def action_weekly_review(self) -> None:
        from tui.screens.weekly_review import WeeklyReviewScreen

        self._push_once(WeeklyReviewScreen, lambda deal: deal and self.call_next(self.jump_to, deal))

    def _push_once(self, dialog: type[Screen], callback=None) -> None:
        """Show a dialog, unless it is the one on top already: the palette (or its key over it)
        asked for it again, and a second copy stacked on it came back after escape."""
        if type(self.screen) is not dialog:
            self.push_screen(dialog(), callback)

    def action_today(self) -> None:
        from tui.screens.agenda import TodayScreen

        self._push_once(TodayScreen, lambda item: item and self.call_next(self.jump_to, item))

    def action_cycle(self) -> None:
        from tui.screens.cycle import CycleScreen

        self._push_once(CycleScreen, lambda mode: mode and self.call_next(self.switch_mode, mode))

    def action_team_setup(self) -> None:
        """Team and cycle: the plan's name and dates, the members, the WIP limits (a lead's to set)."""
        from tui.screens.team_setup import TeamSetupScreen

        self._push_once(TeamSetupScreen)

    def action_calendar(self) -> None:
        """The month's dates (tui/screens/calendar.py); an item chosen on a day is shown."""
        from tui.screens.calendar import CalendarScreen

        self._push_once(CalendarScreen, lambda item: item and self.call_next(self.jump_to, item))

    def action_accounts(self) -> None:
        """The accounts (tui/screens/accounts.py); a deal chosen on an account's page is shown."""
        from tui.screens.accounts import AccountsScreen

        self._push_once(AccountsScreen, lambda deal: deal and self.call_next(self.jump_to, deal))

    def show_account(self, name: str) -> None:
        """One account's page (the Accounts screen's, from a deal on the pipeline or the palette);
        a deal chosen there is shown on the pipeline."""
        from tui.screens.accounts import AccountScreen

        self.push_screen(AccountScreen(name), lambda deal: deal and self.call_next(self.jump_to, deal))

    def action_forecast(self) -> None:
        from tui.screens.forecast import ForecastScreen

        async def show_deals(rep: str | None) -> None:
            if rep:
                await self.switch_mode("pipeline")
                await self.screen.show_owner(rep)

        self._push_once(ForecastScreen, lambda rep: rep and self.call_next(show_deals, rep))

    def action_burn_up(self) -> None:
        from tui.screens.burnup import BurnUpScreen

        self._push_once(BurnUpScreen)

    def action_coaching(self, rep: str | None = None) -> None:
        """The coaching notes on `rep` (else the first rep a lead may pick, or oneself)."""
        from tui.screens.coaching import CoachingScreen

        if type(self.screen) is not CoachingScreen:
            self.push_screen(CoachingScreen(rep))

    def action_win_loss(self) -> None:
        from tui.screens.winloss import WinLossScreen

        async def show(picked: str) -> None:
            if picked.startswith("rep:"):
                await self.switch_mode("pipeline")
                await self.screen.show_owner(picked.removeprefix("rep:"))
            else:
                await self.jump_to(picked)

        self._push_once(WinLossScreen, lambda picked: picked and self.call_next(show, picked))

    def action_alerts(self) -> None:
        from tui.screens.alerts import AlertsScreen

        self._push_once(AlertsScreen, lambda item: item and self.call_next(self.jump_to, item))

    async def jump_to(self, item: str) -> None:
        """Show an item (from an alert or the palette): a deal or stage on the pipeline, a task or
        column on the board (with its filters cleared, so the task is there), a goal on Goals, a
        training item on the budget screen (over Goals, as `b` opens it)."""
        if item.startswith("G-"):
            if not await self._to_phase("goals"):
                return
            await self.screen.refresh_board(select=item)
            self.screen.table.focus()
        elif item.startswith(("D-", "stage:")):
            if not await self._to_phase("pipeline"):
                return
            await self.screen.focus_item(item)
        elif item.startswith(("T-", "column:")):
            if not await self._to_phase("plan"):
                return
            screen = self.screen
            if item.startswith("T-") and (screen.text_filter or screen.owner_filter):
                await screen.action_clear_filters()
            await screen.refresh_board()
            if item.startswith("column:"):
                screen.kanban.focus_column_top(item.removeprefix("column:"))
            else:
                await screen.kanban.focus_card(item)
        elif item.startswith("L-"):  # a training item (the Calendar's): on the budget screen's training table
            if not await self._to_phase("goals"):
                return
            from tui.screens.budget import BudgetScreen

            await self.push_screen(BudgetScreen(training=item))
        elif item.startswith("K-"):  # a coaching note (My day's new ones): the notes on its rep
            rep = next((note.rep for note in self.board.coaching_notes() if note.id == item), None)
            self.action_coaching(rep)
        else:
            tell(self, _("{item} has no screen to jump to yet").format(item=item))

    async def _to_phase(self, mode: str) -> bool:
        """Show a phase's own screen: the dialogs left open over it (the palette reaches over
        them: the forecast, the budget, my day) close, as choosing an item in one closes it; a
        form, whose typing would be lost, stays, and the jump is said to wait for it."""
        from tui.keys import save_hint
        from tui.screens.form_base import FormBase

        await self.switch_mode(mode)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, FormBase):
            await self.pop_screen()
        if len(self.screen_stack) > 1:
            tell(self, _("A form is open there: save or cancel it first {hint}").format(
                hint=save_hint(self.screen)), "warning")
            return False
        return True

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the interface's language."""
        from textual.command import CommandPalette

        from tui.palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(placeholder=_("Search for commands…"), id="--command-palette"))

    def search_themes(self) -> None:
        """Textual's theme search ("Change theme"), in the interface's language."""
        from textual.theme import ThemeProvider

        from tui.palette import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Textual saves the screen (the palette's "Screenshot") to the Downloads folder, and fails
        where there is none (a server, a fresh account): then to the folder Uplift was started in.
        Over SSH there is no folder of the member's to save it in (the palette does not offer it)."""
        if is_remote():
            tell(self, _("Over SSH a screenshot would be saved on the server, out of your reach: "
                         "use your terminal's own screenshot"), "error")
            return None
        if path is None:
            from platformdirs import user_downloads_path

            downloads = user_downloads_path()
            path = str(downloads if downloads.is_dir() else Path.cwd())
        return super().deliver_screenshot(filename, path, time_format)

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        """Where the screenshot went, in the interface's language (Textual's own says it in English)."""
        if event.name == "screenshot":
            event.prevent_default()
            tell(self, _("Saved a screenshot to {file}").format(file=event.path) if event.path
                 else _("Saved a screenshot"))

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            error = event.exception
            tell(self, _("Could not save a screenshot: {error}").format(
                error=getattr(error, "strerror", None) or error), "error")

    def action_help_quit(self) -> None:
        """ctrl+c (which copies, in a box) says how to quit, as Textual's does, in the interface's
        language (Textual's said `Do you want to quit?` in English), the key as the footer shows it."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(_("Press {key} to quit the app").format(key=self.get_key_display(active.binding)),
                            title=_("Do you want to quit?"), markup=False)
                return

    def action_help(self) -> None:
        from tui.screens.help import Help, binding_rows

        self.push_screen(Help(binding_rows(self)))


def _screen(module: str, name: str) -> Screen:
    screen = getattr(importlib.import_module(f"tui.screens.{module}"), name)()
    app = active_app.get()
    # Textual styles a mode's screen five times before its first frame: as it mounts, twice more
    # as it re-reads the whole stylesheet for CSS the screen might bring (ours bring none: the
    # app's CSS is already read), once as it takes the width's class (-narrow...) and once more
    # per resume. Telling it the stylesheet is current and giving it that class now saves three.
    screen._css_update_count = app._css_update_count
    width_class = [name for at, name in sorted(app.HORIZONTAL_BREAKPOINTS) if at <= app.size.width][-1:]
    screen.add_class(*width_class, update=False)
    return screen


def check_theme(theme: str) -> None:
    """Refuse (BadInput) a theme name that is neither a theme file (shipped or the user's) nor
    one of Textual's, before anything is made for it (`uplift demo --theme` seeds a board)."""
    from textual.theme import BUILTIN_THEMES

    from tui.cli_support import BadInput

    files = load_themes().names
    if theme not in files and theme not in BUILTIN_THEMES:
        raise BadInput("there is no theme named {theme!r}; themes: {themes} (and Textual's: {textual})",
                       theme=theme, themes=", ".join(files),
                       textual=", ".join(n for n in BUILTIN_THEMES if n not in files))


def run_app(board: Board, theme: str | None = None, *, made: bool = False) -> int:
    """Run the app on this board until it is quit; the command's exit code: 0, or once it
    stopped on an error (already reported on stderr) 1 for one of Uplift's own (a board file
    damaged, or written by a newer Uplift, while it ran) and EXIT_BUG for a bug."""
    import sys

    from sales.text import safe
    from tui.cli_support import EXIT_BUG, EXIT_REFUSED, BadInput

    app = UpliftApp(board, theme=theme, made=made)
    if theme and app.theme != theme:
        check_theme(theme)  # (says why)
        raise BadInput("theme: {theme!r} could not be used", theme=theme)
    for problem in app.startup_problems:
        print(f"uplift: {safe(problem)}", file=sys.stderr)
    app.run()
    while app.relaunch_mode and not app.return_code:  # "Change language": again, in the new one
        app = UpliftApp(board, mode=app.relaunch_mode)
        app.run()
    if not app.return_code:
        if made:
            print(safe(made_at(board.path)))
        return 0
    return EXIT_REFUSED if isinstance(app._crash, UpliftError) else EXIT_BUG
