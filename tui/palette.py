"""The command palette's Uplift commands (ctrl+p): jump to a task, goal or deal by id or title,
go to a screen, diagnose a file, change the theme. Export and import come from plan_files.py
(system commands), so they are not repeated here.

Titles are user text: a hit's prompt is built as plain Content (tui.user_text.plain) with the
matched letters highlighted on it, never as a markup string; help lines are our own words only.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape
from textual.system_commands import SystemCommandsProvider
from textual.widgets.option_list import Option

from sales.search import holds_words
from sales.tasks import STATUS_LABELS
from tui.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, catalogue, language
from tui.keys import shown_key_of
from tui.remote import is_remote
from tui.user_text import plain

SCREENS = (("diagnose", N_("Diagnose"), "1"), ("goals", N_("Goals & strategy"), "2"),
           ("plan", N_("Plan board (tasks)"), "3"), ("pipeline", N_("Pipeline & funnel"), "4"),
           ("review", N_("Review & reward"), "5"))
#: The score of a hit whose id is the query: above any fuzzy score (Textual's are not capped at
#: 1: a title that holds the query scores more), so that enter on `D-1` opens D-1, not D-15.
EXACT_ID = float("inf")
#: The most tasks, goals and deals a query lists, best first: typing `4` on a board of 5,000
#: tasks matched 2,600, and the palette took a second a keystroke to measure them all. A few
#: more letters narrow it down; an id typed in full always comes first.
MOST_ITEMS = 40


class Palette(CommandPalette):
    """Textual's palette, saying that nothing matched in the interface's language (Textual's
    own "No matches found" is English, drawn by this method, which is copied from it)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(_("No matches found"), style="not bold")), disabled=True,
                    id=self._NO_MATCHES))
                self._list_visible = True
            else:  # (discovery: nothing to say)
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


@dataclass(frozen=True)
class Entry:
    text: str  # what the query is matched against (may hold user text)
    help: str  # our words only: shown as markup by the palette
    run: Callable[[], object]
    item_id: str = ""  # a task's, goal's or deal's id: typed in full, it comes first
    english: str = ""  # the command's English name, when the interface speaks another language


def english_of(shown: str) -> str:
    """The English name of a command shown translated ("" when it is English already): a person
    used to `theme` types it in the Chinese interface too."""
    return _english_names(language()).get(shown, "")


@lru_cache(maxsize=None)
def _english_names(lang: str) -> dict[str, str]:
    return {said: english for english, said in catalogue(lang).items()}


def scored_name(matcher: Matcher, shown: str, english: str) -> tuple[float, str]:
    """How well the query matches a command, and the name to show: the translated name, followed by
    the English one when it is the English that matched (so the hit says why it is there)."""
    score = matcher.match(shown)
    if english and english != shown:
        by_english = matcher.match(english)
        if by_english > score:
            return by_english, f"{shown} · {english}"
    return score, shown


