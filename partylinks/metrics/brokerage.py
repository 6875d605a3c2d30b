"""Gould-Fernandez brokerage roles of every unit on the directed unit ties.

Gould and Fernandez (1989, "Structures of mediation", Sociological Methodology 19)
classify every open two-path a -> b -> c by the groups of its three units; b is the
broker. networkx and igraph do not provide it.

Computation, with D the 0/1 directed adjacency of distinct unit pairs: for each broker b
the number of two-paths by role follows from the numbers of b's in- and out-neighbours
in each group (sparse products with the group indicator); from these are subtracted the
paths a -> b -> a (reciprocated ties, a = c) and the closed paths (a -> c exists), which
are read from the triangles of the undirected unit graph. No broker's neighbours are
paired one by one, so a hub with thousands of neighbours costs no quadratic work.
"""

from __future__ import annotations

from math import comb

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix, csr_matrix

from ..graph.unitgraph import snapshot, unit_graph
from ._triangles import triangles
from .mixing import unit_groups

__all__ = ["brokerage", "brokerage_z", "brokerage_global", "ROLES"]

ROLES = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")
"""The five Gould-Fernandez roles, in the column order of :func:`brokerage`."""

_COORD, _GATE, _REPR, _ITIN, _LIAIS = range(5)


def _role(ga: np.ndarray, gb: np.ndarray, gc: np.ndarray) -> np.ndarray:
    """Role code of the two-path a -> b -> c from the groups of a, b, c."""
    r = np.full(len(ga), _LIAIS, dtype=np.int64)
    r[(ga == gc) & (ga != gb)] = _ITIN
    r[(gb == gc) & (ga != gb)] = _GATE
    r[(ga == gb) & (gb != gc)] = _REPR
    r[(ga == gb) & (gb == gc)] = _COORD
    return r


