"""Sorting integer keys fast: the metrics' grouping is done by sorting, never by hashing.

numpy sorts int64 *values* many times faster than it argsorts them (vectorized sorting
networks), and numpy 2.4 hashes integers in ``np.unique``, which is slower still on
millions of distinct values. So an ordering is computed by sorting ``key * n + position``
(one int64 per row) whenever that fits in 63 bits, which also makes it stable.
"""

from __future__ import annotations

import numpy as np

__all__ = ["order_by", "sorted_unique"]


def order_by(key: np.ndarray, bound: int) -> np.ndarray:
    """The stable sorting order of non-negative integer keys smaller than ``bound``
    (``np.argsort(key, kind="stable")``).

    Examples
    --------
    >>> order_by(np.array([3, 1, 3, 0]), 4).tolist()
    [3, 1, 0, 2]
    """
    key = np.asarray(key, dtype=np.int64)
    n = len(key)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if int(bound) * n < 2**62:
        packed = key * n + np.arange(n, dtype=np.int64)
        packed.sort()
        packed %= n
        return packed
    return np.argsort(key, kind="stable")  # keys too large to pack


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values of an integer array, sorted (``np.unique`` by sorting).

    Examples
    --------
    >>> sorted_unique(np.array([5, 2, 5, 7, 2])).tolist()
    [2, 5, 7]
    """
    s = np.sort(values)
    if len(s) == 0:
        return s
    keep = np.empty(len(s), dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]
