"""Team and cycle ("Team and cycle" in the palette, `s` on the cycle screen): what a lead sets up
on a new board, in the app as with `uplift plan info`, `uplift member add`, `uplift member zone`,
`uplift member role`, `uplift member remove`, `uplift member key add/remove` and `uplift wip`, through the same store calls (so the same rules, checks, activity log and undo).

A rep (or anyone not on the team) reads it: the footer does not offer them a lead's keys, and
pressed those keys say the rule before any form (the store would refuse the save anyway).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Select, Static

from sales.budget import left_with_cycle
from sales.dates import DateError, parse_date
from sales.errors import Invalid, UpliftError
from sales.members import last_lead
from sales.tasks import STATUS_LABELS, STATUSES, WIP_MAX
from tui.commands.members import ROLE_WORDS
from tui.i18n import N_, _, enumerated, say
from tui.keys import shown_key
from tui.screens.dialogs import help_key, permitted
from tui.screens.form_base import DATE_HINT, DATE_PLACEHOLDER
from tui.user_text import plain, plain_rich, tell, text_input
from tui.widgets.footer import Footer

COLUMNS = (N_("Name"), N_("Role"), N_("Time zone"), N_("SSH keys"))
#: The keys only a lead may use here (the footer does not offer them to others).
LEAD_ACTIONS = ("cycle", "add_member", "role", "remove_member", "wip", "add_key", "remove_key")


class TeamSetupScreen(ModalScreen[None]):
    """The plan's name and cycle, the members and their roles and zones, the WIP limits."""

    DEFAULT_CLASSES = "dialog-screen"

    BINDINGS = [
        Binding("escape", "dismiss", N_("Close"), id="setup.close"),
        Binding("c", "cycle", N_("Cycle"), id="setup.cycle"),
        Binding("a", "add_member", N_("Add member"), id="setup.add"),
        Binding("z", "zone", N_("Time zone"), id="setup.zone"),
        Binding("r", "role", N_("Role"), id="setup.role"),
        Binding("d", "remove_member", N_("Remove"), id="setup.remove"),
        Binding("w", "wip", N_("WIP limits"), id="setup.wip"),
        Binding("k", "add_key", N_("Add SSH key"), id="setup.key_add"),
        Binding("K", "remove_key", N_("Remove SSH key"), id="setup.key_remove"),
        help_key("setup"),
    ]

    def offers(self, action: str) -> bool:
        """A lead's keys are offered to whoever may change the board's settings (everyone on a
        board with no members yet); `z` to every member (their own zone is their own)."""
        board = self.app.board
        if action in LEAD_ACTIONS:
            return board.may("board.settings")
        if action == "zone":
            return board.role is not None
        return True

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog forecast", can_focus=False):
            yield Static(plain(_("Team and cycle")), classes="dialog-question")
            yield Static(id="setup-plan")
            yield Static(id="setup-wip")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="setup-members")
            yield Static(id="setup-empty")
            yield Static(id="setup-hint", classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#setup-members", DataTable)
        for key, name in zip(("name", "role", "zone", "keys"), COLUMNS):
            table.add_column(plain_rich(_(name)), key=key)
        self.show()
        table.focus()

    async def refresh_board(self) -> None:
        """Another process (or a form here) changed the board: show it as it is now."""
        self.show()

    def show(self) -> None:
        board = self.app.board
        try:
            info, members, wip = board.plan_info(), board.members(), board.wip_limits()
            keys = [key.member for key in board.member_keys()]
        except UpliftError as error:
            tell(self, error, "error")
            return
        period = info.get("period") or {}
        dates = (_("{start} to {end}").format(start=period["start"], end=period["end"]) if period.get("start")
                 else _("no cycle dates yet"))
        self.query_one("#setup-plan", Static).update(plain(_("Plan: {name} · {dates}").format(
            name=info["name"] or _("no plan name yet"), dates=dates)))
        limits = enumerated(f"{_(STATUS_LABELS[s])} {wip[s]}" for s in STATUSES if s in wip)
        self.query_one("#setup-wip", Static).update(plain(_("WIP limits: {limits}").format(
            limits=limits or _("none"))))
        table = self.query_one("#setup-members", DataTable)
        row = table.cursor_row
        table.clear()
        for member in members:
            table.add_row(*(plain_rich(cell) for cell in (
                member.name, _(ROLE_WORDS[member.role]), member.zone or _("the machine's"),
                str(keys.count(member.name) or "–"))), key=member.name)
        if members:
            table.move_cursor(row=min(row, len(members) - 1))
        lead = self.offers("cycle")
        empty = ""
        if not members:
            empty = (_("No members yet: the board is in single-user mode (everyone is a lead). "
                       "Press {key} to add yourself as its lead first.").format(key=shown_key(self, "setup.add"))
                     if lead else _("No members yet: the board is in single-user mode."))
        elif not period.get("start") and lead:
            empty = _("No cycle dates yet: press {key} to set the cycle's first and last day.").format(
                key=shown_key(self, "setup.cycle"))
        self.query_one("#setup-empty", Static).update(plain(empty))
        self.query_one("#setup-empty", Static).display = bool(empty)
        close = shown_key(self, "setup.close")
        hint = (_("{cycle} name and cycle · {add} add a member · {zone} a member's time zone · {role} lead or rep · "
                  "{remove} remove a member · {wip} WIP limits · {key} / {unkey} add or remove an SSH key · "
                  "{close} close").format(
                      cycle=shown_key(self, "setup.cycle"), add=shown_key(self, "setup.add"),
                      zone=shown_key(self, "setup.zone"), role=shown_key(self, "setup.role"),
                      remove=shown_key(self, "setup.remove"), wip=shown_key(self, "setup.wip"),
                      key=shown_key(self, "setup.key_add"), unkey=shown_key(self, "setup.key_remove"),
                      close=close) if lead
                else _("Read only: a lead sets the team and the cycle · {zone} your time zone · {close} close").format(
                    zone=shown_key(self, "setup.zone"), close=close) if self.offers("zone")
                else _("Read only: a lead sets the team and the cycle · {close} close").format(close=close))
        self.query_one("#setup-hint", Static).update(plain(hint))

    def _open(self, form) -> None:
        # (every open screen, this one, the cycle beneath and the header, shows the change at once)
        self.app.push_screen(form, lambda _made: self.app.call_next(self.app.refresh_screens))

    def action_cycle(self) -> None:
        from tui.screens.fields_form import FieldsForm, Hint

        if not permitted(self, "board.settings"):
            return
        board = self.app.board
        info = board.plan_info()
        period = info.get("period") or {}

        def save(values: dict) -> dict:
            days = {}
            for name in ("start", "end"):
                text = values[name].strip()
                try:
                    days[name] = parse_date(text, board.today()) if text and text.lower() != "none" else None
                except DateError as error:
                    raise Invalid(name, error) from None
            if bool(days["start"]) != bool(days["end"]):  # (a cycle has both ends, or none)
                missing = "end" if days["start"] else "start"
                raise Invalid(missing, "a cycle has a first and a last day: give both (both empty: no cycle)")
            before = board.plan_period()
            saved = board.set_plan_info(values["name"].strip(), days["start"], days["end"])
            kept[:] = [left_with_cycle(board.lines_kept_with(before), before)]
            return saved

        def done(_made) -> None:
            # the budget lines the old dates keep, as `uplift plan info` says: a lead who only
            # corrected the dates saw them leave the budget screen with no word why
            if kept and kept[0] is not None:
                tell(self, say(kept[0]), "warning")
            self.app.call_next(self.app.refresh_screens)

        kept: list = []
        rows = [("name", _("Plan name"), text_input(info["name"], placeholder=_("no plan name yet"))),
                (("start", _("First day"), text_input(period.get("start") or "", placeholder=DATE_PLACEHOLDER)),
                 ("end", _("Last day"), text_input(period.get("end") or "", placeholder=DATE_PLACEHOLDER))),
                Hint(_(DATE_HINT))]
        # (an unnamed plan may stay unnamed: its name is needed once it has one)
        self.app.push_screen(FieldsForm(_("Name and cycle"), rows, save, required=("name",) if info["name"] else ()),
                             done)

    def action_add_member(self) -> None:
        from tui.screens.fields_form import FieldsForm, Hint

        if not permitted(self, "member.add"):
            return
        board = self.app.board
        first = not board.members()

        def save(values: dict):
            return board.add_member(values["member"].strip(), values["role"] or "", values["zone"])

        roles = [(plain_rich(_(ROLE_WORDS[role])), role) for role in ROLE_WORDS]
        # (the field is `member`, as the store names it: a name it refuses is said next to the box)
        rows = [(("member", _("Name"), text_input(board.actor if first else "")),
                 ("role", _("Role"), Select(roles, allow_blank=False, value="lead" if first else "rep"))),
                ("zone", _("Time zone"), text_input("")),
                Hint(_("Time zone: an IANA name such as Europe/Berlin; empty for the machine's"))]
        note = (_("The first member is you, as the lead: once the board has members, only they may change it.")
                if first else "")
        self._open(FieldsForm(_("Add a member"), rows, save, note=note, required=("member",)))

    def _member_under_cursor(self):
        """The member on the cursor's row (as the board holds them now), or None, said."""
        table = self.query_one("#setup-members", DataTable)
        if not table.row_count:
            tell(self, _("No members yet: add one first ({key})").format(key=shown_key(self, "setup.add")), "warning")
            return None
        name = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((m for m in self.app.board.members() if m.name == name), None)

    def _confirm(self, question: str, change, done: str, *, destructive: bool = False) -> None:
        """Ask `question`; on yes make the `change` (a store call), say `done`, show the board."""
        from tui.screens.dialogs import Confirm

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                change()
            except UpliftError as error:
                tell(self, error, "error")
                return
            tell(self, done)
            self.app.call_next(self.app.refresh_screens)

        self.app.push_screen(Confirm(question, destructive=destructive), answer)

    def action_role(self) -> None:
        """Make the member under the cursor a rep if a lead, a lead if a rep (`uplift member role`)."""
        if not permitted(self, "member.role"):
            return
        member = self._member_under_cursor()
        if member is None:
            return
        role = "rep" if member.role == "lead" else "lead"
        board = self.app.board
        roles = {m.name: m.role for m in board.members()}
        if role == "rep" and (refusal := last_lead(roles, member.name, removing=False)):
            tell(self, refusal, "error")  # (said before asking: the store would refuse the yes)
            return
        question = (_("Make {name} a lead? A lead may change everything on the board.") if role == "lead"
                    else _("Make {name} a rep? A rep changes only their own work."))
        self._confirm(question.format(name=member.name), lambda: board.set_member_role(member.name, role),
                      _("{name} is now a {role}").format(name=member.name, role=_(ROLE_WORDS[role])))

    def action_remove_member(self) -> None:
        """Take the member under the cursor off the board (`uplift member remove`): as there, not
        while they own open work (hand it over first), and never the board's last lead."""
        from tui.commands.members import work_counts

        if not permitted(self, "member.remove"):
            return
        member = self._member_under_cursor()
        if member is None:
            return
        board = self.app.board
        roles = {m.name: m.role for m in board.members()}
        if refusal := last_lead(roles, member.name, removing=True):  # (said before asking)
            if len(roles) == 1:  # the board's only member: the key that adds a lead here, not the command
                refusal = _("{name} is the board's only member, and a board keeps at least one lead; "
                            "add another lead first ({key})").format(name=member.name, key=shown_key(self, "setup.add"))
            tell(self, refusal, "error")
            return
        work = board.open_work(member.name)
        if work.deals or work.tasks or work.goals:
            tell(self, _("{name} still owns {work}; hand the work over first: uplift member handover {name} --to NAME").format(
                name=member.name, work=work_counts(len(work.deals), len(work.tasks), len(work.goals))), "error")
            return
        question = _("Remove {name} from the board? They own no open deals, unfinished tasks or running goals; "
                     "their SSH keys go with them, and the log keeps what they did.").format(name=member.name)
        self._confirm(question, lambda: board.remove_member(member.name),
                      _("removed {name}").format(name=member.name), destructive=True)

    def action_zone(self) -> None:
        from tui.screens.fields_form import FieldsForm, Hint

        board = self.app.board
        member = self._member_under_cursor()
        name = member.name if member is not None else ""
        if member is None or not permitted(self, "member.zone", owner=name):
            return

        def save(values: dict):
            return board.set_member_zone(name, values["zone"])

        rows = [("zone", _("Time zone"), text_input(member.zone)),
                Hint(_("Time zone: an IANA name such as Europe/Berlin; empty for the machine's"))]
        self._open(FieldsForm(_("{name}'s time zone").format(name=name), rows, save))

    def action_add_key(self) -> None:
        """Let the member under the cursor in over `uplift serve ssh` with a public key pasted here
        (`uplift member key add`): checked as the command line checks a key file."""
        from tui.commands.members import public_key_text
        from tui.screens.fields_form import FieldsForm, Hint

        if not permitted(self, "member.key_add"):
            return
        member = self._member_under_cursor()
        if member is None:
            return
        board = self.app.board

        def save(values: dict):
            try:
                text = public_key_text(values["key"].strip().encode("utf-8"))
            except UpliftError as error:
                raise Invalid("key", error) from None
            return board.add_member_key(member.name, text)

        def done(key) -> None:
            if key is not None:
                tell(self, _("{name}: {fingerprint} ({type})").format(
                    name=key.member, fingerprint=key.fingerprint, type=key.type))
            self.app.call_next(self.app.refresh_screens)

        rows = [("key", _("Public key"), text_input("", placeholder="ssh-ed25519 AAAA… name@host")),
                Hint(_("Paste the one line of their .pub file (never the private key): it lets them in "
                       "over `uplift serve ssh` as {name}").format(name=member.name))]
        self.app.push_screen(FieldsForm(_("{name}'s SSH key").format(name=member.name), rows, save,
                                        required=("key",)), done)

    def action_remove_key(self) -> None:
        """Remove one of the member's SSH keys (`uplift member key remove`): their sessions with
        it end within a second or two."""
        from tui.screens.fields_form import FieldsForm

        if not permitted(self, "member.key_remove"):
            return
        member = self._member_under_cursor()
        if member is None:
            return
        board = self.app.board
        keys = board.member_keys(member.name)
        if not keys:
            tell(self, _("{name} has no SSH keys on this board").format(name=member.name), "warning")
            return
        if len(keys) == 1:
            key = keys[0]
            question = _("Remove {name}'s SSH key {fingerprint} ({comment})? Their sessions with it end "
                         "within a second or two.").format(name=member.name, fingerprint=key.fingerprint,
                                                          comment=key.comment or key.type)
            self._confirm(question, lambda: board.remove_member_key(member.name, key.fingerprint),
                          _("removed {name}'s SSH key {fingerprint}").format(name=member.name,
                                                                           fingerprint=key.fingerprint),
                          destructive=True)
            return

        def save(values: dict):
            return board.remove_member_key(member.name, values["key"] or None)

        choices = [(plain_rich(f"{key.fingerprint} ({key.comment or key.type})"), key.fingerprint) for key in keys]
        choices.append((plain_rich(_("all of them")), ""))
        rows = [("key", _("SSH key"), Select(choices, allow_blank=False, value=keys[0].fingerprint))]
        self._open(FieldsForm(_("Remove {name}'s SSH key").format(name=member.name), rows, save, action=_("Remove")))

    def action_wip(self) -> None:
        from tui.screens.fields_form import FieldsForm, Hint

        if not permitted(self, "board.settings"):
            return
        board = self.app.board
        wip = board.wip_limits()

        def save(values: dict) -> dict:
            limits = {}
            for status in STATUSES:
                text = values[status].strip()
                if text.lower() in ("", "off", "none"):
                    limits[status] = None
                elif text.isdigit() and 0 < int(text) <= WIP_MAX:
                    limits[status] = int(text)
                else:
                    raise Invalid(status, "a WIP limit is a whole number from 1 to {most}", most=WIP_MAX)
            for status, limit in limits.items():  # (one change a column, as `uplift wip COLUMN N`)
                if wip.get(status) != limit:
                    board.set_wip_limit(status, limit)
            return limits

        rows = [tuple((status, _(STATUS_LABELS[status]), text_input(str(wip.get(status, ""))))
                      for status in STATUSES),
                Hint(_("A column's most cards at once, 1 to {most}; empty for no limit").format(most=WIP_MAX))]
        self._open(FieldsForm(_("WIP limits"), rows, save))
