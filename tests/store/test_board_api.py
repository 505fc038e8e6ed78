"""The Board is one object made of one mixin per kind: no two mixins may define the same name,
or one would silently shadow the other (the method resolution order would pick one)."""

from __future__ import annotations

from collections import defaultdict

from store.board import Board


def test_no_two_mixins_define_the_same_method() -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for cls in Board.__mro__[1:]:
        if cls.__module__.startswith("store."):
            for name, value in vars(cls).items():
                if callable(value) or isinstance(value, property):
                    if not name.startswith("__"):
                        owners[name].append(cls.__name__)
    assert {name: classes for name, classes in owners.items() if len(classes) > 1} == {}
