"""Units, branches and cadres of a synthetic region (integer codes, numpy only).

Private helper of :mod:`partylinks.datasets.synthetic`. Every array here is indexed by a
*global node code*; node types occupy consecutive blocks in the order of ``TYPES``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

TYPES = ("council", "agency", "park", "community", "enterprise", "project", "grid", "branch",
         "cadre")
PREFIX = {"council": "U", "agency": "A", "park": "P", "community": "C", "enterprise": "E",
          "project": "J", "grid": "G", "branch": "B", "cadre": "K"}
T = {t: i for i, t in enumerate(TYPES)}
# subtype codes (shared table, -1 = none)
SUBTYPES = ("township", "department", "county_unit", "community", "compound", "village",
            "private", "soe", "committee", "general_branch", "branch", "group")
S = {s: i for i, s in enumerate(SUBTYPES)}
RANKS = ("county", "section", "staff")  # -1 = none
NORMAL, ISOLATED, FRAGILE = 0, 1, 2


def balanced(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    """``n`` labels in ``range(k)``, each used ``n // k`` or ``n // k + 1`` times, shuffled."""
    return rng.permutation(np.arange(n) % k)


def pick(rng: np.random.Generator, pool: np.ndarray, pool_group: np.ndarray,
         query_group: np.ndarray, n_groups: int, fallback: bool = True) -> np.ndarray:
    """For each query, a random element of ``pool`` in the query's group.

    Queries whose group is empty get a random element of the whole pool when
    ``fallback`` (else -1); with an empty pool every answer is -1.
    """
    q = len(query_group)
    if len(pool) == 0:
        return np.full(q, -1, dtype=np.int64)
    order = np.argsort(pool_group, kind="stable")
    counts = np.bincount(pool_group, minlength=n_groups)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    c = counts[query_group]
    r = (rng.random(q) * np.maximum(c, 1)).astype(np.int64)
    got = pool[order[np.minimum(starts[query_group] + r, len(pool) - 1)]]
    if fallback:
        return np.where(c > 0, got, pool[rng.integers(0, len(pool), q)])
    return np.where(c > 0, got, -1)


def rank_within(group: np.ndarray) -> np.ndarray:
    """Position of each element among the elements of its group (in array order)."""
    order = np.argsort(group, kind="stable")
    g = group[order]
    first = np.ones(len(g), dtype=bool)
    first[1:] = g[1:] != g[:-1]
    starts = np.maximum.accumulate(np.where(first, np.arange(len(g)), 0))
    out = np.empty(len(g), dtype=np.int64)
    out[order] = np.arange(len(g)) - starts
    return out


@dataclass
class Region:
    """All node-level arrays of a synthetic region (global node codes)."""

    n_zones: int
    offset: dict[str, int]
    count: dict[str, int]
    ntype: np.ndarray            # node code -> type code
    zone: np.ndarray             # node code -> zone
    subtype: np.ndarray          # node code -> subtype code or -1
    level: np.ndarray            # grid level (1, 2, 3), 0 otherwise
    status: np.ndarray           # NORMAL / ISOLATED / FRAGILE (units), NORMAL otherwise
    party_members: np.ndarray    # enterprises, 0 otherwise
    above_scale: np.ndarray      # bool
    ent_facing: np.ndarray       # bool (agencies)
    grid_parent: np.ndarray      # grid -> containing grid, -1
    in_grid: np.ndarray          # community / enterprise / park -> containing grid, -1
    in_park: np.ndarray          # enterprise -> park, -1
    # branches (indexed by branch code - offset["branch"])
    b_host: np.ndarray = field(default=None)
    b_parent: np.ndarray = field(default=None)
    base_branch: np.ndarray = field(default=None)  # unit code -> its first branch (code), -1
    # cadres (indexed by cadre code - offset["cadre"])
    home: np.ndarray = field(default=None)
    works: np.ndarray = field(default=None)        # has a works_at edge
    pos: np.ndarray = field(default=None)          # position among the home unit's cadres
    rank: np.ndarray = field(default=None)
    young: np.ndarray = field(default=None)
    capable: np.ndarray = field(default=None)      # home unit is normal: may carry ties

    def codes(self, t: str) -> np.ndarray:
        """Global codes of the nodes of type ``t``."""
        return np.arange(self.offset[t], self.offset[t] + self.count[t])


def unit_counts(n_nodes: int, n_zones: int) -> dict[str, int]:
    """Number of nodes of each unit type (branches and cadres come later)."""
    z = n_zones
    return {
        "council": z,
        "agency": max(3 * z, round(0.01 * n_nodes)),
        "park": max(z, round(0.003 * n_nodes)),
        "community": max(2 * z, round(0.03 * n_nodes)),
        "enterprise": max(4 * z, round(0.08 * n_nodes)),
        "project": max(z, round(0.005 * n_nodes)),
        "grid": max(9 * z, round(0.02 * n_nodes)),
    }


