"""A damaged board file said in Chinese (UPLIFT_LANG=zh): the file, the table, the document and
what is wrong, the English of the data (msgspec's words) kept as they are."""

from __future__ import annotations

import json


def test_a_damaged_board_file_is_said_in_chinese(run, team, monkeypatch) -> None:
    shard = team / "tasks" / "0000.json"
    good = shard.read_text()
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    shard.write_text('{"tasks": [1, 2]}')
    assert run("task", "list") == (1, "", f"uplift: {shard}：看板文件已损坏（表 tasks 不是 JSON 对象）；文件保持原样\n")
    shard.write_text('{"tasks": {"abc": {}}}')
    assert run("task", "list") == (
        1, "", f"uplift: {shard}：看板文件已损坏（表 tasks，文档 'abc'：文档应是以其编号为键的 JSON 对象）；文件保持原样\n")
    data = json.loads(good)
    data["tasks"]["2"]["title"] = 7
    shard.write_text(json.dumps(data))
    assert run("task", "list") == (
        1, "", f"uplift: {shard}：表 tasks，文档 2：Expected `str`, got `int` - at `$.title`；文件保持原样\n")
    shard.write_text(good)
    board_file = team / "board.json"
    data = json.loads(board_file.read_text())
    data["meta"]["1"]["wip"] = "eight"
    board_file.write_text(json.dumps(data))
    assert run("task", "list") == (
        1, "", f"uplift: {board_file}：表 meta，文档 1，wip：Expected `object`, got `str`；文件保持原样\n")
    monkeypatch.setenv("UPLIFT_LANG", "en")
    assert run("task", "list") == (
        1, "", f"uplift: {board_file}: table meta, document 1, wip: Expected `object`, got `str`; "
               "the file was left as it is\n")
