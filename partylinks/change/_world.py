"""What the suggestion engine knows about a graph on one date: who is where, who holds how
many posts, which units are tied through whom, and the open findings.

Built once per :func:`partylinks.suggest` call from the audit's own lookups
(:class:`partylinks.rules.AuditContext`), so candidates qualify exactly as the rules say.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from ..graph.unitgraph import unit_graph
from ..rules import AuditContext
from ..rules._candidates import cadre_table

__all__ = ["World", "DEFAULT_CAPACITY", "check_capacity"]

DEFAULT_CAPACITY: dict[str, int] = {
    "instructor": 3,
    "part_time_post": 3,
    "service_pairing": 2,
    "liaison": 2,
    "convenes": 1,
    "council_member": 2,
    "co_building": 5,
    "grid_staff": 2,
    "registers_at": 1,
}
"""The most posts of each kind one node may hold once the plan is carried out (active edges
already held count): ``instructor`` enterprises a (community) cadre instructs,
``part_time_post`` part-time posts of any role a cadre holds, ``service_pairing`` 1+1+1
pairings a cadre holds, ``liaison`` units or grids a cadre or agency liaises with,
``convenes`` councils a leader convenes, ``council_member`` councils a unit belongs to,
``co_building`` co-building partners of a branch or unit (so a joint branch covers at most
5 units, the default policy's limit), ``grid_staff`` grids a cadre staffs,
``registers_at`` communities a cadre or branch registers at (双报到)."""


def check_capacity(capacity: dict | None) -> dict[str, int]:
    """The default capacities overridden by ``capacity`` (unknown keys are an error)."""
    out = dict(DEFAULT_CAPACITY)
    for k, v in (capacity or {}).items():
        if k not in DEFAULT_CAPACITY:
            raise ValueError(f"unknown capacity {k!r}; known: {sorted(DEFAULT_CAPACITY)}")
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ValueError(f"capacity {k!r} must be a whole number >= 0, got {v!r}")
        out[k] = v
    return out


class World:
    """Lookups over ``g`` on ``as_of`` for candidate generation and the objective.

    Attributes
    ----------
    ctx : AuditContext
    unit : dict
        Node id -> its unit id (a unit itself, a branch's host, a cadre's home unit).
    comp : dict
        Unit id -> component label in the unit graph.
    carriers : dict
        Unit id -> set of its distinct carriers (at most two are kept: enough to tell
        isolated, fragile and safe apart).
    load_by : dict of str -> Series
        Capacity key -> posts held now (active edges) per node id.
    members : dict
        Council id -> set of member unit ids (active council_member ties).
    posts : set
        ``(u, v)`` unit pairs joined by an active part_time_post tie from u to v.
    """

    def __init__(self, g, as_of: pd.Timestamp, lang: str, capacity: dict[str, int]):
        self.g = g
        self.ctx = ctx = AuditContext(g, as_of, lang)
        self.capacity = capacity
        gs = ctx.g
        self.types = ctx.types
        self.zones = ctx.zones
        self.names = ctx.names
        self.sector = ctx.sector
        uo = gs.unit_of
        self.unit_s = uo[uo.notna()]
        self.unit = self.unit_s.to_dict()
        zs = ctx.zones
        self.zone_s = zs.where(zs.notna(), uo.map(zs))
        ug = unit_graph(gs)
        self.ug = ug
        self.uidx = dict(zip(ug.ids, range(ug.n), strict=True))
        _, lab = connected_components(ug.adj, directed=False)
        self.comp = dict(zip(ug.ids, lab.tolist(), strict=True))
        sizes = np.bincount(lab) if len(lab) else np.array([0])
        self.largest = int(np.argmax(sizes)) if len(lab) else -1
        self.comp_size = dict(enumerate(sizes.tolist()))
        self.degree = dict(zip(ug.ids, ug.degree().tolist(), strict=True))
        t = ug.ties
        car = t["carrier"].to_numpy(dtype=object)
        long = pd.DataFrame({"u": np.concatenate([ug.ids[t["a"].to_numpy()],
                                                  ug.ids[t["b"].to_numpy()]]),
                             "c": np.concatenate([car, car])}).drop_duplicates()
        two = long.groupby("u", sort=False).head(2)
        self.carriers: dict[str, set] = defaultdict(set)
        self.carriers.update(two.groupby("u", sort=False)["c"].agg(set).to_dict())
        e = gs.edges
        src = e["source"].astype(object).to_numpy()
        dst = e["target"].astype(object).to_numpy()
        et = e["type"].astype(object).to_numpy()
        role = e["role"].to_numpy(dtype=object)
        self.load_by: dict[str, pd.Series] = {}
        for k in capacity:
            m = et == ("part_time_post" if k == "instructor" else k)
            if k == "instructor":
                m &= role == "instructor"
            ends = [src[m], dst[m]] if k == "co_building" else [src[m]]
            self.load_by[k] = pd.Series(np.concatenate(ends), dtype=object).value_counts()
        self._load = {k: v.to_dict() for k, v in self.load_by.items()}
        ties = ctx.ties
        cm = ties[(ties["tie_type"] == "council_member").to_numpy()]
        self.members: dict[str, set] = defaultdict(set)
        self.members.update(cm.groupby("v")["u"].agg(set).to_dict())
        pt = ties[(ties["tie_type"] == "part_time_post").to_numpy()]
        self.posts = set(zip(pt["u"], pt["v"], strict=True))
        self.cadres = cadre_table(ctx).set_index("id", drop=False)
        self.cadres = self.cadres[self.cadres["home"].notna()]
        self.councils: dict[str, list] = defaultdict(list)
        for c in sorted(ctx.of_type("council")):
            self.councils[self.zones.get(c)].append(c)

    # -- lookups ----------------------------------------------------------------------
    def zone(self, node: str):
        """Zone of a node (a cadre without one: the zone of the home unit)."""
        z = self.zone_s.get(node)
        return None if z is None or pd.isna(z) else z

    def load(self, key: str | None, node: str) -> int:
        """Posts of kind ``key`` that ``node`` holds now."""
        return 0 if key is None else self._load[key].get(node, 0)

    def name(self, node: str) -> str:
        n = self.names.get(node)
        return node if n is None or pd.isna(n) else str(n)

    def hubs(self, zone, exclude: set, k: int) -> list[str]:
        """Up to ``k`` units of ``zone`` in the largest component (councils left out), most
        tied partners first, then by id."""
        if not hasattr(self, "_hubs"):
            ug = self.ug
            ids = ug.ids
            z = self.zones.reindex(ids).to_numpy()
            t = self.types.reindex(ids).to_numpy()
            lab = np.array([self.comp[u] for u in ids])
            ok = (lab == self.largest) & (t != "council")
            order = np.lexsort((ids.astype(str), -ug.degree()))
            self._hubs: dict = defaultdict(list)
            for i in order[ok[order]]:
                self._hubs[z[i]].append(ids[i])
        out = []
        for u in self._hubs.get(zone, []):
            if u not in exclude:
                out.append(u)
                if len(out) == k:
                    break
        return out

    def room(self, key: str | None, node: str, planned: Counter | None = None) -> bool:
        """True when ``node`` may take one more post of kind ``key``."""
        if key is None:
            return True
        used = self.load(key, node) + (planned[(key, node)] if planned else 0)
        return used < self.capacity[key]

    def projected(self, source: str, target: str) -> tuple:
        """``(U, V, carrier)``: the units a new edge would tie and who carries it (the
        cadre, or ``None`` for a unit-to-unit edge, which is its own carrier)."""
        carrier = source if self.types.get(source) == "cadre" else None
        return self.unit.get(source), self.unit.get(target), carrier
