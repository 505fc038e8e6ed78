"""The interface's language: how it is chosen, and that the Chinese catalogue covers the screens.

The list of strings the screens look up is found here by reading the source (every `_("...")`,
`N_("...")` and `n_("...", "...")` call in tui/, with ast), not by asking the translation layer;
the domain's words that screens pass to `_()` as values (status names, priorities, ...) are
listed from sales/ directly. The catalogue is read as the JSON file it is.
"""

from __future__ import annotations

import ast
import functools
import json
import string
from pathlib import Path

import pytest

from sales import budget, goals, ids, incentives, notes, smart, tasks, touches
from tui.i18n import N_, _, choose_language, n_, set_language

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "tui" / "locales" / "zh.json"
LOOKUPS = {"_": 1, "N_": 1, "n_": 2}  # function -> how many leading arguments are English keys
SOURCES = ("sales", "store", "tui")  # where messages are written
# errors whose message is a template (sales.errors), and Word: class -> where its template is
TEMPLATES = {"UpliftError": 0, "Refused": 0, "NotFound": 0, "NotAnId": 0, "Reason": 0, "BadInput": 0,
             "Invalid": 1, "Word": 0, "Phrase": 0, "MappingError": 0, "RecordsError": 1,
             "BoardBusy": 0, "BoardDamaged": 0, "BoardTooNew": 0, "DateError": 0, "NotAKey": 0, "Problem": 1,
             "CommandRefused": 0, "MachineRefused": 0}


def called(node: ast.Call) -> str | None:
    """The name a call is made by: `Refused(...)` and `errors.Refused(...)` are both Refused."""
    if isinstance(node.func, ast.Name):
        return node.func.id
    return node.func.attr if isinstance(node.func, ast.Attribute) else None


