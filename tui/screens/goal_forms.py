"""The forms of the goals screen: a goal, a check-in, a strategy. Each returns a FieldsForm."""

from __future__ import annotations

import msgspec
from textual.suggester import SuggestFromList
from textual.widgets import Select
from textual.widgets.selection_list import Selection

from sales.dates import DateError, parse_date
from sales.errors import Invalid
from sales.goals import (
    CONFIDENCE_LABELS,
    CONFIDENCES,
    DIMENSION_LABELS,
    DIMENSIONS,
    DIRECTIONS,
    KNOWN_METRICS,
    OUTCOME_LABELS,
    OUTCOMES,
    ROLLUPS,
    SCOPE_FIELDS,
    Goal,
    Strategy,
    last_confidence,
    read_target,
    percent_refusal,
    read_outcome,
)
from sales.numbers import parse_number
from sales.pace import describe_value
from sales.text import TITLE_MAX
from tui.goal_text import metric_key, metric_text
from tui.i18n import N_, _, fill
from tui.number_text import form_number
from tui.screens.fields_form import FieldsForm, Hint
from tui.screens.form_base import DATE_HINT, DATE_PLACEHOLDER
from tui.user_text import plain, plain_rich, text_area, text_input
from tui.widgets.tick_list import TickList

PARENT_LABEL = 18  # characters of "G-1 title" the Contributes-to box shows
#: Where a goal's progress comes from (sales/rollup.py): the Progress box's choices, short enough
#: for the closed box at 80 columns (the parts: the goals that contribute to it).
ROLLUP_CHOICES = {"none": N_("own check-ins"), "sum": N_("sum of parts"), "average": N_("mean of parts")}
#: The Direction box's choices (sales.goals.DIRECTIONS), short enough for the closed box a quarter
#: of the form wide at 80 columns ("increase to" wrapped it over two lines, out of line with its row).
DIRECTION_CHOICES = {"increase": N_("increase"), "decrease": N_("decrease"), "above": N_("stay above"),
                     "below": N_("stay below")}


def _target_text(goal: Goal | None) -> str:
    if goal is None or goal.target is None:
        return ""
    if goal.target_kind == "points":  # (+5pp: the form reads back what it wrote)
        return form_number(goal.target, sign=True) + "pp"
    return form_number(goal.target, sign=True) + "%" if goal.target_kind == "percent" else form_number(goal.target)


def _owner_widget(board, owner: str | None):
    members = board.members()
    if not members:
        return text_input(owner or "", placeholder=_("who answers for it"))
    names = {m.name for m in members}
    return Select([(plain_rich(m.name), m.name) for m in members], prompt=_("nobody"),
                  value=owner if owner in names else Select.NULL)


def _parent_widget(board, goal: Goal | None) -> Select:
    """The goal this one contributes to: any other goal, or none."""
    others = [g for g in board.goals() if goal is None or g.id != goal.id]
    current = goal.parent if goal else None
    def label(g: Goal) -> str:  # one line in the box (a title wraps the closed Select over two)
        text = f"{g.id} {g.title}"
        return text if len(text) <= PARENT_LABEL else text[:PARENT_LABEL - 1] + "…"

    return Select([(plain_rich(label(g)), g.id) for g in others], prompt=_("no goal"),
                  value=current if current in {g.id for g in others} else Select.NULL)


