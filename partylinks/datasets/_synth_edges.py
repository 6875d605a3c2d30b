"""Edges of a synthetic region: structure and every tie mechanism (numpy only).

Private helper of :mod:`partylinks.datasets.synthetic`. Edges are built as integer
arrays (global node codes, edge type and role codes, dates as ``datetime64[D]``).

Normal units get ties through at least two carriers that are active on the audit date;
the planted weak units get exactly what their kind says (nothing, or one carrier), and
their own cadres and branches carry no tie.
"""

from __future__ import annotations

import numpy as np

from ._synth_units import FRAGILE, NORMAL, Region, S, T, pick, rank_within

EDGE_TYPES = ("member_of", "works_at", "hosted_by", "reports_to", "located_in",
              "part_time_post", "service_pairing", "council_member", "convenes", "liaison",
              "grid_staff", "co_building", "registers_at", "covers")
E = {t: i for i, t in enumerate(EDGE_TYPES)}
ROLES = ("instructor", "part_time_member", "first_secretary", "coordinator", "policy",
         "support", "head", "full_time", "part_time")
R = {t: i for i, t in enumerate(ROLES)}
NAT = np.datetime64("NaT", "D")
FUTURE = (np.datetime64("2027-01-01", "D"), np.datetime64("2029-12-31", "D"))


class Edges:
    """Accumulates edge batches; :meth:`arrays` concatenates them."""

    def __init__(self, rng: np.random.Generator, start: np.datetime64, as_of: np.datetime64):
        self.rng, self.start, self.as_of = rng, start, as_of
        self.parts: list[tuple] = []

    def dates(self, n: int, lo: np.datetime64, hi: np.datetime64) -> np.ndarray:
        span = max(int((hi - lo).astype(int)), 0)
        return lo + self.rng.integers(0, span + 1, n).astype("timedelta64[D]")

    def add(self, src, dst, etype: str, role=-1, start=None, end=None, *, dated=True,
            ended: float = 0.0, future: float = 0.0) -> None:
        """Add edges; ``dated``: start in [start, as_of - 90 days]; a share ``ended``
        ends before the audit date and a share ``future`` after it (in 2027-2029)."""
        src = np.asarray(src, dtype=np.int64)
        dst = np.asarray(dst, dtype=np.int64)
        n = len(src)
        role = np.broadcast_to(np.asarray(role, dtype=np.int64), (n,))
        if start is None:
            start = (self.dates(n, self.start, self.as_of - 90) if dated
                     else np.full(n, NAT))
        if end is None:
            end = np.full(n, NAT)
            u = self.rng.random(n)
            e = u < ended
            span = (self.as_of - 1 - (start[e] + 30)).astype(int)
            end[e] = start[e] + 30 + (self.rng.random(e.sum()) * span).astype(int)
            f = (u >= ended) & (u < ended + future)
            end[f] = self.dates(int(f.sum()), *FUTURE)
        self.parts.append((src, dst, np.full(n, E[etype]), role, start, end))

    def arrays(self) -> tuple[np.ndarray, ...]:
        cols = [np.concatenate([p[i] for p in self.parts]) for i in range(6)]
        src, dst, et, role = cols[0], cols[1], cols[2], cols[3]
        # drop repeated (source, target, type, role), keeping the first
        n = int(max(src.max(), dst.max())) + 1
        key = ((src * n + dst) * len(EDGE_TYPES) + et) * (len(ROLES) + 1) + role + 1
        order = np.argsort(key, kind="stable")
        k = key[order]
        first = np.ones(len(k), dtype=bool)
        first[1:] = k[1:] != k[:-1]
        keep = np.sort(order[first])
        return tuple(c[keep] for c in cols)


def _k(r: Region, local: np.ndarray) -> np.ndarray:
    return r.offset["cadre"] + local


def structure(ed: Edges, r: Region) -> None:
    """works_at (with some ended earlier jobs), member_of, hosted_by, reports_to,
    located_in."""
    rng, z = ed.rng, r.n_zones
    n_c = r.count["cadre"]
    idx = np.arange(n_c)
    w = idx[r.works]
    w_start = ed.dates(len(w), ed.as_of - 3650, ed.as_of - 120)
    ed.add(_k(r, w), r.home[w], "works_at", start=w_start, end=np.full(len(w), NAT))
    moved = rng.random(len(w)) < 0.03
    hosts = np.concatenate([r.codes(t) for t in ("agency", "community", "enterprise")])
    old = pick(rng, hosts, r.zone[hosts], r.zone[r.home[w[moved]]], z)
    o_end = w_start[moved] - 1
    o_start = o_end - rng.integers(365, 2000, moved.sum()).astype("timedelta64[D]")
    ed.add(_k(r, w[moved]), old, "works_at", start=o_start, end=o_end)
    b = r.codes("branch")
    br = pick(rng, b, r.b_host, r.home, len(r.ntype), fallback=False)
    joint = br < 0  # enterprises with no branch: the branch of their grid
    br[joint] = r.base_branch[r.in_grid[r.home[joint]]]
    ed.add(_k(r, idx), br, "member_of", dated=False)
    ed.add(b, r.b_host, "hosted_by", dated=False)
    has = r.b_parent >= 0
    ed.add(b[has], r.b_parent[has], "reports_to", dated=False)
    for t in ("community", "enterprise", "park"):
        u = r.codes(t)
        ed.add(u, r.in_grid[u], "located_in", dated=False)
    u = r.codes("enterprise")
    u = u[r.in_park[u] >= 0]
    ed.add(u, r.in_park[u], "located_in", dated=False)
    g = r.codes("grid")
    g = g[r.grid_parent[g] >= 0]
    ed.add(g, r.grid_parent[g], "located_in", dated=False)