def literals(node: ast.AST) -> list[str]:
    """The texts a template argument may be: a literal, or either branch of `a if c else b`."""
    if isinstance(node, ast.IfExp):
        return literals(node.body) + literals(node.orelse)
    return [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value else []


def source_files():
    for folder in SOURCES:
        yield from sorted((ROOT / folder).rglob("*.py"))


@functools.cache
def tree(path: Path) -> ast.Module:
    """A source file's syntax tree, parsed once per run (several tests here read every file)."""
    return ast.parse(path.read_text(encoding="utf-8"))


@functools.cache
def calls_in(path: Path) -> tuple[ast.Call, ...]:
    """The calls a source file makes, in ast.walk's order."""
    return tuple(node for node in ast.walk(tree(path)) if isinstance(node, ast.Call))


@functools.cache
def looked_up_in_source() -> dict[str, str]:
    """Every literal English string given to _, N_ or n_ in tui/, and every template given to
    an error or a Word in sales/, store/ and tui/, with the file it is in."""
    found: dict[str, str] = {}
    for path in source_files():
        in_tui = path.is_relative_to(ROOT / "tui")
        for node in calls_in(path):
            name = called(node)
            if in_tui and isinstance(node.func, ast.Name) and name == "p_":  # (context, text): "context|text"
                if all(isinstance(a, ast.Constant) for a in node.args[:2]):
                    found.setdefault(f"{node.args[0].value}|{node.args[1].value}", str(path.relative_to(ROOT)))
                continue
            if in_tui and isinstance(node.func, ast.Name) and name in LOOKUPS:
                args = node.args[: LOOKUPS[name]]
            elif name in TEMPLATES:
                args = node.args[TEMPLATES[name]: TEMPLATES[name] + 1]
            else:
                continue
            for arg in args:
                for text in literals(arg):
                    found.setdefault(text, str(path.relative_to(ROOT)))
    return found


def domain_words() -> set[str]:
    """Words of sales/ that the screens translate as values: `_(STATUS_LABELS[s])`, `_(task.priority)`..."""
    words = set(tasks.STATUS_LABELS.values()) | set(tasks.STATUSES) | set(tasks.PRIORITIES)
    words |= set(goals.DIMENSION_LABELS.values()) | set(goals.DIRECTION_LABELS.values())
    words |= set(goals.CONFIDENCE_LABELS.values()) | set(smart.NAMES.values())
    words |= set(goals.OUTCOME_LABELS.values())  # (a closed goal's outcome, tui.goal_text.outcome_text)
    words |= {name.replace("_", " ") for name in goals.SCOPE_FIELDS}
    words |= set(notes.KIND_LABELS.values()) | set(notes.NOTE_KINDS) | set(notes.TAG_LABELS.values())
    words |= set(budget.CATEGORIES) | {"requested", "approved", "rejected"}
    words |= set(touches.TOUCH_TYPES) | {"lead", "rep", "reader", "month", "quarter"}
    words |= set(smart.MESSAGES) | {"; ", ", "} | {goals.GAP_NO_STRATEGY, goals.GAP_NO_TASKS}
    words |= set(goals.KNOWN_METRICS)  # (a goal's metric, tui.goal_text.metric_text)
    words |= set(goals.METRIC_WORDS.values())  # (a metric in words: sales.goals.metric_word, metric_text)
    words |= set(incentives.MEASURE_LABELS.values())  # (a bonus's measure, in its payout line)
    words |= {ids.name_of(kind) for kind in ids.PREFIXES}  # `no {kind} {id} on this board`
    return words


def zh() -> dict[str, str]:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ choosing the language

@pytest.mark.parametrize("environ, expected", [
    ({}, "en"),
    ({"UPLIFT_LANG": "zh"}, "zh"),
    ({"UPLIFT_LANG": "zh_CN.UTF-8"}, "zh"),
    ({"UPLIFT_LANG": "zh-Hans"}, "zh"),
    ({"UPLIFT_LANG": "EN"}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),  # LC_ALL wins over the rest
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
])
def test_the_language_comes_from_uplift_lang_else_the_locale_else_english(environ, expected) -> None:
    assert choose_language(environ) == expected


def test_uplift_lang_beats_the_locale_both_ways() -> None:
    assert choose_language({"UPLIFT_LANG": "en", "LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert choose_language({"UPLIFT_LANG": "zh", "LC_ALL": "en_US.UTF-8"}) == "zh"


@pytest.mark.parametrize("unknown", ["fr", "klingon", "x"])
def test_an_unknown_uplift_lang_means_english_even_with_a_chinese_locale(unknown) -> None:
    assert choose_language({"UPLIFT_LANG": unknown, "LANG": "zh_CN.UTF-8"}) == "en"


def test_lookups_follow_the_language_and_fall_back_to_english(monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert set_language() == "zh"
    assert _("Quit") == "退出"
    assert _("Saved {id}").format(id="T-4") == "已保存 T-4"
    assert _("a sentence no catalogue has") == "a sentence no catalogue has"
    assert N_("Quit") == "Quit"  # only a marker
    assert n_("{count} note", "{count} notes", 2) == "{count} notes"  # not in the catalogue: English
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert set_language() == "en" and _("Quit") == "Quit"


# ------------------------------------------------------------------ the catalogue

def test_the_chinese_catalogue_translates_every_string_the_screens_use() -> None:
    catalogue = zh()
    needed = set(looked_up_in_source()) | domain_words()
    untranslated = sorted(text for text in needed if not catalogue.get(text))
    assert untranslated == [], f"untranslated in tui/locales/zh.json: {untranslated}"


def test_the_catalogue_holds_nothing_the_interface_no_longer_asks_for() -> None:
    unused = sorted(set(zh()) - set(looked_up_in_source()) - domain_words())
    assert unused == []


def test_every_translation_keeps_its_placeholders() -> None:
    def fields(text: str) -> list[tuple[str, str]]:
        return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None)

    wrong = {english: chinese for english, chinese in zh().items() if fields(english) != fields(chinese)}
    assert wrong == {}


def own_nodes(func: ast.AST):
    """The nodes of a function's own scope (not those of comprehensions, lambdas or inner functions)."""
    for child in ast.iter_child_nodes(func):
        yield child
        if not isinstance(child, (ast.Lambda, ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp,
                                  ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield from own_nodes(child)


def test_no_function_shadows_the_lookup_with_a_throwaway_underscore() -> None:
    """`for x, _ in ...` inside a function that also calls `_()` would call a tuple item."""
    offenders = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for func in ast.walk(tree(path)):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            own = list(own_nodes(func))
            assigns = any(isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store) for n in own)
            calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_" for n in own)
            if assigns and calls:
                offenders.append(f"{path.relative_to(ROOT)}:{func.lineno} {func.name}")
    assert offenders == []


def test_sessions_over_ssh_speak_the_servers_language(tmp_path, monkeypatch) -> None:
    """The children's locale is C.UTF-8 and the client's environment is never read: the language
    is the server's, passed on as UPLIFT_LANG."""
    from tui.serve.spawn import child_env

    monkeypatch.delenv("UPLIFT_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    env = child_env(tmp_path, "ali")
    assert env["UPLIFT_LANG"] == "zh" and choose_language(env) == "zh"
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert choose_language(child_env(tmp_path, "ali")) == "en"


async def test_in_chinese_the_screens_keys_forms_and_their_errors_speak_chinese(team, monkeypatch) -> None:
    from datetime import datetime, timezone

    from store.board import Board
    from tests.tui.waiting import until
    from tui.app import UpliftApp
    from tui.screens.budget import BudgetScreen
    from tui.screens.fields_form import FieldsForm
    from tui.screens.goals import GoalsScreen
    from tui.widgets.footer import Footer
    from tui.widgets.kanban import Kanban

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    now = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
    app = UpliftApp(Board(team, actor="dana", clock=lambda: now))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.screen.query_one(Kanban).columns[0].data is not None)
        titles = [c.data.title for c in app.screen.query_one(Kanban).columns]
        assert titles == ["待办", "进行中", "受阻", "完成"]
        await until(pilot, lambda: "帮助" in [k.description for k in app.screen.query_one(Footer).keys])
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-title"))
        assert "申请预算" in str(app.screen.query_one(".dialog-question").render())
        app.screen.query_one("#field-title").value = "展会展位"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: str(app.screen.query_one("#error-amount").render()).strip())
        assert str(app.screen.query_one("#error-amount").render()) == "金额：需要多少？"  # (under its row, named)


def test_sentences_run_together_as_each_language_writes_them() -> None:
    from tui.i18n import sentences

    assert sentences("Delete G-1?", "", "Its check-ins (2) go with it.") == "Delete G-1? Its check-ins (2) go with it."
    assert sentences("删除 G-1？", "它的 2 条进展记录一并删除。", "保留。") == "删除 G-1？它的 2 条进展记录一并删除。保留。"


async def test_an_empty_required_field_is_said_in_chinese_next_to_it(team, monkeypatch) -> None:
    """A comment, a goal's or a strategy's title, a training topic, an amount spent, a note left
    empty: `不能为空` next to the field (the store's English reason, or "'' is not a number", came
    through before), and nothing is saved."""
    from textual.widgets import Static

    from store.board import Board
    from tests.tui.waiting import on_mode, settled, until
    from tui.app import UpliftApp
    from tui.screens.diagnose_forms import NoteForm
    from tui.screens.fields_form import FieldsForm

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lead = Board(team, actor="dana")
    lead.add_goal("Grow revenue", owner="dana")
    lead.add_strategy("Fairs", goals=["G-1"])
    lead.request_budget("Booth", 8000, strategy="S-1")
    before = (len(lead.goals()), len(lead.strategies()), lead.task("T-1").comments, lead.spending(), lead.notes())
    for keys, field in ((("3", "c"), "comment"), (("2", "n"), "title"), (("2", "s"), "title"),
                        (("2", "b", "t"), "topic"), (("2", "b", "p"), "amount")):
        app = UpliftApp(Board(team, actor="dana"))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(keys[0])
            await on_mode(pilot, {"2": "goals", "3": "plan"}[keys[0]])
            for key in keys[1:]:  # each opens a screen: the budget, then the form
                shown = app.screen
                await pilot.press(key)
                await until(pilot, lambda: app.screen is not shown)
                await settled(pilot)
            await until(pilot, lambda: isinstance(app.screen, FieldsForm))
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FieldsForm), keys
            # (a field in a row of them: its error under the row, named `支出金额：`)
            assert str(app.screen.query_one(f"#error-{field}", Static).content).endswith("不能为空"), keys
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await on_mode(pilot, "diagnose")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NoteForm))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(app.screen.query_one("#error-form", Static).content) == "笔记需要内容"
    lead = Board(team, actor="dana")
    assert (len(lead.goals()), len(lead.strategies()), lead.task("T-1").comments, lead.spending(), lead.notes()) == before


