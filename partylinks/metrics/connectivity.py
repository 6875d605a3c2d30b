"""Connectivity of the unit graph: components, per-zone connectivity, bridges, articulation
units, key-person risk, mechanism dependence and cross-sector reach.

The unit graph is the simple undirected graph on all units with an edge between two units
when at least one tie joins them (see :mod:`partylinks.graph.unitgraph`). An isolated
unit is a component of its own. Every function takes ``as_of``: when given, only ties
active on that date count, exactly as if computed on ``g.at(as_of)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ..graph.unitgraph import UnitGraph, unit_graph
from ._keyperson import key_person_risk
from ._reach import reach, reach_share
from ._removal import mechanism_dependence
from ._unitinfo import biconnectivity, describe_units, id_rank, sectors, sort_by_id

__all__ = ["components", "component_summary", "largest_component_share", "zone_connectivity",
           "bridges", "articulation_units", "key_person_risk", "mechanism_dependence",
           "reach", "reach_share"]

_SECTOR_PAIRS = (("community", "park"), ("community", "enterprise"), ("park", "enterprise"))


def _ordered_labels(ug: UnitGraph, labels: np.ndarray) -> np.ndarray:
    """Renumber component labels: largest first, ties by the smallest unit id inside."""
    if ug.n == 0:
        return labels.astype(np.int64)
    size = np.bincount(labels)
    first = np.full(len(size), ug.n, dtype=np.int64)
    np.minimum.at(first, labels, id_rank(ug))
    order = np.lexsort((first, -size))
    new = np.empty(len(size), dtype=np.int64)
    new[order] = np.arange(len(size))
    return new[labels]


def _labels(g, as_of) -> np.ndarray:
    """Component of every unit index, numbered as in :func:`components` (cached)."""
    ug = unit_graph(g, as_of)
    if "components" not in ug.cache:  # ug.adj is symmetric: strong components = components
        _, lab = connected_components(ug.adj, directed=True, connection="strong")
        ug.cache["components"] = _ordered_labels(ug, lab)
    return ug.cache["components"]


def components(g, as_of=None) -> pd.Series:
    """The connected component of every unit in the unit graph.

    Components are numbered by decreasing size; among components of equal size the one
    holding the smallest unit id (string order) comes first. Component 0 is the largest.
    An isolated unit is a component of its own.

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    Series
        Component number (int) indexed by unit id (sorted), named ``"component"``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.components(pl.datasets.house()).to_dict()
    {'A1': 1, 'C1': 0, 'E1': 0, 'W1': 0}
    """
    ug = unit_graph(g, as_of)
    s = pd.Series(_labels(g, as_of), index=pd.Index(ug.ids.astype(object), name="id"),
                  name="component", dtype=np.int64)
    return s.sort_index(kind="stable")


def _joined(comp: np.ndarray, values: np.ndarray, n_comp: int) -> np.ndarray:
    """Per component, its distinct non-missing values sorted and joined with ``";"``."""
    df = pd.DataFrame({"c": comp, "x": values}).dropna()
    df["x"] = df["x"].astype(str)
    df = df.drop_duplicates().sort_values(["c", "x"], kind="stable")
    out = np.full(n_comp, "", dtype=object)
    single = ~df["c"].duplicated(keep=False).to_numpy()
    out[df["c"].to_numpy()[single]] = df["x"].to_numpy()[single]
    multi = df[~single]
    if len(multi):
        j = multi.groupby("c", sort=True)["x"].agg(";".join)
        out[j.index.to_numpy()] = j.to_numpy()
    return out


def component_summary(g, as_of=None) -> pd.DataFrame:
    """One row per component of the unit graph (numbered as in :func:`components`).

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``component``, ``size`` (units), ``sectors`` and ``zones`` (the distinct sectors
        and zones of its units, sorted and joined with ``";"``; units without a zone add
        nothing), ``has_council`` (True when a council is among its units); sorted by
        ``component``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.component_summary(pl.datasets.house())
       component  size                        sectors zones  has_council
    0          0     3  community;enterprise;government    Z1         True
    1          1     1                     government    Z2        False
    """
    ug = unit_graph(g, as_of)
    lab = _labels(g, as_of)
    k = int(lab.max()) + 1 if ug.n else 0
    rows = g.nodes.iloc[ug.node_code]
    is_council = (rows["type"].astype(object) == "council").to_numpy()
    return pd.DataFrame({
        "component": np.arange(k, dtype=np.int64),
        "size": np.bincount(lab, minlength=k).astype(np.int64),
        "sectors": _joined(lab, sectors(g, ug), k),
        "zones": _joined(lab, rows["zone"].astype(object).to_numpy(), k),
        "has_council": np.bincount(lab, weights=is_council, minlength=k) > 0,
    })


def largest_component_share(g, as_of=None) -> float:
    """Size of the largest component divided by the number of units (0.0 with no units).

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.largest_component_share(pl.datasets.house())
    0.75
    """
    ug = unit_graph(g, as_of)
    if ug.n == 0:
        return 0.0
    return float(np.bincount(_labels(g, as_of)).max() / ug.n)


def zone_connectivity(g, as_of=None) -> pd.DataFrame:
    """Connectivity inside each zone, counting only ties between two units of that zone.

    For each zone, the *zone graph* has the zone's units as vertices and the unit pairs of
    the unit graph whose two units both belong to the zone as edges.

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``zone``; ``units`` (units in the zone); ``components`` (components of the zone
        graph, isolated units included); ``largest_share`` (largest component size /
        units); ``community_park``, ``community_enterprise``, ``park_enterprise``: True
        when some unit of the first sector and some unit of the second lie in one component
        of the zone graph. Sorted by zone; units without a zone are left out.

    Examples
    --------
    >>> import partylinks as pl
    >>> z = pl.metrics.zone_connectivity(pl.datasets.house())
    >>> z[["zone", "units", "components", "largest_share"]]
      zone  units  components  largest_share
    0   Z1      3           1            1.0
    1   Z2      1           1            1.0
    >>> z[["community_park", "community_enterprise", "park_enterprise"]]
       community_park  community_enterprise  park_enterprise
    0           False                  True            False
    1           False                 False            False
    """
    ug = unit_graph(g, as_of)
    zone = g.nodes["zone"].astype(object).to_numpy()[ug.node_code]
    zcodes, znames = pd.factorize(zone, sort=True)
    a, b = ug.pairs["a"].to_numpy(), ug.pairs["b"].to_numpy()
    same = (zcodes[a] == zcodes[b]) & (zcodes[a] >= 0)
    adj = coo_matrix((np.ones(same.sum()), (a[same], b[same])), shape=(ug.n, ug.n))
    _, lab = connected_components(adj, directed=False)
    keep = zcodes >= 0
    lab, zc, sec = lab[keep], zcodes[keep], sectors(g, ug)[keep]
    k = int(lab.max()) + 1 if len(lab) else 0
    size = np.bincount(lab, minlength=k)
    comp_zone = np.zeros(k, dtype=np.int64)
    comp_zone[lab] = zc
    present = np.flatnonzero(size > 0)
    out = pd.DataFrame({"zone": np.asarray(znames, dtype=object)})
    out["units"] = np.bincount(zc, minlength=len(znames)).astype(np.int64)
    out["components"] = np.bincount(comp_zone[present], minlength=len(znames)).astype(np.int64)
    largest = np.zeros(len(znames), dtype=np.int64)
    np.maximum.at(largest, comp_zone[present], size[present])
    out["largest_share"] = largest / np.maximum(out["units"].to_numpy(), 1)
    has = {s: np.bincount(lab, weights=(sec == s), minlength=k) > 0
           for s in ("community", "park", "enterprise")}
    for s1, s2 in _SECTOR_PAIRS:
        both = has[s1] & has[s2]
        out[f"{s1}_{s2}"] = np.bincount(comp_zone, weights=both, minlength=len(znames)) > 0
    return out


def bridges(g, as_of=None) -> pd.DataFrame:
    """Unit pairs whose ties, all removed, would split a component.

    A bridge of the simple unit graph: the pair ``(u, v)`` is joined by at least one tie,
    and no other path joins ``u`` to ``v``. Every tie between a bridge pair would have to
    go for the split to happen; ``carriers`` says who holds them.

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``u``, ``v`` (unit ids, ``u < v``), ``n_ties``, ``tie_types`` and ``carriers``
        (the distinct tie types and carriers between them, sorted and joined with ``";"``);
        sorted by ``u`` then ``v``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.bridges(pl.datasets.house())
        u   v  n_ties        tie_types carriers
    0  C1  E1       2   part_time_post    K1;K2
    1  C1  W1       1   council_member   edge:7
    """
    ug = unit_graph(g, as_of)
    bc = biconnectivity(g, as_of)
    br = np.flatnonzero(bc.is_bridge)  # rows of ug.pairs (same order as bc's edges)
    a, b = bc.u[br], bc.v[br]
    t = ug.ties
    group = np.full(len(bc.is_bridge), -1, dtype=np.int64)
    group[br] = np.arange(len(br))
    grp = group[t["pair"].to_numpy()]
    sel = grp >= 0
    grp = grp[sel]
    rank = id_rank(ug)
    swap = rank[a] > rank[b]
    ids = ug.ids
    out = pd.DataFrame({
        "u": np.where(swap, ids[b], ids[a]).astype(object),
        "v": np.where(swap, ids[a], ids[b]).astype(object),
        "n_ties": np.bincount(grp, minlength=len(br)).astype(np.int64),
        "tie_types": _joined(grp, t["tie_type"].take(np.flatnonzero(sel)).to_numpy(dtype=object),
                             len(br)),
        "carriers": _joined(grp, ug.carrier_names(t["carrier_code"].to_numpy()[sel]), len(br)),
    })
    return out.sort_values(["u", "v"], kind="stable").reset_index(drop=True)


def articulation_units(g, as_of=None) -> pd.DataFrame:
    """Units whose removal (with all their ties) would split their component.

    ``components_added`` is the number of components of the unit graph without the unit
    minus the number with it; a unit is listed when that number is at least 1 (the
    articulation points of the unit graph).

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``id, type, name, zone, sector, components_added``, sorted by ``id``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.articulation_units(pl.datasets.house())[["id", "components_added"]]
       id  components_added
    0  C1                 1
    """
    ug = unit_graph(g, as_of)
    bc = biconnectivity(g, as_of)
    idx = np.flatnonzero(bc.blocks >= 2)
    out = describe_units(g, ug, idx)
    out["components_added"] = (bc.blocks[idx] - 1).astype(np.int64)
    return sort_by_id(out)
