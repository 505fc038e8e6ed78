"""Checking a plan document (the dict a plan file holds) before anything of it is written.

`check_plan` finds every problem it can, not just the first: each unknown key, each value of the
wrong type, each bad date, duplicate id, reference to an item that is neither in the file nor on
the board, and owner who is not a member. Each problem names its path (`tasks[3].due`), which the
reader of the file turns into a line number.

What the file leaves out is left alone: an item on the board that the file does not list is
neither changed nor deleted. An item the file lists is written exactly as the file says (a field
the file leaves out takes the model's default). An item without an `id` is new.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import types
import typing
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime

import msgspec

from sales.budget import check_granted
from sales.dates import meant_day, no_such_day, year_problem
from sales.diagnosis_check import diagnosis_problems
from sales.deals import check_stages
from sales.errors import Invalid, Reason, Refused, Said, Word
from sales.goals import (POINTS, Goal, alignment_loop, parse_target, rate_range_problem, read_target,
                         settle_direction)
from sales.members import member_for, nearest_member
from sales.rollup import rollup_problem
from sales.snapshots import mapping_problems, signature_problem
from sales.ids import format_id, kind_word, parse_id
from sales.phrases import Phrase
from sales.plan import PLAN_SCHEMA, SECTIONS, Plan, Section
from sales.splits import split_rep_problem
from sales.tasks import WIP_MAX, dependency_loop
from sales.validation import plainly



class Problem(Said):
    """One thing wrong with a plan file: where (a path, and a line when the reader knows it) and
    what (`message`, the English; a template and its values, or a Reason, like any error's, so
    that tui.i18n.said_reason says it in the interface's language)."""

    def __init__(self, path: str, message: object, line: int | None = None, /, **values: object) -> None:
        self.path, self.line = path, line
        self.message = self._take(message, values)

    def at(self, line: int) -> "Problem":
        """The same problem, said to be at `line`."""
        return Problem(self.path, self, line)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and \
            (self.path, self.message, self.line) == (other.path, other.message, other.line)

    def __hash__(self) -> int:
        return hash((self.path, self.message, self.line))

    def __repr__(self) -> str:
        return f"Problem({self.path!r}, {self.message!r}, {self.line!r})"


class PlanInvalid(Invalid):
    """A plan file that may not be imported; `problems` lists everything found wrong (str() says
    each on its line, in English; the interface says each with tui.i18n.said_reason)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(first.path or "file", first)

    def __str__(self) -> str:
        return "\n".join(f"{p.path or 'file'}: {p.message}" for p in self.problems)


class PlanRefused(Refused):
    """The importer may not make some of the file's changes; none of them were made (`problems`
    lists them; the error itself says the first)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(problems[0])

    def __str__(self) -> str:
        return "\n".join(f"{p.path}: {p.message}" for p in self.problems)


@dataclass
class BoardFacts:
    """What the checks need to know about the board: its ids per kind, its members' roles,
    what each of its tasks waits for and its pipeline's stages."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)
    waits: dict[str, list[str]] = field(default_factory=dict)  # task id -> the tasks it waits for
    stages: dict[str, str] = field(default_factory=dict)  # stage name -> outcome; {}: not checked
    parents: dict[str, str | None] = field(default_factory=dict)  # goal id -> the goal it contributes to
    #: item id -> the people on it now (owner, split reps): a member who has left may stay on
    #: what they were on, so that a board's own plan file imports back
    people: dict[str, set[str]] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)  # the board's goals (to check roll-ups against)
    former: set[str] = field(default_factory=set)  # who has left the board (a refusal of new work says so)


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do), item by item."""

    created: list[tuple[str, str]] = field(default_factory=list)   # (item, title)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)  # (item, fields)
    unchanged: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)  # on the board, not in the file
    applied: bool = False

    def lines(self) -> list[str]:
        """What it did, line by line: the counts as Phrases (said in the interface's language),
        the items as they are."""
        created, changed, left = len(self.created), len(self.changed), len(self.left_alone)
        if self.applied:
            out = [Phrase("Created {count}:" if created else "Created {count}", count=created)]
        else:
            out = [Phrase("Would create {count}:" if created else "Would create {count}", count=created)]
        out += [f"  {item}  {title}".rstrip() for item, title in self.created]
        if self.applied:
            out.append(Phrase("Changed {count}:" if changed else "Changed {count}", count=changed))
        else:
            out.append(Phrase("Would change {count}:" if changed else "Would change {count}", count=changed))
        out += [f"  {item}  ({', '.join(keys)})" for item, keys in self.changed]
        out.append(Phrase("Unchanged {count}", count=len(self.unchanged)))
        out.append(Phrase("Left alone (on the board, not in the file) {count}: {items}", count=left,
                          items=", ".join(self.left_alone)) if left else
                   Phrase("Left alone (on the board, not in the file) {count}", count=left))
        if not self.applied:
            out.append(Phrase("Nothing was written."))
        return out

    @property
    def empty(self) -> bool:
        return not self.created and not self.changed


