"""Random typed graphs for property tests of the structure metrics, and their unit graphs
rebuilt with networkx straight from the tie table."""

from __future__ import annotations

import warnings

import networkx as nx
import pandas as pd
from hypothesis import strategies as st

import partylinks as pl

UNIT_TYPES = ["community", "enterprise", "park", "agency", "council"]
HOSTS = ["community", "enterprise", "park", "agency"]


@st.composite
def typed_graphs(draw, max_units: int = 9, max_cadres: int = 6, dated: bool = False):
    """Units of mixed types in two zones, cadres working at host units, and random
    part_time_post / liaison / co_building / council_member edges (optionally dated)."""
    n = draw(st.integers(1, max_units))
    types = draw(st.lists(st.sampled_from(UNIT_TYPES), min_size=n, max_size=n))
    zones = draw(st.lists(st.sampled_from(["Z1", "Z2"]), min_size=n, max_size=n))
    units = [f"U{i}" for i in range(n)]
    nodes = [{"id": u, "type": t, "zone": z, "name": f"unit {u}"}
             for u, t, z in zip(units, types, zones, strict=True)]
    hosts = [u for u, t in zip(units, types, strict=True) if t in HOSTS]
    edges = []
    cadres = []
    if hosts:
        for j in range(draw(st.integers(0, max_cadres))):
            k = f"K{j}"
            cadres.append(k)
            nodes.append({"id": k, "type": "cadre", "zone": "Z1", "name": f"cadre {j}"})
            edges.append({"source": k, "target": draw(st.sampled_from(hosts)),
                          "type": "works_at"})
    liaison_targets = [u for u, t in zip(units, types, strict=True)
                       if t in ("community", "enterprise")]
    councils = [u for u, t in zip(units, types, strict=True) if t == "council"]
    for _ in range(draw(st.integers(0, 3 * n))):
        kind = draw(st.sampled_from(["post", "post", "liaison", "co_building", "member"]))
        if kind == "post" and cadres:
            e = {"source": draw(st.sampled_from(cadres)), "target": draw(st.sampled_from(units)),
                 "type": "part_time_post"}
        elif kind == "liaison" and cadres and liaison_targets:
            e = {"source": draw(st.sampled_from(cadres)),
                 "target": draw(st.sampled_from(liaison_targets)), "type": "liaison"}
        elif kind == "co_building" and n >= 2:
            a, b = draw(st.lists(st.sampled_from(units), min_size=2, max_size=2, unique=True))
            e = {"source": a, "target": b, "type": "co_building"}
        elif kind == "member" and councils:
            src = draw(st.sampled_from([u for u in units if u not in councils] or units))
            tgt = draw(st.sampled_from(councils))
            if src == tgt:
                continue
            e = {"source": src, "target": tgt, "type": "council_member"}
        else:
            continue
        if dated and draw(st.booleans()):
            e["start"], e["end"] = draw(st.sampled_from([
                ("2020-01-01", None), ("2020-01-01", "2021-06-30"), ("2023-01-01", None),
                ("2023-01-01", "2024-12-31")]))
        edges.append(e)
    cols = ["source", "target", "type", "start", "end"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pl.from_frames(pd.DataFrame(nodes), pd.DataFrame(edges, columns=cols))


def unit_ids(g) -> list[str]:
    return sorted(g.sector.index.astype(str))


def unit_nx(g, drop=None) -> nx.Graph:
    """The unit graph from ``g.ties()`` (rows where ``drop`` is True left out)."""
    G = nx.Graph()
    G.add_nodes_from(unit_ids(g))
    t = g.ties()
    if drop is not None:
        t = t[~drop]
    G.add_edges_from(zip(t["u"].astype(str), t["v"].astype(str), strict=True))
    return G