async def test_a_store_refusal_is_told_in_chinese(team, monkeypatch) -> None:
    """ctrl+z over a change someone has changed since: the store's refusal, in Chinese, with the
    ids, names and time it holds as they are (the change itself is the log's English)."""
    from datetime import datetime, timezone

    from store.board import Board
    from tests.tui.waiting import until
    from tui.app import UpliftApp
    from tui.widgets.kanban import Kanban

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.screen.query_one(Kanban).columns[0].data is not None)
        await pilot.press("shift+right")
        await until(pilot, lambda: Board(team, actor="dana").task("T-1").status == "doing")
        later = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
        Board(team, actor="ali", clock=lambda: later).move_task("T-1", "done")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: app._notifications)
        assert [str(n.message) for n in app._notifications] == [
            "撤销：T-1 之后已被修改（ali 于 2026-11-26 10:00：把 T-1 从进行中移到完成）；撤销会覆盖那次修改"]
    assert Board(team, actor="dana").task("T-1").status == "done"


async def test_in_chinese_a_reps_refusal_and_a_forms_bad_number_are_said_in_chinese(team, monkeypatch) -> None:
    """A rep pressing a lead's key (d, delete, on a task on the board) is told the rule in
    Chinese, and nothing is deleted; a deal form's value that is no amount is said next to it."""
    from textual.widgets import Input, Static

    from store.board import Board
    from tests.tui.waiting import until
    from tui.app import UpliftApp
    from tui.screens.deal_form import DealForm
    from tui.widgets.kanban import Kanban

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.screen.query_one(Kanban).columns[0].data is not None)
        assert app.focused.card.id == "T-1"  # ali's own task: a rep still may not delete it
        await pilot.press("d")
        await until(pilot, lambda: app._notifications)
        assert [n.message for n in app._notifications] == ["只有主管可以删除任务（你是销售代表）"]
    assert [t.id for t in Board(team, actor="dana").tasks()] == ["T-1", "T-2"]

    Board(team, actor="dana").add_deal("Isdom pilot", owner="ali", value=18000)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, DealForm))
        app.screen.query_one("#value", Input).value = "12abc"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: str(app.screen.query_one("#error-value", Static).content))
        assert isinstance(app.screen, DealForm)
        assert str(app.screen.query_one("#error-value", Static).content) == "金额：'12abc' 不是金额"  # (named: under the row of Value, Expected close, Forecast)
    assert Board(team, actor="dana").deal("D-1").value == 18000


