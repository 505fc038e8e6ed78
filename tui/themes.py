"""Colour themes as data: the YAML files in themes/ that ship with Uplift, then the user's own
in $XDG_CONFIG_HOME/uplift/themes/*.yaml (a user's theme of the same name replaces a shipped one).

A theme file holds the fields of Textual's `Theme` (name, primary, secondary, accent, foreground,
background, surface, panel, boost, warning, error, success, dark) and `variables` that override
single design variables (`footer-key-foreground: "#ffff00"`) or Uplift's own (UPLIFT_VARIABLES).
Every colour is checked before the theme is offered, since a colour Textual cannot parse would
only fail later, when the CSS is rebuilt. A broken file is reported as `FILE:LINE: field: what
is wrong` and skipped; the others load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Annotated

import msgspec

from sales.errors import Invalid, Reason
from sales.plan_check import PlanInvalid, Problem
from sales.validation import convert
from store.plan_yaml import read_plan_file
from tui.user_config import ThemeName, problem_lines, user_themes_dir

DEFAULT_THEME = "uplift-dark"
MAX_THEME_FILES = 100

# Uplift's own design variables (used in themes/uplift.tcss); a theme may set them, and
# otherwise they follow from its colours (see `variable_defaults`).
UPLIFT_VARIABLES = ("uplift-card-focus-background", "uplift-card-focus-foreground",
                    "uplift-card-focus-border", "uplift-card-edge", "uplift-column-border")

Colour = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
VariableName = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9-]{0,60}$")]
TEXT_STYLES = {"bold", "b", "italic", "i", "underline", "u", "reverse", "dim", "d", "strike", "s",
               "blink", "none", "not", "overline", "o"}


class ThemeFile(msgspec.Struct, forbid_unknown_fields=True):
    """One theme file, as written."""

    name: ThemeName
    primary: Colour
    secondary: Colour | None = None
    accent: Colour | None = None
    foreground: Colour | None = None
    background: Colour | None = None
    surface: Colour | None = None
    panel: Colour | None = None
    boost: Colour | None = None
    warning: Colour | None = None
    error: Colour | None = None
    success: Colour | None = None
    dark: bool = True
    variables: dict[VariableName, Annotated[str, msgspec.Meta(min_length=1, max_length=60)]] = {}


@dataclass
class Themes:
    """The themes that loaded (shipped first, then the user's) and one line per broken file."""

    themes: dict[str, ThemeFile] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return list(self.themes)


def shipped_theme_files() -> list[Path]:
    return sorted(Path(str(p)) for p in files("themes").iterdir() if p.name.endswith(".yaml"))


def user_theme_files(folder: Path | None = None) -> list[Path]:
    folder = folder or user_themes_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.yaml"))[:MAX_THEME_FILES]


def load_themes(user_folder: Path | None = None) -> Themes:
    found = Themes()
    for path in shipped_theme_files() + user_theme_files(user_folder):
        try:
            theme = read_theme(path)
        except PlanInvalid as error:
            found.problems += [f"{line} (theme skipped)" for line in problem_lines(str(path), error)]
            continue
        found.themes[theme.name] = theme
    return found


def read_theme(path: Path) -> ThemeFile:
    """One theme file, checked; PlanInvalid (with lines) when it cannot be used."""
    text = read_plan_file(path)
    try:
        theme = convert(text.document, ThemeFile)
    except Invalid as error:
        field_ = "file" if error.field == "themefile" else error.field
        raise PlanInvalid(text.located([Problem(field_, error)])) from None
    problems = [Problem(where, message) for where, message in colour_problems(theme)]
    if problems:
        raise PlanInvalid(text.located(problems))
    return theme


def colour_problems(theme: ThemeFile) -> list[tuple[str, Reason]]:
    """(field, what is wrong) for each value Textual could not use."""
    from textual.color import Color, ColorParseError

    def is_colour(value: str) -> bool:
        words = value.split()
        if len(words) == 2 and not re.fullmatch(r"\d{1,3}%", words[1]):
            return False
        if len(words) not in (1, 2):
            return False
        if words[0] in ("auto", "transparent", "initial", "ansi_default"):
            return True
        try:
            Color.parse(words[0])
        except ColorParseError:
            return False
        return True

    problems = []
    for name in msgspec.structs.fields(ThemeFile):
        value = getattr(theme, name.name)
        if isinstance(value, str) and name.name != "name" and not is_colour(value):
            problems.append((name.name, Reason("{value!r} is not a colour (like \"#1f5fbf\" or \"white\")", value=value)))
    for key, value in theme.variables.items():
        if key.endswith("-text-style"):
            if not set(value.split()) <= TEXT_STYLES:
                problems.append((f"variables.{key}", Reason("{value!r} is not a text style (like \"bold\")", value=value)))
        elif not is_colour(value):
            problems.append((f"variables.{key}", Reason("{value!r} is not a colour (like \"#ffff00\" or \"#ffff00 40%\")",
                                                        value=value)))
    return problems


def to_textual(theme: ThemeFile):
    """The Textual Theme for a checked theme file."""
    from textual.theme import Theme

    colours = {name: getattr(theme, name) for name in (
        "secondary", "accent", "foreground", "background", "surface", "panel", "boost",
        "warning", "error", "success") if getattr(theme, name) is not None}
    return Theme(name=theme.name, primary=theme.primary, dark=theme.dark,
                 variables=dict(theme.variables), **colours)


def variable_defaults(theme) -> dict[str, str]:
    """Uplift's variables for a theme that does not set them (any Textual theme, too)."""
    return {
        "uplift-card-focus-background": f"{theme.primary} 25%",
        "uplift-card-focus-foreground": theme.foreground or ("#e0e0e0" if theme.dark else "#1b1f24"),
        "uplift-card-focus-border": theme.accent or theme.primary,
        "uplift-card-edge": theme.panel or ("#444444" if theme.dark else "#cccccc"),
        "uplift-column-border": theme.panel or ("#444444" if theme.dark else "#cccccc"),
    }


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two colours as Textual writes them (`#rrggbb`, `#rrggbbaa`: the
    alpha ignored): 1 (the same) to 21 (black on white)."""
    from textual.color import Color

    def luminance(colour: str) -> float:
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                   for c in (channel / 255 for channel in Color.parse(colour).rgb)]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(one), luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_footer_keys(variables: dict[str, str], own: dict[str, str]) -> dict[str, str]:
    """The footer's keys in a colour that reads at 4.5:1 (WCAG AA) on the footer: a theme that
    does not choose one itself (`own`: its variables) gets Textual's accent, which on some of
    Textual's own light themes read at 1.9:1 (catppuccin-latte) or 2.9:1 (textual-light); there
    the accent's shade for text is used, else the theme's foreground. An ANSI theme's colours
    are the terminal's, and are left to it."""
    from textual.color import Color

    key, under = variables.get("footer-key-foreground"), variables.get("footer-background")
    if "footer-key-foreground" in own or not key or not under:
        return {}
    if any(Color.parse(value).ansi is not None for value in (key, under)):
        return {}
    if contrast(key, under) >= 4.5:
        return {}
    for better in (variables.get("text-accent"), variables.get("foreground")):
        if better and Color.parse(better).ansi is None and contrast(better, under) >= 4.5:
            return {"footer-key-foreground": better}
    return {}
