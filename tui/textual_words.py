"""Textual's own words that Uplift's screens show, marked for translation.

Textual describes its bindings (the help screen lists them: "Focus Next", "Cursor up", ...)
and names its command palette's system commands ("Quit", "Keys", ...) in English. The help
screen and UpliftApp.get_system_commands pass them through `_()`, so the catalogue translates
them like our own words; this list exists so that the catalogue check (tests/tui/test_i18n.py),
which reads the `N_("...")` calls in tui/, knows them. Nothing imports it.

The footer's ^p key ("palette", its tooltip "Open the command palette") is here too: our footer
(tui/widgets/footer.py) draws it in its own line, so a wide word there is no longer cut where
the keys beneath it end, as it was in Textual's (textualize/textual#6357).
"""

from __future__ import annotations

from tui.i18n import N_

PALETTE_KEY = (N_("palette"),)

SYSTEM_COMMANDS = (
    N_("Quit"), N_("Quit the application as soon as possible"), N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"), N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)

BINDINGS = (
    # Screen
    N_("Focus Next"), N_("Focus Previous"), N_("Copy selected text"),
    # DataTable
    N_("Cursor up"), N_("Cursor down"), N_("Cursor left"), N_("Cursor right"), N_("Home"), N_("End"),
    N_("Page up"), N_("Page down"), N_("Page Left"), N_("Page Right"), N_("Select"), N_("Top"), N_("Bottom"),
    # Input
    N_("Scroll Up"), N_("Scroll Down"), N_("Move cursor left"),
    N_("Move cursor right or accept the completion suggestion"), N_("Go to start"), N_("Go to end"),
    N_("Page Up"), N_("Page Down"), N_("Move cursor left and select"), N_("Move cursor left a word"),
    N_("Move cursor left a word and select"), N_("Move cursor right and select"), N_("Move cursor right a word"),
    N_("Move cursor right a word and select"), N_("Delete character left"), N_("Select all"),
    N_("Select line start"), N_("Select line end"), N_("Delete character right"), N_("Submit"),
    N_("Delete left to start of word"), N_("Delete all to the left"), N_("Delete right to start of word"),
    N_("Delete all to the right"), N_("Cut selected text"), N_("Paste text from the clipboard"),
    # TextArea
    N_("Cursor line start"), N_("Cursor line end"), N_("Cursor page up"), N_("Cursor page down"),
    N_("Cursor word left"), N_("Cursor word right"), N_("Cursor left word select"),
    N_("Cursor right word select"), N_("Cursor line start select"), N_("Cursor line end select"),
    N_("Cursor up select"), N_("Cursor down select"), N_("Cursor left select"), N_("Cursor right select"),
    N_("Select line"), N_("Cut"), N_("Copy"), N_("Paste"), N_("Delete to line start"),
    N_("Delete to line end"), N_("Delete line"), N_("Undo"), N_("Redo"),
    # Select, SelectionList, OptionList, scrolling containers, tabs, checkbox, button
    N_("Show menu"), N_("Dismiss menu"), N_("Up"), N_("Down"), N_("Scroll Left"), N_("Scroll Right"),
    N_("First"), N_("Last"), N_("Toggle option"), N_("Scroll Home"), N_("Scroll End"),
    N_("Previous tab"), N_("Next tab"), N_("Toggle"), N_("Press button"),
)
