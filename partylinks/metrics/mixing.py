"""Mixing between groups of units: Krackhardt's E-I index and the linkage matrix.

A **group** is the value of a node column for each unit: ``by="sector"`` (community, park,
enterprise, government, project, grid; see :attr:`partylinks.LinkGraph.sector`),
``by="zone"``, or any other column of ``g.nodes``. Groups are sorted; units whose value
is missing form one more group, :data:`MISSING_GROUP`, placed last.

The functions count **distinct tied unit pairs** of the unit graph (see
:mod:`partylinks.graph.unitgraph`): a pair joined by several ties counts once, unless
``weight=True`` asks for the number of ties.

References: Krackhardt, D. and Stern, R. N. (1988). Informal networks and organizational
crises: an experimental simulation. Social Psychology Quarterly 51(2), 123-140 (the E-I
index). Krackhardt, D. (1988). Predicting with networks: nonparametric multiple regression
analysis of dyadic data. Social Networks 10(4), 359-381 (QAP).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..graph.unitgraph import UnitGraph, unit_graph

__all__ = ["ei_index", "unit_ei", "linkage_matrix", "linkage_test", "MISSING_GROUP"]

MISSING_GROUP = "(missing)"
"""Group label of the units whose grouping value is missing."""

_TOL = 1e-12


def unit_groups(g, ug: UnitGraph, by: str) -> tuple[np.ndarray, list]:
    """Group code of every unit (in ``ug.ids`` order) and the group labels, sorted.

    Units whose value is missing get the last code, labelled :data:`MISSING_GROUP`.
    """
    if by == "sector":
        t = g.nodes["type"]
        sector_of = np.array([g.schema.sector(c) for c in t.cat.categories] + [None],
                             dtype=object)
        vals = pd.Series(sector_of[t.cat.codes.to_numpy()[ug.node_code]], dtype=object)
    elif by in g.nodes.columns:
        vals = pd.Series(g.nodes[by].to_numpy(dtype=object)[ug.node_code], dtype=object)
    else:
        raise ValueError(f"cannot group units by {by!r}: not a node column; use 'sector', "
                         f"'zone' or one of {list(g.nodes.columns)}")
    missing = vals.isna().to_numpy()
    present = vals[~missing]
    try:
        codes, uniques = pd.factorize(present, sort=True)
    except TypeError:  # mixed types: order by their text
        uniq = sorted(set(present), key=lambda x: (str(type(x)), str(x)))
        codes = pd.Index(uniq).get_indexer(present)
        uniques = uniq
    labels = list(uniques)
    out = np.full(len(vals), len(labels), dtype=np.int64)
    out[~missing] = codes
    if missing.any():
        labels.append(MISSING_GROUP)
    return out, labels


def _ei(E: np.ndarray, Int: np.ndarray) -> np.ndarray:
    tot = E + Int
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(tot > 0, (E - Int) / np.where(tot > 0, tot, 1), np.nan)


def _counts(lab: np.ndarray, a: np.ndarray, b: np.ndarray, w: np.ndarray | None,
            strength: np.ndarray, k: int):
    """Per group E and I, and overall E and I, when unit ``i`` has group ``lab[i]``.

    ``a``, ``b`` are the pair ends, ``w`` the pair weights (None: 1 each) and
    ``strength[i]`` the summed weight of unit ``i``'s pairs. I_G is counted from the
    internal pairs; E_G = (summed strength of G's units) - 2 I_G.
    """
    ca = lab[a]
    eq = ca == lab[b]
    Int = np.bincount(ca[eq], None if w is None else w[eq], minlength=k).astype(np.float64)
    E = np.bincount(lab, strength, minlength=k) - 2 * Int
    I_all = Int.sum()
    return E, Int, strength.sum() / 2 - I_all, I_all


def ei_index(g, by: str = "sector", weight: bool = False, n_permutations: int = 1000,
             seed: int = 0, as_of=None) -> pd.DataFrame:
    """Krackhardt's E-I index per group and overall, with a permutation baseline.

    Definition. Let each tied unit pair ``{u, v}`` of the unit graph count 1 (or, with
    ``weight=True``, the number of ties between ``u`` and ``v``). For a group G:

    - ``E`` = sum over pairs with exactly one end in G (external pairs incident to G);
    - ``I`` = sum over pairs with both ends in G (internal pairs);
    - ``ei`` = (E - I) / (E + I), NaN when E + I = 0 (no unit of G is tied).

    The overall row counts each pair once: E = external pairs, I = internal pairs. ei runs
    from -1 (all ties inside groups) to +1 (all ties across groups).

    Baseline: the group labels of the units that have at least one tie are shuffled
    ``n_permutations`` times (``numpy.random.default_rng(seed)``; each permutation shuffles
    the previous one in place with ``Generator.shuffle``, keeps every group's number of
    tied units and the pairs themselves) and E, I, ei are recomputed. ``expected_ei`` is
    the mean of the permuted ei; ``p_value`` is two-sided: (1 + c) / (1 + n_permutations),
    where c is the number of permutations whose ei is at least as far from
    ``expected_ei`` as the observed one (|ei_perm - expected_ei| >= |ei - expected_ei| -
    1e-12). With ``n_permutations=0`` both are NaN.

    Parameters
    ----------
    g : LinkGraph
    by : str
        ``"sector"``, ``"zone"`` or any node column (see the module docstring).
    weight : bool
        Count ties (True) instead of distinct tied pairs (False).
    n_permutations : int
        Number of label permutations for the baseline; 0 skips it.
    seed : int
        Seed of the random generator: the same seed gives the same result.
    as_of : date-like, optional
        Only ties active on that date.

    Returns
    -------
    DataFrame
        One row per group (sorted), then a row with ``group == "__overall__"``; columns
        ``group``, ``units`` (number of units in the group), ``E``, ``I``, ``ei``,
        ``expected_ei``, ``p_value``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.ei_index(pl.datasets.house(), n_permutations=0)
             group  units  E  I   ei  expected_ei  p_value
    0    community      1  2  0  1.0          NaN      NaN
    1   enterprise      1  1  0  1.0          NaN      NaN
    2   government      2  1  0  1.0          NaN      NaN
    3  __overall__      4  2  0  1.0          NaN      NaN
    """
    if n_permutations < 0:
        raise ValueError(f"n_permutations must be 0 or more, got {n_permutations}")
    ug = unit_graph(g, as_of)
    codes, labels = unit_groups(g, ug, by)
    k = len(labels)
    pa = ug.pairs["a"].to_numpy().astype(np.int64)
    pb = ug.pairs["b"].to_numpy().astype(np.int64)
    w = ug.pairs["n_ties"].to_numpy().astype(np.float64) if weight else None
    strength = (np.bincount(pa, w, minlength=ug.n) + np.bincount(pb, w, minlength=ug.n))
    E, Int, E_all, I_all = _counts(codes, pa, pb, w, strength, k)
    obs = np.append(_ei(E, Int), _ei(np.array([E_all]), np.array([I_all])))

    expected = np.full(k + 1, np.nan)
    p_value = np.full(k + 1, np.nan)
    if n_permutations > 0 and len(pa):
        # only the units with a tie take part; labels as small integers, ends as int32
        tied = np.flatnonzero(strength > 0)
        pos = np.full(ug.n, -1, dtype=np.int64)
        pos[tied] = np.arange(len(tied))
        ta, tb = pos[pa].astype(np.int32), pos[pb].astype(np.int32)
        small = np.int8 if k < 2**7 else np.int16 if k < 2**15 else np.int64
        lab = codes[tied].astype(small)
        st = strength[tied]
        rng = np.random.default_rng(seed)
        perm = np.empty((n_permutations, k + 1))
        for i in range(n_permutations):
            # shuffling the previous permutation in place gives a fresh uniform one
            rng.shuffle(lab)
            pE, pI, pE_all, pI_all = _counts(lab, ta, tb, w, st, k)
            perm[i, :k] = _ei(pE, pI)
            perm[i, k] = _ei(np.array([pE_all]), np.array([pI_all]))[0]
        with warnings.catch_warnings():  # groups with no tied unit: mean of empty slice
            warnings.simplefilter("ignore", RuntimeWarning)
            expected = np.nanmean(perm, axis=0)
        far = np.abs(perm - expected) >= np.abs(obs - expected) - _TOL
        p_value = np.where(np.isnan(obs) | np.isnan(expected), np.nan,
                           (1 + far.sum(axis=0)) / (1 + n_permutations))

    n_units = np.bincount(codes, minlength=k)
    return pd.DataFrame({
        "group": pd.Series(labels + ["__overall__"], dtype=object),
        "units": np.append(n_units, ug.n).astype(np.int64),
        "E": np.rint(np.append(E, E_all)).astype(np.int64),
        "I": np.rint(np.append(Int, I_all)).astype(np.int64),
        "ei": obs,
        "expected_ei": expected,
        "p_value": p_value,
    })


def linkage_matrix(g, by: str = "sector", density: bool = False, as_of=None) -> pd.DataFrame:
    """The group x group matrix of tied unit pairs.

    Definition. Entry (i, j), i != j, is the number of distinct unit pairs ``{u, v}``
    joined by at least one tie with u in group i and v in group j; entry (i, i) is the
    number of such pairs with both ends in group i. The matrix is symmetric. With
    ``density=True`` each entry is divided by the number of possible pairs:
    n_i * n_j off the diagonal and n_i * (n_i - 1) / 2 on it (n_i = units in group i;
    NaN when no pair is possible).

    Parameters
    ----------
    g : LinkGraph
    by : str
        ``"sector"``, ``"zone"`` or any node column.
    density : bool
        Divide by the number of possible pairs.
    as_of : date-like, optional
        Only ties active on that date.

    Returns
    -------
    DataFrame
        Square, index and columns the sorted groups (both axes named after ``by``);
        integers, or floats with ``density=True``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.linkage_matrix(pl.datasets.house())
    sector      community  enterprise  government
    sector
    community           0           1           1
    enterprise          1           0           0
    government          1           0           0
    """
    ug = unit_graph(g, as_of)
    codes, labels = unit_groups(g, ug, by)
    k = len(labels)
    ca = codes[ug.pairs["a"].to_numpy()]
    cb = codes[ug.pairs["b"].to_numpy()]
    m = np.bincount(ca * k + cb, minlength=k * k).reshape(k, k).astype(np.int64)
    sym = m + m.T
    sym[np.diag_indices(k)] = np.diag(m)
    values: np.ndarray = sym
    if density:
        n = np.bincount(codes, minlength=k).astype(np.float64)
        possible = np.outer(n, n)
        possible[np.diag_indices(k)] = n * (n - 1) / 2
        with np.errstate(invalid="ignore", divide="ignore"):
            values = np.where(possible > 0, sym / np.where(possible > 0, possible, 1), np.nan)
    idx = pd.Index(labels, name=by, dtype=object)
    return pd.DataFrame(values, index=idx, columns=pd.Index(labels, name=by, dtype=object))


def unit_ei(g, by: str = "sector", weight: bool = False, as_of=None) -> pd.DataFrame:
    """Krackhardt and Stern's E-I index of every unit (node-level E-I).

    Definition. For a unit u of group G(u): ``E`` = number of tied pairs {u, v} with
    G(v) != G(u), ``I`` = number with G(v) = G(u) (ties instead of pairs with
    ``weight=True``); ``ei`` = (E - I) / (E + I), NaN for a unit with no tie. -1: all of
    the unit's ties stay inside its group; +1: all cross to other groups. The group E-I of
    :func:`ei_index` is the same ratio summed over the units of a group (each internal
    pair counted once there).

    Reference: Krackhardt, D. and Stern, R. N. (1988). Informal networks and
    organizational crises: an experimental simulation. Social Psychology Quarterly 51(2),
    123-140.

    Parameters
    ----------
    g : LinkGraph
    by : str
        ``"sector"``, ``"zone"`` or any node column (see the module docstring).
    weight : bool
        Count ties (True) instead of distinct tied pairs (False).
    as_of : date-like, optional
        Only ties active on that date.

    Returns
    -------
    DataFrame
        One row per unit, sorted by id: ``id``, ``group``, ``E``, ``I``, ``ei``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.unit_ei(pl.datasets.house())
       id       group  E  I   ei
    0  A1  government  0  0  NaN
    1  C1   community  2  0  1.0
    2  E1  enterprise  1  0  1.0
    3  W1  government  1  0  1.0
    """
    ug = unit_graph(g, as_of)
    codes, labels = unit_groups(g, ug, by)
    pa = ug.pairs["a"].to_numpy().astype(np.int64)
    pb = ug.pairs["b"].to_numpy().astype(np.int64)
    w = ug.pairs["n_ties"].to_numpy().astype(np.float64) if weight else np.ones(len(pa))
    same = codes[pa] == codes[pb]
    n = ug.n
    Int = np.bincount(pa[same], w[same], minlength=n) + np.bincount(pb[same], w[same],
                                                                     minlength=n)
    E = np.bincount(pa[~same], w[~same], minlength=n) + np.bincount(pb[~same], w[~same],
                                                                     minlength=n)
    out = pd.DataFrame({
        "id": pd.Series(ug.ids, dtype=object),
        "group": pd.Series(np.asarray(labels, dtype=object)[codes] if n else [], dtype=object),
        "E": np.rint(E).astype(np.int64),
        "I": np.rint(Int).astype(np.int64),
        "ei": _ei(E, Int),
    })
    return out.sort_values("id", kind="stable").reset_index(drop=True)


def linkage_test(g, by: str = "sector", n_permutations: int = 1000, seed: int = 0,
                 as_of=None) -> pd.DataFrame:
    """A QAP-style permutation test of every cell of the linkage matrix.

    Definition. ``observed`` is the cell of :func:`linkage_matrix` (tied unit pairs
    between groups i and j, i <= j). The null model keeps the unit graph and permutes
    which unit sits where: the group labels of all units are shuffled ``n_permutations``
    times (``numpy.random.default_rng(seed)``, each permutation shuffling the previous one
    in place), which is the quadratic assignment procedure (QAP) of Krackhardt (1988)
    applied to the block counts. ``expected`` is the mean permuted count; ``p_greater`` =
    (1 + number of permutations with count >= observed) / (1 + n_permutations) and
    ``p_less`` the same with <=; ``p_value`` = min(1, 2 min(p_greater, p_less)). A small
    ``p_less`` off the diagonal says two groups are tied to each other less than their
    units' ties would give by chance.

    Reference: Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
    regression analysis of dyadic data. Social Networks 10(4), 359-381.

    Parameters
    ----------
    g : LinkGraph
    by : str
        ``"sector"``, ``"zone"`` or any node column.
    n_permutations : int, default 1000
        Number of permutations (at least 1).
    seed : int, default 0
    as_of : date-like, optional
        Only ties active on that date.

    Returns
    -------
    DataFrame
        One row per cell i <= j in group order: ``group_i``, ``group_j``, ``observed``,
        ``expected``, ``p_greater``, ``p_less``, ``p_value``.

    Examples
    --------
    >>> import partylinks as pl
    >>> t = pl.metrics.linkage_test(pl.datasets.house(), n_permutations=200)
    >>> t[["group_i", "group_j", "observed"]].iloc[:3]
          group_i     group_j  observed
    0   community   community         0
    1   community  enterprise         1
    2   community  government         1
    """
    if n_permutations < 1:
        raise ValueError(f"n_permutations must be 1 or more, got {n_permutations}")
    ug = unit_graph(g, as_of)
    codes, labels = unit_groups(g, ug, by)
    k = len(labels)
    pa = ug.pairs["a"].to_numpy().astype(np.int64)
    pb = ug.pairs["b"].to_numpy().astype(np.int64)
    iu = np.triu_indices(k)

    def cells(lab: np.ndarray) -> np.ndarray:
        lo = np.minimum(lab[pa], lab[pb])
        hi = np.maximum(lab[pa], lab[pb])
        return np.bincount(lo * k + hi, minlength=k * k).reshape(k, k)[iu]

    obs = cells(codes)
    lab = codes.copy()
    rng = np.random.default_rng(seed)
    perm = np.empty((n_permutations, len(obs)))
    for i in range(n_permutations):
        rng.shuffle(lab)
        perm[i] = cells(lab)
    p_greater = (1 + (perm >= obs).sum(axis=0)) / (1 + n_permutations)
    p_less = (1 + (perm <= obs).sum(axis=0)) / (1 + n_permutations)
    names = np.asarray(labels, dtype=object)
    return pd.DataFrame({
        "group_i": pd.Series(names[iu[0]], dtype=object),
        "group_j": pd.Series(names[iu[1]], dtype=object),
        "observed": obs.astype(np.int64),
        "expected": perm.mean(axis=0),
        "p_greater": p_greater,
        "p_less": p_less,
        "p_value": np.minimum(1.0, 2 * np.minimum(p_greater, p_less)),
    })
