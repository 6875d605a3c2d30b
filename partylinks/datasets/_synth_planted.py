"""The weak spots of a synthetic region, counted from its edges (numpy only).

Private helper of :mod:`partylinks.datasets.synthetic`. The counts are computed from the
generated edge arrays with the definitions of the unit projection and of the metrics and
rules (isolated and fragile units, key persons, one-way appointments, 1+1+1 teams), not
from what the generator meant to plant, so they are exact even where chance added a spot.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ._synth_edges import E, R
from ._synth_units import T

_TIES = np.array([E[t] for t in ("part_time_post", "service_pairing", "council_member",
                                 "convenes", "liaison", "grid_staff", "co_building",
                                 "registers_at")])


def unit_of(ntype: np.ndarray, src, dst, et, end) -> np.ndarray:
    """Node code -> unit code (-1 when none): a unit itself, a branch's host (its
    ``hosted_by`` target), a cadre's home unit (its open ``works_at`` target, else the
    host of the branch it is a ``member_of``). The generated data has one host per branch
    and at most one open ``works_at`` per cadre, so "the latest" is never ambiguous."""
    n = len(ntype)
    is_unit = ntype < T["branch"]
    uo = np.where(is_unit, np.arange(n), -1)
    hb = et == E["hosted_by"]
    uo[src[hb]] = dst[hb]
    wa = (et == E["works_at"]) & np.isnat(end)
    assert len(uniq(src[wa])) == wa.sum(), "a cadre has two open works_at edges"
    home = np.full(n, -1, dtype=np.int64)
    home[src[wa]] = dst[wa]
    mo = (et == E["member_of"]) & (home[src] < 0)
    home[src[mo]] = uo[dst[mo]]
    cadre = ntype == T["cadre"]
    uo[cadre] = home[cadre]
    return uo


def active(start, end, day) -> np.ndarray:
    """Edges active on ``day`` (both ends inclusive; a missing end is open); all when None."""
    if day is None:
        return np.ones(len(start), dtype=bool)
    return (np.isnat(start) | (start <= day)) & (np.isnat(end) | (end >= day))


def uniq(a: np.ndarray) -> np.ndarray:
    """Sorted distinct values (by sorting: ``np.unique`` hashes, far slower on millions
    of distinct int64 values in numpy 2.4)."""
    a = np.sort(a)
    keep = np.ones(len(a), dtype=bool)
    keep[1:] = a[1:] != a[:-1]
    return a[keep]


def _pairs_unique(*cols) -> np.ndarray:
    """Distinct rows of the integer columns, sorted (one int64 key per row)."""
    lo = [int(c.min()) if len(c) else 0 for c in cols]
    span = [int(c.max()) - m + 1 if len(c) else 1 for c, m in zip(cols, lo, strict=True)]
    assert np.prod([float(x) for x in span]) < 2.0 ** 62
    key = np.zeros(len(cols[0]), dtype=np.int64)
    for c, m, s in zip(cols, lo, span, strict=True):
        key = key * s + (c - m)
    key = uniq(key)
    out = np.empty((len(key), len(cols)), dtype=np.int64)
    for i in range(len(cols) - 1, -1, -1):
        out[:, i] = key % span[i] + lo[i]
        key //= span[i]
    return out


def _unique_counts(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of a *sorted* 2-column array and how often each occurs."""
    if len(rows) == 0:
        return rows, np.zeros(0, dtype=np.int64)
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (rows[1:] != rows[:-1]).any(axis=1)
    starts = np.flatnonzero(new)
    return rows[starts], np.diff(np.append(starts, len(rows)))