def check_plan(document: object, facts: BoardFacts) -> tuple[Plan | None, list[Problem]]:
    """The document as a Plan, and every problem found (the Plan is None if there are any)."""
    problems: list[Problem] = []
    if document is None:
        return None, [Problem("file", "the file is empty; a plan file holds at least a `plan:` "
                                      "or one section (members, goals, strategies, tasks, checklists)")]
    if not isinstance(document, dict):
        return None, [Problem("file", "a plan file is a mapping of sections (plan:, tasks:, ...), not {got}",
                              got=_describe(document))]
    known = msgspec.structs.fields(Plan)
    names = [f.encode_name for f in known]
    for key in document:
        if key not in names:
            problems.append(_unknown(str(key), str(key), names, "section"))
    parts: dict[str, object] = {}
    for info in known:
        if info.encode_name not in document:
            continue
        value = document[info.encode_name]
        section = _section(info.encode_name)
        if section is not None and isinstance(value, list):
            parts[info.encode_name] = [
                _check_item(section, item, f"{section.key}[{index}]", problems)
                for index, item in enumerate(value)]
        else:
            parts[info.encode_name] = _check_value(value, info.type, info.encode_name, problems)
    if isinstance(parts.get("schema"), int) and parts["schema"] > PLAN_SCHEMA:
        problems.append(Problem("schema", "this file has plan schema {schema}, newer than the {known} this "
                                          "Uplift reads; upgrade Uplift", schema=parts["schema"], known=PLAN_SCHEMA))
    _check_wip(document.get("wip"), problems)  # (each limit out of range, beside a column misnamed)
    members = _check_members(parts.get("members"), facts, problems)
    former = _check_former(parts.get("former"), parts.get("members"), problems)
    for section in SECTIONS:
        items = parts.get(section.key)
        if isinstance(items, list):
            _check_ids(section, items, document.get(section.key), problems)
    for section in SECTIONS:
        items = parts.get(section.key)
        if isinstance(items, list):
            _check_refs(section, items, parts, document, facts, members, problems, former)
    _check_deal_stages(parts.get("stages"), parts.get("deals"), document.get("deals"), facts, problems)
    _check_split_reps(parts.get("deals"), members, facts, problems, former)
    _check_quota_reps(parts.get("incentives"), members, facts, problems, former)
    _check_tier_gaps(parts.get("incentives"), problems)
    # (on the items that passed their own checks: one file shows all of its problems at once)
    _check_waits(parts.get("tasks"), facts, problems)
    _check_alignment(parts.get("goals"), facts, problems)
    _check_rollups(parts.get("goals"), facts, problems)
    _check_rate_ranges(parts.get("goals"), facts, problems)
    _check_granted(parts.get("budget_lines"), problems)
    _check_mappings(parts.get("mappings"), problems)
    _check_diagnoses(parts.get("diagnoses"), problems)
    _settle_directions(parts.get("goals"), document.get("goals"))
    if problems:
        return None, problems
    return Plan(**parts), []


def _check_deal_stages(stages: object, deals: object, raw: object, facts: BoardFacts,
                       problems: list[Problem]) -> None:
    """The file's stages make a pipeline; each deal is in a stage of the pipeline the board will
    have (the file's stages, else the board's), and only a lost one has a lost reason. A deal
    that failed its own checks has its stage checked from the file's raw value."""
    pipeline = facts.stages
    if isinstance(stages, list) and stages and _FAILED not in stages:
        try:
            check_stages(stages)
        except ValueError as error:
            problems.append(Problem("stages", error))
            return
        pipeline = {s.name: s.outcome for s in stages}
    if not isinstance(deals, list) or not pipeline:
        return
    for index, (deal, given) in enumerate(_pairs(deals, raw)):
        stage = deal.stage if deal is not _FAILED else given.get("stage")
        if not isinstance(stage, str):
            continue  # missing, or of the wrong type (reported already)
        outcome = pipeline.get(stage)
        if outcome is None:
            problems.append(Problem(f"deals[{index}].stage", "{stage!r} is not a stage of this pipeline "
                                                             "(one of: {stages})",
                                    stage=stage, stages=", ".join(pipeline)))
        elif deal is not _FAILED and deal.lost_reason and outcome != "lost":
            problems.append(Problem(f"deals[{index}].lost_reason",
                                    "only a lost deal has a lost reason (this one is in {stage})", stage=deal.stage))


