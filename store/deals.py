"""The deal pipeline of a board (phase 4): deals, stages, weekly snapshots and the deals import.

Every transaction that adds, deletes or moves a deal (through this API, a plan import or any
other) also writes this ISO week's pipeline snapshot (the count per stage), so the funnel's
sparklines need no cron job to be right; `uplift snapshot` takes one on demand as well (for weeks
in which nothing moved). The snapshot is kept up to date by difference: this week's counts plus
what the transaction changes, so a move costs the same at 50 deals or 50,000; the first change of
a week (no snapshot yet) and `uplift snapshot` count every deal.
"""

from __future__ import annotations

import math
import shlex
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec

from sales.activity import Activity
from sales.board_mark import BOARD_COLUMN, elsewhere
from sales.deal_fields import (
    MappingError,
    day_first,
    entry_stage,
    is_export,
    map_columns,
    outcome_field,
    pipeline_column,
    row_fields,
)
from sales.deal_updates import updated_fields
from sales.deals import (
    DEFAULT_STAGES,
    Deal,
    FunnelRow,
    Stage,
    check_stages,
    find_stage,
    funnel,
    outcome_of,
    paid_on,
    iso_week,
    pipeline_order,
    renamed,
    stage_renames,
    stranded,
    week_doc_id,
    weekly_series,
)
from sales.errors import Invalid, NotFound, Reason, Refused, nothing_imported_maybe_own
from sales.ids import format_id, repeated_id
from sales.members import member_for, name_for
from sales.movement import Movement, movement, states_at, wanted
from sales.plan_records import dated_otherwise
from sales.splits import Split, read_splits, split_rep_problem
from sales.text import clean_line, formula_unguarded, listed
from sales.validation import convert
from sales.winloss import LOST_REASONS, WinLoss, known_reasons, spelled_as, win_loss
from sales.dates import stamp
from store.board_core import BoardCore, Transaction, before_commit, changed_keys, given, owner_or_actor

EDITABLE = ("title", "account", "product", "key_account", "owner", "stage", "value", "close", "next_step", "next_due",
            "forecast", "lost_reason", "splits", "business", "strategy")
MOVE_KEYS = {"stage", "history", "lost_reason"}  # a move may say (or drop) why the deal was lost


class _Week(msgspec.Struct):
    """A weekly pipeline snapshot as stored (the document `_put_snapshot` writes)."""

    week: str
    counts: dict[str, int]


