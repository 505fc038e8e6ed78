"""Plan files: YAML text to a plan document with the line of every field, and back.

Reading is defensive: a file over 5 MB, a binary file, an alias or anchor (`*a`, `&a`: the
billion-laughs bomb), or a tag beyond plain YAML (`!!python/object/apply:...`) is refused before
anything is built from it. Only `true`/`false` are booleans and dates stay text until the models
read them, so `no` and `2026-13-45` reach the checks as what they are. Problems come back as
`Problem(path, message, line)` (sales/plan_check.py).

Writing is deterministic, so export -> import -> export gives the same bytes: keys in the
models' order, a field written unless it is empty (null, "", [] or {}: absent fields take the
model's defaults on import, which are never anything but empty for optional fields), ISO dates,
text with line breaks as `|` block strings, lists of ids on one line, no line wrapping, no
anchors.

Where PyYAML has libyaml (its C scanner and emitter), a plan is read and written with it, two
to three times as fast at 5,000 tasks (README, Benchmarks), with the same results: a file that
reads with a problem is read again by the pure-Python reader, whose words and lines the messages
quote (so is a file with a tab in it: libyaml takes `key:<tab>value`, which PyYAML refuses), and
a document holding text that libyaml writes otherwise (`_C_WRITES_OTHERWISE`) is written by the
pure-Python writer. (libyaml also reads a few things PyYAML refuses, such as `[G?-2]`.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import msgspec
import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent

from sales.errors import Reason
from sales.plan import PLAN_SCHEMA, Plan, as_written
from sales.plan_check import PlanInvalid, Problem

MAX_BYTES = 5 * 1024 * 1024
#: The most items a plan file holds, all its sections together, and the most entries of any one
#: list in it (a task's steps): fifty times a big team's year of tasks and deals, and what a plan
#: file can hold and still import in seconds. 5 MB of one-line tasks is 315,000 of them, which
#: took 43 s and 735 MB to dry-run: a rep over SSH could load the server (README, Safe reading).
MAX_ITEMS = 50_000
_YAML = "tag:yaml.org,2002:"
PLAIN_TAGS = {_YAML + name for name in ("str", "int", "float", "bool", "null", "map", "seq")}


@dataclass
class PlanText:
    """A plan file's document and the line where each path (`tasks[3].due`) is written."""

    name: str
    document: object
    lines: dict[str, int]

    def line_of(self, path: str) -> int:
        """The line of `path`, or of the nearest enclosing part of the document that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            shorter = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path)
            if shorter == path:
                break
            path = shorter
        return 1

    def within(self, key: str, index: int | None = None) -> "PlanText":
        """This file read as a plan's `key` section: the whole document (a list) is the section,
        or with `index`, its one item (a mapping); each line is kept under its new path."""
        prefix = key if index is None else f"{key}[{index}]"
        document = {key: self.document if index is None else [self.document]}
        lines = {prefix + ("" if not path else path if path.startswith("[") else "." + path): line
                 for path, line in self.lines.items()}
        return PlanText(self.name, document, lines)

    def located(self, problems: list[Problem]) -> list[Problem]:
        """The problems with their lines, in the order of the file."""
        placed = [p if p.line else p.at(self.line_of(p.path)) for p in problems]
        return sorted(placed, key=lambda p: p.line)


def format_problem(name: str, problem: Problem, say: Callable[[Problem], str] | None = None) -> str:
    """`FILE:LINE: path.to.field: what is wrong`, on one line whatever the file's keys hold;
    what is wrong as `say(problem)` says it (the interface passes tui.i18n.said_reason), else
    in English."""
    what = say(problem) if say is not None else problem.message
    text = f"{name}:{problem.line or 1}: {problem.path or 'file'}: {what}"
    return text.replace("\r", "\\r").replace("\n", "\\n")


# ---------------------------------------------------------------------- reading

class _Refused(Exception):
    def __init__(self, line: int, reason: Reason, path: str = "yaml") -> None:
        super().__init__(str(reason))
        self.line, self.reason, self.path = line, reason, path


class _TooMany(PlanInvalid):
    """A file with more items than MAX_ITEMS: said at once, not read again by the other reader."""


class _Counting:
    """A composer that refuses a file of more than MAX_ITEMS items while it reads it, before a
    node of the rest is built (the nodes, the document and the models of 315,000 tasks took
    735 MB): `_paths` is where each node being built is (`tasks[3].steps`), to say which list."""

    def _start_counting(self) -> None:
        self._paths: list[str] = [""]
        self._items = 0

    def compose_node(self, parent, index):
        _no_anchor(self.peek_event())
        where = self._paths[-1]
        if isinstance(parent, yaml.SequenceNode):
            if index >= MAX_ITEMS:
                self._too_many(where, Reason("more than {limit:,} entries; a list in a plan file holds at most "
                                             "{limit:,} (split it over several files)", limit=MAX_ITEMS))
            if where.count(".") == 0 and "[" not in where:  # an item of a section (tasks[3])
                self._items += 1
                if self._items > MAX_ITEMS:
                    self._too_many(where, Reason("the file has more than {limit:,} items; a plan file holds at most "
                                                 "{limit:,}, all its sections together (split it over several "
                                                 "files)", limit=MAX_ITEMS))
            path = f"{where}[{index}]"
        elif isinstance(parent, yaml.MappingNode) and isinstance(index, yaml.ScalarNode):
            path = f"{where}.{index.value}" if where else index.value
        else:
            path = where
        self._paths.append(path)
        try:
            return super().compose_node(parent, index)
        finally:
            self._paths.pop()

    def _too_many(self, path: str, reason: Reason) -> None:
        raise _TooMany([Problem(path, reason, self.peek_event().start_mark.line + 1)])


class _KeysAsTyped:
    """Every key is the text typed: `true:`, `~:` and `12:` were read as True, None and 12, and
    said as `tasks[0].True: unknown key` (and at the line of the item, not of the key)."""

    def construct_mapping(self, node, deep=False):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_node.tag = _YAML + "str"
        return super().construct_mapping(node, deep)


class PlanLoader(_KeysAsTyped, _Counting, yaml.SafeLoader):
    """SafeLoader without aliases, anchors, timestamps, yes/no/on/off booleans, or YAML 1.1's
    other numbers: a leading zero (`0123`, octal: 83), hex (`0x1F`) and base 60 (`1:30`, 90)
    stay text as written, so a value of 0123 is said as `0123`, not taken for 83."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers
                if tag not in (_YAML + "timestamp", _YAML + "bool", _YAML + "int", _YAML + "float")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._start_counting()


