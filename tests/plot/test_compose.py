"""Charts that compose and restyle: a 2x2 grid with no overlapping text and a network
panel of usable size, text sizes that follow rcParams, title=, source=, palettes,
per-unit node sizes and colors."""

from __future__ import annotations

import itertools

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from chart_helpers import gids, no_missing_glyphs
from matplotlib.text import Text

import partylinks as pl
from partylinks import plot

AS_OF = "2025-06-30"


def _four_panels(g):
    report = pl.audit(g, as_of=AS_OF)
    fig, axs = plt.subplots(2, 2, figsize=(14, 10), layout="constrained")
    plot.plot_network(g, ax=axs[0, 0], as_of=AS_OF)
    plot.plot_linkage_matrix(g, ax=axs[0, 1], as_of=AS_OF)
    plot.plot_coverage(report, ax=axs[1, 0])
    plot.plot_score_distribution(g, ax=axs[1, 1], as_of=AS_OF)
    return fig, axs


def _visible_texts(fig):
    """(panel, text, window box) of every visible text of every Axes of ``fig``, laid
    out at the figure's own resolution."""
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    out = []
    for k, ax in enumerate(fig.axes):
        parts = list(ax.texts) + [ax.title, ax._left_title, ax._right_title]  # noqa: SLF001
        if ax.axison:
            parts += ax.get_xticklabels() + ax.get_yticklabels()
            parts += [ax.xaxis.label, ax.yaxis.label]
        if ax.get_legend() is not None:
            parts += ax.get_legend().get_texts()
        for t in parts:
            if isinstance(t, Text) and t.get_visible() and t.get_text().strip():
                out.append((k, t.get_text(), t.get_window_extent(renderer)))
    return out


def _overlaps(items, tol=0.5):
    bad = []
    for (k1, t1, b1), (k2, t2, b2) in itertools.combinations(items, 2):
        w = min(b1.x1, b2.x1) - max(b1.x0, b2.x0)
        h = min(b1.y1, b2.y1) - max(b1.y0, b2.y0)
        if w > tol and h > tol:
            bad.append((k1, t1, k2, t2))
    return bad


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz", "shishi_pengtian"])
def test_four_charts_in_a_grid(name, tmp_path):
    g = pl.datasets.load_sample(name)
    with no_missing_glyphs():
        fig, axs = _four_panels(g)
        fig.savefig(tmp_path / "grid.png", dpi=72)
    # the network panel keeps a usable share of its grid cell
    cell = axs[0, 0].get_subplotspec().get_position(fig)
    net = axs[0, 0].get_position()
    assert max(net.width / cell.width, net.height / cell.height) >= 0.6, (net, cell)
    assert net.width * net.height >= 0.25 * cell.width * cell.height, (net, cell)
    # no two texts of the figure cover each other, whichever panel they belong to
    items = _visible_texts(fig)
    assert len(items) > 40
    assert _overlaps(items) == []
    # the network's labels stay apart at another resolution too
    fig.set_dpi(144)
    assert _overlaps([i for i in _visible_texts(fig) if i[0] == 0]) == []


def test_overlap_check_can_fail():
    fig, ax = plt.subplots()
    ax.text(0.5, 0.5, "Taocheng")
    ax.text(0.5, 0.5, "Taocheng")
    fig.draw_without_rendering()
    assert len(_overlaps(_visible_texts(fig))) == 1


def _sizes(ax):
    return sorted({round(t.get_fontsize(), 2) for t in ax.texts})


def test_text_sizes_follow_rcparams(rare):
    base = plot.plot_linkage_matrix(rare)
    with plt.rc_context({"font.size": 20}):
        big = plot.plot_linkage_matrix(rare)
    assert [2 * s for s in _sizes(base)] == pytest.approx(_sizes(big))
    ticks = big.get_xticklabels()[0].get_fontsize()
    assert ticks == pytest.approx(2 * base.get_xticklabels()[0].get_fontsize())
    assert big._left_title.get_fontsize() == pytest.approx(24)   # noqa: SLF001
    with plt.rc_context({"font.size": 5}):
        small = plot.plot_score_distribution(rare)
    assert small.get_yticklabels()[0].get_fontsize() == pytest.approx(4.5)
    assert small.get_xticklabels()[0].get_fontsize() == pytest.approx(4.0)
    with plt.rc_context({"font.size": 20}):
        net = plot.plot_network(rare, labels=True)
    assert max(t.get_fontsize() for t in net.texts) == pytest.approx(20)   # zone names
    assert matplotlib.rcParams["font.size"] == 10


def test_title_and_source_on_every_chart(rare):
    report = pl.audit(rare, as_of=AS_OF)
    draws = [
        lambda **kw: plot.plot_network(rare, **kw),
        lambda **kw: plot.plot_network(rare, quotient=True, **kw),
        lambda **kw: plot.plot_linkage_matrix(rare, **kw),
        lambda **kw: plot.plot_coverage(report, **kw),
        lambda **kw: plot.plot_score_distribution(rare, **kw),
    ]
    for draw in draws:
        ax = draw(title="我的标题", source="数据来源：县委组织部台账")
        assert ax.get_title(loc="left") == "我的标题"
        src = gids(ax)["source"]
        fig = ax.figure
        fig.draw_without_rendering()
        r = fig.canvas.get_renderer()
        sb = src.get_window_extent(r)
        # under the Axes, its tick labels and a legend placed under it
        assert sb.y1 <= ax.bbox.y0 + 1
        if ax.axison:
            for t in ax.get_xticklabels():
                if t.get_visible() and t.get_text():
                    assert sb.y1 <= t.get_window_extent(r).y0 + 1
        leg = ax.get_legend()
        if leg is not None and leg.get_window_extent(r).y1 <= ax.bbox.y0 + 1:
            assert sb.y1 <= leg.get_window_extent(r).y0 + 1
        assert draw(title=False).get_title(loc="left") == ""
        assert "source" not in gids(draw())
        plt.close("all")