def _check_split_reps(deals: object, members: dict[str, str], facts: BoardFacts, problems: list[Problem],
                      former: set[str]) -> None:
    """Each rep a deal's credit is split with is a member with the rep role (sales/splits.py),
    or was on the deal already (or, brought from another board, has left it: `former`)."""
    if not isinstance(deals, list) or not members:
        return
    for index, deal in enumerate(deals):
        for position, split in enumerate(deal.splits if deal is not _FAILED else []):
            if split.rep in _kept("deal", deal.id, facts, former):
                continue
            if (why := split_rep_problem(split.rep, members)) is not None:
                problems.append(Problem(f"deals[{index}].splits[{position}].rep", why))


def _check_tier_gaps(plans: object, problems: list[Problem]) -> None:
    """A plan's tiers follow on from each other: won value between two tiers was paid nothing,
    and the statement had no line to say so (`0–50%` then `60%+` left 50–60% out: a typo, as a
    slice paid nothing is a tier at 0%)."""
    if not isinstance(plans, list):
        return
    for index, plan in enumerate(plans):
        tiers = plan.tiers if plan is not _FAILED else []  # (sorted by where they start)
        for before, after in zip(tiers, tiers[1:]):
            if before.to_pct is not None and before.to_pct < after.from_pct:
                problems.append(Problem(f"incentives[{index}].tiers", "the tiers leave {start:g}–{end:g}% out: "
                                        "start a tier where the one before it ends (a tier at rate 0 pays nothing)",
                                        start=before.to_pct, end=after.from_pct))


def _check_quota_reps(plans: object, members: dict[str, str], facts: BoardFacts, problems: list[Problem],
                      former: set[str]) -> None:
    """Each rep an incentive plan sets a quota for is a member, or had that quota already (a rep
    who has left keeps it): a misspelt name's quota was kept for nobody, and the rep it meant was
    paid on the plan's quota for everyone."""
    if not isinstance(plans, list) or not members:
        return
    for index, plan in enumerate(plans):
        for position, quota in enumerate(plan.quotas if plan is not _FAILED else []):
            kept = _kept("incentive", plan.id, facts, former)
            quota.rep = _member_named(quota.rep, members, kept)
            if quota.rep not in members and quota.rep not in kept:
                problems.append(not_a_member(f"incentives[{index}].quotas[{position}].rep", quota.rep, set(members),
                                              facts.former | former))


def _check_rollups(goals: object, facts: BoardFacts, problems: list[Problem]) -> None:
    """Only like adds up: no rolled-up goal would have a contributor of another metric or unit
    once the file's goals are in (sales/rollup.py)."""
    if not isinstance(goals, list):
        return
    ours = [g for g in goals if g is not _FAILED and g.id]
    merged = list({**facts.goals, **{g.id: g for g in ours}}.values())
    for index, goal in enumerate(goals):
        if goal is not _FAILED and goal.id and (problem := rollup_problem(goal, merged)):
            problems.append(Problem(f"goals[{index}].{problem[0]}", problem[1]))


def _check_rate_ranges(goals: object, facts: BoardFacts, problems: list[Problem]) -> None:
    """A goal on a rate starts and aims within 0 to 100%, as `goal add` and `edit` hold it
    (sales.goals.rate_range_problem): a win-rate target of 140% read a pace no check-in could
    make. One the board has with the same numbers is not checked again (a board's own file,
    from before the check, reads back)."""
    for index, goal in enumerate(goals if isinstance(goals, list) else []):
        if goal is _FAILED or ((kept := facts.goals.get(goal.id)) is not None and _same_numbers(kept, goal)):
            continue
        if problem := rate_range_problem(goal):
            problems.append(Problem(f"goals[{index}].{problem[0]}", problem[1]))


def _same_numbers(old: Goal, new: Goal) -> bool:
    return (old.metric, old.baseline, old.target, old.target_kind) == (new.metric, new.baseline, new.target,
                                                                       new.target_kind)


def _check_granted(lines: object, problems: list[Problem]) -> None:
    """No line is approved for more than was requested, as `budget approve` holds it."""
    for index, line in enumerate(lines if isinstance(lines, list) else []):
        if line is _FAILED:
            continue
        try:
            check_granted(line.approved, line.requested)
        except ValueError as error:
            problems.append(Problem(f"budget_lines[{index}].approved", error))


