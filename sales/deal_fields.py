"""Importing deals: which column of a file holds which field of a deal, and one row as deal fields.

Columns are matched by the diagnosis's column-mapping engine (sales/sales_fields.py), so a deals
file is read the way a sales file is, in English or Chinese: its order/deal id, customer, rep,
stage, amount, date and created date become the deal's source, account, owner, stage, value,
close and opened date (and a product column becomes the title when there is no title column).
Only the fields a sales record does not have (title, key account, next step, lost reason) are
matched here.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from datetime import date, datetime, time, tzinfo

from sales import sales_fields
from sales.dates import no_such_day
from sales.deals import BUSINESS_KINDS, FORECAST_CATEGORIES, Payment, Stage, find_stage
from sales.errors import Reason
from sales.phrases import Word
from sales.numbers import decimal_point
from sales.sales_fields import MappingError, normalise_header
from sales.splits import parse_splits
from sales.text import listed

# deal field <- the diagnosis engine's field it is read from
FROM_SALES_FIELD = {"source": "order_id", "account": "customer", "owner": "rep", "stage": "stage",
                    "value": "amount", "close": "date", "opened": "created"}
# fields only deals have, with the header spellings that name them (compared normalised)
DEAL_ONLY: dict[str, tuple[str, ...]] = {
    "title": ("title", "dealname", "opportunityname", "name", "商机名称", "商機名稱", "标题", "標題",
              "交易名称", "交易名稱",
              # German, French and Spanish exports (Pipedrive's Titel, Titre, Título; HubSpot's Nom de la
              # transaction, Nombre del negocio; Salesforce's Nom de l'opportunité, Nombre de la oportunidad)
              "titel", "dealtitel", "titre", "nomdelatransaction", "nomdelaffaire", "nomdelopportunité",
              "nomdelopportunite", "título", "titulo", "nombredelnegocio", "nombredeltrato",
              "nombredelaoportunidad", "nombredeoportunidad"),
    "key_account": ("keyaccount", "key", "strategic", "重点客户", "重點客戶", "大客户", "大客戶"),
    "next_step": ("nextstep", "nextaction", "下一步", "nächsterschritt", "nachsterschritt", "prochaineétape",
                  "prochaineetape", "siguientepaso", "próximopaso", "proximopaso"),
    "lost_reason": ("lostreason", "lossreason", "closedlostreason", "reasonlost", "输单原因", "輸單原因",
                    "丢单原因", "丟單原因", "失败原因", "失敗原因", "关闭失败原因", "關閉失敗原因",
                    "verlustgrund", "grundfürverlust", "grundfurverlust", "raisondelaperte", "motifdelaperte",
                    "motifdeperte", "motivodepérdida", "motivodeperdida", "razóndepérdida", "razondeperdida"),
    "forecast": ("forecast", "forecastcategory", "预测类别", "預測類別"),
    "splits": ("splits", "split", "creditsplits", "creditsplit", "分成"),
    "business": ("business", "dealtype", "opportunitytype", "businesstype", "type", "商机类型", "商機類型",
                 "交易类型", "交易類型", "typ", "dealtyp", "typedetransaction", "typedaffaire", "tipo",
                 "tipodenegocio", "tipodeoportunidad"),
    "payments": ("payments", "收款记录", "收款記錄"),
    # the strategy (campaign) that brought the deal, by its id on the board (S-2), as `deal list --csv`
    # writes it (a CRM's campaign column names its own campaigns, not the board's strategies)
    "strategy": ("strategy", "策略"),
    # the currency of the value: one file is in one currency (a board adds its values up)
    "currency": ("currency", "dealcurrency", "currencyisocode", "amountcurrency", "opportunitycurrency", "币种",
                 "幣種", "货币", "貨幣", "währung", "wahrung", "devise", "moneda", "divisa"),
}
# CRM exports' names for fields the diagnosis engine reads under other names (Pipedrive's
# Organization and ID, HubSpot's Record ID and Associated Company, Salesforce's Opportunity
# Owner, HubSpot's Chinese export); used for a field the engine found no column for
CRM_NAMES: dict[str, tuple[str, ...]] = {
    "source": ("id", "recordid", "记录id", "記錄id", "交易id",
               "datensatzid", "iddefichedinformations", "iddelenregistrement", "idderegistro", "iddelregistro"),
    "account": ("organization", "organisation", "organizationname", "company", "companyname", "associatedcompany",
                "公司", "公司名称", "公司名稱", "关联公司", "關聯公司",
                "zugeordnetesunternehmen", "unternehmen", "firma", "kunde", "kundenname", "cliente", "organisationsname", "entrepriseassociée",
                "entrepriseassociee", "entreprise", "nomducompte", "société", "societe", "empresaasociada",
                "empresa", "organización", "organizacion", "nombredelacuenta"),
    "owner": ("opportunityowner", "交易所有者", "商机所有者", "商機所有者", "所有者",
              "dealinhaber", "opportunityinhaber", "inhaber", "besitzer", "propriétairedelatransaction",
              "proprietairedelatransaction", "propriétairedelopportunité", "proprietairedelopportunite",
              "propriétairedelaffaire", "proprietairedelaffaire", "propriétaire", "proprietaire",
              "propietariodelnegocio", "propietariodelaoportunidad", "propietariodeoportunidad",
              "propietariodeltrato", "propietario"),
    "stage": ("交易阶段", "交易階段", "商机阶段", "商機階段", "销售阶段", "銷售階段",
              "dealphase", "phase", "phasedelatransaction", "étapedelatransaction", "etapedelatransaction", "étape",
              "etape", "etapadelnegocio", "etapadeltrato", "etapa", "fase"),
    "value": ("交易金额", "交易金額", "商机金额", "商機金額", "betrag", "wert", "dealwert", "montant", "valeur",
              "importe", "valor", "monto"),
    "opened": ("dealcreated", "addtime", "创建时间", "創建時間", "dealerstellt", "erstelldatum", "erstellungsdatum",
               "erstelltam", "affairecréée", "affairecreee", "datedecréation", "datedecreation", "tratocreado",
               "negociocreado", "fechadecreación", "fechadecreacion"),
}
# a deal's status beside its stage (Pipedrive's Open, Won, Lost): read when a stage column is there too
STATUS_NAMES = ("status", "dealstatus", "状态", "狀態", "statut", "estado")
# the column that says which of a CRM's pipelines a deal is in (Pipedrive's and HubSpot's Pipeline):
# a board has one pipeline, so a file of several is said, or one of them taken (`--pipeline`)
PIPELINE_NAMES = ("pipeline", "dealpipeline", "pipelinename", "交易管道", "销售管道", "銷售管道")
# the prefix a Pipedrive export puts before each column (`Deal - Title`)
_PREFIX = re.compile(r"^\s*(?:deal|affaire|trato|negocio)\s*-\s*", re.IGNORECASE)  # (French, Spanish exports)
# a deal's dates by their own names (as `deal list --csv` and plan files write them), which the
# engine's spellings of a sales record's date do not include; they win over the engine's guesses
OWN_DATES: dict[str, tuple[str, ...]] = {
    "close": ("close", "expectedclose", "expectedclosedate", "expectedclosingdate", "预计成交日期", "預計成交日期",
              "abschlussdatum", "erwartetesabschlussdatum", "schlusstermin", "datedefermeture", "datedeclôture",
              "datedecloture", "datedeclôtureprévue", "datedeclotureprevue", "fechadecierre",
              "fechadecierreprevista", "fechaprevistadecierre"),
    "closed": ("closed", "closedon", "dateclosed", "dealclosedon", "closetime", "wontime"),
    "opened": ("opened", "openedon", "dateopened"),
    # Pipedrive's Lost time: the day a lost deal closed, where Won time is a won one's
    "lost_time": ("losttime",),
}
# the product sold: a field of its own, and the title when the file has no title column
FROM_PRODUCT = "product"
DEAL_FIELDS = (*FROM_SALES_FIELD, *DEAL_ONLY, FROM_PRODUCT, "closed", "status")
IGNORE = ("-", "ignore", "none")
REQUIRED = ("stage",)

#: The columns of `deal list --csv`: the stored fields by their plan-file names, and what the
#: board works out (outcome, weighted value, the day a deal closed).
EXPORT_COLUMNS = ("id", "title", "account", "key_account", "owner", "product", "stage", "outcome", "value",
                  "weighted", "close", "closed", "forecast", "lost_reason", "next_step", "source", "splits",
                  "business", "payments", "strategy")
#: The columns only the board's own export has: a file with them all is read by its names.
_EXPORT_MARKS = ("id", "title", "stage", "outcome", "weighted", "closed", "forecast")
#: What such a file brings back, each from the column of its name. `id`, `outcome` and
#: `weighted` are the board's own doing and not read back (deals get ids of the board they join).
EXPORT_READ_BACK = ("title", "account", "key_account", "owner", "product", "stage", "value", "close", "closed",
                    "forecast", "lost_reason", "next_step", "source", "splits", "business", "payments", "strategy")
#: Forecast categories as CRMs name them (Salesforce's Pipeline, Best Case, Commit, Closed,
#: Omitted), normalised as headers are, with the board's own names.
_FORECAST_NAMES = {**{normalise_header(c): c for c in FORECAST_CATEGORIES}, "": "auto", "pipeline": "auto",
                   "closed": "auto", "omitted": "omit", "bestcase": "best_case"}


def is_export(headers: Sequence[str]) -> bool:
    """Whether a file has every column `deal list --csv` writes: then each is read by its name."""
    return set(_EXPORT_MARKS) <= {str(h) for h in headers}


def pipeline_column(headers: Sequence[str], mapping: dict[str, str]) -> str | None:
    """The column naming each deal's pipeline, if the file has one the mapping does not use."""
    for header in headers:
        if header not in mapping and normalise_header(_PREFIX.sub("", str(header)) or header) in PIPELINE_NAMES:
            return str(header)
    return None


