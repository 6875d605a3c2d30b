"""Deterministic layouts that keep the units of one zone together.

:func:`zone_cells` puts the zones on a grid of unit-square cells (zones in order of
first appearance in the node table, row by row from the top left) and gives each zone a
disc inside its cell whose area grows with its number of units. :func:`zone_layout`
places every unit inside the disc of its zone: the units tied to another unit of the same
zone by a seeded force-directed layout (networkx's ForceAtlas2 with strong gravity, which
keeps the zone's separate clusters close) in the inner part of the disc, and the units
with no tie inside the zone evenly on its rim, so isolated units stand out.
:func:`zone_quotient` is the zone-level graph drawn instead of the units when a graph is
too big to read.

Units with no zone form the group ``""``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import networkx as nx
import numpy as np
import pandas as pd

from ..graph.unitgraph import unit_graph

__all__ = ["zone_of_units", "zone_cells", "zone_layout", "zone_quotient"]

#: Largest disc radius in a cell of side 1: discs of neighbouring zones stay apart.
MAX_RADIUS = 0.42
#: Smallest disc radius, for zones with very few units.
MIN_RADIUS = 0.14
#: Above this many tied units in one zone, a sunflower spiral replaces the force layout.
SPRING_LIMIT = 800


def zone_of_units(g, as_of=None) -> pd.Series:
    """The zone of every unit, in unit order (``""`` when a unit has no zone).

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Use the graph as it stood on this date (see ``LinkGraph.at``).

    Returns
    -------
    Series
        Indexed by unit id, named ``zone``, values str.

    Examples
    --------
    >>> import partylinks as pl
    >>> zone_of_units(pl.datasets.house()).to_dict()
    {'C1': 'Z1', 'E1': 'Z1', 'W1': 'Z1', 'A1': 'Z2'}
    """
    ug = unit_graph(g, as_of)
    zone = g.nodes["zone"].astype(object).to_numpy()[ug.node_code]
    zone = np.where(pd.isna(zone), "", zone).astype(str)
    return pd.Series(zone, index=pd.Index(ug.ids, name="id"), name="zone", dtype=object)


def _grid_shape(n: int) -> tuple[int, int]:
    """Columns and rows for ``n`` cells: close to 3:2 landscape, few empty cells."""
    best, best_score = (1, 1), math.inf
    for cols in range(1, max(n, 1) + 1):
        rows = math.ceil(n / cols)
        score = abs(math.log((cols / rows) / 1.5)) + 0.35 * (cols * rows - n)
        if score < best_score - 1e-12:
            best, best_score = (cols, rows), score
    return best


def zone_cells(sizes: pd.Series) -> pd.DataFrame:
    """The disc of every zone on a grid of unit-square cells.

    Zones are placed in the order of ``sizes``, row by row from the top left, on a grid
    whose number of columns keeps it close to 3:2 landscape with few empty cells. The
    center of the cell in column *c* and row *r* is ``(c, -r)``; the disc radius of a zone
    with *n* units is ``max(0.14, 0.42 * sqrt(n / n_max))`` (*n_max* the largest zone), so
    discs never touch and the units are about equally dense in every zone.

    Parameters
    ----------
    sizes : Series
        Number of units per zone, indexed by zone, in the order to place them.

    Returns
    -------
    DataFrame
        Indexed by zone: ``cx``, ``cy`` (center), ``r`` (radius), ``units``.

    Examples
    --------
    >>> zone_cells(pd.Series({"A": 100, "B": 25, "C": 4}))
          cx   cy     r  units
    zone
    A    0.0  0.0  0.42    100
    B    1.0  0.0  0.21     25
    C    2.0  0.0  0.14      4
    """
    sizes = pd.Series(sizes)
    cols, _ = _grid_shape(len(sizes))
    pos = np.arange(len(sizes))
    n = sizes.to_numpy(dtype=float)
    n_max = n.max() if len(n) and n.max() > 0 else 1.0
    r = np.maximum(MIN_RADIUS, MAX_RADIUS * np.sqrt(n / n_max))
    return pd.DataFrame(
        {"cx": (pos % cols).astype(float), "cy": (-(pos // cols)).astype(float),
         "r": np.round(r, 6), "units": sizes.to_numpy()},
        index=pd.Index(sizes.index, name="zone"))


def _ring(n: int, radius: float, phase: float = 0.0) -> np.ndarray:
    angles = phase + 2 * np.pi * np.arange(n) / max(n, 1)
    return radius * np.column_stack([np.cos(angles), np.sin(angles)])


def _sunflower(n: int) -> np.ndarray:
    """``n`` points spread evenly over the unit disc (Vogel's spiral)."""
    k = np.arange(n) + 0.5
    radius = np.sqrt(k / n)
    theta = k * np.pi * (3 - np.sqrt(5))
    return np.column_stack([radius * np.cos(theta), radius * np.sin(theta)])


def _spread(xy: np.ndarray, rounds: int = 60) -> np.ndarray:
    """Push apart points closer than a third of the mean spacing (deterministic)."""
    n = len(xy)
    if n < 2 or n > SPRING_LIMIT:
        return xy
    xy = xy.copy()
    span = np.sqrt(((xy - xy.mean(axis=0)) ** 2).sum(axis=1)).max()
    if span == 0:
        return xy
    min_d = span * np.sqrt(np.pi / n) / 3
    for _ in range(rounds):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=-1))
        np.fill_diagonal(dist, np.inf)
        close = dist < min_d
        if not close.any():
            break
        safe = np.where(dist > 1e-12, dist, 1.0)
        unit = np.where(dist[..., None] > 1e-12, diff / safe[..., None], 0.0)
        # coincident points: split along a fixed direction, by index order
        i, j = np.nonzero(close & (dist <= 1e-12))
        unit[i, j] = np.where((i < j)[:, None], [-1.0, 0.0], [1.0, 0.0])
        push = np.where(close, (min_d - np.minimum(dist, min_d)) / 2, 0.0)
        xy += (unit * push[..., None]).sum(axis=1)
    return xy


