"""What the unit graph loses when a cadre is transferred or a mechanism is dropped.

:func:`mechanism_dependence` is re-exported by :mod:`partylinks.metrics.connectivity`;
:func:`added_by_removal` counts the components for
:func:`partylinks.metrics._keyperson.key_person_risk`.

Method of :func:`key_person_risk`
---------------------------------
Transferring cadre *k* removes every tie *k* carries. A unit pair disappears from the unit
graph only when all its ties are carried by *k* (its *sole pairs* ``F``); a pair that
another carrier also holds survives. So the question is what removing the edges ``F``
does to the simple unit graph ``G``:

- ``isolates``: units that have ties and whose every pair is in ``F``;
- ``components_added = components(G - F) - components(G)``. Split ``F`` into bridges and
  non-bridges. Each bridge removed adds exactly one component. The non-bridges lie inside
  2-edge-connected components ``C`` (what is left of a component once its bridges are
  cut); removing ``F ∩ C`` splits ``C`` into ``p(C)`` pieces, which adds ``p(C) - 1``
  (the bridges still hang the pieces together as a forest, independently of each other).
  When ``F ∩ C`` is a single edge, ``p(C) = 1``. Otherwise the 128-bit cycle-space
  labels (:mod:`partylinks.metrics._biconnected`) give ``d = |F ∩ C| - rank``, with
  ``p(C) <= d + 1`` always; ``d = 0`` proves ``p(C) = 1``. When ``d > 0`` the pieces are
  found exactly by a search that grows one ball from every end of ``F ∩ C`` in turn
  inside ``C`` (merging balls that meet) and stops as soon as the answer is certain: when
  at most one ball is still growing, or when ``d`` balls are closed and another exists.
  The closed balls are the small pieces (a unit left alone, a pocket of a few units), so
  the search reads only a handful of units even inside a large component. Groups of more
  than 64 edges are recounted with :func:`scipy.sparse.csgraph.connected_components`.
  The result is exact; the labels only decide which cases need the search.
"""

from __future__ import annotations

from collections import deque

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ..graph.sorting import order_by
from ..graph.unitgraph import unit_graph
from ._unitinfo import biconnectivity

__all__ = ["mechanism_dependence"]

_MAX_LABELLED = 64


def _ranks(labels: np.ndarray, start: np.ndarray, size: np.ndarray) -> np.ndarray:
    """GF(2) rank of each group of 128-bit labels (rows ``start[i] : start[i] + size[i]``
    of ``labels``, shape (m, 2) uint64), all groups at once.

    Gaussian elimination in insertion order: a new vector is reduced by every earlier basis
    vector whose pivot (lowest set bit) it has; what remains, if not zero, joins the basis
    with its own lowest set bit as pivot. A basis vector never holds an earlier pivot, so
    one pass in insertion order clears them all.
    """
    g, smax = len(start), int(size.max()) if len(size) else 0
    basis = np.zeros((smax, g, 2), dtype=np.uint64)
    pivot = np.zeros((smax, g, 2), dtype=np.uint64)  # one-bit masks
    rank = np.zeros(g, dtype=np.int64)
    zero = np.uint64(0)
    for i in range(smax):
        live = size > i
        x = labels[np.where(live, start + i, 0)]
        x[~live] = 0
        for j in range(i):
            hit = ((x & pivot[j]) != zero).any(axis=1)
            x[hit] ^= basis[j][hit]
        low = x[:, 1] != zero  # lowest set bit, in the low word when it has one
        word = np.where(low, x[:, 1], x[:, 0])
        bit = word & (~word + np.uint64(1))
        basis[i] = x
        pivot[i, :, 1] = np.where(low, bit, zero)
        pivot[i, :, 0] = np.where(low, zero, bit)
        rank += (word != zero)
    return rank


def _pieces(indptr, indices, comp2, cid, removed: set, seeds: list[int], bound: int) -> int:
    """Exact number of pieces of the 2-edge-connected component ``cid`` once the edges in
    ``removed`` are gone; every piece holds a seed; ``bound - 1`` pieces at most are
    closed before the answer ``bound`` is certain (see the module notes)."""
    owner = {s: i for i, s in enumerate(seeds)}
    root = list(range(len(seeds)))
    front = [deque([s]) for s in seeds]
    active, closed = set(range(len(seeds))), 0

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    while len(active) > 1 and closed < bound - 1:
        for r in list(active):
            if r not in active:
                continue
            fr = front[r]
            x = fr.popleft()
            for y in indices[indptr[x]:indptr[x + 1]].tolist():
                if comp2[y] != cid or (min(x, y), max(x, y)) in removed:
                    continue
                o = owner.get(y)
                if o is None:
                    owner[y] = r
                    fr.append(y)
                elif (ro := find(o)) != r:
                    root[ro] = r
                    fr.extend(front[ro])
                    front[ro] = deque()
                    active.discard(ro)
            if not fr:
                active.discard(r)
                closed += 1
    # either at most one ball grows (the count is complete), or bound - 1 pieces are
    # closed while another exists: at least ``bound`` pieces, and at most ``bound``
    return closed + len(active) if len(active) <= 1 else bound