def highlighted(matcher: Matcher, text: str) -> Content:
    """`text` as plain content with the letters the query matched styled (Matcher.highlight
    would parse the text as markup)."""
    content = plain(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    if score:
        for offset in offsets:
            if offset < len(content.plain) and not content.plain[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class UpliftCommands(Provider):
    """Screens, the diagnosis and themes first (they are few), then the tasks, goals and deals
    that hold the words typed (`holds_words`), best match first (MOST_ITEMS). The items are read
    once each time the palette opens."""

    _items: list[Entry] | None = None

    def fixed_entries(self) -> list[Entry]:
        app = self.app

        def key_of(binding_id: str, shipped: str) -> str:  # (help is markup: a key `[` is not)
            return escape(shown_key_of(app, binding_id, shipped))

        entries = [Entry(_("Go to {screen}").format(screen=_(title)),
                         _("Switch to the {screen} screen (key {key})").format(
                             screen=_(title), key=key_of(f"app.{mode}", key)),
                         partial(app.run_action, f"switch_mode('{mode}')"),
                         english="Go to {screen}".format(screen=title))
                   for mode, title, key in SCREENS]
        if not is_remote():  # (over SSH the files would be the server's: `uplift diagnose` runs locally)
            entries.append(Entry(_("Diagnose a sales file"), _("Open a CSV, XLSX or XLS file on the Diagnose screen"),
                                 app.open_diagnosis))
        entries.append(Entry(_("Weekly review"), _("This week's review checklist (key {key} on the pipeline)").format(
                                 key=key_of("pipeline.weekly", "w")),
                             app.action_weekly_review))
        entries.append(Entry(_("The cycle at a glance"), _("Where each of the five phases stands (key {key})").format(
                                 key=key_of("app.cycle", "C")),
                             app.action_cycle))
        entries.append(Entry(_("Team and cycle"), _("The plan's name and dates, the members and their roles, the WIP "
                                                    "limits (a lead sets them; key {key} on the cycle screen)").format(
                                 key=key_of("cycle.setup", "s")), app.action_team_setup))
        entries.append(Entry(_("My day"), _("What needs you now: overdue and due work, slipping deals, goals, "
                                            "your quota (key {key})").format(key=key_of("app.today", "T")),
                             app.action_today))
        entries.append(Entry(_("Calendar"), _("The month's dates: tasks due, deals closing, goals' deadlines, "
                                              "training, the cycle's days (key {key})").format(
                                                  key=key_of("app.calendar", "A")),
                             app.action_calendar))
        entries.append(Entry(_("Accounts"), _("Each customer's deals, activities and notes in one place "
                                              "(key {key})").format(key=key_of("app.accounts", "O")),
                             app.action_accounts))
        entries.append(Entry(_("Forecast"), _("Where each rep and the team will land this cycle, and the payouts "
                                              "if deals close (key {key} on the pipeline)").format(
                                 key=key_of("pipeline.forecast", "F")), app.action_forecast))
        entries.append(Entry(_("Burn-up"), _("The cycle's tasks and those done, day by day, and when the open "
                                             "ones will be done (key {key} on the task board)").format(
                                 key=key_of("board.burnup", "b")), app.action_burn_up))
        entries.append(Entry(_("Win/loss"), _("Won and lost deals by rep and product, why deals were lost and "
                                              "where (key {key} on the pipeline)").format(
                                 key=key_of("pipeline.winloss", "W")), app.action_win_loss))
        entries.append(Entry(_("Coaching notes"), _("A rep's coaching notes: a lead reads and writes every rep's, "
                                                    "a rep reads those about them (key {key} on the Review screen)").format(
                                 key=key_of("review.coaching", "k")), app.action_coaching))
        # (over SSH the config is the server's: a member's choice is kept for them on the board)
        entries.append(Entry(_("Change theme"), _("Pick a colour theme (remembered for you on this board)")
                             if is_remote() else _("Pick a colour theme (remembered in your config)"), app.search_themes))
        switch = (_("Switch to {language} now (remembered for you on this board)") if is_remote() else
                  _("Switch to {language} now (remembered in your config)"))
        entries.append(Entry(_("Change language"), switch.format(
            language=LANGUAGE_NAMES[next(c for c in LANGUAGES if c != language())]), app.switch_language))
        entries.append(Entry(_("Undo my last change"), _("Say what it was, then take it back ({key})").format(
                                 key=key_of("app.undo", "ctrl+z")),
                             app.action_undo))
        entries.append(Entry(_("Redo what I undid"), _("Make the change you undid again ({key})").format(
                                 key=key_of("app.redo", "ctrl+y")),
                             app.action_redo))
        return entries

    def item_entries(self) -> list[Entry]:
        app = self.app
        board = app.board
        entries = []
        for task in board.tasks():
            entries.append(Entry(f"{task.id} {task.title}",
                                 _("Task · {status} · show it on the plan board").format(status=_(STATUS_LABELS[task.status])),
                                 partial(app.jump_to, task.id), task.id))
        for goal in board.goals():
            entries.append(Entry(f"{goal.id} {goal.title}", _("Goal · show it on the Goals screen"),
                                 partial(app.jump_to, goal.id), goal.id))
        for deal in board.deals():
            entries.append(Entry(f"{deal.id} {deal.title}", _("Deal · show it on the pipeline"),
                                 partial(app.jump_to, deal.id), deal.id))
        for account in board.accounts():  # (by its name: its page, as `O` and enter open it)
            entries.append(Entry(account.name, _("Account · its deals, activities and notes"),
                                 partial(app.show_account, account.name)))
        return entries

    async def discover(self) -> Hits:
        for entry in self.fixed_entries():
            yield DiscoveryHit(plain(entry.text), entry.run, text=entry.text, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        wanted = query.strip().upper()
        if self._items is None:
            self._items = self.item_entries()

        def scored(entries: list[Entry]) -> list[tuple[float, str, Entry]]:
            hits = []
            for entry in entries:
                if wanted and entry.item_id.upper() == wanted:
                    score = EXACT_ID
                elif holds_words(query, entry.text):  # (matched letter by letter, `theme` found unrelated titles)
                    score = matcher.match(entry.text)
                else:
                    continue
                if score > 0:
                    hits.append((score, entry.text, entry))
            return hits

        commands = []
        for entry in self.fixed_entries():
            score, shown = scored_name(matcher, entry.text, entry.english or english_of(entry.text))
            if score > 0:
                commands.append((score, shown, entry))
        items = heapq.nlargest(MOST_ITEMS, scored(self._items), key=lambda hit: hit[0])
        for score, shown, entry in commands + items:
            yield Hit(score, highlighted(matcher, shown), entry.run, text=entry.text, help=entry.help)


class SystemCommands(SystemCommandsProvider):
    """Textual's system commands (quit, screenshot, export, import...), found by their English
    names too when the interface speaks another language."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_rest in self.app.get_system_commands(self.screen):
            score, shown = scored_name(matcher, name, english_of(name))
            if score > 0:
                yield Hit(score, highlighted(matcher, shown), callback, text=name, help=help_text)