def _no_anchor(event) -> None:
    """Refuse an alias or an anchor, at its line (before the composer resolves or records it)."""
    if isinstance(event, AliasEvent):
        raise _Refused(event.start_mark.line + 1,
                       Reason("aliases (*{anchor}) are not allowed in a plan file", anchor=event.anchor))
    if getattr(event, "anchor", None):
        raise _Refused(event.start_mark.line + 1,
                       Reason("anchors (&{anchor}) are not allowed in a plan file", anchor=event.anchor))


PlanLoader.add_implicit_resolver(_YAML + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
PlanLoader.add_implicit_resolver(_YAML + "int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))
PlanLoader.add_implicit_resolver(  # YAML 1.1's floats but base 60 (`1.5`, `1.0e+20`, `.inf`, `.nan`)
    _YAML + "float", re.compile(r"""^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?
                                    |\.[0-9_]+(?:[eE][-+][0-9]+)?
                                    |[-+]?\.(?:inf|Inf|INF)
                                    |\.(?:nan|NaN|NAN))$""", re.X), list("-+0123456789."))


if yaml.__with_libyaml__:
    class _FastPlanLoader(_KeysAsTyped, _Counting, Composer, yaml.CSafeLoader):
        """libyaml's scanner and parser under PyYAML's own composer, so that aliases and anchors
        are refused as PlanLoader refuses them, and with PlanLoader's resolvers: the same document
        and lines, several times as fast. Its error messages are libyaml's, not the ones the hints
        below know: a file it cannot read is read again by PlanLoader."""

        yaml_implicit_resolvers = PlanLoader.yaml_implicit_resolvers

        def __init__(self, stream: str) -> None:
            yaml.CSafeLoader.__init__(self, stream)
            Composer.__init__(self)
            self._start_counting()
else:  # pragma: no cover  (PyYAML built without libyaml)
    _FastPlanLoader = None


def read_plan_file(path: str | Path) -> PlanText:
    """The plan file at `path`, or PlanInvalid with every problem found, each with its line."""
    path = Path(path)
    name = str(path)
    if path.is_dir():
        from store.record_files import a_folder

        why = a_folder(path, (".yaml", ".yml"))
        raise PlanInvalid([Problem("file", why, 1)])
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(name, size)
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise PlanInvalid([Problem("file", "cannot read it: {why}", 1, why=error.strerror or str(error))]) from None
    return parse_plan_text(data, name)


def _too_big(name: str, size: int) -> PlanInvalid:
    # "5.0 MB; at most 5 MB" read as no reason at all: a size that rounds to the cap is "more than"
    cap = MAX_BYTES // 1024 // 1024
    if f"{size / 1024 / 1024:.1f}" == f"{MAX_BYTES / 1024 / 1024:.1f}":
        return PlanInvalid([Problem("file", "the file is more than {cap} MB; a plan file may be at most {cap} MB",
                                    1, cap=cap)])
    return PlanInvalid([Problem("file", "the file is {size:.1f} MB; a plan file may be at most {cap} MB",
                                1, size=size / 1024 / 1024, cap=cap)])


def parse_plan_text(data: bytes, name: str = "<plan>") -> PlanText:
    """Bytes of a plan file as a document with lines, or PlanInvalid (every problem, with lines)."""
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": not binary, but not UTF-8 either
        raise PlanInvalid([Problem("file", "this is UTF-16 text; a plan file is UTF-8 YAML: save it "
                                           "as UTF-8", 1)])
    if b"\x00" in data:
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        raise PlanInvalid([Problem("file", "this is a binary file (it holds NUL bytes), "
                                           "not a YAML plan", line)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise PlanInvalid([Problem("file", "not UTF-8 text (byte 0x{byte:02x}); a plan file is UTF-8 YAML",
                                   line, byte=data[error.start])]) from None
    if _FastPlanLoader is not None and "\t" not in text:  # (libyaml takes a tab after `key:`; PyYAML does not)
        try:
            return _read(text, name, _FastPlanLoader)
        except _TooMany:
            raise
        except PlanInvalid:
            pass  # (said as the pure-Python reader says it: its words, its lines, the hints)
    return _read(text, name, PlanLoader)


def _read(text: str, name: str, loader_class: type) -> PlanText:
    try:
        loader = loader_class(text)  # (PlanLoader refuses control characters YAML does not allow, at once)
    except yaml.reader.ReaderError as error:
        line = text[:error.position].count("\n") + 1
        raise PlanInvalid([Problem("yaml", "character #x{code:04x} is not allowed in YAML (a control "
                                           "character); remove it", line, code=error.character)]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise PlanInvalid([Problem("file", "the file is empty; a plan file holds at least a "
                                               "`plan:` or one section (members, goals, tasks, ...)", 1)])
        lines: dict[str, int] = {}
        problems: list[Problem] = []
        _walk(node, "", lines, problems)
        if problems:
            raise PlanInvalid(problems)
        document = loader.construct_document(node)
    except _Refused as refused:
        raise PlanInvalid([Problem("yaml", refused.reason, refused.line)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.problem == "could not find expected ':'" and error.context_mark:
            mark = error.context_mark  # (the key without its colon; the problem is found a line on)
        words = " ".join(part for part in (error.context, error.problem) if part)  # (the parser's words)
        message = _hinted(error.problem or "", words)
        raise PlanInvalid([Problem("yaml", message, mark.line + 1 if mark else 1)]) from None
    except yaml.YAMLError as error:
        raise PlanInvalid([Problem("yaml", error, 1)]) from None
    except RecursionError:
        raise PlanInvalid([Problem("yaml", "the file is nested too deeply", 1)]) from None
    finally:
        loader.dispose()
    return PlanText(name, document, lines)


def _hinted(problem: str, said: str) -> object:
    """The parser's words, and what a person editing a plan by hand most likely did where those
    words do not say it (a tab, a colon in a title, a line indented one space off)."""
    if problem.startswith("found character '\\t'"):
        return Reason("{parser}: YAML indents with spaces, not tabs", parser=said)
    if problem == "mapping values are not allowed here":
        return Reason("{parser}: a value with ': ' in it needs quotes (title: 'Call: Acme'), "
                      "or the line is indented too far", parser=said)
    if problem == "could not find expected ':'":
        return Reason("{parser}: a key needs a colon and a space after it (priority: high)", parser=said)
    if problem == "expected <block end>, but found '<scalar>'":
        return Reason("{parser}: the text goes on after its closing quote: a quote inside quoted text is "
                      "written twice ('Don''t call'), or the text is put in the other kind of quotes", parser=said)
    if problem == "expected <block end>, but found '-'":
        return Reason("{parser}: a list item (- ) that does not line up with the items of its list "
                      "(each item's dash at the same column)", parser=said)
    if problem.startswith("expected <block end>, but found '<block"):
        return Reason("{parser}: the line is indented differently from the lines before it "
                      "(each level by the same number of spaces)", parser=said)
    return said


def _walk(node: yaml.Node, path: str, lines: dict[str, int], problems: list[Problem]) -> None:
    """Record the line of each path; refuse tags beyond plain YAML, duplicate and complex keys."""
    if node.tag not in PLAIN_TAGS:
        problems.append(Problem(path or "file", "the tag {tag} is not allowed in a plan file (only plain YAML)",
                                node.start_mark.line + 1, tag=node.tag.replace(_YAML, "!!")))
        return
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in PLAIN_TAGS:
                problems.append(Problem(path or "file", "a key must be plain text", line))
                continue
            key = key_node.value
            child = f"{path}.{key}" if path else key
            if key in seen:
                problems.append(Problem(child, "duplicate key (first at line {first})", line, first=seen[key]))
                continue
            seen[key] = line
            lines[child] = line
            _walk(value_node, child, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{path}[{index}]"
            lines[child] = item.start_mark.line + 1
            _walk(item, child, lines, problems)


# ---------------------------------------------------------------------- writing

class PlanDumper(yaml.SafeDumper):
    """SafeDumper with block strings for text that has line breaks, and never an anchor."""

    def ignore_aliases(self, data: object) -> bool:
        return True


if yaml.__with_libyaml__:
    class _FastPlanDumper(yaml.CSafeDumper):
        """PlanDumper on libyaml's emitter: the same bytes, several times as fast, for a document
        without text libyaml writes otherwise (`_C_WRITES_OTHERWISE`)."""

        def ignore_aliases(self, data: object) -> bool:
            return True
else:  # pragma: no cover
    _FastPlanDumper = None

#: What libyaml's emitter writes differently from PyYAML's, in the document's JSON: a character
#: beyond U+FFFF (an emoji: escaped, "\U0001F600"), NEL, LS and PS (escaped), and text ending in
#: a line break (a `|+` block, followed by a `...` line). (A false alarm only costs speed.)
_C_WRITES_OTHERWISE = re.compile(rb'[\xf0-\xf4]|\xc2\x85|\xe2\x80[\xa8\xa9]|\\n"')


def _text(dumper: PlanDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(_YAML + "str", text, style="|" if "\n" in text else None)


def _list(dumper: PlanDumper, items: list) -> yaml.SequenceNode:
    """Short lists of ids (`goals: [G-1, G-3]`) on one line; lists of items as blocks."""
    flow = bool(items) and all(isinstance(i, str) and "\n" not in i and len(i) <= 40 for i in items)
    return dumper.represent_sequence(_YAML + "seq", items, flow_style=flow)


for _dumper in (PlanDumper, _FastPlanDumper):
    if _dumper is not None:
        _dumper.add_representer(str, _text)
        _dumper.add_representer(list, _list)


def header() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        written_by = version("uplift")
    except PackageNotFoundError:
        written_by = "unknown"
    return f"# Uplift plan, written by uplift {written_by}, schema {PLAN_SCHEMA}\n"


def plan_document(plan: Plan) -> dict:
    """The plan as plain data in the models' key order, empty fields left out, dates kept."""
    return as_written(msgspec.to_builtins(plan, builtin_types=(date,)))


def dump_plan(plan: Plan) -> str:
    """The plan file's text: the header comment, then the document."""
    document = plan_document(plan)
    fast = _FastPlanDumper is not None and not _C_WRITES_OTHERWISE.search(msgspec.json.encode(document))
    body = yaml.dump(document, Dumper=_FastPlanDumper if fast else PlanDumper, sort_keys=False,
                     allow_unicode=True, default_flow_style=False, width=1_000_000, indent=2)
    return header() + body


def write_plan_file(path: str | Path, text: str, board: Path | None = None) -> None:
    """Write an exported plan whole or not at all, never into the `board` folder
    (store.files.write_export)."""
    from store.files import write_export

    write_export(path, text.encode("utf-8"), board)
