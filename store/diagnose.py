"""The one entry point of phase 1: record files in, a Diagnosis snapshot out.

It lives in store because it reads files; all computing happens in sales.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sales.diagnosis import DIMENSIONS, Diagnosis, compute_diagnosis, read_as
from sales.diagnosis_report import REASONS
from sales.errors import Reason, Word
from sales.phrases import Phrase
from sales.record_rules import DROP_REPEATED, drop_non_sales
from sales.sales_fields import IGNORE, ColumnMapping, explain_mapping, map_columns, normalise_header, parse_overrides
from sales.text import listed
from sales.dates import stamp
from store.record_files import RecordsError, _join_key, load_records, read_header, read_table, to_number

if TYPE_CHECKING:
    import pandas as pd

#: A dimension of costs as a message names it.
DIMENSION_WORDS = {"region": Word("region"), "channel": Word("channel"), "rep": Word("rep"),
                   "product_line": Word("product line")}


def read_costs(path: str | Path) -> dict[str, dict[str, float]]:
    """A cost file: one dimension column (region, channel, rep or product line) and a cost
    column, one row per group -> {dimension: {group: cost}} (rows of the same group add up).
    """
    path = Path(path)
    table = read_table(path)
    mapping = map_columns(table.columns)
    cost_column = mapping.column("cost")
    if cost_column is None:
        raise RecordsError(path, "missing required column: a cost column (e.g. 'cost', '成本')")
    dimensions = [d for d in DIMENSIONS if mapping.has(d)]
    if len(dimensions) != 1:
        if not dimensions:
            raise RecordsError(path, "a cost file needs exactly one of these columns: region, channel, rep, "
                                     "product line (found none)")
        raise RecordsError(path, "a cost file needs exactly one of these columns: region, channel, rep, "
                                 "product line (found {found})", found=", ".join(dimensions))
    key_column = mapping.fields[dimensions[0]]
    costs = to_number(table[cost_column], path, cost_column)
    if (costs < 0).any():  # ROI against a negative cost means nothing (and a total of them hides the rest)
        row = int((costs < 0).to_numpy().argmax())
        raise RecordsError(path, "a cost cannot be negative ({value})", cost_column, row + 2,
                           value=str(table[cost_column].iloc[row]))
    keys = table[key_column].astype("string").str.strip()
    if keys.isna().any():
        raise RecordsError(path, "empty group name", key_column, int(keys.isna().to_numpy().argmax()) + 2)
    return {dimensions[0]: {str(k): float(v) for k, v in costs.groupby(keys.to_numpy()).sum().items()}}


def diagnose(paths: str | Path | Sequence[str | Path], overrides: Iterable[str] | Mapping[str, str] | None = None,
             period: str = "month", joins: Sequence[str] = (), date_format: str | None = None,
             costs: str | Path | None = None, now: datetime | None = None,
             reused: Mapping[str, str] | None = None, given_by: str = "--map") -> Diagnosis:
    """Diagnose sales record files.

    paths: one CSV/XLSX file or several of the same layout. overrides: ["COLUMN=FIELD", ...]
    (as after ``--map``). period: "month" or "quarter". joins: ["FILE:KEY", ...] files whose
    columns are added to each row by matching KEY. date_format: strftime format or "dayfirst" /
    "monthfirst" / "iso" for every date column. costs: optional cost file (see read_costs).
    reused: the overrides (among `overrides`) that came from the board's saved mapping, and
    given_by: where the others were given ("--map" or "screen"), for the explanation's words.
    Raises RecordsError (bad file: names file, column, row) or MappingError (bad --map/--join).
    """
    if period not in ("month", "quarter"):
        raise Reason("period must be 'month' or 'quarter', not {period!r}", period=period)
    records = load_records(paths, overrides, joins, date_format)
    frame, dropped, partial = drop_non_sales(records.frame)
    if records.repeated:
        dropped = {DROP_REPEATED: records.repeated, **dropped}
    if len(frame) == 0:
        raise RecordsError(records.sources[0], "no sales rows left after dropping: {reasons}",
                           reasons=_dropped_said(dropped))
    cost_table = read_costs(costs) if costs is not None else None
    mapping = records.mapping
    for dimension in cost_table or ():  # (its costs would weigh on revenue they were not spent on)
        if not mapping.has(dimension):
            raise RecordsError(records.sources[0], "the cost file {name} gives costs by {label}, "
                                                   "but the sales records have no {label} column", map_to=dimension,
                               name=Path(costs).name, label=DIMENSION_WORDS[dimension])
    notes = list(records.notes)
    for hint in (products_file_hint(Path(records.sources[0]), mapping),
                 regions_file_hint(Path(records.sources[0]), mapping)):
        if hint is not None:
            notes.append(hint)
    if cost_table is not None:
        cost_table, said = _matched_costs(cost_table, frame, Path(costs).name)  # type: ignore[arg-type]
        notes.append(said)
    source = read_as(files=records.sources, mapping=dict(mapping.fields), derived=dict(mapping.derived),
                     ignored_columns=list(mapping.ignored), explanation=explain_mapping(mapping, given_by, _fields(reused)),
                     date_formats=records.date_formats, notes=notes)
    return compute_diagnosis(frame, period=period, source=source, rows_read=records.rows_read,
                             dropped=dropped, partial=partial, costs=cost_table,
                             created_at=stamp(now or datetime.now(timezone.utc)))


#: Files beside a record file that may give each product's line (a CRM's products.csv), by name.
_PRODUCT_FILE = re.compile(r"product|产品|產品|商品", re.IGNORECASE)
#: ... and each rep's region (a CRM's sales_teams.csv: sales_agent -> regional_office), by name.
_TEAM_FILE = re.compile(r"team|agent|rep|staff|people|团队|團隊|销售员|銷售員|人员", re.IGNORECASE)
_FILES_LOOKED_AT = 5


def products_file_hint(main: Path, mapping: ColumnMapping) -> Phrase | None:
    """With a product column but no product line (none in the file or a joined one): the file beside the
    main one that gives each product its line (its name says products, its columns a product and a
    product line: the CRM's products.csv, whose `series` is one), said as the join that adds it.
    A suggestion, never a join made unasked: which file belongs to the records is the person's call."""
    found = _file_beside(main, mapping, "product", "product_line", _PRODUCT_FILE)
    if found is None:
        return None
    name, column, key = found
    return Phrase("no product line column: {file} gives each product's line ({line}); "
                  "--join {file}:{key} adds it", file=name, line=repr(column), key=key)


def regions_file_hint(main: Path, mapping: ColumnMapping) -> Phrase | None:
    """With a rep column but no region: the file beside the main one that gives each rep a region
    (its name says team, agent or rep; its columns the records' rep column and a region, as the
    CRM's sales_teams.csv gives `regional_office`), said as the join that adds it, as
    products_file_hint does for product lines: without it the region view was silently missing."""
    found = _file_beside(main, mapping, "rep", "region", _TEAM_FILE)
    if found is None:
        return None
    name, column, key = found
    return Phrase("no region column: {file} gives each rep's region ({region}); --join {file}:{key} adds it",
                  file=name, region=repr(column), key=key)


def _file_beside(main: Path, mapping: ColumnMapping, field: str, wanted: str,
                 named: re.Pattern) -> tuple[str, str, str] | None:
    """(file name, its `wanted` column, the join's key) of the first file beside `main` whose name
    matches `named` and whose columns hold the records' `field` column and a `wanted` one."""
    column = mapping.column(field)
    if column is None or mapping.has(wanted):
        return None
    try:
        beside = sorted(p for p in main.parent.iterdir() if p != main and p.suffix.lower() in (".csv", ".xlsx", ".xls")
                        and named.search(p.stem))[:_FILES_LOOKED_AT]
    except OSError:
        return None
    for path in beside:
        try:
            header = read_header(path)
        except (RecordsError, OSError, UnicodeError, ValueError):
            continue
        key = next((c for c in header if normalise_header(c) == normalise_header(column)), None)
        found = map_columns(header).column(wanted)
        if key is not None and found is not None and found != key:
            return path.name, found, column if key == column else f"{column}={key}"
    return None


def _matched_costs(costs: dict[str, dict[str, float]], frame: "pd.DataFrame",
                   name: str) -> tuple[dict[str, dict[str, float]], Phrase]:
    """The cost file's groups in the records' spelling, matched as a join's keys are (without
    case, spaces or punctuation: "WEST" is West), and what "how the file was read" says of it:
    a group of the cost file that no sales have (a typo: "Westt") and a group of the sales that
    has no cost each get no ROI, and would otherwise go unnoticed."""
    import pandas as pd

    [(dimension, by_group)] = costs.items()
    sold = frame[dimension].dropna().astype("string").str.strip()
    spelled = dict(zip(_join_key(sold), sold))
    matched: dict[str, float] = {}
    unsold = []
    for (group, cost), key in zip(by_group.items(), _join_key(pd.Series(list(by_group), dtype="string"))):
        if key in spelled:
            matched[spelled[key]] = matched.get(spelled[key], 0.0) + cost
        else:
            matched[group] = cost
            unsold.append(group)
    uncosted = sorted({g for g in spelled.values() if g not in matched})
    said = dict(file=name, label=DIMENSION_WORDS[dimension], unsold=listed(map(repr, unsold), 5),
                uncosted=listed(map(repr, uncosted), 5))
    if unsold and uncosted:
        text = Phrase("costs from {file} by {label}; no sales for {unsold}; no cost for {uncosted}", **said)
    elif unsold:
        text = Phrase("costs from {file} by {label}; no sales for {unsold}", **said)
    elif uncosted:
        text = Phrase("costs from {file} by {label}; no cost for {uncosted}", **said)
    else:
        text = Phrase("costs from {file} by {label}", **said)
    return {dimension: matched}, text


def _dropped_said(dropped: Mapping[str, int]) -> Phrase:
    """`open deal (...): 2; cancellation or return (...): 1`, as the report's "Dropped rows" line
    says it, and said in the interface's language with the error (the reasons are Phrases)."""
    parts = [Phrase("{reason}: {count}", reason=REASONS.get(why, why), count=f"{n:,}") for why, n in dropped.items()]
    said = parts[-1]
    for part in reversed(parts[:-1]):
        said = Phrase("{first}; {rest}", first=part, rest=said)
    return said


def _fields(overrides: Mapping[str, str] | None) -> set[str]:
    """The fields some overrides set (a column left out sets none)."""
    return {f for f in parse_overrides(overrides).values() if f != IGNORE}