def _check_diagnoses(snapshots: object, problems: list[Problem]) -> None:
    """Each kept diagnosis holds what a run computes: its period, dates and labels, and texts
    the interface can say (sales.diagnosis_check)."""
    for index, snapshot in enumerate(snapshots if isinstance(snapshots, list) else []):
        if snapshot is not _FAILED:
            problems += [Problem(f"diagnoses[{index}].diagnosis.{where}", why)
                         for where, why in diagnosis_problems(snapshot.diagnosis)]
            if snapshot.signature and (why := signature_problem(snapshot.signature)) is not None:
                problems.append(Problem(f"diagnoses[{index}].signature", why))


def _check_mappings(mappings: object, problems: list[Problem]) -> None:
    """Each saved column mapping holds what `uplift diagnose --map` would have saved
    (sales.snapshots.mapping_problems), and the file gives each set of columns one mapping."""
    seen: dict[str, int] = {}
    for index, mapping in enumerate(mappings if isinstance(mappings, list) else []):
        if mapping is _FAILED:
            continue
        problems += [Problem(f"mappings[{index}].{where}", why) for where, why in mapping_problems(mapping)]
        if mapping.signature in seen:
            problems.append(Problem(f"mappings[{index}].signature", "the same columns as mappings[{other}]: one "
                                    "mapping for files with these columns", other=seen[mapping.signature]))
        seen.setdefault(mapping.signature, index)


def _settle_directions(goals: object, raw: object) -> None:
    """A goal whose file says no `direction:` takes it from its numbers (a target below the
    baseline is a decrease), as `goal add` does; one said is kept as said (a board's own export
    says every goal's, and must read back as it was)."""
    if not isinstance(goals, list) or not isinstance(raw, list):
        return
    for goal, item in zip(goals, raw):
        if goal is not _FAILED and isinstance(item, dict) and "direction" not in item:
            settle_direction(goal, said=False)


def _check_alignment(goals: object, facts: BoardFacts, problems: list[Problem]) -> None:
    """No goal would contribute to itself once the file's goals are in (with the board's others)."""
    if not isinstance(goals, list):
        return
    parents = {**facts.parents, **{g.id: g.parent for g in goals if g is not _FAILED and g.id}}
    for index, goal in enumerate(goals):
        if goal is not _FAILED and goal.id and goal.parent and (loop := alignment_loop(goal.id, goal.parent, parents)):
            problems.append(Problem(f"goals[{index}].parent", loop))
            return  # one loop is enough to say; it names every goal in it


def _check_waits(tasks: object, facts: BoardFacts, problems: list[Problem]) -> None:
    """No task would wait for itself once the file's tasks are in (with the board's others)."""
    if not isinstance(tasks, list):
        return
    graph = {**facts.waits, **{t.id: list(t.depends) for t in tasks if t is not _FAILED and t.id}}
    for index, task in enumerate(tasks):
        if task is not _FAILED and task.id and task.depends and (loop := dependency_loop(task.id, task.depends, graph)):
            problems.append(Problem(f"tasks[{index}].depends", loop))
            return  # one loop is enough to say; it names every task in it


# ---------------------------------------------------------------------- structure and types

_FAILED = object()  # a value that did not pass; its problems are already recorded


def _section(key: str) -> Section | None:
    return next((s for s in SECTIONS if s.key == key), None)


def _check_item(section: Section, item: object, path: str, problems: list[Problem]) -> object:
    if isinstance(item, dict) and "id" not in item:
        item = {"id": "", **item}  # a new item: the store gives it an id
    if section.key == "goals" and isinstance(item, dict):
        item = _goal_target(item, path, problems)
    return _check_value(item, section.model, path, problems)


def _goal_target(item: dict, path: str, problems: list[Problem]) -> dict:
    """A goal's `target: 50%`, `+15%` or `+5pp` read as `goal add --target` reads it (sales.goals.read_target:
    a rate's value, a signed change, or no value of an amount, a problem); with `target_kind:`
    written beside it, as that says. A number is left to the model's own check."""
    text = item.get("target")
    if not isinstance(text, str) or not (text.strip().endswith(("%", "\uff05")) or POINTS.search(text.strip())):
        return item
    said = {name: item.get(name) if isinstance(item.get(name), str) else "" for name in ("metric", "unit")}
    try:
        if "target_kind" in item:
            return {**item, "target": parse_target(text)[0]}
        value, kind = read_target(text, said["metric"], said["unit"])
    except ValueError as error:
        problems.append(Problem(f"{path}.target", error))
        return {**item, "target": None}  # (the goal's other fields are still checked)
    return {**item, "target": value, "target_kind": kind}


