"""Phase 1 on a board: diagnosis snapshots, the column mappings saved for next time, interview
and feedback notes, and the diagnosis checklist's ticks.

A diagnosis run reads the record files and computes outside the board's lock (it takes a
second or more); only saving the snapshot (and the mapping used) is a change, made in one
`_transact` step. A run that fails saves nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import msgspec

from sales.deals import iso_week, week_doc_id
from sales.diagnosis import Diagnosis
from sales.errors import Invalid, NotFound, Refused, Word
from sales.ids import format_id
from sales.notes import (
    NOTE_KINDS,
    ChecklistState,
    ChecklistTemplate,
    Note,
    Tick,
    normalize_tag,
    note_matches,
)
from sales.review import cycle_doc_id, given_day, given_in
from sales.sales_fields import parse_overrides
from sales.snapshots import (
    SavedMapping,
    Snapshot,
    header_signature,
    merge_overrides,
    metric_history,
    of_this_cycle,
)
from sales.validation import convert
from sales.dates import stamp
from store.board_core import BoardCore, Transaction, given
from store.files import BoardDamaged

CHECKLIST_FILE = "diagnosis.yaml"  # a plan template holding one checklist (plans/)
CHECKLIST_DOC = 1
# Checklists a board keeps ticks for: name -> (template in plans/, file, table, action).
# Anyone on the team ticks the diagnosis checklist; the end-of-cycle review is the lead's.
# The weekly review (phase 4) is ticked afresh each ISO week: its ticks are kept per week.
CHECKLISTS = {"diagnosis": (CHECKLIST_FILE, "diagnosis", "checklist", "checklist.tick"),
              "review": ("end-of-cycle-review.yaml", "plan", "review_checklist", "review.tick"),
              "weekly": ("weekly-review.yaml", "plan", "weekly_review", "weekly.tick")}
WEEKLY = {"weekly"}
# The end-of-cycle review is ticked afresh each cycle: its ticks are kept per cycle (the plan's period).
PER_CYCLE = {"review"}
#: A checklist as a message names it.
CHECKLIST_WORDS = {"diagnosis": Word("diagnosis"), "review": Word("review"), "weekly": Word("weekly")}
#: Earlier English wordings of the shipped checklists' steps, by template file: {a step's text now:
#: (its former texts, ...)}. A tick is kept under the English text of the step it ticked (so one
#: given in Chinese shows in English too, and old boards need no migration); rewording a step in a
#: template would untick it on every existing board, so its old text goes here, and the ticks given
#: under it still count (and are taken back with it). Never give a former wording to another step.
FORMER_WORDINGS: dict[str, dict[str, tuple[str, ...]]] = {}
_TEMPLATE_MAX_BYTES = 64 * 1024


@dataclass
class DiagnosisRun:
    """What one run produced: the diagnosis, the overrides it used (saved ones reused and
    those given), and the snapshot it was kept as (None with save=False)."""

    diagnosis: Diagnosis
    signature: str
    overrides: dict[str, str]
    reused: dict[str, str] = field(default_factory=dict)
    snapshot: Snapshot | None = None


def file_signature(paths: Sequence[str | Path], joins: Sequence[str] = ()) -> tuple[str, list[str]]:
    """The layout signature of the first record file plus the joined files' columns, and the
    columns themselves (headers only; no rows are read). RecordsError for a file that can't be
    opened; MappingError for a bad FILE:KEY."""
    from store.record_files import parse_join, read_header

    columns = list(read_header(paths[0]))
    for spec in joins:
        join_path, _key, joined_key = parse_join(spec, paths[0])
        columns += [c for c in read_header(join_path) if c != joined_key and c not in columns]
    return header_signature(columns), columns


def compute_diagnosis(paths: Sequence[str | Path], overrides: Mapping[str, str], *, period: str = "month",
                      joins: Sequence[str] = (), date_format: str | None = None,
                      costs: str | Path | None = None, now=None, reused: Mapping[str, str] | None = None,
                      given_by: str = "--map") -> Diagnosis:
    """The engine (store/diagnose.py), imported here so that pandas loads only when a run starts.
    Safe to call from a worker thread: it touches no board. reused / given_by: where the
    overrides came from (the board's saved mapping, or "--map" / "screen"), as the kept
    explanation says it."""
    from store.diagnose import diagnose

    return diagnose(list(paths), dict(overrides), period=period, joins=joins, date_format=date_format,
                    costs=costs, now=now, reused=reused, given_by=given_by)


@lru_cache(maxsize=16)
def checklist_template(name: str = CHECKLIST_FILE, lang: str = "en") -> ChecklistTemplate:
    """The first checklist of a plan template shipped in plans/ (YAML, safe-loaded, size-capped,
    validated): the same file `uplift plan new --from diagnosis` starts a plan from; in `lang`
    when the template has that translation (store/templates.py), else in English."""
    import yaml

    from store.templates import template_file

    name = template_file(name, lang)
    text = files("plans").joinpath(name).read_text(encoding="utf-8")
    if len(text.encode("utf-8")) > _TEMPLATE_MAX_BYTES:
        raise Invalid(name, "a checklist template is at most {size} KB", size=_TEMPLATE_MAX_BYTES // 1024)
    checklist = (yaml.safe_load(text).get("checklists") or [{}])[0]
    return convert({"title": checklist.get("title", ""),
                    "items": [{"text": step.get("text")} for step in checklist.get("steps", [])]},
                   ChecklistTemplate, name)


def _wordings(template: str, text: str) -> tuple[str, ...]:
    """A checklist step's English text and its former wordings (FORMER_WORDINGS): the texts its
    ticks may be kept under."""
    return (text, *FORMER_WORDINGS.get(template, {}).get(text, ()))


def translated(items: Sequence, template: str, lang: str) -> list[str]:
    """The text of a checklist template's `items` (English) in `lang`, item by item; the English
    itself when the translation is missing or does not have the same number of items."""
    if lang == "en":
        return [item.text for item in items]
    other = checklist_template(template, lang).items
    if len(other) != len(items):
        return [item.text for item in items]
    return [item.text for item in other]


class DiagnosisChanges(BoardCore):
    # ------------------------------------------------------------------ snapshots

    def snapshots(self) -> list[Snapshot]:
        """Every kept diagnosis, oldest first."""
        return self._models("diagnosis", "snapshots", Snapshot, key=lambda s: int(s.id.split("-")[1]))

    def snapshot(self, snapshot_id: str) -> Snapshot:
        return self._get("snapshot", snapshot_id)

    def latest_snapshot(self) -> Snapshot | None:
        snapshots = self.snapshots()
        return snapshots[-1] if snapshots else None

    def saved_mapping(self, signature: str) -> SavedMapping | None:
        return next((m for m in self.saved_mappings() if m.signature == signature), None)

    def saved_mappings(self) -> list[SavedMapping]:
        return self._models("diagnosis", "mappings", SavedMapping, key=lambda m: int(m.id.split("-")[1]))

    def prepare_run(self, paths: Sequence[str | Path], overrides: Iterable[str] | Mapping[str, str] | None = None,
                    joins: Sequence[str] = ()) -> tuple[str, dict[str, str], dict[str, str]]:
        """(signature, overrides to use, saved overrides reused) for a run on these files: the
        mapping saved for files with the same columns, with the given overrides on top."""
        given_overrides = parse_overrides(overrides)
        signature, _ = file_signature(paths, joins)
        saved = self.saved_mapping(signature)
        reused = dict(saved.overrides) if saved else {}
        effective = merge_overrides(reused, given_overrides)
        reused = {c: f for c, f in reused.items() if effective.get(c) == f and c not in given_overrides}
        return signature, effective, reused

    def run_diagnosis(self, paths: Sequence[str | Path], overrides: Iterable[str] | Mapping[str, str] | None = None,
                      *, period: str = "month", joins: Sequence[str] = (), date_format: str | None = None,
                      costs: str | Path | None = None, save: bool = True) -> DiagnosisRun:
        """Diagnose record files and (with save) keep the result as a snapshot and the mapping
        for next time. Raises RecordsError / MappingError (nothing saved) or Refused."""
        if save:
            self._check("diagnosis.save")  # before a second of work that could not be kept
        signature, effective, reused = self.prepare_run(paths, overrides, joins)
        diagnosis = compute_diagnosis(paths, effective, period=period, joins=joins,
                                      date_format=date_format, costs=costs, now=self.clock(), reused=reused)
        run = DiagnosisRun(diagnosis, signature, effective, reused)
        if save:
            run.snapshot = self.save_diagnosis(diagnosis, signature, effective)
        return run

    def save_diagnosis(self, diagnosis: Diagnosis, signature: str,
                       overrides: Mapping[str, str] | None = None) -> Snapshot:
        """Keep a diagnosis as a new snapshot; remember its overrides for files with these
        columns (a run without overrides leaves a saved mapping as it is)."""
        overrides = dict(overrides or {})

        def build(tx: Transaction) -> Snapshot:
            self._check("diagnosis.save")
            now = stamp(self.clock())
            snapshot = convert({"id": format_id("snapshot", tx.nextnumber("snapshot")), "saved_at": now,
                                "saved_by": self.actor, "signature": signature, "overrides": overrides,
                                "diagnosis": diagnosis.to_builtins()}, Snapshot, "snapshot")
            self._put_new(tx, "diagnosis.save", "snapshot", snapshot)
            old = self.saved_mapping(signature)
            if overrides and (old is None or old.overrides != overrides):
                columns = list(diagnosis.source.mapping.values()) + list(diagnosis.source.ignored_columns)
                data = {"signature": signature, "columns": columns, "overrides": overrides,
                        "saved_at": now, "saved_by": self.actor}
                if old is None:
                    new = convert({**data, "id": format_id("mapping", tx.nextnumber("mapping"))}, SavedMapping)
                    self._put_new(tx, "mapping.save", "mapping", new)
                else:
                    new = convert({**data, "id": old.id}, SavedMapping)
                    self._put_update(tx, "mapping.save", "mapping", old, new)
            return snapshot
        return self._transact(build)

    def delete_snapshot(self, snapshot_id: str) -> Snapshot:
        return self._delete("snapshot", snapshot_id, "diagnosis.delete")

    def metric_history(self, metric: str, scope: Mapping[str, str] | None = None,
                       period: str | None = None, only: str | None = None) -> list[dict]:
        """A KPI over time from the kept snapshots, for goals' baselines and achievability:
        [{"metric": "win_rate", "scope": {"region": "South"}, "period": "2026-Q3", "value": 0.31}]
        oldest first. Scope keys: region, product_line, channel, rep ({} = the whole data).
        See sales.snapshots.metric_history for which snapshots and periods count. `only`: from
        that snapshot alone (a baseline of `snapshot X-1`); NotFound when there is none."""
        snapshots = self.snapshots() if only is None else [self.snapshot(only)]
        try:
            return metric_history(snapshots, metric, dict(scope or {}), period)
        except ValueError as error:
            raise Invalid("metric" if "metric" in str(error) else "scope", error) from None

    # ------------------------------------------------------------------ notes

    def notes(self, tag: str | None = None, kind: str | None = None, words: str = "") -> list[Note]:
        """Interview and feedback notes, newest first, optionally only one tag or kind, or those
        holding all of some words."""
        if tag is not None:
            tag = self._tag(tag)
        notes = self._models("notes", "notes", Note, key=lambda n: -int(n.id.split("-")[1]))
        return [n for n in notes if note_matches(n, tag, kind, words)]

    def note(self, note_id: str) -> Note:
        return self._get("note", note_id)

    def add_note(self, text: str, kind: str = "interview", tags: Iterable[str] = (),
                 source: str = "") -> Note:
        def build(tx: Transaction) -> Note:
            self._check("note.add")
            note = convert({"id": format_id("note", tx.nextnumber("note")), "text": text, "kind": kind,
                            "tags": [self._tag(t) for t in tags], "source": source,
                            "author": self.actor,
                            "created": stamp(self.clock())}, Note, "note")
            self._put_new(tx, "note.add", "note", note)
            return note
        return self._transact(build)

    def update_note(self, note_id: str, **fields: Any) -> Note:
        """Change a note's text, kind, source or tags (tags replace the old ones)."""
        def build(tx: Transaction) -> Note:
            old = self.note(note_id)
            self._check("note.edit", owner=old.author, new_owner=old.author)
            changes = given({k: v for k, v in fields.items() if k in ("text", "kind", "source", "tags")})
            if "tags" in changes:
                changes["tags"] = [self._tag(t) for t in changes["tags"]]
            if "kind" in changes and changes["kind"] not in NOTE_KINDS:
                raise Invalid("kind", "{kind!r} is not a kind of note ({kinds})", kind=changes["kind"],
                              kinds=", ".join(NOTE_KINDS))
            new = convert({**msgspec.to_builtins(old), **changes}, Note, "note")
            if new != old:
                self._put_update(tx, "note.edit", "note", old, new)
            return new
        return self._transact(build)

    def toggle_note_tag(self, note_id: str, tag: str) -> Note:
        tag = self._tag(tag)
        old = self.note(note_id)
        tags = [t for t in old.tags if t != tag] if tag in old.tags else [*old.tags, tag]
        return self.update_note(note_id, tags=tags)

    def delete_note(self, note_id: str) -> Note:
        return self._delete("note", note_id, "note.delete", owner_field="author")

    @staticmethod
    def _tag(text: str) -> str:
        try:
            return normalize_tag(text)
        except ValueError as error:
            raise Invalid("tag", error) from None

    # ------------------------------------------------------------------ the checklists

    def checklist(self, which: str = "diagnosis", day: date | None = None,
                  lang: str = "en") -> list[tuple[str, Tick | None]]:
        """A ticked checklist's items (the diagnosis one, or another of CHECKLISTS), each with
        its tick or None; the items' text in `lang` (ticks are kept under the English text). A
        weekly checklist shows the ticks of the ISO week holding `day` (by default this week)."""
        template, *_ = CHECKLISTS[which]
        ticks = {t.text: t for t in self._checklist_state(which, day).ticks}
        items = checklist_template(template).items
        listed = [(shown, next((ticks[name] for name in _wordings(template, item.text) if name in ticks), None))
                  for item, shown in zip(items, translated(items, template, lang))]
        if which == "diagnosis" and listed and listed[0][1] is None:
            listed[0] = (listed[0][0], self._diagnosis_tick(items[0].text))
        return listed

    def _diagnosis_tick(self, text: str) -> Tick | None:
        """The diagnosis checklist's first step ("Import last period's sales records") ticked by
        the newest kept diagnosis of this cycle, when there is one: the records were imported,
        whoever forgot to tick it; said as the diagnosis's tick, never stored as a person's."""
        snapshot = self.cycle_snapshot()
        if snapshot is None:
            return None
        return Tick(text, snapshot.saved_by, snapshot.saved_at, diagnosis=snapshot.id)

    def cycle_snapshot(self) -> Snapshot | None:
        """The newest kept diagnosis that belongs to the cycle the board is in (sales.snapshots.
        of_this_cycle: saved in it, or of the records just before it), or None: one saved two
        years ago does not say this cycle's records were imported."""
        cycle, today = self.plan_period(), self.today()
        for snapshot in reversed(self.snapshots()):
            last = snapshot.diagnosis.last_date
            if of_this_cycle(given_day(snapshot.saved_at), date.fromisoformat(last) if last else None, cycle, today):
                return snapshot
        return None

    def tick_checklist(self, index: int, done: bool | None = None, which: str = "diagnosis",
                       day: date | None = None) -> bool:
        """Tick (or untick; by default toggle) item `index` (0-based). Returns the new state."""
        template, file, table, action = CHECKLISTS[which]
        items = checklist_template(template).items
        if not 0 <= index < len(items):
            raise NotFound("the {which} checklist has no item {number} (it has {count})", which=CHECKLIST_WORDS[which],
                           number=index + 1, count=len(items))
        text = items[index].text
        if which in WEEKLY and day is not None and iso_week(day) > iso_week(self.today()):
            raise Invalid("week", "{week} has not begun: a week's review is ticked in it or after", week=iso_week(day))
        doc_id = self._checklist_doc(which, day)
        name = self._checklist_name(which, day)

        def build(tx: Transaction) -> bool:
            self._check(action)
            old = self._checklist_state(which, day)
            names = _wordings(template, text)  # (a tick given before the step was reworded is its tick)
            ticked = any(t.text in names for t in old.ticks)
            want = (not ticked) if done is None else done
            if not ticked and which == "diagnosis" and index == 0:
                auto = self._diagnosis_tick(text)
                if auto is not None and not want:
                    raise Refused("item 1 is ticked by diagnosis {id}: it stays ticked while a diagnosis "
                                  "of this cycle is kept", id=auto.diagnosis)
                if auto is not None:
                    return True  # already ticked (a toggle too leaves the diagnosis's tick as it is)
            if want == ticked:
                return ticked
            ticks = [t for t in old.ticks if t.text not in names]
            if want:
                ticks.append(Tick(text, self.actor, stamp(self.clock())))
            new = ChecklistState(name=name, ticks=ticks)
            exists = bool(self._doc(file, table, doc_id))  # (a new cycle's: its first tick)
            tx.put(action, f"checklist:{name}", file, table,
                   doc_id, msgspec.to_builtins(old) if exists else None, msgspec.to_builtins(new))
            return want
        return self._transact(build)

    def _checklist_doc(self, which: str, day: date | None) -> int:
        """Document 1 for a one-off checklist; one document per ISO week (202648) for a weekly
        one; one per cycle for the end-of-cycle review (on a board with the cycle's dates)."""
        if which in WEEKLY:
            return week_doc_id(day or self.clock().date())
        if which in PER_CYCLE:
            return cycle_doc_id(self.period()) or CHECKLIST_DOC
        return CHECKLIST_DOC

    def _checklist_name(self, which: str, day: date | None) -> str:
        """The checklist as the log names it: `weekly 2026-W48`, `review 2026-10-01..2026-12-31`."""
        if which in WEEKLY:
            return f"{which} {iso_week(day or self.clock().date())}"
        start, end = self.period() if which in PER_CYCLE else (None, None)
        return f"{which} {start}..{end}" if start and end else which

    def _checklist_state(self, which: str = "diagnosis", day: date | None = None) -> ChecklistState:
        _, file, table, _ = CHECKLISTS[which]
        doc_id = self._checklist_doc(which, day)
        doc = self._doc(file, table, doc_id)
        if not doc and which in PER_CYCLE and doc_id != CHECKLIST_DOC:
            # a cycle not ticked in yet: the ticks kept before they were kept per cycle, of its days
            kept = self._checklist_state_of(file, table, CHECKLIST_DOC, which)
            cycle, now = self.period(), self.plan_period()
            return ChecklistState(name=self._checklist_name(which, day), ticks=[
                t for t in kept.ticks if given_in((None, None), given_day(t.at), cycle, now)])
        return self._checklist_state_of(file, table, doc_id, which)

    def _checklist_state_of(self, file: str, table: str, doc_id: int, which: str) -> ChecklistState:
        doc = self._doc(file, table, doc_id)
        if not doc:
            return ChecklistState(name=which)
        try:
            return msgspec.convert(doc, ChecklistState)
        except msgspec.ValidationError as error:
            raise BoardDamaged("{file}: table {table}: {error}; the file was left as it is",
                               file=self.files.home(file, table, doc_id).path, table=table, error=error) from None
