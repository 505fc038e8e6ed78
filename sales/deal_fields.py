"""Importing deals: which column of a file holds which field of a deal, and one row as deal fields.

`map_columns` is the one place column names are matched. It is a minimal matcher for the CRM
headers we know; the diagnosis's column-mapping engine (sales/sales_fields.py, branch
`diagnose`) is meant to replace its body after the merge, keeping this signature.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, tzinfo

from sales.deals import Stage, find_stage

# canonical field -> header names it is known by (normalized: lower case, words joined by _)
DEAL_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("opportunity_id", "deal_id", "opportunity", "id", "crm_id"),
    "title": ("title", "deal", "deal_name", "name", "product", "opportunity_name"),
    "account": ("account", "customer", "company", "client", "account_name"),
    "owner": ("owner", "sales_agent", "agent", "rep", "sales_rep", "salesperson"),
    "stage": ("stage", "deal_stage", "pipeline_stage", "status"),
    "value": ("value", "amount", "close_value", "deal_value", "revenue"),
    "close": ("close", "close_date", "expected_close", "expected_close_date"),
    "opened": ("opened", "engage_date", "created", "created_date", "open_date"),
    "key_account": ("key_account", "key", "strategic"),
    "next_step": ("next_step", "next_action"),
}
IGNORE = ("-", "ignore", "none")
REQUIRED = ("stage",)


class MappingError(ValueError):
    """The columns cannot be mapped; the message says which and how to fix it (--map)."""


def normalize_header(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(header).strip().lower())


def map_columns(headers: Sequence[str], overrides: dict[str, str] | None = None) -> dict[str, str]:
    """{column header: deal field} for the columns we can use; overrides (COLUMN=FIELD) win.

    MappingError if an override names an unknown column or field, or a required field or a
    title (title, account or product) has no column.
    """
    overrides = overrides or {}
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    by_name = {normalize_header(h): h for h in headers}
    for column, field in overrides.items():
        header = column if column in headers else by_name.get(normalize_header(column))
        if header is None:
            raise MappingError(f"--map {column}={field}: the file has no column {column!r} "
                               f"(columns: {', '.join(headers)})")
        field = field.strip().lower()
        if field in IGNORE:
            mapping[header] = ""
            continue
        if field not in DEAL_FIELDS:
            raise MappingError(f"--map {column}={field}: {field!r} is not a deal field "
                               f"(one of: {', '.join(DEAL_FIELDS)}, or - to ignore the column)")
        mapping[header] = field
        taken.add(field)
    for header in headers:
        if header in mapping:
            continue
        name = normalize_header(header)
        for field, names in DEAL_FIELDS.items():
            if field not in taken and name in names:
                mapping[header] = field
                taken.add(field)
                break
    result = {h: f for h, f in mapping.items() if f}
    for field in REQUIRED:
        if field not in taken:
            raise MappingError(f"no column holds the deal's {field} (columns: {', '.join(headers)}); "
                               f"name it with --map COLUMN={field}")
    if not taken & {"title", "account"}:
        raise MappingError(f"no column holds a title or an account (columns: {', '.join(headers)}); "
                           f"name one with --map COLUMN=title")
    return result


def parse_money(text: str) -> float:
    cleaned = text.strip().replace(",", "").replace("$", "").replace("€", "").replace("¥", "")
    if not cleaned:
        return 0.0
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"{text!r} is not an amount") from None
    if value < 0 or value != value:
        raise ValueError(f"{text!r} is not an amount of zero or more")
    return value


def parse_day(text: str) -> date | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned[:10].replace("/", "-"))
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def parse_flag(text: str) -> bool:
    return text.strip().lower() in ("1", "y", "yes", "true", "x", "key")


def entry_stage(rows: Sequence[dict[str, str]], stages: Sequence[Stage]) -> str:
    """The stage a closed deal is taken to have entered on its `opened` date.

    The stage that most of the file's open, dated deals are in (in the CRM dataset: Engaging,
    that is Qualified, since only engaged deals carry an engage date); else the first open stage.
    """
    open_names = [s.name for s in stages if s.outcome == "open"]
    counts: dict[str, int] = {}
    for row in rows:
        if row.get("opened", "").strip() and row.get("stage", "").strip():
            try:
                stage = find_stage(stages, row["stage"])
            except ValueError:
                continue
            if stage.outcome == "open":
                counts[stage.name] = counts.get(stage.name, 0) + 1
    if counts:
        return max(counts, key=lambda name: (counts[name], -open_names.index(name)))
    return open_names[0]


def row_fields(row: dict[str, str], stages: Sequence[Stage], opened_stage: str, now: datetime,
               zone: tzinfo | None) -> dict:
    """One row (field -> text) as the fields of a new deal, with its stage history.

    ValueError("field: reason") on the first bad value. The history: an open deal entered its
    stage on `opened` (or now, without it); a won or lost deal entered `opened_stage` on `opened`
    and its outcome on `close` (or now). A deal with an outcome and no `opened` has one entry.
    """
    def fail(field: str, error: Exception) -> ValueError:
        return ValueError(f"{field}: {error}")

    try:
        stage = find_stage(stages, row.get("stage", ""))
    except ValueError as error:
        raise fail("stage", error) from None
    values = {}
    for field, parse in (("value", parse_money), ("close", parse_day), ("opened", parse_day)):
        try:
            values[field] = parse(row.get(field, ""))
        except ValueError as error:
            raise fail(field, error) from None

    def moment(day: date | None) -> datetime:
        return datetime.combine(day, time(0), tzinfo=zone) if day else now

    opened, close = values["opened"], values["close"]
    if stage.outcome == "open":
        history = [{"stage": stage.name, "at": moment(opened)}]
    elif opened and opened_stage != stage.name:
        if close and close < opened:
            raise fail("close", ValueError(f"{close} is before the deal opened ({opened})"))
        history = [{"stage": opened_stage, "at": moment(opened)}, {"stage": stage.name, "at": moment(close)}]
    else:
        history = [{"stage": stage.name, "at": moment(close)}]
    title = row.get("title", "").strip() or row.get("account", "").strip() or row.get("source", "").strip()
    fields = {"title": title, "account": row.get("account", "").strip(), "stage": stage.name,
              "value": values["value"], "close": close, "history": history,
              "source": row.get("source", "").strip(),
              "key_account": parse_flag(row.get("key_account", "")),
              "next_step": row.get("next_step", "")}
    owner = row.get("owner", "").strip()
    if owner:
        fields["owner"] = owner
    return fields
