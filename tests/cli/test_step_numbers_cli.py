"""A step the store refuses is named as a person counts a checklist, from 1 (as `task tick` and
`task show` number them): `task step` of a blank step on a task with two said `steps[2]`."""


def test_a_blank_step_is_named_by_its_place_from_one(run):
    assert run("task", "edit", "T-1", "--step", "Call", "--step", "Quote", user="ali")[0] == 0
    code, out, err = run("task", "step", "T-1", " ", user="ali")
    assert (code, out) == (2, "")
    assert err == "uplift: step 3: a step needs some text\n"
    code, _, err = run("task", "step", "T-1", "", user="ali")
    assert code == 2 and err.startswith("uplift: step 3: ") and "steps[" not in err


def test_a_step_too_long_is_named_by_its_place_from_one(run):
    code, _, err = run("task", "edit", "T-1", "--step", "Call", "--step", "x" * 5000, user="ali")
    assert code == 2 and err.startswith("uplift: step 2: ") and "steps[" not in err


def test_in_chinese_too(run, monkeypatch):
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("task", "step", "T-1", "", user="ali")
    assert code == 2 and err.startswith("uplift: 第 1 步")
