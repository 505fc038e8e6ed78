"""Hypothesis strategies for hostile input, and the settings every property test shares.

UPLIFT_FUZZ_EXAMPLES sets how many examples each property tries (50 by default, for CI; the
long run is e.g. UPLIFT_FUZZ_EXAMPLES=5000). Without it the examples are the same on every run
(derandomized), so that CI's verdict is the code's and not the draw's; a long run draws afresh.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.hostile.fixtures import CJK, LONG, PAYLOADS, RTL

EXAMPLES = int(os.environ.get("UPLIFT_FUZZ_EXAMPLES", "50"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="UPLIFT_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])

# Any character at all, controls and surrogate-free astral ones included.
any_char = st.characters(codec="utf-8")
texts = st.one_of(
    st.text(any_char, max_size=60),
    st.text(st.characters(categories=("L", "N", "Zs")), min_size=1, max_size=30),
    st.sampled_from((*PAYLOADS, CJK, RTL, "", " ", "\n", "\t", LONG, LONG[:201], LONG[:200], "\x00")),
    st.lists(st.sampled_from((*PAYLOADS, CJK, RTL, "x")), max_size=6).map(" ".join),
)
maybe_texts = st.one_of(st.none(), texts)
dates = st.one_of(st.none(), st.dates().map(str), st.sampled_from(("", "tomorrow", "fri", "2026-02-30",
                                                                    "2026-13-01", "9999-12-31", "0001-01-01")),
                  st.text(any_char, max_size=12))
numbers = st.one_of(st.none(), st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from(("1.2k", "5%", "", "nan", "-0")))
_real_ids = st.sampled_from(("T-1", "T-2", "T-3", "G-1", "G-2", "D-1", "D-2", "S-1", "N-1"))
ids = st.one_of(_real_ids, _real_ids, _real_ids,  # mostly ids that exist, so that changes happen
                st.sampled_from(("T-999", "T-0", "T--1", "T-1e3", "T-\u0661", "t-1", "", "T-")),
                st.text(any_char, max_size=8))
names = st.one_of(st.sampled_from(("dana", "ali", "bea", "nobody", "", "DANA")), st.text(any_char, max_size=45))

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def every_file_decodes(path: Path) -> None:
    for file in path.rglob("*.json"):
        json.loads(file.read_bytes())
