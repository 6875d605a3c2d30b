"""Every chart kind on every sample, the house graph and the rare-character graph: no
missing glyph, nothing drawn outside the figure, rcParams untouched."""

from __future__ import annotations

import matplotlib
import pytest
from chart_helpers import RARE_EDGES, RARE_NODES, no_missing_glyphs
from matplotlib.text import Text

import partylinks as pl
from partylinks import plot

GRAPHS = ["house", "rare", "yongchun", "quanzhou_etdz", "shishi_pengtian"]
KINDS = ["network", "network_cadres", "network_en", "matrix", "coverage", "score"]


def _graph(name, graph_factory):
    if name == "house":
        return pl.datasets.house()
    if name == "rare":
        return graph_factory(RARE_NODES, RARE_EDGES)
    return pl.datasets.load_sample(name)


def _draw(kind, g):
    as_of = "2025-06-30"
    if kind == "network":
        return plot.plot_network(g, as_of=as_of)
    if kind == "network_cadres":
        return plot.plot_network(g, as_of=as_of, show_cadres=True, labels=True)
    if kind == "network_en":
        return plot.plot_network(g, as_of=as_of, lang="en", show_cadres=True)
    if kind == "matrix":
        return plot.plot_linkage_matrix(g, by="zone", as_of=as_of)
    if kind == "coverage":
        return plot.plot_coverage(pl.audit(g, as_of=as_of, lang="en"))
    return plot.plot_score_distribution(g, as_of=as_of)


def _texts(fig):
    """Every text a renderer draws: texts, titles, legends, and the tick and axis labels
    of the Axes whose axis is on."""
    for ax in fig.axes:
        parts = list(ax.texts) + [ax.title, ax._left_title, ax._right_title]  # noqa: SLF001
        if ax.axison:
            parts += ax.get_xticklabels() + ax.get_yticklabels()
            parts += [ax.xaxis.label, ax.yaxis.label]
        if ax.get_legend() is not None:
            parts.append(ax.get_legend())
        for artist in parts:
            if isinstance(artist, Text) and (not artist.get_visible() or not artist.get_text()):
                continue
            yield artist


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", GRAPHS)
def test_chart_renders_whole_and_legible(name, kind, graph_factory, tmp_path):
    g = _graph(name, graph_factory)
    before = dict(matplotlib.rcParams)
    with no_missing_glyphs():
        ax = _draw(kind, g)
        fig = ax.figure
        fig.savefig(tmp_path / "chart.png", dpi=80)   # outside any rc context
    assert dict(matplotlib.rcParams) == before
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    outside = []
    for artist in _texts(fig):
        bb = artist.get_window_extent(renderer)
        if bb.x0 < box.x0 - 2 or bb.x1 > box.x1 + 2 or bb.y0 < box.y0 - 2 or bb.y1 > box.y1 + 2:
            outside.append(artist.get_text() if isinstance(artist, Text) else "legend")
    assert not outside, outside
    # bbox_inches="tight" keeps the legend and the title
    tight = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans)
    for artist in [ax.get_legend(), ax.title, ax._left_title]:  # noqa: SLF001
        if artist is not None and (not isinstance(artist, Text) or artist.get_text()):
            bb = artist.get_window_extent(renderer)
            assert tight.x0 - 1 <= bb.x0 and bb.x1 <= tight.x1 + 1
