"""The user's own settings: $XDG_CONFIG_HOME/uplift/config.yaml (the theme, the language, the
calendar's first weekday and remapped keys).

    theme: uplift-light
    language: zh            # en or zh; UPLIFT_LANG, when set, wins over it
    week_start: sunday      # monday or sunday (default: the language's, WEEK_STARTS)
    keys:
      board.new: a          # binding id: key, or several keys separated by commas
      app.help: f1,question_mark

The file belongs to one person, not to a board, so it lives beside their other settings and is
read with the same safe YAML reader as plan files (no aliases, no tags, a size cap). A mistake in
it never stops the app: each bad entry is dropped and reported as `FILE:LINE: field: what is
wrong`, and the rest is used. Remembering a theme (or a language) rewrites only the `theme:`
(`language:`) line, so the user's comments and layout survive. (The command line reads the
language by that line alone, without YAML: tui/config_file.py.)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import msgspec

from sales.plan_check import PlanInvalid
from store.plan_yaml import PlanText, format_problem, read_plan_file
from tui.config_file import config_dir, config_path
from tui.i18n import LANGUAGES, _, language, language_code
from tui.keys import is_key_name

THEME_NAME = r"^[a-z0-9][a-z0-9_-]{0,39}$"
# A key list as Textual writes it: "ctrl+s", "question_mark", "f1,ctrl+h" (Textual also accepts
# the printable character itself, "?").
KEY_LIST = r"^[^\s,]+(\s*,\s*[^\s,]+)*$"

#: The calendar's first weekday as date.weekday() counts it, by the config's `week_start:`.
WEEK_START_DAYS = {"monday": 0, "sunday": 6}
#: Without `week_start:`, the interface language's: Monday for both, as ISO 8601 weeks, Chinese
#: calendars and most of Europe start it (a team in the US or Canada writes `week_start: sunday`;
#: a locale's territory is not read, so the same config shows the same page on every machine).
WEEK_STARTS = {"en": "monday", "zh": "monday"}

ThemeName = Annotated[str, msgspec.Meta(pattern=THEME_NAME)]
KeyList = Annotated[str, msgspec.Meta(pattern=KEY_LIST, max_length=200)]


def user_themes_dir() -> Path:
    return config_dir() / "themes"


@dataclass
class UserConfig:
    """What was read (only the entries that are fine) and what was dropped, one line each."""

    theme: str | None = None
    language: str | None = None  # "en" or "zh"
    week_start: str | None = None  # "monday" or "sunday"
    keys: dict[str, str] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # binding id -> "FILE:LINE" of its entry
    problems: list[str] = field(default_factory=list)

    def first_weekday(self) -> int:
        """The calendar's first weekday (0 Monday, 6 Sunday): `week_start:`, else the language's."""
        return WEEK_START_DAYS[self.week_start or WEEK_STARTS.get(language(), "monday")]


def problem_lines(name: str, error: PlanInvalid, text: PlanText | None = None) -> list[str]:
    """A reader's or a check's problems as `FILE:LINE: field: what is wrong`."""
    problems = text.located(error.problems) if text is not None else error.problems
    return [format_problem(name, p) for p in problems]


def load_config(path: Path | None = None) -> UserConfig:
    """The user's config; a missing file is an empty config, a broken one is reported and skipped."""
    path = path or config_path()
    config = UserConfig()
    if not path.is_file():
        return config
    name = str(path)
    if not path.read_bytes().strip():
        return config
    try:
        text = read_plan_file(path)
    except PlanInvalid as error:
        config.problems += [_("{problem} (the whole file was ignored)").format(problem=line)
                            for line in problem_lines(name, error)]
        return config
    document = text.document
    if not isinstance(document, dict):
        config.problems.append(_("{file}:1: file: a config file is a mapping (`theme:`, `language:`, `keys:`); "
                                 "the whole file was ignored").format(file=name))
        return config

    def drop(path_: str, message: str) -> None:
        config.problems.append(_("{file}:{line}: {field}: {message} (ignored)").format(
            file=name, line=text.line_of(path_), field=path_, message=message))

    for key in document:
        if key not in ("theme", "language", "week_start", "keys"):
            drop(str(key), _("unknown setting; a config file holds `theme`, `language`, `week_start` and `keys`"))
    if "theme" in document:
        try:
            config.theme = msgspec.convert(document["theme"], ThemeName)
        except msgspec.ValidationError:
            drop("theme", _("{value!r} is not a theme name (letters, digits and dashes)").format(
                value=document["theme"]))
    if "language" in document:
        value = document["language"]
        code = language_code(value) if isinstance(value, str) else None
        if code in LANGUAGES:
            config.language = code
        else:
            drop("language", _("{value!r} is not a language (en or zh)").format(value=value))
    if "week_start" in document:
        value = document["week_start"]
        if isinstance(value, str) and value.strip().casefold() in WEEK_START_DAYS:
            config.week_start = value.strip().casefold()
        else:
            drop("week_start", _("{value!r} is not a week's first day (monday or sunday)").format(value=value))
    keys = document.get("keys")
    if keys is not None and not isinstance(keys, dict):
        drop("keys", _("should be a mapping of binding ids to keys (`board.new: a`)"))
    elif keys:
        for binding_id, value in keys.items():
            try:
                key_list = msgspec.convert(value, KeyList)
            except msgspec.ValidationError:
                drop(f"keys.{binding_id}", _("{value!r} is not a key list (like `a` or `ctrl+n,f2`)").format(
                    value=value))
                continue
            unknown = [key for key in (part.strip() for part in key_list.split(",")) if not is_key_name(key)]
            if unknown:  # a key no terminal sends would leave the binding with no key at all
                drop(f"keys.{binding_id}", _("{key!r} is not a key name (like `a`, `ctrl+n`, `f2`, `escape` "
                                             "or `question_mark`)").format(key=unknown[0]))
                continue
            config.keys[str(binding_id)] = key_list
            config.where[str(binding_id)] = f"{name}:{text.line_of(f'keys.{binding_id}')}"
    return config


def remember_theme(name: str, path: Path | None = None) -> None:
    """Write `theme: NAME` into the config file, keeping everything else in it as it was."""
    _remember("theme", name, path)


def remember_language(code: str, path: Path | None = None) -> None:
    """Write `language: CODE` (en or zh) into the config file, keeping everything else as it was."""
    _remember("language", code, path)


def _remember(setting: str, value: str, path: Path | None) -> None:
    """Write `SETTING: VALUE` into the config file in place of its line (or at the end)."""
    path = path or config_path()
    line = f"{setting}: {value}"
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    pattern = re.compile(rf"^{setting}\s*:.*$", re.M)
    if pattern.search(old):
        new = pattern.sub(line, old, count=1)
    else:
        new = old + ("" if not old or old.endswith("\n") else "\n") + line + "\n"
    if new == old:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(new, encoding="utf-8")
    os.replace(temporary, path)
