"""Linkage-matrix heatmap: cells equal the metric, zeros between sectors in red, fonts."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from chart_helpers import no_missing_glyphs, save_everywhere, texts
from matplotlib.colors import to_hex

import partylinks as pl
from partylinks.plot import plot_linkage_matrix
from partylinks.plot.style import WEAK_COLOR


def _cells(ax, k: int) -> dict[tuple[int, int], object]:
    return {(int(round(t.get_position()[1])), int(round(t.get_position()[0]))): t
            for t in ax.texts if len(ax.texts) == k * k}


def test_counts_by_sector(rare, tmp_path):
    before = matplotlib.rcParams["font.family"]
    with no_missing_glyphs():
        ax = plot_linkage_matrix(rare)
    assert matplotlib.rcParams["font.family"] == before
    save_everywhere(ax.figure, tmp_path)
    m = pl.metrics.linkage_matrix(rare)
    k = len(m)
    cells = _cells(ax, k)
    assert {ij: int(t.get_text()) for ij, t in cells.items()} == {
        (i, j): int(m.iat[i, j]) for i in range(k) for j in range(k)}
    # by hand: the community sector is tied to enterprises (C1-E1, C2-E2) and the
    # council (C1-W1, C2-W1); the park's only tie is to the project
    labels = [t.get_text() for t in ax.get_yticklabels()]
    com, ent, gov, park = (labels.index(x) for x in ("社区", "企业", "党政机关", "园区"))
    assert cells[com, ent].get_text() == "2" and cells[com, gov].get_text() == "2"
    assert cells[com, park].get_text() == "0"
    assert to_hex(cells[com, park].get_color()) == WEAK_COLOR
    assert to_hex(cells[com, com].get_color()) != WEAK_COLOR   # the diagonal is not a gap
    assert ax.get_title(loc="left") == "联系矩阵（按部门类别）"


def test_density_by_zone_in_english(rare):
    ax = plot_linkage_matrix(rare, by="zone", density=True, lang="en")
    cells = _cells(ax, 2)
    # zones sorted as text: 䶮 (U+4DAE) before 桃 (U+6843)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["䶮山片区", "桃城片区"]
    # 桃城片区: 5 units, 5 tied pairs (C1-E1, C1-W1, C2-W1, E1-W1, C2-E2) of 10 possible;
    # between the zones 1 pair (A1-E1) of 5 x 5
    assert cells[1, 1].get_text() == "50.0%"
    assert cells[0, 1].get_text() == cells[1, 0].get_text() == "4.0%"
    assert cells[0, 0].get_text() == "30.0%"     # 䶮山片区: A1-J1, J1-P1, A1-G1 of 10
    assert "Linkage matrix by zone" in texts(ax)


def test_given_axes_is_used(rare):
    fig, ax = matplotlib.pyplot.subplots()
    assert plot_linkage_matrix(rare, ax=ax) is ax


@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz", "shishi_pengtian"])
@pytest.mark.parametrize("by", ["sector", "zone"])
def test_samples_render(name, by, tmp_path):
    g = pl.datasets.load_sample(name)
    with no_missing_glyphs():
        ax = plot_linkage_matrix(g, by=by)
        ax.figure.savefig(tmp_path / "m.png")
    k = len(pl.metrics.linkage_matrix(g, by=by))
    assert len(ax.texts) == k * k
    assert np.isfinite([float(t.get_text()) for t in ax.texts]).all()
