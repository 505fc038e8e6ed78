"""The help screen: every key that applies where `?` was pressed, as currently bound."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.i18n import N_, _
from tui.keys import in_shipped_order, shown_key
from tui.user_text import plain, plain_rich
from tui.widgets.footer import Footer


class Help(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", N_("Close"), id="help.close")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static(plain(_("Keys ({close} closes)").format(close=shown_key(self, "help.close"))), classes="dialog-question")
            table: DataTable = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns(plain_rich(_("Key")), plain_rich(_("Does")), plain_rich(_("Id (to remap it)")))
            for key, description, where in self.rows:
                table.add_row(plain_rich(key), plain_rich(description), plain_rich(where))
            yield table
        yield Footer()  # its own key (close): the keys of the screen beneath do nothing here


def binding_rows(app) -> list[tuple[str, str, str]]:
    """(keys, description, id) for every binding on the focus chain that a key press would reach:
    Uplift's own (those with a dotted id, like `board.new`, which the user's config remaps)
    innermost first, then Textual's (scrolling and the like), whose id column is a dash: they have
    none to remap (the widget or screen class they sit on is no name a user knows).

    A key is listed once, with the binding Textual runs for it (the nearest to the focus, or a
    priority one): on the pipeline, tab is the kanban's Next card, not the screen's Focus Next.
    Keys are read from the screen's live binding chain, which has the user's keymap applied
    (App.set_keymap), so a remapped key shows as remapped. Descriptions are translated.
    """
    chain = app.screen._modal_binding_chain
    runs: dict[str, Binding] = {}  # key -> the binding that press runs (as Screen.active_bindings decides)
    for node, bindings in chain:
        for key, binding in bindings:
            if app._check_action_state(binding.action, node) is False:
                continue  # a disabled binding lets the key pass on
            held = runs.get(key)
            if held is None or (binding.priority and not held.priority):
                runs[key] = binding
    rows: dict[str, tuple[list[str], str, str]] = {}
    for node, bindings in chain:
        where = "app" if node is app else type(node).__name__
        # as the node's class lists them, not as a remap left them (last)
        for key, binding in in_shipped_order(list(bindings), lambda _held: node, lambda held: held[1]):
            if not binding.description or runs.get(key, binding) is not binding:
                continue
            ident = binding.id or f"{where}:{binding.action}"
            shown_where = binding.id if binding.id and "." in binding.id else "–"
            keys, *_rest = rows.setdefault(ident, ([], _(binding.description), shown_where))
            shown = app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
    ordered = sorted(rows.values(), key=lambda row: row[2] == "–")  # ours first (a stable sort)
    return [(", ".join(keys), description, where) for keys, description, where in ordered]
