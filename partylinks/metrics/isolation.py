"""Isolated and fragile units: who has no cross-organization tie, and whose ties hang on one
carrier.

Definitions (see :mod:`partylinks.graph.unitgraph` for units, ties and carriers):

- a unit is **isolated** when no tie of the tie table touches it (degree 0 in the unit
  graph);
- a unit is **fragile** when it has at least one tie and every tie touching it has the same
  carrier: one cadre (``via``), or one unit-to-unit edge (``"edge:<id>"``). Losing that
  one carrier would isolate the unit.

Every function takes ``as_of``: when given, only ties active on that date count, exactly
as if computed on ``g.at(as_of)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.unitgraph import UnitGraph, unit_graph
from ._unitinfo import describe_units, group_values, sort_by_id

__all__ = ["isolated_units", "fragile_units", "isolation_by_group"]


def _carriers_per_unit(ug: UnitGraph) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per unit index: number of ties, number of distinct carriers capped at 2 (0: no
    tie, 1: one carrier, 2: two or more), and, when there is one carrier, its code
    (``ug.ties["carrier_code"]``, -1 otherwise). Cached on ``ug``.

    A unit's ties share one carrier exactly when the smallest and the largest carrier
    code among them are equal, so no grouping is needed."""
    if "carriers_per_unit" in ug.cache:
        return ug.cache["carriers_per_unit"]
    n = ug.n
    t = ug.ties
    codes = t["carrier_code"].to_numpy().astype(np.int64)
    a, b = t["a"].to_numpy().astype(np.int64), t["b"].to_numpy().astype(np.int64)
    n_ties = np.bincount(a, minlength=n) + np.bincount(b, minlength=n)
    lo = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    hi = np.full(n, -1, dtype=np.int64)
    for end in (a, b):
        np.minimum.at(lo, end, codes)
        np.maximum.at(hi, end, codes)
    one = (n_ties > 0) & (lo == hi)
    n_carriers = np.where(n_ties == 0, 0, np.where(one, 1, 2)).astype(np.int64)
    sole = np.where(one, lo, -1)
    ug.cache["carriers_per_unit"] = n_ties, n_carriers, sole
    return n_ties, n_carriers, sole


def isolated_units(g, as_of=None) -> pd.DataFrame:
    """Units with no cross-organization tie.

    A unit is isolated when no row of the tie table ``g.ties()`` (active on ``as_of`` when
    given) has it at either end, i.e. its degree in the unit graph is 0.

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date (same as computing on ``g.at(as_of)``).

    Returns
    -------
    DataFrame
        ``id, type, name, zone, sector``, one row per isolated unit, sorted by ``id``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.isolated_units(pl.datasets.house())[["id", "type", "zone", "sector"]]
       id    type zone      sector
    0  A1  agency   Z2  government
    """
    ug = unit_graph(g, as_of)
    return sort_by_id(describe_units(g, ug, np.flatnonzero(ug.degree() == 0)))


def fragile_units(g, as_of=None) -> pd.DataFrame:
    """Units that have ties, all of them carried by one and the same carrier.

    The carrier of a tie is the cadre who carries it (``via``), or for a unit-to-unit tie
    (co-building, council membership, an agency's liaison) the edge itself. A unit is
    fragile when ``n_ties >= 1`` and ``n_carriers == 1``: transferring that cadre (or losing
    that one edge) would leave the unit isolated. A mutual appointment (two ties, two
    cadres) is not fragile; a unit tied twice by the same cadre is.

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``id, type, name, zone, sector``; ``n_ties`` (ties touching the unit),
        ``n_carriers`` (always 1), ``sole_carrier`` (the cadre id, or ``"edge:<id>"`` for a
        unit-to-unit edge, with its stable id ``g.edge_ids``: its row in ``g.edges`` as
        loaded, the same in every ``as_of`` snapshot) and ``sole_carrier_kind``
        (``"cadre"`` or ``"edge"``); sorted by ``id``.

    Examples
    --------
    >>> import partylinks as pl
    >>> f = pl.metrics.fragile_units(pl.datasets.house())
    >>> f[["id", "n_ties", "sole_carrier", "sole_carrier_kind"]]
       id  n_ties sole_carrier sole_carrier_kind
    0  W1       1       edge:7              edge
    """
    ug = unit_graph(g, as_of)
    n_ties, n_carriers, sole = _carriers_per_unit(ug)
    idx = np.flatnonzero(n_carriers == 1)
    out = describe_units(g, ug, idx)
    out["n_ties"] = n_ties[idx]
    out["n_carriers"] = n_carriers[idx]
    out["sole_carrier"] = ug.carrier_names(sole[idx])
    is_cadre = sole[idx] < ug.n_nodes  # carrier codes below the node count are cadres
    out["sole_carrier_kind"] = np.where(is_cadre, "cadre", "edge").astype(object)
    return sort_by_id(out)


def isolation_by_group(g, by: str = "zone", as_of=None) -> pd.DataFrame:
    """Isolated and fragile units counted per group of units.

    For every value of the node column ``by`` (``"sector"`` uses the unit's sector), over
    the units having that value: ``units`` (how many), ``isolated`` (as in
    :func:`isolated_units`), ``fragile`` (as in :func:`fragile_units`),
    ``isolated_share = isolated / units`` and ``fragile_share = fragile / units``. Units
    with no value form a group of their own (shown as missing, last).

    Parameters
    ----------
    g : LinkGraph
    by : str
        ``"zone"`` (default), ``"sector"``, ``"type"`` or any node column.
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``<by>, units, isolated, fragile, isolated_share, fragile_share``, sorted by the
        group value.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.isolation_by_group(pl.datasets.house(), by="zone")
      zone  units  isolated  fragile  isolated_share  fragile_share
    0   Z1      3         0        1             0.0       0.333333
    1   Z2      1         1        0             1.0       0.000000
    """
    ug = unit_graph(g, as_of)
    _, n_carriers, _ = _carriers_per_unit(ug)
    df = pd.DataFrame({
        by: group_values(g, ug, by),
        "units": 1,
        "isolated": (ug.degree() == 0).astype(np.int64),
        "fragile": (n_carriers == 1).astype(np.int64),
    })
    out = df.groupby(by, dropna=False, sort=True)[["units", "isolated", "fragile"]].sum()
    out = out.reset_index()
    out["isolated_share"] = out["isolated"] / out["units"]
    out["fragile_share"] = out["fragile"] / out["units"]
    return out
