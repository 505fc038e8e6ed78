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


def theme_names() -> list[str]:
    """Every theme the app can draw in: Textual's own and the theme files' (shipped, the user's)."""
    from textual.theme import BUILTIN_THEMES

    return sorted({*BUILTIN_THEMES, *load_themes().names})


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
        "uplift-card-focus-foreground": _focus_foreground(theme),
        "uplift-card-focus-border": theme.accent or theme.primary,
        "uplift-card-edge": theme.panel or ("#444444" if theme.dark else "#cccccc"),
        "uplift-column-border": theme.panel or ("#444444" if theme.dark else "#cccccc"),
    }


def _focus_foreground(theme) -> str:
    """The focused card's text: the theme's foreground, shaded where it reads under 4.5:1 on the
    card's background (the primary at 25% over the background: 3.8:1 on solarized-light)."""
    foreground = theme.foreground or ("#e0e0e0" if theme.dark else "#1b1f24")
    back, primary, text = _parsed(theme.background), _parsed(theme.primary), _parsed(foreground)
    if back is None or primary is None or text is None or any(c.ansi is not None for c in (back, primary, text)):
        return foreground
    card = (back + primary.with_alpha(0.25)).hex
    if contrast(foreground, card) >= 4.5:
        return foreground
    return _shaded(foreground, [card], lighter=theme.dark) or foreground


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


#: Text and the background it is drawn on that must read at 4.5:1, on a theme that does not choose
#: them itself: which of the two gives way (`background`: the background is shaded away from the
#: text, as the footer's and the selected row's text is the theme's background colour; `text`:
#: the text is shaded away from the backgrounds it stands on).
READABLE_PAIRS = (
    (("footer-description-foreground", "footer-key-foreground"), "footer-background", "background"),
    (("block-cursor-foreground",), "block-cursor-background", "background"),
    (("block-cursor-blurred-foreground",), "block-cursor-blurred-background", "text"),
    (("text-success", "text-error", "text-warning"), "background", "text"),
    (("background",), "error", "background"),  # a focused overdue card's badge (uplift.tcss)
)
#: A table's striped rows and a panel are a shade off the background: text coloured to read on the
#: background alone read at 2.3:1 there (atom-one-light's ✓ in green), so it is shaded for one
#: this much darker (or lighter, on a dark theme).
STRIPE_SHADE = 0.12


def _parsed(value: str | None):
    """A plain colour (`#268bd2`), or None for what is not one (`auto 87%`, `$primary 25%`)."""
    from textual.color import Color, ColorParseError

    try:
        return Color.parse(value) if value else None
    except ColorParseError:
        return None


def _shaded(colour: str, against: list[str], lighter: bool) -> str | None:
    """`colour` shaded (lighter or darker) until it reads at 4.5:1 on every one of `against`;
    None when no shade does."""
    from textual.color import Color

    base = Color.parse(colour)
    for step in range(0, 51):
        shade = base.lighten(step / 50) if lighter else base.darken(step / 50)
        if all(contrast(shade.hex, other) >= 4.5 for other in against):
            return shade.hex
    return None


def readable_colours(variables: dict[str, str], own: dict[str, str], textuals: bool = True) -> dict[str, str]:
    """The colours of READABLE_PAIRS that read under 4.5:1 (WCAG AA) on one of Textual's own
    themes, shaded until they do: solarized-light's footer (3.4:1) and selected row (3.2:1), and
    atom-one-light's green ✓ (2.3:1), among others. The footer's keys first (`readable_footer_keys`).
    A colour a theme file chose (`own`) stands, and a theme file (`textuals` False) is left as its
    author made it beyond its footer's keys; an ANSI theme's colours are the terminal's."""
    from textual.color import Color

    changed = dict(readable_footer_keys(variables, own))
    if not textuals:  # (a theme file's colours are its author's, checked by tests/tui/test_look.py)
        return changed
    seen = {**variables, **changed}
    for texts, under, gives in READABLE_PAIRS:
        colours = {name: colour for name in (*texts, under) if (colour := _parsed(seen.get(name))) is not None}
        auto = {}  # `auto 87%`: Textual's black or white (at 87%), whichever reads on the background
        for text in texts:
            value = str(seen.get(text, ""))
            if text not in colours and value.startswith("auto") and under in colours:
                auto[text] = float(value.removeprefix("auto").strip().rstrip("%") or 100) / 100
        if under not in colours or any(colour.ansi is not None for colour in colours.values()):
            continue  # (the terminal's colours)
        if colours[under].a < 1:  # see-through (the blurred cursor's primary at 30%): over the background
            ground = _parsed(seen.get("background"))
            if gives == "background" or ground is None or ground.a < 1 or ground.ansi is not None:
                continue
            colours[under] = ground + colours[under]
            seen[under] = colours[under].hex
        if any(colour.a < 1 for colour in colours.values()):
            continue
        if gives == "background":
            def reads(background: Color) -> bool:
                return all(contrast(seen[t], background.hex) >= 4.5 for t in texts if t in colours) and all(
                    contrast((background + background.get_contrast_text(alpha)).hex, background.hex) >= 4.5
                    for alpha in auto.values())

            if under in own or reads(colours[under]):
                continue
            light_text = any(colours[t].brightness > colours[under].brightness for t in texts if t in colours) or (
                auto and colours[under].get_contrast_text(1.0).brightness > colours[under].brightness)
            shades = (colours[under].darken(step / 50) if light_text else colours[under].lighten(step / 50)
                      for step in range(1, 51))
            better = next((shade for shade in shades if reads(shade)), None)
            if better is not None:
                changed[under] = seen[under] = better.hex
            continue
        base = colours[under]
        stripe = (base.darken(STRIPE_SHADE) if base.brightness > 0.5 else base.lighten(STRIPE_SHADE)).hex
        for text in texts:
            if text not in colours or text in own or min(contrast(seen[text], seen[under]), contrast(seen[text], stripe)) >= 4.5:
                continue
            better = _shaded(seen[text], [seen[under], stripe], lighter=base.brightness <= 0.5)
            if better:
                changed[text] = seen[text] = better
    return changed
