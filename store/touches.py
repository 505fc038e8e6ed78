"""Logged activities (calls, visits, meetings, emails) and coaching notes (phase 4).

A rep may log an activity against their own deals or against any account; only a lead writes a
coaching note, and only leads and the rep it is about read it back through this API.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import msgspec

from sales.activity import Activity, item_named
from sales.deals import Deal
from sales import permissions
from sales.errors import Invalid, Refused
from sales.ids import format_id, in_order
from sales.members import member_for
from sales.text import account_key
from sales.touches import TOUCH_TYPES, CoachingNote, Touch
from sales.validation import convert
from store.board_core import BoardCore, Transaction


class TouchChanges(BoardCore):
    def touches(self) -> list[Touch]:
        """Logged activities, oldest first."""
        return self._models("touches", "touches", Touch, key=lambda t: (t.at, int(t.id.split("-")[1])))

    def require_activity_on(self, deal: Deal) -> None:
        """Refused unless the actor may log an activity on `deal` (a rep: on their own deals):
        what the pipeline asks before its form, so a rep is not refused only once it is filled."""
        self._check("activity.log")
        if self.members() and self.role == "rep" and deal.owner != self.actor:
            if deal.owner:
                raise Refused("a rep may log activities on their own deals or on any account; {id} is {owner}'s",
                              id=deal.id, owner=deal.owner)
            raise Refused("a rep may log activities on their own deals or on any account; {id} has no owner",
                          id=deal.id)

    def log_activity(self, kind: str, note: str = "", *, deal: str | None = None,
                     account: str | None = None, next_step: str | None = None,
                     next_due: date | str | None = None) -> Touch:
        """Log a call/visit/meeting/email by the actor, now, against a deal and/or an account,
        with a note saying what happened (a bare "call on D-4" tells the team nothing). With
        `next_step` and/or `next_due` ("" clears), the deal's next step is set in the same change
        (one undo), as Pipedrive asks for the next activity: checked as editing the deal."""
        def build(tx: Transaction) -> Touch:
            self._check("activity.log")
            if kind not in TOUCH_TYPES:
                raise Invalid("type", "{kind!r} is not an activity type (one of: {types})", kind=kind,
                              types=", ".join(TOUCH_TYPES))
            linked = self.deal(deal) if deal else None
            if linked:
                self.require_activity_on(linked)
            named, on_account = (account or "").strip(), account
            if linked and linked.account:
                # an activity on a deal is on its account: another one would keep that account's
                # quiet key-account alert silent with a call made elsewhere
                if named and account_key(named) != account_key(linked.account):
                    raise Invalid("account", "{id} is {account}'s deal, not {named}'s: give --deal alone, or "
                                  "--account alone", id=linked.id, account=linked.account, named=named)
                on_account = linked.account
            touch = convert({"id": format_id("touch", tx.nextnumber("touch")), "type": kind,
                             "by": self.actor, "at": self.clock().replace(microsecond=0), "note": note,
                             "deal": linked.id if linked else None,
                             "account": on_account if on_account is not None else ""},
                            Touch)
            if not touch.note:  # (cleaned: blank or control characters only is no note)
                raise Invalid("note", "say what happened: an activity is logged with a note "
                              "(what was said, what comes next)")
            self._put_new(tx, "touch.log", "touch", touch)
            if next_step is not None or next_due is not None:
                if not linked:
                    raise Invalid("next", "a next step is a deal's: give the deal (--deal D-4)")
                self._update_deal_in(tx, linked.id, {"next_step": next_step, "next_due": next_due})
            return touch
        return self._transact(build)

    def coaching_notes(self, rep: str | None = None) -> list[CoachingNote]:
        """The notes the actor may read: all for a lead, those about them and not private for a
        rep, none for others."""
        notes = self._models("touches", "coaching", CoachingNote, key=lambda n: (n.at, in_order(n.id)))
        role = self.role
        if role != "lead":
            notes = [n for n in notes if n.rep == self.actor and role is not None and not n.private]
        return [n for n in notes if rep is None or n.rep == rep]

    def check_read_coaching(self, rep: str) -> None:
        """Refused unless the actor may read the notes about `rep` (sales.permissions): what
        `uplift coach REP` asks before it lists them, where coaching_notes only narrows."""
        permissions.check_read_coaching(self.actor, self.role_of(self.actor), single_user=not self.members(), rep=rep)

    def add_coaching_note(self, rep: str, note: str, private: bool = False) -> CoachingNote:
        """A lead's note on `rep`: read by the leads and by `rep`, or by the leads only if `private`."""
        def build(tx: Transaction) -> CoachingNote:
            self._check("coaching.add")
            members = {m.name: m.role for m in self.members()}
            if members and members.get(rep) != "rep":
                raise Invalid("rep", "{rep!r} is not a rep of this board", rep=rep)
            made = convert({"id": format_id("coaching", tx.nextnumber("coaching")), "rep": rep,
                            "by": self.actor, "at": self.clock().replace(microsecond=0), "note": note,
                            "private": private}, CoachingNote)
            self._put_new(tx, "coaching.add", "coaching", made)
            return made
        return self._transact(build)

    def update_coaching_note(self, note_id: str, note: str) -> CoachingNote:
        """A coaching note's words changed (a lead's, as writing one is): its rep, author and
        time stay, for it is the same note said better."""
        def build(tx: Transaction) -> CoachingNote:
            old = self._get("coaching", note_id)
            self._check("coaching.edit")
            new = convert({**msgspec.to_builtins(old), "note": note}, CoachingNote)
            if new != old:
                self._put_update(tx, "coaching.edit", "coaching", old, new)
            return new
        return self._transact(build)

    def delete_coaching_note(self, note_id: str) -> CoachingNote:
        """A coaching note taken away (a lead's; `undo` brings it back)."""
        return self._delete("coaching", note_id, "coaching.delete")

    def feed(self, person: str | None = None, kind: str | None = None, item: str | None = None,
             limit: int | None = 50, at: Callable[[str], bool] | None = None) -> list[Activity]:
        """The activity feed, newest first: logged activities and change records.

        `kind` is an activity type (call, visit, meeting, email) or the kind of item changed (deal,
        task, goal, member, ...). `item` matches the item changed, and the deal or account (in any
        case, as alerts match accounts) an activity was logged on: an account has no page of its
        own, and a visit logged on it could be read back nowhere else. Pipeline snapshots are left out unless `kind` is "pipeline". A coaching note's
        records are read as its note is (`coaching_notes`): by a lead and by the rep it is about; a
        payout approval's and payment's, as its statement is (`payouts`).
        `at`, when given, picks records by their stamp (`--since`: the days on the reader's clock).
        """
        role, actor = self.role, self.actor
        if person is not None and person not in (names := [m.name for m in self.members()]):
            person = member_for(person, names) or person  # `Ali` is ali, as `--owner Ali` is (the feed's filter too)
        # whose statement each approval is: a payment's record holds only what it changed
        paid_to = {a.id: a.rep for a in self.approvals()} if role != "lead" else {}
        # whom each coaching note is about, and whether it is private: an edit's record holds only the words
        noted = {n.id: n for n in self._models("touches", "coaching", CoachingNote, key=lambda n: n.id)} \
            if role != "lead" else {}

        # the account `item` may name, as an activity logged on it is matched (none for an empty --item)
        item_account = account_key(item) if item is not None else ""

        def wanted(doc: dict) -> bool:
            action = doc["action"]
            after = doc.get("after") or doc.get("before") or {}
            if action.startswith("coaching.") and role != "lead" and not _reads_note(after, noted.get(doc["item"]), actor, role):
                return False
            if action.startswith("payout.") and role != "lead" and after.get("rep", paid_to.get(doc["item"])) != actor:
                return False  # pay is private: an approval or payment, like its statement
            if at is not None and not at(doc["at"]):
                return False
            if item is not None and not item_named(doc["item"], item) and after.get("deal") != item and not (
                    item_account and action.startswith("touch.")
                    and account_key(after.get("account") or "") == item_account):
                return False
            if kind is None:
                return action != "pipeline.snapshot"
            if kind in TOUCH_TYPES:
                return action == "touch.log" and after.get("type") == kind
            return action.split(".")[0] == kind
        return self.log.records(limit=limit, actor=person, where=wanted)


def _reads_note(fields: dict, note: CoachingNote | None, actor: str, role: str | None) -> bool:
    """Whether a rep (or someone not on the team) reads a coaching note's record: one about them
    and not private. `fields` are the record's (the whole note for an add or a delete); `note`
    the note as it is now, for an edit's record, which holds only the words."""
    if role is None:
        return False
    rep = fields.get("rep", note.rep if note else None)
    private = fields.get("private", note.private if note else False)
    return rep == actor and not private