def map_columns(headers: Sequence[str], overrides: dict[str, str] | None = None) -> dict[str, str]:
    """{column header: deal field} for the columns we can use; overrides (COLUMN=FIELD, with deal
    field names) win.

    MappingError if an override names an unknown column or field, or a required field or a
    title (title, account or product) has no column. A file that `deal list --csv` wrote (and
    no overrides) maps each column to the field of its name, so it imports as it was exported.
    """
    headers = [str(h) for h in headers]
    if is_export(headers) and not overrides:  # (an older export may lack the newer columns)
        return {field: field for field in EXPORT_READ_BACK if field in headers}
    bare = {_PREFIX.sub("", h) or h: h for h in headers}
    if len(bare) == len(headers) and any(b != h for b, h in bare.items()):  # Pipedrive's `Deal - Title`
        found = _map_columns(list(bare), overrides)  # (an override may name a column either way)
        return {bare[column]: field for column, field in found.items()}
    return _map_columns(headers, overrides)


def _map_columns(headers: list[str], overrides: dict[str, str] | None) -> dict[str, str]:
    by_name = {normalise_header(h): h for h in headers}
    mapping: dict[str, str] = {}
    engine_overrides: dict[str, str] = {}
    for column, field in (overrides or {}).items():
        header = column if column in headers else (by_name.get(normalise_header(column))
                                                   or by_name.get(normalise_header(_PREFIX.sub("", column))))
        if header is None:
            why = Reason("the file has no column {column!r} (columns: {columns})", column=column,
                         columns=listed(headers))
            raise MappingError(why, f"{column}={field}")
        field = field.strip().lower()
        other = next((h for h, f in mapping.items() if f == field), None) or next(
            (h for h, f in engine_overrides.items() if f == FROM_SALES_FIELD.get(field)), None)
        if other is not None and other != header:  # which column the deals take would be a guess
            why = Reason("{field} is already mapped to the column {other!r}; a field takes one column",
                         field=field, other=other)
            raise MappingError(why, f"{column}={field}")
        if field in IGNORE:
            engine_overrides[header] = sales_fields.IGNORE
        elif field in FROM_SALES_FIELD:
            engine_overrides[header] = FROM_SALES_FIELD[field]
        elif field in DEAL_ONLY or field in (FROM_PRODUCT, "closed", "status"):
            mapping[header] = field
            engine_overrides[header] = sales_fields.IGNORE
        else:
            why = Reason("{field!r} is not a deal field (one of: {fields}, or - to ignore the column)",
                         field=field, fields=", ".join(DEAL_FIELDS))
            raise MappingError(why, f"{column}={field}")
    for field, names in {**DEAL_ONLY, **OWN_DATES}.items():
        if field in mapping.values() or FROM_SALES_FIELD.get(field) in engine_overrides.values():
            continue
        header = next((by_name[n] for n in names if n in by_name and by_name[n] not in mapping
                       and by_name[n] not in engine_overrides), None)
        if header is not None:
            mapping[header] = field
            engine_overrides[header] = sales_fields.IGNORE
    found = sales_fields.map_columns(headers, engine_overrides).fields
    for deal_field, sales_field in FROM_SALES_FIELD.items():
        if sales_field in found and deal_field not in mapping.values():
            mapping[found[sales_field]] = deal_field
    for deal_field, names in CRM_NAMES.items():
        if deal_field not in mapping.values() and (FROM_SALES_FIELD[deal_field] not in engine_overrides.values()):
            header = next((by_name[n] for n in names if n in by_name and by_name[n] not in mapping
                           and by_name[n] not in engine_overrides), None)
            if header is not None:
                mapping[header] = deal_field
    if FROM_PRODUCT not in mapping.values() and "product" in found:
        mapping[found["product"]] = FROM_PRODUCT
    if "stage" in mapping.values() and "status" not in mapping.values():
        header = next((by_name[n] for n in STATUS_NAMES if n in by_name and by_name[n] not in mapping
                       and by_name[n] not in engine_overrides), None)
        if header is not None:  # a won or lost deal keeps the stage it was last in: the status says where it is
            mapping[header] = "status"
    taken = set(mapping.values())
    for field in REQUIRED:
        if field not in taken:
            why = Reason("no column holds the deal's {field} (columns: {columns}); name it with --map COLUMN={field}",
                         field=field, columns=listed(headers))
            raise MappingError(why)
    if not taken & {"title", "account", FROM_PRODUCT}:
        why = Reason("no column holds a title or an account (columns: {columns}); name one with --map COLUMN=title",
                     columns=listed(headers))
        raise MappingError(why)
    return mapping


