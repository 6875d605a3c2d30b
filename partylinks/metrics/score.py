"""One weak-linkage score per unit and per zone, from isolation, fragility, bridges and
tie strength.

The score of a unit u is

- 1 when u is isolated (no cross-organization tie);
- otherwise 0.38 * fragile + 0.19 * on_bridge + 0.38 * (1 - mean_strength),

where ``fragile`` is 1 when all of u's ties run through one carrier
(:func:`partylinks.metrics.fragile_units`), ``on_bridge`` is 1 when u is an end of a
bridge of the unit graph (:func:`partylinks.metrics.bridges`) and ``mean_strength`` is
the mean strength of u's tied pairs (:func:`partylinks.metrics.unit_strength`). The score
lies in [0, 1]; 1 is weakest. A unit with a tie scores at most 0.95 (the weights, 0.95
times 0.4, 0.2, 0.4, sum to 0.95), so an isolated unit always ranks strictly weakest,
even against a fragile unit on a bridge with no activity. A unit that is neither fragile
nor on a bridge scores at most 0.38, so a score of 0.5 or more always means a structural
weak spot: isolated; fragile (one carrier: mean_strength <= 2/3, so the score is at least
0.38 + 0.38/3 > 0.5); or on a bridge with weak ties (mean_strength <= 7/38, about 0.18).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.unitgraph import unit_graph
from ._unitinfo import biconnectivity, id_rank, sectors
from .mixing import unit_groups
from .strength import unit_strength

__all__ = ["weak_linkage_score", "zone_scores", "WEIGHTS", "WEAK_THRESHOLD"]

WEIGHTS = {"fragile": 0.38, "on_bridge": 0.19, "weak_ties": 0.38}
"""Weights of the three parts of the score of a unit that is not isolated; they sum to
0.95, so a unit with a tie always scores less than an isolated unit (1)."""

WEAK_THRESHOLD = 0.5
"""Units scoring at least this much count as weak in :func:`zone_scores`."""


def weak_linkage_score(g, as_of=None) -> pd.DataFrame:
    """The weak-linkage score of every unit (1 = weakest).

    Definition: score = 1 if the unit is isolated, else
    0.38 * fragile + 0.19 * on_bridge + 0.38 * (1 - mean_strength) (at most 0.95), with
    fragile and on_bridge 0 or 1 (see the module docstring). Tie strength uses the default 90-day
    activity window ending at ``as_of`` (or at the latest date in the data).

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Only ties active on that date.

    Returns
    -------
    DataFrame
        One row per unit, sorted by score (highest first), then id: ``id``, ``type``,
        ``name``, ``zone``, ``sector``, ``isolated``, ``fragile``, ``on_bridge`` (bool),
        ``n_pairs``, ``mean_strength`` (NaN when isolated), ``score``.

    Examples
    --------
    >>> import partylinks as pl
    >>> s = pl.metrics.weak_linkage_score(pl.datasets.house())
    >>> s[["id", "isolated", "fragile", "on_bridge", "score"]].round(3)
       id  isolated  fragile  on_bridge  score
    0  A1      True    False      False  1.000
    1  W1     False     True       True  0.950
    2  C1     False    False       True  0.538
    3  E1     False    False       True  0.507
    """
    from .isolation import _carriers_per_unit

    # the same sets as isolated_units, fragile_units and bridges, from their arrays
    ug = unit_graph(g, as_of)
    isolated = ug.degree() == 0
    fragile = _carriers_per_unit(ug)[1] == 1
    bc = biconnectivity(g, as_of)
    on_bridge = np.zeros(ug.n, dtype=bool)
    on_bridge[bc.u[bc.is_bridge]] = True
    on_bridge[bc.v[bc.is_bridge]] = True
    st = unit_strength(g, as_of)
    mean_strength = st["mean_strength"].to_numpy()
    w = WEIGHTS
    score = np.where(isolated, 1.0,
                     w["fragile"] * fragile + w["on_bridge"] * on_bridge
                     + w["weak_ties"] * (1 - np.nan_to_num(mean_strength, nan=0.0)))
    nodes = g.nodes.iloc[ug.node_code]
    out = pd.DataFrame({
        "id": pd.Series(ug.ids, dtype=object),
        "type": nodes["type"].astype(object).to_numpy(),
        "name": nodes["name"].to_numpy(dtype=object),
        "zone": nodes["zone"].to_numpy(dtype=object),
        "sector": pd.Series(sectors(g, ug), dtype=object),
        "isolated": isolated,
        "fragile": fragile,
        "on_bridge": on_bridge,
        "n_pairs": st["n_pairs"].to_numpy(),
        "mean_strength": mean_strength,
        "score": np.clip(score, 0.0, 1.0),
    })
    order = np.lexsort((id_rank(ug), -out["score"].to_numpy()))
    return out.iloc[order].reset_index(drop=True)


def zone_scores(g, as_of=None, by: str = "zone") -> pd.DataFrame:
    """Weak-linkage scores summed up per zone (or per any node column).

    Definition, for each group of units: ``units`` = number of units, ``mean_score`` =
    mean of :func:`weak_linkage_score`, ``weak_share`` = share of units with score
    >= 0.5 (:data:`WEAK_THRESHOLD`), ``isolated`` = number of isolated units.

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Only ties active on that date.
    by : str
        ``"zone"``, ``"sector"`` or any node column (see :mod:`partylinks.metrics.mixing`).

    Returns
    -------
    DataFrame
        One row per group, sorted by group (missing values last): ``group``, ``units``,
        ``mean_score``, ``weak_share``, ``isolated``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.zone_scores(pl.datasets.house()).round(3)
      group  units  mean_score  weak_share  isolated
    0    Z1      3       0.665         1.0         0
    1    Z2      1       1.000         1.0         1
    """
    ug = unit_graph(g, as_of)
    codes, labels = unit_groups(g, ug, by)
    s = weak_linkage_score(g, as_of).set_index("id").reindex(pd.Index(ug.ids, dtype=object))
    k = len(labels)
    units = np.bincount(codes, minlength=k)
    score = s["score"].to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.bincount(codes, score, minlength=k) / units
        weak = np.bincount(codes, score >= WEAK_THRESHOLD, minlength=k) / units
    return pd.DataFrame({
        "group": pd.Series(labels, dtype=object),
        "units": units.astype(np.int64),
        "mean_score": mean,
        "weak_share": weak,
        "isolated": np.bincount(codes, s["isolated"].to_numpy(dtype=bool),
                                minlength=k).astype(np.int64),
    })
