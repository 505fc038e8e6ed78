"""What changed in the pipeline (sales/movement.py) in the interface's words, the same for
`uplift weekly` and the weekly review screen: the waterfall's rows and the lines under it."""

from __future__ import annotations

from sales.movement import Change, Movement
from tui.i18n import N_, _, bracketed, enumerated
from tui.number_text import num_or_dash

COLUMNS = (N_("Pipeline"), N_("Deals"), N_("Value"), N_("Which"))
IDS_SHOWN = 5
# (sign, label, the Movement's list) of each line between the start and the end
LINES = (("+", N_("new"), "new"), ("+", N_("reopened"), "reopened"), ("+", N_("increased"), "increased"),
         ("−", N_("decreased"), "decreased"), ("−", N_("won"), "won"), ("−", N_("lost"), "lost"),
         ("−", N_("removed"), "removed"))


def _ids(changes: list[Change], details: bool = False) -> str:
    shown = [c.id + (bracketed(c.detail) if details and c.detail else "") for c in changes[:IDS_SHOWN]]
    return enumerated(shown, more=len(changes) > IDS_SHOWN)


def title(result: Movement) -> str:
    return _("The pipeline from {start} to {end}").format(start=f"{result.start:%Y-%m-%d %H:%M}",
                                                          end=f"{result.end:%Y-%m-%d %H:%M}")


def waterfall_rows(result: Movement) -> list[list[str]]:
    """Open at the start, each line that moved it, open at the end (with the net change)."""
    (count, value), (end_count, end_value) = result.open_start, result.open_end
    rows = [[_("open at the start"), str(count), num_or_dash(value), ""]]
    for sign, label, key in LINES:
        changes = getattr(result, key)
        if changes:
            rows.append([f"{sign} {_(label)}", str(len(changes)),
                         num_or_dash(sum(c.amount for c in changes)), _ids(changes, details=key == "lost")])
    net = result.net
    rows.append([_("open at the end"), str(end_count), num_or_dash(end_value),
                 _("net {change}").format(change=("+" if net > 0 else "−" if net < 0 else "±") + num_or_dash(abs(net)))])
    return rows


def row_deals(result: Movement) -> list[str | None]:
    """The biggest deal of each of waterfall_rows' rows (None for the start and the end): where
    enter on a row goes."""
    lines = [getattr(result, key) for _sign, _label, key in LINES]
    return [None, *(changes[0].id for changes in lines if changes), None]


def step_lines(result: Movement) -> list[str]:
    """The moves within the open pipeline: stages advanced and moved back, close dates moved."""
    found = []
    for label, changes in ((N_("Advanced: {ids}"), result.advanced), (N_("Moved back: {ids}"), result.moved_back),
                           (N_("Close date pushed out: {ids}"), result.pushed),
                           (N_("Close date pulled in: {ids}"), result.pulled_in)):
        if changes:
            found.append(_(label).format(ids=_ids(changes, details=True)))
    if not found and len(waterfall_rows(result)) == 2:
        found.append(_("Nothing moved in the pipeline."))
    return found
