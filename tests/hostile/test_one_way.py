"""The rules that keep hostile text in check, held in one place each: every text box is made by
tui.user_text (a safe value, a length cap), and every text a person types into a model has a
length cap."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec.inspect as mi

from sales.alerts import Snooze
from sales.deals import Stage
from sales.members import Member
from store.board_core import HOMES, model_of

ROOT = Path(__file__).resolve().parents[2]
# Fields the program fills itself (ids, times, who did it) or computes (a diagnosis of a file).
NOT_TYPED = re.compile(r"(\.id|\.at|\.saved_at|\.saved_by|\.created|\.created_at|\.signature)$"
                       r"|^(Snapshot|SavedMapping)\.|^(Diagnosis|SourceInfo|PeriodRow|GroupRow|Finding)\."
                       r"|^Member\.name$")  # a member name is held to 40 word characters by a pattern


def test_every_text_box_is_made_in_user_text() -> None:
    made_elsewhere = []
    for path in (ROOT / "tui").rglob("*.py"):
        if path.name == "user_text.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"(?<![\w.])(Input|TextArea)\(", line):
                made_elsewhere.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert made_elsewhere == []


def _uncapped(info, where: str, seen: set) -> list[str]:
    if isinstance(info, mi.StrType):
        return [] if info.max_length is not None or NOT_TYPED.search(where) else [where]
    if isinstance(info, mi.StructType):
        if info.cls in seen:
            return []
        seen.add(info.cls)
        return [u for f in info.fields for u in _uncapped(f.type, f"{info.cls.__name__}.{f.name}", seen)]
    if isinstance(info, mi.UnionType):
        return [u for t in info.types for u in _uncapped(t, where, seen)]
    if isinstance(info, (mi.ListType, mi.SetType, mi.FrozenSetType, mi.VarTupleType)):
        return _uncapped(info.item_type, where, seen)
    if isinstance(info, mi.DictType):
        return _uncapped(info.key_type, where, seen) + _uncapped(info.value_type, where, seen)
    return []


def test_every_typed_text_field_has_a_length_cap() -> None:
    seen: set = set()
    models = [model_of(kind) for kind in HOMES] + [Member, Snooze, Stage]
    assert [u for model in models for u in _uncapped(mi.type_info(model), model.__name__, seen)] == []