def build_units(rng: np.random.Generator, n_nodes: int, n_zones: int,
                weak_share: float) -> tuple[Region, dict]:
    """Units with zones, subtypes and attributes, and the planted weak units."""
    z = n_zones
    cnt = unit_counts(n_nodes, z)
    n_units = sum(cnt.values())
    sizes = dict(cnt)
    # branches: every agency, park, community, level-2/3 grid, enterprise with >= 3 party
    # members, plus party groups in large units; cadres are the rest.
    ne = cnt["enterprise"]
    pm = np.minimum(rng.geometric(0.3, ne), 200)
    big = rng.random(ne) < 0.02
    pm[big] += rng.integers(20, 45, big.sum())
    # weak units among enterprises, communities and level-3 grids
    n_l3 = cnt["grid"] - 5 * z
    pool_n = ne + cnt["community"] + n_l3
    n_iso = max(1, round(weak_share / 2 * pool_n))
    n_frag = max(1, round(weak_share / 2 * pool_n))
    chosen = rng.choice(pool_n, n_iso + n_frag, replace=False)
    weak_status = np.zeros(pool_n, dtype=np.int8)
    weak_status[chosen[:n_iso]] = ISOLATED
    weak_status[chosen[n_iso:]] = FRAGILE
    ent_status = weak_status[:ne]
    pm[(ent_status == ISOLATED) & (pm < 3)] = 3  # isolated ones host their own branch
    n_groups = round(0.004 * n_nodes)
    sizes["branch"] = (cnt["agency"] + cnt["park"] + cnt["community"] + int((pm >= 3).sum())
                       + 4 * z + n_l3 + n_groups)
    sizes["cadre"] = n_nodes - n_units - sizes["branch"]
    offset, o = {}, 0
    for t in TYPES:
        offset[t] = o
        o += sizes[t]
    n = o
    ntype = np.repeat(np.arange(len(TYPES)), [sizes[t] for t in TYPES])
    zone = np.full(n, -1, dtype=np.int64)
    subtype = np.full(n, -1, dtype=np.int64)
    level = np.zeros(n, dtype=np.int64)
    status = np.zeros(n, dtype=np.int8)
    r = Region(z, offset, sizes, ntype, zone, subtype, level, status,
               np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool),
               np.full(n, -1, dtype=np.int64), np.full(n, -1, dtype=np.int64),
               np.full(n, -1, dtype=np.int64))
    zone[r.codes("council")] = np.arange(z)
    # agencies: one township per zone, then departments (the first z enterprise-facing,
    # one per zone), then county units
    a = r.codes("agency")
    n_dep = max(z, round(0.6 * (len(a) - z)))
    sub = np.full(len(a), S["county_unit"])
    sub[:z] = S["township"]
    sub[z:z + n_dep] = S["department"]
    subtype[a] = sub
    az = np.empty(len(a), dtype=np.int64)
    az[:z] = np.arange(z)
    az[z:2 * z] = np.arange(z)
    az[2 * z:] = balanced(rng, len(a) - 2 * z, z)
    zone[a] = az
    facing = np.zeros(len(a), dtype=bool)
    facing[z:2 * z] = True
    facing[2 * z:z + n_dep] = rng.random(n_dep - z) < 0.4
    r.ent_facing[a] = facing
    # grids: level 1 per zone, 4 level-2 per zone, level-3 in level-2 grids
    g = r.codes("grid")
    level[g[:z]] = 1
    level[g[z:5 * z]] = 2
    level[g[5 * z:]] = 3
    zone[g[:z]] = np.arange(z)
    zone[g[z:5 * z]] = np.arange(4 * z) // 4
    r.grid_parent[g[z:5 * z]] = g[np.arange(4 * z) // 4]
    l3_parent = g[z:5 * z][balanced(rng, n_l3, 4 * z)]
    r.grid_parent[g[5 * z:]] = l3_parent
    zone[g[5 * z:]] = zone[l3_parent]
    l3 = g[5 * z:]
    for t in ("park", "community", "enterprise", "project"):
        zone[r.codes(t)] = balanced(rng, sizes[t], z)
    c = r.codes("community")
    subtype[c] = np.array([S["community"], S["compound"], S["village"]])[
        rng.choice(3, len(c), p=[0.4, 0.35, 0.25])]
    e = r.codes("enterprise")
    subtype[e] = np.where(rng.random(len(e)) < 0.05, S["soe"], S["private"])
    r.party_members[e] = pm
    r.above_scale[e] = rng.random(len(e)) < 0.3
    status[e] = ent_status
    status[c] = weak_status[ne:ne + len(c)]
    status[l3] = weak_status[ne + len(c):]
    # containment
    p = r.codes("park")
    r.in_grid[p] = pick(rng, g[z:5 * z], zone[g[z:5 * z]], zone[p], z)
    r.in_grid[c] = pick(rng, l3, zone[l3], zone[c], z)
    r.in_grid[e] = pick(rng, l3, zone[l3], zone[e], z)
    # enterprises too small for a branch of their own are spread evenly over the level-3
    # grids of their zone, so that no grid branch covers more than a handful of them
    small = e[pm < 3]
    order = np.argsort(zone[l3], kind="stable")
    per_zone = np.bincount(zone[l3], minlength=z)
    first = np.concatenate([[0], np.cumsum(per_zone)[:-1]])
    sz = zone[small]
    r.in_grid[small] = l3[order[first[sz] + rank_within(sz) % per_zone[sz]]]
    in_park = rng.random(len(e)) < 0.3
    r.in_park[e[in_park]] = pick(rng, p, zone[p], zone[e[in_park]], z)
    return r, {"n_groups": n_groups}


def build_branches(rng: np.random.Generator, r: Region, n_groups: int) -> None:
    """Branches with their host unit, subtype and parent (a reports_to tree)."""
    z, sub = r.n_zones, r.subtype
    a, p, c, e, g = (r.codes(t) for t in ("agency", "park", "community", "enterprise", "grid"))
    ent_host = e[r.party_members[e] >= 3]
    l2, l3 = g[z:5 * z], g[5 * z:]
    # groups go to the agencies and communities of the region, at random
    big = np.concatenate([a, c])
    group_host = big[rng.integers(0, len(big), n_groups)]
    host = np.concatenate([a, p, c, ent_host, l2, l3, group_host])
    assert len(host) == r.count["branch"]
    b = r.codes("branch")
    bsub = np.concatenate([
        np.where(sub[a] == S["township"], S["committee"], S["branch"]),
        np.full(len(p), S["committee"]),
        np.where(sub[c] == S["village"], S["committee"], S["general_branch"]),
        np.where(r.party_members[ent_host] > 30, S["general_branch"], S["branch"]),
        np.full(len(l2), S["branch"]),
        np.full(len(l3), S["branch"]),
        np.full(n_groups, S["group"]),
    ])
    sub[b] = bsub
    r.zone[b] = r.zone[host]
    base = np.full(len(r.ntype), -1, dtype=np.int64)
    n_base = len(host) - n_groups
    base[host[:n_base]] = b[:n_base]
    zone_root = base[a[:z]]                      # township branches
    county = a[sub[a] == S["county_unit"]]
    root = base[county[0]] if len(county) else zone_root[0]
    parent = zone_root[r.zone[host]]             # default: the zone's township committee
    parent[:z] = root                            # townships report to the county root
    ent_rows = np.arange(len(a) + len(p) + len(c), len(a) + len(p) + len(c) + len(ent_host))
    ep = r.in_park[ent_host]
    in_park = ent_rows[ep >= 0]
    parent[in_park] = base[ep[ep >= 0]]
    l3_rows = np.arange(n_base - len(l3), n_base)
    parent[l3_rows] = base[r.grid_parent[l3]]
    parent[n_base:] = base[group_host]
    parent[np.flatnonzero(b == root)] = -1
    r.b_host = host
    r.b_parent = parent
    r.base_branch = base


def build_cadres(rng: np.random.Generator, r: Region) -> None:
    """Cadres with a home unit, rank, youth, and whether they may carry ties."""
    z = r.n_zones
    a, p, c, e, g = (r.codes(t) for t in ("agency", "park", "community", "enterprise", "grid"))
    l3 = g[5 * z:]
    n_c = r.count["cadre"]
    ent_k = np.minimum(r.party_members[e], 12)
    fixed = int(ent_k.sum()) + len(l3)
    base = np.concatenate([np.full(len(a), 4), np.ones(len(c), int), np.ones(len(p), int)])
    rest = n_c - fixed - int(base.sum())
    if rest < 0:
        raise ValueError("n_nodes is too small for this many zones; use more nodes or zones=1")
    hosts = np.concatenate([a, c, p])
    w = np.concatenate([np.full(len(a), 2.5), np.ones(len(c)), np.full(len(p), 1.5)])
    k = base + rng.multinomial(rest, w / w.sum())
    home = np.concatenate([np.repeat(e, ent_k), l3, np.repeat(hosts, k)])
    home = home[rng.permutation(n_c)]
    pos = rank_within(home)
    ht = r.ntype[home]
    works = ht != r.ntype[g[0]]
    works &= ~((ht == r.ntype[c[0]]) & (pos > 0) & (rng.random(n_c) < 0.03))
    sub = r.subtype[home]
    rank = np.full(n_c, -1, dtype=np.int64)
    ag = ht == r.ntype[a[0]]
    lead = np.isin(sub, [S["township"], S["county_unit"]])
    rank[ag & (pos == 0)] = np.where(lead[ag & (pos == 0)], 0, 1)
    rank[ag & (pos >= 1) & (pos <= 3)] = 1
    rank[ag & (pos > 3)] = 2
    rank[(ht == r.ntype[c[0]]) & (pos == 0)] = 2
    rank[(ht == r.ntype[p[0]]) & (pos == 0)] = 1
    k_codes = r.codes("cadre")
    r.zone[k_codes] = r.zone[home]
    r.home, r.works, r.pos, r.rank = home, works, pos, rank
    r.young = rng.random(n_c) < 0.15
    r.capable = r.status[home] == NORMAL
