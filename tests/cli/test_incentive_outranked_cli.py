"""A plan for the next cycle set while the last cycle's plan (no `end`) still pays every cycle pays
no one: `incentive set` says who pays them instead and how to hand the cycle over, rather than
leave the lead to find last quarter's quotas on this quarter's statements."""

from __future__ import annotations


def _set(run, tmp_path, text: str):
    path = tmp_path / "plan.yaml"
    path.write_text(text)
    return run("incentive", "set", str(path))


def test_a_new_plan_outranked_by_an_older_one_says_so(run, tmp_path) -> None:
    assert run("plan", "info", "--name", "Q1", "--start", "2030-01-01", "--end", "2030-03-31")[0] == 0
    assert _set(run, tmp_path, "name: Q4 plan\nquota: 1000\ntiers: [{from_pct: 0, rate: 5}]\n")[0] == 0
    code, out, err = _set(run, tmp_path, "name: Q1 plan\nquota: 2000\ntiers: [{from_pct: 0, rate: 8}]\n"
                                         "start: 2030-01-01\n")
    assert (code, out) == (0, "I-2\n")
    assert err == ("note: in the cycle 2030-01-01 to 2030-03-31, I-1 pays ali, bea, not I-2 (the first plan in "
                   "force naming a rep's quota pays them, else the first with a quota for everyone); for I-2 to "
                   "pay this cycle, give I-1 an end: `end: 2029-12-31`\n")
    assert "(I-1)" in run("payout", "--rep", "ali")[1]

    code, out, err = _set(run, tmp_path, "id: I-1\nname: Q4 plan\nquota: 1000\ntiers: [{from_pct: 0, rate: 5}]\n"
                                         "end: 2029-12-31\n")
    assert (code, out, err) == (0, "I-1\n", "")
    assert "(I-2)" in run("payout", "--rep", "ali")[1]


def test_an_old_plan_set_again_without_its_end_says_whom_it_takes(run, tmp_path) -> None:
    assert run("plan", "info", "--name", "Q1", "--start", "2030-01-01", "--end", "2030-03-31")[0] == 0
    assert _set(run, tmp_path, "- {name: Q4 plan, quota: 1000, tiers: [{from_pct: 0, rate: 5}], end: 2029-12-31}\n"
                               "- {name: Q1 plan, quota: 2000, tiers: [{from_pct: 0, rate: 8}], start: 2030-01-01}\n")[1:] \
        == ("I-1\nI-2\n", "")
    code, out, err = _set(run, tmp_path, "id: I-1\nname: Q4 plan\nquota: 1000\ntiers: [{from_pct: 0, rate: 5}]\n")
    assert (code, out) == (0, "I-1\n")
    assert err.startswith("note: in the cycle 2030-01-01 to 2030-03-31, I-1 pays ali, bea, not I-2 ")
