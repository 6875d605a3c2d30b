"""Bridges, articulation points and cycle-space labels of a simple graph in CSR form.

No recursion and no Python loop over edges (except in the fallback search described
below), so that graphs of millions of vertices work.

Method
------
1. **A depth-first forest.** Every vertex gets a preorder position ``pre``, a ``parent``
   (-1 for the root of its component) and ``end``, the last preorder position of its
   subtree (a subtree is a contiguous range of the preorder). In such a forest every
   non-tree edge joins a vertex to one of its ancestors (a *back edge*).
   The forest comes from :func:`scipy.sparse.csgraph.depth_first_order`, run once from a
   chain of helper roots joined to one vertex of every component. That routine rescans
   a vertex's neighbours each time the search comes back to it, which costs up to
   ``deg(v)**2`` at a hub; when ``sum(deg**2)`` is above :data:`SCIPY_WORK_LIMIT` an
   iterative search in Python (one pointer per vertex, each neighbour read once) is used
   instead.
2. **Cover counts.** For a back edge from ``x`` up to its ancestor ``w`` add +1 at ``x``
   and -1 at ``w``. The sum of these values over the subtree of ``v`` (a difference of
   two prefix sums over the preorder) is the number of back edges that leave the subtree
   of ``v`` for a proper ancestor of ``v``: the tree edge ``(v, parent(v))`` is a
   **bridge** exactly when that number is 0.
3. **Blocks at a vertex.** A child ``c`` of ``p`` is *separated* by ``p`` when no back edge
   leaves the subtree of ``c`` for a proper ancestor of ``p`` (Tarjan's
   ``low(c) >= pre(p)``); it is the cover sum of ``c`` minus the back edges from that
   subtree that end exactly at ``p``. The number of biconnected blocks containing ``v``
   is its number of separated children, plus one when ``v`` is not a root. Removing a
   vertex ``v`` that has at least one neighbour turns its component into
   ``blocks(v)`` components, so it is an **articulation point** when ``blocks(v) >= 2``
   and adds ``blocks(v) - 1`` components.
4. **Cycle-space labels.** Each back edge gets a random 128-bit label and each tree edge
   the XOR of the labels of the back edges that cover it (a prefix XOR over the
   preorder). Every bit of the labels is then the indicator of a uniformly random
   element of the cycle space, so for any set ``F`` of edges,
   ``components(G - F) - components(G) <= |F| - rank(labels of F)`` over GF(2), with
   equality except with probability below ``|F| * 2**-(128 - |F|)``. Bridges have
   label 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components, depth_first_order

__all__ = ["DFSForest", "dfs_forest", "simple_edges", "Biconnectivity", "analyze",
           "bridges", "articulation_points", "SCIPY_WORK_LIMIT"]

SCIPY_WORK_LIMIT = 400_000_000
"""Above this ``sum(deg**2)`` the Python search builds the forest (see the module notes)."""
_CHAIN = 64  # components hung under one helper root


def _simple(adj) -> csr_matrix:
    """Symmetric 0/1 CSR with no diagonal and sorted indices."""
    c = coo_matrix(adj)
    n = c.shape[0]
    keep = (c.row != c.col) & (c.data != 0)
    r, k = c.row[keep], c.col[keep]
    a = coo_matrix((np.ones(2 * len(r), dtype=np.int8), (np.r_[r, k], np.r_[k, r])),
                   shape=(n, n)).tocsr()
    a.sum_duplicates()
    a.data[:] = 1
    return a


def _pattern(adj) -> csr_matrix:
    """:func:`_simple` for a matrix known to be symmetric: its 0/1 pattern, without the
    diagonal, made without re-sorting the entries when they are already in order."""
    a = csr_matrix(adj)
    if not a.has_canonical_format:
        a = a.copy()
        a.sum_duplicates()
    rows = np.repeat(np.arange(a.shape[0]), np.diff(a.indptr))
    if (rows == a.indices).any() or (a.data == 0).any():
        return _simple(a)  # a diagonal or explicit zeros: the general road
    out = csr_matrix((np.ones(len(a.indices), dtype=np.int8), a.indices, a.indptr),
                     shape=a.shape)
    out.has_sorted_indices = True
    return out


def _upper(a: csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    rows = np.repeat(np.arange(a.shape[0], dtype=np.int64), np.diff(a.indptr))
    cols = a.indices.astype(np.int64)
    up = cols > rows
    return rows[up], cols[up]


def simple_edges(adj) -> tuple[np.ndarray, np.ndarray]:
    """The edges ``(u, v)`` of the simple graph, ``u < v``, sorted by ``u`` then ``v``."""
    return _upper(_simple(adj))


@dataclass
class DFSForest:
    """A depth-first forest: preorder ``order``, ``pre`` (vertex -> position), ``parent``
    (-1 for roots) and ``end`` (last preorder position of the subtree)."""

    order: np.ndarray
    pre: np.ndarray
    parent: np.ndarray
    end: np.ndarray

    def subtree_sum(self, values: np.ndarray) -> np.ndarray:
        """For every vertex, the sum of ``values`` (indexed by vertex) over its subtree."""
        c = np.concatenate([[0], np.cumsum(values[self.order])])
        return c[self.end + 1] - c[self.pre]

    def subtree_xor(self, values: np.ndarray) -> np.ndarray:
        """Like :meth:`subtree_sum` with XOR, for unsigned integer ``values`` (n, w)."""
        x = np.bitwise_xor.accumulate(values[self.order], axis=0)
        x = np.concatenate([np.zeros((1,) + values.shape[1:], values.dtype), x])
        return x[self.end + 1] ^ x[self.pre]


def _scipy_forest(a: csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    n = a.shape[0]
    # ``a`` is symmetric: its strong components are the components, and a directed search
    # is an undirected one, without scipy building the transpose
    k, labels = connected_components(a, directed=True, connection="strong")
    reps = np.full(k, n, dtype=np.int64)  # the first vertex of every component
    np.minimum.at(reps, labels, np.arange(n))
    # helper roots n, n+1, ... in a chain, each holding up to _CHAIN components, so that
    # no vertex of the search has many children to rescan
    n_helpers = -(-k // _CHAIN)
    helpers = n + np.arange(n_helpers)
    hu = np.concatenate([helpers[:-1], helpers[np.arange(k) // _CHAIN]])
    hv = np.concatenate([helpers[1:], reps])
    big = coo_matrix((np.ones(2 * len(hu)), (np.r_[hu, hv], np.r_[hv, hu])),
                     shape=(n + n_helpers, n + n_helpers))
    ac = a.tocoo()
    aug = coo_matrix((np.r_[ac.data, big.data], (np.r_[ac.row, big.row], np.r_[ac.col, big.col])),
                     shape=big.shape).tocsr()
    order, pred = depth_first_order(aug, n, directed=True, return_predecessors=True)
    order = order[order < n].astype(np.int64)
    parent = pred[:n].astype(np.int64)
    parent[parent >= n] = -1
    return order, parent


def _python_forest(a: csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    n = a.shape[0]
    ind = a.indices.tolist()
    ptr = a.indptr[:-1].tolist()
    stop = a.indptr[1:].tolist()
    seen = bytearray(n)
    parent = [-1] * n
    order: list[int] = []
    for r in range(n):
        if seen[r]:
            continue
        seen[r] = 1
        order.append(r)
        stack = [r]
        while stack:
            v = stack[-1]
            i, e = ptr[v], stop[v]
            while i < e and seen[ind[i]]:
                i += 1
            if i < e:
                w = ind[i]
                ptr[v] = i + 1
                seen[w] = 1
                parent[w] = v
                order.append(w)
                stack.append(w)
            else:
                ptr[v] = i
                stack.pop()
    return np.asarray(order, dtype=np.int64), np.asarray(parent, dtype=np.int64)


def dfs_forest(adj, method: str = "auto") -> DFSForest:
    """A depth-first forest of the simple graph of ``adj`` (see the module notes).

    ``method`` is ``"auto"``, ``"scipy"`` or ``"python"``; all give valid forests.
    """
    return _forest(_simple(adj), method)


def _forest(a: csr_matrix, method: str) -> DFSForest:
    n = a.shape[0]
    if method == "auto":
        deg = np.diff(a.indptr).astype(np.float64)
        method = "scipy" if float(deg @ deg) <= SCIPY_WORK_LIMIT else "python"
    if n == 0:
        e = np.zeros(0, dtype=np.int64)
        return DFSForest(e, e, e, e)
    order, parent = (_scipy_forest if method == "scipy" else _python_forest)(a)
    pre = np.empty(n, dtype=np.int64)
    pre[order] = np.arange(n)
    # end: the vertex before the next sibling in preorder, or the parent's end when last.
    par = np.where(parent < 0, n, parent)
    by = np.lexsort((pre, par))
    same = par[by][1:] == par[by][:-1]
    val = np.full(n + 1, -1, dtype=np.int64)
    val[n] = n - 1
    nxt = np.empty(n + 1, dtype=np.int64)
    nxt[n] = n
    val[by[:-1][same]] = pre[by[1:][same]] - 1
    last = np.ones(n, dtype=bool)
    last[by[:-1][same]] = False
    nxt[:n] = np.where(last, par, np.arange(n))
    while True:  # pointer doubling up to the nearest terminal ancestor
        nn = nxt[nxt]
        if np.array_equal(nn, nxt):
            break
        nxt = nn
    end = val[nxt[:n]]
    return DFSForest(order, pre, parent, end)


@dataclass
class Biconnectivity:
    """Edges of the simple graph (``u < v``, sorted) with their bridge flag and the number
    of biconnected blocks at every vertex; built by :func:`analyze`."""

    n: int
    u: np.ndarray
    v: np.ndarray
    is_bridge: np.ndarray
    blocks: np.ndarray
    forest: DFSForest
    _back: np.ndarray  # edge positions that are back edges

    def components_added(self) -> np.ndarray:
        """Per vertex: components added by removing it (``blocks - 1``; 0 when isolated)."""
        return np.maximum(self.blocks - 1, 0)

    def cycle_labels(self, seed: int = 0) -> np.ndarray:
        """128-bit cycle-space labels of the edges, shape ``(m, 2)`` uint64 (module notes)."""
        f = self.forest
        m = len(self.u)
        lab = np.zeros((m, 2), dtype=np.uint64)
        rng = np.random.default_rng(seed)
        r = rng.integers(0, 2**64, size=(len(self._back), 2), dtype=np.uint64)
        lab[self._back] = r
        x = np.zeros((self.n, 2), dtype=np.uint64)
        bu, bv = self.u[self._back], self.v[self._back]
        for w in range(2):  # one 64-bit word at a time (ufunc.at is fastest in 1-D)
            xw = np.zeros(self.n, dtype=np.uint64)
            for ends in (bu, bv):  # XOR is its own inverse: +1 and -1 are the same
                np.bitwise_xor.at(xw, ends, r[:, w])
            x[:, w] = xw
        sub = f.subtree_xor(x)
        tree = np.ones(m, dtype=bool)
        tree[self._back] = False
        ti = np.flatnonzero(tree)
        child = np.where(f.parent[self.u[ti]] == self.v[ti], self.u[ti], self.v[ti])
        lab[ti] = sub[child]
        return lab


def analyze(adj, method: str = "auto", symmetric: bool = False) -> Biconnectivity:
    """Bridges and blocks of the simple undirected graph of ``adj`` (any square sparse
    matrix; direction, weights, multiple entries and the diagonal are ignored). With
    ``symmetric``, ``adj`` is known to be symmetric and its pattern is used as it is."""
    a = _pattern(adj) if symmetric else _simple(adj)
    n = a.shape[0]
    f = _forest(a, method)
    u, v = _upper(a)
    m = len(u)
    is_tree = (f.parent[u] == v) | (f.parent[v] == u)
    back = np.flatnonzero(~is_tree)
    # orient back edges from the descendant x up to the ancestor w
    bu, bv = u[back], v[back]
    up = f.pre[bu] < f.pre[bv]
    x, w = np.where(up, bv, bu), np.where(up, bu, bv)
    cover = np.zeros(n, dtype=np.int64)
    np.add.at(cover, x, 1)
    np.add.at(cover, w, -1)
    s = f.subtree_sum(cover)
    child = np.where(f.parent[u] == v, u, v)
    is_bridge = np.zeros(m, dtype=bool)
    is_bridge[is_tree] = s[child[is_tree]] == 0
    # back edges ending exactly at p, counted on the child of p whose subtree holds x
    nonroot = np.flatnonzero(f.parent >= 0)
    key = f.parent[nonroot] * (n + 1) + f.pre[nonroot]
    srt = np.argsort(key, kind="stable")
    pos = np.searchsorted(key[srt], w * (n + 1) + f.pre[x], side="right") - 1
    t = np.bincount(nonroot[srt][pos], minlength=n) if len(x) else np.zeros(n, np.int64)
    separated = np.zeros(n, dtype=bool)
    separated[nonroot] = (s - t)[nonroot] == 0
    blocks = np.bincount(f.parent[nonroot][separated[nonroot]], minlength=n)
    blocks = blocks + (f.parent >= 0)
    return Biconnectivity(n, u, v, is_bridge, blocks.astype(np.int64), f, back)


def bridges(adj, method: str = "auto") -> tuple[np.ndarray, np.ndarray]:
    """The bridges ``(u, v)`` (``u < v``, sorted) of the simple graph of ``adj``.

    Examples
    --------
    >>> from scipy.sparse import csr_matrix
    >>> path_plus_triangle = csr_matrix(([1] * 8, ([0, 1, 1, 2, 2, 3, 3, 1],
    ...                                            [1, 0, 2, 1, 3, 2, 1, 3])), shape=(4, 4))
    >>> [tuple(map(int, e)) for e in zip(*bridges(path_plus_triangle))]
    [(0, 1)]
    """
    b = analyze(adj, method)
    return b.u[b.is_bridge], b.v[b.is_bridge]


def articulation_points(adj, method: str = "auto") -> tuple[np.ndarray, np.ndarray]:
    """``(vertices, components_added)``: the articulation points (sorted) and how many
    more components the graph has once each is removed.

    Examples
    --------
    >>> from scipy.sparse import csr_matrix
    >>> star = csr_matrix(([1] * 6, ([0, 0, 0, 1, 2, 3], [1, 2, 3, 0, 0, 0])), shape=(4, 4))
    >>> [list(map(int, x)) for x in articulation_points(star)]
    [[0], [2]]
    """
    b = analyze(adj, method)
    ap = np.flatnonzero(b.blocks >= 2)
    return ap, b.blocks[ap] - 1
