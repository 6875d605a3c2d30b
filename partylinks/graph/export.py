"""Export to GEXF and GraphML, the files Gephi, Cytoscape and yEd open.

Both writers flatten the attribute tables so that every attribute has one simple type
and no name that the format reserves:

- missing values (None, NaN, NaT, ``pd.NA``) are left out of the element;
- lists, tuples and sets become text joined with ``";"``;
- dates become ISO text (``2024-03-01``; with the time when there is one);
- a float column whose values are all whole numbers (``party_members`` read with
  blanks) becomes integers; booleans stay booleans; categories and everything else
  become text, so that one attribute never mixes types;
- names: every node gets ``label`` = its ``name`` (its id when it has none), which Gephi
  shows; the edge columns ``type``, ``start``, ``end`` become ``edge_type``,
  ``start_date``, ``end_date`` (GEXF reserves ``type`` for the direction and ``start``/
  ``end`` for the timeline); any other column whose name the formats reserve
  (``id``, ``label``, ``pid``, ``viz``, ``key``, ...) is prefixed with ``attr_``.

Text is made safe for every XML reader: characters XML 1.0 forbids (control characters
such as ``\x01``, lone surrogates, U+FFFE, U+FFFF) in ids, names, attribute names and
values are replaced by visible escapes (``\x01``, ``\uffff``; see
:func:`partylinks.safe.xml_text`). The file is written beside its destination and moved
into place when complete, so an error never leaves an empty or partial file, and a
destination that is a folder is refused before anything is written.

Units also get ``sector``; branches and cadres get ``unit``, the unit they stand for in
the projection (host unit, home unit). With ``units=True`` the file holds the unit graph
instead: units as nodes, one undirected edge per tied unit pair with ``weight`` (number
of ties), ``n_carriers``, ``tie_types`` and ``carriers``.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from ..safe import xml_text

__all__ = ["to_gexf", "to_graphml", "export_graph"]

_NODE_RESERVED = {"id", "label", "pid", "viz", "start", "end", "parents", "slices", "spells",
                  "networkx_key"}
_EDGE_RESERVED = {"id", "label", "key", "source", "target", "start", "end", "slices",
                  "spells", "networkx_key", "type"}
_EDGE_RENAME = {"type": "edge_type", "start": "start_date", "end": "end_date"}


def _iso(value) -> str:
    ts = pd.Timestamp(value)
    return ts.date().isoformat() if ts == ts.normalize() else ts.isoformat()


def _flat(value):
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return ";".join(str(v) for v in items if v is not None and not _missing(v))
    return value


def _missing(value) -> bool:
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _column(col: pd.Series) -> list:
    """The values of one attribute column as Python scalars of one type (None = missing)."""
    dtype = col.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return [None if pd.isna(v) else _iso(v) for v in col]
    if pd.api.types.is_bool_dtype(dtype):
        return [None if pd.isna(v) else bool(v) for v in col]
    if pd.api.types.is_integer_dtype(dtype):
        return [None if pd.isna(v) else int(v) for v in col]
    if pd.api.types.is_float_dtype(dtype):
        present = col.dropna()
        whole = len(present) and bool(np.all(np.isfinite(present)) and
                                      np.all(np.mod(present, 1) == 0))
        if whole:
            return [None if pd.isna(v) else int(v) for v in col]
        return [None if pd.isna(v) or not np.isfinite(v) else float(v) for v in col]
    values = col.astype(object).tolist()
    present = [v for v in values if not _missing(v)]
    if present and all(isinstance(v, (bool, np.bool_)) for v in present):
        return [None if _missing(v) else bool(v) for v in values]
    if present and all(isinstance(v, (pd.Timestamp, np.datetime64)) for v in present):
        return [None if _missing(v) else _iso(v) for v in values]
    out = []
    for v in values:
        v = _flat(v)
        out.append(None if _missing(v) or v == "" else xml_text(str(v)))
    return out


def _records(df: pd.DataFrame, rename: dict[str, str], reserved: set[str]) -> list[dict]:
    cols = {}
    for c in df.columns:
        name = rename.get(c, c)
        name = xml_text(str(name))
        if name in reserved:
            name = f"attr_{name}"
        cols[name] = _column(df[c])
    names = list(cols)
    rows = zip(*(cols[n] for n in names), strict=True) if names else iter([()] * len(df))
    return [{k: v for k, v in zip(names, row, strict=True) if v is not None} for row in rows]


def _typed_graph(g) -> nx.MultiDiGraph:
    nodes = g.nodes.drop(columns=["id"])
    ids = [xml_text(i) for i in g.node_index.astype(str)]
    extra = pd.DataFrame(index=nodes.index)
    extra["sector"] = nodes["type"].astype(object).map(g.schema.sector)
    unit = g.unit_of.to_numpy(dtype=object)
    is_unit = g.nodes["type"].isin(g.schema.unit_types).to_numpy()
    extra["unit"] = np.where(is_unit, None, unit)
    attrs = _records(pd.concat([nodes, extra], axis=1), {}, _NODE_RESERVED)
    G = nx.MultiDiGraph()
    for nid, a in zip(ids, attrs, strict=True):
        a["label"] = a.get("name", nid)
        G.add_node(nid, **a)
    e = g.edges
    src = [xml_text(i) for i in e["source"].astype(str)]
    dst = [xml_text(i) for i in e["target"].astype(str)]
    eattrs = _records(e.drop(columns=["source", "target"]), _EDGE_RENAME, _EDGE_RESERVED)
    if "weight" in e and not pd.api.types.is_numeric_dtype(e["weight"]):
        for a in eattrs:  # GEXF and Gephi need a number there
            if "weight" in a:
                a["attr_weight"] = str(a.pop("weight"))
    # a stable edge id (the row as loaded) when the graph keeps one, so that an edge has
    # the same id in the export of every snapshot
    ids = getattr(g, "edge_ids", None)
    ids = np.arange(len(e)) if ids is None else np.asarray(ids)
    for k, u, v, a in zip(ids.tolist(), src, dst, eattrs, strict=True):
        G.add_edge(u, v, key=f"e{k}", id=f"e{k}", **a)
    return G


def _unit_graph(g) -> nx.Graph:
    from .unitgraph import unit_graph

    ug = unit_graph(g)
    nodes = g.nodes.iloc[ug.node_code].drop(columns=["id"])
    nodes = nodes.assign(sector=nodes["type"].astype(object).map(g.schema.sector))
    attrs = _records(nodes, {}, _NODE_RESERVED)
    ids = [xml_text(i) for i in ug.ids.astype(str)]
    G = nx.Graph()
    for nid, a in zip(ids, attrs, strict=True):
        a["label"] = a.get("name", nid)
        G.add_node(nid, **a)
    t = ug.ties
    lo = np.minimum(t["a"].to_numpy(), t["b"].to_numpy())
    hi = np.maximum(t["a"].to_numpy(), t["b"].to_numpy())
    df = pd.DataFrame({"lo": lo, "hi": hi, "tie_type": t["tie_type"].astype(str).to_numpy(),
                       "carrier": t["carrier"].astype(str).to_numpy()})
    grp = df.groupby(["lo", "hi"], sort=True)
    pairs = pd.DataFrame({
        "weight": grp.size(),
        "n_carriers": grp["carrier"].nunique(),
        "tie_types": grp["tie_type"].agg(lambda s: ";".join(sorted(set(s)))),
        "carriers": grp["carrier"].agg(lambda s: xml_text(";".join(sorted(set(s))))),
    }).reset_index()
    for k, row in enumerate(pairs.itertuples(index=False)):
        G.add_edge(ids[row.lo], ids[row.hi], id=f"p{k}", weight=int(row.weight),
                   n_carriers=int(row.n_carriers), tie_types=row.tie_types,
                   carriers=row.carriers)
    return G


def _write_lines(path: Path, lines: Iterable[str]) -> Path:
    """Write ``lines`` (one per line) to ``path`` through a temporary file beside it that
    replaces ``path`` only when complete; on an error nothing is left behind."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(line)
                f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


