"""A diagnosis kept on the board (a snapshot), the column mappings saved for next time, and the
KPI history later phases read from snapshots (a goal's baseline comes from one).

A snapshot holds only what the diagnosis computed (KPIs per period and group, findings, the
mapping and the source's name), never the records themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Annotated

import msgspec

from sales.diagnosis import DIMENSIONS, Diagnosis, Metrics
from sales.errors import Reason
from sales.kpis import METRICS, dashed
from sales.sales_fields import FIELDS, IGNORE, MappingError, check_once, normalise_header
from sales.text import NAME_MAX, TEXT_MAX


class Snapshot(msgspec.Struct, kw_only=True):
    """One diagnosis run: when, by whom, from which columns, and everything it computed. (Capped
    as a plan file's fields are: a plan file carries the kept diagnoses.)"""

    id: str
    saved_at: Annotated[str, msgspec.Meta(max_length=40)]
    saved_by: Annotated[str, msgspec.Meta(max_length=NAME_MAX)]
    signature: Annotated[str, msgspec.Meta(max_length=TEXT_MAX)] = ""
    overrides: dict[str, str] = {}
    diagnosis: Diagnosis


#: The most columns a saved mapping names (a signature of TEXT_MAX characters holds at most half
#: as many headers, each with its `|`).
COLUMNS_MAX = TEXT_MAX // 2


class SavedMapping(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """The --map overrides last used for files with these columns (reused automatically). (Capped
    as a plan file's fields are, as the kept diagnosis whose columns it names is: a plan file
    carries the saved mappings; mapping_problems says what else a file's must hold to.)"""

    id: str
    signature: Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]
    columns: Annotated[list[Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]], msgspec.Meta(max_length=COLUMNS_MAX)]
    overrides: Annotated[dict[Annotated[str, msgspec.Meta(max_length=TEXT_MAX)], str],
                         msgspec.Meta(max_length=COLUMNS_MAX)]
    saved_at: Annotated[str, msgspec.Meta(max_length=40)]
    saved_by: Annotated[str, msgspec.Meta(max_length=NAME_MAX)]


def mapping_problems(mapping: SavedMapping) -> list[tuple[str, Reason]]:
    """(field, what is wrong) for a saved mapping a plan file brings: it names the columns it is
    for (a signature as header_signature writes it) and at least one column's field, each a field
    `--map` takes (or `ignore`), each column one of those files' and each column and each field
    once, as `uplift diagnose --map` holds what is typed."""
    found: list[tuple[str, Reason]] = []
    if not mapping.signature.strip():
        found.append(("signature", Reason("a saved mapping names the columns it is for (the files' signature)")))
    elif (why := signature_problem(mapping.signature)) is not None:
        found.append(("signature", why))
    named = set(mapping.signature.split("|")) if not found else None  # (the columns, once the signature says them)
    if not mapping.overrides:
        found.append(("overrides", Reason("a saved mapping gives at least one column's field (COLUMN: FIELD)")))
    result: dict[str, str] = {}
    seen: dict[str, str] = {}
    for column, field in mapping.overrides.items():
        where = f"overrides.{column}"
        if not column.strip():
            found.append((where, Reason("a column needs a name")))
        elif field not in FIELDS and field != IGNORE:
            found.append((where, Reason("unknown field {field!r} (known: {known}, {ignore})", field=field,
                                        known=", ".join(FIELDS), ignore=IGNORE)))
        elif named is not None and normalise_header(column) not in named:  # (each run on those files would stop at it, as at `--map`)
            found.append((where, Reason("no column {wanted!r} (columns: {columns})", wanted=column,
                                        columns=", ".join(mapping.columns) or mapping.signature)))
        else:
            try:
                check_once(result, seen, column, field)
            except MappingError as error:
                found.append((where, error.reason_said))
                continue
            result[column] = field
    return found


def signature_problem(signature: str) -> Reason | None:
    """Why a file's `signature` is none a run writes (header_signature), if it is not: no file's
    columns would match it."""
    written = header_signature(signature.split("|"))
    if written == signature:
        return None
    return Reason("{signature!r} is no signature a run writes (the columns' names in lower case, letters and "
                  "digits, sorted, joined by |): write it as {written!r}", signature=signature, written=written)


def header_signature(headers: Iterable[str]) -> str:
    """What makes two files "the same layout": their normalised column names, in any order."""
    return "|".join(sorted({normalise_header(h) for h in headers} - {""}))


def merge_overrides(saved: Mapping[str, str], given: Mapping[str, str]) -> dict[str, str]:
    """The saved overrides with the ones given now on top: a given column or field replaces
    whatever the saved mapping said about that column or that field."""
    columns = {normalise_header(c) for c in given}
    fields = {f for f in given.values() if f != IGNORE}
    kept = {c: f for c, f in saved.items() if normalise_header(c) not in columns and f not in fields}
    return {**kept, **given}


def period_name(label: str) -> str:
    """A diagnosis period label as the rest of the plan writes it: 2026-07, 2026-Q3."""
    return dashed(label)


def period_start(name: str) -> date:
    """The first day of a period as period_name writes it: 2026-07 -> 2026-07-01, 2026-Q3 -> 2026-07-01."""
    year, _, part = name.partition("-")
    if part.startswith("Q"):
        return date(int(year), (int(part[1:]) - 1) * 3 + 1, 1)
    return date(int(year), int(part), 1)


