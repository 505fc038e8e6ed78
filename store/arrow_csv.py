"""The fast way to read a record file's CSV: pyarrow straight to pandas categoricals.

``pd.read_csv(engine="pyarrow", dtype="category")`` reads text as strings and then hashes
every value again to build each categorical (about half the read time at a million lines).
Here pyarrow's reader dictionary-encodes text with few distinct values while it parses (in
parallel); text with many (order ids, customers) it parses as text, encoded after in pyarrow
(two columns at a time, one per core; a value repeating the row above it, as an order's id does
on each of its lines, is not hashed again). Only the distinct values are sorted and turned into
categories. The frame is the same as pandas would give: the same reader options, the same type
inference, the same (sorted) categories and codes. Whatever this path is not sure to give the
same for, it declines (returns None) and the caller reads the careful way. One difference: a
column pyarrow has read as dates, with none missing, comes back as datetime64 values, not as a
categorical of them (the dates need no parsing, and a million of them are quicker to take as
they are).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

#: pandas' default missing-value markers (read_csv's na_values documentation).
NA_VALUES = ("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
             "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null")
#: Text columns with at most this many distinct values in a block of the file (about 1 MB) are
#: dictionary-encoded as they are parsed (regions, channels, reps: a table of a few values, no
#: text kept); the rest (order ids, customers) are parsed as text and encoded after, by runs
#: (_encode_runs). Either way gives the same frame; this way a million order lines took 0.49-0.51 s
#: of CPU to read (medians of 12 runs in one process), against 0.52-0.53 s encoding every text
#: column in the parse (more hashing, and 87 blocks' dictionaries to unify) and 0.51-0.52 s
#: encoding none there (more memory to fault in: the text of every column).
_FEW_VALUES = 1000


def read_csv_categorical(path: Path, encoding: str, delimiter: str, columns: Sequence[str],
                         categorical: Sequence[str], unsorted: Sequence[str] = (), skip: int = 0) -> "pd.DataFrame | None":
    """``columns`` (raw header names, no duplicates) of a CSV file, ``categorical`` ones as
    categoricals; None when pyarrow refuses the file or a column needs pandas' own handling.
    ``unsorted``: categorical columns whose categories may come in any order (ids that are
    counted, never listed): they keep the order the reader met them in, unsorted. ``skip``: lines
    above the column names that are not rows (Excel's `sep=` line)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if len(set(columns)) != len(columns):
        return None
    if encoding == "utf-8-sig":
        # pyarrow reads UTF-8 itself and skips a byte-order mark (were it kept, the first column
        # name would not match and the file would be declined); other encodings go through Python
        encoding = "utf8"
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(encoding=encoding, skip_rows=skip),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(
                include_columns=list(columns), null_values=list(NA_VALUES), strings_can_be_null=True,
                auto_dict_encode=True, auto_dict_max_cardinality=_FEW_VALUES),
            # malloc's memory, not pyarrow's own pool (mimalloc): once the table is converted and
            # dropped, numpy reuses its pages instead of faulting in fresh ones (a fresh-process
            # diagnosis of a million lines measured 0.80 s with the pool, 0.43 s without)
            memory_pool=pa.system_memory_pool(),
        )
    except Exception:  # noqa: BLE001 - whatever pyarrow refuses, pandas' own reader then judges
        return None
    if table.column_names != list(columns):
        return None
    wanted, any_order = set(categorical), set(unsorted)

    def convert(name: str) -> Any:
        column = table.column(name)
        if pa.types.is_null(column.type):
            column = column.cast(pa.float64())  # as pandas does: an empty column is all NaN
        if pa.types.is_date32(column.type) and column.null_count == 0:
            return _days(column)  # read as dates already: nothing left to parse per value
        return _categorical(column, sort=name not in any_order) if name in wanted else _plain(column)

    # one column per task: pyarrow and numpy let go of the GIL, so two cores share the work
    with ThreadPoolExecutor(max_workers=2) as pool:
        converted = list(pool.map(convert, columns))
    if any(column is None for column in converted):
        return None
    return pd.DataFrame(dict(zip(columns, converted, strict=True)), copy=False)


def _days(column: "pa.ChunkedArray") -> Any:
    """Dates (no day missing) as pandas' datetime64[ns] values."""
    import numpy as np
    import pandas as pd

    days = np.concatenate([chunk.to_numpy(zero_copy_only=False) for chunk in column.chunks]) \
        if column.num_chunks else np.empty(0, dtype="datetime64[D]")
    return pd.Series(days.astype("datetime64[ns]"), copy=False)


def _plain(column: "pa.ChunkedArray") -> Any:
    """A non-categorical column as pandas gives it, or None where pandas' conversion is
    not plainly the same (an integer column with gaps makes pandas' pyarrow path fail)."""
    import pyarrow as pa

    kind = column.type
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
        column = column.cast(kind)
    if pa.types.is_floating(kind) or (pa.types.is_integer(kind) and column.null_count == 0) \
            or pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return column.to_pandas()
    return None


