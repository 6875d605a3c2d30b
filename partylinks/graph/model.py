"""The :class:`LinkGraph`: a typed graph held as two DataFrames.

A LinkGraph is not a networkx graph inside. It holds the node and edge tables (with a
categorical ``type``, and ``source``/``target`` as categoricals over the node ids, so
their integer codes are node positions), builds the unit projection and any sparse
adjacency lazily, and caches them. ``to_networkx()`` converts when a user wants to go
further.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

import numpy as np
import pandas as pd

from .dates import to_timestamp as _to_timestamp
from .projection import Projection, project
from .schema import Schema, default_schema
from .summary import GraphSummary, summarize

__all__ = ["LinkGraph"]


def _is_missing(value) -> bool:
    """True for None, NaN and NaT (scalars only)."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


class LinkGraph:
    """Units, party organizations and cadres with the typed edges between them.

    Build one with :func:`partylinks.load`, :func:`partylinks.from_frames`,
    :func:`partylinks.from_networkx` or :func:`partylinks.datasets.load_sample`.

    Attributes
    ----------
    nodes : DataFrame
        One row per node: ``id`` (str), ``type`` (categorical), ``name``, ``zone``
        (categorical), ``subtype`` and the attribute columns (``level``,
        ``party_members``, ``above_scale``, ``rank``, ``is_young``, ...); extra columns
        from the input are kept.
    edges : DataFrame
        One row per edge: ``source``, ``target`` (categoricals over the node ids),
        ``type`` (categorical), ``role``, ``start``, ``end`` (datetime64, NaT when open)
        and any extra columns.
    edge_ids : ndarray of int
        A stable id per edge: its row position in the graph as loaded. Graphs derived
        with :meth:`at` or :meth:`subgraph` keep the ids of the edges they keep, so an
        edge is named the same in every snapshot.
    events : DataFrame or None
        ``date``, ``kind``, ``units`` (tuple of ids) when an events table was loaded.
    schema : Schema
    issues : DataFrame
        Validation warnings found when the graph was loaded (see
        :func:`partylinks.validate`).

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.datasets.house()
    >>> g
    <LinkGraph: 8 nodes, 9 edges, 4 units, 3 ties>
    >>> g.ties()[["u", "v", "tie_type", "via"]]
        u   v        tie_type  via
    0  E1  C1  part_time_post   K2
    1  C1  E1  part_time_post   K1
    2  C1  W1  council_member  NaN
    """

    def __init__(self, nodes: pd.DataFrame, edges: pd.DataFrame, *,
                 schema: Schema | None = None, events: pd.DataFrame | None = None,
                 issues: pd.DataFrame | None = None, provenance: dict | None = None,
                 edge_ids: np.ndarray | None = None):
        self.schema = schema or default_schema()
        nodes = nodes.reset_index(drop=True)
        ids = nodes["id"].astype(object)
        if ids.isna().any() or ids.duplicated().any():
            raise ValueError("node ids must be present and unique; use partylinks.validate")
        if not isinstance(nodes["type"].dtype, pd.CategoricalDtype):
            nodes["type"] = pd.Categorical(nodes["type"], categories=list(self.schema.node_types))
        self.nodes = nodes
        edges = edges.reset_index(drop=True)
        for end in ("source", "target"):
            col = edges[end]
            if not (isinstance(col.dtype, pd.CategoricalDtype)
                    and col.cat.categories.equals(pd.Index(ids))):
                cat = pd.Categorical(col.astype(object), categories=pd.Index(ids, dtype=object))
                if (cat.codes < 0).any():
                    missing = sorted(set(col[cat.codes < 0].astype(str)))[:5]
                    raise ValueError(f"edge {end}s not among the node ids: {missing}")
                edges[end] = cat
        if not isinstance(edges["type"].dtype, pd.CategoricalDtype):
            edges["type"] = pd.Categorical(edges["type"], categories=list(self.schema.edge_types))
        for col in ("start", "end"):
            if col not in edges:
                edges[col] = pd.NaT
            edges[col] = pd.to_datetime(edges[col]).astype("datetime64[ns]")
        if "role" not in edges:
            edges["role"] = None
        self.edges = edges
        self.edge_ids = (np.arange(len(edges), dtype=np.int64) if edge_ids is None
                         else np.asarray(edge_ids, dtype=np.int64))
        self.events = events
        self.issues = issues if issues is not None else pd.DataFrame()
        self.provenance = provenance or {}
        self.cache: dict = {}

    # -- basics --------------------------------------------------------------------
    def __repr__(self) -> str:
        units = int(np.isin(self.nodes["type"].astype(object), self.schema.unit_types).sum())
        return (f"<LinkGraph: {len(self.nodes)} nodes, {len(self.edges)} edges, "
                f"{units} units, {len(self.ties())} ties>")

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return len(self.nodes)

    @property
    def n_edges(self) -> int:
        """Number of edges."""
        return len(self.edges)

    @cached_property
    def node_index(self) -> pd.Index:
        """The node ids as an Index; position = node code."""
        return pd.Index(self.nodes["id"].astype(object), name="id")

    def node_codes(self, ids: Iterable[str]) -> np.ndarray:
        """Integer codes of the given node ids (KeyError naming the unknown ones)."""
        ids = list(ids)
        codes = self.node_index.get_indexer(ids)
        if (codes < 0).any():
            unknown = [i for i, c in zip(ids, codes, strict=True) if c < 0]
            raise KeyError(f"unknown node id(s): {unknown[:5]}")
        return codes

    def edge_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """``(source codes, target codes)`` of the edges as int64 arrays."""
        return (self.edges["source"].cat.codes.to_numpy().astype(np.int64),
                self.edges["target"].cat.codes.to_numpy().astype(np.int64))

    @cached_property
    def sector(self) -> pd.Series:
        """Sector of every unit (Series indexed by unit id; branches and cadres omitted)."""
        t = self.nodes["type"].astype(object)
        s = t.map(lambda x: self.schema.sector(x))
        unit = t.isin(self.schema.unit_types).to_numpy()
        return pd.Series(s[unit].to_numpy(), index=self.node_index[unit], name="sector")

    @property
    def units(self) -> pd.DataFrame:
        """The unit nodes (community, park, enterprise, agency, council, project, grid)
        with a ``sector`` column."""
        u = self.nodes[self.nodes["type"].isin(self.schema.unit_types)].copy()
        u.insert(2, "sector", u["type"].astype(object).map(self.schema.sector))
        return u

    def by_type(self, *types: str) -> pd.DataFrame:
        """The nodes of the given types (canonical names or Chinese aliases).

        Examples
        --------
        >>> import partylinks as pl
        >>> pl.datasets.house().by_type("企业")["id"].tolist()
        ['E1']
        """
        canon = []
        for t in types:
            m = self.schema.node_type_of(t)
            if m is None:
                raise ValueError(f"unknown node type {t!r}; known: {list(self.schema.node_types)}")
            canon.append(m[0])
        return self.nodes[self.nodes["type"].isin(canon)]

    # -- derived graphs ------------------------------------------------------------
    def _derive(self, nodes: pd.DataFrame, edges: pd.DataFrame) -> LinkGraph:
        """A graph on ``nodes`` (rows of :attr:`nodes`) and ``edges`` (rows of :attr:`edges`
        whose two ends are among ``nodes``); edge ends stay integer codes, remapped."""
        events = self.events
        e = edges.copy()
        if len(nodes) < len(self.nodes):
            ids = set(nodes["id"])
            if events is not None:
                events = events.assign(units=events["units"].map(
                    lambda us: tuple(u for u in us if u in ids)))
                events = events[events["units"].map(len) > 0].reset_index(drop=True)
            new = np.full(len(self.nodes), -1, dtype=np.int64)
            new[nodes.index.to_numpy()] = np.arange(len(nodes))
            cats = pd.Index(nodes["id"].to_numpy(dtype=object), dtype=object, name="id")
            for end in ("source", "target"):
                e[end] = pd.Categorical.from_codes(new[e[end].cat.codes.to_numpy()], cats)
        return LinkGraph(nodes.reset_index(drop=True), e, schema=self.schema, events=events,
                         issues=self.issues, provenance=self.provenance,
                         edge_ids=self.edge_ids[edges.index.to_numpy()])

    def subgraph(self, zones: Iterable[str] | None = None, types: Iterable[str] | None = None,
                 ids: Iterable[str] | None = None) -> LinkGraph:
        """The graph induced by the selected nodes (edges with both ends selected).

        Selections combine with AND; ``None`` selects everything.

        Examples
        --------
        >>> import partylinks as pl
        >>> pl.datasets.house().subgraph(types=["community", "enterprise", "cadre"])
        <LinkGraph: 4 nodes, 4 edges, 2 units, 1 ties>
        """
        keep = np.ones(len(self.nodes), dtype=bool)
        if zones is not None:
            keep &= self.nodes["zone"].astype(object).isin(list(zones)).to_numpy()
        if types is not None:
            canon = [(self.schema.node_type_of(t) or (t,))[0] for t in types]
            keep &= self.nodes["type"].isin(canon).to_numpy()
        if ids is not None:
            keep &= self.nodes["id"].isin(list(ids)).to_numpy()
        s, t = self.edge_codes()
        ekeep = keep[s] & keep[t]
        return self._derive(self.nodes[keep], self.edges[ekeep])

    def at(self, date) -> LinkGraph:
        """The graph as it stood on ``date``: edges active on that day.

        An edge is active on day *d* when ``start`` is empty or ``start <= d``, and
        ``end`` is empty or ``d <= end`` (both ends inclusive). Nodes are kept.

        Examples
        --------
        >>> import partylinks as pl
        >>> g = pl.datasets.house()
        >>> len(g.edges), len(g.at("2020-01-01").edges), len(g.at("2025-01-01").edges)
        (9, 8, 9)
        """
        d = _to_timestamp(date)
        st, en = self.edges["start"], self.edges["end"]
        active = (st.isna() | (st <= d)) & (en.isna() | (en >= d))
        return self._derive(self.nodes, self.edges[active.to_numpy()])

    # -- projection ----------------------------------------------------------------
    @property
    def projection(self) -> Projection:
        """The unit projection (computed once, then cached)."""
        if "projection" not in self.cache:
            self.cache["projection"] = project(self.nodes, self.edges, self.schema)
        return self.cache["projection"]

    def ties(self) -> pd.DataFrame:
        """The tie table of the unit projection.

        See :mod:`partylinks.graph.projection` for the exact definition.

        Returns
        -------
        DataFrame
            ``u``, ``v`` (unit ids, from the source side to the target side), ``tie_type``
            (the edge type), ``via`` (the cadre who carries the tie, empty for a
            unit-to-unit tie), ``start``, ``end``, ``role``, ``u_type``, ``v_type``, and
            ``edge`` (the row position of the originating edge in :attr:`edges`).

        Examples
        --------
        >>> import partylinks as pl
        >>> pl.datasets.house().ties()[["u", "v", "tie_type", "via", "role"]]
            u   v        tie_type  via              role
        0  E1  C1  part_time_post   K2  part_time_member
        1  C1  E1  part_time_post   K1        instructor
        2  C1  W1  council_member  NaN               NaN
        """
        return self.projection.ties

    @property
    def unit_of(self) -> pd.Series:
        """The unit every node stands for (a unit itself, a branch's host, a cadre's home
        unit), or missing. Series indexed by node id."""
        uo = self.projection.unit_of
        vals = np.where(uo >= 0, self.node_index.to_numpy()[np.maximum(uo, 0)], None)
        return pd.Series(vals, index=self.node_index, name="unit", dtype=object)

    @property
    def home_unit(self) -> pd.Series:
        """Cadre id -> home unit id, for every cadre that has one.

        Examples
        --------
        >>> import partylinks as pl
        >>> pl.datasets.house().home_unit.to_dict()
        {'K1': 'C1', 'K2': 'E1'}
        """
        uo = self.unit_of
        cadre = (self.nodes["type"] == "cadre").to_numpy()
        s = uo[cadre]
        return s[s.notna()].rename("home_unit")

    @property
    def host_unit(self) -> pd.Series:
        """Branch id -> host unit id, for every branch that has one."""
        uo = self.unit_of
        s = uo[(self.nodes["type"] == "branch").to_numpy()]
        return s[s.notna()].rename("host_unit")

    @property
    def cadres_without_home(self) -> list[str]:
        """Ids of cadres with no home unit (their ties cannot be projected), sorted."""
        uo = self.projection.unit_of
        m = (self.nodes["type"] == "cadre").to_numpy() & (uo < 0)
        return sorted(self.node_index[m])

    @property
    def branches_without_host(self) -> list[str]:
        """Ids of branches with no host unit, sorted."""
        uo = self.projection.unit_of
        m = (self.nodes["type"] == "branch").to_numpy() & (uo < 0)
        return sorted(self.node_index[m])

    @property
    def unresolved_ties(self) -> pd.DataFrame:
        """Tie edges left out of the tie table because an end has no unit:
        ``edge``, ``source``, ``target``, ``type``, ``reason``."""
        return self.projection.unresolved

    # -- summaries and conversion --------------------------------------------------
    def summary(self, lang: str | None = None) -> GraphSummary:
        """Counts by node type, zone and edge type, readable in a notebook, in ``lang``
        (None: :func:`partylinks.messages.resolve_lang`).

        Examples
        --------
        >>> import partylinks as pl
        >>> s = pl.datasets.house().summary()
        >>> int(s.nodes_by_type["cadre"]), s.n_ties
        (2, 3)
        """
        return summarize(self, lang)

    def unit_graph(self, as_of=None):
        """The unit graph on ``as_of`` (every tie when None): the object every metric, rule,
        chart and what-if computes on (see :mod:`partylinks.graph.unitgraph`). Built once
        per graph and date, and cached.

        Returns
        -------
        UnitGraph
            ``ids`` (unit ids), ``adj`` (CSR adjacency of the simple undirected unit graph),
            ``ties`` (the tie table with integer codes), ``pairs`` (one row per tied pair).

        Examples
        --------
        >>> import partylinks as pl
        >>> ug = pl.datasets.house().unit_graph()
        >>> ug.n, int(ug.adj.nnz // 2)
        (4, 2)
        """
        from .unitgraph import unit_graph

        return unit_graph(self, as_of)

    def to_networkx(self, *, units: bool = False, as_of=None):
        """The graph as networkx: the typed graph, or with ``units=True`` the unit graph.

        ``units=False``: a ``networkx.MultiDiGraph`` with every node and edge attribute;
        missing values are left out of the attribute dicts, dates are
        ``pandas.Timestamp``, edge keys are the edge row positions.

        ``units=True``: the unit graph every metric reads, as a ``networkx.Graph``: one
        node per unit (attributes ``type``, ``name``, ``zone``, ``sector`` and the other
        node columns, missing values left out), one edge per unit pair joined by at least
        one tie, with ``weight`` = number of ties, ``n_carriers`` = distinct carriers,
        ``tie_types`` and ``carriers`` (sorted lists; a carrier is a cadre id, or
        ``"edge:<id>"`` for a unit-to-unit edge). The same graph as
        ``to_gexf(units=True)``, with lists instead of joined text.

        Parameters
        ----------
        units : bool, default False
            The unit graph instead of the typed graph.
        as_of : date-like, optional
            Only the edges active on this date (see :meth:`at`); None keeps every edge,
            whatever its dates.

        Returns
        -------
        networkx.MultiDiGraph, or networkx.Graph with ``units=True``

        Examples
        --------
        >>> import partylinks as pl
        >>> G = pl.datasets.house().to_networkx()
        >>> G.number_of_nodes(), G.number_of_edges(), G.nodes["E1"]["type"]
        (8, 9, 'enterprise')
        >>> U = pl.datasets.house().to_networkx(units=True)
        >>> sorted(U.nodes), U.edges["C1", "E1"]["weight"], U.edges["C1", "E1"]["tie_types"]
        (['A1', 'C1', 'E1', 'W1'], 2, ['part_time_post'])
        """
        g = self if as_of is None else self.at(as_of)
        if not units:
            from .convert import to_networkx

            return to_networkx(g)
        import networkx as nx

        from .unitgraph import unit_graph

        ug = unit_graph(g)
        nodes = g.nodes.iloc[ug.node_code]
        sector = nodes["type"].astype(object).map(g.schema.sector).to_numpy()
        G = nx.Graph()
        cols = [c for c in nodes.columns if c != "id"]
        values = {c: nodes[c].astype(object).to_numpy() for c in cols}
        for i, uid in enumerate(ug.ids.tolist()):
            attrs = {c: values[c][i] for c in cols if not _is_missing(values[c][i])}
            attrs["sector"] = sector[i]
            G.add_node(uid, **attrs)
        t = ug.ties
        lo = np.minimum(t["a"].to_numpy(), t["b"].to_numpy())
        hi = np.maximum(t["a"].to_numpy(), t["b"].to_numpy())
        df = pd.DataFrame({"lo": lo, "hi": hi,
                           "tie_type": t["tie_type"].astype(str).to_numpy(),
                           "carrier": t["carrier"].astype(str).to_numpy()})
        for (a, b), grp in df.groupby(["lo", "hi"], sort=True):
            G.add_edge(ug.ids[a], ug.ids[b], weight=len(grp),
                       n_carriers=int(grp["carrier"].nunique()),
                       tie_types=sorted(set(grp["tie_type"])),
                       carriers=sorted(set(grp["carrier"])))
        return G

    def to_gexf(self, path, *, units: bool = False, as_of=None):
        """Write the graph as a GEXF file for Gephi; see :func:`partylinks.graph.export.to_gexf`.

        Examples
        --------
        >>> import tempfile, networkx as nx, partylinks as pl
        >>> with tempfile.TemporaryDirectory() as d:
        ...     G = nx.read_gexf(pl.datasets.house().to_gexf(f"{d}/house.gexf", units=True))
        >>> sorted(G.nodes), G.number_of_edges()
        (['A1', 'C1', 'E1', 'W1'], 2)
        """
        from .export import to_gexf

        return to_gexf(self, path, units=units, as_of=as_of)

    def to_graphml(self, path, *, units: bool = False, as_of=None):
        """Write the graph as a GraphML file; see :func:`partylinks.graph.export.to_graphml`.

        Examples
        --------
        >>> import tempfile, networkx as nx, partylinks as pl
        >>> with tempfile.TemporaryDirectory() as d:
        ...     G = nx.read_graphml(pl.datasets.house().to_graphml(f"{d}/house.graphml"))
        >>> G.nodes["C1"]["label"]
        '桃源社区'
        """
        from .export import to_graphml

        return to_graphml(self, path, units=units, as_of=as_of)
