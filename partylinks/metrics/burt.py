"""Burt's structural holes: constraint and effective size of every unit.

Reference: Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
Cambridge, MA: Harvard University Press (constraint, chapter 2; effective size, p. 52).

Both read the undirected unit graph (see :mod:`partylinks.graph.unitgraph`): an edge
between two units when at least one tie joins them. Let ``w_uv`` be the weight of that
edge: 1 (``weight=None``) or the number of ties between u and v (``weight="n_ties"``),
and ``N(u)`` the units tied to u. Then

- p_uv = w_uv / sum_{x in N(u)} w_ux, the share of u's relations invested in v;
- m_vw = w_vw / max_{x in N(v)} w_vx, the strength of v's tie to w relative to v's
  strongest.

These are networkx's ``normalized_mutual_weight`` on an undirected graph, so the results
equal ``nx.constraint`` and ``nx.effective_size`` on the unit graph. (For weighted
effective size compare with ``nx.effective_size(G, nodes=list(G), weight="weight")``:
networkx's faster all-nodes path divides by the column maximum instead of the row
maximum when weights differ, networkx pull request #8906.) Paths through a
common neighbour are read from the list of triangles, so a unit tied to thousands of
others costs no quadratic work.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.unitgraph import snapshot, unit_graph
from ._triangles import edge_positions, triangles

__all__ = ["constraint", "effective_size"]


def _parts(g, as_of, weight):
    if weight not in (None, "n_ties"):
        raise ValueError(f"weight must be None or 'n_ties', got {weight!r}")
    ug = unit_graph(g, as_of)
    adj = ug.adj.copy()
    adj.sort_indices()
    if weight is None:
        adj.data = np.ones_like(adj.data, dtype=np.float64)
    else:
        adj.data = adj.data.astype(np.float64)
    n = adj.shape[0]
    deg = np.diff(adj.indptr)
    row = np.repeat(np.arange(n), deg)
    total = np.bincount(row, adj.data, minlength=n)
    p = adj.data / total[row]
    cache = snapshot(g, as_of).cache
    if "triangles" not in cache:
        cache["triangles"] = triangles(ug.adj)
    tri = cache["triangles"]
    return ug, adj, row, p, tri


def _ordered(tri: np.ndarray):
    """The six (ego, other, middle) orderings of each triangle, as three arrays."""
    x, y, z = tri[:, 0], tri[:, 1], tri[:, 2]
    return (np.concatenate([x, y, x, z, y, z]), np.concatenate([y, x, z, x, z, y]),
            np.concatenate([z, z, y, y, x, x]))


def constraint(g, as_of=None, weight: str | None = None) -> pd.Series:
    """Burt's constraint of every unit on the unit graph.

    Definition: c(u) = sum over v in N(u) of (p_uv + sum_{w in N(u) and N(v)} p_uw p_wv)^2
    (see the module docstring for p). High constraint means u's contacts are tied to each
    other: few structural holes. NaN for a unit with no tie. Equals networkx's
    ``nx.constraint(G, weight=...)`` on the unit graph.

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Only ties active on that date.
    weight : None or "n_ties"
        None: every tied pair weighs 1; ``"n_ties"``: a pair weighs its number of ties.

    Returns
    -------
    Series
        Named ``"constraint"``, indexed by unit id (in node order).

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.constraint(pl.datasets.house()).round(3)
    id
    C1    0.5
    E1    1.0
    W1    1.0
    A1    NaN
    Name: constraint, dtype: float64
    """
    ug, adj, row, p, tri = _parts(g, as_of, weight)
    indirect = np.zeros(len(p))
    if len(tri):
        ego, other, mid = _ordered(tri)
        via = p[edge_positions(adj, ego, mid)] * p[edge_positions(adj, mid, other)]
        indirect = np.bincount(edge_positions(adj, ego, other), via, minlength=len(p))
    c = np.bincount(row, (p + indirect) ** 2, minlength=ug.n).astype(np.float64)
    c[np.diff(adj.indptr) == 0] = np.nan
    return pd.Series(c, index=pd.Index(ug.ids, name="id"), name="constraint")


def effective_size(g, as_of=None, weight: str | None = None) -> pd.Series:
    """Burt's effective size of every unit on the unit graph.

    Definition: e(u) = sum over v in N(u) of (1 - sum_{w in N(u) and N(v)} p_uw m_vw)
    (see the module docstring for p and m). Unweighted, this is Borgatti's
    n - 2t/n, with n = |N(u)| and t the number of ties among u's contacts: the number of
    contacts minus their redundancy. NaN for a unit with no tie. Equals networkx's
    ``nx.effective_size(G, nodes=list(G), weight=...)`` on the unit graph.

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Only ties active on that date.
    weight : None or "n_ties"
        None: every tied pair weighs 1; ``"n_ties"``: a pair weighs its number of ties.

    Returns
    -------
    Series
        Named ``"effective_size"``, indexed by unit id (in node order).

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.effective_size(pl.datasets.house())
    id
    C1    2.0
    E1    1.0
    W1    1.0
    A1    NaN
    Name: effective_size, dtype: float64
    """
    ug, adj, row, p, tri = _parts(g, as_of, weight)
    deg = np.diff(adj.indptr).astype(np.float64)
    rowmax = np.ones(ug.n)
    has = deg > 0
    if has.any():
        rowmax[has] = np.maximum.reduceat(adj.data, adj.indptr[:-1][has])
    m = adj.data / rowmax[row]
    red = np.zeros(ug.n)
    if len(tri):
        ego, other, mid = _ordered(tri)   # v = other, w = mid
        val = p[edge_positions(adj, ego, mid)] * m[edge_positions(adj, other, mid)]
        red = np.bincount(ego, val, minlength=ug.n)
    e = deg - red
    e[deg == 0] = np.nan
    return pd.Series(e, index=pd.Index(ug.ids, name="id"), name="effective_size")
