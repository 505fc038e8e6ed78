"""A whole plan in and out of a board: `export_plan` and `import_plan` (no YAML here).

An import is one transaction: every create and change it makes is checked (validation first,
then the importer's permission for each change) and recorded in a single `_transact` step, so
either all of it is applied, with one activity record per change under the importer's name,
or none of it is. Items are matched by id (members by name); what the file leaves out is left
alone, never deleted; items without an id are created with new ids.
"""

from __future__ import annotations

from pathlib import PurePath

import msgspec

from sales.dates import stamp
from sales.deals import renamed, stage_renames, stranded
from sales.errors import Reason, Refused, Word
from sales.ids import format_id
from sales.members import FormerMember, Member
from sales.plan import SECTIONS, Plan, PlanInfo, Section, as_written
from sales.plan_info import cycle_clash
from sales.plan_check import (
    BoardFacts,
    ImportSummary,
    PlanInvalid,
    PlanRefused,
    Problem,
    check_plan,
)
from sales.plan_links import goal_link_problems, task_link_problems
from sales.plan_records import dated_otherwise, moves_dated, record_problems
from sales.tasks import STATUSES
from store.board_core import (
    HOMES,
    BoardCore,
    Transaction,
    changed_keys,
    model_of,
    number,
)
from store.deals import deal_action
from store.plan_ticks import board_ticks, import_ticks
from store.tasks import task_action


class PlanTransfer(BoardCore):
    def items(self, kind: str) -> list:
        """Every item of `kind` on the board, in id order."""
        file, table, _ = HOMES[kind]
        model = model_of(kind)
        return sorted(self._models(file, table, model, key=lambda m: number(m.id)),
                      key=lambda m: number(m.id))

    def export_plan(self) -> Plan:
        """The whole board as a plan document (members in the order they joined), less the payout
        approvals and holds the actor may not read."""
        with self.reading():  # (one moment of the board: not half of an import)
            meta = self.meta()
            period = meta.get("period")
            info = msgspec.convert({"name": meta.get("name", self.path.name), "period": period,
                                    "budget": meta.get("budget")}, PlanInfo)
            wip = meta.get("wip", {})
            sections = {section.key: self.items(section.kind) for section in SECTIONS}
            # pay is private: a rep's file carries their own payout approvals only (as `payouts`)
            sections["approvals"] = [a for a in sections["approvals"] if self.reads_pay(a.rep)]
            sections["holds"] = [h for h in sections["holds"] if self.reads_pay(h.rep)]  # (its reason is on the statement)
            return Plan(plan=info, members=self._members_in_order(), former=self._former_by_name(),
                        wip={s: wip[s] for s in STATUSES if s in wip}, stages=self.stages(), **sections,
                        ticks=board_ticks(self))

    def import_plan(self, document: object, *, dry_run: bool = False,
                    create_only: bool = False) -> ImportSummary:
        """Apply a plan document (a dict, as read from a plan file) to the board, all or nothing.

        PlanInvalid lists every problem with the document; PlanRefused every change the actor
        may not make. `dry_run` checks everything and reports what would happen, writing nothing.
        `create_only` (for starting from a template) refuses to change anything already there.
        """
        def build(tx: Transaction) -> ImportSummary:
            current = {s.kind: {item.id: item for item in self.items(s.kind)} for s in SECTIONS}
            roles = {m.name: m.role for m in self._members_in_order()}
            waits = {task.id: list(task.depends) for task in current["task"].values() if task.depends}
            stages = {s.name: s.outcome for s in self.stages()}
            moved = moves_dated(document, _stage_outcomes(document) or stages, self.clock().replace(microsecond=0),
                                current["deal"])
            parents = {goal.id: goal.parent for goal in current["goal"].values()}
            # (and who made a check-in, a spend or an answer, or closed a goal: a lead who has left since;
            # whose payout approval or hold it is, who released it, who asked for a budget line: a rep
            # who has left keeps theirs, so a board's own file reads back)
            people = {item.id: {getattr(item, "owner", None), getattr(item, "by", None),
                                getattr(item, "rep", None), getattr(item, "released_by", None),
                                getattr(item, "requested_by", None), getattr(item, "author", None),
                                getattr(item, "saved_by", None),
                                getattr(getattr(item, "closed", None), "by", None),
                                *(s.rep for s in getattr(item, "splits", ())),
                                *(q.rep for q in getattr(item, "quotas", ()))} - {None}
                      for items in current.values() for item in items.values()}
            former = self.former_members()  # (read once: it reads the whole log)
            plan, problems = check_plan(moved, BoardFacts({k: set(v) for k, v in current.items()}, roles, waits,
                                                             stages, parents, people, current["goal"], former))
            if problems:
                raise PlanInvalid(problems)
            run = _Import(self, tx, create_only, roles)
            run.settings(plan, current["deal"])
            run.members(plan.members, roles)
            run.former(plan.former, plan.members, roles, former)
            for section in SECTIONS:
                run.section(section, getattr(plan, section.key), current[section.kind])
            import_ticks(run, plan.ticks, set(roles) | {m.name for m in plan.members},
                         former | {p.name for p in plan.former})
            run.new_items()
            if run.conflicts:
                raise PlanInvalid(run.conflicts)
            if run.refusals:
                raise PlanRefused(run.refusals)
            if dry_run:
                tx.ops.clear()
            run.summary.applied = not dry_run
            return run.summary
        return self._transact(build)

    def _members_in_order(self) -> list[Member]:
        raw = self._docs("board", "members")
        return [msgspec.convert(raw[key], Member) for key in sorted(raw, key=int)]

    def _former_by_name(self) -> list[FormerMember]:
        """Who has left the board, by name, with the role they left as: a file read into a fresh
        board brings them, so that what they did and owned reads back there too."""
        return [FormerMember(name, role) for name, role in self.former_roles().items()]


