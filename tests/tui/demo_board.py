"""A demo board that looks the same on every run and every machine, for screen snapshots and the
layout checks: the sample quarter seeded for a fixed day in UTC, a few deals, and one diagnosis,
all written with frozen clocks; the app then runs with the same frozen clock. In Chinese
(`lang="zh"`) it is the Chinese sample quarter, with Chinese deals and sales records."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from store.board import Board
from store.demo import seed_demo

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, 30, tzinfo=timezone.utc)
LEADS = {"en": "dana", "zh": "王芳"}
DEALS = {"en": [  # title, account, owner, value, stage, key account
    ("Acme renewal 2027", "Acme", "ali", 48_000, None, True),
    ("Betasoloin pilot", "Betasoloin", "bea", 12_500, None, False),
    ("Cobalt fleet upgrade", "Cobalt", "ali", 90_000, "Proposal", False),
    ("Delta training bundle", "Delta", "bea", 7_200, "Negotiation", False),
], "zh": [
    ("艾克美 2027 年续约", "艾克美", "李雷", 48_000, None, True),
    ("贝塔索试点", "贝塔索", "韩梅", 12_500, None, False),
    ("钴业车队升级", "钴业", "李雷", 90_000, "方案", False),
    ("德尔塔培训套餐", "德尔塔", "韩梅", 7_200, "谈判", False),
]}
REGIONS = {"en": ("North", "East", "South"), "zh": ("华北", "华东", "华南")}
REPS = {"en": ("ali", "bea"), "zh": ("李雷", "韩梅")}


def records(lang: str = "en") -> str:
    return "deal,date,amount,region,rep,stage\n" + "".join(
        f"R{i},2026-{1 + i % 10:02d}-{1 + i % 27:02d},{200 + 13 * i},"
        f"{REGIONS[lang][i % 3]},{REPS[lang][i % 2]},{('won', 'lost', 'won', 'won')[i % 4]}\n"
        for i in range(120))



def utc_local_time() -> None:
    """seed_demo writes its history in the local zone: make that UTC (call before seeding)."""
    os.environ["TZ"] = "UTC"
    time.tzset()


def built_in_utc(tmp_path_factory, name: str) -> Path:
    """The demo for a module's fixture: seeded in UTC (its history in the local zone), the
    machine's zone given back after."""
    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        time.tzset()
        path = build_demo(tmp_path_factory.mktemp(name))
    time.tzset()
    return path


def fixed_clock() -> datetime:
    return NOW


#: language -> a folder holding the demo as built once in this process (board/, records.csv)
_BUILT: dict[str, Path] = {}


def build_demo(folder: Path, lang: str = "en") -> Path:
    """A seeded board in `folder/board` (with the records file beside it); its path. Built once
    per language and process, then copied: the same board each time, as its clocks are frozen."""
    utc_local_time()
    if lang not in _BUILT:
        built = Path(tempfile.mkdtemp(prefix=f"uplift-demo-{lang}-"))
        atexit.register(shutil.rmtree, built, ignore_errors=True)
        _build(built, lang)
        _BUILT[lang] = built
    shutil.copytree(_BUILT[lang] / "board", folder / "board")
    shutil.copy2(_BUILT[lang] / "records.csv", folder / "records.csv")
    return folder / "board"


def _build(folder: Path, lang: str) -> None:
    path = folder / "board"
    seed_demo(path, today=TODAY, lang=lang)
    lead = Board(path, actor=LEADS[lang], clock=lambda: NOW - timedelta(days=2))
    stages = [s.name for s in lead.stages()]
    for title, account, owner, value, stage, key in DEALS[lang]:
        fields = {"account": account, "owner": owner, "value": value, "key_account": key,
                  "close": (TODAY + timedelta(days=30)).isoformat()}
        if stage and stage in stages:
            fields["stage"] = stage
        lead.add_deal(title, **fields)
    records_file = folder / "records.csv"
    records_file.write_text(records(lang), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(folder)  # the diagnosis names its file as given: keep the name free of temp paths
    try:
        lead.run_diagnosis(["records.csv"])
    finally:
        os.chdir(cwd)


def demo_board(path: Path, lang: str = "en") -> Board:
    return Board(path, actor=LEADS[lang], clock=fixed_clock)
