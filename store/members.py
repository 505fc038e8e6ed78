"""Members of a board, their roles, and their SSH keys.

sales.keys (and the hashlib it needs) is imported by the key methods only: `uplift task done`
opens a TaskBoard, which has these methods, and must not pay for it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import msgspec

from sales.errors import Invalid, NotFound, Reason, Refused, UpliftError
from sales.members import ROLES, Member, MemberPrefs, last_lead, member_for, pref_language, pref_theme
from sales.validation import convert
from store.board_core import BoardCore, Transaction

if TYPE_CHECKING:
    from datetime import tzinfo

    from sales.keys import MemberKey


class MemberChanges(BoardCore):
    def members(self) -> list[Member]:
        return self._models("board", "members", Member, key=lambda m: m.name)

    def role_of(self, name: str) -> str | None:
        """The role `name` acts with: lead for everyone in single-user mode, None for outsiders."""
        members = self.members()
        if not members:
            return "lead"
        return next((m.role for m in members if m.name == name), None)

    @property
    def role(self) -> str | None:
        return self.role_of(self.actor)

    def former_members(self) -> set[str]:
        """The names of those taken off the board and not back on it, as the log keeps them: a
        name the command line reads where it is about history (`log --actor`), and refuses new
        work for, saying they left (rather than "no such member")."""
        return set(self.former_roles())

    def former_roles(self) -> dict[str, str]:
        """Those who have left (`former_members`), name -> the role they left as: the log's record
        of their removal says it, or, for one a plan file brought from the board they left
        (`former:`; store.plan_io), the board's record of them."""
        roles = {doc["name"]: doc.get("role", "rep") for doc in self._docs("board", "former").values()}
        roles.update(self.log.removed_members())
        members = {m.name for m in self.members()}
        return {name: roles[name] for name in sorted(roles) if name not in members}

    def add_member(self, name: str, role: str = "rep", zone: str = "") -> Member:
        def build(tx: Transaction) -> Member:
            if role not in ROLES:
                raise Invalid("role", "{role!r} is not a role (lead or rep)", role=role)
            member = convert({"name": name, "role": role, "zone": _zone(zone)}, Member, "member")
            members = self.members()
            if not members and role != "lead":
                raise Refused("the first member must be a lead, or nobody could manage the board")
            if not members and member.name != self.actor:  # (once it has members, only they may change it)
                raise Refused("add yourself first (`uplift member add {actor} --role lead`), or set the board "
                              "up as {name} (UPLIFT_USER={name}): once {name} is its only member, you ({actor}) "
                              "could only read it", actor=self.actor, name=member.name)
            self._check("member.add")
            # what the board already holds refuses it (exit 1), as an id that names nothing does
            if any(m.name == member.name for m in members):
                raise Refused("{name} is already a member", name=member.name)
            if (like := member_for(member.name, [m.name for m in members])) is not None:
                # (a CRM's `Ali` or a split's `ALI` is read as ali: two such members, and it is read as nobody)
                raise Refused("{name} would be the same person as {other}, already a member: names that differ "
                              "only in case or punctuation are one person", name=member.name, other=like)
            raw = self._docs("board", "members")
            doc_id = max((int(k) for k in raw), default=0) + 1
            tx.put("member.add", member.name, "board", "members", doc_id, None, msgspec.to_builtins(member))
            return member
        return self._transact(build)

    def set_member_zone(self, name: str, zone: str) -> Member:
        """Give `name` a time zone ("" or "local": the machine's again): a rep their own, a lead anyone's."""
        def build(tx: Transaction) -> Member:
            raw = self._docs("board", "members")
            doc_id = next((int(k) for k, doc in raw.items() if doc["name"] == name), None)
            if doc_id is None:
                raise NotFound("{name} is not a member of this board", name=name)
            self._check("member.zone", owner=name, new_owner=name)
            old = raw[str(doc_id)]
            member = convert({**old, "zone": _zone(zone)}, Member, "member")
            tx.put("member.zone", name, "board", "members", doc_id, old, msgspec.to_builtins(member))
            return member
        return self._transact(build)

    def set_member_role(self, name: str, role: str) -> Member:
        """Make `name` a lead or a rep (a lead's call); the board keeps at least one lead, or
        nobody could manage it. The role they already have writes nothing."""
        def build(tx: Transaction) -> Member:
            if role not in ROLES:
                raise Invalid("role", "{role!r} is not a role (lead or rep)", role=role)
            raw = self._docs("board", "members")
            doc_id = next((int(k) for k, doc in raw.items() if doc["name"] == name), None)
            if doc_id is None:
                raise NotFound("{name} is not a member of this board", name=name)
            self._check("member.role")
            old = raw[str(doc_id)]
            if old["role"] == role:
                return msgspec.convert(old, Member)
            if (refusal := last_lead({doc["name"]: doc["role"] for doc in raw.values()}, name, removing=False)):
                raise refusal
            member = convert({**old, "role": role}, Member, "member")
            tx.put("member.role", name, "board", "members", doc_id, old, msgspec.to_builtins(member))
            return member
        return self._transact(build)

    def member_prefs(self, name: str) -> MemberPrefs:
        """`name`'s own language and theme as kept on the board ("" each where they chose none,
        or are no member). Read by sessions over `uplift serve ssh` (README: Giving a team access)."""
        found = next((p for p in self._models("board", "prefs", MemberPrefs, key=lambda p: p.member)
                      if p.member == name), None)
        return found or msgspec.structs.replace(_NO_PREFS, member=name)

    def set_member_prefs(self, name: str, *, language: str | None = None,
                         theme: str | None = None) -> MemberPrefs:
        """Keep `name`'s language and/or theme (None: unchanged; "": none, the server's): a rep
        their own, a lead anyone's. What is already kept writes nothing."""
        def build(tx: Transaction) -> MemberPrefs:
            if name not in {m.name for m in self.members()}:
                raise NotFound("{name} is not a member of this board", name=name)
            self._check("member.prefs", owner=name, new_owner=name)
            raw = self._docs("board", "prefs")
            doc_id = next((int(k) for k, doc in raw.items() if doc.get("member") == name), None)
            old = raw[str(doc_id)] if doc_id is not None else None
            kept = old or {"member": name}
            changes = {}
            for field, value, check in (("language", language, pref_language), ("theme", theme, pref_theme)):
                if value is not None:
                    try:
                        changes[field] = check(value)
                    except Reason as error:
                        raise Invalid(field, error) from None
            prefs = msgspec.convert({**kept, **changes}, MemberPrefs)
            new = msgspec.to_builtins(prefs)
            if old is not None and new == old:
                return prefs
            if old is None and not (prefs.language or prefs.theme):
                return prefs
            if doc_id is None:
                doc_id = max((int(k) for k in raw), default=0) + 1
            tx.put("member.prefs", name, "board", "prefs", doc_id, old, new)
            return prefs
        return self._transact(build)

    def zone_of(self, name: str) -> tzinfo | None:
        """`name`'s time zone, None where they have none (or are no member): the machine's."""
        from sales.members import time_zone

        zone = next((m.zone for m in self.members() if m.name == name), "")
        return time_zone(zone) if zone else None

    def today_of(self, name: str) -> date:
        """What day it is for `name` now: on their clock (their zone, else the machine's), as
        `today()` is the actor's. A lead reading ali's day (`uplift today --for ali`) reads the
        day ali is living, not their own; on a board where neither has a zone, the same day."""
        if name == self.actor:
            return self.today()
        try:
            zone, own = self.zone_of(name), self.zone_of(self.actor)
        except UpliftError:  # (a damaged zone: the machine's, as for the actor's clock)
            zone, own = None, None
        if zone is None and own is None:
            return self.today()
        now = self.clock()
        return (now.astimezone(zone) if zone is not None else now.astimezone()).date()

    def _put_member_removal(self, tx: Transaction, name: str) -> Member:
        """Take `name` off the board, with their SSH keys (store/handover.py's remove_member
        first sees that they leave no open work behind)."""
        raw = self._docs("board", "members")
        doc_id = next((int(k) for k, doc in raw.items() if doc["name"] == name), None)
        if doc_id is None:
            raise NotFound("{name} is not a member of this board", name=name)
        member = msgspec.convert(raw[str(doc_id)], Member)
        if (refusal := last_lead({doc["name"]: doc["role"] for doc in raw.values()}, name, removing=True)):
            raise refusal
        self._check("member.remove")
        tx.put("member.remove", name, "board", "members", doc_id, msgspec.to_builtins(member), None)
        self._drop_keys(tx, name, None)
        for doc_id, doc in self._docs("board", "prefs").items():  # (their language and theme go too)
            if doc.get("member") == name:
                tx.put("member.prefs", name, "board", "prefs", int(doc_id), doc, None)
        return member

    # ------------------------------------------------------------------ SSH keys

    def member_keys(self, name: str | None = None) -> list[MemberKey]:
        from sales.keys import MemberKey

        keys = self._models("board", "keys", MemberKey, key=lambda k: (k.member, k.fingerprint))
        return [k for k in keys if name is None or k.member == name]

    def member_for_key(self, blob: str) -> str | None:
        """The member a public key (its base64 blob) belongs to, if they are still a member."""
        owner = next((k.member for k in self.member_keys() if k.blob == blob), None)
        if owner is None or owner not in {m.name for m in self.members()}:
            return None
        return owner

    def add_member_key(self, name: str, text: str) -> MemberKey:
        """Let `name` in over `uplift serve ssh` with the public key in `text` (a .pub line)."""
        from sales.keys import MemberKey, NotAKey, fingerprint, parse_public_key

        def build(tx: Transaction) -> MemberKey:
            try:
                kind, blob, comment = parse_public_key(text)
            except NotAKey as error:
                raise Invalid("key", error) from None
            if name not in {m.name for m in self.members()}:
                raise NotFound("{name} is not a member of this board (add them first)", name=name)
            self._check("member.key_add")
            key = convert({"member": name, "type": kind, "blob": blob, "comment": comment,
                           "fingerprint": fingerprint(blob)}, MemberKey, "key")
            raw = self._docs("board", "keys")
            holder = next((doc["member"] for doc in raw.values() if doc["blob"] == blob), None)
            if holder == name:
                raise Refused("{name} already has this key", name=name)
            if holder is not None:
                raise Refused("this key already lets {holder} in; one key, one member", holder=holder)
            doc_id = max((int(k) for k in raw), default=0) + 1
            tx.put("member.key_add", name, "board", "keys", doc_id, None, msgspec.to_builtins(key))
            return key
        return self._transact(build)

    def remove_member_key(self, name: str, fingerprint_: str | None = None) -> list[MemberKey]:
        """Remove one of `name`'s keys (by fingerprint), or all of them."""
        def build(tx: Transaction) -> list[MemberKey]:
            self._check("member.key_remove")
            removed = self._drop_keys(tx, name, fingerprint_)
            if not removed:
                if fingerprint_:
                    raise NotFound("{name} has no key {fingerprint} on this board", name=name, fingerprint=fingerprint_)
                raise NotFound("{name} has no keys on this board", name=name)
            return removed
        return self._transact(build)

    def _drop_keys(self, tx: Transaction, name: str, fingerprint_: str | None) -> list[MemberKey]:
        from sales.keys import MemberKey

        removed = []
        for doc_id, doc in self._docs("board", "keys").items():
            if doc["member"] == name and fingerprint_ in (None, doc["fingerprint"]):
                tx.put("member.key_remove", name, "board", "keys", int(doc_id), doc, None)
                removed.append(msgspec.convert(doc, MemberKey))
        return removed

    def _check_member(self, name: str, field: str) -> None:
        members = self.members()
        if members and name not in {m.name for m in members}:
            raise Invalid(field, "{name!r} is not a member of this board (members: {members})",
                          name=name, members=", ".join(m.name for m in members))


_NO_PREFS = MemberPrefs(member="")


def _zone(typed: str) -> str:
    """A typed time zone as kept: "" (or `local`) for the machine's; else an IANA name, checked
    here so that the message names the field."""
    from sales.members import time_zone

    typed = typed.strip()
    if typed.casefold() in ("", "local"):
        return ""
    try:
        time_zone(typed)
    except Reason as error:
        raise Invalid("zone", error) from None
    return typed