def ties(ed: Edges, r: Region, weak_share: float, edges_per_node: float) -> dict:
    """Every tie mechanism; returns the planted one-way pairs and team defects."""
    rng, z, n = ed.rng, r.n_zones, len(r.ntype)
    zone, st = r.zone, r.status
    a, p, c, e, g, j = (r.codes(t) for t in ("agency", "park", "community", "enterprise",
                                             "grid", "project"))
    l1, l2, l3 = g[:z], g[z:5 * z], g[5 * z:]
    kc = r.codes("cadre")
    ht = r.ntype[r.home]
    first = np.full(n, -1, dtype=np.int64)          # unit -> its first cadre
    first[r.home[r.pos == 0]] = kc[r.pos == 0]
    able = r.capable & r.works
    comm_n = c[st[c] == NORMAL]
    ent_n = e[st[e] == NORMAL]

    def in_zone(pool, query):
        return pick(rng, pool, zone[pool], zone[query], z)

    def cadre_of(units):  # a random cadre whose home is each unit
        return pick(rng, kc, r.home, units, n, fallback=False)

    # -- mutual part-time appointments (社企互派): instructor one way, member the other
    n_ow = min(len(ent_n), max(1, round(weak_share * len(ent_n))))
    ow = rng.choice(ent_n, n_ow, replace=False)
    reverse = ow[(r.party_members[ow] >= 3) & (rng.random(n_ow) < 0.5)]
    forward = np.setdiff1d(ow, reverse)
    frag = np.flatnonzero(st == FRAGILE)
    kind = np.where(r.ntype[frag] == T["enterprise"], rng.integers(0, 3, len(frag)),
                    rng.integers(1, 3, len(frag)))
    frag_instr = frag[kind == 0]
    with_instr = np.concatenate([np.setdiff1d(ent_n, reverse), frag_instr])
    pair_c = in_zone(comm_n, with_instr)
    ed.add(first[pair_c], with_instr, "part_time_post", R["instructor"])
    back = np.isin(with_instr, ent_n) & ~np.isin(with_instr, forward)
    back_e = np.concatenate([with_instr[back], reverse])
    back_c = np.concatenate([pair_c[back], in_zone(comm_n, reverse)])
    ed.add(cadre_of(back_e), back_c, "part_time_post", R["part_time_member"])
    twice = rng.random(len(back_e)) < 0.3
    ed.add(cadre_of(back_e[twice]), back_c[twice], "part_time_post", R["part_time_member"])
    ag_k = kc[(ht == T["agency"])]
    vil = comm_n[(r.subtype[comm_n] == S["village"]) & (rng.random(len(comm_n)) < 0.3)]
    ed.add(in_zone(ag_k, vil), vil, "part_time_post", R["first_secretary"])

    # -- 1+1+1 teams on key projects
    home_sub = r.subtype[r.home]
    coord_pool = kc[r.works & (r.rank == 1) & (home_sub == S["department"])
                    & r.ent_facing[r.home]]
    policy_pool = kc[r.works & (r.rank == 1) & (home_sub == S["township"])]
    support_pool = kc[able & r.young & (r.rank != 0) & (r.rank != 1)]
    team = np.stack([in_zone(coord_pool, j), in_zone(policy_pool, j),
                     in_zone(support_pool, j)], axis=1)
    n_bad = min(len(j), max(3, round(weak_share * len(j))))
    bad = rng.choice(len(j), n_bad, replace=False)
    defect = np.arange(n_bad) % 3                    # 0 missing, 1 duplicate, 2 expired
    team[bad[defect == 1], 1] = team[bad[defect == 1], 0]
    present = np.ones((len(j), 3), dtype=bool)
    present[bad[defect == 0], rng.integers(0, 3, (defect == 0).sum())] = False
    expired = np.zeros((len(j), 3), dtype=bool)
    expired[bad[defect == 2], rng.integers(0, 3, (defect == 2).sum())] = True
    for k, role in enumerate(("coordinator", "policy", "support")):
        m = present[:, k]
        s_ = ed.dates(int(m.sum()), ed.start, ed.as_of - 120)
        en = np.full(int(m.sum()), NAT)
        fut = rng.random(len(en)) < 0.3
        en[fut] = ed.dates(int(fut.sum()), *FUTURE)
        x = expired[m, k]
        en[x] = ed.as_of - rng.integers(1, 60, x.sum()).astype("timedelta64[D]")
        ed.add(team[m, k], j[m], "service_pairing", R[role], start=s_, end=en)
    lia = rng.random(len(j)) < 0.5
    ed.add(r.home[team[lia, 0] - kc[0]], j[lia], "liaison")

    # -- councils: members and the convenor
    council = r.offset["council"] + zone
    members = np.concatenate([
        comm_n, p, ent_n[rng.random(len(ent_n)) < 0.5], a[:z],
        a[z:][rng.random(len(a) - z) < 0.4], frag[kind == 2]])
    ed.add(members, council[members], "council_member")
    ed.add(first[a[:z]], r.offset["council"] + np.arange(z), "convenes")

    # -- liaisons (挂钩联系/包联)
    dep_k = kc[home_sub == S["department"]]
    targets = np.concatenate([ent_n, comm_n[rng.random(len(comm_n)) < 0.5]])
    ed.add(in_zone(dep_k, targets), targets, "liaison", future=0.1)
    # a fragile unit's only liaison is a township cadre (the township sits on the council)
    ed.add(in_zone(kc[home_sub == S["township"]], frag[kind == 1]), frag[kind == 1], "liaison")
    ed.add(in_zone(kc[r.rank == 0], l2), l2, "liaison")
    dep = a[r.subtype[a] == S["department"]]
    ed.add(in_zone(dep, l2), l2, "liaison")
    ed.add(a[zone[l1]], l1, "liaison")

    # -- grid staff (1+5+N)
    comm_k = kc[able & (ht == T["community"])]
    ed.add(first[a[zone[l1]]], l1, "grid_staff", R["head"])
    ed.add(in_zone(comm_k, np.repeat(l2, 2)), np.repeat(l2, 2), "grid_staff", R["full_time"])
    l3n = l3[st[l3] == NORMAL]
    ed.add(in_zone(comm_k, l3n), l3n, "grid_staff", R["head"])
    reps = np.repeat(l3n, 1 + rng.poisson(2, len(l3n)))
    ed.add(in_zone(kc[able], reps), reps, "grid_staff", R["part_time"], future=0.05)

    # -- co-building: joint branches of grids, community-enterprise and park-enterprise pairs
    small = ent_n[(r.party_members[ent_n] < 3) & (st[r.in_grid[ent_n]] == NORMAL)]
    small = small[rank_within(r.in_grid[small]) < 5]
    ed.add(r.base_branch[r.in_grid[small]], small, "co_building")
    listed = small[: (len(small) + 3) // 4]  # some joint branches also list what they cover
    ed.add(r.base_branch[r.in_grid[listed]], listed, "covers", start=np.full(len(listed), NAT),
           end=np.full(len(listed), NAT))
    hosting = ent_n[r.base_branch[ent_n] >= 0]
    ce = hosting[rng.random(len(hosting)) < 0.3]
    ed.add(r.base_branch[ce], r.base_branch[in_zone(comm_n, ce)], "co_building", ended=0.15)
    pe = hosting[(r.in_park[hosting] >= 0) & (rng.random(len(hosting)) < 0.3)]
    ed.add(r.base_branch[r.in_park[pe]], r.base_branch[pe], "co_building")

    # -- dual registration (双报到)
    sec = kc[(ht == T["grid"]) & r.capable]
    ed.add(sec, in_zone(comm_n, r.home[sec - kc[0]]), "registers_at")
    reg = kc[able & (ht != T["community"]) & (rng.random(len(kc)) < 0.5)]
    ed.add(reg, in_zone(comm_n, reg), "registers_at", ended=0.06)
    ab = r.base_branch[a[rng.random(len(a)) < 0.3]]
    ed.add(ab, in_zone(comm_n, ab), "registers_at")

    # -- more of the same until about edges_per_node edges per node
    deficit = round(edges_per_node * n) - sum(len(q[0]) for q in ed.parts)
    if deficit > 0:
        src = kc[able][rng.integers(0, able.sum(), deficit)]
        which = rng.integers(0, 3, deficit)
        for w, (etype, pool, role) in enumerate((
                ("registers_at", comm_n, -1),
                ("liaison", np.concatenate([ent_n, comm_n]), -1),
                ("grid_staff", l3n, R["part_time"]))):
            s_ = src[which == w]
            # one in ten reaches across zones (county-level work ties the zones together)
            qz = np.where(rng.random(len(s_)) < 0.1, rng.integers(0, z, len(s_)), zone[s_])
            ed.add(s_, pick(rng, pool, zone[pool], qz, z), etype, role, ended=0.08,
                   future=0.1)
    return {"one_way_forward": forward, "one_way_reverse": reverse,
            "fragile_instructor": frag_instr, "team_defect": (j[bad], defect)}