def _closed(n: int, keys: np.ndarray, tri: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """(n, 5) counts of closed two-paths a -> b -> c (a -> c also a tie) by broker, role.

    ``keys`` are the sorted arc keys ``a * n + b``.
    """
    out = np.zeros((n, 5), dtype=np.int64)
    if not len(tri):
        return out

    def has(u, v):
        q = u * n + v
        pos = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
        return keys[pos] == q

    x, y, z = tri[:, 0], tri[:, 1], tri[:, 2]
    e = {("x", "y"): has(x, y), ("y", "x"): has(y, x), ("x", "z"): has(x, z),
         ("z", "x"): has(z, x), ("y", "z"): has(y, z), ("z", "y"): has(z, y)}
    v = {"x": x, "y": y, "z": z}
    for a, b, c in (("x", "y", "z"), ("x", "z", "y"), ("y", "x", "z"),
                    ("y", "z", "x"), ("z", "x", "y"), ("z", "y", "x")):
        ok = e[(a, b)] & e[(b, c)] & e[(a, c)]
        if ok.any():
            va, vb, vc = v[a][ok], v[b][ok], v[c][ok]
            role = _role(codes[va], codes[vb], codes[vc])
            out += np.bincount(vb * 5 + role, minlength=n * 5).reshape(n, 5)
    return out


def brokerage(g, by: str = "sector", as_of=None) -> pd.DataFrame:
    """Gould-Fernandez brokerage counts of every unit.

    Definition. The directed unit graph has an arc u -> v when the tie table has a tie
    from u to v (distinct directed pairs; a unit is never tied to itself). For every
    two-path a -> b -> c with a != c and **no** arc a -> c, b is a broker, in the role
    given by the groups G(a), G(b), G(c):

    - coordinator: G(a) = G(b) = G(c);
    - itinerant (consultant): G(a) = G(c) != G(b);
    - representative: G(a) = G(b) != G(c) (b passes from its own group to another);
    - gatekeeper: G(a) != G(b) = G(c) (b receives from another group into its own);
    - liaison: G(a), G(b), G(c) all different.

    Each count is the number of such (a, c) pairs for b (raw counts, not normalized).

    Parameters
    ----------
    g : LinkGraph
    by : str
        ``"sector"``, ``"zone"`` or any node column (see :mod:`partylinks.metrics.mixing`).
    as_of : date-like, optional
        Only ties active on that date.

    Returns
    -------
    DataFrame
        One row per unit, sorted by id: ``id``, ``group``, ``coordinator``,
        ``gatekeeper``, ``representative``, ``itinerant``, ``liaison``, ``total``.

    Examples
    --------
    In the house graph E1 -> C1 -> W1 is open, and C1 passes from the enterprise to the
    government group through its own (community): liaison.

    >>> import partylinks as pl
    >>> b = pl.metrics.brokerage(pl.datasets.house())
    >>> b[["id", "group", "liaison", "total"]]
       id       group  liaison  total
    0  A1  government        0      0
    1  C1   community        1      1
    2  E1  enterprise        0      0
    3  W1  government        0      0
    """
    ug = unit_graph(g, as_of)
    codes, labels = unit_groups(g, ug, by)
    n, k = ug.n, len(labels)
    t = ug.ties
    keys = np.sort(t["a"].to_numpy().astype(np.int64) * n + t["b"].to_numpy())
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    src, dst = keys // n, keys % n
    ones = np.ones(len(src), dtype=np.int64)
    D = csr_matrix((ones, (src, dst)), shape=(n, n))
    same = codes[src] == codes[dst]
    indeg = np.bincount(dst, minlength=n)
    outdeg = np.bincount(src, minlength=n)
    in_same = np.bincount(dst[same], minlength=n)
    out_same = np.bincount(src[same], minlength=n)
    # in/out-neighbours of each broker per group; sum over groups of in x out
    inG = coo_matrix((ones, (dst, codes[src])), shape=(n, k)).tocsr()
    outG = coo_matrix((ones, (src, codes[dst])), shape=(n, k)).tocsr()
    matched = np.asarray(inG.multiply(outG).sum(axis=1)).ravel()

    counts = np.zeros((n, 5), dtype=np.int64)
    counts[:, _COORD] = in_same * out_same
    counts[:, _ITIN] = matched - in_same * out_same
    counts[:, _REPR] = in_same * (outdeg - out_same)
    counts[:, _GATE] = (indeg - in_same) * out_same
    counts[:, _LIAIS] = (indeg - in_same) * (outdeg - out_same) - counts[:, _ITIN]
    # a -> b -> a: reciprocated ties
    R = D.multiply(D.T).tocoo()
    rec_same = codes[R.row] == codes[R.col]
    counts[:, _COORD] -= np.bincount(R.row[rec_same], minlength=n)
    counts[:, _ITIN] -= np.bincount(R.row[~rec_same], minlength=n)
    # a -> b -> c with a -> c
    cache = snapshot(g, as_of).cache
    if "triangles" not in cache:
        cache["triangles"] = triangles(ug.adj)
    counts -= _closed(n, keys, cache["triangles"], codes)

    out = pd.DataFrame(counts, columns=["coordinator", "gatekeeper", "representative",
                                        "itinerant", "liaison"])
    out.insert(0, "group", pd.Series(np.asarray(labels, dtype=object)[codes], dtype=object))
    out.insert(0, "id", pd.Series(ug.ids, dtype=object))
    out["total"] = counts.sum(axis=1)
    return out.sort_values("id", kind="stable").reset_index(drop=True)


def _moments(ni: float, others: np.ndarray, N: float, d: float) -> np.ndarray:
    """(2, 6) expected value and variance of each role count (and the total) for a
    broker of a group of ``ni`` units, the other groups of sizes ``others``."""
    p = d * d * (1 - d)
    q = d ** 3 * (1 - d) ** 3
    o = others
    e = np.array([
        p * (ni - 1) * (ni - 2),
        p * (N - ni) * (ni - 1),
        p * (N - ni) * (ni - 1),
        p * float(np.sum(o * (o - 1))),
        p * (float(np.sum(o)) ** 2 - float(np.sum(o * o))),
        p * (N - 1) * (N - 2),
    ])
    extra = np.array([
        2 * (ni - 1) * (ni - 2) * (ni - 3) * q,
        2 * ((ni - 1) * comb(int(N - ni), 2) + (N - ni) * comb(int(ni - 1), 2)) * q,
        2 * ((ni - 1) * comb(int(N - ni), 2) + (N - ni) * comb(int(ni - 1), 2)) * q,
        2 * float(np.sum(o * (o - 1) * (o - 2))) * q,
        4 * sum(float(x) * comb(int(N - x - ni), 2) for x in o) * q,
        2 * (N - 1) * (N - 2) * (N - 3) * q,
    ])
    return np.vstack([e + 0.0, e * (1 - p) + extra + 0.0])


_Z_ROLES = (*ROLES, "total")


def brokerage_z(g, by: str = "sector", as_of=None) -> pd.DataFrame:
    """Gould-Fernandez brokerage counts with their expected values and z-scores.

    The counts are those of :func:`brokerage`. The baseline is Gould and Fernandez's
    (1989) own: a random directed graph on the same N units with every arc present
    independently with probability d = (number of arcs) / (N (N - 1)), the groups kept.
    With p = d^2 (1 - d) (the chance that a -> b -> c is an open two-path), for a broker
    in a group of n_i units, the other groups of sizes n_j:

    - coordinator: E = p (n_i - 1)(n_i - 2);
    - representative and gatekeeper: E = p (N - n_i)(n_i - 1);
    - itinerant: E = p sum_j n_j (n_j - 1);
    - liaison: E = p ((sum_j n_j)^2 - sum_j n_j^2);
    - total: E = p (N - 1)(N - 2);

    and the variances Var = E (1 - p) + 2 q c, q = d^3 (1 - d)^3, with c the number of
    pairs of two-paths through the broker that share one arc: (n_i - 1)(n_i - 2)(n_i - 3)
    for coordinator, (n_i - 1) C(N - n_i, 2) + (N - n_i) C(n_i - 1, 2) for representative
    and gatekeeper, sum_j n_j (n_j - 1)(n_j - 2) for itinerant, 2 sum_j n_j C(N - n_j -
    n_i, 2) for liaison, (N - 1)(N - 2)(N - 3) for the total. These are the expected
    values and variances of R's ``sna::brokerage`` (``exp.nli``, ``sd.nli``, ``z.nli``);
    z = (count - E) / sqrt(Var), NaN when the variance is 0.

    Reference: Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal
    approach to brokerage in transaction networks. Sociological Methodology 19, 89-126.

    Parameters
    ----------
    g : LinkGraph
    by : str
        ``"sector"``, ``"zone"`` or any node column.
    as_of : date-like, optional
        Only ties active on that date.

    Returns
    -------
    DataFrame
        One row per unit and role (``coordinator``, ``gatekeeper``, ``representative``,
        ``itinerant``, ``liaison``, ``total``), sorted by id then that role order:
        ``id``, ``group``, ``role``, ``count``, ``expected``, ``sd``, ``z``.

    Examples
    --------
    >>> import partylinks as pl
    >>> z = pl.metrics.brokerage_z(pl.datasets.house())
    >>> z[(z["id"] == "C1") & (z["role"] == "liaison")].round(3)
        id      group     role  count  expected     sd      z
    10  C1  community  liaison      1     0.188  0.453  1.794
    """
    ug = unit_graph(g, as_of)
    codes, labels = unit_groups(g, ug, by)
    counts = brokerage(g, by=by, as_of=as_of)
    n_units = ug.n
    t = ug.ties
    arcs = len(np.unique(t["a"].to_numpy().astype(np.int64) * max(n_units, 1)
                         + t["b"].to_numpy())) if len(t) else 0
    d = arcs / (n_units * (n_units - 1)) if n_units > 1 else 0.0
    sizes = np.bincount(codes, minlength=len(labels)).astype(float)
    moments = np.stack([_moments(sizes[i], np.delete(sizes, i), float(n_units), d)
                        for i in range(len(labels))]) if len(labels) else np.zeros((0, 2, 6))
    group_code = pd.Series(codes, index=ug.ids).reindex(counts["id"]).to_numpy()
    k = len(_Z_ROLES)
    observed = counts[list(_Z_ROLES)].to_numpy(dtype=float)
    expected = moments[group_code, 0, :] if len(counts) else np.zeros((0, k))
    sd = np.sqrt(moments[group_code, 1, :]) if len(counts) else np.zeros((0, k))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(sd > 0, (observed - expected) / np.where(sd > 0, sd, 1), np.nan)
    return pd.DataFrame({
        "id": np.repeat(counts["id"].to_numpy(dtype=object), k),
        "group": np.repeat(counts["group"].to_numpy(dtype=object), k),
        "role": np.tile(np.array(_Z_ROLES, dtype=object), len(counts)),
        "count": observed.ravel().astype(np.int64),
        "expected": expected.ravel(),
        "sd": sd.ravel(),
        "z": z.ravel(),
    })


def brokerage_global(g, by: str = "sector", as_of=None) -> pd.DataFrame:
    """Brokerage counts of the whole graph by role, with the z-scores of their units.

    Definition. ``count`` is the sum over all units of :func:`brokerage`; ``expected``
    the sum of the units' expected values of :func:`brokerage_z`; ``mean_z`` the mean
    of the units' z-scores (NaN left out), ``units_z_above_2`` the number of units with
    z >= 2 (brokers more often than chance).

    Parameters
    ----------
    g : LinkGraph
    by : str
    as_of : date-like, optional

    Returns
    -------
    DataFrame
        One row per role (and ``total``): ``role``, ``count``, ``expected``, ``mean_z``,
        ``units_z_above_2``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.brokerage_global(pl.datasets.house())[["role", "count"]].iloc[-2:]
          role  count
    4  liaison      1
    5    total      1
    """
    z = brokerage_z(g, by=by, as_of=as_of)
    grp = z.groupby("role", sort=False)
    out = pd.DataFrame({
        "count": grp["count"].sum(),
        "expected": grp["expected"].sum(),
        "mean_z": grp["z"].mean(),
        "units_z_above_2": grp["z"].apply(lambda s: int((s >= 2).sum())),
    }).reindex(list(_Z_ROLES)).fillna({"count": 0, "expected": 0.0, "units_z_above_2": 0})
    out.index.name = "role"
    out = out.reset_index()
    out["count"] = out["count"].astype(np.int64)
    out["units_z_above_2"] = out["units_z_above_2"].astype(np.int64)
    return out
