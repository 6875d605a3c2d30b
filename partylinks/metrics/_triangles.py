"""Triangle listing on a sparse undirected graph, vectorized, with no O(d^2) work at hubs.

Vertices are ranked by (degree, index) and every edge is oriented from the lower to the
higher rank, so each vertex keeps at most about sqrt(2m) out-neighbours. A triangle
x < y < z (in rank) is found once, from its edge (x, y): z is an out-neighbour of x ranked
after y, and (y, z) must be an edge. Candidates are generated in chunks, so memory stays
bounded, and checked with a binary search over the sorted edge keys.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

__all__ = ["triangles", "edge_positions"]

_CHUNK = 4_000_000


def edge_positions(m: csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Positions in ``m.data`` of the entries (rows[i], cols[i]); -1 when absent.

    ``m`` must have sorted indices (``m.has_sorted_indices``), so that its keys
    ``row * n + col`` are sorted in storage order.
    """
    n = m.shape[1]
    keys = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr)) * n + m.indices
    q = rows.astype(np.int64) * n + cols
    pos = np.searchsorted(keys, q)
    pos = np.minimum(pos, max(len(keys) - 1, 0))
    found = (keys[pos] == q) if len(keys) else np.zeros(len(q), dtype=bool)
    return np.where(found, pos, -1)


def triangles(adj: csr_matrix) -> np.ndarray:
    """Every triangle of the undirected graph whose edges are the nonzeros of ``adj``.

    ``adj`` must be symmetric with no diagonal entries. Returns an int64 array of shape
    (t, 3), one row per triangle (its three vertex indexes), each triangle once.
    """
    n = adj.shape[0]
    deg = np.diff(adj.indptr)
    order = np.lexsort((np.arange(n), deg))          # rank -> vertex
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    row = np.repeat(np.arange(n, dtype=np.int64), deg)
    ru, rv = rank[row], rank[adj.indices]
    up = ru < rv
    ru, rv = ru[up], rv[up]
    srt = np.lexsort((rv, ru))
    ru, rv = ru[srt], rv[srt]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(ru, minlength=n), out=indptr[1:])
    keys = ru * n + rv                                # sorted
    # candidates of edge e = (u, v): positions e+1 .. indptr[u+1]-1 (out-neighbours after v)
    count = indptr[ru + 1] - np.arange(len(ru)) - 1
    out = []
    start = 0
    cum = np.cumsum(count)
    while start < len(ru):
        base = cum[start - 1] if start else 0
        stop = int(np.searchsorted(cum, base + _CHUNK, side="right"))
        stop = max(stop, start + 1)
        e = np.arange(start, stop)
        c = count[start:stop]
        tot = int(c.sum())
        if tot:
            ee = np.repeat(e, c)
            first = np.cumsum(c) - c
            off = np.arange(tot) - np.repeat(first, c) + 1
            w = rv[ee + off]
            v = rv[ee]
            q = v * n + w
            pos = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
            hit = keys[pos] == q
            out.append(np.column_stack([ru[ee][hit], v[hit], w[hit]]))
        start = stop
    if not out:
        return np.empty((0, 3), dtype=np.int64)
    return order[np.concatenate(out)]