class DealChanges(BoardCore):
    # ------------------------------------------------------------------ stages

    def stages(self) -> list[Stage]:
        configured = self.meta().get("stages")
        if not configured:
            return list(DEFAULT_STAGES)
        return self.setting("stages", list[Stage])

    def set_stages(self, stages: list[dict | Stage]) -> list[Stage]:
        """Replace the pipeline's stages (lead only). A stage that holds deals must stay."""
        def build(tx: Transaction) -> list[Stage]:
            self._check("pipeline.settings")
            new = convert([msgspec.to_builtins(s) for s in stages], list[Stage], "stages")
            try:
                check_stages(new)
            except ValueError as error:
                raise Invalid("stages", error) from None
            if held := stranded(self.deals(), new):
                raise Invalid("stages", "deals are still in {held}; move them first", held=held)
            old = self.meta()
            after = {**old, "stages": msgspec.to_builtins(new)}
            # an empty stage renamed in its place keeps its weekly counts (sales.deals.stage_renames)
            names = renamed(old.get("stage_names", {}), stage_renames(self.stages(), new, {}, {}), new)
            if names != old.get("stage_names", {}):
                after["stage_names"] = names
            tx.put("pipeline.stages", "board", "board", "meta", 1, old, after)
            return new
        return self._transact(build)

    def stage(self, text: str) -> Stage:
        try:
            return find_stage(self.stages(), text)
        except ValueError as error:
            raise Invalid("stage", error) from None

    # ------------------------------------------------------------------ reading

    def deals(self) -> list[Deal]:
        """All deals, biggest first (after a change, only the changed deals are converted again)."""
        return self._models("deals", "deals", Deal, key=pipeline_order)

    def deal(self, deal_id: str) -> Deal:
        return self._get("deal", deal_id)

    def pipeline_snapshots(self) -> dict[str, dict[str, int]]:
        """Weekly pipeline snapshots: {"2026-W47": {stage: count}}."""
        weeks = self._models("deals", "weeks", _Week, key=lambda w: w.week)
        names = self.setting("stage_names", dict[str, str], {})  # a stage renamed: its weeks go with it
        taken: dict[str, dict[str, int]] = {}
        for week in weeks:
            counts: dict[str, int] = {}
            for stage, count in week.counts.items():
                counts[names.get(stage, stage)] = counts.get(names.get(stage, stage), 0) + count
            taken[week.week] = counts
        return taken

    def funnel(self, weeks: int = 12) -> list[FunnelRow]:
        """The funnel per stage, each row with its weekly counts over the last `weeks` weeks
        (1 to 520, ten years: 0 or fewer, or a number too big for a date, was a crash)."""
        if not 1 <= weeks <= 520:
            raise Invalid("weeks", "a trend of 1 to 520 weeks, not {weeks}", weeks=weeks)
        stages = self.stages()
        rows = funnel(self.deals(), stages)
        series = weekly_series(self.pipeline_snapshots(), stages, self.today(), weeks)
        for row in rows:
            row.trend = series[row.stage]
        return rows

    # ------------------------------------------------------------------ changes

    def add_deal(self, title: str, **fields: Any) -> Deal:
        """A new deal, in the first stage unless given; its owner is the actor unless given
        (`owner` left out or None), nobody when `owner=""` (`deal add --owner ""`)."""
        def build(tx: Transaction) -> Deal:
            data = {"title": title, **given({k: v for k, v in fields.items() if k in EDITABLE})}
            data["owner"] = owner_or_actor(self, data.get("owner"))
            self._check("deal.add", new_owner=data["owner"])
            if data.get("splits"):
                self._check("deal.split")
            stages = self.stages()
            stage = self.stage(data["stage"]) if data.get("stage") else stages[0]
            data["stage"] = stage.name
            if stage.outcome == "won" and not data.get("close"):
                data["close"] = self.today().isoformat()  # won as it is made: it closed today
            data["history"] = [{"stage": stage.name, "at": self.clock().replace(microsecond=0)}]
            deal = self._validate_deal({**data, "id": format_id("deal", tx.nextnumber("deal"))})
            self._put_new(tx, "deal.add", "deal", deal)
            return deal
        return self._transact(build)

    def update_deal(self, deal_id: str, **fields: Any) -> Deal:
        """Change some fields (None leaves a field, "" clears it); a new stage is recorded with its time."""
        return self._transact(lambda tx: self._update_deal_in(tx, deal_id, fields))

    def _update_deal_in(self, tx: Transaction, deal_id: str, fields: dict[str, Any]) -> Deal:
        """One deal's change, made in the transaction `tx` (closing its tasks, or logging an activity,
        goes with it; see `update_deal`)."""
        old = self.deal(deal_id)
        changes = {k: v for k, v in fields.items() if k in EDITABLE and v is not None}
        data = {**msgspec.to_builtins(old), **changes}
        if "stage" in changes:
            data["stage"] = self.stage(changes["stage"]).name
        if data["stage"] != old.stage:
            entered = {"stage": data["stage"], "at": self.clock().replace(microsecond=0)}
            data["history"] = data["history"] + [entered]
            if "lost_reason" not in changes:
                data["lost_reason"] = ""  # a reopened deal is no longer lost, nor for that reason
        data = {k: v for k, v in data.items() if v != "" or k in ("account", "product", "next_step")}
        # won without an expected close date: it closed today (part of the move, not an edit)
        closes = data["stage"] != old.stage and not data.get("close") and self.stage(data["stage"]).outcome == "won"
        if closes:
            data["close"] = self.today().isoformat()
        moves = MOVE_KEYS | ({"close"} if closes else set())
        before = msgspec.to_builtins(old)
        touched = {k for k in {**before, **data} if before.get(k) != data.get(k)}
        self._check("deal.move" if "stage" in touched and touched <= moves else "deal.edit",
                    owner=old.owner, new_owner=data.get("owner"))
        if "splits" in touched:
            self._check("deal.split")
        new = self._validate_deal(data, old)
        keys = changed_keys(old, new)
        if not keys:
            return old
        action = "deal.move" if "stage" in keys and keys <= moves else "deal.edit"
        self._put_update(tx, action, "deal", old, new)
        return new

    def record_payment(self, deal_id: str, amount: float, on: date | None = None, note: str = "") -> Deal:
        """Record money the customer paid on a won deal (`deal.paid`: a lead's, as it releases
        commission under `release: paid`). Several payments add up, to the deal's value at most."""
        def build(tx: Transaction) -> Deal:
            old = self.deal(deal_id)
            self._check("deal.paid", owner=old.owner, new_owner=old.owner)
            if outcome_of(old, self.stages()) != "won":
                raise Refused("{id} is in {stage}, not won: a payment is recorded on a won deal", id=old.id, stage=old.stage)
            try:
                paid = float(amount)
            except (TypeError, ValueError):
                raise Invalid("amount", "{amount!r} is not an amount", amount=amount) from None
            if not math.isfinite(paid) or round(paid, 2) <= 0:
                raise Invalid("amount", "a payment is more than 0, not {paid:g}", paid=paid)
            paid = round(paid, 2)
            left = round(old.value - paid_on(old), 2)
            if paid > left:
                raise Invalid("amount", "{paid:,.2f} is more than is left to pay on {id}: {left:,.2f} of {value:,.2f}",
                              paid=paid, id=old.id, left=left, value=old.value)
            payment = {"amount": paid, "on": (on or self.today()).isoformat(), "note": note}
            new = self._validate_deal({**msgspec.to_builtins(old),
                                       "payments": [*msgspec.to_builtins(old.payments), payment]}, old)
            self._put_update(tx, "deal.paid", "deal", old, new)
            return new
        return self._transact(build)

    def move_deal(self, deal_id: str, stage: str, reason: str | None = None, close_tasks: bool = False) -> Deal:
        """Move a deal; `reason` says why, when the stage is the lost one (in the spelling the
        board already uses for it, if it has one: `Competitor ` is `competitor`). `close_tasks`: won
        or lost, its open follow-ups are marked done in the same change (one undo takes all back;
        each as `task move` would, a refusal stops them all)."""
        if reason:
            reason = spelled_as(reason, self.lost_reasons(()))

        def build(tx: Transaction) -> Deal:
            deal = self._update_deal_in(tx, deal_id, {"stage": stage, "lost_reason": reason})
            if close_tasks and self.stage(deal.stage).outcome != "open":
                self._each_task([t.id for t in self.open_tasks_for(deal.id)],
                                lambda task_id: self._update_in(tx, task_id, {"status": "done"}))
            return deal
        return self._transact(build)

    def deals_at(self, moments: Sequence[datetime], born: dict[str, dict] | None = None) -> list[dict[str, dict]]:
        """The deals (id -> fields) as they stood at each of `moments`, rebuilt from the deals now
        and the activity log, read back no further than the earliest (sales.movement.states_at;
        `born` gets the deals made since, as they were made)."""
        now = {deal.id: msgspec.to_builtins(deal) for deal in self.deals()}
        return states_at(now, self.log.newest_first(where=wanted(min(moments))), moments, born)

    def movement(self, start: datetime, end: datetime | None = None) -> Movement:
        """What changed in the pipeline from `start` to `end` (now), as a waterfall (sales/movement.py)."""
        end = end or self.clock()
        born: dict[str, dict] = {}
        at_start, at_end = self.deals_at([start, end], born)
        return movement(at_start, at_end, self.stages(), start, end, born)

    def week_movement(self, day: date) -> Movement:
        """What changed in the pipeline in the ISO week of `day`: from its Monday, midnight on the
        board's clock, to the next Monday (or now, for this week)."""
        from store.burnup import midnight  # (each Monday at its own offset, summer time or not)

        now = self.clock().replace(microsecond=0)  # (to the second, as every time `--json` prints)
        monday = day - timedelta(days=day.weekday())
        return self.movement(midnight(monday, now), min(now, midnight(monday + timedelta(days=7), now)))

    def lost_reasons(self, usual: Sequence[str] = LOST_REASONS) -> list[str]:
        """The reasons to offer for a lost deal: the board's own, most used first, then `usual`."""
        return known_reasons(self.deals(), usual)

    def win_loss(self, start: date | None = None, end: date | None = None, owner: str | None = None) -> WinLoss:
        """Win/loss of the deals closed from `start` to `end` (sales/winloss.py); without
        either, the plan's period bounds it (all time when the plan has none)."""
        if start is None and end is None:
            start, end = self.period()
        if start and end and end < start:
            raise Invalid("until", "{end} is before {start}", end=end, start=start)
        deals = self.deals()
        if owner is not None and owner not in {m.name for m in self.members()} | {d.owner for d in deals}:
            raise NotFound("{owner!r} is not a member of this board and owns no deal", owner=owner)
        return win_loss(deals, self.stages(), start, end, owner)

    def delete_deal(self, deal_id: str) -> Deal:
        def build(tx: Transaction) -> Deal:
            old = self.deal(deal_id)
            self._check("deal.delete", owner=old.owner, new_owner=None)
            self._put_delete_linked(tx, "deal.delete", "deal", old)  # its tasks stay, unlinked
            return old
        return self._transact(build)

    def take_snapshot(self) -> dict:
        """This week's counts per stage, written now (`uplift snapshot`, e.g. from cron);
        `written` is False when this week's snapshot already held them (nothing written, nor
        logged: a cron job run every hour adds nothing to the log while nothing moves)."""
        def build(tx: Transaction) -> dict:
            self._check("pipeline.snapshot")
            counts = self._counts_after(tx, recount=True)
            week = iso_week(self.today())
            kept = self._doc("deals", "weeks", week_doc_id(self.today())) or {}
            written = (kept.get("week"), kept.get("counts")) != (week, counts)
            if written:
                self._put_snapshot(tx, counts, force=True)
            return {"week": week, "counts": counts, "written": written}
        return self._transact(build)

    def _validate_deal(self, data: dict, old: Deal | None = None) -> Deal:
        """`data` as a checked deal. Its owner and split reps must be members (reps, for a
        split), unless the deal had them already (see TaskChanges._validate_task)."""
        if data.get("splits"):  # (checked first, so that the problem names the splits, not the deal)
            read_splits(data.get("owner"), data["splits"])
        deal = convert(data, Deal)
        if deal.owner is not None and (old is None or deal.owner != old.owner):
            self._check_member(deal.owner, "owner")
        if deal.strategy is not None:  # (as a task's: a link to a strategy the board has)
            deal.strategy = self._check_link("strategy", deal.strategy)
        had = {split.rep for split in old.splits} if old else set()
        roles = {m.name: m.role for m in self.members()} if deal.splits else {}
        for split in deal.splits:
            if split.rep not in had and (why := split_rep_problem(split.rep, roles)) is not None:
                raise Invalid("splits", why)
        outcomes = {s.name: s.outcome for s in self.stages()}
        if deal.stage not in outcomes:
            raise Invalid("stage", "{stage!r} is not a stage of this pipeline", stage=deal.stage)
        if deal.lost_reason and outcomes[deal.stage] != "lost":
            raise Invalid("lost_reason", "only a lost deal has a lost reason ({id} is in {stage})", id=deal.id, stage=deal.stage)
        return deal

    @before_commit
    def _snapshot_moves(self, tx: Transaction) -> None:
        """A transaction that changes which stage holds how many deals writes this week's snapshot."""
        if any(_moves_a_deal(op) for op in tx.ops) and not any(
                (op.file, op.table) == ("deals", "weeks") for op in tx.ops):  # unless it wrote one
            self._put_snapshot(tx, self._counts_after(tx))

    def _counts_after(self, tx: Transaction, recount: bool = False) -> dict[str, int]:
        """Deals per stage once `tx` is applied: this week's snapshot plus the transaction's moves,
        or (with `recount`, or no snapshot yet this week) a count of every deal."""
        snapshot = None if recount else self._doc("deals", "weeks", week_doc_id(self.today()))
        week = None
        if snapshot is not None:
            try:
                week = msgspec.convert(snapshot, _Week)
            except msgspec.ValidationError:
                pass  # damaged by hand: counted again, and written over
        # else through the models: a hand-damaged deal is reported as such, not as a KeyError
        counts = Counter(week.counts if week else (deal.stage for deal in self.deals()))
        first: dict[int, dict | None] = {}
        last: dict[int, dict | None] = {}
        for op in tx.ops:
            if op.file == "deals" and op.table == "deals":
                first.setdefault(op.doc_id, op.before)
                last[op.doc_id] = op.after
        for doc_id, before in first.items():
            if before is not None:
                counts[before["stage"]] -= 1
            if last[doc_id] is not None:
                counts[last[doc_id]["stage"]] += 1
        return {stage.name: max(counts.get(stage.name, 0), 0) for stage in _stages_after(tx, self.stages())}

    def _put_snapshot(self, tx: Transaction, counts: dict[str, int], force: bool = False) -> None:
        """Write this week's snapshot into the transaction (unless nothing it holds changed)."""
        today = self.today()
        doc_id = week_doc_id(today)
        before = self._doc("deals", "weeks", doc_id)
        if before and before.get("counts") == counts and not force:
            return
        after = {"week": iso_week(today), "at": stamp(self.clock()), "counts": counts}
        tx.put("pipeline.snapshot", iso_week(today), "deals", "weeks", doc_id, before, after)

    # ------------------------------------------------------------------ import

    def import_deals(self, path: str | Path, overrides: dict[str, str] | None = None, *,
                     unowned: bool = False, dry_run: bool = False, name: str | None = None,
                     stage_names: dict[str, str] | None = None, owners: dict[str, str] | None = None,
                     date_order: str | None = None, pipeline: str | None = None, with_deleted: bool = False) -> dict:
        """Add every row of a CSV/XLSX file as a deal, in one transaction: all or nothing.

        Bad rows are reported with their row number (Invalid, nothing written). Owners who are
        not members of a board that has members are an error too, unless `unowned`: then those
        deals come in without an owner (and the report counts them), and a deal the board has
        keeps its own. A row whose source id (a CRM's id: opportunity_id, HubSpot's Record ID) is
        a deal's on the board updates that deal as sales.deal_updates says (`updated`,
        `unchanged`, `kept` in the report), each change checked as `deal edit` checks it: a CRM's
        weekly export imported again adds only its new deals; so does a row of the board's own
        `deal list --csv` whose id is a deal of the board with its title or account (a bulk edit).
        Messages name the file as `name` when given (a file that came through standard input).
        `stage_names` (the file's stage -> the board's) reads a CRM's own stages, `owners` (the
        file's owner -> a member) its people named otherwise (`Ali Khan` is ali); dates written
        day and month first are read in the order each column shows, or `date_order` ("dayfirst"
        or "monthfirst") gives. A file whose pipeline column names several pipelines is
        imported whole and said (`pipelines`), or, given `pipeline`, only that one's rows.
        A row whose source is a deal deleted on the board (the log's record of the deletion) is
        left out and said (`deleted`), unless `with_deleted`: a CRM keeps a deal the team deleted
        as junk, and its weekly export would bring it back each week.
        """
        from store.deal_files import read_rows

        headers, rows = read_rows(path, name)
        # a report's footer under its rows (Salesforce's copyright, "Confidential Information",
        # "Generated By"), each line in the first column alone: no deal, left out and said
        footer = []
        while len(headers) >= 3 and len(rows) > 1 and not any(v.strip() for v in list(rows[-1][1].values())[1:]):
            footer.insert(0, rows.pop()[1][headers[0]].strip())
        try:
            mapping = map_columns(headers, overrides)
        except MappingError as error:  # (as a file's other problems: its name first; an option's: the option)
            if error.item is not None:
                raise Invalid("columns", error, whole=True) from None
            raise Invalid(name or str(path), error) from None
        pipelines: dict[str, int] = {}  # pipeline -> its rows, when the file says
        if (column := pipeline_column(headers, mapping)) is not None:
            pipelines = dict(Counter(row[column].strip() for _, row in rows if row[column].strip()))
        if pipeline is not None:
            if column is None:
                raise Invalid("--pipeline", "--pipeline {name}: the file has no pipeline column (columns: {columns})",
                              whole=True, name=pipeline, columns=listed(headers))
            named = {p.casefold(): p for p in pipelines}
            if pipeline.strip().casefold() not in named:
                raise Invalid("--pipeline", "--pipeline {name}: no deal of the file is in that pipeline (its pipelines: {pipelines})",
                              whole=True, name=pipeline, pipelines=", ".join(pipelines) or "–")
            pipeline = named[pipeline.strip().casefold()]
            rows = [(number, row) for number, row in rows if row[column].strip() == pipeline]
        # the board's own `deal list --csv` put text that starts like a formula behind a `'`
        cell = formula_unguarded if is_export(headers) else str
        records = [(number, {field: cell(row[header]) for header, field in mapping.items()})
                   for number, row in rows]
        # a board's own export names its deals by id: imported back into that board, each would
        # be added a second time (its won value and pay counted twice)
        exported_ids = {number: row.get("id", "") for number, row in rows} if is_export(headers) else {}
        # the board that wrote each row, as its list says: another board's ids and strategies name that
        # board's records (sales/board_mark.py)
        marks = {number: row[BOARD_COLUMN] for number, row in rows} if exported_ids and BOARD_COLUMN in headers \
            else {}
        days_first: dict[str, bool] = {}
        unsettled: list[str] = []  # the date columns read month-first for want of a day above 12
        for field in ("close", "closed", "opened", "lost_time"):
            column = next((h for h, f in mapping.items() if f == field), None)
            if column is not None:
                days_first[field], settled = day_first([r.get(field, "") for _, r in records])
                if date_order:
                    days_first[field] = date_order == "dayfirst"
                elif not settled:
                    unsettled.append(column)

        def build(tx: Transaction) -> dict:
            stages = self.stages()
            for named, board_stage in (stage_names or {}).items():
                try:
                    find_stage(stages, board_stage)
                except ValueError as error:
                    raise Invalid("--stage", "--stage {pair}: {error}", whole=True, pair=f"{named}={board_stage}",
                                  error=error) from None
            opened_stage = entry_stage([r for _, r in records], stages, stage_names)
            roles = {m.name: m.role for m in self.members()}
            members = set(roles)
            for named, member in (owners or {}).items():
                if members and member not in members:
                    raise NotFound("--owner {pair}: {member} is not a member of this board",
                                   pair=f"{named}={member}", member=member)
            owner_names = {k.strip().casefold(): v for k, v in (owners or {}).items()}
            known: dict[str, Deal] = {}  # the deals the board has by their source (a CRM's id)
            for d in self.deals():
                if d.source:
                    known.setdefault(d.source, d)
            deleted: dict[str, Activity] = {}  # the deals deleted on the board, by their source (newest deletion)
            sources = (r.get("source", "").strip() for _, r in records)
            if not with_deleted and any(s and s not in known for s in sources):
                for record in self.log.newest_first(where=_deletes_a_sourced_deal):
                    deleted.setdefault(clean_line(str(record.before["source"])), record)
            left_deleted: list[dict] = []
            on_board = {d.id: d for d in self.deals()} if exported_ids else {}
            # a file imported a second time (a board's export where it went, whose ids are new
            # there, or a CRM's file without ids): each row the same as a deal already on the board
            # (title, account, owner, stage, value, close, product, payments) would add it, its
            # won value and its payments again
            same = {_sameness(d): d for d in self.deals()}
            now = self.clock().replace(microsecond=0)
            zone = now.tzinfo
            problems: list[Reason] = []
            strangers: dict[str, list[int]] = {}
            seen: dict[str, int] = {}
            seen_ids: dict[str, int] = {}  # a board's own export: each deal's row
            deals: list[Deal] = []
            rows_of: dict[str | None, int] = {}  # each owner of a new deal -> the first row of theirs
            updates: list[tuple[int, Deal, Deal]] = []  # (row, the deal, as the file changes it)
            kept: list[dict] = []  # deals closed on the board that the file has elsewhere: left as they are
            unchanged = 0
            dropped_owner = no_account = 0
            won_today: list[tuple[int, Deal]] = []  # won deals the file gives no close date: won now
            outcome = {s.name: s.outcome for s in stages}
            currencies: dict[str, int] = {}  # currency -> the first row in it
            stages_read: dict[str, str] = {}  # a stage the file names otherwise -> the board's
            ours = self.own_keys()  # (the keys its own lists may carry)
            refusals: list[Refused] = []  # a rep's wins and losses the file dates another day than today
            lead, today = self.role == "lead", self.today()

            def backdated(number: int, record: dict[str, str], deal: Deal, new: bool = False) -> None:
                """A deal the row closes (won or lost) on the day the file gives it is closed when it is
                recorded, as `deal move` dates it, for anyone but a lead (a day of slack, as a plan
                file's move): a rep's backdated win would move what a past cycle paid. A new deal
                the row opens on its `opened` day is opened now, as `deal add` dates it: a rep's
                backdated one would write the pipeline's past (the funnel, a stage's conversion and
                days in it), as a plan file's backdated move would."""
                opened = deal.history[0].at
                if new and not lead and record.get("opened", "").strip() and opened != now \
                        and dated_otherwise(opened.date(), today) \
                        and (outcome.get(deal.stage, "open") == "open" or len(deal.history) > 1):
                    rule = Reason("a deal is opened when it is added ({today}); only a lead may date it {day} "
                                  "(leave opened empty and it opens today)", today=today, day=opened.date())
                    why = Reason("row {number}: {error}", number=number,
                                 error=Reason("{field}: {error}", field="opened", error=rule))
                    refusals.append(Refused(why))
                    return
                entered = deal.history[-1].at
                if lead or outcome.get(deal.stage, "open") == "open" or entered == now \
                        or not dated_otherwise(entered.date(), today):
                    return
                field = outcome_field(record)
                rule = Reason("a deal is won or lost when it is moved there ({today}); only a lead may date it {day} "
                              "(leave {field} empty and it closes today)", field=field, today=today,
                              day=entered.date())
                why = Reason("row {number}: {error}", number=number,
                             error=Reason("{field}: {error}", field=field, error=rule))
                refusals.append(Refused(why))

            foreign: dict[int, str] = {}  # a row of another board's list -> that board's key
            foreign_twins = False  # such a row is a deal here already (the board's own list, moved?)
            strategies_left = 0  # their links to that board's strategies, left out
            for number, record in records:
                if (other := elsewhere(marks.get(number, ""), ours)) is not None:
                    foreign[number] = other
                    if record.get("strategy", "").strip():
                        strategies_left += 1
                        record = {**record, "strategy": ""}
                if currency := record.get("currency", "").strip().upper():
                    currencies.setdefault(currency, number)
                    if (first := next(iter(currencies))) != currency:
                        problems.append(Reason(
                            "row {number}: currency: {currency}, where row {row} is in {first}; the board adds every "
                            "deal's value as one currency (import each currency's deals on their own, their values "
                            "converted)", number=number, currency=currency, row=currencies[first], first=first))
                        continue
                try:
                    fields = row_fields(record, stages, opened_stage, now, zone, stage_names, days_first)
                except ValueError as error:
                    problems.append(Reason("row {number}: {error}", number=number, error=error))
                    continue
                said = record.get("stage", "").strip()
                from_stage = not record.get("status", "").strip() or outcome.get(fields["stage"]) == "open"
                if said and from_stage and said.casefold() != fields["stage"].casefold():
                    stages_read.setdefault(said, fields["stage"])
                if (owner := fields.get("owner")) and owner.strip().casefold() in owner_names:
                    fields["owner"] = owner_names[owner.strip().casefold()]
                # a row of this board's own export (`deal list --csv`, edited in a spreadsheet): its
                # id is a deal of the board with the same title or account, which the row updates
                # (a bulk edit); another board's (the same id, another deal) is a new deal
                here = on_board.get(exported_ids.get(number, "") if number not in foreign else "")
                if here is not None and not (here.title == clean_line(fields["title"]) or (
                        here.account and here.account == clean_line(fields.get("account") or ""))):
                    here = None
                if here is not None:
                    if (repeat := repeated_id(seen_ids, here.id, number)) is not None:
                        problems.append(repeat)
                        continue
                source = fields["source"]
                if source and source in seen:
                    problems.append(Reason("row {number}: source: {source} repeats row {first}",
                                           number=number, source=source, first=seen[source]))
                    continue
                if source:
                    seen[source] = number
                owner = fields.get("owner")
                if owner and members and (member := member_for(owner, members)) is not None:
                    fields["owner"] = owner = member  # `Daniell Hammack` is daniell.hammack
                if (old := here or (known.get(source) if source else None)) is not None:
                    # a deal the file brought before (a CRM's weekly export): the file's changes to it
                    if owner and members and owner not in members:
                        if not unowned:
                            strangers.setdefault(owner, []).append(number)
                            continue
                        fields.pop("owner")  # its owner stays the board's
                    if (found := updated_fields(old, record, fields, outcome, now, clear=here is not None)) is None:
                        kept.append({"row": number, "id": old.id, "title": old.title, "stage": old.stage,
                                     "file_stage": fields["stage"]})
                        continue
                    try:
                        new = self._validate_deal(found[0], old)
                    except Invalid as error:
                        problems.append(Reason("row {number}: {error}", number=number, error=error.at_field()))
                        continue
                    if not changed_keys(old, new):
                        unchanged += 1
                    else:
                        updates.append((number, old, new))
                        if len(new.history) > len(old.history):
                            backdated(number, record, new)
                        if found[1]:
                            won_today.append((number, new))
                    continue
                if source and (gone := deleted.get(source)) is not None and source not in known:
                    left_deleted.append({"row": number, "source": source, "id": gone.item,
                                         "title": gone.before.get("title", ""), "by": gone.actor,
                                         "on": datetime.fromisoformat(gone.at).astimezone(zone).date()})
                    continue
                if owner is None and members:
                    fields["owner"] = self.actor
                elif owner and members and owner not in members:
                    if unowned:
                        fields.pop("owner")
                        dropped_owner += 1
                    else:
                        strangers.setdefault(owner, []).append(number)
                        continue
                no_account += not fields["account"]
                try:
                    if fields.get("splits"):
                        fields["splits"] = self._imported_splits(fields.get("owner"), fields["splits"], roles)
                    deal = convert({**fields, "id": "D-0"}, Deal)
                    if deal.strategy is not None:
                        deal.strategy = self._check_link("strategy", deal.strategy)
                except Invalid as error:
                    problems.append(Reason("row {number}: {error}", number=number, error=error.at_field()))
                    continue
                if (twin := same.get(_sameness(deal))) is not None:
                    problems.append(Reason("row {number}: {id} {title!r} is on this board already (the same title, "
                                           "account, owner, stage, value and payments); importing it would add it a "
                                           "second time (change deals with `deal edit` or a plan file)",
                                           number=number, id=twin.id, title=twin.title))
                    foreign_twins = foreign_twins or number in foreign
                    continue
                deals.append(deal)
                backdated(number, record, deal, new=True)
                rows_of.setdefault(deal.owner, number)
                if outcome.get(deal.stage) == "won" and deal.history[-1].at == now:
                    won_today.append((number, deal))
            for owner, numbers in strangers.items():
                shown = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")
                # `Ali Khan` on a board whose ali is one member of that first name: say how to name him
                first = [m for m in members if name_for(owner).split(".")[0] == m.casefold()]
                problems.append(Reason(
                    "owner {owner!r} (row {rows}) is not a member of this board; say which member they are "
                    "({pair}), add them (`uplift member add {name} --role rep`: a member's name matches however "
                    "the file spells it), map another column with --map COLUMN=owner, or import such deals without "
                    "an owner (--unowned)" if len(numbers) == 1
                    else "owner {owner!r} (rows {rows}) is not a member of this board; say which member they are "
                    "({pair}), add them (`uplift member add {name} --role rep`: a member's name matches however "
                    "the file spells it), map another column with --map COLUMN=owner, or import such deals without "
                    "an owner (--unowned)",
                    owner=owner, rows=shown, name=name_for(owner),
                    pair="--owner " + shlex.quote(f"{owner}={first[0] if len(first) == 1 else 'MEMBER'}")))
            if problems:
                raise nothing_imported_maybe_own(name or str(path), problems, foreign_twins and self.keyed_by_path())
            self._check("deal.add", new_owner=self.actor)  # (one who may only read: said once, not of a row)
            actions = {number: deal_action(old, new, outcome) for number, old, new in updates}
            self._check_each([*((Reason("row {row}", row=number), "deal.add", None, owner)
                                for owner, number in rows_of.items()),  # (the first row of each owner's)
                              *((Reason("row {row}: {id}", row=number, id=old.id), actions[number], old.owner,
                                 new.owner) for number, old, new in updates)])
            if any(d.splits for d in deals):
                self._check("deal.split")
            if any(d.payments for d in deals):  # (what customers paid releases commission)
                self._check("deal.paid")
            if refusals:  # (whose deals a rep may import said first)
                raise refusals[0]
            changes = []
            for number, old, new in updates:
                keys, action = changed_keys(old, new), actions[number]
                if not dry_run:
                    self._put_update(tx, action, "deal", old, new)
                before, after = msgspec.to_builtins(old), msgspec.to_builtins(new)
                shown = [key for key in (*EDITABLE, *sorted(keys)) if key in keys and key != "history"]
                changes.append({"row": number, "id": old.id, "title": new.title,
                                "before": {key: before.get(key) for key in dict.fromkeys(shown)},
                                "after": {key: after.get(key) for key in dict.fromkeys(shown)}})
            ids = []
            if not dry_run:
                for deal in deals:
                    deal.id = format_id("deal", tx.nextnumber("deal"))
                    ids.append(deal.id)
                    self._put_new(tx, "deal.import", "deal", deal)
            return {"imported": 0 if dry_run else len(deals), "rows": len(deals), "dry_run": dry_run,
                    "first": ids[0] if ids else None, "last": ids[-1] if ids else None,
                    "mapping": mapping, "closed_deals_opened_in": opened_stage,
                    "without_owner": dropped_owner, "without_account": no_account,
                    "by_stage": dict(Counter(d.stage for d in deals)),
                    "stages_read": stages_read, "dates_month_first": unsettled,
                    "footer": [line for line in footer if line],
                    # won with no close date in the file: won today, so in this cycle's payouts
                    "won_today": [{"row": number, "id": None if deal.id == "D-0" else deal.id}
                                  for number, deal in won_today],
                    # deals the file brought before (by their source, a CRM's id): changed, the same, or
                    # closed on the board and elsewhere in the file (left as they are)
                    "updated": changes, "unchanged": unchanged, "kept": kept,
                    # rows of deals deleted on the board (by their source), left out
                    "deleted": left_deleted,
                    # the pipelines the file names (all of its rows), and the one imported (None: all)
                    "pipelines": pipelines, "pipeline": pipeline,
                    # rows of another board's list: their ids not read as this board's, their strategies left out
                    "another_board": {"rows": sorted(foreign), "boards": sorted(set(foreign.values())),
                                      "left_out": {"strategy": strategies_left} if strategies_left else {}}
                    if foreign else None}
        return self._transact(build)

    @staticmethod
    def _imported_splits(owner: str | None, splits: list[dict], roles: dict[str, str]) -> list[Split]:
        """A file's splits, each rep found among the members (name -> role) however the file
        spells them, checked as a lead's typed-in splits are (Invalid naming the splits)."""
        for split in splits:
            split["rep"] = member_for(split["rep"], roles) or split["rep"]
        checked = read_splits(owner, splits)
        for split in checked:
            if (why := split_rep_problem(split.rep, roles)) is not None:
                raise Invalid("splits", why)
        return checked


