"""The objective of the suggestion engine and the state of a plan being built.

For a candidate edge c, given the picks so far,

    gain(c) = sum over open findings f of min(part(c, f), 1 - covered(f))
              - opened(c) + w * joins(c)

- ``part(c, f)`` is the share of finding f that c fixes: 1 for a finding one tie fixes
  (an isolated unit, a fragile unit, a one-way appointment, a missing team role, council
  sector or convenor, an uncovered enterprise, a missing grid liaison, a unit far from its
  council), 1/k for a key person who would cut k units off (each unit given a second
  carrier is one part) and 1/d for a ``min_ties`` node d ties short; ``covered(f)`` is what
  the picks so far fixed of it, so a finding is never counted twice;
- ``opened(c)`` counts the findings c would open: a first tie carried by a cadre makes
  the unit fragile and the cadre a key person; a part-time post between a community and an
  enterprise with no post the other way is a one-way appointment;
- ``joins(c)`` is 1 when c ties two components of the unit graph (with the picks so far)
  and ``w`` its weight (default 1).

A unit's state is tracked through its distinct carriers (the cadres or unit-to-unit edges
that tie it): 0 = isolated, 1 = fragile, 2 = safe. These are the audit's own definitions
(:mod:`partylinks.rules`); the plan is checked against the real audit afterwards.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from types import SimpleNamespace

from ._findings import related_list

__all__ = ["Plan"]


class _UnionFind:
    def __init__(self):
        self.p: dict = {}

    def find(self, x):
        p = self.p
        root = x
        while p.get(root, root) != root:
            root = p[root]
        while p.get(x, x) != root:
            p[x], x = root, p[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[ra] = rb


def _finding(rule, kind, node, related, detail):
    """A finding the plan itself would open (keyed like the audit's)."""
    rel = sorted(set(related))
    key = f"{rule.id}:{node}" + (f"[{','.join(rel)}]" if rel else "")
    return SimpleNamespace(key=key, rule=rule.id, kind=kind, node_id=node, related_ids=rel,
                           detail=detail)


def _applies(rule, node_type, zone) -> bool:
    types = rule.params.get("node_types") or []
    return (rule.enabled and (not types or node_type in types)
            and (rule.zones is None or zone in rule.zones))


class Plan:
    """A plan being built greedily: coverage of every open finding, unit carriers,
    components, capacity used."""

    def __init__(self, world, findings, policy, w_join: float = 1.0):
        self.w, self.policy, self.w_join = world, policy, w_join
        self.open = {f.key: f for f in findings.itertuples(index=False)}
        self.covered: dict[str, float] = defaultdict(float)
        self.synthetic: set = set()
        self.by_node: dict = defaultdict(list)
        for f in self.open.values():
            self.by_node[(f.kind, f.node_id)].append(f)
        self.rules = defaultdict(list)
        for r in policy.rules:
            if r.enabled:
                self.rules[r.kind].append(r)
        self.carriers = {}
        self.uf = _UnionFind()
        self.used: Counter = Counter()
        self.edges: set = set()
        self.posts = set(world.posts)
        self._static: dict = {}

    # -- what a candidate does -----------------------------------------------------------
    def _static_parts(self, c) -> list:
        if id(c) in self._static:
            return self._static[id(c)]
        w = self.w
        u, v, carrier = w.projected(c.source, c.target)
        parts = []
        for f in self.by_node.get(("team", c.target), []):
            d = f.detail or {}
            if c.type == "service_pairing" and d.get("issue") in ("missing_role", "expired_role") \
                    and (d.get("missing_role") or d.get("role")) == c.role:
                parts.append((f.key, 1.0))
        for f in self.by_node.get(("composition", c.target), []):
            d = f.detail or {}
            if (c.type == "council_member" and d.get("missing_sector") == w.sector.get(u)) or \
                    (c.type == "convenes" and d.get("issue") == "missing_convenor"):
                parts.append((f.key, 1.0))
        for end, other in ((c.target, c.source), (c.source, c.target)):
            for f in self.by_node.get(("branch_coverage", end), []):
                d = f.detail or {}
                if d.get("issue") != "no_coverage":
                    continue
                joint = (c.type == "co_building" and w.types.get(other) == "branch"
                         and w.unit.get(other) != end)
                small = d.get("party_members") is None or d["party_members"] < d.get("threshold", 3)
                ins = (c.type == "part_time_post" and end == c.target and small
                       and c.role == "instructor")
                if joint or ins:
                    parts.append((f.key, 1.0))
        for f in self.by_node.get(("grid_coverage", c.target), []):
            if c.type != "liaison":
                continue
            issue = (f.detail or {}).get("issue")
            ranks = set(self.policy.rule(f.rule).params["leader_ranks"])
            rank = w.ctx.attr("rank").get(c.source) if w.types.get(c.source) == "cadre" else None
            leader = rank in ranks
            dept = (w.types.get(c.source) == "agency") or (
                w.types.get(c.source) == "cadre" and w.types.get(u) == "agency" and not leader)
            if (issue == "missing_leader" and leader) or (issue == "missing_department" and dept):
                parts.append((f.key, 1.0))
        for x, y in ((u, v), (v, u)):
            for f in self.by_node.get(("reach", x), []):
                targets = set(related_list(f.related_ids))
                if y in targets or any(y in w.members.get(t, ()) for t in targets):
                    parts.append((f.key, 1.0))
            for f in self.by_node.get(("min_ties", x), []):
                p = self.policy.rule(f.rule).params
                inward = x == v
                ok = ((not p["tie_types"] or c.type in p["tie_types"])
                      and (not p["roles"] or c.role in p["roles"])
                      and (p["direction"] == "any" or (p["direction"] == "in") == inward)
                      and (not p["other_types"] or w.types.get(y) in p["other_types"]))
                short = p["min"] - int((f.detail or {}).get("count", 0))
                if ok and short > 0:
                    parts.append((f.key, 1.0 / short))
        self._static[id(c)] = parts
        return parts

    def _carriers(self, x) -> set:
        if x not in self.carriers:
            self.carriers[x] = set(self.w.carriers.get(x, ()))
        return self.carriers[x]

    def _ends(self, c) -> tuple:
        """``(u, v, cadre, {unit: (type, zone)})`` of a candidate, computed once."""
        key = ("ends", id(c))
        if key not in self._static:
            w = self.w
            u, v, cadre = w.projected(c.source, c.target)
            self._static[key] = (u, v, cadre, {x: (w.types.get(x), w.zone(x)) for x in (u, v)})
        return self._static[key]

    def effects(self, c, index: int) -> tuple[list, list, bool]:
        """``(parts, opened, joins)`` of candidate ``c`` given the plan so far."""
        w = self.w
        u, v, cadre, info = self._ends(c)
        carrier = cadre if cadre is not None else f"new:{index}"
        parts = list(self._static_parts(c))
        opened = []
        for x in (u, v):
            have = self._carriers(x)
            if carrier in have:
                continue
            if not have:
                parts += [(f.key, 1.0) for f in self.by_node.get(("isolated", x), [])]
                for r in self.rules["fragile"]:
                    if _applies(r, *info[x]) and \
                            (cadre is not None or not r.params.get("cadre_only", True)):
                        opened.append(_finding(r, "fragile", x, [carrier], {}))
                if cadre is not None and not self.by_node.get(("key_person", cadre)):
                    opened += [_finding(r, "key_person", cadre, [x], {})
                               for r in self.rules["key_person"] if r.params["min_isolated"] > 0]
            elif len(have) == 1:
                (sole,) = have
                for f in self.by_node.get(("fragile", x), []):
                    parts.append((f.key, 1.0))
                for f in self.by_node.get(("key_person", sole), []):
                    rel = related_list(f.related_ids)
                    if x in rel:
                        parts.append((f.key, 1.0 / len(rel)))
        for r in self.rules["reciprocal"]:
            p = r.params
            if c.type not in p["tie_types"] or (p["roles"] and c.role not in p["roles"]):
                continue
            a_t, b_t = p["types"]
            tu, tv = info[u][0], info[v][0]
            if {tu, tv} != {a_t, b_t} or (u, v) in self.posts:
                continue
            a, b = (u, v) if tu == a_t else (v, u)
            if (v, u) in self.posts:
                parts += [(f.key, 1.0) for f in self.by_node.get(("reciprocal", a), [])
                          if (f.detail or {}).get("partner") == b and f.rule == r.id]
            else:
                opened.append(_finding(r, "reciprocal", a, [b, carrier], {"partner": b}))
        joins = self.uf.find(w.comp.get(u)) != self.uf.find(w.comp.get(v))
        return parts, opened, joins

    def valid(self, c) -> bool:
        """The edge is not planned yet and every node it loads has room left."""
        if c.edge in self.edges:
            return False
        return all(self.w.room(k, n, self.used) for k, n in c.caps)

    def gain(self, c, index: int) -> tuple[float, list, list, bool]:
        """``(gain, closes, opened, joins)``: the objective value of adding ``c`` now, the
        open findings it would finish fixing, the ones it would open, whether it joins
        two components."""
        parts, opened, joins = self.effects(c, index)
        total, closes, seen = 0.0, [], defaultdict(float)
        for key, share in parts:
            if key not in self.open:
                continue
            left = 1.0 - self.covered[key] - seen[key]
            got = min(share, max(left, 0.0))
            seen[key] += got
            total += got
            if got > 0 and self.covered[key] + seen[key] >= 1.0 - 1e-9 \
                    and key not in self.synthetic:
                closes.append(key)
        return total - len(opened) + self.w_join * joins, closes, [f.key for f in opened], joins

    def apply(self, c, index: int) -> tuple[float, list, list, bool]:
        """Add ``c`` to the plan; returns what :meth:`gain` returned for it."""
        out = self.gain(c, index)
        parts, opened, _ = self.effects(c, index)
        for key, share in parts:
            if key in self.open:
                self.covered[key] = min(1.0, self.covered[key] + share)
        w = self.w
        u, v, cadre = w.projected(c.source, c.target)
        carrier = cadre if cadre is not None else f"new:{index}"
        for x in (u, v):
            have = self._carriers(x)
            if len(have) < 2:
                have.add(carrier)
        for f in opened:
            self.synthetic.add(f.key)
            self.open[f.key] = f
            self.by_node[(f.kind, f.node_id)].append(f)
        if c.type == "part_time_post":
            self.posts.add((u, v))
        self.uf.union(w.comp.get(u), w.comp.get(v))
        self.edges.add(c.edge)
        for k, n in c.caps:
            if k is not None:
                self.used[(k, n)] += 1
        return out
