"""The deal pipeline of a board (phase 4): deals, stages, weekly snapshots and the deals import.

Every change to the deals also rewrites this ISO week's pipeline snapshot (the count per stage)
in the same transaction, so the funnel's sparklines need no cron job to be right; `uplift
snapshot` takes one on demand as well (for weeks in which nothing moved).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import msgspec

from sales.deal_fields import MappingError, entry_stage, map_columns, row_fields
from sales.deals import (
    DEFAULT_STAGES,
    Deal,
    FunnelRow,
    Stage,
    check_stages,
    find_stage,
    funnel,
    iso_week,
    pipeline_order,
    week_doc_id,
    weekly_series,
)
from sales.errors import Invalid
from sales.ids import format_id
from sales.validation import convert
from store.board_core import BoardCore, Transaction, changed_keys, given
from store.files import BoardDamaged

EDITABLE = ("title", "account", "product", "key_account", "owner", "stage", "value", "close", "next_step")
MAX_REPORTED = 20


class DealChanges(BoardCore):
    # ------------------------------------------------------------------ stages

    def stages(self) -> list[Stage]:
        configured = self.meta().get("stages")
        if not configured:
            return list(DEFAULT_STAGES)
        return msgspec.convert(configured, list[Stage])

    def set_stages(self, stages: list[dict | Stage]) -> list[Stage]:
        """Replace the pipeline's stages (lead only). A stage that holds deals must stay."""
        def build(tx: Transaction) -> list[Stage]:
            self._check("pipeline.settings")
            new = convert([msgspec.to_builtins(s) for s in stages], list[Stage], "stages")
            try:
                check_stages(new)
            except ValueError as error:
                raise Invalid("stages", str(error)) from None
            names = {s.name for s in new}
            held = Counter(d.stage for d in self.deals() if d.stage not in names)
            if held:
                raise Invalid("stages", "deals are still in " + ", ".join(
                    f"{name} ({n})" for name, n in sorted(held.items())) + "; move them first")
            old = self.meta()
            tx.put("pipeline.stages", "board", "board", "meta", 1, old,
                   {**old, "stages": msgspec.to_builtins(new)})
            return new
        return self._transact(build)

    def stage(self, text: str) -> Stage:
        try:
            return find_stage(self.stages(), text)
        except ValueError as error:
            raise Invalid("stage", str(error)) from None

    # ------------------------------------------------------------------ reading

    def deals(self) -> list[Deal]:
        """All deals, biggest first. Converted once per document: after a change this process
        made, only the documents it replaced are converted again (the others are the same
        objects in the storage's cache), so moving one deal of thousands stays cheap."""
        storage = self._dbs["deals"].storage
        raw = (storage.read() or {}).get("deals", {})
        cached = getattr(self, "_deal_cache", None)
        if cached and cached[0] == storage.version:
            return list(cached[2])
        known: dict[str, tuple[dict, Deal]] = cached[1] if cached else {}
        fresh: dict[str, tuple[dict, Deal]] = {}
        try:
            for key, doc in raw.items():
                hit = known.get(key)
                fresh[key] = hit if hit is not None and hit[0] is doc else (doc, msgspec.convert(doc, Deal))
        except msgspec.ValidationError as error:
            raise BoardDamaged(f"{storage.path}: table deals: {error}; the file was left as it is") from None
        deals = sorted((deal for _, deal in fresh.values()), key=pipeline_order)
        self._deal_cache = (storage.version, fresh, deals)
        return list(deals)

    def deal(self, deal_id: str) -> Deal:
        return self._get("deal", deal_id)

    def pipeline_snapshots(self) -> dict[str, dict[str, int]]:
        """Weekly pipeline snapshots: {"2026-W47": {stage: count}}."""
        raw = self._raw("deals").get("weeks", {})
        return {doc["week"]: dict(doc["counts"]) for doc in raw.values()}

    def funnel(self, weeks: int = 12) -> list[FunnelRow]:
        """The funnel per stage, each row with its weekly counts over the last `weeks` weeks."""
        stages = self.stages()
        rows = funnel(self.deals(), stages)
        series = weekly_series(self.pipeline_snapshots(), stages, self.today(), weeks)
        for row in rows:
            row.trend = series[row.stage]
        return rows

    # ------------------------------------------------------------------ changes

    def add_deal(self, title: str, **fields: Any) -> Deal:
        """A new deal, in the first stage unless given; its owner is the actor unless given."""
        def build(tx: Transaction) -> Deal:
            data = {"title": title, **given({k: v for k, v in fields.items() if k in EDITABLE})}
            data.setdefault("owner", self.actor if self.members() else None)
            self._check("deal.add", new_owner=data["owner"])
            stages = self.stages()
            stage = self.stage(data["stage"]) if data.get("stage") else stages[0]
            data["stage"] = stage.name
            data["history"] = [{"stage": stage.name, "at": self.clock().replace(microsecond=0)}]
            deal = self._validate_deal({**data, "id": format_id("deal", tx.nextnumber("deal"))})
            self._put_new(tx, "deal.add", "deal", deal)
            self._put_snapshot(tx)
            return deal
        return self._transact(build)

    def update_deal(self, deal_id: str, **fields: Any) -> Deal:
        """Change some fields (None leaves a field, "" clears it); a new stage is recorded with its time."""
        def build(tx: Transaction) -> Deal:
            old = self.deal(deal_id)
            changes = {k: v for k, v in fields.items() if k in EDITABLE and v is not None}
            data = {**msgspec.to_builtins(old), **changes}
            if "stage" in changes:
                data["stage"] = self.stage(changes["stage"]).name
            if data["stage"] != old.stage:
                entered = {"stage": data["stage"], "at": self.clock().replace(microsecond=0)}
                data["history"] = data["history"] + [entered]
            data = {k: v for k, v in data.items() if v != "" or k in ("account", "product", "next_step")}
            before = msgspec.to_builtins(old)
            touched = {k for k in {**before, **data} if before.get(k) != data.get(k)}
            self._check("deal.move" if touched <= {"stage", "history"} else "deal.edit",
                        owner=old.owner, new_owner=data.get("owner"))
            new = self._validate_deal(data)
            if not changed_keys(old, new):
                return old
            action = "deal.move" if changed_keys(old, new) <= {"stage", "history"} else "deal.edit"
            self._put_update(tx, action, "deal", old, new)
            if new.stage != old.stage:
                self._put_snapshot(tx)
            return new
        return self._transact(build)

    def move_deal(self, deal_id: str, stage: str) -> Deal:
        return self.update_deal(deal_id, stage=stage)

    def delete_deal(self, deal_id: str) -> Deal:
        def build(tx: Transaction) -> Deal:
            old = self.deal(deal_id)
            self._check("deal.delete", owner=old.owner, new_owner=None)
            self._put_delete(tx, "deal.delete", "deal", old)
            self._put_snapshot(tx)
            return old
        return self._transact(build)

    def take_snapshot(self) -> dict:
        """This week's counts per stage, written now (`uplift snapshot`, e.g. from cron)."""
        def build(tx: Transaction) -> dict:
            self._check("pipeline.snapshot")
            self._put_snapshot(tx, force=True)
            return {"week": iso_week(self.today()), "counts": self._counts_after(tx)}
        return self._transact(build)

    def _validate_deal(self, data: dict) -> Deal:
        deal = convert(data, Deal)
        if deal.owner is not None:
            self._check_member(deal.owner, "owner")
        names = {s.name for s in self.stages()}
        if deal.stage not in names:
            raise Invalid("stage", f"{deal.stage!r} is not a stage of this pipeline")
        return deal

    def _counts_after(self, tx: Transaction) -> dict[str, int]:
        # through the models: a hand-damaged deal is reported as such, not as a KeyError
        stage_of = {deal.id.rsplit("-", 1)[1]: deal.stage for deal in self.deals()}
        for op in tx.ops:
            if op.file == "deals" and op.table == "deals":
                if op.after is None:
                    stage_of.pop(str(op.doc_id), None)
                else:
                    stage_of[str(op.doc_id)] = op.after["stage"]
        counts = Counter(stage_of.values())
        return {stage.name: counts.get(stage.name, 0) for stage in self.stages()}

    def _put_snapshot(self, tx: Transaction, force: bool = False) -> None:
        """Write this week's snapshot into the transaction (unless nothing it holds changed)."""
        today = self.today()
        doc_id = week_doc_id(today)
        before = self._raw("deals").get("weeks", {}).get(str(doc_id))
        counts = self._counts_after(tx)
        if before and before.get("counts") == counts and not force:
            return
        after = {"week": iso_week(today), "at": self.clock().isoformat(timespec="seconds"), "counts": counts}
        tx.put("pipeline.snapshot", iso_week(today), "deals", "weeks", doc_id, before, after)

    # ------------------------------------------------------------------ import

    def import_deals(self, path: str | Path, overrides: dict[str, str] | None = None, *,
                     unowned: bool = False, dry_run: bool = False) -> dict:
        """Add every row of a CSV/XLSX file as a deal, in one transaction: all or nothing.

        Bad rows are reported with their row number (Invalid, nothing written). Owners who are
        not members of a board that has members are an error too, unless `unowned`: then those
        deals come in without an owner (and the report counts them). A row whose source id (e.g.
        opportunity_id) is already on the board is an error: importing twice adds nothing twice.
        """
        from store.deal_files import read_rows

        headers, rows = read_rows(path)
        try:
            mapping = map_columns(headers, overrides)
        except MappingError as error:
            raise Invalid("columns", str(error)) from None
        records = [(number, {field: row[header] for header, field in mapping.items()})
                   for number, row in rows]

        def build(tx: Transaction) -> dict:
            stages = self.stages()
            opened_stage = entry_stage([r for _, r in records], stages)
            members = {m.name for m in self.members()}
            known = {d.source for d in self.deals() if d.source}
            now = self.clock().replace(microsecond=0)
            zone = now.tzinfo
            problems: list[str] = []
            strangers: dict[str, list[int]] = {}
            seen: dict[str, int] = {}
            deals: list[Deal] = []
            dropped_owner = no_account = 0
            for number, record in records:
                try:
                    fields = row_fields(record, stages, opened_stage, now, zone)
                except ValueError as error:
                    problems.append(f"row {number}: {error}")
                    continue
                source = fields["source"]
                if source and source in known:
                    problems.append(f"row {number}: source: {source} is already on this board")
                    continue
                if source and source in seen:
                    problems.append(f"row {number}: source: {source} repeats row {seen[source]}")
                    continue
                if source:
                    seen[source] = number
                owner = fields.get("owner")
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
                    deals.append(convert({**fields, "id": "D-0"}, Deal))
                except Invalid as error:
                    problems.append(f"row {number}: {error}")
            for owner, numbers in strangers.items():
                shown = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")
                problems.append(f"owner {owner!r} (rows {shown}) is not a member of this board; "
                                f"add them, map another column with --map COLUMN=owner, "
                                f"or import such deals without an owner (--unowned)")
            if problems:
                more = len(problems) - MAX_REPORTED
                raise Invalid("file", f"{len(problems)} problem(s), nothing imported:\n  " + "\n  ".join(
                    problems[:MAX_REPORTED]) + (f"\n  … and {more} more" if more > 0 else ""))
            for owner in {d.owner for d in deals}:
                self._check("deal.add", new_owner=owner)
            ids = []
            if not dry_run:
                for deal in deals:
                    deal.id = format_id("deal", tx.nextnumber("deal"))
                    ids.append(deal.id)
                    self._put_new(tx, "deal.import", "deal", deal)
                if deals:
                    self._put_snapshot(tx)
            return {"imported": 0 if dry_run else len(deals), "rows": len(deals), "dry_run": dry_run,
                    "first": ids[0] if ids else None, "last": ids[-1] if ids else None,
                    "mapping": mapping, "closed_deals_opened_in": opened_stage,
                    "without_owner": dropped_owner, "without_account": no_account,
                    "by_stage": dict(Counter(d.stage for d in deals))}
        return self._transact(build)