def _check_value(value: object, typ: object, path: str, problems: list[Problem]) -> object:
    """`value` converted to `typ`, or _FAILED with each problem (every field of a struct) recorded."""
    base, optional = _unwrap(typ)
    if value is None and optional:
        return None
    if isinstance(base, type) and issubclass(base, msgspec.Struct):
        return _check_struct(value, base, path, problems)
    origin = typing.get_origin(base)
    if origin is list and value is not None:
        if not isinstance(value, list):
            inner, _ = _unwrap(typing.get_args(base)[0])
            if (isinstance(value, str) and value.strip() and not set(value) & set("[]{}\n:")  # `tags: call, q4`
                    and not (isinstance(inner, type) and issubclass(inner, msgspec.Struct))):  # (not `steps: x`)
                problems.append(Problem(path, "expected a list, got the text {value!r}: write it as [{items}]",
                                        value=value, items=", ".join(v.strip() for v in value.split(","))))
            else:
                problems.append(Problem(path, "expected a list, got {got}", got=_describe(value)))
            return _FAILED
        (inner,) = typing.get_args(base)
        items = [_check_value(v, inner, f"{path}[{i}]", problems) for i, v in enumerate(value)]
        return _FAILED if any(i is _FAILED for i in items) else items
    if origin is dict and value is not None:
        if not isinstance(value, dict):
            problems.append(Problem(path, "expected a mapping, got {got}", got=_describe(value)))
            return _FAILED
        key_type, value_type = typing.get_args(base)
        out, failed = {}, False
        for key, item in value.items():
            sub = f"{path}.{key}"
            if _leaf(key, key_type, sub, problems) is _FAILED:
                failed = True
                continue
            out[key] = _check_value(item, value_type, sub, problems)
            failed |= out[key] is _FAILED
        return _FAILED if failed else out
    return _leaf(value, typ, path, problems)


def _unknown(path: str, key: str, names: list[str], what: str) -> Problem:
    """An unknown key or section, with the known one nearest it when one is near enough (a
    typo, `owenr:`; `strategy:` for `strategies:`), as an owner who is no member is said."""
    near = difflib.get_close_matches(key.lower(), names, n=1, cutoff=0.7)
    if what == "section":
        if near:
            return Problem(path, "unknown section; did you mean {name!r}? (expected one of: {names})",
                           name=near[0], names=", ".join(names))
        return Problem(path, "unknown section (expected one of: {names})", names=", ".join(names))
    if near:
        return Problem(path, "unknown key; did you mean {name!r}? (expected one of: {fields})", name=near[0],
                       fields=", ".join(names))
    return Problem(path, "unknown key (expected one of: {fields})", fields=", ".join(names))


@functools.cache
def _fields_of(model: type) -> dict[str, msgspec.structs.FieldInfo]:
    """A model's fields by the name a file gives them, worked out once per model: msgspec
    evaluates every annotation again on each call, which was more than half of what importing a
    plan of 60,000 tasks cost (about 25 s of 47 s here)."""
    return {f.encode_name: f for f in msgspec.structs.fields(model)}


@functools.cache
def _required_of(model: type) -> tuple[str, ...]:
    """A model's required fields, by the name a file gives them (asked of each field of each
    item, `FieldInfo.required` was a million calls for 50,000 tasks)."""
    return tuple(name for name, info in _fields_of(model).items() if info.required)


def _check_struct(value: object, model: type, path: str, problems: list[Problem]) -> object:
    fields = _fields_of(model)
    if not isinstance(value, dict):
        problems.append(Problem(path, "expected a mapping with {fields}; got {got}", fields=", ".join(fields),
                                got=_describe(value)))
        return _FAILED
    before = len(problems)
    for key in value:
        if key not in fields:
            problems.append(_unknown(_join(path, str(key)), str(key), list(fields), "key"))
    for name in _required_of(model):
        if name not in value:
            problems.append(Problem(path, "`{name}` is missing", name=name))
    for key, item in value.items():
        if key in fields:
            _check_value(item, fields[key].type, _join(path, key), problems)
    if len(problems) > before:
        return _FAILED
    try:
        return msgspec.convert(value, model)
    except msgspec.ValidationError as error:  # rules across fields (__post_init__), and a list's length
        message, where = _split(error)
        if isinstance(message, str):  # msgspec's words: `expected `array` of length <= 20` said plainly
            message = plainly(str(error).split(" - at `", 1)[0], error.__cause__)
        problems.append(Problem(_join(path, where), message))
        return _FAILED


