"""The activity feed on the command line as a team reads it: what each person may see of
others' work, its filters and its words."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from store.board import Board
from tests.conftest import snapshot_files


def test_a_coaching_note_is_in_the_log_only_for_a_lead_and_its_rep(run) -> None:
    """A coaching note is read by leads and the rep it is about (`coach`); the log, and its
    --json with the note's words, must not show it to another rep."""
    assert run("coach", "ali", "You rushed the Acme close")[0] == 0
    for user, seen in (("dana", True), ("ali", True), ("bea", False), ("zed", False)):
        code, out, err = run("log", "--json", user=user)
        assert code == 0 and ("You rushed the Acme close" in out) is seen, user
        assert any(r["action"] == "coaching.add" for r in json.loads(out)) is seen, user
        code, out, err = run("log", "--item", "K-1", user=user)
        assert code == 0 and ("added coaching note K-1 for ali" in out) is seen, user
    code, out, err = run("log", "--type", "coaching", user="bea")
    assert (code, out) == (0, "Nothing in the log matches.\n")


def _logged_on(team, moments) -> None:
    """A call logged by ali at each of `moments` (UTC), on an account."""
    for moment in moments:
        Board(team, actor="ali", clock=lambda moment=moment: moment).log_activity("call", "ring", account="Acme")


def test_the_log_since_and_until_a_day(run, team) -> None:
    """`log --since/--until` keep the records of those days (HubSpot's date range), both ends
    included, as the WHEN column shows their days; the other filters still apply."""
    _logged_on(team, [datetime(2026, 11, day, 9, tzinfo=timezone.utc) for day in (2, 5, 9)])
    code, out, err = run("log", "--type", "call", "--since", "2026-11-05", "--json")
    assert code == 0 and [r["item"] for r in json.loads(out)] == ["A-3", "A-2"]
    code, out, err = run("log", "--type", "call", "--since", "2026-11-01", "--until", "2026-11-05")
    assert code == 0 and [line.split()[:4] for line in out.splitlines()[1:]] == [
        ["2026-11-05", "09:00", "ali", "logged"], ["2026-11-02", "09:00", "ali", "logged"]]
    assert run("log", "--until", "2026-11-01") == (0, "Nothing in the log matches.\n", "")
    assert run("log", "--since", "2026-11-06", "--until", "2026-11-09", "--limit", "1", "--json")[1].count('"seq"') == 1


def test_the_days_of_since_are_the_readers(run, team) -> None:
    """20:00 UTC on 2 November is 3 November in Shanghai and still 2 November in Berlin."""
    run("member", "zone", "ali", "Asia/Shanghai")
    run("member", "zone", "dana", "Europe/Berlin")
    _logged_on(team, [datetime(2026, 11, 2, 20, tzinfo=timezone.utc)])
    assert json.loads(run("log", "--type", "call", "--since", "2026-11-03", "--json", user="ali")[1])[0]["item"] == "A-1"
    assert run("log", "--type", "call", "--since", "2026-11-03", user="dana")[1] == "Nothing in the log matches.\n"
    assert "2026-11-02 21:00  ali" in run("log", "--type", "call", "--until", "2026-11-02", user="dana")[1]


def test_a_bad_since_or_until_is_bad_input(run) -> None:
    code, out, err = run("log", "--since", "banana")
    assert (code, out) == (2, "") and err.startswith("uplift: --since: 'banana' is not a date")
    code, out, err = run("log", "--since", "2026-11-09", "--until", "2026-11-02")
    assert (code, out, err) == (2, "", "uplift: --until: 2026-11-02 is before 2026-11-09\n")


