"""Win/loss (sales/winloss.py) in the interface's words, the same for `uplift winloss` and the
win/loss screen: the title, the summary, the rows of its tables and the notes."""

from __future__ import annotations

from sales.winloss import NO_PRODUCT, UNASSIGNED, LossRow, WinLoss, WinLossRow, stage_label
from tui.i18n import N_, _, enumerated, n_, say
from tui.number_text import num_or_dash, pct_or_dash

#: The reasons a lost deal is offered when a board has none yet, in the reader's language
#: (sales.winloss.LOST_REASONS is the English list; the board keeps what was typed).
USUAL_REASONS = (N_("price"), N_("competitor"), N_("no budget"), N_("timing"), N_("no decision"),
                 N_("product fit"), N_("went silent"))
SPLIT_COLUMNS = (N_("Won"), N_("Lost"), N_("Win rate"), N_("Won value"), N_("Lost value"), N_("By value"))
LOSS_COLUMNS = (N_("Deals"), N_("Value lost"), N_("Share"), N_("Which"))
IDS_SHOWN = 6


def usual_reasons() -> list[str]:
    return [_(reason) for reason in USUAL_REASONS]


def title(result: WinLoss) -> str:
    if result.start or result.end:
        return _("Win/loss of the deals closed {start} to {end}").format(start=result.start or "…",
                                                                       end=result.end or "…")
    return _("Win/loss of every deal closed (no cycle dates set)")


def summary(result: WinLoss) -> list[str]:
    total = result.total
    if not total.closed:
        return [_("No deal was won or lost in this window.")]
    lines = [_("Won {won} of {closed} ({rate}) · {won_value} of {value} by value ({value_rate})").format(
        won=f"{total.won:,}", closed=f"{total.closed:,}", rate=pct_or_dash(total.win_rate),
        won_value=num_or_dash(total.won_value), value=num_or_dash(total.won_value + total.lost_value),
        value_rate=pct_or_dash(total.value_win_rate))]
    if total.lost and not total.lost_value:  # (CRM exports often keep no value on a lost deal)
        lines[0] += " · " + _("the lost deals carry no value, so by value says little")
    lines.append(_("Days from first stage to close (median): won {won}, lost {lost}").format(
        won=num_or_dash(result.days_to_win), lost=num_or_dash(result.days_to_lose)))
    if result.reasons:
        top = result.reasons[0]
        count = n_("{count} deal", "{count} deals", len(top.deals)).format(count=len(top.deals))
        lines.append(_("Lost most to {reason}: {count}, {share} of the value lost").format(
            reason=top.name, count=count, share=pct_or_dash(top.share)))
    return lines


def named(rows: list[WinLossRow]) -> bool:
    """Whether a breakdown says anything: some row names a rep or product (not only `–`)."""
    return any(row.name not in (NO_PRODUCT, UNASSIGNED) for row in rows)


def split_cells(row: WinLossRow, name: str | None = None) -> list[str]:
    """A rep's or a product's row (`name` in place of the row's own, for the total)."""
    return [name if name is not None else row.name, str(row.won), str(row.lost), pct_or_dash(row.win_rate),
            num_or_dash(row.won_value), num_or_dash(row.lost_value), pct_or_dash(row.value_win_rate)]


def stage_name(name: str) -> str:
    return say(stage_label(name))


def loss_cells(row: LossRow, name: str) -> list[str]:
    shown = enumerated(row.deals[:IDS_SHOWN], more=len(row.deals) > IDS_SHOWN)
    return [name, str(len(row.deals)), num_or_dash(row.value), pct_or_dash(row.share), shown]


def reason_rows(result: WinLoss) -> list[list[str]]:
    return [loss_cells(row, row.name) for row in result.reasons]


def lost_at_rows(result: WinLoss) -> list[list[str]]:
    return [loss_cells(row, stage_name(row.name)) for row in result.lost_at]


#: The tables of a win/loss, in the order they are shown: (id, heading, columns).
TABLES = (("winloss-reps", N_("Rep"), SPLIT_COLUMNS), ("winloss-products", N_("Product"), SPLIT_COLUMNS),
          ("winloss-reasons", N_("Why lost"), LOSS_COLUMNS), ("winloss-stages", N_("Lost at"), LOSS_COLUMNS))


def tables(result: WinLoss) -> dict[str, tuple[bool, list[tuple[str, list[str]]]]]:
    """Each table of TABLES (by its id): whether it says anything, and its rows as (key, cells).
    None does before a deal has closed; the reps' and the products' only where a row names one
    (the total under them), why and where deals were lost only where some were. A row's key is
    what the screen's enter shows: `rep:NAME`, or the biggest deal lost for that reason or there."""
    total = split_cells(result.total, _("all"))
    rows = {"winloss-reps": [(f"rep:{r.name}", split_cells(r)) for r in result.by_rep] + [("all", total)],
            "winloss-products": [(f"product:{r.name}", split_cells(r)) for r in result.by_product] + [("all", total)],
            "winloss-reasons": [(r.deals[0], cells) for r, cells in zip(result.reasons, reason_rows(result))],
            "winloss-stages": [(r.deals[0], cells) for r, cells in zip(result.lost_at, lost_at_rows(result))]}
    said = {"winloss-reps": named(result.by_rep), "winloss-products": named(result.by_product)}
    return {table_id: (bool(result.total.closed) and bool(shown) and said.get(table_id, True), shown)
            for table_id, shown in rows.items()}


def notes(result: WinLoss) -> list[str]:
    if not result.no_reason:
        return []
    shown = enumerated(result.no_reason[:IDS_SHOWN], more=len(result.no_reason) > IDS_SHOWN)
    return [_("Lost with no reason given: {ids} (say why with `uplift deal edit ID --lost-reason TEXT`, "
              "or e on the pipeline)").format(ids=shown)]
