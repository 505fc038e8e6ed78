"""The ticks of the board's own checklists (diagnosis, weekly review, end-of-cycle review) in
and out of a plan file (sales/plan_ticks.py): read from where store/diagnoses.py keeps them, and
put back there by an import, each checklist's document as one change, as a tick on the board is.

A tick is matched by its checklist, its week or cycle, and its step's text: one the board has as
the file says it is left alone, one it has otherwise is corrected (a record: a lead's), one it
lacks is ticked as the checklist's own command ticks it (its permission; anyone but a lead ticks
as themselves and today). A tick the file leaves out is left alone, as every item is.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from sales.deals import iso_week, week_doc_id
from sales.errors import Reason
from sales.members import member_for
from sales.notes import ChecklistState, Tick
from sales.plan_check import AT_EXAMPLE, Problem, not_a_member
from sales.plan_records import dated_otherwise, moment_to_come, read_moment
from sales.plan_ticks import PlanTick, cycle_of, week_of, week_start
from sales.review import cycle_doc_id
from store.diagnoses import CHECKLIST_DOC, CHECKLISTS, _wordings, checklist_template

#: The order a plan file lists them in.
ORDER = ("diagnosis", "weekly", "review")


def board_ticks(board) -> list[PlanTick]:
    """Every tick the board keeps, checklist by checklist, week by week, cycle by cycle (the
    diagnosis's own tick of its first step is never kept: a kept diagnosis gives it)."""
    out: list[PlanTick] = []
    for which in ORDER:
        _, file, table, _ = CHECKLISTS[which]
        docs = board._docs(file, table)
        for key in sorted(docs, key=int):
            doc_id = int(key)
            where: dict = {}
            if which == "weekly":
                where["week"] = week_of(doc_id)
            elif which == "review" and doc_id != CHECKLIST_DOC:
                where["start"], where["end"] = cycle_of(doc_id)
            for tick in msgspec.convert(docs[key], ChecklistState).ticks:
                out.append(PlanTick(checklist=which, **where, text=tick.text, by=tick.by, at=tick.at))
    return out


def _place(tick: PlanTick) -> tuple[int, str]:
    """The document a tick is kept in, and the checklist's name as the log says it."""
    if tick.checklist == "weekly":
        return week_doc_id(week_start(tick.week)), f"weekly {tick.week}"
    if tick.checklist == "review" and tick.start is not None:
        return cycle_doc_id((tick.start, tick.end)), f"review {tick.start}..{tick.end}"
    return CHECKLIST_DOC, tick.checklist


def import_ticks(run, ticks: list[PlanTick], members: set[str], left: set[str]) -> None:
    """Put the file's ticks on the board inside the import `run` (store.plan_io._Import): its
    problems, refusals, summary and transaction. Who ticks a step is one of `members` (the board's
    and the file's), someone who has left (`left`: this board's or the file's, as an export names
    them) or who the board has on that tick already: a name that is none of these is refused, as
    anywhere else in a plan file (a board without members takes any name)."""
    board, today = run.board, run.today
    groups: dict[tuple[str, int], tuple[str, list[tuple[str, PlanTick, datetime]]]] = {}
    for index, tick in enumerate(ticks):
        path = f"ticks[{index}]"
        template = CHECKLISTS[tick.checklist][0]
        steps = checklist_template(template).items
        if not any(tick.text in _wordings(template, step.text) for step in steps):
            run.conflicts.append(Problem(f"{path}.text", "{text!r} is not a step of the {which} checklist (its steps: "
                                                         "{steps})", text=tick.text, which=tick.checklist,
                                         steps="; ".join(step.text for step in steps)))
            continue
        moment = read_moment(tick.at)
        if moment is None:
            run.conflicts.append(Problem(f"{path}.at", "{value!r} is not a date and time: write it as {example}",
                                         value=tick.at, example=AT_EXAMPLE))
            continue
        if tick.checklist == "weekly" and tick.week > iso_week(today):
            run.conflicts.append(Problem(f"{path}.week", "{week} has not begun: a week's review is ticked in it or "
                                                         "after", week=tick.week))
            continue
        doc_id, name = _place(tick)
        _, entries = groups.setdefault((tick.checklist, doc_id), (name, []))
        if any(other.text == tick.text for _, other, _ in entries):
            run.conflicts.append(Problem(f"{path}.text", "{text!r} is ticked twice in {name}", text=tick.text, name=name))
            continue
        entries.append((path, tick, moment))
    for (which, doc_id), (name, entries) in groups.items():
        _, file, table, action = CHECKLISTS[which]
        doc = board._doc(file, table, doc_id)
        old = msgspec.convert(doc, ChecklistState) if doc else ChecklistState(name=name)
        kept = list(old.ticks)
        changed = False
        for path, tick, moment in entries:
            new = Tick(tick.text, tick.by, tick.at)
            at = next((i for i, t in enumerate(kept) if t.text == tick.text), None)
            label = f"{name}: {tick.text}"
            if at is not None and kept[at] == new:
                run.summary.unchanged.append(label)
                continue
            if ((at is None or kept[at].by != tick.by) and members
                    and member_for(tick.by, members | left) is None):
                run.conflicts.append(not_a_member(f"{path}.by", tick.by, members))
                continue
            if (at is None or kept[at].at != tick.at) and moment_to_come(moment, today):
                run.conflicts.append(Problem(f"{path}.at", "a step is ticked when it is done; {day} is still to come",
                                             day=moment.date()))
                continue
            run.allowed(path, action)
            if at is not None:
                run.changing(path, Reason("the tick of {step}", step=label))
                if not run.lead:
                    run.refusals.append(Problem(path, "who ticked a step, and when, are records: only a lead "
                                                      "corrects them"))
                kept[at] = new
                run.summary.changed.append((label, ["by", "at"]))
            else:
                if not run.lead and tick.by != board.actor:
                    run.refusals.append(Problem(f"{path}.by", "a step you tick is ticked by you ({actor}), not {by}",
                                                actor=board.actor, by=tick.by))
                elif not run.lead and dated_otherwise(moment.date(), today):
                    run.refusals.append(Problem(f"{path}.at", "a step is ticked when it is ticked ({today}); only a "
                                                              "lead may date it {day}", today=today, day=moment.date()))
                kept.append(new)
                run.summary.created.append((f"tick {name}", tick.text))
            changed = True
        if changed:
            new_state = ChecklistState(name=old.name if doc else name, ticks=kept)
            run.tx.put(action, f"checklist:{name}", file, table, doc_id,
                       doc if doc else None, msgspec.to_builtins(new_state))


