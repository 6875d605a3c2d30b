"""The unit graph every metric reads: units as vertices, ties as edges, in CSR form.

Built once per graph (and per ``as_of`` date) and cached on the LinkGraph, so that each
metric converts nothing and loops over no Python objects.

Definitions used throughout :mod:`partylinks.metrics`:

- the **units** are the nodes whose type is a unit type in the schema (community, park,
  enterprise, agency, council, project, grid);
- a **tie** is a row of the tie table ``g.ties()`` (see :mod:`partylinks.graph.projection`);
- the **carrier** of a tie is the cadre in its ``via`` column, or, for a unit-to-unit
  tie, the edge itself (named ``"edge:<id>"`` with its stable id ``g.edge_ids``, which is
  its row position in the graph as loaded, the same in every ``as_of`` snapshot).
  Internally a carrier is an integer code (``ties["carrier_code"]``): the cadre's node
  code, or the number of nodes plus the edge's stable id; names are made only for the
  rows a metric returns (:meth:`UnitGraph.carrier_names`);
- the **unit graph** is the simple undirected graph on the units with an edge between
  ``u`` and ``v`` when at least one tie joins them (in either direction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix, csr_matrix

from .sorting import order_by, sorted_unique

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
        The tie table with extra columns ``a``, ``b`` (unit indexes of ``u``, ``v``),
        ``carrier`` (str, object dtype), ``carrier_code`` (int: the cadre's node code, or
        ``n_nodes + id`` for a unit-to-unit edge of stable id ``id``; see
        :meth:`carrier_names`) and ``pair`` (the row of ``pairs`` the tie belongs to).
    pairs : DataFrame
        One row per unit pair joined by at least one tie: ``a < b`` (unit indexes),
        ``n_ties``, ``n_carriers``, ``n_types``; sorted by ``a`` then ``b``.
    adj : csr_matrix
        Symmetric adjacency of the unit graph; ``adj[a, b]`` = number of ties between the
        pair.
    node_ids : ndarray of str
        Node code -> node id (all nodes, not only units).
    cache : dict
        Arrays derived from the unit graph by the metrics, computed once.
    """

    ids: np.ndarray
    node_code: np.ndarray
    index_of: np.ndarray
    ties: pd.DataFrame
    pairs: pd.DataFrame
    adj: csr_matrix
    node_ids: np.ndarray = field(default_factory=lambda: np.array([], dtype=object),
                                 repr=False)
    cache: dict = field(default_factory=dict, repr=False)

    @property
    def n(self) -> int:
        """Number of units."""
        return len(self.ids)

    @property
    def n_nodes(self) -> int:
        """Number of nodes of the graph: carrier codes from this number on are edges."""
        return len(self.node_ids)

    def degree(self) -> np.ndarray:
        """Number of distinct units each unit is tied to."""
        return np.diff(self.adj.indptr)

    def carrier_names(self, codes: np.ndarray) -> np.ndarray:
        """The carrier names (the cadre id, or ``"edge:<id>"``) of carrier codes."""
        codes = np.asarray(codes, dtype=np.int64)
        out = np.empty(len(codes), dtype=object)
        cadre = codes < self.n_nodes
        out[cadre] = self.node_ids[codes[cadre]]
        out[~cadre] = [f"edge:{e}" for e in (codes[~cadre] - self.n_nodes).tolist()]
        return out


def snapshot(g, as_of=None):
    """``g`` itself when ``as_of`` is None, else ``g.at(as_of)`` (cached per date)."""
    if as_of is None:
        return g
    key = ("snapshot", pd.Timestamp(as_of) if not isinstance(as_of, str) else as_of)
    if key not in g.cache:
        s = g.at(as_of)
        _share_node_index(g, s)
        g.cache[key] = s
    return g.cache[key]


def _share_node_index(g, s) -> None:
    """A snapshot keeps every node of ``g`` in the same order (``LinkGraph.at``): let it
    use ``g``'s index of node ids, and its hash table, instead of building its own (a
    million Python strings and a second table at 1M nodes)."""
    prop = type(g).__dict__.get("node_index")
    if isinstance(prop, cached_property) and len(s.nodes) == len(g.nodes):
        s.__dict__["node_index"] = g.node_index


