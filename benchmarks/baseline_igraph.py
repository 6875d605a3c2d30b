"""Components, bridges and articulation points of the unit graph with igraph.

The compiled-library reference of the benchmark: the simple undirected unit graph that
partylinks builds (``partylinks.graph.unitgraph.unit_graph(g, as_of).pairs``, saved
by the partylinks run as ``unit_pairs.npz``) is handed to igraph (C core), and the same
three questions are timed. Needs the ``bench`` extra: ``pip install -e ".[bench]"``.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np


def run(pairs_file: str | Path, report) -> None:
    """Time igraph on the saved unit graph; ``report(phase, seconds, counts)``."""
    try:
        import igraph as ig
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("igraph is needed: pip install -e '.[bench]'") from exc
    data = np.load(pairs_file)
    n, a, b = int(data["n"]), data["a"], data["b"]
    t = time.perf_counter()
    g = ig.Graph(n=n, edges=np.column_stack([a, b]), directed=False)
    report("unit graph", time.perf_counter() - t, {"units": n, "pairs": len(a)})
    t = time.perf_counter()
    isolated = int((np.asarray(g.degree()) == 0).sum())
    report("isolated and fragile", time.perf_counter() - t, {"isolated": isolated})
    t = time.perf_counter()
    n_comp = len(g.connected_components())
    report("components", time.perf_counter() - t, {"components": n_comp})
    t = time.perf_counter()
    n_bridges = len(g.bridges())
    t_bridges = time.perf_counter() - t
    report("bridges", t_bridges, {"bridges": n_bridges})
    t = time.perf_counter()
    n_art = len(g.articulation_points())
    t_art = time.perf_counter() - t
    report("articulation points", t_art, {"articulation_points": n_art})
    # igraph answers the two questions with two passes; partylinks with one
    report("bridges + articulation (algorithm)", t_bridges + t_art, {})
