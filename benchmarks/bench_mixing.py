"""Time the mixing, brokerage, Burt and tie-strength metrics on a large random graph.

A random region of about 300,000 units and 1,000,000 ties, built with ``pl.from_frames``:
units of every type spread over 200 zones; 500,000 cadres, each working at a random unit
(``works_at``) and holding two part-time posts at other random units (``part_time_post``);
30,000 joint events of 2 to 6 units in the last year. Prints one line per step.

Run: ``python benchmarks/bench_mixing.py [--units 300000] [--posts 2] [--seed 0]``
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import partylinks as pl

UNIT_TYPES = ["community", "park", "enterprise", "agency", "council", "project", "grid"]
UNIT_SHARE = [0.15, 0.02, 0.55, 0.05, 0.01, 0.04, 0.18]


def build(n_units: int, n_cadres: int, posts: int, n_events: int, seed: int) -> pl.LinkGraph:
    rng = np.random.default_rng(seed)
    unit_ids = np.char.add("U", np.arange(n_units).astype(str)).astype(object)
    cadre_ids = np.char.add("K", np.arange(n_cadres).astype(str)).astype(object)
    types = rng.choice(UNIT_TYPES, size=n_units, p=UNIT_SHARE)
    zones = np.char.add("Z", rng.integers(0, 200, n_units).astype(str))
    nodes = pd.DataFrame({
        "id": np.concatenate([unit_ids, cadre_ids]),
        "type": np.concatenate([types, np.full(n_cadres, "cadre")]).astype(object),
        "zone": np.concatenate([zones, np.full(n_cadres, "Z0")]).astype(object),
    })
    hosts = np.flatnonzero(np.isin(types, ["community", "park", "enterprise", "agency"]))
    home = rng.choice(hosts, n_cadres)
    # part-time posts at any unit except councils (convenes would be the edge type there)
    targets = np.flatnonzero(types != "council")
    post_to = rng.choice(targets, (n_cadres, posts))
    start = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n_cadres * posts),
                                                          unit="D")
    edges = pd.DataFrame({
        "source": np.concatenate([cadre_ids, np.repeat(cadre_ids, posts)]),
        "target": np.concatenate([unit_ids[home], unit_ids[post_to.ravel()]]),
        "type": ["works_at"] * n_cadres + ["part_time_post"] * (n_cadres * posts),
        "start": np.concatenate([np.full(n_cadres, pd.NaT), start]),
    })
    size = rng.integers(2, 7, n_events)
    members = unit_ids[rng.integers(0, n_units, size.sum())]
    cut = np.cumsum(size)[:-1]
    events = pd.DataFrame({
        "date": pd.Timestamp("2024-12-31") - pd.to_timedelta(rng.integers(0, 365, n_events),
                                                              unit="D"),
        "kind": "joint_meeting",
        "units": [";".join(m) for m in np.split(members, cut)],
    })
    return pl.from_frames(nodes, edges, events)


def timed(label, fn, rows):
    t0 = time.perf_counter()
    out = fn()
    rows.append((label, time.perf_counter() - t0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=300_000)
    ap.add_argument("--cadres", type=int, default=500_000)
    ap.add_argument("--posts", type=int, default=2)
    ap.add_argument("--events", type=int, default=30_000)
    ap.add_argument("--permutations", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()

    rows: list[tuple[str, float]] = []
    g = timed("build graph (pl.from_frames)",
              lambda: build(a.units, a.cadres, a.posts, a.events, a.seed), rows)
    ug = timed("unit graph (projection + CSR)", lambda: pl.graph.unitgraph.unit_graph(g), rows)
    print(f"{ug.n:,} units, {len(ug.ties):,} ties, {len(ug.pairs):,} tied pairs, "
          f"{len(g.events):,} events")
    timed(f"ei_index by sector ({a.permutations} permutations)",
          lambda: pl.metrics.ei_index(g, n_permutations=a.permutations), rows)
    timed(f"ei_index by zone ({a.permutations} permutations)",
          lambda: pl.metrics.ei_index(g, by="zone", n_permutations=a.permutations), rows)
    timed("linkage_matrix by zone", lambda: pl.metrics.linkage_matrix(g, by="zone"), rows)
    b = timed("brokerage by sector (includes triangle listing)",
              lambda: pl.metrics.brokerage(g), rows)
    timed("constraint (triangles cached)", lambda: pl.metrics.constraint(g), rows)
    timed("effective_size", lambda: pl.metrics.effective_size(g), rows)
    timed("tie_strength (90-day window)", lambda: pl.metrics.tie_strength(g), rows)
    print(f"{int(b['total'].sum()):,} brokerage two-paths, "
          f"{len(g.cache['triangles']):,} triangles")
    width = max(len(r[0]) for r in rows)
    print(f"\n{'step':<{width}}  seconds")
    for label, sec in rows:
        print(f"{label:<{width}}  {sec:7.2f}")


if __name__ == "__main__":
    main()