class _Import:
    """The ops of one import, built inside its transaction; problems are collected, not raised."""

    def __init__(self, board: PlanTransfer, tx: Transaction, create_only: bool, roles: dict[str, str]) -> None:
        self.board, self.tx, self.create_only = board, tx, create_only
        self.lead = not roles or roles.get(board.actor) == "lead"  # (no members: everyone leads)
        self.summary = ImportSummary()
        self.refusals: list[Problem] = []
        self.conflicts: list[Problem] = []  # what the board holds forbids (not permissions)
        self.pending: list[tuple[Section, object, str]] = []
        self.repeats: list[tuple[object, str]] = []  # repeating tasks the file marks done
        self.line_owners: dict[str, str] = {}  # budget line -> who requested it (section: budget_lines)
        self.goals: dict[str, object] = {}  # the goals as the import leaves them (what check-ins are on)
        self.board_goals: dict[str, object] = {}  # ... and as the board has them
        self.tasks: dict[str, object] = {}  # the tasks as the import leaves them (what `previous` names)
        self.followers: dict[str, list[str]] | None = None  # task id -> the tasks that follow it (when asked)
        # read once: each of `_check`'s and `today`'s reads of the members' file cost about as
        # much as checking an item, three times an item (a dry run of 315,000 tasks: 43 s)
        self.today = board.today()
        self.checked: dict[tuple[str, str | None, str | None], Refused | None] = {}

    def allowed(self, path: str, action: str, owner: str | None = None,
                new_owner: str | None = None) -> None:
        key = (action, owner, new_owner)  # (the actor and their role are the same all through)
        if key not in self.checked:
            try:
                self.board._check(action, owner=owner, new_owner=new_owner)
                self.checked[key] = None
            except Refused as error:
                self.checked[key] = error
        if (error := self.checked[key]) is not None:
            self.refusals.append(Problem(path, error))

    def records(self, section: Section, old, item, path: str) -> None:
        """The records the item carries (a deal's history, comments...) checked against the
        board's: sales.plan_records."""
        for where, message, refused in record_problems(section.kind, old, item, self.board.actor, self.lead,
                                                       self.today, self.goals, self.board_goals):
            (self.refusals if refused else self.conflicts).append(Problem(f"{path}.{where}", message))

    def links(self, section: Section, old, item, path: str) -> None:
        """A goal carried on from itself, a task following what is not an occurrence before it:
        sales.plan_links."""
        if section.kind == "goal":
            found = goal_link_problems(old, item)
        elif section.kind == "task" and item.previous is not None:
            if self.followers is None:
                self.followers = {}
                for task in self.tasks.values():
                    if task.previous is not None:
                        self.followers.setdefault(task.previous, []).append(task.id)
            found = task_link_problems(old, item, self.tasks, self.followers)
            if item.id not in self.tasks:  # (a new task without an id: numbered now)
                self.followers.setdefault(item.previous, []).append(item.id)
        else:
            return
        self.conflicts += [Problem(f"{path}.{where}", message) for where, message in found]

    def changing(self, path: str, item: object) -> None:
        """`item` (an id, or a Word or Reason naming what would change) may not change when starting from a template."""
        if self.create_only:
            self.conflicts.append(Problem(path, "{item} is already on this board; starting from a template "
                                                "only adds (use `uplift plan import` to change it)", item=item))

    def settings(self, plan: Plan, deals: dict) -> None:
        self.stages = {stage.name: stage.outcome for stage in plan.stages or self.board.stages()}
        meta = self.board.meta()
        new = dict(meta)
        if plan.stages and plan.stages != self.board.stages():
            new["stages"] = msgspec.to_builtins(plan.stages)
            self._stages_kept(plan, deals)
            # a stage renamed in the file keeps its weekly counts (the funnel's sparklines): the
            # weeks stay as they were taken, read under the name it has now
            renames = stage_renames(self.board.stages(), plan.stages, {d.id: d.stage for d in deals.values()},
                                    {d.id: d.stage for d in plan.deals if d.id})
            names = renamed(meta.get("stage_names", {}), renames, plan.stages)
            if names != meta.get("stage_names", {}):
                new["stage_names"] = names
        if plan.plan is not None:
            info = msgspec.to_builtins(plan.plan)
            new["name"] = info["name"]
            for key in ("period", "budget"):  # (left out of the file: left as they are)
                if info.get(key) is not None:
                    new[key] = info[key]
        if plan.wip:
            new["wip"] = {**meta.get("wip", {}), **plan.wip}
        if plan.plan is not None and plan.plan.period is not None and new.get("period") != meta.get("period") \
                and (clash := cycle_clash((plan.plan.period.start, plan.plan.period.end), self.board.plan_period(),
                                          self.board.earlier_cycles())):
            self.conflicts.append(Problem("plan.period", clash))  # (as `plan info` holds a new cycle to)
        keys = [k for k in ("name", "period", "budget", "wip", "stages") if new.get(k) != meta.get(k)]
        if not keys:
            if plan.plan is not None or plan.wip or plan.stages:
                self.summary.unchanged.append("plan")
            return
        if (meta.get("period") is not None or meta.get("budget") is not None) and keys != ["stages"]:
            self.changing("plan", Word("the plan (its name, period and WIP limits)"))
        if "stages" in keys:
            if meta.get("stages") or deals:
                self.changing("stages", Word("the pipeline's stages"))
            self.allowed("stages", "pipeline.settings")
        if "budget" in keys:
            self.allowed("plan.budget", "budget.total")
        if set(keys) - {"budget", "stages"}:  # (said at the first setting that changed: `wip.doing` for a WIP limit)
            changed_wip = [status for status in plan.wip if plan.wip[status] != meta.get("wip", {}).get(status)]
            where = "plan" if set(keys) - {"wip", "stages", "budget"} or not changed_wip else f"wip.{changed_wip[0]}"
            self.allowed(where, "board.settings")
        action = ("board.wip" if keys == ["wip"] else "pipeline.stages" if keys == ["stages"]
                  else "board.budget" if keys == ["budget"] else "board.plan")
        self.tx.put(action, "board", "board", "meta", 1, meta, new)
        self.summary.changed.append(("plan", keys))

    def _stages_kept(self, plan: Plan, deals: dict) -> None:
        """A stage the file leaves out may not hold a deal the file does not move elsewhere."""
        in_file = {d.id for d in plan.deals if d.id}
        if held := stranded([d for d in deals.values() if d.id not in in_file], plan.stages):
            self.conflicts.append(Problem("stages", "deals on the board are still in {held}, "
                                                    "which the file's stages leave out", held=held))

    def members(self, members: list[Member], roles: dict[str, str]) -> None:
        actor = self.board.actor
        if members and not roles and not any(m.name == actor and m.role == "lead" for m in members):
            # a board with no members lets anyone lead; once it has them, only they may change it
            self.refusals.append(Problem("members", "the file's leads leave you ({actor}) out, so you could only "
                                                    "read the board after it: add `- name: {actor}` with "
                                                    "`role: lead` to members, or import as one of its leads "
                                                    "(UPLIFT_USER=NAME)", actor=actor))
        raw = self.board._docs("board", "members")
        doc_ids = {doc["name"]: int(key) for key, doc in raw.items()}
        next_id = max(doc_ids.values(), default=0) + 1
        for index, member in enumerate(members):
            path = f"members[{index}]"
            after = msgspec.to_builtins(member)
            if member.name not in roles:
                self.allowed(path, "member.add")
                self.tx.put("member.add", member.name, "board", "members", next_id, None, after)
                next_id += 1
                self.summary.created.append((f"member {member.name}", member.role))
            elif fields := [f for f in ("role", "zone")  # (a zone left out is left alone)
                            if getattr(member, f) and getattr(member, f) != raw[str(doc_ids[member.name])].get(f, "")]:
                self.changing(path, Reason("member {name}", name=member.name))
                doc_id = doc_ids[member.name]
                before = raw[str(doc_id)]
                if "role" in fields:
                    self.allowed(path, "member.role")
                if "zone" in fields:
                    self.allowed(path, "member.zone", owner=member.name, new_owner=member.name)
                after = {**before, **{f: getattr(member, f) for f in fields}}
                self.tx.put("member.role" if "role" in fields else "member.zone", member.name, "board", "members",
                            doc_id, before, after)
                self.summary.changed.append((f"member {member.name}", fields))
            else:
                self.summary.unchanged.append(f"member {member.name}")

    def former(self, former: list[FormerMember], members: list[Member], roles: dict[str, str],
               known: set[str]) -> None:
        """Those the file says have left (the board it came from): this board knows them as former
        members after it (a record of each, which `former_members` reads), but for a member here
        (the file speaks of another board) and one it knows has left already (`known`)."""
        staying = set(roles) | {m.name for m in members}
        raw = self.board._docs("board", "former")
        next_id = max((int(k) for k in raw), default=0) + 1
        for index, person in enumerate(former):
            if person.name in staying:
                continue
            if person.name in known:
                self.summary.unchanged.append(f"former {person.name}")
                continue
            self.allowed(f"former[{index}]", "member.add")  # (a lead's, as taking someone on or off is)
            self.tx.put("member.left", person.name, "board", "former", next_id, None, msgspec.to_builtins(person))
            next_id += 1
            self.summary.created.append((f"former {person.name}", person.role))

    def section(self, section: Section, items: list, current: dict) -> None:
        if section.kind == "goal":
            self.board_goals = current
            self.goals = {**current, **{goal.id: goal for goal in items if goal.id}}
        if section.kind == "task":
            self.tasks = {**current, **{task.id: task for task in items if task.id}}
        if section.kind == "hold":
            self.one_hold_each(items, current)
        if section.kind == "mapping":
            self.one_mapping_each(items, current)
        if section.kind == "budget":  # who asked for each line: whose spending it takes
            self.line_owners = {**{k: v.requested_by for k, v in current.items()},
                                **{i.id: i.requested_by for i in items if i.id}}
        # the tasks the file's own tasks follow (a repeating task done with its next one in the file makes no other)
        followed = {task.previous for task in items} if section.kind == "task" else set()
        outcomes = self.stages if section.kind == "deal" else {}  # (the pipeline the import leaves: the file's stages)
        listed = set()
        for index, item in enumerate(items):
            path = f"{section.key}[{index}]"
            if not item.id:
                self.pending.append((section, item, path))
                continue
            listed.add(item.id)
            old = current.get(item.id)
            if old is None:
                self.create(section, item, path)
                continue
            keys = changed_keys(old, item)
            if keys and section.kind == "snapshot" and written(old) == written(item):
                keys = set()  # (exported as the board keeps it: its `said` lost only its empty parts)
            if not keys:
                self.summary.unchanged.append(item.id)
                continue
            self.changing(path, item.id)
            if section.kind == "snapshot":  # (what a run computed: never edited, on the board or in a file)
                self.conflicts.append(Problem(path, "{id} is a kept diagnosis, as its run computed it: a file does "
                                                    "not change it (keep the file's as it was exported)", id=item.id))
                continue
            self.records(section, old, item, path)
            self.links(section, old, item, path)
            self.paid_when_won(section, old, item, path)
            # a move as the board makes one: a task done (and when), a deal to another stage (its
            # history), so the feed says it so and the log keeps it as `task done`'s or `deal move`'s
            if section.kind == "task":
                action = task_action(old, item)
            elif section.kind == "deal":
                action = deal_action(old, item, outcomes)
            elif section.kind == "hold":
                action = hold_action(old, item)
            else:
                action = f"{section.kind}.{'move' if keys == {'status'} else 'edit'}"
            if section.kind == "mapping":  # (as `uplift diagnose --map` saves one anew)
                action = "mapping.save"
            if section.kind == "goal" and keys == {"closed"}:  # closed or reopened: as `goal close`/`reopen` check it
                action = "goal.drop" if "dropped" in {getattr(g.closed, "outcome", None) for g in (old, item)} \
                    else "goal.close"
            if section.kind == "goal" and "closed" in keys:  # (with other changes too: a closing is a record)
                self.closed_now(old, item, path)
            self.allowed(path, action, owner=_owner(old), new_owner=_owner(item))
            if "splits" in keys:
                self.allowed(f"{path}.splits", "deal.split")
            if "payments" in keys:
                self.allowed(f"{path}.payments", "deal.paid")
            if section.kind == "budget" and old.status == "requested":
                self.not_own_request(item, path)
            self.board._put_update(self.tx, action, section.kind, old, item)
            self.summary.changed.append((item.id, sorted(keys, key=list(section.model.__struct_fields__).index)))
            if section.kind == "task" and item.every and item.status == "done" and old.status != "done" \
                    and item.id not in followed:
                self.repeats.append((item, path))  # (its next occurrence, made as `task done` makes it)
        self.summary.left_alone += [item_id for item_id in current if item_id not in listed]

    def create(self, section: Section, item, path: str) -> None:
        self.tx.reserve(section.kind, number(item.id))
        action = f"{section.kind}.add"
        if section.kind == "spend":  # as `budget spend`: a rep on a line they asked for
            owner = self.line_owners.get(item.line)
            self.allowed(path, "budget.spend", owner=owner, new_owner=owner)
        elif section.kind == "checkin":  # as `goal checkin`: a rep on a goal they own
            goal = self.board_goals.get(item.goal) or self.goals.get(item.goal)
            owner = _owner(goal)
            self.allowed(path, "goal.checkin", owner=owner, new_owner=owner)
        elif section.kind == "budget":  # as `budget request` (anyone's), or a decision (a lead's)
            self.allowed(path, {"requested": "budget.request", "approved": "budget.approve"}.get(
                item.status, "budget.reject"))
        else:
            self.allowed(path, _STORE_ACTIONS.get(action, action), new_owner=_owner(item))
        self.records(section, None, item, path)
        if section.kind == "goal":
            self.closed_now(None, item, path)
        self.links(section, None, item, path)
        self.paid_when_won(section, None, item, path)
        if getattr(item, "splits", None):
            self.allowed(f"{path}.splits", "deal.split")
        if getattr(item, "payments", None):
            self.allowed(f"{path}.payments", "deal.paid")
        if section.kind == "budget":
            self.not_own_request(item, path)
            if item.requested_on is None and item.cycle_start is None:  # (requested now, as `budget request`)
                start, end = self.board.plan_period()
                item.requested_on = self.today
                item.cycle_start, item.cycle_end = (start, end) if start and end else (None, None)
        # (a hold's as `payout hold` logs it: the feed says "held ...")
        if section.kind == "note":  # (written down now, by the importer, as `uplift note add` does)
            item.author = item.author or self.board.actor
            item.created = item.created or stamp(self.board.clock())
        self.board._put_new(self.tx, _STORE_ACTIONS.get(action, action), section.kind, item)
        self.summary.created.append((item.id, getattr(item, "title", "") or item_label(item)))

    def one_hold_each(self, items: list, current: dict) -> None:
        """One hold at a time on a rep's cycle, as the import leaves the holds (`uplift payout hold`
        changes the reason of the one there): a hold the file adds or puts back on holds a
        statement not held already."""
        left = {**current, **{hold.id: hold for hold in items if hold.id}}
        holding: dict[tuple, str] = {(h.rep, h.start, h.end): h.id for h in current.values()
                                     if h.released_at is None and left[h.id].released_at is None}
        for index, hold in enumerate(items):
            old = current.get(hold.id) if hold.id else None
            if hold.released_at is not None or (old is not None and old.released_at is None):
                continue  # (released, or holding on the board already)
            cycle = (hold.rep, hold.start, hold.end)
            if cycle in holding:
                self.conflicts.append(Problem(f"holds[{index}].rep", "{rep}'s payout statement for {start} to {end} is "
                                              "on hold already ({id}): one hold at a time, its reason changed with "
                                              "`uplift payout hold`", rep=hold.rep, start=hold.start, end=hold.end,
                                              id=holding[cycle]))
            else:
                holding[cycle] = hold.id or f"holds[{index}]"

    def one_mapping_each(self, items: list, current: dict) -> None:
        """One saved mapping for files with the same columns, as the import leaves them (`uplift
        diagnose` reuses the one it finds for them): a file's mapping for columns another id keeps
        on the board is refused, naming it (the file's own repeats are said by the checks)."""
        left = {**current, **{mapping.id: mapping for mapping in items if mapping.id}}
        for index, mapping in enumerate(items):
            other = next((m.id for m in left.values() if m.signature == mapping.signature and m.id != mapping.id
                          and m.id in current and current[m.id] is left[m.id]), None)
            if other is not None:
                self.conflicts.append(Problem(f"mappings[{index}].signature", "{other} on the board is the mapping "
                                              "for files with these columns already: change {other} instead",
                                              other=other))

    def closed_now(self, old, goal, path: str) -> None:
        """A closing someone else writes is their own and today's, as `goal close` records it (a
        lead may date one, or write it in another's name): a day of slack either way, as every
        record stamped now has (sales.plan_records.dated_otherwise: the file's day may be another
        zone's). A closing the board has, its note changed, keeps its day and its name."""
        closing = goal.closed
        if self.lead or closing is None:
            return
        before = old.closed if old is not None else None
        if before is not None and (before.on, before.by) == (closing.on, closing.by):
            return  # (what it is: closed then, by them)
        today = self.today
        if closing.by != self.board.actor:
            self.refusals.append(Problem(f"{path}.closed.by", "a goal you close is closed by you ({actor}), not {by}",
                                         actor=self.board.actor, by=closing.by))
        elif dated_otherwise(closing.on, today):
            self.refusals.append(Problem(f"{path}.closed.on", "a goal is closed on the day it is closed ({today}); "
                                                              "only a lead may date it {day}", today=today, day=closing.on))

    def paid_when_won(self, section: Section, old, deal, path: str) -> None:
        """A payment the file adds is on a won deal, as `deal paid` and `deal import` record one;
        a deal won once and reopened or lost since keeps what its customer paid (its history says
        it was won), so the board's own file reads back."""
        if section.kind != "deal" or not deal.payments or self.stages.get(deal.stage) == "won":
            return
        kept = list(old.payments) if old is not None else []
        if all(payment in kept for payment in deal.payments):  # (none added: those kept, or fewer)
            return
        if any(self.stages.get(entry.stage) == "won" for entry in deal.history):
            return
        self.conflicts.append(Problem(f"{path}.payments", "the deal is in {stage}, not won: a payment is recorded "
                                                          "on a won deal", stage=deal.stage))

    def not_own_request(self, line, path: str) -> None:
        """A line the file approves is not the importing lead's own request while another lead
        could approve it (store.budget: separation of duties)."""
        if line.status != "approved":
            return
        try:
            self.board.check_not_own_request(line)
        except Refused as error:
            self.refusals.append(Problem(f"{path}.status", error))

    def new_items(self) -> None:
        """Items the file gives no id: numbered after every id the board or the file uses."""
        for section, item, path in self.pending:
            item.id = format_id(section.kind, self.tx.nextnumber(section.kind))
            self.create(section, item, path)
        for task, path in self.repeats:  # then each repeating task done makes its next, as `task done`
            before = len(self.tx.ops)
            try:
                self.board._repeat(self.tx, task)
            except Refused as error:
                self.refusals.append(Problem(path, error))
                continue
            self.summary.created += [(op.item, task.title) for op in self.tx.ops[before:]]