def _leaf(value: object, typ: object, path: str, problems: list[Problem]) -> object:
    base, optional = _unwrap(typ)
    try:
        converted = msgspec.convert(value, typ)
    except msgspec.ValidationError as error:
        message, where = _split(error)
    else:
        if isinstance(converted, float) and not math.isfinite(converted):
            # (`.nan`, `.inf`: YAML's, which a board's JSON keeps as null: the next read of the
            # board failed, "Expected `float`, got `null`", for every command)
            problems.append(Problem(path, "expected a number, got {value}",
                                    value=".nan" if converted != converted else "-.inf" if converted < 0 else ".inf"))
            return _FAILED
        if not isinstance(converted, date) or (why := year_problem(converted)) is None:
            return converted
        problems.append(Problem(path, why))
        return _FAILED
    if base is date:
        message = ((no_such_day(value) or _not_a_date(value)) if isinstance(value, str)
                   else _not_a_date(str(value)) if type(value) is int and meant_day(str(value)) is not None
                   else Reason("expected a date (YYYY-MM-DD), got {got}", got=_describe(value)))
    elif base is datetime:  # msgspec says "invalid RFC3339 encoded datetime"
        message = (Reason("{value!r} is not a date and time: write it as {example}", value=value, example=AT_EXAMPLE)
                   if isinstance(value, str)
                   else Reason("expected a date and time ({example}), got {got}", example=AT_EXAMPLE,
                               got=_describe(value)))
    elif typing.get_origin(base) is typing.Literal and not isinstance(value, (list, dict)):
        message = Reason("{value!r} is not one of: {choices}", value=value,
                         choices=", ".join(map(str, typing.get_args(base))))
    elif str(message).startswith("expected `"):
        message = str(message)
        wanted = re.match(r"expected `([^`]+)`", message).group(1)  # `str`, `str | null`
        rest = message.split(", got ", 1)[0]
        extra = rest[len(f"expected `{wanted}`"):]
        words = _either([_TYPE_WORDS.get(part, part) for part in wanted.split(" | ")])
        if (cap := re.fullmatch(r" of length <= (\d+)", extra)) is not None:
            # (only a text or a list too long gets here: a value of another kind has no length)
            message = Reason("too long: at most {count} characters" if isinstance(value, str)
                             else "too long: at most {count} items", count=int(cap.group(1)))
        elif (isinstance(value, str) and {"float", "int"} & set(wanted.split(" | "))
              and _THOUSANDS.fullmatch(value.strip())):  # 48,000: the comma a person types, which YAML keeps as text
            message = Reason("{value!r} is not a number: write it without thousands commas ({number})",
                             value=value, number=value.strip().replace(",", ""))
        else:  # (what msgspec adds, ` >= 0.0`, is said as it is)
            message = Reason("expected {wanted}{extra}, got {got}", wanted=words, extra=extra, got=_describe(value))
    problems.append(Problem(_join(path, where), message))
    return _FAILED


AT_EXAMPLE = "YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-11-02T09:30:00Z"
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")


def _not_a_date(value: str) -> Reason:
    """A date written otherwise, with the day it means when only one can be meant (31/12/2026,
    20261231); a date with a time (2026-12-31T10:00:00) with its day."""
    day = meant_day(value)
    if day is None and (timed := _WITH_TIME.match(value.strip())) is not None:
        try:
            day = date.fromisoformat(timed.group(1))
        except ValueError:
            day = None
        if day is not None and year_problem(day) is None:
            return Reason("{value!r} is a date and time; this field takes a day: write it as YYYY-MM-DD ({day})",
                          value=value, day=day.isoformat())
        day = None
    if day is None:
        return Reason("{value!r} is not a date: write it as YYYY-MM-DD", value=value)
    return Reason("{value!r} is not a date: write it as YYYY-MM-DD ({day})", value=value, day=day.isoformat())
_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}")


_TYPE_WORDS = {"str": Word("text"), "int": Word("a whole number"), "bool": Word("true or false"),
               "array": Word("a list"), "object": Word("a mapping"), "float": Word("a number"),
               "null": Word("nothing")}


def _either(words: list[str]) -> object:
    """`text or nothing`: the kinds of value a field takes, said together."""
    said: object = words[-1]
    for word in reversed(words[:-1]):
        said = Reason("{one} or {other}", one=word, other=said)
    return said