def _distinct_per_group(group: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Number of distinct ``codes`` (int >= 0) in each group (``group`` in 0..n_groups-1),
    by sorting one int64 key per row (np.unique would hash, slowly, on millions)."""
    if not len(codes):
        return np.zeros(n_groups, dtype=np.int64)
    k = int(codes.max()) + 1
    if n_groups * k < 2**62:
        return np.bincount(sorted_unique(group.astype(np.int64) * k + codes) // k,
                           minlength=n_groups)
    o = np.lexsort((codes, group))  # pragma: no cover (keys too large to combine)
    g, c = group[o], codes[o]
    new = np.ones(len(g), dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (c[1:] != c[:-1])
    return np.bincount(g[new], minlength=n_groups)


def _pairs(lo: np.ndarray, hi: np.ndarray, carrier: np.ndarray, tie_type: np.ndarray,
           n: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Per distinct ``(lo, hi)``, sorted: ``n_ties``, distinct carriers and tie types
    (integer codes), by sorting int64 keys rather than grouping strings; and the pair
    (row) of every tie."""
    key = lo.astype(np.int64) * n + hi
    order = order_by(key, n * n)
    k = key[order]
    first = np.ones(len(k), dtype=bool)
    first[1:] = k[1:] != k[:-1]
    pair_sorted = np.cumsum(first) - 1           # pair number of each sorted tie
    n_pairs = int(pair_sorted[-1]) + 1
    pair = np.empty(len(k), dtype=np.int64)
    pair[order] = pair_sorted
    uk = k[first]
    pairs = pd.DataFrame({
        "a": uk // n, "b": uk % n,
        "n_ties": np.bincount(pair, minlength=n_pairs),
        "n_carriers": _distinct_per_group(pair, carrier.astype(np.int64), n_pairs),
        "n_types": _distinct_per_group(pair, tie_type.astype(np.int64), n_pairs)},
        copy=False)  # fresh arrays
    return pairs, pair


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
    >>> ug.ties[["carrier", "carrier_code", "pair"]].values.tolist()
    [['K2', 7, 0], ['K1', 6, 0], ['edge:7', 15, 1]]
    """
    g = snapshot(g, as_of)
    if "unit_graph" in g.cache:
        return g.cache["unit_graph"]
    tcat = g.nodes["type"].cat
    unit_cats = [i for i, c in enumerate(tcat.categories) if c in g.schema.unit_types]
    is_unit = np.isin(tcat.codes.to_numpy(), unit_cats)
    node_code = np.flatnonzero(is_unit)
    n_nodes = len(is_unit)
    index_of = np.full(n_nodes, -1, dtype=np.int64)
    index_of[node_code] = np.arange(len(node_code))
    node_ids = g.node_index.to_numpy()
    ids = node_ids[node_code]

    t = g.ties()
    a = index_of[t["u"].cat.codes.to_numpy()]
    b = index_of[t["v"].cat.codes.to_numpy()]
    edge = t["edge"].to_numpy()
    source = g.edges["source"].cat.codes.to_numpy()[edge].astype(np.int64)
    # the projection sets via to the source exactly when the source is a cadre
    cadre_cat = list(tcat.categories).index("cadre") if "cadre" in tcat.categories else -2
    has_via = tcat.codes.to_numpy()[source] == cadre_cat
    code = np.where(has_via, source, n_nodes + g.edge_ids[edge])
    carrier = t["via"].to_numpy(dtype=object, copy=True)
    carrier[~has_via] = [f"edge:{e}" for e in g.edge_ids[edge[~has_via]].tolist()]

    n = len(ids)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    if len(t):
        pairs, pair = _pairs(lo, hi, code, t["tie_type"].cat.codes.to_numpy(), n)
    else:
        pairs = pd.DataFrame({c: pd.Series(dtype=np.int64)
                              for c in ("a", "b", "n_ties", "n_carriers", "n_types")})
        pair = np.zeros(0, dtype=np.int64)
    ties = t.assign(a=a, b=b, carrier=pd.Series(carrier, index=t.index, dtype=object),
                    carrier_code=code, pair=pair)
    pa, pb = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    w = pairs["n_ties"].to_numpy()
    adj = coo_matrix((np.concatenate([w, w]), (np.concatenate([pa, pb]),
                                               np.concatenate([pb, pa]))), shape=(n, n)).tocsr()
    ug = UnitGraph(ids, node_code, index_of, ties, pairs, adj, node_ids)
    g.cache["unit_graph"] = ug
    return ug
