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


_WATCHED_RC = ("text.parse_math", "font.family", "svg.fonttype", "pdf.fonttype",
               "axes.unicode_minus")


@pytest.fixture(autouse=True)
def _charts_leave_rcparams_alone(request):
    """No function of the library may change the user's global matplotlib settings.

    Not checked around the browser tests: their server draws charts in its own threads
    while the test runs, inside the (serialized) chart context."""
    if "test_browser" in request.node.nodeid:
        yield
        return
    before = {k: matplotlib.rcParams[k] for k in _WATCHED_RC}
    yield
    after = {k: matplotlib.rcParams[k] for k in _WATCHED_RC}
    changed = {k: (before[k], after[k]) for k in _WATCHED_RC if before[k] != after[k]}
    matplotlib.rcParams.update(before)
    assert not changed, f"global rcParams changed: {changed}"
