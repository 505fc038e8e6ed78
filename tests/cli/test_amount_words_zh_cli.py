"""Amounts in Chinese are shown as a Chinese team writes them (`4.8万`, `120万`), which the board
reads: the help of `--value` and the deal form offered only `48k` and `1.2M`."""

from __future__ import annotations


def test_the_amounts_offered_in_chinese_are_read(run, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, _ = run("deal", "add", "--help")
    assert "  --value AMOUNT        48000、4.8万\n" in out
    code, _, err = run("deal", "add", "伊斯多姆扩容", "--value", "三万")
    assert code == 2 and "'三万' 不是数字" in err
    assert run("deal", "add", "伊斯多姆扩容", "--value", "4.8万")[0] == 0
    assert run("deal", "add", "北地能源", "--value", "120万")[0] == 0
    monkeypatch.setenv("UPLIFT_LANG", "en")
    values = [line.split()[2] for line in run("deal", "list")[1].splitlines()[1:]]
    assert sorted(values) == ["1,200,000", "48,000"]