def _unwrap(typ: object) -> tuple[object, bool]:
    """The type under Optional[...] and Annotated[...], and whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(typ)
        if origin is typing.Annotated:
            typ = typing.get_args(typ)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(typ) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(typ))
            if len(args) != 1:
                return typ, optional
            typ = args[0]
        else:
            return typ, optional


_AT = re.compile(r"^(.*?)(?: - at `\$(.*)`)?$", re.S)


def _split(error: msgspec.ValidationError) -> tuple[object, str]:
    """msgspec's `Message - at `$.a[0].b`` as (message, `a[0].b`); the message is the Reason a
    model's own rule raised (its __post_init__), else msgspec's words (data)."""
    message, where = _AT.match(str(error)).groups()
    if isinstance(error.__cause__, Said):  # (at the field its rule is about, when it names one)
        return Reason(error.__cause__), _join((where or "").lstrip("."),
                                                error.__cause__.about if isinstance(error.__cause__, Reason) else "")
    message = message[0].lower() + message[1:] if message else Reason("invalid")
    return message, (where or "").lstrip(".")


def _join(path: str, key: str) -> str:
    if not key:
        return path
    if not path:
        return key
    return f"{path}{key}" if key.startswith("[") else f"{path}.{key}"


def _describe(value: object) -> Reason:
    """What a file gives where it should give something else, said as a value of a message."""
    if value is None:
        return Reason("nothing (null)")
    if isinstance(value, bool):
        return Reason("{value} (true/false)", value=str(value).lower())
    if isinstance(value, (int, float)):
        return Reason("the number {value}", value=value)
    if isinstance(value, str):
        return Reason("the text {value!r}", value=value) if len(value) <= 40 else Reason("text")
    if isinstance(value, list):
        return Reason("a list")
    if isinstance(value, dict):
        return Reason("a mapping")
    name = type(value).__name__
    return Reason(name)


# ---------------------------------------------------------------------- rules across items

def _check_wip(wip: object, problems: list[Problem]) -> None:
    if isinstance(wip, dict):
        for status, limit in wip.items():
            if isinstance(limit, int) and not isinstance(limit, bool) and not 0 < limit <= WIP_MAX:
                problems.append(Problem(f"wip.{status}", "a WIP limit is a whole number from 1 to {most}", most=WIP_MAX))


def _check_members(members: object, facts: BoardFacts, problems: list[Problem]) -> dict[str, str]:
    """The members the board will have after the import, name -> role (empty: single-user mode)."""
    roles = dict(facts.members)
    if isinstance(members, list):
        seen: dict[str, int] = {}
        for index, member in enumerate(members):
            if member is _FAILED:
                continue
            if member.name in seen:
                problems.append(Problem(f"members[{index}].name", "{name} is listed twice (also {also})",
                                        name=member.name, also=f"members[{seen[member.name]}]"))
            seen[member.name] = index
            roles[member.name] = member.role
        if roles and "lead" not in roles.values():
            problems.append(Problem("members", "at least one member must be a lead, "
                                               "or nobody could manage the board"))
    return roles


def _check_former(former: object, members: object, problems: list[Problem]) -> set[str]:
    """Who the file says has left the board (`former:`), each named once and none of them in
    its `members:` too (one person is on the board or has left it, not both)."""
    if not isinstance(former, list):
        return set()
    listed = [m.name for m in members if m is not _FAILED] if isinstance(members, list) else []
    seen: dict[str, int] = {}
    for index, person in enumerate(former):
        if person is _FAILED:
            continue
        if person.name in seen:
            problems.append(Problem(f"former[{index}].name", "{name} is listed twice (also {also})",
                                    name=person.name, also=f"former[{seen[person.name]}]"))
        elif (member := member_for(person.name, listed)) is not None:
            problems.append(Problem(f"former[{index}].name", "{name} is in members too (members[{at}]): someone "
                                                             "is on the board or has left it, not both; take "
                                                             "them out of one of the lists",
                                    name=person.name, at=listed.index(member)))
        seen.setdefault(person.name, index)
    return set(seen)


def _check_ids(section: Section, items: list, raw: object, problems: list[Problem]) -> None:
    """Ids in their canonical form (`t3` becomes `T-3`), of the right kind, each at most once
    (an item that failed its own checks counts with the id the file gives it)."""
    seen: dict[str, int] = {}
    for index, (item, given) in enumerate(_pairs(items, raw)):
        failed = item is _FAILED
        text = given.get("id") if failed else item.id
        if not isinstance(text, str) or not text:
            continue
        path = f"{section.key}[{index}].id"
        try:
            found = format_id(section.kind, parse_id(text, section.kind))
        except ValueError as error:
            problems.append(Problem(path, error))
            if not failed:
                item.id = ""
            continue
        if not failed:
            item.id = found
        if found in seen:
            problems.append(Problem(path, "duplicate id {id} (also {also})", id=found,
                                    also=f"{section.key}[{seen[found]}]"))
        else:
            seen[found] = index


def _check_refs(section: Section, items: list, parts: dict, document: dict, facts: BoardFacts,
                members: set[str], problems: list[Problem], former: set[str]) -> None:
    """Each reference names an item in the file or on the board, each owner a member.

    Items that failed their own checks are still checked here, from the file's raw values, so
    that one file shows all of its problems at once.
    """
    known: dict[str, set[str]] = {}
    for other in SECTIONS:
        ids = {_raw_id(item, raw) for item, raw in _pairs(parts.get(other.key), document.get(other.key))}
        known[other.kind] = (ids - {""}) | facts.ids.get(other.kind, set())
    for index, (item, raw) in enumerate(_pairs(items, document.get(section.key))):
        for name, kind in section.refs.items():
            holder, holder_raw, field_ = _holder(item, raw, name)
            value = getattr(holder, field_, None) if holder not in (None, _FAILED) else holder_raw.get(field_)
            many = isinstance(value, list)
            fixed = []
            for position, ref in enumerate(value if many else [value]):
                path = f"{section.key}[{index}].{name}" + (f"[{position}]" if many else "")
                if not isinstance(ref, str):
                    continue  # absent, or of the wrong type (reported already)
                if kind == "member":
                    kept = _kept(section.kind, _raw_id(item, raw), facts, former)
                    ref = _member_named(ref, members, kept)
                    if members and ref not in members and ref not in kept:
                        problems.append(not_a_member(path, ref, members, facts.former | former))
                    fixed.append(ref)
                    continue
                try:
                    ref = format_id(kind, parse_id(ref, kind))
                except ValueError as error:
                    problems.append(Problem(path, error))
                    continue
                if ref not in known[kind]:
                    problems.append(Problem(path, "{ref} is not a {kind} in this file or on the board", ref=ref,
                                            kind=kind_word(kind)))
                fixed.append(ref)
            if fixed and holder not in (None, _FAILED):
                setattr(holder, field_, fixed if many else fixed[0])


def _holder(item: object, raw: dict, name: str) -> tuple[object, dict, str]:
    """(what holds the reference `name`, its mapping in the file, the field's name): the item
    itself, or a part of it for a dotted name (a goal's `closed.by`: who closed it)."""
    *parts, field_ = name.split(".")
    for part in parts:
        item = getattr(item, part, None) if item is not _FAILED else _FAILED
        raw = raw.get(part) if isinstance(raw, dict) else None
        raw = raw if isinstance(raw, dict) else {}
    return item, raw, field_


def _member_named(ref: str, members: Collection[str], kept: Collection[str]) -> str:
    """The member (or, kept by the item, the person who left) `ref` names as the command line reads
    a name: any case, spaces around it ignored (`Bea` is bea); `ref` as written when it names none."""
    return member_for(ref.strip(), members) or member_for(ref.strip(), kept) or ref


def _kept(kind: str, ident: str, facts: BoardFacts, former: Collection[str]) -> set[str]:
    """Who may stay named on the item `ident` (of `kind`) though they are no member: whoever is
    on it on the board (one who has left keeps what they did and owned), or, on an item the file
    brings from another board (an id this board does not have yet), whoever the file says has left
    (`former`). An item without an id is new work, which nobody who has left takes."""
    if not ident:
        return set()
    if ident in facts.ids.get(kind, ()):
        return facts.people.get(ident, set())
    return set(former)


def not_a_member(path: str, ref: str, members: set[str], left: Collection[str] = ()) -> Problem:
    """`ref` is no member: one who has left (`left`) takes no new work; else with the member
    whose name is nearest (a typo, `alli`; a capital, `Ali`), when one is near enough."""
    names = sorted(members)
    if (former := member_for(ref, left)) is not None:
        return Problem(path, "{ref!r} has left this board, so takes no new work (members: {members})",
                       ref=former, members=", ".join(names))
    name = nearest_member(ref, names)
    if name is None:
        return Problem(path, "{ref!r} is not a member (members: {members})", ref=ref, members=", ".join(names))
    return Problem(path, "{ref!r} is not a member; did you mean {name!r}? (members: {members})", ref=ref,
                   name=name, members=", ".join(names))


def _pairs(items: object, raw: object) -> list[tuple[object, dict]]:
    """(converted item or _FAILED, the file's mapping for it) for each item of a section."""
    if not isinstance(items, list) or not isinstance(raw, list):
        return []
    return [(item, value if isinstance(value, dict) else {}) for item, value in zip(items, raw)]


def _raw_id(item: object, raw: dict) -> str:
    if item is not _FAILED:
        return item.id
    return raw.get("id") if isinstance(raw.get("id"), str) else ""