def count(ids: np.ndarray, ntype: np.ndarray, src, dst, et, role, start, end,
          day) -> dict:
    """Counts and ids of the weak spots on ``day`` (None: ignoring dates)."""
    n = len(ntype)
    uo = unit_of(ntype, src, dst, et, end)
    pos = np.arange(len(src))
    m = np.isin(et, _TIES) & active(start, end, day)
    u, v = uo[src[m]], uo[dst[m]]
    ok = (u >= 0) & (v >= 0) & (u != v)
    u, v, tp, epos, s = u[ok], v[ok], et[m][ok], pos[m][ok], src[m][ok]
    carrier = np.where(ntype[s] == T["cadre"], s, -(epos + 1))
    uc = _pairs_unique(np.concatenate([u, v]), np.concatenate([carrier, carrier]))
    n_car = np.bincount(uc[:, 0], minlength=n)
    is_unit = ntype < T["branch"]
    isolated = np.flatnonzero(is_unit & (n_car == 0))
    fragile = np.flatnonzero(is_unit & (n_car == 1))
    sole = uc[np.isin(uc[:, 0], fragile)][:, 1]  # one row per fragile unit
    key_persons = uniq(sole[sole >= 0])
    # one-way appointments: community-enterprise pairs with a part-time post one way only
    tu, tv = ntype[u], ntype[v]
    ce = (tp == E["part_time_post"]) & (
        ((tu == T["community"]) & (tv == T["enterprise"]))
        | ((tu == T["enterprise"]) & (tv == T["community"])))
    c_side = np.where(tu[ce] == T["community"], u[ce], v[ce])
    e_side = np.where(tu[ce] == T["community"], v[ce], u[ce])
    directed = _pairs_unique(c_side, e_side, (tu[ce] == T["community"]).astype(np.int64))
    pair, n_dir = _unique_counts(directed[:, :2])
    one = np.isin(directed[:, 0] * n + directed[:, 1], (pair[n_dir == 1] * [n, 1]).sum(1))
    one_way = directed[one]
    # components of the unit graph
    units = np.flatnonzero(is_unit)
    index = np.full(n, -1, dtype=np.int64)
    index[units] = np.arange(len(units))
    adj = coo_matrix((np.ones(len(u)), (index[u], index[v])), shape=(len(units),) * 2)
    n_comp, labels = connected_components(adj, directed=False)
    out = {
        "isolated_units": len(isolated),
        "fragile_units": len(fragile),
        "fragile_by_cadre": int((sole >= 0).sum()),
        "key_persons": len(key_persons),
        "one_way_pairs": len(one_way),
        "one_way_instructor_only": int(one_way[:, 2].sum()),
        "one_way_member_only": int((1 - one_way[:, 2]).sum()),
        "components": int(n_comp),
        "largest_component": int(np.bincount(labels).max()) if len(units) else 0,
        "ids": {
            "isolated_units": sorted(ids[isolated].tolist()),
            "fragile_units": sorted(ids[fragile].tolist()),
            "key_persons": sorted(ids[key_persons].tolist()),
            "one_way_pairs": sorted(f"{ids[c]}->{ids[e]}" if d else f"{ids[e]}->{ids[c]}"
                                    for c, e, d in one_way.tolist()),
        },
    }
    if day is not None:
        out.update(_teams(ids, ntype, src, dst, et, role, start, end, day))
    return out


def _teams(ids, ntype, src, dst, et, role, start, end, day) -> dict:
    """1+1+1 teams on ``day``: a role is *missing* when no appointment to it is active and
    none has expired, *expired* when none is active but one ended before ``day``; a
    *duplicate* is one cadre holding two or more active roles of the same project."""
    sp = (et == E["service_pairing"]) & (ntype[dst] == T["project"])
    projects = np.flatnonzero(ntype == T["project"])
    index = np.full(len(ntype), -1, dtype=np.int64)
    index[projects] = np.arange(len(projects))
    roles = np.array([R["coordinator"], R["policy"], R["support"]])
    act = sp & active(start, end, day)
    gone = sp & ~np.isnat(end) & (end < day)
    has_act = np.zeros((len(projects), 3), dtype=bool)
    has_gone = np.zeros((len(projects), 3), dtype=bool)
    for k, rl in enumerate(roles):
        has_act[index[dst[act & (role == rl)]], k] = True
        has_gone[index[dst[gone & (role == rl)]], k] = True
    missing = (~has_act & ~has_gone).any(axis=1)
    expired = (~has_act & has_gone).any(axis=1)
    a = act & np.isin(role, roles)
    pcr = _pairs_unique(index[dst[a]], src[a], role[a])
    pc, n_roles = _unique_counts(pcr[:, :2])
    duplicate = np.zeros(len(projects), dtype=bool)
    duplicate[pc[n_roles > 1, 0]] = True
    bad = missing | expired | duplicate
    return {
        "incomplete_teams": int(bad.sum()),
        "team_missing_role": int(missing.sum()),
        "team_duplicate_cadre": int(duplicate.sum()),
        "team_expired": int(expired.sum()),
        "team_ids": sorted(ids[projects[bad]].tolist()),
    }