def test_network_node_size_and_color_from_series(rare):
    ids = ["C1", "C2", "E1", "E2", "W1", "E3", "P1", "A1", "J1", "G1"]
    value = pd.Series(np.arange(10, dtype=float), index=ids, name="度中心性")
    ax = plot.plot_network(rare, node_size=value, node_color=value, cmap="plasma",
                           labels=False)
    units = {k: v for k, v in gids(ax).items() if k.startswith("units:")}
    # sizes are linear in the value: C1 (0) the smallest, G1 (9) the largest
    areas = {}
    for t, coll in units.items():
        members = [u for u in ids if rare.nodes.set_index("id").loc[u, "type"] == t[6:]]
        boost = 1.8 if t == "units:project" else 1.0
        for u, s in zip(members, coll.get_sizes() / boost, strict=True):
            areas[u] = s
    a = np.array([areas[u] for u in ids])
    assert np.allclose(np.diff(a), np.diff(a)[0])
    assert a[-1] / a[0] == pytest.approx(10.0)       # 2.5 / 0.25 times the median
    cmap = matplotlib.colormaps["plasma"]
    e3 = units["units:enterprise"].get_facecolors()
    assert any(np.allclose(c[:3], cmap(5 / 9)[:3], atol=0.01) for c in e3)
    cbar_axes = ax.child_axes                  # the colorbar, inside the drawing
    assert len(cbar_axes) == 1 and cbar_axes[0].get_xlabel() == "度中心性"
    assert [a_ for a_ in ax.figure.axes if a_ is not ax] == []
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "度中心性" in legend and "0" in legend and "9" in legend


def test_network_categorical_color_and_palette(rare):
    groups = pd.Series({"C1": "甲", "C2": "甲", "E1": "乙", "E2": "乙", "W1": "甲"})
    ax = plot.plot_network(rare, node_color=groups, palette={"甲": "#ff0000"}, labels=False,
                           lang="en")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "甲" in legend and "乙" in legend
    comm = gids(ax)["units:community"].get_facecolors()
    assert np.allclose(comm[:, :3], [1, 0, 0])
    ax2 = plot.plot_network(rare, palette={"community": "#00ff00"}, labels=False)
    assert np.allclose(gids(ax2)["units:community"].get_facecolors()[:, :3], [0, 1, 0])
    with pytest.raises(KeyError, match="not units"):
        plot.plot_network(rare, node_color=pd.Series({"K1": 1.0}))


def test_matrix_cmap_and_score_palette(rare):
    ax = plot.plot_linkage_matrix(rare, cmap="Reds")
    assert ax.images[0].get_cmap().name == "Reds"
    ax = plot.plot_score_distribution(rare, palette={"park": "#000000"})
    faces = ax.collections[0].get_facecolors()
    assert any(np.allclose(c[:3], [0, 0, 0]) for c in faces)


def test_legend_placement(rare):
    fig, axs = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    ax = plot.plot_network(rare, ax=axs[0])
    fig.draw_without_rendering()
    r = fig.canvas.get_renderer()
    assert ax.get_legend().get_window_extent(r).y1 <= ax.bbox.y0 + 1   # under the panel
    ax = plot.plot_network(rare)                                          # own figure
    ax.figure.draw_without_rendering()
    r = ax.figure.canvas.get_renderer()
    assert ax.get_legend().get_window_extent(r).x0 >= ax.bbox.x1 - 1   # right of it
    assert plot.plot_network(rare, legend=False).get_legend() is None


def test_zone_overview_cmap_and_scale(rare):
    """The overview's color scale runs to the largest isolated share drawn: 䶮山片区 has
    one isolated unit of five (20%), 桃城片区 none; with cmap="Blues" the top of the scale
    is Blues' darkest."""
    ax = plot.plot_network(rare, quotient=True, cmap="Blues")
    sc = [c for c in ax.collections if c.get_array() is not None][0]
    assert sc.get_cmap().name == "Blues"
    assert sc.norm.vmax == pytest.approx(0.2)


def test_zone_overview_scale_follows_small_shares(graph_factory):
    """80 units in zone Z1, one of them isolated (1.25%), 40 in Z2 with none: the scale
    runs to 1.25%, not to a fixed 20% that would leave every zone near-white."""
    nodes = [(f"C{i:02d}", "community", "Z1") for i in range(80)]
    nodes += [(f"E{i:02d}", "enterprise", "Z2") for i in range(40)]
    edges = [(f"C{i:02d}", f"C{i + 1:02d}", "co_building") for i in range(78)]
    edges += [(f"E{i:02d}", f"E{i + 1:02d}", "co_building") for i in range(39)]
    ax = plot.plot_network(graph_factory(nodes, edges), quotient=True)
    sc = [c for c in ax.collections if c.get_array() is not None][0]
    assert sc.norm.vmax == pytest.approx(1 / 80)