#: A file's item and the store's verb for it, where they differ: a hold is put as `payout hold`
#: puts it (a lead's; the feed says "held ..."). (A check-in is checked against its goal's owner.)
_STORE_ACTIONS = {"hold.add": "payout.hold", "snapshot.add": "diagnosis.save", "mapping.add": "mapping.save"}


def hold_action(old, new) -> str:
    """A payout hold the file changes, as `uplift payout hold` does it: released (or put back on),
    else its reason changed (both a lead's; the activity log says which)."""
    return "payout.release" if old.released_at != new.released_at else "payout.hold"


def _stage_outcomes(document: object) -> dict[str, str]:
    """The stages a plan document gives, name -> outcome (none: the board's stay)."""
    stages = document.get("stages") if isinstance(document, dict) else None
    return {s["name"]: s.get("outcome", "open") for s in stages if isinstance(s, dict) and isinstance(s.get("name"), str)} \
        if isinstance(stages, list) else {}


def _owner(item) -> str | None:
    """Whose the item is, as its permission rules read it (a note: who wrote it down)."""
    return getattr(item, "owner", None) or getattr(item, "author", None)


def item_label(item) -> str:
    """What the dry run says of an item without a title: a kept diagnosis by its files and
    periods, a saved column mapping by its columns, a note by its first words."""
    if hasattr(item, "diagnosis"):
        found = item.diagnosis
        files = ", ".join(PurePath(f).name for f in found.source.files)
        spans = [row.period for row in found.periods]
        return f"{files} {spans[0]}..{spans[-1]}" if spans else files
    if hasattr(item, "overrides"):  # a saved column mapping: the columns it is for
        return item.signature[:60] + ("…" if len(item.signature) > 60 else "")
    text = getattr(item, "text", "")
    first = text.splitlines()[0] if text else ""
    return first[:60] + ("…" if len(first) > 60 or "\n" in text else "")


def written(record: object) -> object:
    """A record as a plan file carries it (sales.plan.as_written)."""
    return as_written(msgspec.to_builtins(record))
