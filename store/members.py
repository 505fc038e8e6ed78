"""Members of a board and their roles."""

from __future__ import annotations

import msgspec

from sales.errors import Invalid, NotFound, Refused
from sales.members import ROLES, Member
from sales.validation import convert
from store.board_core import BoardCore, Transaction


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

    def add_member(self, name: str, role: str = "rep") -> Member:
        def build(tx: Transaction) -> Member:
            if role not in ROLES:
                raise Invalid("role", f"{role!r} is not a role (lead or rep)")
            member = convert({"name": name, "role": role}, Member, "member")
            members = self.members()
            if any(m.name == member.name for m in members):
                raise Invalid("member", f"{member.name} is already a member")
            if not members and role != "lead":
                raise Refused("the first member must be a lead, or nobody could manage the board")
            self._check("member.add")
            raw = self._raw("board").get("members", {})
            doc_id = max((int(k) for k in raw), default=0) + 1
            tx.put("member.add", member.name, "board", "members", doc_id, None, msgspec.to_builtins(member))
            return member
        return self._transact(build)

    def remove_member(self, name: str) -> Member:
        def build(tx: Transaction) -> Member:
            raw = self._raw("board").get("members", {})
            doc_id = next((int(k) for k, doc in raw.items() if doc["name"] == name), None)
            if doc_id is None:
                raise NotFound(f"{name} is not a member of this board")
            member = msgspec.convert(raw[str(doc_id)], Member)
            leads = [doc for doc in raw.values() if doc["role"] == "lead"]
            if member.role == "lead" and len(leads) == 1 and len(raw) > 1:
                raise Refused(f"{name} is the board's only lead; make someone else lead first")
            self._check("member.remove")
            tx.put("member.remove", name, "board", "members", doc_id, msgspec.to_builtins(member), None)
            return member
        return self._transact(build)

    def _check_member(self, name: str, field: str) -> None:
        members = self.members()
        if members and name not in {m.name for m in members}:
            raise Invalid(field, f"{name!r} is not a member of this board "
                                 f"(members: {', '.join(m.name for m in members)})")
