"""The fast CSV path (pyarrow straight to categoricals) gives the frame pandas' own reader gives,
or declines and leaves the file to it; pandas.read_csv is the oracle here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from store.arrow_csv import read_csv_categorical
from store.record_files import read_table

# Text in no sorted order, blanks and NA markers, float ids, integer ids with a gap, ISO dates,
# dates with times, numbers as ints and floats, money as text, non-ASCII text.
MESSY = (
    "Order ID,Order Date,Customer,CustomerID,Shop,Region,Closed At,Quantity,Sales,Price\n"
    "SO-10,2024-03-02,Zoë,12923.0,7,South,2024-03-02 10:00:00,2,10.5,$5.25\n"
    "SO-2,2024-01-15,anna,,3,North,2024-01-15 09:30:00,1,7,\"$7,000\"\n"
    "SO-10,2024-03-02,Zoë,12923.0,7,South,2024-03-02 10:00:00,5,,n/a\n"
    "SO-33,2023-12-31,NA,99.0,,Ost,2023-12-31 23:59:59,3,1.25, 1.25\n"
    ",2024-01-15, Bob ,12.0,3,,2024-01-15 08:00:00,4,2,2\n"
)
CATEGORICAL = ["Order ID", "Order Date", "Customer", "CustomerID", "Shop", "Region", "Closed At"]


def same_frame(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    assert list(ours.columns) == list(theirs.columns)
    for name in theirs.columns:
        a, b = ours[name], theirs[name]
        if a.dtype.kind == "M" and b.dtype == "category":  # read as dates: the same days
            assert a.tolist() == pd.to_datetime(b.astype(object)).tolist(), name
            continue
        assert a.dtype == b.dtype, name
        if b.dtype == "category":
            assert a.cat.categories.equals(b.cat.categories), name
            assert a.cat.categories.dtype == b.cat.categories.dtype, name
            assert np.array_equal(a.cat.codes.to_numpy(), b.cat.codes.to_numpy()), name
        else:
            assert a.equals(b), name


def test_categories_codes_and_numbers_are_pandas_own(tmp_path: Path) -> None:
    path = tmp_path / "messy.csv"
    path.write_text(MESSY, encoding="utf-8")
    columns = MESSY.splitlines()[0].split(",")
    ours = read_csv_categorical(path, "utf-8-sig", ",", columns, CATEGORICAL)
    assert ours is not None
    theirs = pd.read_csv(path, engine="pyarrow", usecols=columns, encoding="utf-8-sig",
                         dtype={c: "category" for c in CATEGORICAL})
    same_frame(ours, theirs[columns])
    assert ours["Order ID"].cat.categories.tolist() == ["SO-10", "SO-2", "SO-33"]  # sorted, as pandas sorts
    assert ours["Order ID"].isna().tolist() == [False, False, False, False, True]
    assert ours["Order Date"].dtype == "datetime64[ns]"  # dates are taken as pyarrow read them
    assert ours["Order Date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-02", "2024-01-15", "2024-03-02",
                                                                    "2023-12-31", "2024-01-15"]


def test_many_lines_split_in_many_blocks(tmp_path: Path) -> None:
    """Large enough for pyarrow to read in many blocks, each with its own dictionary."""
    rng = np.random.default_rng(3)
    n = 200_000
    frame = pd.DataFrame({"id": np.char.add("O", rng.integers(0, 50_000, n).astype(str)),
                          "rep": np.char.add("Rep ", rng.integers(0, 40, n).astype(str)),
                          "amount": np.round(rng.random(n) * 100, 2)})
    path = tmp_path / "big.csv"
    frame.to_csv(path, index=False)
    ours = read_csv_categorical(path, "utf-8-sig", ",", ["id", "rep", "amount"], ["id", "rep"])
    theirs = pd.read_csv(path, engine="pyarrow", dtype={"id": "category", "rep": "category"})
    same_frame(ours, theirs)



def test_order_lines_in_runs_across_blocks(tmp_path: Path) -> None:
    """An order's id and customer repeat on its lines (runs that cross pyarrow's blocks, some
    ids missing): read by runs, they are still pandas' categories and codes, sorted or in the
    order met."""
    rng = np.random.default_rng(5)
    orders = 60_000
    lines = rng.integers(1, 9, orders)
    order = np.repeat(np.arange(orders), lines)
    ids = np.char.add("SO-", rng.permutation(orders).astype(str)).astype(object)[order]
    ids[rng.random(len(order)) < 0.01] = ""  # a line without an order id
    customer = np.char.add("C", rng.integers(0, 20_000, orders).astype(str))[order]
    frame = pd.DataFrame({"id": ids, "customer": customer, "amount": np.round(rng.random(len(order)) * 100, 2)})
    path = tmp_path / "runs.csv"
    frame.to_csv(path, index=False)
    theirs = pd.read_csv(path, engine="pyarrow", dtype={"id": "category", "customer": "category"})
    ours = read_csv_categorical(path, "utf-8-sig", ",", ["id", "customer", "amount"], ["id", "customer"])
    same_frame(ours, theirs)
    met = read_csv_categorical(path, "utf-8-sig", ",", ["id", "customer", "amount"], ["id", "customer"],
                               unsorted=["id", "customer"])
    for name in ("id", "customer"):
        assert met[name].astype(object).tolist() == theirs[name].astype(object).tolist(), name
        seen = pd.unique(theirs[name].dropna().astype(object))
        assert met[name].cat.categories.tolist() == list(seen), name

@pytest.mark.parametrize("text", [
    "id,amount\nA,1\nB,\n",             # an integer column with a gap: pandas' pyarrow path fails there
    "id,id,amount\nA,B,1\n",            # a repeated column name: pandas renames it
    "id,flag\nA,true\nB,false\n",       # booleans: left to pandas
])
def test_declines_what_pandas_treats_its_own_way(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(text, encoding="utf-8")
    columns = text.splitlines()[0].split(",")
    assert read_csv_categorical(path, "utf-8-sig", ",", columns, ["id"]) is None


def test_read_table_is_the_same_with_or_without_the_fast_path(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "messy.csv"
    path.write_text(MESSY, encoding="utf-8")
    columns = MESSY.splitlines()[0].split(",")
    fast = read_table(path, columns, categorical=CATEGORICAL)
    monkeypatch.setattr("store.arrow_csv.read_csv_categorical", lambda *args, **kwargs: None)
    careful = read_table(path, columns, categorical=CATEGORICAL)
    same_frame(fast, careful)


def test_ids_that_are_only_counted_keep_their_categories_unsorted(tmp_path: Path) -> None:
    path = tmp_path / "messy.csv"
    path.write_text(MESSY, encoding="utf-8")
    columns = MESSY.splitlines()[0].split(",")
    ours = read_csv_categorical(path, "utf-8-sig", ",", columns, CATEGORICAL, unsorted=["Order ID", "Customer"])
    theirs = pd.read_csv(path, engine="pyarrow", usecols=columns, dtype={c: "category" for c in CATEGORICAL})
    assert ours["Order ID"].cat.categories.tolist() == ["SO-10", "SO-2", "SO-33"]  # as met, here also sorted
    assert ours["Customer"].cat.categories.tolist() == ["Zoë", "anna", " Bob "]  # as met: not sorted
    for name in ("Order ID", "Customer"):  # the same value on every row
        assert ours[name].astype(object).tolist() == theirs[name].astype(object).tolist(), name
    same_frame(ours.drop(columns=["Order ID", "Customer"]), theirs[columns].drop(columns=["Order ID", "Customer"]))
