"""Sorting helpers of the metrics, checked against numpy's own argsort and unique."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from partylinks.graph.sorting import order_by, sorted_unique

keys = st.lists(st.integers(0, 50), max_size=60)


@settings(max_examples=200, deadline=None)
@given(keys)
def test_order_by_is_a_stable_argsort(values):
    key = np.array(values, dtype=np.int64)
    assert order_by(key, 51).tolist() == np.argsort(key, kind="stable").tolist()


def test_order_by_large_keys_still_stable():
    for big in (2**40, 2**60):  # packed into one int64, and too large to pack
        key = np.array([big, 3, big, 3, 0], dtype=np.int64)
        assert order_by(key, big + 1).tolist() == [4, 1, 3, 0, 2]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-(2**40), 2**40), max_size=60))
def test_sorted_unique_is_np_unique(values):
    a = np.array(values, dtype=np.int64)
    assert sorted_unique(a).tolist() == np.unique(a).tolist()