def deal_action(old: Deal, new: Deal, outcome: dict[str, str]) -> str:
    """A file's change to a deal (a deals file's row, a plan file's deal) as `deal move` or `deal
    edit` would make it: a move when it changes the stage (and why it was lost, or the day a deal
    won without one closed); `outcome`: each stage's (name -> open, won or lost)."""
    keys = changed_keys(old, new)
    closes = "close" in keys and not old.close and outcome.get(new.stage) == "won"
    return "deal.move" if "stage" in keys and keys <= MOVE_KEYS | ({"close"} if closes else set()) else "deal.edit"


def _deletes_a_sourced_deal(doc: dict) -> bool:
    """A log record (raw) of a deal deleted with a source (a CRM's id) on it."""
    return (doc.get("action") == "deal.delete" and doc.get("after") is None
            and bool((doc.get("before") or {}).get("source")))


def _sameness(deal: Deal) -> tuple:
    """What makes a row of a board's export the same deal as one on the board: all it says of
    the deal but the id, which a board gives anew."""
    return (deal.title, deal.account, deal.owner, deal.stage, deal.value, deal.close, deal.product,
            tuple((p.on, p.amount, p.note) for p in deal.payments))


def _moves_a_deal(op) -> bool:
    """Whether a change adds a deal, deletes one, or moves it to another stage."""
    if op.file != "deals" or op.table != "deals":
        return False
    return op.before is None or op.after is None or op.before.get("stage") != op.after.get("stage")


def _stages_after(tx: Transaction, stages: list[Stage]) -> list[Stage]:
    """The pipeline's stages once `tx` is applied: a plan file that renames a stage and moves its
    deals there counts them under the new name in this week's snapshot, not under none."""
    for op in reversed(tx.ops):
        if (op.file, op.table) == ("board", "meta") and op.after and op.after.get("stages"):
            return msgspec.convert(op.after["stages"], list[Stage])
    return stages
