"""The alerts list: every early warning with its evidence; enter jumps to the item, `s` snoozes
the highlighted alert until a date, for a reason (as `uplift alerts snooze KEY --until DATE
--reason TEXT` does)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sales.alerts import Alert
from sales.dates import DateError, parse_date
from sales.errors import Invalid
from tui.i18n import N_, _, say
from tui.keys import shown_key
from tui.screens.dialogs import help_key
from tui.screens.fields_form import FieldsForm
from tui.user_text import Hanging, plain, tell, text_input
from tui.widgets.footer import Footer

KIND_LABELS = {"conversion": N_("Conversion drop"), "quiet": N_("Quiet key account"),
               "slipped": N_("Deal past its close date"), "stuck": N_("Deal stuck in its stage"),
               "overdue": N_("Overdue task"),
               "wip": N_("Over WIP limit"), "pace": N_("Goal behind pace"),
               "ended": N_("Goal ended, not closed")}
DATE_HINT = "YYYY-MM-DD, +3d, fri"


def alert_heading(alert: Alert) -> str:
    return f"{_(KIND_LABELS.get(alert.kind, alert.kind))} · {alert.item}"


def alert_text(alert: Alert) -> Hanging:
    """The alert's kind and item, and under them what it says (and its snooze), wrapping under itself."""
    lines = [say(alert.message)]
    if alert.snoozed_until:
        lines.append(_("snoozed by {who} until {day}: {reason}").format(
            who=alert.snoozed_by, day=alert.snoozed_until, reason=alert.snooze_reason) if alert.snoozed_by else
            _("snoozed until {day}: {reason}").format(day=alert.snoozed_until, reason=alert.snooze_reason))
    return Hanging([("", line) for line in lines], heading=alert_heading(alert))


def snooze_form(board, alert: Alert) -> FieldsForm:
    """Until when, and why: the two things `uplift alerts snooze` asks for too."""
    rows = [("until", _("Snooze until"), text_input(str(alert.snoozed_until or ""), placeholder=DATE_HINT)),
            ("reason", _("Reason"), text_input(alert.snooze_reason, placeholder=_("on holiday, waiting for legal, …")))]

    def save(values: dict):
        text = values["until"].strip()
        if not text:
            raise Invalid("until", "until when? (e.g. {dates})", dates=DATE_HINT)
        try:
            until = parse_date(text, board.today())
        except DateError as error:
            raise Invalid("until", error) from None
        return board.snooze(alert.key, until, values["reason"])

    return FieldsForm(_("Snooze: {alert}").format(alert=alert_heading(alert)), rows, save)


#: The most alerts the list shows: a floor whose 5,000 overdue tasks each raise one took 2 s to
#: lay the list out, again at each change anyone made; past these, one line says how many more
#: there are and where they all are (`uplift alerts`).
MOST_SHOWN = 300


class AlertsScreen(ModalScreen[str | None]):
    """Returns the item of the chosen alert (enter), or None (escape)."""

    DEFAULT_CLASSES = "dialog-screen"  # centred, as every dialog

    BINDINGS = [
        Binding("escape,q", "cancel", N_("Close"), id="alerts.close"),
        Binding("s", "snooze", N_("Snooze"), id="alerts.snooze"),
        help_key("alerts"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog alerts"):
            yield Static(classes="dialog-question", id="alerts-heading")
            yield OptionList(id="alert-list")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Snooze only with an alert to snooze: with none, its key is not offered in the footer
        (it said `s Snooze` under "No alerts")."""
        if action == "snooze":
            return bool(getattr(self, "alerts", None))
        return True

    def show(self) -> None:
        """The alerts as the board has them now, live ones first; the highlight kept in its place."""
        alerts = self.app.board.alerts()
        self.alerts = [a for a in alerts if a.snoozed_until is None] + [a for a in alerts if a.snoozed_until]
        live = sum(1 for a in alerts if a.snoozed_until is None)
        heading = (_("Alerts: {live} ({snoozed} snoozed) · enter jumps to the item, {snooze} snoozes it, "
                     "escape closes").format(live=live, snoozed=len(alerts) - live,
                                             snooze=shown_key(self, "alerts.snooze"))
                   if alerts else _("No alerts. Escape closes."))
        self.query_one("#alerts-heading", Static).update(plain(heading))
        options = self.query_one("#alert-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(alert_text(a), id=str(i)) for i, a in enumerate(self.alerts[:MOST_SHOWN])])
        if len(self.alerts) > MOST_SHOWN:
            options.add_option(Option(plain(_("… and {count} more: `uplift alerts` lists them all").format(
                count=len(self.alerts) - MOST_SHOWN)), disabled=True))
        if self.alerts:
            options.highlighted = min(highlighted or 0, len(self.alerts) - 1, MOST_SHOWN - 1)
        self.refresh_bindings()  # (snooze offered only with an alert: check_action)

    async def refresh_board(self) -> None:
        """The board changed (here, or in another session): show its alerts as they are now."""
        self.show()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.alerts[int(event.option.id)].item)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_snooze(self) -> None:
        index = self.query_one("#alert-list", OptionList).highlighted
        if index is None or not self.alerts:
            tell(self, _("No alert to snooze."), "warning")
            return
        alert = self.alerts[index]
        owner = self.app.board.alert_owner(alert.key)
        if not self.app.board.may("alert.snooze", owner, owner):  # permission before questions
            tell(self, _("Only a lead snoozes an alert about someone else's work or the whole team."), "warning")
            return
        by = alert.snoozed_by
        if alert.snoozed_until and by and not self.app.board.may("alert.resnooze", by, by):
            tell(self, _("{who} snoozed this alert; only they or a lead may change it.").format(who=by), "warning")
            return

        def snoozed(snooze) -> None:
            if snooze is not None:
                tell(self, _("Snoozed {key} until {day}").format(key=snooze.key, day=snooze.until))
                self.show()

        self.app.push_screen(snooze_form(self.app.board, alert), snoozed)
