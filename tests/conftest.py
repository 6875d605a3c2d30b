"""Shared fixtures: tiny hand-drawn graphs built from literal tables."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import partylinks as pl  # noqa: E402


def make_graph(nodes: list[tuple], edges: list[tuple], **kw) -> pl.LinkGraph:
    """Build a graph from ``(id, type[, zone])`` and ``(source, target, type[, role])`` tuples."""
    n = pd.DataFrame([dict(zip(("id", "type", "zone", "name"), r, strict=False)) for r in nodes])
    if "zone" not in n:
        n["zone"] = "Z1"
    cols = ["source", "target", "type", "role", "start", "end"]
    e = pd.DataFrame([dict(zip(cols, r, strict=False)) for r in edges], columns=cols)
    return pl.from_frames(n, e, **kw)


@pytest.fixture
def graph_factory():
    return make_graph