_GEXF_KEY = re.compile(r'\s*<attribute id="(\d+)" title="networkx_key" type="string" />')


def _gexf_lines(G: nx.Graph) -> Iterable[str]:
    """GEXF text of ``G`` without the ``networkx_key`` attribute that networkx adds to the
    edges of a multigraph (it repeats the edge id)."""
    text = "\n".join(nx.generate_gexf(G))
    m = _GEXF_KEY.search(text)
    if m:
        text = text[:m.start()] + text[m.end():]
        text = re.sub(rf'\s*<attvalue for="{m.group(1)}" value="[^"]*" />', "", text)
        text = re.sub(r"\s*<attvalues>\s*</attvalues>", "", text)
    return [text]


def export_graph(g, *, units: bool = False, as_of=None) -> nx.Graph:
    """The networkx graph that :func:`to_gexf` and :func:`to_graphml` write.

    Parameters
    ----------
    g : LinkGraph
    units : bool, default False
        The unit graph (units, one edge per tied pair) instead of the typed graph.
    as_of : date-like, optional
        Only the edges active on this date (see ``LinkGraph.at``).

    Returns
    -------
    networkx.MultiDiGraph, or networkx.Graph with ``units=True``
        Attributes flattened as described in the module docstring.

    Examples
    --------
    >>> import partylinks as pl
    >>> G = export_graph(pl.datasets.house())
    >>> G.nodes["K1"]["label"], G.nodes["K1"]["unit"], G.nodes["C1"]["sector"]
    ('林堃', 'C1', 'community')
    >>> G.edges["K1", "E1", "e6"]
    {'id': 'e6', 'edge_type': 'part_time_post', 'role': 'instructor', 'start_date': '2024-01-01'}
    >>> sorted(export_graph(pl.datasets.house(), units=True).edges(data="weight"))
    [('C1', 'E1', 2), ('C1', 'W1', 1)]
    """
    if as_of is not None:
        g = g.at(as_of)
    return _unit_graph(g) if units else _typed_graph(g)


