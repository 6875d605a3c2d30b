"""Time the structure metrics on a synthetic unit graph, next to networkx.

Builds, with :func:`partylinks.from_frames`, a random region of UNITS units (communities,
enterprises, parks, agencies) and CADRES cadres, each working at one unit and holding
POSTS part-time posts at random units, so about CADRES * POSTS ties. Then times
``components``, ``bridges``, ``articulation_units`` and ``key_person_risk`` (each from a
cold cache except the unit graph, which is built once and timed on its own), and the
same connectivity questions asked of networkx on the simple unit graph.

Run::

    python benchmarks/bench_structure.py            # 300,000 units, ~1,000,000 ties
    python benchmarks/bench_structure.py --units 30000 --cadres 25000

Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import time
import warnings

import networkx as nx
import numpy as np
import pandas as pd

import partylinks as pl
from partylinks.graph.unitgraph import unit_graph


def build(units: int, cadres: int, posts: int, seed: int = 0) -> pl.LinkGraph:
    rng = np.random.default_rng(seed)
    types = rng.choice(["community", "enterprise", "park", "agency"], size=units,
                       p=[0.3, 0.55, 0.05, 0.1])
    uid = np.char.add("U", np.arange(units).astype(str)).astype(object)
    kid = np.char.add("K", np.arange(cadres).astype(str)).astype(object)
    nodes = pd.DataFrame({
        "id": np.concatenate([uid, kid]),
        "type": np.concatenate([types, np.full(cadres, "cadre")]),
        "zone": np.concatenate([rng.integers(0, 200, units), rng.integers(0, 200, cadres)]),
    })
    nodes["zone"] = "Z" + nodes["zone"].astype(str)
    home = rng.integers(0, units, cadres)
    post_k = np.repeat(np.arange(cadres), posts)
    post_u = rng.integers(0, units, cadres * posts)
    edges = pd.DataFrame({
        "source": np.concatenate([kid, kid[post_k]]),
        "target": np.concatenate([uid[home], uid[post_u]]),
        "type": np.concatenate([np.full(cadres, "works_at"),
                                np.full(cadres * posts, "part_time_post")]),
    })
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pl.from_frames(nodes, edges)


def timed(label: str, rows: list, fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    rows.append((label, time.perf_counter() - t))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=300_000)
    ap.add_argument("--cadres", type=int, default=250_000)
    ap.add_argument("--posts", type=int, default=4)
    ap.add_argument("--no-networkx", action="store_true")
    a = ap.parse_args()

    rows: list[tuple[str, float]] = []
    g = timed("build graph (pl.from_frames)", rows, build, a.units, a.cadres, a.posts)
    ug = timed("unit graph (projection + CSR)", rows, unit_graph, g)
    facts = {}
    for name in ("components", "bridges", "articulation_units", "key_person_risk"):
        g.cache.pop("biconnectivity", None)  # each from cold, the unit graph aside
        facts[name] = timed(f"pl.metrics.{name}", rows, getattr(pl.metrics, name), g)
    n_comp = int(facts["components"].max()) + 1
    if not a.no_networkx:
        G = timed("networkx: build Graph from pairs", rows, _nx_graph, ug)
        nc = timed("nx.number_connected_components", rows, nx.number_connected_components, G)
        nb = timed("nx.bridges", rows, lambda: sum(1 for _ in nx.bridges(G)))
        na = timed("nx.articulation_points", rows,
                   lambda: sum(1 for _ in nx.articulation_points(G)))
        assert nc == n_comp and nb == len(facts["bridges"])
        assert na == len(facts["articulation_units"])

    print(f"{ug.n:,} units, {len(ug.ties):,} ties, {len(ug.pairs):,} unit pairs, "
          f"{n_comp:,} components, {len(facts['bridges']):,} bridges, "
          f"{len(facts['articulation_units']):,} articulation units, "
          f"{len(facts['key_person_risk']):,} cadres ranked")
    width = max(len(r[0]) for r in rows)
    print(f"{'step':<{width}}  seconds")
    for label, sec in rows:
        print(f"{label:<{width}}  {sec:7.2f}")


def _nx_graph(ug) -> nx.Graph:
    G = nx.Graph()
    G.add_nodes_from(range(ug.n))
    G.add_edges_from(zip(ug.pairs["a"].tolist(), ug.pairs["b"].tolist(), strict=True))
    return G


if __name__ == "__main__":
    main()