def goal_form(board, goal: Goal | None = None, draft: dict | None = None) -> FieldsForm:
    """A new goal, or `goal` edited. Empty fields are allowed: the SMART badges say what is missing.
    `draft`: a new goal's fields filled in beforehand (title, owner, metric, scope, baseline,
    target, description as the form's text), such as a weak spot of the diagnosis gives."""
    draft = {} if goal else (draft or {})
    scope = goal.scope.given() if goal else draft.get("scope", {})
    rows = [
        ("title", _("Title"), text_input(goal.title if goal else draft.get("title", ""), max_length=TITLE_MAX)),
        (("owner", _("Owner"), _owner_widget(board, goal.owner if goal else draft.get("owner") or board.actor)),
         ("parent", _("Contributes to"), _parent_widget(board, goal)),
         ("metric", _("Metric"), text_input(
             goal.metric if goal else draft.get("metric", ""), placeholder=_("revenue…"),
             suggester=SuggestFromList(dict.fromkeys([*KNOWN_METRICS, *map(metric_text, KNOWN_METRICS)]),
                                       case_sensitive=False)))),
        # the boxes of a row are a quarter of the form wide at 80 columns: their labels and
        # placeholders say little, and the line under the row says the rest
        tuple((name, _(name.replace('_', ' ')).capitalize(), text_input(scope.get(name, ""), placeholder=_("any")))
              for name in SCOPE_FIELDS),
        Hint(_("Scope: the goal counts only the sales of these (blank: any)")),
        (("baseline", _("Baseline"), text_input(
            draft.get("baseline") or "" if goal is None else "" if goal.baseline is None else form_number(goal.baseline),
            placeholder="1.2M")),
         ("direction", _("Direction"), Select([(plain_rich(_(DIRECTION_CHOICES[d])), d) for d in DIRECTIONS],
                                              allow_blank=False, value=goal.direction if goal else "increase")),
         ("target", _("Target"), text_input(_target_text(goal) if goal else draft.get("target") or "",
                                            placeholder="+15%")),
         ("unit", _("Unit"), text_input(goal.unit if goal else "", placeholder="$"))),
        Hint(_("Baseline: a number, or `snapshot` for the latest diagnosis; target: a number (1.38M) "
               "or a change (+15%); unit: $, %, customers …")),
        (("start", _("Start"), text_input(str(goal.start or "") if goal else "", placeholder=DATE_PLACEHOLDER)),
         ("deadline", _("Deadline"), text_input(str(goal.deadline or "") if goal else draft.get("deadline", ""),
                                                placeholder=DATE_PLACEHOLDER)),
         ("rollup", _("Progress"), Select([(plain_rich(_(ROLLUP_CHOICES[r])), r) for r in ROLLUPS],
                                          allow_blank=False, value=(goal.rollup if goal else None) or "none"))),
        Hint(_(DATE_HINT)),
        ("subtargets", _("Sub-targets (one per line)"), text_area(
            "\n".join(s.text for s in goal.subtargets) if goal else "", soft_wrap=True)),
        ("description", _("Description"), text_area(goal.description if goal else draft.get("description", ""),
                                                    soft_wrap=True)),
    ]

    def save(values: dict) -> Goal:
        fields = goal_fields(board, values, goal)
        if goal is None:
            if fields.get("direction") == "increase":  # the box as it opened: the numbers say the way
                del fields["direction"]  # (a target below the baseline is a decrease: settle_direction)
            return board.add_goal(fields.pop("title"), **fields)
        return board.update_goal(goal.id, **form.changed_here(fields, lambda was: goal_fields(board, was, goal)))

    form = FieldsForm(_("Edit {id}").format(id=goal.id) if goal else _("New goal"), rows, save, required=("title",))
    form.item = goal.id if goal else None
    return form


def _subtargets(text: str, old: Goal | None) -> list[dict]:
    """One sub-target per line; a line as it was keeps the value and unit it had (a plan file
    may give them; the box shows the text only)."""
    kept = {sub.text: sub for sub in old.subtargets} if old else {}
    subtargets = []
    for line in text.splitlines():
        if not line.strip():
            continue
        before = kept.get(line.strip())
        subtargets.append(msgspec.to_builtins(before) if before else {"text": line.strip()})
    return subtargets


def goal_fields(board, values: dict, old: Goal | None) -> dict:
    """The form's text as goal fields (None clears one); numbers and dates parsed, errors named."""
    fields: dict = {"title": values["title"], "owner": values["owner"] or None, "parent": values["parent"] or None,
                    "rollup": values["rollup"],
                    "metric": metric_key(values["metric"]), "unit": values["unit"], "direction": values["direction"],
                    "description": values["description"],
                    "scope": {name: values[name].strip() for name in SCOPE_FIELDS if values[name].strip()},
                    "subtargets": _subtargets(values["subtargets"], old)}
    baseline = values["baseline"].strip()
    if baseline.split()[0].lower() in ("snapshot", "latest") if baseline else False:
        fields["baseline"] = " ".join(baseline.split())  # `snapshot X-1`: that diagnosis's figure
    elif baseline:
        fields["baseline"] = _number(baseline, "baseline")
        if old is None or old.baseline != fields["baseline"]:
            fields["baseline_source"] = None
    else:
        fields["baseline"] = fields["baseline_source"] = None
    target = values["target"].strip()
    if target:
        try:
            fields["target"], fields["target_kind"] = read_target(target, fields["metric"], fields["unit"])
        except ValueError as error:
            raise Invalid("target", error) from None
    else:
        fields["target"] = fields["target_kind"] = None
    for name in ("start", "deadline"):
        text = values[name].strip()
        try:
            fields[name] = parse_date(text, board.today()).isoformat() if text else None
        except DateError as error:
            raise Invalid(name, error) from None
    if old is None:
        return {k: v for k, v in fields.items() if v is not None}
    return fields


def _number(text: str, field: str) -> float:
    try:
        return parse_number(text)
    except ValueError as error:
        raise Invalid(field, error) from None


