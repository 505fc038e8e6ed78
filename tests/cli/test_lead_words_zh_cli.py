"""A lead is 主管 in Chinese where a rule says who may set a member's language: a rep setting
another's was told `由其本人或负责人设置` (the owner's), not `主管` (a lead's)."""

from __future__ import annotations


def test_a_rep_setting_anothers_language_is_told_a_lead_does(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, _, err = run("member", "lang", "bea", "zh", user="ali")
    assert code == 1 and "bea 的由其本人或主管设置" in err