def _inner(adj, seed: int) -> np.ndarray:
    """Positions in the unit disc of the vertices of ``adj`` (all with a tie)."""
    n = adj.shape[0]
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    if n > SPRING_LIMIT:
        order = np.argsort(-np.diff(adj.indptr), kind="stable")
        xy = np.empty((n, 2))
        xy[order] = _sunflower(n)
        return xy
    G = nx.from_scipy_sparse_array(adj)
    if hasattr(nx, "forceatlas2_layout"):   # networkx >= 3.4
        p = nx.forceatlas2_layout(G, seed=seed, max_iter=200, strong_gravity=True,
                                  gravity=0.5)
    else:
        p = nx.spring_layout(G, seed=seed, iterations=100)
    xy = _spread(np.array([p[i] for i in range(n)], dtype=float))
    xy -= np.median(xy, axis=0)
    norm = np.sqrt((xy ** 2).sum(axis=1))
    extent = np.quantile(norm, 0.9)
    if extent <= 0:
        return xy
    xy /= extent
    norm = norm / extent
    far = norm > 1  # the outermost tenth is pulled in onto the unit circle
    xy[far] /= norm[far, None]
    return xy


def zone_layout(g, *, units: Sequence[str] | None = None, seed: int = 0,
                as_of=None) -> pd.DataFrame:
    """Positions of the units, each zone's units together in the disc of its zone.

    The discs are those of :func:`zone_cells` for the zones of the selected units (in
    order of first appearance in ``g.nodes``). Inside the disc of radius *r* of a zone,
    the units with at least one tie to another selected unit of the same zone are placed
    by ``networkx.forceatlas2_layout(seed=seed, strong_gravity=True, gravity=0.5,
    max_iter=200)`` on the zone's own unit graph (``spring_layout(seed=seed)`` with
    networkx older than 3.4; a sunflower spiral, by decreasing degree, above
    :data:`SPRING_LIMIT` units), centered on the median and scaled so that 90% of them
    fall within radius ``0.78 r`` (or ``r`` when no unit goes on the rim), the rest
    pulled in onto that circle (units closer than a third of the mean spacing are first
    pushed apart); the other units are spread evenly, in id order, on the circle of
    radius *r*. The result depends only on the graph, the selection, ``seed`` and the
    networkx version.

    Parameters
    ----------
    g : LinkGraph
    units : sequence of str, optional
        Unit ids to place (default every unit).
    seed : int, default 0
        Seed of the force-directed layout.
    as_of : date-like, optional
        Use the ties active on this date.

    Returns
    -------
    DataFrame
        Indexed by unit id (in unit order): ``zone``, ``x``, ``y``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pos = zone_layout(pl.datasets.house())
    >>> pos["zone"].tolist()
    ['Z1', 'Z1', 'Z1', 'Z2']
    >>> bool((pos.loc[["C1", "E1", "W1"], "x"] < 0.5).all() and pos.loc["A1", "x"] > 0.5)
    True
    """
    ug = unit_graph(g, as_of)
    zones = zone_of_units(g, as_of)
    keep = np.ones(ug.n, dtype=bool)
    if units is not None:
        idx = pd.Index(ug.ids).get_indexer(list(units))
        if (idx < 0).any():
            bad = [u for u, i in zip(units, idx, strict=True) if i < 0][:5]
            raise KeyError(f"not unit ids of this graph: {bad}")
        keep[:] = False
        keep[idx] = True
    sel = np.flatnonzero(keep)
    zsel = zones.to_numpy()[sel]
    order = pd.unique(zsel)
    cells = zone_cells(pd.Series(zsel).value_counts().reindex(order))
    xy = np.zeros((ug.n, 2))
    adj = ug.adj.tocsr()
    for zone in order:
        members = sel[zsel == zone]
        sub = adj[members][:, members]
        tied = np.diff(sub.indptr) > 0
        cx, cy, r = cells.loc[zone, ["cx", "cy", "r"]]
        rim = members[~tied]
        inner_r = 0.78 * r if len(rim) else r
        if tied.any():
            inner = _inner(sub[tied][:, tied].tocsr(), seed)
            xy[members[tied]] = inner * inner_r + (cx, cy)
        if len(rim):
            rim = rim[np.argsort(ug.ids[rim], kind="stable")]
            xy[rim] = _ring(len(rim), r, phase=np.pi / 2) + (cx, cy)
    return pd.DataFrame({"zone": zsel, "x": xy[sel, 0], "y": xy[sel, 1]},
                        index=pd.Index(ug.ids[sel], name="id"))