#: A currency's sign or code around an amount (Salesforce's `USD 12,500.00`, `12.500,00 €`).
_CURRENCY = re.compile(r"[\s\u00a0$€£¥￥₹]|(?<![A-Za-z])(?i:USD|EUR|GBP|JPY|CHF|CNY|RMB|AUD|CAD|SEK|NOK|DKK|INR|HKD|SGD)(?![A-Za-z])|元")


def parse_money(text: str) -> float:
    cleaned = _CURRENCY.sub("", text.strip())
    if not cleaned:
        return 0.0
    try:
        value = float(decimal_point(cleaned))
    except ValueError:
        raise Reason("{text!r} is not an amount", text=text) from None
    if value < 0 or value != value:
        raise Reason("{text!r} is not an amount of zero or more", text=text)
    return value


#: A date written day and month first, as CRMs write them in their users' formats (Salesforce's
#: 12/20/2026, Pipedrive's 20.12.2026), perhaps with a time after it (12/20/2026 3:04 PM).
_SHORT_DATE = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?$")
#: Dates with the month's name (Dec 20, 2026; 20-Dec-2026; 20 December 2026), read in English.
_MONTH_NAME_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y")


def day_first(texts: Sequence[str]) -> tuple[bool, bool]:
    """(day first, settled) for a column of dates written day and month first: a first part
    above 12 says day-first (20/12/2026), a second part above 12 month-first (12/20/2026), a `.`
    between them day-first (20.12.2026: no one writes the month first so); with none of these,
    month-first, as the US CRMs' exports write them, and not settled."""
    shapes = [m for m in (_SHORT_DATE.match(t.strip()) for t in texts) if m is not None]
    if any(int(m.group(1)) > 12 for m in shapes):
        return True, True
    if any(int(m.group(3)) > 12 for m in shapes):
        return False, True
    if any(m.group(2) == "." for m in shapes):
        return True, True
    return False, not shapes


