"""The unit graph every metric reads: units as vertices, ties as edges, in CSR form.

Built once per graph (and per ``as_of`` date) and cached on the LinkGraph, so that each
metric converts nothing and loops over no Python objects.

Definitions used throughout :mod:`partylinks.metrics`:

- the **units** are the nodes whose type is a unit type in the schema (community, park,
  enterprise, agency, council, project, grid);
- a **tie** is a row of the tie table ``g.ties()`` (see :mod:`partylinks.graph.projection`);
- the **carrier** of a tie is the cadre in its ``via`` column, or, for a unit-to-unit
  tie, the edge itself (named ``"edge:<id>"`` with its stable id ``g.edge_ids``, which is
  its row position in the graph as loaded, the same in every ``as_of`` snapshot);
- the **unit graph** is the simple undirected graph on the units with an edge between
  ``u`` and ``v`` when at least one tie joins them (in either direction).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix, csr_matrix

__all__ = ["UnitGraph", "unit_graph", "snapshot"]


@dataclass
class UnitGraph:
    """Units, ties and the CSR adjacency of the unit graph.

    Attributes
    ----------
    ids : ndarray of str
        Unit ids; position in this array = unit index.
    node_code : ndarray of int
        Unit index -> node code (row position in ``g.nodes``).
    index_of : ndarray of int
        Node code -> unit index, -1 for branches and cadres.
    ties : DataFrame
        The tie table with extra integer columns ``a``, ``b`` (unit indexes of ``u``,
        ``v``) and ``carrier`` (str).
    pairs : DataFrame
        One row per unit pair joined by at least one tie: ``a < b`` (unit indexes),
        ``n_ties``, ``n_carriers``, ``n_types``.
    adj : csr_matrix
        Symmetric adjacency of the unit graph; ``adj[a, b]`` = number of ties between the
        pair.
    """

    ids: np.ndarray
    node_code: np.ndarray
    index_of: np.ndarray
    ties: pd.DataFrame
    pairs: pd.DataFrame
    adj: csr_matrix

    @property
    def n(self) -> int:
        """Number of units."""
        return len(self.ids)

    def degree(self) -> np.ndarray:
        """Number of distinct units each unit is tied to."""
        return np.diff(self.adj.indptr)


def snapshot(g, as_of=None):
    """``g`` itself when ``as_of`` is None, else ``g.at(as_of)`` (cached per date)."""
    if as_of is None:
        return g
    key = ("snapshot", pd.Timestamp(as_of) if not isinstance(as_of, str) else as_of)
    if key not in g.cache:
        g.cache[key] = g.at(as_of)
    return g.cache[key]


def _pairs(lo: np.ndarray, hi: np.ndarray, carrier: np.ndarray, tie_type: np.ndarray,
           n: int) -> pd.DataFrame:
    """Per distinct ``(lo, hi)``, sorted: ``n_ties``, distinct carriers and tie types
    (integer codes), by sorting int64 keys rather than grouping strings."""
    key = lo.astype(np.int64) * n + hi
    order = np.argsort(key, kind="stable")
    k = key[order]
    first = np.ones(len(k), dtype=bool)
    first[1:] = k[1:] != k[:-1]
    pair = np.cumsum(first) - 1                  # pair number of each sorted tie
    n_pairs = int(pair[-1]) + 1

    def distinct(codes: np.ndarray) -> np.ndarray:
        c = codes[order].astype(np.int64)
        both = np.sort(pair * (int(c.max()) + 1) + c)
        new = np.ones(len(both), dtype=bool)
        new[1:] = both[1:] != both[:-1]
        return np.bincount(both[new] // (int(c.max()) + 1), minlength=n_pairs)

    uk = k[first]
    return pd.DataFrame({
        "a": uk // n, "b": uk % n,
        "n_ties": np.bincount(pair, minlength=n_pairs),
        "n_carriers": distinct(carrier), "n_types": distinct(tie_type)})


def unit_graph(g, as_of=None) -> UnitGraph:
    """The :class:`UnitGraph` of ``g`` (optionally on the date ``as_of``), cached.

    Examples
    --------
    >>> import partylinks as pl
    >>> ug = unit_graph(pl.datasets.house())
    >>> ug.ids.tolist(), ug.degree().tolist()
    (['C1', 'E1', 'W1', 'A1'], [2, 1, 1, 0])
    >>> ug.pairs[["a", "b", "n_ties", "n_carriers"]].values.tolist()
    [[0, 1, 2, 2], [0, 2, 1, 1]]
    """
    g = snapshot(g, as_of)
    if "unit_graph" in g.cache:
        return g.cache["unit_graph"]
    types = g.nodes["type"].astype(object).to_numpy()
    is_unit = np.isin(types, g.schema.unit_types)
    node_code = np.flatnonzero(is_unit)
    index_of = np.full(len(types), -1, dtype=np.int64)
    index_of[node_code] = np.arange(len(node_code))
    ids = g.node_index.to_numpy()[node_code]

    t = g.ties()
    a = index_of[t["u"].cat.codes.to_numpy()]
    b = index_of[t["v"].cat.codes.to_numpy()]
    via = t["via"].to_numpy(dtype=object)
    has_via = pd.notna(via)
    edge = t["edge"].to_numpy()
    carrier = via.copy()
    carrier[~has_via] = [f"edge:{e}" for e in g.edge_ids[edge[~has_via]].tolist()]
    ties = t.assign(a=a, b=b, carrier=carrier)

    n = len(ids)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    if len(ties):
        pairs = _pairs(lo, hi, pd.factorize(carrier)[0],
                       t["tie_type"].cat.codes.to_numpy(), n)
    else:
        pairs = pd.DataFrame({c: pd.Series(dtype=np.int64)
                              for c in ("a", "b", "n_ties", "n_carriers", "n_types")})
    pa, pb = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    w = pairs["n_ties"].to_numpy()
    adj = coo_matrix((np.concatenate([w, w]), (np.concatenate([pa, pb]),
                                               np.concatenate([pb, pa]))), shape=(n, n)).tocsr()
    ug = UnitGraph(ids, node_code, index_of, ties, pairs, adj)
    g.cache["unit_graph"] = ug
    return ug