def _categorical(column: "pa.ChunkedArray", sort: bool = True) -> "pd.Categorical | None":
    """One categorical from a (chunked) column: the chunks' dictionaries are unified, the
    distinct values converted to pandas and (with ``sort``) sorted as ``astype("category")``
    sorts them, and each row's code looked up through that order."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type
    if pa.types.is_dictionary(kind):
        if not (pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)):
            return None
    elif not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):  # (bytes that are not text: None)
        if not (pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_date(kind)
                or (pa.types.is_timestamp(kind) and kind.tz is None)):
            return None
        column = pc.dictionary_encode(column)
    if not len(column):
        return pd.Categorical(column.to_pandas())
    if pa.types.is_dictionary(column.type):
        column = pa.Table.from_arrays([column], ["values"]).unify_dictionaries().column(0)
        dictionary = column.chunk(0).dictionary
        indices = pa.chunked_array([chunk.indices for chunk in column.chunks])
        indices = (pc.fill_null(indices, -1) if indices.null_count else indices).to_numpy()
    else:
        dictionary, indices = _encode_runs(column)
    text = pa.types.is_string(dictionary.type) or pa.types.is_large_string(dictionary.type)
    if not sort and text:
        categories = pd.Index(dictionary.to_pandas())
        return pd.Categorical.from_codes(indices.astype(_code_type(len(categories)), copy=False),
                                         dtype=_dtype_of_distinct(categories), validate=False)
    if text:
        order = pc.array_sort_indices(dictionary).to_numpy()
        categories = pd.Index(dictionary.take(order).to_pandas())
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
    else:  # a few dates or numbers: let pandas sort them exactly as it would
        values = pd.Categorical(dictionary.to_pandas())
        categories, rank = values.categories, np.asarray(values.codes, dtype=np.int64)
    lookup = np.append(rank, -1).astype(_code_type(len(categories)))  # the last (code -1): a missing value
    codes = np.take(lookup, indices)
    return pd.Categorical.from_codes(codes, dtype=_dtype_of_distinct(categories), validate=False)


#: A column whose first block has more runs of equal values than this share of its rows is
#: encoded value by value (ids of products, product lines: no runs to speak of); so is one whose
#: runs hold fewer distinct values than this share of them (regions, reps: a small table of
#: values is hashed about as fast as neighbours are compared).
_RUNS_WORTH_IT = 0.5
_DISTINCT_WORTH_IT = 0.1


def _encode_runs(column: "pa.ChunkedArray") -> "tuple[pa.Array, np.ndarray]":
    """(the distinct values in the order they first appear, each row's position among them or
    -1 where missing) of a (chunked) column, as ``pc.dictionary_encode`` gives them.

    Exports repeat an order's id and customer on each of its lines: a value equal to the one
    above it is not hashed again. Neighbours are compared (a cheap pass over the text), only the
    first row of each run is hashed, and its code is repeated along the run: at five lines an
    order, a fifth of the hashing, which counts where there are many distinct values (order ids:
    32 ms for a million lines instead of 43)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    chunks = [chunk for chunk in column.chunks if len(chunk)]
    heads = [_run_heads(chunk) for chunk in chunks[:1]]
    runs = np.count_nonzero(heads[0]) if chunks else 0
    if not chunks or runs > _RUNS_WORTH_IT * len(chunks[0]) \
            or pc.count_distinct(chunks[0].filter(pa.array(heads[0]))).as_py() < _DISTINCT_WORTH_IT * runs:
        encoded = pc.dictionary_encode(column)  # (one table for every chunk: one dictionary)
        indices = pa.chunked_array([chunk.indices for chunk in encoded.chunks], type=pa.int32())
        dictionary = encoded.chunk(0).dictionary if encoded.num_chunks else pa.array([], column.type)
        return dictionary, (pc.fill_null(indices, -1) if indices.null_count else indices).to_numpy()
    for before, chunk in zip(chunks, chunks[1:]):
        starts = _run_heads(chunk)
        starts[0] = not before[-1:].equals(chunk[:1])  # (the run may go on from the block above)
        heads.append(starts)
    firsts = pa.chunked_array([chunk.filter(pa.array(starts)) for chunk, starts in zip(chunks, heads)],
                              type=column.type)
    encoded = pc.dictionary_encode(firsts)
    indices = pa.chunked_array([chunk.indices for chunk in encoded.chunks], type=pa.int32())
    codes = (pc.fill_null(indices, -1) if indices.null_count else indices).to_numpy()
    starts = np.flatnonzero(np.concatenate(heads))
    lengths = np.diff(np.append(starts, len(column)))
    return encoded.chunk(0).dictionary, np.repeat(codes, lengths)


def _run_heads(chunk: "pa.Array") -> "np.ndarray":
    """For each value of one block: whether it begins a run (differs from the value above it; a
    missing value always begins one)."""
    import numpy as np
    import pyarrow.compute as pc

    starts = np.ones(len(chunk), dtype=bool)
    if len(chunk) > 1:
        same = pc.equal(chunk[1:], chunk[:-1])
        if same.null_count:
            same = pc.fill_null(same, False)
        starts[1:] = ~same.to_numpy(zero_copy_only=False)
    return starts


def _dtype_of_distinct(categories: "pd.Index") -> "pd.CategoricalDtype":
    """A CategoricalDtype for categories known to be distinct (they come out of a dictionary
    encoding). pandas' constructor would hash them all again to check that (some 25 ms for
    200,000 order ids); its fast path skips the check, and the constructor is the fallback."""
    import pandas as pd

    fast = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    if fast is not None:
        try:
            dtype = fast(categories, False)
            if isinstance(dtype, pd.CategoricalDtype) and dtype.categories is categories:
                return dtype
        except TypeError:
            pass
    return pd.CategoricalDtype(categories)


def _code_type(n_categories: int) -> str:
    """The integer type pandas keeps codes in for this many categories (no conversion later)."""
    for kind, top in (("int8", 2**7 - 1), ("int16", 2**15 - 1), ("int32", 2**31 - 1)):
        if n_categories < top:
            return kind
    return "int64"