def to_gexf(g, path: str | Path, *, units: bool = False, as_of=None) -> Path:
    """Write the graph as a GEXF 1.2 file (Gephi's own format).

    Every node and edge with its attributes, flattened as described in the module
    docstring; node ``label`` is the name. The typed graph is written as a directed
    multigraph with edge ids ``e<row>`` (the row of the edge in the graph as loaded, so
    that an edge keeps its id in a snapshot ``as_of`` a date).

    Parameters
    ----------
    g : LinkGraph
    path : str or Path
        File to write (``.gexf``).
    units : bool, default False
        Write the unit graph (units, one weighted edge per tied pair) instead.
    as_of : date-like, optional
        Only the edges active on this date.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, networkx as nx, partylinks as pl
    >>> with tempfile.TemporaryDirectory() as d:
    ...     G = nx.read_gexf(to_gexf(pl.datasets.house(), f"{d}/house.gexf"))
    >>> G.number_of_nodes(), G.number_of_edges(), G.nodes["E1"]["label"]
    (8, 9, '永兴纺织')
    """
    return _write_lines(Path(path), _gexf_lines(export_graph(g, units=units, as_of=as_of)))


def to_graphml(g, path: str | Path, *, units: bool = False, as_of=None) -> Path:
    """Write the graph as a GraphML file (Gephi, Cytoscape, yEd, igraph).

    The same graph and attributes as :func:`to_gexf`; edge ids are ``e<row>``.

    Parameters
    ----------
    g : LinkGraph
    path : str or Path
        File to write (``.graphml``).
    units : bool, default False
        Write the unit graph instead.
    as_of : date-like, optional
        Only the edges active on this date.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, networkx as nx, partylinks as pl
    >>> with tempfile.TemporaryDirectory() as d:
    ...     G = nx.read_graphml(to_graphml(pl.datasets.house(), f"{d}/house.graphml"))
    >>> G.number_of_nodes(), G.number_of_edges(), G.nodes["K1"]["type"]
    (8, 9, 'cadre')
    """
    G = export_graph(g, units=units, as_of=as_of)
    return _write_lines(Path(path), nx.generate_graphml(G))