# ------------------------------------------------------------------ errors are said, not spelled out

def a_template(node: ast.AST) -> bool:
    """A message given as a template (a literal, or a value that holds one: a name, an error)
    rather than as text already put together (an f-string, `+`, `%`, `.format()`, `str(error)`)."""
    if isinstance(node, ast.IfExp):
        return a_template(node.body) and a_template(node.orelse)
    return isinstance(node, (ast.Constant, ast.Name, ast.Attribute, ast.Subscript))


def spelled_out_messages() -> dict[str, list[str]]:
    """file -> the lines where an error (sales.errors) is given its message already put together:
    that message cannot be translated."""
    found: dict[str, list[str]] = {}
    for path in source_files():
        for node in calls_in(path):
            if called(node) in TEMPLATES and called(node) != "Word":
                at = TEMPLATES[called(node)]
                if len(node.args) > at and not a_template(node.args[at]):
                    found.setdefault(str(path.relative_to(ROOT)), []).append(f"line {node.lineno}")
    return found


def test_every_error_is_given_its_message_as_a_template() -> None:
    """`Refused("only a lead may {action}", action=...)`, not `Refused(f"only a lead may {action}")`:
    the interface translates the template and puts the values in (tui.i18n.said)."""
    assert spelled_out_messages() == {}
