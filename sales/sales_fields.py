"""The canonical fields of a sales record and the mapping from a file's own headers to them.

Exports use any column names ("Order Date", "InvoiceDate", "订单日期", "close_value"...). The
diagnosis only knows the canonical fields below, so every import goes through one mapping that
can be guessed automatically, corrected with ``COLUMN=FIELD`` overrides, and explained back to
the person who imported the file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

import msgspec

from sales.errors import Reason
from sales.phrases import Phrase, Word
from sales.text import listed

#: Canonical field -> what it holds (shown in explanations and help; said in the reader's language).
FIELDS: dict[str, str] = {
    "order_id": Word("order, invoice or deal id"),
    "date": Word("order / invoice / close date"),
    "customer": Word("customer or account"),
    "product": Word("product or stock code"),
    "product_line": Word("product line or category"),
    "region": Word("region, regional office or country"),
    "channel": Word("sales channel"),
    "rep": Word("sales rep / agent"),
    "quantity": Word("units sold"),
    "amount": Word("revenue of the line or deal value"),
    "stage": Word("deal stage (won / lost / open)"),
    "created": Word("date the deal was created or engaged"),
    "cost": Word("cost attributed to the line"),
    "profit": Word("profit of the line"),
    "discount": Word("discount given on the line, a rate: 0.2 or 20%"),
    "unit_price": Word("price of one unit"),
}

#: Overrides may name this instead of a field to keep a column out of the mapping.
IGNORE = "ignore"

# Header spellings per field, best first: when two columns match the same field, the one whose
# spelling comes earlier wins ("Order Date" beats "Ship Date", "Region" beats "Country/Region").
# Spellings are compared after normalise_header(), so case, spaces, "_", "-" and "/" don't matter.
_SPELLINGS: dict[str, tuple[str, ...]] = {
    "order_id": (
        "orderid", "orderno", "ordernumber", "invoiceno", "invoiceid", "invoicenumber",
        "invoice", "opportunityid", "dealid", "transactionid", "order", "deal", "opportunity",
        "订单号", "訂單號", "订单编号", "訂單編號", "订单id", "單號", "单号", "发票号", "發票號",
        "交易号", "交易號", "商机编号", "商機編號", "单据编号", "單據編號", "单据号", "單據號",
    ),
    "date": (
        "orderdate", "invoicedate", "closedate", "closeddate", "saledate", "salesdate",
        "transactiondate", "date", "订单日期", "訂單日期", "销售日期", "銷售日期", "成交日期",
        "下单日期", "下單日期", "日期", "交易日期", "下单时间", "下單時間", "订单时间", "訂單時間",
        "交易时间", "交易時間", "成交时间", "成交時間", "付款时间", "付款時間", "单据日期", "單據日期",
        "开票日期", "開票日期", "时间", "時間",
    ),
    "customer": (
        "customerid", "customer", "customername", "clientid", "client", "clientname",
        "accountid", "account", "accountname", "buyer", "客户id", "客户编号", "客戶編號", "客户",
        "客戶", "客户名称", "客戶名稱", "顾客", "顧客", "客户简称", "客戶簡稱", "买家", "買家",
        "购买方", "購買方",
    ),
    "product": (
        "productid", "stockcode", "sku", "productcode", "product", "productname", "item",
        "itemname", "产品编号", "產品編號", "产品", "產品", "产品名称", "產品名稱", "商品", "品名",
        "商品编码", "商品編碼", "商品名称", "商品名稱", "货品名称", "貨品名稱", "物料编码", "物料編碼",
        "存货编码", "存貨編碼",
    ),
    "product_line": (
        "productline", "category", "productcategory", "series", "productseries", "line",
        "产品线", "產品線", "品类", "品類", "类别", "類別", "产品类别", "產品類別", "系列",
    ),
    "region": (
        "region", "salesregion", "regionaloffice", "territory", "area", "market", "country",
        "countryregion", "区域", "區域", "地区", "地區", "大区", "大區", "片区", "片區",
    ),
    "channel": (
        "channel", "saleschannel", "leadsource", "source", "渠道", "销售渠道", "銷售渠道",
    ),
    "rep": (
        "rep", "salesrep", "salesagent", "salesperson", "salesman", "agent", "seller",
        "dealowner", "owner", "accountmanager", "销售员", "銷售員", "业务员", "業務員",
        "销售代表", "銷售代表", "负责人", "負責人", "销售人员", "銷售人員",
    ),
    "quantity": ("quantity", "qty", "units", "unitssold", "数量", "數量", "销量", "銷量", "件数", "件數"),
    "amount": (
        "amount", "sales", "revenue", "closevalue", "salesamount", "netsales", "dealvalue",
        "totalprice", "total", "value", "销售额", "銷售額", "金额", "金額", "成交金额",
        "成交金額", "营业额", "營業額", "收入", "销售金额", "銷售金額", "金额合计", "金額合計",
        "合计金额", "合計金額", "总金额", "總金額", "订单金额", "訂單金額", "实付金额", "實付金額",
        "价税合计", "價稅合計", "含税金额", "含稅金額",
    ),
    "stage": ("stage", "dealstage", "status", "outcome", "阶段", "階段", "状态", "狀態"),
    "created": (
        "created", "createddate", "createdate", "createdon", "engagedate", "engageddate",
        "opendate", "leaddate", "创建日期", "創建日期", "建立日期",
    ),
    "cost": ("cost", "costs", "totalcost", "spend", "成本", "费用", "費用"),
    "profit": ("profit", "grossprofit", "netprofit", "利润", "利潤", "毛利", "毛利润", "毛利潤"),
    "discount": ("discount", "discountrate", "discountpercent", "discountpct", "折扣", "折扣率", "折让", "折讓",
                 "折让率", "折讓率"),
    "unit_price": ("unitprice", "price", "salesprice", "单价", "單價", "价格", "價格"),
}

_RANK: dict[str, tuple[str, int]] = {
    spelling: (field, rank)
    for field, spellings in _SPELLINGS.items()
    for rank, spelling in enumerate(spellings)
}


class MappingError(Reason):
    """An override that cannot be applied (unknown column or field, bad syntax).

    With `item` (the override as given, `Foo=bar`) the message is the command line's, `--map
    Foo=bar: reason` (`option` names the flag); `item` and `reason` stay apart so that an
    interface that takes the mapping another way can name it its own way. The reason is a
    template and its `values` (sales.errors), kept as `reason_said`, the Reason to say it in the
    interface's language (str() of it is the English)."""

    def __init__(self, reason: object, item: str | None = None, option: str = "--map", **values: object) -> None:
        self.item, self.option = item, option
        self.reason_said = Reason(reason, **values)
        if item is None:
            super().__init__(self.reason_said)
        else:
            super().__init__(Reason("{option} {item}: {reason}", option=option, item=item, reason=self.reason_said))


class ColumnMapping(msgspec.Struct, frozen=True):
    """Which column feeds which canonical field, and what was left out."""

    fields: dict[str, str]
    """canonical field -> column name in the file"""
    ignored: list[str]
    """columns that feed no field"""
    overridden: list[str]
    """fields whose column was chosen by an override rather than guessed"""
    derived: dict[str, str]
    """fields computed from others, e.g. {"amount": "quantity * unit_price"}"""

    def column(self, field: str) -> str | None:
        """The column feeding ``field``, or None."""
        return self.fields.get(field)

    def has(self, field: str) -> bool:
        """True if the field is available (from a column or derived)."""
        return field in self.fields or field in self.derived


def normalise_header(name: str) -> str:
    """Header as compared with the known spellings: NFKC, case-folded, letters and digits only."""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def parse_overrides(items: Iterable[str] | Mapping[str, str] | None) -> dict[str, str]:
    """``["COLUMN=FIELD", ...]`` (as typed after ``--map``) -> {column: field}."""
    if items is None:
        return {}
    if isinstance(items, Mapping):
        pairs = list(items.items())
    else:
        pairs = []
        for item in items:
            column, sep, field = str(item).rpartition("=")
            if not sep or not column.strip():
                raise MappingError("expected COLUMN=FIELD", repr(item))
            pairs.append((column, field))
    result: dict[str, str] = {}
    seen: dict[str, str] = {}  # normalised column -> the column as given
    for column, field in pairs:
        field = field.strip().lower()
        if field not in FIELDS and field != IGNORE:
            known = ", ".join(FIELDS)
            raise MappingError("unknown field {field!r} (known: {known}, {ignore})", f"{column}={field}",
                               field=field, known=known, ignore=IGNORE)
        column = column.strip()
        if not isinstance(items, Mapping):  # as typed; a saved mapping made before this check is kept
            check_once(result, seen, column, field)
        result[column] = field
    return result


def check_once(result: Mapping[str, str], seen: dict[str, str], column: str, field: str) -> None:
    """MappingError for a mapping that says two things: one column given two fields, or one field
    given two columns (whichever came last would silently win)."""
    first = seen.setdefault(normalise_header(column) or column, column)
    if first in result and result[first] != field:
        raise MappingError("the column {first!r} is already mapped to {field}; map each column once",
                           f"{column}={field}", first=first, field=result[first])
    other = next((c for c, f in result.items() if f == field and f != IGNORE and c != first), None)
    if other is not None:
        raise MappingError("{field} is already mapped to the column {other!r}; a field takes one column",
                           f"{column}={field}", field=field, other=other)


def _find_column(columns: list[str], wanted: str) -> str | None:
    if wanted in columns:
        return wanted
    key = normalise_header(wanted)
    matches = [c for c in columns if normalise_header(c) == key]
    return matches[0] if matches else None


def map_columns(columns: Iterable[str], overrides: Iterable[str] | Mapping[str, str] | None = None,
                primary: Iterable[str] | None = None) -> ColumnMapping:
    """Guess each canonical field's column from the headers; overrides win over guesses.

    A column feeds at most one field. For each field the column whose header is the
    best-ranked known spelling wins; the others are ignored. With `primary` (the main file's
    columns, when other columns come from joined files), a guess among those beats any guess
    among the rest: a joined accounts file's `revenue` (the company's size) does not take the
    amount from the deals file's `close_value`.
    """
    columns = [str(c) for c in columns]
    fields: dict[str, str] = {}
    overridden: list[str] = []
    taken: set[str] = set()
    for wanted, field in parse_overrides(overrides).items():
        column = _find_column(columns, wanted)
        if column is None:
            raise MappingError("no column {wanted!r} (columns: {columns})", f"{wanted}={field}",
                               wanted=wanted, columns=listed(columns))
        taken.add(column)
        if field != IGNORE:
            fields[field] = column
            overridden.append(field)
    main = set(primary) if primary is not None else set(columns)
    best: dict[str, tuple[tuple[bool, int], str]] = {}
    for column in columns:
        if column in taken:
            continue
        hit = _RANK.get(normalise_header(column))
        if hit is None or hit[0] in fields:
            continue
        field, rank = hit
        order = (column not in main, rank)
        if field not in best or order < best[field][0]:
            best[field] = (order, column)
    for field, (_, column) in best.items():
        fields[field] = column
    derived: dict[str, str] = {}
    if "amount" not in fields and "quantity" in fields and "unit_price" in fields:
        derived["amount"] = "quantity * unit_price"
    # a shop's export gives the profit of each line, not its cost: the cost is what the line
    # brought in less its profit, so that ROI per region and product line can be worked out
    if "cost" not in fields and "profit" in fields and ("amount" in fields or "amount" in derived):
        derived["cost"] = "amount - profit"
    used = set(fields.values())
    ignored = [c for c in columns if c not in used]
    ordered = {f: fields[f] for f in FIELDS if f in fields}
    return ColumnMapping(fields=ordered, ignored=ignored, overridden=overridden, derived=derived)


#: Where the overrides of a run were given -> how the explanation says so ("set by --map").
GIVEN_BY = {"--map": Word("set by --map"), "screen": Word("set in the Diagnose screen's column mapping")}
SAVED_BY = Word("from the mapping saved on the board for files with these columns")


def explain_mapping(mapping: ColumnMapping, given_by: str = "--map",
                    saved_fields: Iterable[str] = ()) -> list[Phrase]:
    """Plain sentences saying which column became which field and which were ignored.

    An overridden field says where its override came from, since a snapshot keeps these
    sentences: given in this run (`given_by`, a key of GIVEN_BY) or, for `saved_fields`,
    reused from the mapping the board saved for this layout."""
    saved = set(saved_fields)
    lines = []
    for field, column in mapping.fields.items():
        if field not in mapping.overridden:
            how = Word("guessed from the header")
        else:
            how = SAVED_BY if field in saved else GIVEN_BY[given_by]
        lines.append(Phrase("{column} -> {field} ({holds}; {how})", column=repr(column), field=field,
                            holds=FIELDS[field], how=how))
    for field, formula in mapping.derived.items():
        lines.append(Phrase("{field} = {formula} (no {field} column)", field=field, formula=formula))
    missing = [f for f in FIELDS if not mapping.has(f)]
    if missing:
        lines.append(Phrase("not found: {fields}", fields=", ".join(missing)))
    if mapping.ignored:
        lines.append(Phrase("ignored columns: {columns}", columns=", ".join(repr(c) for c in mapping.ignored)))
    return lines
