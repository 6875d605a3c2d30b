"""Candidate new edges for the suggestion engine, generated from the open findings.

For every open finding that a new tie can fix, a few (``m``) concrete edges are proposed,
each between nodes that qualify under the rule that raised it and have spare capacity
(:data:`partylinks.change._world.DEFAULT_CAPACITY`), same zone first, then the fewest
posts already held, then by id:

- an isolated or fragile unit, a key person's dependent unit, a unit of a small component:
  council membership of its zone's council, or co-building with one of the most tied
  units of its zone in the main component;
- a unit too far from its zone council (reach): membership of that council;
- a one-way appointment (reciprocal): a cadre of the unit that must send the missing post
  takes it (part-time member at the community, or instructor at the enterprise);
- a project team missing a role, or whose holder's term expired: a qualifying cadre
  (coordinator: section-rank cadre of an enterprise-facing agency; policy: section-rank
  cadre of a township of the project's zone; support: a young cadre of an agency), not on
  the team (so never a person of the unit the project serves);
- a council missing a sector: a unit of that sector (of the council's zone; of any zone
  only when the zone has none); missing its convenor: a county-rank cadre;
- an uncovered enterprise (branch coverage) below the member threshold: co-building with
  a branch hosted by another unit of its zone (a joint branch), or an instructor; one with
  3 or more members needs a branch of its own, which no new tie founds;
- a grid without its leader or department liaison: a county-rank cadre or a department;
- a ``min_ties`` gap: an edge of the rule's first tie type from a node of the zone;
- an unmet need (``needs``): co-building with the unit the finding names, whose
  resources list meets the need.

Findings no new tie can fix (a missing joint meeting, a branch to split, an appointment to
change, a branch or party group to found) are returned with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..rules.teams import _qualifies
from ._pools import Pools

__all__ = ["Candidate", "generate", "UNFIXABLE"]

UNFIXABLE = {
    "meeting_frequency": "chg_na_meeting",
    "joint_too_many_units": "chg_na_split",
    "too_many_members": "chg_na_split",
    "duplicate_cadre": "chg_na_replace",
    "unqualified": "chg_na_replace",
    "missing_branch": "chg_na_branch",
    "missing_branch_or_group": "chg_na_branch",
    "own_branch_due": "chg_na_branch",
    "served_unit": "chg_na_replace",
    "unchecked": "chg_na_unchecked",
}
"""Finding kind or ``detail["issue"]`` -> message key of why no new tie can fix it."""


@dataclass
class Candidate:
    """One proposed edge and what it is for."""

    source: str
    target: str
    type: str
    role: str | None
    caps: tuple
    needs: set = field(default_factory=set)
    order: int = 0

    @property
    def edge(self) -> tuple:
        return (self.source, self.target, self.type)


class _Gen(Pools):
    def __init__(self, world, policy, m: int):
        self.w, self.policy, self.m = world, policy, m
        self.out: dict[tuple, Candidate] = {}
        self.cad = world.cadres
        self._cache: dict = {}

    # -- helpers ------------------------------------------------------------------------
    def add(self, source, target, etype, role, caps, need):
        w = self.w
        et = w.g.schema.edge_types.get(etype)
        if et is None or w.types.get(source) not in et.sources \
                or w.types.get(target) not in et.targets or source == target:
            return
        u, v, _ = w.projected(source, target)
        if u is None or v is None or u == v:
            return
        key = (source, target, etype, role)
        if key not in self.out:
            self.out[key] = Candidate(source, target, etype, role, tuple(caps), order=len(self.out))
        self.out[key].needs.add(need)

    # -- needs --------------------------------------------------------------------------
    def tie_in(self, x, need, avoid_tied=False):
        """Council membership in the zone, or co-building with a well-tied unit."""
        w = self.w
        z = w.zone(x)
        tied = self.neighbours(x) if avoid_tied else set()
        # the zone's councils; a zone without one: the councils of the other zones
        local = w.councils.get(z, [])
        pool = local or sorted(c for cs in w.councils.values() for c in cs)
        councils = [c for c in pool if x not in w.members.get(c, ())][:max(len(local), self.m)]
        if w.types.get(x) != "council" and w.room("council_member", x):
            for c in councils:
                self.add(x, c, "council_member", None, [("council_member", x)], need)
        n_hubs = 1 if councils else self.m
        for h in w.hubs(z, {x} | tied, n_hubs + len(tied)):
            if w.room("co_building", h) and w.room("co_building", x):
                self.add(x, h, "co_building", None, [("co_building", x), ("co_building", h)],
                         need)

    def reciprocal(self, f, rule):
        p = rule.params
        a_type, b_type = p["types"]
        d = f.detail or {}
        a, b = f.node_id, d.get("partner")
        if b is None:
            return
        roles = list(p["suggest_roles"]) + [None, None]
        if d.get("missing") == f"{b_type}->{a_type}":
            sender, receiver, role = b, a, roles[1]
        else:
            sender, receiver, role = a, b, roles[0]
        caps = ["part_time_post"] + (["instructor"] if role == "instructor" else [])
        for k in self.best(self.cadres_of(sender), caps[-1], self.w.zone(sender)):
            if all(self.w.room(c, k) for c in caps):
                self.add(k, receiver, p["tie_types"][0], role, [(c, k) for c in caps], f.key)

    def team(self, f, rule):
        d = f.detail or {}
        role = d.get("missing_role") or d.get("role")
        p, w = f.node_id, self.w
        pool = self.cached(("qualified", role),
                           lambda: self.cad["id"][_qualifies(self.cad, role)])
        etype = rule.params["tie_type"]
        anywhere = role != "policy"          # the township cadre comes from the zone
        if not anywhere:
            pool = self.in_zone(("qualified", role), pool, w.zone(p))
        for k in self.best(pool, etype, w.zone(p), exclude=self.into(p, etype),
                           anywhere=anywhere):
            self.add(k, p, etype, role, [(etype, k)], f.key)

    def composition(self, f):
        d = f.detail or {}
        c, w = f.node_id, self.w
        if d.get("issue") == "missing_convenor":
            pool = self.cached("county", lambda: self.cad["id"][
                (self.cad["rank"] == "county").to_numpy()])
            for k in self.best(pool, "convenes", w.zone(c)):
                self.add(k, c, "convenes", None, [("convenes", k)], f.key)
            return
        sec = d.get("missing_sector")
        units = self.cached(("sector", sec), lambda: w.sector.index[(w.sector == sec).to_numpy()])
        members = w.members.get(c, set())
        pick = self.best(self.in_zone(("sector", sec), units, w.zone(c)), "council_member",
                         w.zone(c), exclude=members, anywhere=False)
        if not pick:
            pick = self.best(units, "council_member", w.zone(c), exclude=members)
        for u in pick:
            self.add(u, c, "council_member", None, [("council_member", u)], f.key)

    def coverage(self, f, rule):
        d, e, w = f.detail or {}, f.node_id, self.w
        groups = tuple(rule.params["group_subtypes"])

        def eligible():
            br = w.ctx.of_type("branch")
            host = w.unit_s.reindex(br)
            sub = w.ctx.attr("subtype").reindex(br)
            keep = host.notna().to_numpy() & ~sub.isin(groups).to_numpy()
            return pd.Series(host.to_numpy()[keep], index=br[keep])

        pm, thr = d.get("party_members"), d.get("threshold", 3)
        if pm is not None and pm >= thr:
            return  # 3 or more members: its own branch, which no new tie founds
        hosts = self.cached(("branches", groups), eligible)
        local = [b for b in self.in_zone(("branches", groups), hosts.index, w.zone(e))
                 if hosts[b] != e]
        joint = w.load_by["co_building"].index
        for b in self.best(local, "co_building", w.zone(e), anywhere=False,
                           first=joint[joint.isin(local)]):
            self.add(b, e, "co_building", None, [("co_building", b)], f.key)
        role = (rule.params["instructor_roles"] or ["instructor"])[0]
        pool = self.cached("community_cadres", lambda: self.cad[
            (self.cad["home_type"] == "community").to_numpy()])
        lead = self.cached("community_leads", lambda: pool["id"][
            pool["rank"].isin(["section", "county"]).to_numpy()])
        local = self.in_zone("community_cadres", pool["id"], w.zone(e))
        for k in self.best(local, "instructor", w.zone(e), anywhere=False,
                           first=lead[lead.isin(local)]):
            if w.room("part_time_post", k):
                self.add(k, e, "part_time_post", role,
                         [("instructor", k), ("part_time_post", k)], f.key)

    def grid(self, f, rule):
        d, gd, w = f.detail or {}, f.node_id, self.w
        ranks = list(rule.params["leader_ranks"])
        if d.get("issue") == "missing_leader":
            pool = self.cad["id"][self.cad["rank"].isin(ranks).to_numpy()]
        else:
            ag = w.ctx.of_type("agency")
            dept = ag[(w.ctx.attr("subtype").reindex(ag) == "department").to_numpy()]
            pool = dept if len(dept) else ag
        for k in self.best(pool, "liaison", w.zone(gd)):
            self.add(k, gd, "liaison", None, [("liaison", k)], f.key)

    def min_ties(self, f, rule):
        p, x, w = rule.params, f.node_id, self.w
        if not p["tie_types"]:
            return
        etype = p["tie_types"][0]
        et = w.g.schema.edge_types[etype]
        role = p["roles"][0] if p["roles"] else None
        xt = w.types.get(x)
        inward = p["direction"] == "in" or (p["direction"] == "any" and xt in et.targets)
        cap = etype if etype in w.capacity else None
        ends = et.sources if inward else et.targets
        if p["other_types"]:
            ends = [t for t in ends if t in p["other_types"] or t == "cadre"]
        if "cadre" in ends and inward:
            pool = self.in_zone("cadres", self.cad["id"], w.zone(x))
            exclude = self.cadres_of(x)
        else:
            key = ("of_type", tuple(sorted(ends)))
            pool = self.in_zone(key, self.cached(key, lambda: w.ctx.of_type(*ends)), w.zone(x))
            exclude = [x]
        for k in self.best(pool, cap, w.zone(x), exclude=exclude, anywhere=False):
            s, t = (k, x) if inward else (x, k)
            self.add(s, t, etype, role, [(cap, k if inward else x)], f.key)

    def new_only(self) -> list[Candidate]:
        """The candidates whose source, target and type are not already in the data."""
        cands = list(self.out.values())
        if not cands:
            return cands
        e = self.w.g.edges
        types = {c.type for c in cands}
        e = e[e["type"].isin(types).to_numpy()]
        have = pd.MultiIndex.from_arrays([e["source"].astype(object), e["target"].astype(object),
                                          e["type"].astype(object)])
        mine = pd.MultiIndex.from_tuples([c.edge for c in cands])
        old = mine.isin(have)
        return [c for c, o in zip(cands, old, strict=True) if not o]


def generate(world, findings, policy, m: int = 3) -> tuple[list[Candidate], dict[str, str]]:
    """Candidates for the open ``findings`` (keyed) and for the small components.

    Returns the candidates (in generation order) and, for every finding that no new
    tie can fix, the message key of the reason.
    """
    gen = _Gen(world, policy, m)
    unfixable = {}
    for f in findings.itertuples(index=False):
        rule = policy.rule(f.rule)
        issue = (f.detail or {}).get("issue") if isinstance(f.detail, dict) else None
        why = UNFIXABLE.get(issue) or UNFIXABLE.get(f.kind)
        if f.kind == "branch_coverage" and issue == "no_coverage" and (
                (f.detail.get("party_members") or 0) >= f.detail.get("threshold", 3)):
            why = "chg_na_branch"  # the 3-member rule: its own branch, not a joint one
        if why:
            unfixable[f.key] = why
            continue
        if f.kind == "isolated":
            gen.tie_in(f.node_id, f.key)
        elif f.kind == "fragile":
            gen.tie_in(f.node_id, f.key, avoid_tied=True)
        elif f.kind == "key_person":
            for x in f.related_ids:
                gen.tie_in(x, f.key, avoid_tied=True)
        elif f.kind == "reach":
            for c in f.related_ids:
                if world.room("council_member", f.node_id):
                    gen.add(f.node_id, c, "council_member", None,
                            [("council_member", f.node_id)], f.key)
        elif f.kind == "reciprocal":
            gen.reciprocal(f, rule)
        elif f.kind == "team":
            gen.team(f, rule)
        elif f.kind == "composition":
            gen.composition(f)
        elif f.kind == "branch_coverage":
            gen.coverage(f, rule)
        elif f.kind == "grid_coverage":
            gen.grid(f, rule)
        elif f.kind == "min_ties":
            gen.min_ties(f, rule)
        elif f.kind == "needs":  # co-build with the unit whose resources meet the need
            c = (f.detail or {}).get("candidate")
            if c and world.room("co_building", c):
                gen.add(f.node_id, c, "co_building", None, [("co_building", c)], f.key)
    # units of the small components (an isolated unit is a component of its own)
    by_comp: dict[int, list] = {}
    for u, c in world.comp.items():
        if c != world.largest and world.comp_size[c] <= 20:
            by_comp.setdefault(c, []).append(u)
    for units in by_comp.values():
        for u in sorted(units)[:m]:
            gen.tie_in(u, "component")
    return gen.new_only(), unfixable