def parse_day(text: str, first_is_day: bool = False) -> date | None:
    """A day as a file writes it: YYYY-MM-DD (a time after it is left out), 2026/12/20, day and
    month first in the order `first_is_day` says (day_first() decides it for a column), or with
    the month's name."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if (short := _SHORT_DATE.match(cleaned)) is not None:
        first, _, second, year = short.groups()
        day, month = (first, second) if first_is_day else (second, first)
        iso = f"{int(year) + 2000 if len(year) == 2 else int(year):04d}-{int(month):02d}-{int(day):02d}"
        try:
            return date.fromisoformat(iso)
        except ValueError:
            raise Reason("{text!r} is not a date: read {order}, it is {iso}, a day the calendar lacks", text=text,
                         order=Word("day first") if first_is_day else Word("month first"), iso=iso) from None
    day = cleaned[:10].replace("/", "-")
    try:  # first: most files write this, and no date with a month's name reads as it (letters)
        return date.fromisoformat(day)
    except ValueError:
        pass
    for fmt in _MONTH_NAME_FORMATS:  # (strptime is slow: 8,800 CRM rows spent half their import here)
        try:
            return datetime.strptime(cleaned.split(" at ")[0], fmt).date()
        except ValueError:
            continue
    raise no_such_day(day) or Reason("{text!r} is not a date (YYYY-MM-DD)", text=text)


#: What follows a `;` that ends one payment of a payments cell: the next one's date.
_NEXT_PAYMENT = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s")


def payments_text(payments: Sequence[Payment]) -> str:
    """A deal's payments in one cell, oldest first as recorded: `2026-11-03 12000.00 INV-1;
    2026-11-20 3000.00` (the day, the amount to the cent, the note if any; a `;` or `\\` in a
    note written `\\;`, `\\\\`, so that no note can end its payment early). parse_payments
    reads it back."""
    return "; ".join(f"{p.on.isoformat()} {p.amount:.2f}" + (f" {_escaped(p.note)}" if p.note else "")
                     for p in payments)


def _escaped(note: str) -> str:
    return note.replace("\\", "\\\\").replace(";", "\\;")


def _payment_parts(text: str) -> list[str]:
    """The payments of a cell, each unescaped: a payment ends at a `;` (not `\\;`) that comes
    before a date (so a hand-written note may hold a plain `;`); `\\;` and `\\\\` are a `;` and
    a `\\`, any other backslash is itself."""
    parts: list[str] = []
    current: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char == "\\" and text[at + 1:at + 2] in ("\\", ";"):
            current.append(text[at + 1])
            at += 2
            continue
        if char == ";" and _NEXT_PAYMENT.match(text, at + 1):
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        at += 1
    parts.append("".join(current))
    return parts


def parse_payments(text: str) -> list[dict]:
    """A payments cell as payments_text writes it (blank: none). ValueError names the payment
    that is wrong. A note runs to the next `;` that comes before a date."""
    found = []
    for number, part in enumerate((p.strip() for p in _payment_parts(text.strip()) if p.strip()), 1):
        day, _, rest = part.partition(" ")
        amount, _, note = rest.strip().partition(" ")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            raise Reason("payment {number} ({part!r}): {day!r} is not a date (write each payment as "
                         "YYYY-MM-DD AMOUNT [NOTE], separated by `;`)", number=number, part=part, day=day)
        try:
            on = date.fromisoformat(day)
        except ValueError:
            raise Reason("payment {number} ({part!r}): {day!r} is not a date (YYYY-MM-DD)",
                         number=number, part=part, day=day) from None
        if not amount:
            raise Reason("payment {number} ({part!r}): no amount (write each payment as YYYY-MM-DD AMOUNT [NOTE])",
                         number=number, part=part)
        try:
            paid = parse_money(amount)
        except ValueError as error:
            raise Reason("payment {number} ({part!r}): {error}", number=number, part=part, error=error) from None
        if round(paid, 2) <= 0:
            raise Reason("payment {number} ({part!r}): a payment is more than 0, not {paid:g}",
                         number=number, part=part, paid=paid)
        found.append({"amount": round(paid, 2), "on": on, "note": note.strip()})
    return found


def parse_flag(text: str) -> bool:
    return text.strip().lower() in ("1", "y", "yes", "true", "x", "key")


#: Deal types as CRMs name them (Salesforce's New Business, Existing Business, Renewal...).
_BUSINESS_NAMES = {"": "auto", "auto": "auto", "new": "new", "newbusiness": "new", "newcustomer": "new",
                   "newlogo": "new", "existing": "existing", "existingbusiness": "existing",
                   "existingcustomer": "existing", "renewal": "existing", "upsell": "existing",
                   "crosssell": "existing", "expansion": "existing", "新客户": "new", "老客户": "existing",
                   "续约": "existing",
                   # German, French and Spanish
                   "neugeschäft": "new", "neugeschaft": "new", "neukunde": "new", "bestandskunde": "existing",
                   "bestandsgeschäft": "existing", "bestandsgeschaft": "existing", "verlängerung": "existing",
                   "verlangerung": "existing", "nouveau": "new", "nouveauclient": "new", "nouvelleaffaire": "new",
                   "existant": "existing", "clientexistant": "existing", "renouvellement": "existing",
                   "nuevo": "new", "nuevocliente": "new", "nuevonegocio": "new", "existente": "existing",
                   "clienteexistente": "existing", "renovación": "existing", "renovacion": "existing"}


def parse_business(text: str) -> str:
    """Whether a deal brings a new customer, as a CRM's deal type says it (`New Business`,
    `Existing Business - Upgrade`, `Renewal`); blank is auto."""
    wanted = normalise_header(text)
    found = _BUSINESS_NAMES.get(wanted) or next(
        (kind for name, kind in _BUSINESS_NAMES.items() if name and wanted.startswith(name)), None)
    if found is None:
        raise Reason("{text!r} is not a deal type (one of: {kinds}, or New Business, Existing Business, Renewal; "
                     "--map COLUMN=- leaves the column out)", text=text.strip(), kinds=", ".join(BUSINESS_KINDS))
    return found


def parse_forecast(text: str) -> str:
    """A forecast category as the board or a CRM names it (`best_case`, `Best Case`, Salesforce's
    `Pipeline` and `Omitted`); blank is auto."""
    category = _FORECAST_NAMES.get(normalise_header(text))
    if category is None:
        raise Reason("{text!r} is not a forecast category (one of: {categories}, or Pipeline, Best Case, Commit, "
                     "Closed, Omitted; --map COLUMN=- leaves the column out)",
                     text=text.strip(), categories=", ".join(FORECAST_CATEGORIES))
    return category


#: A deal's status as CRMs write it beside its stage (Pipedrive's Open, Won, Lost): a won or lost
#: deal keeps there the stage it was last in, so the status says where it is.
_STATUS_NAMES = {"open": "open", "won": "won", "lost": "lost", "closedwon": "won", "closedlost": "lost",
                 "offen": "open", "gewonnen": "won", "verloren": "lost", "ouvert": "open", "ouverte": "open",
                 "gagné": "won", "gagnée": "won", "gagne": "won", "perdu": "lost", "perdue": "lost", "abierto": "open",
                 "abierta": "open", "ganado": "won", "ganada": "won", "perdido": "lost", "perdida": "lost",
                 "进行中": "open", "進行中": "open", "赢单": "won", "贏單": "won", "输单": "lost", "輸單": "lost"}


def row_stage(row: dict[str, str], stages: Sequence[Stage], stage_names: dict[str, str] | None = None) -> Stage:
    """The stage of a row: its status when that says won or lost (the board's won or lost stage),
    else its stage, as `stage_names` (a file's stage name -> the board's, compared without case)
    renames it or find_stage reads it. Reason when neither names a stage."""
    status = row.get("status", "").strip()
    if status:
        outcome = _STATUS_NAMES.get(normalise_header(status))
        if outcome is None:
            raise Reason("{field}: {error}", field="status",
                         error=Reason("{text!r} is not a status (open, won or lost; --map COLUMN=- leaves the column "
                                      "out)", text=status))
        if outcome != "open":
            return next(s for s in stages if s.outcome == outcome)
    text = row.get("stage", "").strip()
    named = {name.strip().casefold(): board for name, board in (stage_names or {}).items()}
    try:
        return find_stage(stages, named.get(text.casefold(), text))
    except ValueError as error:  # a CRM's own stage: say how to name the board's for it
        raise Reason("{field}: {error}; read it as one of them with --stage {pair}", field="stage", error=error,
                     pair=shlex.quote(f"{text}=STAGE")) from None


def entry_stage(rows: Sequence[dict[str, str]], stages: Sequence[Stage],
                stage_names: dict[str, str] | None = None) -> str:
    """The stage a closed deal is taken to have entered on its `opened` date.

    The stage that most of the file's open, dated deals are in (in the CRM dataset: Engaging,
    that is Qualified, since only engaged deals carry an engage date); else the first open stage.
    """
    open_names = [s.name for s in stages if s.outcome == "open"]
    counts: dict[str, int] = {}
    for row in rows:
        if row.get("opened", "").strip() and row.get("stage", "").strip():
            try:
                stage = row_stage(row, stages, stage_names)
            except ValueError:
                continue
            if stage.outcome == "open":
                counts[stage.name] = counts.get(stage.name, 0) + 1
    if counts:
        return max(counts, key=lambda name: (counts[name], -open_names.index(name)))
    return open_names[0]


def outcome_field(row: dict[str, str]) -> str:
    """The field that dates a won or lost row's outcome: the day an export says it closed
    (`closed`; Pipedrive's Won time, else its Lost time), else its close date."""
    return next((field for field in ("closed", "lost_time") if row.get(field, "").strip()), "close")


def row_fields(row: dict[str, str], stages: Sequence[Stage], opened_stage: str, now: datetime,
               zone: tzinfo | None, stage_names: dict[str, str] | None = None,
               days_first: dict[str, bool] | None = None) -> dict:
    """One row (field -> text) as the fields of a new deal, with its stage history.

    ValueError("field: reason") on the first bad value. The history: an open deal entered its
    stage on `opened` (or now, without it); a won or lost deal entered `opened_stage` on `opened`
    and its outcome on `closed` (the day an export says it closed), else on `close` (or now). A
    deal with an outcome and no `opened` has one entry. Splits are as typed (parse_splits), for
    the board to check against its members; payments (parse_payments) only on a won deal.
    """
    def fail(field: str, error: Exception) -> ValueError:
        return Reason("{field}: {error}", field=field, error=error)

    stage = row_stage(row, stages, stage_names)
    values = {}
    for field, parse in (("value", parse_money), ("close", parse_day), ("closed", parse_day), ("opened", parse_day),
                         ("lost_time", parse_day), ("forecast", parse_forecast), ("splits", parse_splits), ("business", parse_business),
                         ("payments", parse_payments)):
        try:
            values[field] = (parse_day(row.get(field, ""), (days_first or {}).get(field, False))
                             if parse is parse_day else parse(row.get(field, "")))
        except ValueError as error:
            raise fail(field, error) from None

    def moment(day: date | None) -> datetime:
        return datetime.combine(day, time(0), tzinfo=zone) if day else now

    ended_field = outcome_field(row)
    values["closed"] = values["closed"] or values["lost_time"]  # (Pipedrive: Won time, else Lost time)
    opened, close = values["opened"], values["close"]
    # a closed deal's outcome is dated by its `closed` day (an export's), else by its close date
    ended = values["closed"] or close
    # what happened is not dated in the days to come (an open deal's expected close may be)
    if stage.outcome != "open" and ended and ended > now.date():
        raise fail(ended_field, Reason("a won or lost deal is dated by the day it closed, and {day} is still to come "
                                       "(leave it empty and the deal closes today)", day=ended))
    if opened and opened > now.date():
        raise fail("opened", Reason("a deal is opened once it comes in; {day} is still to come", day=opened))
    if stage.outcome == "open":
        history = [{"stage": stage.name, "at": moment(opened)}]
    elif opened and opened_stage != stage.name:
        if ended and ended < opened:
            raise fail(ended_field, Reason("{ended} is before the deal opened ({opened})", ended=ended, opened=opened))
        history = [{"stage": opened_stage, "at": moment(opened)}, {"stage": stage.name, "at": moment(ended)}]
    else:
        history = [{"stage": stage.name, "at": moment(ended)}]
    product = row.get(FROM_PRODUCT, "").strip()
    title = (row.get("title", "").strip() or (product if "title" not in row else "")
             or row.get("account", "").strip() or product or row.get("source", "").strip())
    fields = {"title": title, "account": row.get("account", "").strip(), "product": product, "stage": stage.name,
              "value": values["value"], "close": close, "history": history,
              "source": row.get("source", "").strip(), "forecast": values["forecast"], "business": values["business"],
              "key_account": parse_flag(row.get("key_account", "")),
              "next_step": row.get("next_step", ""),
              # a reason on a deal that is not lost (some exports fill it for all) is not kept
              "lost_reason": row.get("lost_reason", "").strip() if stage.outcome == "lost" else ""}
    if values["splits"]:
        fields["splits"] = values["splits"]
    if values["payments"]:
        if stage.outcome != "won":  # as `deal paid` refuses a payment on a deal that is not won
            raise fail("payments", Reason("the deal is in {stage}, not won: a payment is recorded on a won deal",
                                          stage=stage.name))
        paid = round(sum(p["amount"] for p in values["payments"]), 2)
        if paid > round(values["value"], 2):  # as `deal paid` refuses more than is left to pay
            raise fail("payments", Reason("they add up to {paid:,.2f}, more than the deal's value ({value:,.2f})",
                                          paid=paid, value=values["value"]))
        fields["payments"] = values["payments"]
    if strategy := row.get("strategy", "").strip():  # (the board checks it names a strategy of its own)
        fields["strategy"] = strategy
    owner = row.get("owner", "").strip()
    if owner:
        fields["owner"] = owner
    return fields
