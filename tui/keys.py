"""Remapped keys: every binding has an id (`board.new`), the user's config maps ids to keys, and
Textual's `App.set_keymap` applies them. Before that, the keymap is checked here, statically,
screen by screen, so that a mistake is reported once at start rather than found by pressing keys:

- an id no binding has (a typo, or a binding that was renamed) is ignored and named;
- a clash: after remapping, two bindings that are active together (on one screen: the screen's
  own, its widgets' and, unless the screen is a dialog, the app's) share a key, and at least one
  of them was remapped by the user (the shipped keys overlap on purpose in places, e.g. escape).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import unicodedata
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import KEY_ALIASES, KEY_TO_UNICODE_NAME, REPLACED_KEYS, Keys, _normalize_key_list
from textual.screen import ModalScreen, Screen

from tui.i18n import _, enumerated

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset({key.value.rpartition("+")[2] for key in Keys} | set(REPLACED_KEYS) | set(KEY_ALIASES))


def is_key_name(key: str) -> bool:
    """Whether Textual could ever report this key: modifiers, then a character, a named key
    (`f2`, `escape`, `pageup`) or a character's Unicode name (`question_mark`). `F2` or `ctrl+foo`
    are not, and a binding remapped to one could never be pressed."""
    if len(key) == 1:  # the character itself: `?`, `+`
        return True
    *modifiers, base = key.split("+")
    if not base or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(base) == 1 or base in NAMED_KEYS:
        return True
    try:
        unicodedata.lookup(KEY_TO_UNICODE_NAME.get(base, base).replace("_", " "))
    except KeyError:
        return False
    return True


# Widgets of ours with their own bindings, by the screens that show them.
WIDGETS_ON: dict[str, tuple[str, ...]] = {
    "BoardScreen": ("tui.widgets.kanban:Kanban", "tui.widgets.filter_box:FilterBox"),
    "PipelineScreen": ("tui.widgets.kanban:Kanban",),
}


# The text boxes on a dialog: while one has the focus, its own keys run before the dialog's
# (ctrl+w deletes a word rather than saving, if form.save is remapped to it) and a printable key
# is typed into it. By the dialog class (or the nearest of its bases) that holds them.
INPUT, TEXT_AREA = "textual.widgets:Input", "textual.widgets:TextArea"
TEXT_BOXES_ON: dict[str, tuple[str, ...]] = {
    "FormBase": (INPUT,), "AskPath": (INPUT,),
    "TaskForm": (INPUT, TEXT_AREA), "FieldsForm": (INPUT, TEXT_AREA), "NoteForm": (INPUT, TEXT_AREA),
}


def text_boxes_on(screen: type) -> tuple[str, ...]:
    return next((TEXT_BOXES_ON[cls.__name__] for cls in screen.__mro__ if cls.__name__ in TEXT_BOXES_ON), ())


@dataclass(frozen=True)
class Context:
    """Bindings that are active together: where (a screen's name) and the classes they come from."""

    where: str
    classes: tuple[type, ...]
    typing: bool = False  # a text box of it takes printable keys


def screen_classes() -> list[type[Screen]]:
    """Every screen defined in tui/screens/, in a stable order."""
    import tui.screens

    found: dict[str, type[Screen]] = {}
    for info in pkgutil.iter_modules(tui.screens.__path__):
        module = importlib.import_module(f"tui.screens.{info.name}")
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == module.__name__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def _load(spec: str) -> type:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def contexts(app_class: type) -> list[Context]:
    result = [Context("everywhere", (app_class,))]
    for screen in screen_classes():
        boxes = text_boxes_on(screen)
        widgets = tuple(_load(spec) for spec in (*WIDGETS_ON.get(screen.__name__, ()), *boxes))
        app = () if issubclass(screen, ModalScreen) else (app_class,)
        result.append(Context(screen.__name__, (screen, *widgets, *app), typing=bool(boxes)))
    return result


def bindings_of(cls: type) -> list[Binding]:
    return [b for bindings in cls._merge_bindings().key_to_bindings.values() for b in bindings]


def known_ids(app_class: type) -> set[str]:
    return {b.id for context in contexts(app_class) for cls in context.classes
            for b in bindings_of(cls) if b.id}


def normalized(keymap: dict[str, str]) -> dict[str, str]:
    return {ident: _normalize_key_list(keys) for ident, keys in keymap.items()}


def clashes(app_class: type, keymap: dict[str, str]) -> list[str]:
    """One line per key that two bindings share on a screen because of the keymap."""
    keymap = normalized(keymap)
    lines: list[str] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    typed: dict[tuple[str, str, str], list[str]] = {}
    for context in contexts(app_class):
        by_key: dict[str, dict[str, Binding]] = {}
        for cls in context.classes:
            for binding in bindings_of(cls):
                # Textual's own (a text box's) have no id: named by their widget and action
                ident = binding.id or (f"{cls.__name__}.{binding.action}" if cls.__module__.startswith("textual.")
                                       else binding.action)
                keys = keymap[binding.id] if binding.id in keymap else binding.key
                for key in keys.split(","):
                    by_key.setdefault(key.strip(), {}).setdefault(ident, binding)
        for key, holders in by_key.items():
            if len(holders) < 2 or not any(ident in keymap for ident in holders):
                continue
            mark = (key, frozenset(holders))
            if mark in seen:
                continue
            seen.add(mark)
            names = [_("{id} ({description})").format(id=ident, description=_(b.description) if b.description
                                                      else b.action) for ident, b in holders.items()]
            names = _("{first} and {second}").format(first=_(", ").join(names[:-1]), second=names[-1])
            if context.where == "everywhere":
                lines.append(_("key clash everywhere: {key} is bound to {names}").format(key=key, names=names))
            else:
                lines.append(_("key clash on {screen}: {key} is bound to {names}").format(
                    screen=context.where, key=key, names=names))
        if context.typing:
            for key, holders in by_key.items():
                for ident, b in holders.items():
                    if ident in keymap and is_typed(key):
                        typed.setdefault((key, ident, b.description), []).append(context.where)
    # said once a key, with every dialog it is typed on (form.save is on all the forms)
    lines += [typed_over(enumerated(screens), key, ident, description)
              for (key, ident, description), screens in typed.items()]
    return lines


def is_typed(key: str) -> bool:
    """A key a text box types: a character with no ctrl or alt, as Textual names it (`a`, `A`,
    `question_mark`, `space`)."""
    if key == "space" or len(key) == 1:
        return True
    if "+" in key or key in NAMED_KEYS:
        return False
    return is_key_name(key)


def typed_over(where: str, key: str, ident: str, description: str) -> str:
    return _("key clash on {screen}: {key} is typed into its text boxes, so {id} ({description}) "
             "does not run there").format(screen=where, key=key, id=ident, description=_(description))


def shipped_rank(node) -> dict[str, int]:
    """Where each of `node`'s bindings stands in its class's own list, by id (or, without one, by
    action): Textual's keymap moves a remapped binding to the end of the node's bindings, and the
    footer and `?` would then show it last (a remapped `New` fell off an 80-column footer)."""
    return _rank_of(type(node))


@functools.cache
def _rank_of(cls: type) -> dict[str, int]:  # (the footer reads it on every move of the focus)
    rank: dict[str, int] = {}
    for index, binding in enumerate(bindings_of(cls)):
        rank.setdefault(binding.id or binding.action, index)
    return rank


def in_shipped_order(items: list, node_of, binding_of) -> list:
    """`items` (each with a node and a binding) grouped by node as they come, and within a node
    in the order its class lists its bindings, remapped or not."""
    ranks: dict[int, dict[str, int]] = {}
    groups: dict[int, int] = {}
    for item in items:
        groups.setdefault(id(node_of(item)), len(groups))

    def place(item) -> tuple[int, int]:
        node, binding = node_of(item), binding_of(item)
        rank = ranks.get(id(node))
        if rank is None:
            rank = ranks[id(node)] = shipped_rank(node)
        return groups[id(node)], rank.get(binding.id or binding.action, len(rank))

    return sorted(items, key=place)


def shown_key(node, binding_id: str) -> str:
    """How the key of `binding_id` (one of `node`'s own bindings) is written today: the user's
    key if remapped, else the shipped one, as the footer writes it (for hints in text)."""
    app = node.app
    keys = app._keymap.get(binding_id) or next(
        (b.key for b in bindings_of(type(node)) if b.id == binding_id), binding_id)
    return app.get_key_display(Binding(keys.split(",")[0], ""))


def shown_key_of(app, binding_id: str, shipped: str) -> str:
    """As shown_key, for a binding of a screen that need not be shown (the palette's hints):
    the user's key if remapped, else `shipped`."""
    keys = app._keymap.get(binding_id) or shipped
    return app.get_key_display(Binding(keys.split(",")[0], ""))


def save_hint(node, save: str = "form.save", cancel: str = "form.cancel") -> str:
    return _("({save} saves, {cancel} cancels)").format(save=shown_key(node, save), cancel=shown_key(node, cancel))