def zone_quotient(g, as_of=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The zone-level graph: zones as nodes, the ties between their units as edges.

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Use the ties active on this date.

    Returns
    -------
    zones : DataFrame
        One row per zone, in order of first appearance: ``zone``, ``units`` (number of
        units), ``isolated`` (units with no tie at all), ``internal_ties`` (ties with both
        ends in the zone).
    links : DataFrame
        One row per pair of zones joined by at least one tie: ``zone_u``, ``zone_v`` (in
        zone order), ``ties`` (number of tie-table rows between them), ``pairs`` (number
        of distinct unit pairs); sorted by zone order.

    Examples
    --------
    >>> import partylinks as pl
    >>> zones, links = zone_quotient(pl.datasets.house())
    >>> zones
      zone  units  isolated  internal_ties
    0   Z1      3         0              3
    1   Z2      1         1              0
    >>> len(links)
    0
    """
    ug = unit_graph(g, as_of)
    zones = zone_of_units(g, as_of).to_numpy()
    order = pd.unique(zones)
    code = pd.Index(order).get_indexer(zones)
    nz = len(order)
    isolated = ug.degree() == 0
    a, b = ug.ties["a"].to_numpy(), ug.ties["b"].to_numpy()
    za, zb = code[a], code[b]
    same = za == zb
    table = pd.DataFrame({
        "zone": order,
        "units": np.bincount(code, minlength=nz),
        "isolated": np.bincount(code[isolated], minlength=nz),
        "internal_ties": np.bincount(za[same], minlength=nz),
    })
    lo, hi = np.minimum(za, zb)[~same], np.maximum(za, zb)[~same]
    ties = pd.DataFrame({"lo": lo, "hi": hi})
    pa, pb = ug.pairs["a"].to_numpy(), ug.pairs["b"].to_numpy()
    pza, pzb = code[pa], code[pb]
    cross = pza != pzb
    pairs = pd.DataFrame({"lo": np.minimum(pza, pzb)[cross], "hi": np.maximum(pza, pzb)[cross]})
    n_ties = ties.groupby(["lo", "hi"]).size().rename("ties")
    n_pairs = pairs.groupby(["lo", "hi"]).size().rename("pairs")
    links = pd.concat([n_ties, n_pairs], axis=1).fillna(0).astype(np.int64).reset_index()
    links = links.sort_values(["lo", "hi"], kind="stable")
    links = pd.DataFrame({
        "zone_u": order[links["lo"].to_numpy()] if len(links) else pd.Series(dtype=object),
        "zone_v": order[links["hi"].to_numpy()] if len(links) else pd.Series(dtype=object),
        "ties": links["ties"].to_numpy(),
        "pairs": links["pairs"].to_numpy(),
    })
    return table, links