def added_by_removal(g, as_of, groups: np.ndarray, pair_idx: np.ndarray) -> np.ndarray:
    """For each group (int codes ``groups`` with ``pair_idx``, the pairs it removes),
    ``components(G - pairs) - components(G)``; ``G`` is the unit graph."""
    ug = unit_graph(g, as_of)
    bc = biconnectivity(g, as_of)
    k = int(groups.max()) + 1 if len(groups) else 0
    added = np.bincount(groups, weights=bc.is_bridge[pair_idx], minlength=k).astype(np.int64)
    nb = ~bc.is_bridge[pair_idx]
    if not nb.any():
        return added
    keep = ~bc.is_bridge
    m2 = coo_matrix((np.ones(keep.sum()), (bc.u[keep], bc.v[keep])), shape=(ug.n, ug.n))
    _, comp2 = connected_components(m2, directed=False)
    gg, cc, pp = groups[nb], comp2[bc.u[pair_idx[nb]]], pair_idx[nb]
    o = order_by(gg * max(ug.n, 1) + cc, (int(gg.max()) + 1) * max(ug.n, 1))  # pp ascends
    gg, cc, pp = gg[o], cc[o], pp[o]
    new = np.r_[True, (gg[1:] != gg[:-1]) | (cc[1:] != cc[:-1])]
    start = np.flatnonzero(new)
    size = np.diff(np.r_[start, len(gg)])
    multi = size >= 2
    start, size = start[multi], size[multi]
    if not len(start):
        return added
    big = size > _MAX_LABELLED
    for s0, k in zip(start[big].tolist(), size[big].tolist(), strict=True):
        p = pp[s0:s0 + k]
        drop = np.ones(len(bc.u), dtype=bool)
        drop[p] = False
        sel = drop & keep
        m = coo_matrix((np.ones(sel.sum()), (bc.u[sel], bc.v[sel])), shape=(ug.n, ug.n))
        _, lab = connected_components(m, directed=False)
        added[gg[s0]] += len(np.unique(lab[comp2 == cc[s0]])) - 1
    start, size = start[~big], size[~big]
    labels = bc.cycle_labels()[pp]
    d = np.zeros(len(start), dtype=np.int64)
    for lo, hi in ((2, 2), (3, 4), (5, 8), (9, 16), (17, 32), (33, _MAX_LABELLED)):
        b = (size >= lo) & (size <= hi)  # similar sizes together: little padding
        d[b] = size[b] - _ranks(labels, start[b], size[b])
    indptr, indices = ug.adj.indptr, ug.adj.indices
    for s0, k, dd in zip(start[d > 0].tolist(), size[d > 0].tolist(), d[d > 0].tolist(),
                         strict=True):
        p = pp[s0:s0 + k]
        u, v = bc.u[p].tolist(), bc.v[p].tolist()
        pieces = _pieces(indptr, indices, comp2, int(cc[s0]), set(zip(u, v, strict=True)),
                         sorted(set(u) | set(v)), dd + 1)
        added[gg[s0]] += pieces - 1
    return added


def mechanism_dependence(g, as_of=None) -> pd.DataFrame:
    """How much of the unit graph hangs on each mechanism (tie type).

    For every tie type of the schema, remove all ties of that type: a unit pair is lost
    when all its ties are of that type.

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``tie_type``; ``n_ties`` (ties of that type); ``pairs_lost`` (unit pairs joined only
        by that type); ``units_isolated`` (number of units that have ties now and would
        have none left); ``components_added`` (components after the removal minus before,
        isolated units counting as components). One row per tie type of the schema, in
        schema order.

    Examples
    --------
    >>> import partylinks as pl
    >>> m = pl.metrics.mechanism_dependence(pl.datasets.house())
    >>> m[m["n_ties"] > 0]
             tie_type  n_ties  pairs_lost  units_isolated  components_added
    0  part_time_post       2           1               1                 1
    2  council_member       1           1               1                 1
    """
    ug = unit_graph(g, as_of)
    t = ug.ties
    types = list(g.schema.tie_types)
    tcode = pd.Categorical(t["tie_type"].astype(object), categories=types).codes
    pair = t["pair"].to_numpy()
    npairs = len(ug.pairs)
    # a pair is lost with type x when its smallest and largest type codes both equal x
    lo = np.full(npairs, len(types), dtype=np.int64)
    hi = np.full(npairs, -1, dtype=np.int64)
    np.minimum.at(lo, pair, tcode)
    np.maximum.at(hi, pair, tcode)
    only = np.where(lo == hi, lo, -1)
    pa, pb = ug.pairs["a"].to_numpy(), ug.pairs["b"].to_numpy()
    deg = ug.degree()
    base = connected_components(ug.adj, directed=False)[0] if ug.n else 0
    rows = []
    for x, name in enumerate(types):
        lost = only == x
        gone = np.bincount(np.r_[pa[lost], pb[lost]], minlength=ug.n)
        isolated = int(((gone == deg) & (deg > 0)).sum())
        added = 0
        if lost.any():
            keep = ~lost
            m = coo_matrix((np.ones(keep.sum()), (pa[keep], pb[keep])), shape=(ug.n, ug.n))
            added = int(connected_components(m, directed=False)[0] - base)
        rows.append((name, int((tcode == x).sum()), int(lost.sum()), isolated, added))
    return pd.DataFrame(rows, columns=["tie_type", "n_ties", "pairs_lost", "units_isolated",
                                       "components_added"])
