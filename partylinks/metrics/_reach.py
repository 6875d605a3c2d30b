"""Cross-sector reach within k hops (re-exported by :mod:`partylinks.metrics.connectivity`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.unitgraph import unit_graph
from ._unitinfo import describe_units, sectors, sort_by_id

__all__ = ["reach", "reach_share"]


def _check(g, source: str, target: str, k: int) -> None:
    known = sorted({s for t in g.schema.unit_types if (s := g.schema.sector(t))})
    for name, value in (("source", source), ("target", target)):
        if value not in known:
            raise ValueError(f"unknown {name} sector {value!r}; known sectors: {known}")
    if source == target:
        raise ValueError(f"source and target are the same sector ({source!r}); reach is "
                         "measured between two different sectors")
    if int(k) != k or k < 1:
        raise ValueError(f"k must be a whole number of hops, 1 or more; got {k!r}")


def _hops(g, target: str, k: int, as_of) -> np.ndarray:
    """Hops from every unit to the nearest unit of ``target`` within ``k``; -1 beyond."""
    ug = unit_graph(g, as_of)
    sec = sectors(g, ug)
    dist = np.full(ug.n, -1, dtype=np.int64)
    front = sec == target
    dist[front] = 0
    adj = ug.adj
    for h in range(1, int(k) + 1):
        if not front.any():
            break
        nxt = (adj @ front.astype(np.float64)) > 0
        nxt &= dist < 0
        dist[nxt] = h
        front = nxt
    return dist


def reach(g, source: str = "community", target: str = "enterprise", k: int = 2,
          as_of=None) -> pd.DataFrame:
    """Which units of one sector reach a unit of another sector within ``k`` hops.

    For every unit of the ``source`` sector, ``hops`` is the length of the shortest path
    in the unit graph to a unit of the ``target`` sector, when that length is at most
    ``k``; ``reaches`` says whether there is one. Sectors: community, park, enterprise,
    government (agencies and councils), project, grid.

    Parameters
    ----------
    g : LinkGraph
    source, target : str
        Two different sectors.
    k : int
        Largest number of hops counted (1 = a direct tie).
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``id, name, zone``, ``reaches`` (bool), ``hops`` (nullable Int64: missing when no
        target unit is within ``k`` hops); one row per source unit, sorted by ``id``.

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.datasets.house()
    >>> pl.metrics.reach(g, "community", "enterprise", k=1)[["id", "reaches", "hops"]]
       id  reaches  hops
    0  C1     True     1
    >>> pl.metrics.reach(g, "enterprise", "government", k=1)[["id", "reaches", "hops"]]
       id  reaches  hops
    0  E1    False  <NA>
    """
    _check(g, source, target, k)
    ug = unit_graph(g, as_of)
    dist = _hops(g, target, k, as_of)
    idx = np.flatnonzero(sectors(g, ug) == source)
    out = describe_units(g, ug, idx)[["id", "name", "zone"]]
    d = dist[idx]
    out["reaches"] = d >= 0
    out["hops"] = pd.array(np.where(d >= 0, d, 0), dtype="Int64")
    out.loc[d < 0, "hops"] = pd.NA
    return sort_by_id(out)


def reach_share(g, source: str = "community", target: str = "enterprise", k: int = 2,
                as_of=None) -> float:
    """Share of the ``source`` sector's units that reach the ``target`` sector within ``k``
    hops (as in :func:`reach`); ``nan`` when the source sector has no unit.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.reach_share(pl.datasets.house(), "government", "community", k=1)
    0.5
    """
    r = reach(g, source, target, k, as_of)
    return float(r["reaches"].mean()) if len(r) else float("nan")
