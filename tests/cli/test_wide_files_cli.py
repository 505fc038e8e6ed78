"""A file of very many (or very long) columns, one of them missing: the message lists some of
its columns, not all (a hostile file of 100,000 columns made it half a megabyte of stderr)."""

from __future__ import annotations

from tests.conftest import snapshot_files


def test_a_missing_column_lists_the_first_thirty_columns_of_a_wide_file(run, team, tmp_path) -> None:
    wide = tmp_path / "wide.csv"
    names = [f"c{i}" for i in range(500)] + ["y" * 5000]
    wide.write_text(",".join(names) + "\n" + ",".join("1" for _ in names) + "\n")
    before = snapshot_files(team)
    first = ", ".join(names[:30])
    code, out, err = run("deal", "import", wide)
    assert (code, out) == (2, "")
    assert err == (f"uplift: {wide}: no column holds the deal's stage (columns: {first}, …); "
                   "name it with --map COLUMN=stage\n")
    code, out, err = run("deal", "import", wide, "--map", "zz=title")
    assert (code, err) == (2, f"uplift: --map zz=title: the file has no column 'zz' (columns: {first}, …)\n")
    code, out, err = run("diagnose", wide)
    quoted = ", ".join(repr(name) for name in names[:30])
    assert code == 2 and f"columns are {quoted}, …; name one with --map COLUMN=date" in err
    assert len(err) < 1000
    assert snapshot_files(team) == before


def test_a_long_column_name_is_cut_in_the_list(run, team, tmp_path) -> None:
    long = tmp_path / "long.csv"
    long.write_text("title," + "x" * 5000 + "\nA,1\n")
    code, out, err = run("deal", "import", long)
    assert (code, err) == (2, f"uplift: {long}: no column holds the deal's stage (columns: title, {'x' * 39}…); "
                              "name it with --map COLUMN=stage\n")


def test_a_device_or_a_pipe_is_not_said_to_be_missing(run, team, monkeypatch) -> None:
    """`deal import /dev/null` (or `<(...)`, a pipe) said "no such file" of a file that is there."""
    before = snapshot_files(team)
    said = "not a regular file (a device or a pipe); give a file, or - to read standard input"
    assert run("deal", "import", "/dev/null") == (2, "", f"uplift: /dev/null: {said}\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("deal", "import", "/dev/null") == (
        2, "", "uplift: /dev/null：不是普通文件（是设备或管道）；请给出一个文件，或用 - 读取标准输入\n")
    assert snapshot_files(team) == before