def checkin_form(board, goal: Goal) -> FieldsForm:
    last = board.checkins(goal.id)[-1:] or None
    now = last[0].value if last else goal.baseline
    rows = [
        (("value", fill(_("Value of {metric} now"), metric=metric_text(goal.metric) or _("the metric")),
          text_input("", placeholder="1.29M")),
         ("confidence", _("Confidence"), Select([(plain_rich(_(CONFIDENCE_LABELS[c])), c) for c in CONFIDENCES],
                                                allow_blank=False, value=last_confidence(last or []))),
         ("date", _("Date"), text_input("", placeholder=DATE_PLACEHOLDER))),
        # under the row: a label beside another is one line, and the last value would be cut
        # (one line with the date's: at 80×24 a line more pushes the comment out of sight)
        Hint(_("Last: {value}").format(value=describe_value(now, goal.unit)) + "  ·  "
             + _("Date: empty for now, or a past day (yesterday, -1w)")),
        ("comment", _("Comment"), text_input("", placeholder=_("what moved it, what is in the way"))),
    ]

    def save(values: dict):
        if not values["value"].strip():
            raise Invalid("value", "give the metric's value now")
        value = _number(values["value"], "value")
        if why := percent_refusal(values["value"], goal.unit):
            raise Invalid("value", why)
        day = values["date"].strip()
        try:
            on = parse_date(day, board.today()) if day else None
        except DateError as error:
            raise Invalid("date", error) from None
        return board.checkin(goal.id, value, values["confidence"], values["comment"], on=on)

    return FieldsForm(_("Check in on {id}  {title}").format(id=goal.id, title=goal.title), rows, save)


def strategy_form(board, goal_id: str | None, strategy: Strategy | None = None) -> FieldsForm:
    """A new strategy serving `goal_id` (ticked), or `strategy` edited."""
    serves = set(strategy.goals) if strategy else {goal_id}
    goals = TickList[str](*(Selection(plain(f"{g.id}  {g.title}"), g.id, g.id in serves)
                                 for g in board.goals()))
    rows = [
        ("title", _("Title"), text_input(strategy.title if strategy else "", max_length=TITLE_MAX)),
        ("dimension", _("Dimension"), Select([(plain_rich(_(DIMENSION_LABELS[d])), d) for d in DIMENSIONS],
                                             allow_blank=False, value=strategy.dimension if strategy else "market")),
        ("goals", _("Goals it serves (space ticks one)"), goals),
        ("description", _("Description"), text_input(strategy.description if strategy else "")),
    ]

    def save(values: dict):
        fields = {"dimension": values["dimension"], "goals": values["goals"], "description": values["description"]}
        if strategy is not None:
            return board.update_strategy(strategy.id, **form.changed_here({"title": values["title"], **fields}))
        return board.add_strategy(values["title"], **fields)

    title = _("Edit {id}").format(id=strategy.id) if strategy else _("New strategy")
    form = FieldsForm(title, rows, save, required=("title",))
    form.item = strategy.id if strategy else None
    return form


def carry_form(board, goal: Goal) -> FieldsForm:
    """`goal`, of an earlier cycle, carried on into the plan's cycle (board.carry_goal): its title,
    owner and target as they were, to change for the new cycle; the rest comes with it."""
    start, end = board.plan_period()
    ended = board.report(goal).current.value
    rows = [
        ("title", _("Title"), text_input(goal.title, max_length=TITLE_MAX)),
        (("owner", _("Owner"), _owner_widget(board, goal.owner)),
         ("target", _("Target"), text_input(_target_text(goal), placeholder="+15%"))),
        Hint(_("From {value}, where {id} ended; {start} to {end}; its strategies serve the new goal too").format(
            value=describe_value(ended if ended is not None else goal.baseline, goal.unit), id=goal.id,
            start=start or "–", end=end or "–")),
    ]

    def save(values: dict) -> Goal:
        fields: dict = {"title": values["title"], "owner": values["owner"] or None}
        target = values["target"].strip()
        if target and target != _target_text(goal):
            try:
                fields["target"], fields["target_kind"] = read_target(target, goal.metric, goal.unit)
            except ValueError as error:
                raise Invalid("target", error) from None
        return board.carry_goal(goal.id, **fields)

    return FieldsForm(_("Carry {id} on into this cycle").format(id=goal.id), rows, save,
                      action=_("Carry on"), required=("title",))


def close_form(board, goal: Goal) -> FieldsForm:
    """`goal` closed with how it ended (board.close_goal): the outcome its numbers say offered
    first, its final value (empty: where it ended), and a closing note for the review."""
    final = board.final_value(goal)
    offered = read_outcome(goal, final) or "missed"
    rows = [
        (("outcome", _("Outcome"), Select([(plain_rich(_(OUTCOME_LABELS[o])), o) for o in OUTCOMES],
                                          allow_blank=False, value=offered)),
         ("value", _("Final value"), text_input("", placeholder=describe_value(final, goal.unit)))),
        Hint(_("Final value: empty for where it ended ({value})").format(value=describe_value(final, goal.unit))),
        ("note", _("Closing note"), text_input("", placeholder=_("why it ended so: what worked, what did not"))),
    ]

    def save(values: dict) -> Goal:
        value = None
        if values["value"].strip():
            value = _number(values["value"], "value")
            if why := percent_refusal(values["value"], goal.unit):
                raise Invalid("value", why)
        return board.close_goal(goal.id, values["outcome"], values["note"], value)

    return FieldsForm(_("Close {id}  {title}").format(id=goal.id, title=goal.title), rows, save,
                      action=_("Close goal"))
