"""The command line as a script and a person at a shell use it: typos, help, JSON shapes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang, says", [
    ("en", "uplift: error: argument COMMAND: invalid choice: 'tsak', maybe you meant 'task'? (choose from 'demo', "),
    ("zh", "uplift：错误：参数 COMMAND：无效的选择：'tsak'，你是不是想输入 'task'？（可选：'demo', ")])
def test_a_mistyped_verb_names_the_one_it_was_near_and_is_bad_usage(run, monkeypatch, lang, says):
    monkeypatch.setenv("UPLIFT_LANG", lang)
    code, out, err = run("tsak", "list")
    assert (code, out) == (2, "")
    assert says in err


def test_a_mistyped_sub_verb_and_choice_name_theirs_and_write_nothing(run):
    code, out, err = run("task", "lsit")
    assert (code, out) == (2, "") and "invalid choice: 'lsit', maybe you meant 'list'? (choose from 'list'," in err
    code, out, err = run("task", "add", "Call Isdom", "--priority", "hihg")
    assert (code, out) == (2, "")
    assert err.endswith("invalid choice: 'hihg', maybe you meant 'high'? "
                        "(choose from 'low', 'normal', 'high', 'urgent')\n")
    assert "Call Isdom" not in run("task", "list", "--json")[1]


def test_a_word_near_no_choice_is_refused_as_before(run):
    code, out, err = run("xyzzy")
    assert (code, out) == (2, "")
    assert "invalid choice: 'xyzzy' (choose from 'demo'," in err and "maybe" not in err
