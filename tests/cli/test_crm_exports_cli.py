"""`deal import` of the files Pipedrive, HubSpot and Salesforce export, as they write them: their
column names, stage names, status beside the stage, owners' full names, dates and amounts."""

from __future__ import annotations

import json

from tests.conftest import snapshot_files

OWNERS = ("--owner", "Ali Khan=ali", "--owner", "Bea Berg=bea", "--owner", "Dana Lee=dana")


def _deals(run) -> dict[str, dict]:
    return {d["title"]: d for d in json.loads(run("deal", "list", "--json")[1])}


def _history(deal: dict) -> list[tuple[str, str]]:
    return [(entry["stage"], entry["at"][:10]) for entry in deal["history"]]


def test_a_pipedrive_export_imports_with_its_status_won_and_lost_times(run, tmp_path) -> None:
    """Pipedrive keeps a won or lost deal in the stage it was last in and says Won or Lost in
    Status, with the day in Won time or Lost time; its columns may carry a `Deal - ` prefix."""
    path = tmp_path / "pipedrive.csv"
    path.write_text(
        "Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Contact person,Deal - Owner,"
        "Deal - Stage,Deal - Status,Deal - Expected close date,Deal - Won time,Deal - Lost time,"
        "Deal - Lost reason,Deal - Deal created\n"
        'Acme renewal,"12,500",USD,Acme Corp,John Smith,Ali Khan,Proposal Made,Open,2026-12-20,,,,'
        "2026-10-01 09:12:44\n"
        "Globex pilot,8000,USD,Globex,Mary Jones,Bea Berg,Negotiations Started,Won,2026-11-30,"
        "2026-11-14 16:03:10,,,2026-09-20 11:00:00\n"
        "Initech upgrade,4500,USD,Initech,Peter,Ali Khan,Contact Made,Lost,2026-11-30,,2026-11-02 10:00:00,"
        "Went with competitor,2026-09-01 08:00:00\n", encoding="utf-8")
    code, out, err = run("deal", "import", str(path), *OWNERS, "--map", "Deal - Title=colour")
    assert code == 2 and "--map Deal - Title=colour: 'colour' is not a deal field" in err  # the column as typed
    code, out, err = run("deal", "import", str(path), *OWNERS, "--map", "Deal - Contact person=-")
    assert (code, err) == (0, ""), err
    assert "stages: Proposal Made → Proposal (--stage NAME=STAGE reads a stage otherwise)" in out
    deals = _deals(run)
    acme, globex, initech = deals["Acme renewal"], deals["Globex pilot"], deals["Initech upgrade"]
    assert (acme["stage"], acme["value"], acme["owner"], acme["account"], acme["close"]) == \
        ("Proposal", 12500, "ali", "Acme Corp", "2026-12-20")
    assert (globex["stage"], globex["owner"]) == ("Won", "bea")
    assert _history(globex)[-1] == ("Won", "2026-11-14")  # won on its Won time, not its expected close
    assert (initech["stage"], initech["lost_reason"]) == ("Lost", "Went with competitor")
    assert _history(initech)[-1] == ("Lost", "2026-11-02")  # lost on its Lost time


def test_a_salesforce_report_imports_with_its_dates_and_amounts(run, tmp_path) -> None:
    """Salesforce writes dates in its user's format (12/20/2026) and formatted amounts
    (USD 12,500.00); its owners are Opportunity Owner; its stages are its default pipeline's."""
    path = tmp_path / "opportunities.csv"
    path.write_text(
        "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Probability (%),Close Date,Created Date,Type\n"
        'Ali Khan,Acme Corp,Acme renewal,Proposal/Price Quote,"USD 12,500.00",75,12/20/2026,10/1/2026,'
        "Existing Customer - Upgrade\n"
        'Bea Berg,Globex,Globex pilot,Closed Won,"$8,000.00",100,11/14/2026,9/20/2026,New Customer\n'
        'Dana Lee,Umbrella,Umbrella deal,Negotiation/Review,"1,200,000.00",90,1/31/2027,11/20/2026,New Customer\n',
        encoding="utf-8")
    code, out, err = run("deal", "import", str(path), *OWNERS)
    assert (code, err) == (0, ""), err
    deals = _deals(run)
    assert {t: (d["stage"], d["value"], d["close"], d["owner"], d["business"]) for t, d in deals.items()} == {
        "Acme renewal": ("Proposal", 12500, "2026-12-20", "ali", "existing"),
        "Globex pilot": ("Won", 8000, "2026-11-14", "bea", "new"),
        "Umbrella deal": ("Negotiation", 1200000, "2027-01-31", "dana", "new"),
    }
    # opened on its Created Date (in the stage most open deals of the file are in), won on its Close Date
    assert _history(deals["Globex pilot"]) == [("Proposal", "2026-09-20"), ("Won", "2026-11-14")]
    assert "read month first" not in out  # 12/20/2026 settles it


