"""What a kept diagnosis a plan file brings must hold beyond its types (sales/plan_check.py says
each problem at its field): its period is one a run computes (months or quarters), its dates are
days (the first no later than the last), its rows used no more than it read, each period row and breakdown is labelled as a run of
that period labels it (`2026-07`, `2026-Q3`), its texts are at most TEXT_MAX characters as
any text of a plan is, and its texts kept with their templates
(sales.phrases.as_builtins) are templates the interface can say: a name in braces for each value
given, nothing more (a file's `{x.__class__}`, `{missing}` or `{x:>99999999}` failed, or took
memory, each time the diagnosis was shown).

A run's own diagnosis holds to all of it; an older board's quarters (`2019Q1`) are read dashed
by the models before this is asked.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import date

from sales.diagnosis import DIMENSIONS, Diagnosis
from sales.errors import Reason
from sales.text import TEXT_MAX

#: The periods a run compares (`uplift diagnose --period`).
GRANULARITIES = ("month", "quarter")

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^(\d{4})-Q[1-4]$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: A value's format as the code's templates give one: `{count:,}`, `{share:.1f}`, `{rate:g}`.
_SPEC = re.compile(r"^0?\d?[,_]?(\.\d)?[dfg%]?$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def diagnosis_problems(diagnosis: Diagnosis) -> list[tuple[str, Reason]]:
    """(field, what is wrong) for a kept diagnosis, fields as a plan file names them under the
    diagnosis (`period`, `periods[2].period`, `findings[0].said`)."""
    found: list[tuple[str, Reason]] = []
    if diagnosis.period not in GRANULARITIES:
        found.append(("period", Reason("{value!r} is not one of: {choices}", value=diagnosis.period,
                                       choices=", ".join(GRANULARITIES))))
    days = {}
    for name in ("first_date", "last_date"):
        value = getattr(diagnosis, name)
        if value is not None:
            if (day := _day(value)) is None:
                found.append((name, Reason("{value!r} is not a date: write it as YYYY-MM-DD", value=value)))
            else:
                days[name] = day
    if len(days) == 2 and days["last_date"] < days["first_date"]:
        found.append(("last_date", Reason("the period ends ({end}) before it starts ({start})",
                                          end=days["last_date"], start=days["first_date"])))
    if diagnosis.rows_read < 0:
        found.append(("rows_read", Reason("{count} rows: a count of rows is 0 or more", count=diagnosis.rows_read)))
    elif not 0 <= diagnosis.rows_used <= diagnosis.rows_read:
        found.append(("rows_used", Reason("{used} rows used of {read} read: a run uses at most the rows it reads, "
                                          "and none below 0", used=diagnosis.rows_used, read=diagnosis.rows_read)))
    label = _MONTH if diagnosis.period == "month" else _QUARTER if diagnosis.period == "quarter" else None
    for index, row in enumerate(diagnosis.periods):
        if label is not None and not label.match(row.period):
            found.append((f"periods[{index}].period", _not_a_label(row.period, diagnosis.period)))
        if _day(row.start) is None:
            found.append((f"periods[{index}].start", Reason("{value!r} is not a date: write it as YYYY-MM-DD",
                                                            value=row.start)))
    for dimension, groups in diagnosis.breakdowns.items():
        if dimension not in DIMENSIONS:
            found.append((f"breakdowns.{dimension}", Reason("{value!r} is not one of: {choices}", value=dimension,
                                                            choices=", ".join(DIMENSIONS))))
            continue
        for index, group in enumerate(groups):
            for name in group.periods:
                if label is not None and not label.match(name):
                    found.append((f"breakdowns.{dimension}[{index}].periods.{name}",
                                  _not_a_label(name, diagnosis.period)))
    for where, said in _kept_texts(diagnosis):
        if (why := template_problem(said)) is not None:
            found.append((where, why))
    for where, text in _texts(diagnosis):
        if len(text) > TEXT_MAX:
            found.append((where, Reason("too long: at most {count} characters", count=TEXT_MAX)))
    return found


def _texts(diagnosis: Diagnosis) -> Iterator[tuple[str, str]]:
    """Each text a diagnosis says as it is: its files, how they were read, its weak spots."""
    source = diagnosis.source
    for key in ("files", "explanation", "notes", "ignored_columns"):
        for index, text in enumerate(getattr(source, key)):
            yield f"source.{key}[{index}]", text
    for index, finding in enumerate(diagnosis.findings):
        for key in ("text", "subject", "reference_label"):
            yield f"findings[{index}].{key}", getattr(finding, key)


def template_problem(said: object) -> Reason | None:
    """What is wrong with text kept with its template ({"template", "values"}, or {"word"}), if
    anything: each name in braces is a value it gives, said plainly (a number's format at most);
    values kept so are checked likewise. Anything else is text, said as it is, and so is a
    template without values."""
    if not isinstance(said, dict) or set(said) != {"template", "values"}:
        return None
    template, values = said["template"], said["values"]
    if not isinstance(template, str) or not isinstance(values, dict):
        return Reason("a kept text is a template (text) and its values (a mapping)")
    if any(isinstance(text, str) and len(text) > TEXT_MAX for text in (template, *values.values())):
        return Reason("too long: at most {count} characters", count=TEXT_MAX)  # (as the text it says)
    if not values:
        return None  # (said as it is, braces and all: sales.errors)
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return Reason("{kept!r} is not a template: a brace is written twice ({{{{ or }}}})", kept=template)
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if not _NAME.match(name) or name not in values:
            return Reason("{kept!r} names {name!r}, which is none of its values ({values})", kept=template,
                          name="{" + name + "}", values=", ".join(values) or "–")
        if conversion not in (None, "r", "s") or not _SPEC.match(spec or ""):
            return Reason("{kept!r} formats {name!r} in a way Uplift never writes", kept=template,
                          name="{" + name + "}")
    for value in values.values():
        if (why := template_problem(value)) is not None:
            return why
    return None


def _kept_texts(diagnosis: Diagnosis) -> Iterator[tuple[str, object]]:
    """Each text the diagnosis keeps with its template, where a plan file writes it."""
    for index, finding in enumerate(diagnosis.findings):
        if finding.said is not None:
            yield f"findings[{index}].said", finding.said
    said = diagnosis.source.said or {}
    for key in ("explanation", "notes"):
        if isinstance(said.get(key), list):
            for index, text in enumerate(said[key]):
                yield f"source.said.{key}[{index}]", text
    if isinstance(said.get("date_formats"), dict):
        for column, text in said["date_formats"].items():
            yield f"source.said.date_formats.{column}", text


def _not_a_label(value: str, period: str) -> Reason:
    if period == "month":
        return Reason("{value!r} is not a month: write it as YYYY-MM (2026-07)", value=value)
    return Reason("{value!r} is not a quarter: write it as YYYY-Qn (2026-Q3)", value=value)


def _day(text: str) -> date | None:
    if not isinstance(text, str) or not _DAY.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
