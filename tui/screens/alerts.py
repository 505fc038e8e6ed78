"""The alerts list: every early warning with its evidence; enter jumps to the item."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sales.alerts import Alert
from tui.i18n import N_, _
from tui.user_text import plain

KIND_LABELS = {"conversion": N_("Conversion drop"), "quiet": N_("Quiet key account"),
               "slipped": N_("Deal past its close date"), "stuck": N_("Deal stuck in its stage"),
               "overdue": N_("Overdue task"),
               "wip": N_("Over WIP limit"), "pace": N_("Goal behind pace")}


def alert_text(alert: Alert) -> str:
    text = f"{_(KIND_LABELS.get(alert.kind, alert.kind))} · {alert.item}\n  {alert.message}"
    if alert.snoozed_until:
        text += "\n  " + _("snoozed until {day}: {reason}").format(day=alert.snoozed_until, reason=alert.snooze_reason)
    return text


class AlertsScreen(ModalScreen[str | None]):
    """Returns the item of the chosen alert (enter), or None (escape)."""

    BINDINGS = [Binding("escape,q", "cancel", N_("Close"), id="alerts.close")]

    def compose(self) -> ComposeResult:
        alerts = self.app.board.alerts()
        self.alerts = [a for a in alerts if a.snoozed_until is None] + [a for a in alerts if a.snoozed_until]
        with Vertical(classes="dialog alerts"):
            live = sum(1 for a in alerts if a.snoozed_until is None)
            heading = (_("Alerts: {live} ({snoozed} snoozed) · enter jumps to the item, escape closes").format(
                live=live, snoozed=len(alerts) - live) if alerts else _("No alerts. Escape closes."))
            yield Static(plain(heading), classes="dialog-question")
            yield OptionList(*(Option(plain(alert_text(a)), id=str(i)) for i, a in enumerate(self.alerts)),
                             id="alert-list")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.alerts[int(event.option.id)].item)

    def action_cancel(self) -> None:
        self.dismiss(None)