def test_dates_no_day_settles_are_read_month_first_and_said_so_or_as_given(run, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("Opportunity Name,Stage,Amount,Close Date\nA,Prospecting,100,03/04/2027\n", encoding="utf-8")
    code, out, _ = run("deal", "import", str(path), "--dry-run")
    assert code == 0
    assert ("dates in Close Date read month first (12/03/2026 is 3 December): no day above 12 says otherwise; "
            "--date-format dayfirst reads them day first") in out
    assert run("deal", "import", str(path), "--date-format", "dayfirst")[0] == 0
    assert _deals(run)["A"]["close"] == "2027-04-03"
    path.write_text("Opportunity Name,Stage,Amount,Close Date\nB,Prospecting,100,20.12.2026\n", encoding="utf-8")
    code, out, _ = run("deal", "import", str(path))
    assert code == 0 and "month first" not in out  # dots: day first
    assert _deals(run)["B"]["close"] == "2026-12-20"


def test_an_owner_named_in_full_is_told_how_to_name_the_member(run, team, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("Deal Name,Deal Stage,Amount,Deal owner\nA,Contract Sent,100,Ali Khan\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "")
    assert "owner 'Ali Khan' (row 2) is not a member of this board; say which member they are " \
           "(--owner 'Ali Khan=ali'), add them" in err
    code, out, err = run("deal", "import", str(path), "--owner", "Ali Khan=zed")
    assert (code, out, err) == (1, "", "uplift: --owner zed: no such member on this board (members: ali, bea, dana)\n")
    code, out, err = run("deal", "import", str(path), "--owner", "Ali Khan")
    assert code == 2 and "--owner Ali Khan: write NAME=TARGET" in err
    assert snapshot_files(team) == before
    assert run("deal", "import", str(path), "--owner", "ali khan=ali")[0] == 0
    assert (_deals(run)["A"]["owner"], _deals(run)["A"]["stage"]) == ("ali", "Negotiation")


def test_a_crms_own_stages_are_read_as_the_board_says(run, team, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("Deal Name,Deal Stage,Amount\nA,Discovery call,100\nB,Closed Won,200\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "")
    assert ("row 2: stage: 'Discovery call' is not a stage (one of: Lead, Qualified, Proposal, Negotiation, Won, "
            "Lost); read it as one of them with --stage 'Discovery call=STAGE'") in err
    code, out, err = run("deal", "import", str(path), "--stage", "Discovery call=Someday")
    assert (code, out) == (2, "")
    assert err.startswith("uplift: --stage Discovery call=Someday: 'Someday' is not a stage")
    assert snapshot_files(team) == before
    code, out, err = run("deal", "import", str(path), "--stage", "discovery CALL=Qualified")
    assert code == 0, err
    assert "stages: Discovery call → Qualified, Closed Won → Won" in out
    assert {t: d["stage"] for t, d in _deals(run).items()} == {"A": "Qualified", "B": "Won"}


def test_a_file_in_two_currencies_is_refused(run, team, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("Title,Value,Currency,Stage\nA,100,USD,Lead\nB,200,EUR,Lead\nC,300,usd,Lead\n", encoding="utf-8")
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "")
    assert "row 3: currency: EUR, where row 2 is in USD; the board adds every deal's value as one currency" in err
    assert "row 4" not in err
    assert snapshot_files(team) == before


def test_a_hubspot_export_with_record_ids_adds_nothing_the_second_time(run, team, tmp_path) -> None:
    path = tmp_path / "hubspot.csv"
    path.write_text("Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Associated Company,Create Date\n"
                    "1001,Acme renewal,Appointment Scheduled,2026-12-20 00:00,ali,12500,Acme Corp,2026-10-01 09:12\n"
                    "1002,Globex pilot,closedwon,2026-11-14 16:03,bea,8000,Globex,2026-09-20 11:00\n",
                    encoding="utf-8")
    assert run("deal", "import", str(path))[0] == 0
    deals = _deals(run)
    assert {t: (d["stage"], d["source"], d["account"]) for t, d in deals.items()} == {
        "Acme renewal": ("Lead", "1001", "Acme Corp"), "Globex pilot": ("Won", "1002", "Globex")}
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path))  # (tests/cli/test_deal_reimport_cli.py: what changed)
    assert (code, err) == (0, "") and out.startswith("no new deals\n2 deals already as the file has them\n")
    assert snapshot_files(team) == before


def test_hubspots_chinese_export_imports_and_is_said_in_chinese(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    path = tmp_path / "hubspot-zh.csv"
    path.write_text("记录 ID,交易名称,交易阶段,成交日期,交易所有者,金额,关联公司\n"
                    '2001,华东扩容,Contract Sent,2026-12-20,ali,"12,500",华东电子\n'
                    "2002,北方试点,赢单,2026-11-14,bea,8000,北方机械\n", encoding="utf-8")
    code, out, err = run("deal", "import", str(path))
    assert (code, err) == (0, ""), err
    assert "阶段：Contract Sent → Negotiation, 赢单 → Won（--stage NAME=STAGE 可改读某个阶段）" in out
    deals = _deals(run)
    assert {t: (d["stage"], d["value"], d["owner"], d["account"], d["source"]) for t, d in deals.items()} == {
        "华东扩容": ("Negotiation", 12500, "ali", "华东电子", "2001"), "北方试点": ("Won", 8000, "bea", "北方机械", "2002")}
    path.write_text("交易名称,交易阶段,金额,币种\nA,Lead,1,USD\nB,Lead,2,CNY\n", encoding="utf-8")
    code, _, err = run("deal", "import", str(path))
    assert code == 2
    assert "第 3 行：币种：CNY，而第 2 行是 USD；看板把所有商机的金额按同一币种相加" in err
    path.write_text("Title,Stage,Status,Value\nA,Lead,Deleted,1\nB,Lead,Open,1\nC,Lead,Open,1\n", encoding="utf-8")
    code, _, err = run("deal", "import", str(path), "--stage", "x=Someday", "--dry-run")
    assert code == 2 and "--stage x=Someday：'Someday' 不是阶段" in err
    code, _, err = run("deal", "import", str(path))
    assert code == 2 and "第 2 行：status: 'Deleted' 不是状态（open、won 或 lost；--map COLUMN=- 可忽略该列）" in err
    monkeypatch.setenv("UPLIFT_LANG", "en")
    code, _, err = run("deal", "import", str(path))
    assert code == 2
    assert "row 2: status: 'Deleted' is not a status (open, won or lost; --map COLUMN=- leaves the column out)" in err


def test_a_salesforce_reports_footer_is_left_out_and_said(run, tmp_path) -> None:
    """Salesforce ends a report's CSV with lines of its own under the rows (the report's name, its
    copyright, "Confidential Information", who made it), each in the first column alone."""
    path = tmp_path / "report.csv"
    path.write_text('"Opportunity Owner","Opportunity Name","Stage","Amount"\n'
                    '"ali","Acme renewal","Qualification","1,000.00"\n"bea","Globex pilot","Closed Won","2,000.00"\n'
                    '\n"Opportunity Pipeline"\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n'
                    '"Confidential Information - Do Not Distribute"\n', encoding="utf-8")
    code, out, err = run("deal", "import", str(path))
    assert (code, err) == (0, ""), err
    assert "left out the 3 lines under the deals, a report's footer: 'Opportunity Pipeline' …" in out
    assert {t: (d["stage"], d["value"]) for t, d in _deals(run).items()} == {
        "Acme renewal": ("Qualified", 1000), "Globex pilot": ("Won", 2000)}


def test_an_owner_given_by_email_is_the_member_of_that_name(run, team, tmp_path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("Deal Name,Deal Stage,Amount,Deal owner\nA,Lead,100,ali@acme.com\nB,Lead,100,Chen.Wu@acme.com\n",
                    encoding="utf-8")
    code, out, err = run("deal", "import", str(path))
    assert (code, out) == (2, "")
    assert "row 2" not in err  # ali@acme.com is ali
    assert "owner 'Chen.Wu@acme.com' (row 3) is not a member of this board; say which member they are " \
           "(--owner Chen.Wu@acme.com=MEMBER), add them (`uplift member add chen.wu --role rep`" in err
    assert run("deal", "import", str(path), "--owner", "chen.wu@acme.com=bea")[0] == 0
    assert {t: d["owner"] for t, d in _deals(run).items()} == {"A": "ali", "B": "bea"}


def test_a_full_name_given_to_member_add_is_told_the_name_that_would_do(run, team, monkeypatch) -> None:
    before = snapshot_files(team)
    assert run("member", "add", "Chen Wu", "--role", "rep") == (
        2, "", "uplift: member: 'Chen Wu' is not a member name: letters, digits, '.', '_' or '-', at most 40; "
               "chen.wu would do (a deals file's 'Chen Wu' is then chen.wu)\n")
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    assert run("member", "add", "chen.wu@acme.com", "--role", "rep")[2] == (
        "uplift: member：'chen.wu@acme.com' 不是成员名：只能用字母、数字、'.'、'_' 或 '-'，最多 40 个；可以用 chen.wu"
        "（这样商机文件中的 'chen.wu@acme.com' 就是 chen.wu）\n")
    assert snapshot_files(team) == before


def test_german_french_and_spanish_exports_import_by_their_own_column_names(run, tmp_path) -> None:
    """HubSpot in German, Salesforce in French, Pipedrive in Spanish (its `Trato - ` prefix): each
    column read as its English twin is, their default stages, won and lost said in their language;
    no --map, no --stage."""
    files = {
        "de.csv": "Datensatz-ID,Dealname,Deal-Phase,Betrag,Abschlussdatum,Deal-Inhaber,Zugeordnetes Unternehmen,"
                  "Erstelldatum\n"
                  '1001,Acme Verlängerung,Vertrag gesendet,"12.500,00",20.12.2026,ali,Acme GmbH,01.10.2026\n'
                  "1002,Globex Pilot,Abgeschlossen und gewonnen,8000,14.11.2026,bea,Globex AG,20.09.2026\n",
        "fr.csv": "Propriétaire de l'opportunité,Nom du compte,Nom de l'opportunité,Étape,Montant,Date de clôture,"
                  "Date de création,Type\n"
                  'ali,Acme SA,Renouvellement Acme,Proposal/Price Quote,"12 500,00 €",20/12/2026,01/10/2026,'
                  "Renouvellement\n"
                  "bea,Globex,Pilote Globex,Fermée gagnée,8000,14/11/2026,20/09/2026,Nouveau client\n",
        "es.csv": "Trato - ID,Trato - Título,Trato - Valor,Trato - Moneda,Trato - Organización,Trato - Propietario,"
                  "Trato - Etapa,Trato - Estado,Trato - Fecha de cierre prevista,Trato - Motivo de pérdida,"
                  "Trato - Trato creado\n"
                  "7,Renovación Acme,12500,EUR,Acme SL,ali,Propuesta realizada,Abierto,2026-12-20,,2026-10-01\n"
                  "8,Piloto Globex,8000,EUR,Globex,bea,Negotiations Started,Perdido,2026-11-30,Precio,2026-09-20\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        code, out, err = run("deal", "import", str(path))
        assert (code, err) == (0, ""), (name, err)
    deals = _deals(run)
    assert {t: (d["stage"], d["value"], d["close"], d["owner"], d["account"], d["source"]) for t, d in deals.items()} == {
        "Acme Verlängerung": ("Negotiation", 12500, "2026-12-20", "ali", "Acme GmbH", "1001"),
        "Globex Pilot": ("Won", 8000, "2026-11-14", "bea", "Globex AG", "1002"),
        "Renouvellement Acme": ("Proposal", 12500, "2026-12-20", "ali", "Acme SA", ""),
        "Pilote Globex": ("Won", 8000, "2026-11-14", "bea", "Globex", ""),
        "Renovación Acme": ("Proposal", 12500, "2026-12-20", "ali", "Acme SL", "7"),
        "Piloto Globex": ("Lost", 8000, "2026-11-30", "bea", "Globex", "8"),
    }
    assert (deals["Renouvellement Acme"]["business"], deals["Pilote Globex"]["business"]) == ("existing", "new")
    assert deals["Piloto Globex"]["lost_reason"] == "Precio"
    assert _history(deals["Globex Pilot"]) == [("Negotiation", "2026-09-20"), ("Won", "2026-11-14")]


def test_a_file_of_several_pipelines_is_said_or_one_of_them_imported(run, team, tmp_path) -> None:
    """A board has one pipeline; Pipedrive's export of all deals holds every pipeline's."""
    path = tmp_path / "pipedrive.csv"
    path.write_text("Deal - ID,Deal - Title,Deal - Value,Deal - Organization,Deal - Stage,Deal - Pipeline\n"
                    "1,A,100,Acme,Proposal Made,Sales\n2,B,200,Beta,Qualified,Partners\n3,C,300,Gamma,Lead,Sales\n",
                    encoding="utf-8")
    code, out, err = run("deal", "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert ("the file holds 2 pipelines (Sales 2, Partners 1), all read into the board's one; --pipeline NAME "
            "imports one of them") in out
    before = snapshot_files(team)
    code, out, err = run("deal", "import", str(path), "--pipeline", "Support")
    assert (code, out, err) == (
        2, "", "uplift: --pipeline Support: no deal of the file is in that pipeline (its pipelines: Sales, Partners)\n")
    code, out, err = run("deal", "import", str(path).replace("pipedrive", "none"), "--pipeline", "Sales")
    assert code == 2
    assert snapshot_files(team) == before
    code, out, err = run("deal", "import", str(path), "--pipeline", "sales")
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == ["imported 2 deals (D-1 … D-2): Proposal 1, Lead 1",
                                    "pipeline Sales only: left out Partners 1"]
    assert sorted(_deals(run)) == ["A", "C"]
    assert json.loads(run("deal", "import", str(path), "--pipeline", "Partners", "--json")[1])["pipelines"] == {
        "Sales": 2, "Partners": 1}
