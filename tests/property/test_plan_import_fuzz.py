"""`uplift plan import` on arbitrary files: a valid plan with fields replaced by anything, YAML
documents of any shape, and raw bytes. Each import exits 0, 1 or 2; on 1 or 2 every problem is
`FILE:LINE: path: what` (or `FILE: ...` for a file that is not YAML at all) and the board's
files are byte for byte what they were."""

from __future__ import annotations

import re

import yaml
from hypothesis import given
from hypothesis import strategies as st

from store.board import Board
from tests.conftest import snapshot_files
from tests.property.strategies import (
    FUZZ,
    any_char,
    dates,
    every_file_decodes,
    numbers,
    texts,
)
from tui.cli import main

FIELDS = {
    "members": ("name", "role"),
    "goals": ("title", "owner", "metric", "target", "baseline", "deadline", "description", "id"),
    "strategies": ("title", "dimension", "goals", "id"),
    "tasks": ("title", "owner", "status", "priority", "due", "start", "goal", "strategy", "steps", "id"),
    "deals": ("title", "account", "value", "stage", "owner", "close", "id"),
}
VALID = {
    "schema": 1,
    "plan": {"name": "Fuzz"},
    "members": [{"name": "dana", "role": "lead"}, {"name": "ali", "role": "rep"}],
    "goals": [{"title": "Grow", "owner": "dana", "metric": "revenue", "target": 10}],
    "strategies": [{"title": "North", "dimension": "market", "goals": ["G-1"]}],
    "tasks": [{"title": "Call", "owner": "ali", "status": "todo", "due": "2027-01-04", "goal": "G-1",
               "steps": [{"text": "one"}]}],
    "deals": [{"title": "Acme", "value": 100}],
}
values = st.one_of(texts, numbers, dates, st.booleans(), st.lists(texts, max_size=2),
                   st.dictionaries(texts, texts, max_size=2))


@st.composite
def mutated_plans(draw) -> bytes:
    document = yaml.safe_load(yaml.safe_dump(VALID))
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(sorted(FIELDS)))
        item = document[section][0]
        item[draw(st.one_of(st.sampled_from(FIELDS[section]), texts))] = draw(values)
    if draw(st.booleans()):
        document[draw(st.sampled_from(("schema", "plan", "wip", "tasks", "nonsense")))] = draw(values)
    return yaml.safe_dump(document, allow_unicode=draw(st.booleans())).encode()


shapes = st.recursive(st.one_of(st.none(), texts, numbers, st.booleans()),
                      lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
                      max_leaves=8).map(lambda doc: yaml.safe_dump(doc, allow_unicode=True).encode())
raw = st.one_of(st.binary(max_size=200), st.text(any_char, max_size=200).map(lambda t: t.encode("utf-8")),
                st.sampled_from((b"a: &x [1]\nb: *x\n", b"!!python/object/apply:os.system ['true']\n",
                                 b"\xff\xfe\x00", b"", b"tasks: [\n", b"schema: 99\n")))



@FUZZ
@given(data=st.one_of(mutated_plans(), shapes, raw))
def test_any_plan_file_imports_or_is_refused_with_located_problems(team, tmp_path, capsys, data) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(data)
    before = snapshot_files(team)
    code = main(["--board", str(team), "plan", "import", str(plan)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), err
    every_file_decodes(team)
    Board(team, actor="dana").tasks()
    if code:
        assert snapshot_files(team) == before
        lines = err.strip().splitlines()
        assert lines[-1].startswith("uplift: ")
        located = re.compile(re.escape(str(plan)) + r":\d+: .")
        assert lines[:-1] and all(located.match(line) for line in lines[:-1]), lines