def periods_spanned(start: date | None, end: date | None, label: str) -> int:
    """How many periods like `label` (months `2026-07`, quarters `2026-Q3`) the days from `start`
    to `end` span, at least 1: a quarter's goal spans three months, or one quarter."""
    if start is None or end is None or end <= start:
        return 1
    months = (end - start).days / 30.44
    return max(1, round(months / (3 if "Q" in label else 1)))


def next_period(label: str) -> str:
    """The period after `label`: 2026-12 -> 2027-01, 2026-Q4 -> 2027-Q1."""
    year, _, part = label.partition("-")
    if part.startswith("Q"):
        quarter = int(part[1:])
        return f"{int(year) + quarter // 4}-Q{quarter % 4 + 1}"
    month = int(part)
    return f"{int(year) + month // 12}-{month % 12 + 1:02d}"


def in_a_row(labels: Sequence[str]) -> bool:
    """Whether the periods follow each other with none missing."""
    return all(next_period(a) == b for a, b in zip(labels, labels[1:]))


SCOPE_KEYS = DIMENSIONS


def metric_history(snapshots: Sequence[Snapshot], metric: str, scope: Mapping[str, str],
                   period: str | None = None) -> list[dict]:
    """[{"metric", "scope", "period", "value", "snapshot"}, ...] oldest period first (`snapshot`:
    the id of the snapshot the value was taken from).

    Taken from the newest snapshot that has the metric in the scope (of the `period` kind, month
    or quarter; by default that snapshot's kind), filled in with older snapshots of the same file
    layout for periods the newest one does not cover. Partial periods (the data covers too little of them) and
    periods with no value are left out. A scope names at most one dimension (snapshots break
    down one dimension at a time); a wider scope has no history.
    """
    if metric not in METRICS:
        raise Reason("{metric!r} is not a metric (one of: {metrics})", metric=metric, metrics=", ".join(METRICS))
    unknown = set(scope) - set(SCOPE_KEYS)
    if unknown:
        raise Reason("scope keys are {keys} (not {unknown})", keys=", ".join(SCOPE_KEYS),
                     unknown=", ".join(sorted(unknown)))
    candidates = [s for s in snapshots if period is None or s.diagnosis.period == period]
    if len(scope) > 1:
        return []
    # a newer snapshot of other data (another team's file, a data set explored) that has no
    # number for this metric in this scope does not take a goal's history away
    candidates = [s for s in candidates if _values(s.diagnosis, metric, scope)]
    if not candidates:
        return []
    newest = max(candidates, key=lambda s: (s.saved_at, _number(s.id)))
    same = sorted((s for s in candidates if s.signature == newest.signature
                   and s.diagnosis.period == newest.diagnosis.period),
                  key=lambda s: (s.saved_at, _number(s.id)))
    values: dict[str, tuple[float, str]] = {}
    for snapshot in same:  # oldest first: newer snapshots overwrite the periods they cover
        values.update({label: (value, snapshot.id) for label, value in _values(snapshot.diagnosis, metric, scope).items()})
    return [{"metric": metric, "scope": dict(scope), "period": period_name(label), "value": value, "snapshot": kept}
            for label, (value, kept) in sorted(values.items())]


def _values(diagnosis: Diagnosis, metric: str, scope: Mapping[str, str]) -> dict[str, float]:
    partial = {row.period for row in diagnosis.periods if row.partial}
    if not scope:
        series: dict[str, Metrics] = {row.period: row.metrics for row in diagnosis.periods}
    else:
        (dimension, wanted), = scope.items()
        groups = diagnosis.breakdowns.get(dimension, [])
        match = next((g for g in groups if g.value == wanted), None) or next(
            (g for g in groups if g.value.casefold() == str(wanted).casefold()), None)
        series = match.periods if match else {}
    out = {}
    for label, metrics in series.items():
        value = getattr(metrics, metric)
        if label not in partial and value is not None:
            out[label] = float(value)
    return out


def _number(item_id: str) -> int:
    return int(item_id.rsplit("-", 1)[1])


#: Without the cycle's dates, a diagnosis saved within this many days counts as this cycle's (a
#: quarter's): the checklist's first step is not ticked by records imported two years ago.
RECENT_DIAGNOSIS_DAYS = 92


def of_this_cycle(saved: date, last_date: date | None, cycle: tuple[date | None, date | None],
                  today: date) -> bool:
    """Whether a diagnosis saved on `saved`, whose records end on `last_date`, is this cycle's:
    saved on or after the cycle's first day (imported during the cycle), or covering the span
    before it (records that reach into the cycle's own length before its start: a lead who
    diagnoses the last quarter in its last week prepares the quarter to come). A board without
    the cycle's dates takes a diagnosis saved in the last RECENT_DIAGNOSIS_DAYS days."""
    from datetime import timedelta

    start, end = cycle
    if start is None:
        return (today - saved).days <= RECENT_DIAGNOSIS_DAYS
    if saved >= start:
        return True
    length = (end - start) if end is not None and end > start else timedelta(days=RECENT_DIAGNOSIS_DAYS)
    return last_date is not None and last_date >= start - length - timedelta(days=1)
