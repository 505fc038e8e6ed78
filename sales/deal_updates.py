"""A deal met again in an import: a CRM's export of the same deals, re-exported every week, whose
rows name the deals by the CRM's id (the deal's `source`). What the file changes of it.

The file is the CRM's word on its deals, within two limits. A blank cell leaves the field as the
board has it (as HubSpot's and Pipedrive's imports do: an export without next steps does not
wipe the team's). A deal won or lost on the board is not moved by a file that has it elsewhere
(open again, or closed the other way): that changes what is paid for it, so the board keeps it as
it is and the import says so, for a person to decide (`deal move`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import msgspec

from sales.deals import Deal

#: The fields a file's column updates on a deal already on the board, each from its own column
#: (a title only from a title column: a file without one names its deals by product or account).
#: Splits and payments are not among them: the board records those itself (`deal edit --split`,
#: `deal paid`), and a CRM's export does not hold them.
UPDATED = ("title", "account", "product", "key_account", "owner", "value", "close", "next_step", "forecast",
           "business", "lost_reason", "strategy")
#: What a blank cell makes a field in a bulk edit of the board's own list (`clear`): cleared, as a
#: spreadsheet user emptying it means (a title cannot be: a blank one is an error)
CLEARED = {"account": "", "product": "", "key_account": False, "owner": None, "value": 0, "close": None,
           "next_step": "", "forecast": "auto", "business": "auto", "lost_reason": "", "strategy": None}


def updated_fields(old: Deal, row: Mapping[str, str], fields: Mapping, outcomes: Mapping[str, str],
                   now: datetime, clear: bool = False) -> tuple[dict, bool] | None:
    """The fields of `old` as the file's row leaves them (the whole deal, as builtins; the same as
    `old`'s when nothing changed) and whether it was won with no close date, or None when the row
    would move a deal the board has closed to another outcome (the board keeps it).

    `row` is the row's text by field (a blank cell leaves its field; with `clear`, the board's own
    list edited in a sheet, it clears it: CLEARED), `fields` the row read as a
    new deal's fields (sales.deal_fields.row_fields, its owner found among the members, or left
    out when the import leaves such owners out). A new stage is entered now, or, for a won or
    lost one, on the day the file says the deal closed (never before the stage it leaves, nor
    after now); a deal won with no close date closed today, as one moved to won does.
    """
    data = msgspec.to_builtins(old)
    stage = fields["stage"]
    was, becomes = outcomes.get(old.stage, "open"), outcomes.get(stage, "open")
    if was != "open" and becomes != was:
        return None
    for field in UPDATED:
        if field == "owner" and "owner" in fields:
            data["owner"] = fields["owner"]
        elif field != "owner" and field in row and row[field].strip():
            data[field] = fields[field]
        elif clear and field in row and field in CLEARED and not row[field].strip():
            data[field] = CLEARED[field]
    closes_today = False
    if stage != old.stage:
        at = now
        if becomes != "open":  # won or lost on the file's day for it (its closed, else its close date)
            at = min(max(fields["history"][-1]["at"], old.history[-1].at if old.history else at), now)
        data["history"] = [*data["history"], {"stage": stage, "at": at}]
        data["stage"] = stage
        if becomes != "lost":
            data["lost_reason"] = ""  # a reopened deal is no longer lost, nor for that reason
        if becomes == "won" and not data.get("close"):
            data["close"], closes_today = now.date(), True
    return data, closes_today