def test_a_notes_tags_are_named_and_typed_in_chinese(run, monkeypatch) -> None:
    """`note list` names a tag as the Diagnose screen does (痛点) under UPLIFT_LANG=zh, and
    `--tag 竞争对手` is read as `--tag competitor`, as `task move T-6 进行中` is; English as it was."""
    assert run("note", "add", "Lost Isdom to Vik", "--tag", "competitor", "--tag", "pain_point")[0] == 0
    assert run("note", "list")[1].splitlines()[1].split()[5:7] == ["pain_point,", "competitor"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("note", "add", "价格太高", "--tag", "未满足的需求", "--kind", "feedback")[1] == "N-2\n"
    code, out, err = run("note", "list", "--tag", "竞争对手")
    assert code == 0 and [row.split()[0] for row in out.splitlines()[1:-1]] == ["N-1"]
    assert out.splitlines()[-1] == "列出 1 条笔记；按标签：痛点 1，竞争对手 1"
    assert out.splitlines()[1].split()[5:7] == ["痛点,", "竞争对手"]
    assert run("note", "edit", "N-1", "--tag", "好评")[0] == 0
    assert json.loads(run("note", "list", "--json")[1])[1]["tags"] == ["praise"]  # (N-1, the older)
    assert json.loads(run("note", "list", "--tag", "未满足的需求", "--json")[1])[0]["tags"] == ["unmet_need"]
    code, out, err = run("note", "list", "--tag", "八卦")
    assert (code, out) == (2, "") and "'八卦'" in err


def test_a_training_item_done_is_said_in_words_in_both_languages(run, monkeypatch) -> None:
    """The log said `changed L-1: done no → yes` (and `done yes → no` in the Chinese one too)."""
    assert run("strategy", "add", "Mid-market", "--dimension", "market")[0] == 0
    assert run("training", "add", "Pricing rules", "--strategy", "S-1")[0] == 0
    assert run("training", "done", "L-1")[0] == 0
    assert run("undo")[0] == 0
    lines = [line.split("  ")[-1] for line in run("log", "--item", "L-1")[1].splitlines()[1:3]]
    assert lines == ["undid: marked L-1 done", "marked L-1 done"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = [line.split("  ")[-1] for line in run("log", "--item", "L-1")[1].splitlines()[1:3]]
    assert lines == ["已撤销：将 L-1 标记为已完成", "将 L-1 标记为已完成"]


def test_a_ticked_checklist_item_is_named_in_chinese_in_the_log(run, monkeypatch) -> None:
    """A tick is kept under the item's English text; the Chinese log and undo name the item as
    the Chinese checklist does (they carried the English into every Chinese line)."""
    from store.diagnoses import checklist_template

    english, chinese = (checklist_template("weekly-review.yaml", lang).items[2].text for lang in ("en", "zh"))
    assert english != chinese
    assert run("weekly", "3")[0] == 0
    assert f"“{english}”" in run("log", "--type", "weekly")[1]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    code, out, err = run("log", "--type", "weekly")
    assert code == 0 and f"中的“{chinese}”" in out.splitlines()[1] and english not in out
    code, out, err = run("undo")
    assert code == 0 and out.splitlines()[1].endswith(f"中的“{chinese}”")
    assert json.loads(run("log", "--json", "--limit", "1")[1])[0]["before"]["ticks"][0]["text"] == english


def test_a_changed_notes_and_goals_fields_are_named_in_chinese(run, monkeypatch) -> None:
    """`修改了 N-1：kind feedback → interview, source – → Acme` showed the field names (and a
    note's kind) in English; now they are said as the note list and the forms say them."""
    assert run("note", "add", "Too dear", "--kind", "feedback")[0] == 0
    assert run("note", "edit", "N-1", "--kind", "interview", "--source", "Acme buyer")[0] == 0
    assert run("log", "--limit", "1")[1].splitlines()[1].endswith(
        "changed N-1: kind feedback → interview, source – → Acme buyer")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("log", "--limit", "1")[1].splitlines()[1].endswith("修改了 N-1：类型：反馈 → 访谈，来源：– → Acme buyer")


def test_a_lead_edits_and_deletes_a_coaching_note(run, team) -> None:
    """A coaching note typed wrong was there for good (undo reaches only your newest change):
    `coach ali --edit K-1 NOTE` and `--delete K-1`, a lead's, each logged and undone as any change."""
    assert run("coach", "ali", "Ask for the next step")[0] == 0
    assert run("coach", "bea", "Be quicker")[0] == 0
    assert run("coach", "ali", "--edit", "K-1", "Ask", "for", "the", "next", "step,", "every", "call") == (0, "K-1\n", "")
    listed = json.loads(run("coach", "ali", "--json", user="ali")[1])
    assert [(n["id"], n["note"], n["by"]) for n in listed] == [("K-1", "Ask for the next step, every call", "dana")]
    before = snapshot_files(team)
    for args, user, code, said in (
            (("coach", "ali", "--delete", "K-1"), "ali", 1, "uplift: only a lead may delete coaching notes (you are a rep)\n"),
            (("coach", "ali", "--edit", "K-1", "mine now"), "ali", 1, "uplift: only a lead may change coaching notes (you are a rep)\n"),
            (("coach", "ali", "--delete", "K-2"), "dana", 1, "uplift: K-2 is a coaching note on bea, not on ali\n"),
            (("coach", "ali", "--delete", "K-9"), "dana", 1, "uplift: no coaching note K-9 on this board\n"),
            (("coach", "ali", "--edit", "K-1"), "dana", 2, "uplift: --edit K-1 needs the note's new words\n"),
            (("coach", "ali", "--edit", "K-1", ""), "dana", 2, "uplift: a coaching note needs some text\n"),
            (("coach", "ali", "--delete", "K-1", "why"), "dana", 2,
             "uplift: --delete K-1 takes no note (--edit K-1 NOTE changes one)\n"),
            (("coach", "ali", "--edit", "K-1", "x", "--delete", "K-1"), "dana", 2,
             "uplift: give --edit or --delete, not both\n")):
        assert run(*args, user=user) == (code, "", said), args
    assert snapshot_files(team) == before
    assert run("coach", "ali", "--delete", "K-1") == (0, "deleted K-1\n", "")
    assert run("coach", "ali")[1] == "No coaching notes you may read.\n"
    assert run("log", "--item", "K-1", user="bea")[1] == "Nothing in the log matches.\n"  # (nor its words)
    assert run("log", "--item", "K-1", user="ali")[1].splitlines()[1].endswith("dana  deleted K-1")
    assert run("undo")[0] == 0  # it comes back
    assert [n["note"] for n in json.loads(run("coach", "ali", "--json")[1])] == ["Ask for the next step, every call"]


def test_log_add_with_a_wrong_option_says_which_once(run, team) -> None:
    """argparse's error said what was wrong, then a second line repeated the usage without it."""
    before = snapshot_files(team)
    code, out, err = run("log", "add", "call", "--account", "Acme", "--foo", "rang them", user="ali")
    assert (code, out) == (2, "") and err.endswith("uplift log add call: error: unrecognized arguments: --foo\n")
    assert err.count("usage:") == 1 and "uplift: " not in err
    assert snapshot_files(team) == before


def test_a_gap_analysis_answer_is_said_in_words(run, monkeypatch) -> None:
    """It said `created R-1`, and an edit `changed R-1: answer … → …, at 2026-…T…+00:00 → …`."""
    from store.diagnoses import checklist_template

    english, chinese = (checklist_template("gap-analysis.yaml", lang).items[0].text for lang in ("en", "zh"))
    assert run("review", "answer", "1", "Mostly")[0] == 0
    assert run("review", "answer", "1", "Mostly, late on pricing")[0] == 0
    lines = [line.split("  dana  ")[-1] for line in run("log", "--item", "R-1")[1].splitlines()[1:]]
    assert lines == ["changed the answer R-1: Mostly → Mostly, late on pricing", f"answered “{english}”: Mostly"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    lines = [line.split("  dana  ")[-1] for line in run("log", "--item", "R-1")[1].splitlines()[1:]]
    assert lines == ["修改了回答 R-1：Mostly → Mostly, late on pricing", f"回答了“{chinese}”：Mostly"]


def test_the_pipelines_stages_changed_are_named_in_the_log(run, team) -> None:
    """`changed board: stages – → [6]` said nothing of what the stages became."""
    Board(team, actor="dana").set_stages([
        {"name": "New", "probability": 10}, {"name": "Demo", "probability": 40},
        {"name": "Won", "probability": 100, "outcome": "won"}, {"name": "Lost", "probability": 0, "outcome": "lost"}])
    code, out, err = run("log", "--type", "pipeline", "--limit", "1")
    assert out.splitlines()[1].endswith("changed board: stages – → New 10%, Demo 40%, Won 100%, …")  # (cut at 30)


def test_a_rep_logging_on_an_unowned_deal_is_told_so_in_plain_words(run, team) -> None:
    """The refusal ended `D-1 is unowned's`."""
    assert run("deal", "add", "Tidy-up", "--account", "Acme", "--owner", "")[0] == 0
    before = snapshot_files(team)
    code, out, err = run("log", "add", "call", "--deal", "D-1", "rang them", user="ali")
    assert (code, out, err) == (1, "", "uplift: a rep may log activities on their own deals or on any account; "
                                      "D-1 has no owner\n")
    assert snapshot_files(team) == before
    assert run("log", "add", "call", "--account", "Acme", "rang them", user="ali")[0] == 0  # (on its account: theirs to log)


def test_a_goals_direction_and_target_kind_a_notes_tags_and_the_alert_settings_are_said_in_chinese(
        run, monkeypatch) -> None:
    """The Chinese log said the values themselves in English (方向 increase → above, 目标类型
    absolute → percent, 标签 pain_point → competitor, 提醒设置 – → conversion_drop 5…); the
    English log stays as it was, and --json keeps the stored values."""
    assert run("goal", "add", "Grow revenue", "--metric", "revenue", "--baseline", "100", "--target", "120")[0] == 0
    assert run("goal", "edit", "G-1", "--direction", "above")[0] == 0
    assert run("goal", "edit", "G-1", "--target", "+15%")[0] == 0
    assert run("note", "add", "Too dear", "--tag", "pain")[0] == 0
    assert run("note", "edit", "N-1", "--tag", "unmet_need", "--tag", "competitor")[0] == 0
    assert run("alerts", "config", "--drop", "5")[0] == 0
    # (the newest first; the note's creation between its edit and the goal's)
    english = [line.split("  ", 2)[-1].strip() for line in run("log", "--limit", "5")[1].splitlines()[1:]]
    assert english == ["changed board: alerts – → conversion_drop 5, min_left 3, …",
                       "changed N-1: tags pain_point → unmet_need, competitor",
                       "added note N-1",
                       "changed G-1: target 120 → 15, target_kind absolute → percent",
                       "changed G-1: direction increase → above"]
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    chinese = [line.split("  ", 2)[-1].strip() for line in run("log", "--limit", "5")[1].splitlines()[1:]]
    assert chinese == ["修改了看板：提醒设置：– → 转化率降幅 5、每周至少离开的商机数 3、…",
                       "修改了 N-1：标签：痛点 → 未满足的需求、竞争对手",
                       "添加了笔记 N-1",
                       "修改了 G-1：目标值：120 → 15，目标类型：绝对值 → 百分比变化",
                       "修改了 G-1：方向：增长 → 保持高于"]
    stored = json.loads(run("log", "--json", "--limit", "4")[1])
    assert stored[1]["after"] == {"tags": ["unmet_need", "competitor"]}
