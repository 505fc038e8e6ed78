"""The plan and checklist templates shipped in plans/ (package data): listing and reading them.

A template is a plan file. Its first line is a comment that says what it is; its items carry no
ids, so starting from one adds new items (the sample quarter keeps its ids: it is a whole plan
for a fresh board).

Languages: `NAME.yaml` is the English template and `NAME.LANG.yaml` (e.g. `diagnosis.zh.yaml`)
its translation, with the same items in the same order (the board keeps a checklist's ticks
and the gap-analysis answers under the English text, and finds them by position in the
translation). A function that reads a template takes the language as a plain `lang` argument
(the interface decides it; the store never asks) and falls back to English when the template
has no translation in that language.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from sales.errors import NotFound

SUFFIX = ".yaml"
ENGLISH = "en"


@dataclass(frozen=True)
class Template:
    name: str
    summary: str
    languages: tuple[str, ...] = (ENGLISH,)


def _folder():
    return files("plans")


def _split(file_name: str) -> tuple[str, str]:
    """`diagnosis.zh.yaml` -> ("diagnosis", "zh"); `diagnosis.yaml` -> ("diagnosis", "en")."""
    stem = file_name.removesuffix(SUFFIX)
    base, dot, lang = stem.rpartition(".")
    if dot and lang.isalpha() and len(lang) <= 3:
        return base, lang
    return stem, ENGLISH


def _files() -> dict[str, dict[str, str]]:
    """Template name -> {language: file name}, for every template with an English original."""
    found: dict[str, dict[str, str]] = {}
    for entry in _folder().iterdir():
        if entry.name.endswith(SUFFIX):
            name, lang = _split(entry.name)
            found.setdefault(name, {})[lang] = entry.name
    return {name: langs for name, langs in found.items() if ENGLISH in langs}


def template_file(name: str, lang: str = ENGLISH) -> str:
    """The file of template `name` in `lang`, or the English one when it has no such translation."""
    langs = _files().get(name.removesuffix(SUFFIX), {})
    return langs.get(lang) or langs.get(ENGLISH) or name


def _summary(file_name: str) -> str:
    first = _folder().joinpath(file_name).read_text(encoding="utf-8").split("\n", 1)[0]
    for prefix in ("Template: ", "模板："):
        first = first.lstrip("# ").removeprefix(prefix)
    return first


def templates(lang: str = ENGLISH) -> list[Template]:
    """Every template, its summary in `lang` (English where it has no translation), and the
    languages it comes in."""
    return [Template(name, _summary(langs.get(lang) or langs[ENGLISH]),
                     tuple(sorted(langs, key=lambda code: (code != ENGLISH, code))))
            for name, langs in sorted(_files().items())]


def template_text(name: str, lang: str = ENGLISH) -> tuple[bytes, str]:
    """The bytes of template `name` (with or without .yaml) in `lang` (or in English when it has
    no translation), and the file name to report problems under. `NAME.LANG` names a
    translation outright, whatever `lang` says."""
    stem = name.removesuffix(SUFFIX)
    files_of = _files()
    base, named_lang = _split(stem + SUFFIX)
    if stem not in files_of and base in files_of and named_lang in files_of[base]:
        stem, lang = base, named_lang
    if stem not in files_of:
        raise NotFound("no template {name!r} (templates: {names})", name=name, names=", ".join(sorted(files_of)))
    file_name = template_file(stem, lang)
    return _folder().joinpath(file_name).read_bytes(), file_name
