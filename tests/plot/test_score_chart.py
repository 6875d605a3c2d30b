"""Weak-linkage score chart: one row per zone, weakest on top, isolated units ringed."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from chart_helpers import no_missing_glyphs, save_everywhere, texts

import partylinks as pl
from partylinks.plot import plot_score_distribution
from partylinks.plot.score import scores_of


def _points(ax):
    return [c for c in ax.collections if len(c.get_offsets())]


def test_rows_points_and_rings(rare, tmp_path):
    before = dict(matplotlib.rcParams)
    with no_missing_glyphs():
        ax = plot_score_distribution(rare)
    assert dict(matplotlib.rcParams) == before
    save_everywhere(ax.figure, tmp_path)
    # mean scores: 䶮山片区 0.84 (E3 isolated, G1 and P1 fragile), 桃城片区 0.63: the
    # weaker zone is the upper row (ticks are listed from the bottom up)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["桃城片区 (5)", "䶮山片区 (5)"]
    dots, ring = _points(ax)[:2]
    assert len(dots.get_offsets()) == 10
    assert len(ring.get_offsets()) == 1 and ring.get_offsets()[0][0] == 1.0
    s = scores_of(rare)
    assert sorted(np.round(dots.get_offsets()[:, 0], 6)) == sorted(np.round(s["score"], 6))
    # rows: every point of a zone lies within its row's band
    rows = {"桃城片区": 0, "䶮山片区": 1}
    y = dots.get_offsets()[:, 1]
    expected = s["zone"].astype(str).map(rows).to_numpy()
    assert (np.abs(y - expected) < 0.3).all()
    shown = texts(ax)
    # weak units (score >= 0.5) per zone, written in the right margin
    assert "薄弱 4/5" in shown and "薄弱 5/5" in shown
    # the three weakest units that are not isolated are named
    assert {"玥华电子", "䶮山一级网格", "䶮山工业园"} <= set(shown)
    assert "单位联系薄弱度（按片区）" in shown


def test_english_by_sector_and_given_axes(rare):
    fig, ax = plt.subplots()
    assert plot_score_distribution(rare, ax=ax, lang="en", by="sector", label_top=0) is ax
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert set(ticks) == {"community (2)", "enterprise (3)", "government (2)", "park (1)",
                          "project (1)", "grid (1)"}
    assert "weak-linkage score (0 = well tied, 1 = weakest)" in texts(ax)
    assert ax.get_title(loc="left") == "Weak-linkage score of units by sector"


def test_accepts_a_report_like_object(rare):
    class Report:
        graph = rare
        as_of = "2023-06-30"

    s = scores_of(Report())
    # the report's date is used: before 2024 the liaison K3 -> E1 had not started
    expected = pl.metrics.weak_linkage_score(rare, as_of="2023-06-30")
    assert s.equals(expected) and not s.equals(pl.metrics.weak_linkage_score(rare))
    table = scores_of(rare).head(3)

    class WithTables:
        metrics = {"score": table}

    assert scores_of(WithTables()) is table
    with pytest.raises(TypeError, match="LinkGraph or an AuditReport"):
        scores_of(object())


@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz", "shishi_pengtian"])
def test_samples_render(name, tmp_path):
    g = pl.datasets.load_sample(name)
    with no_missing_glyphs():
        ax = plot_score_distribution(g, as_of="2025-06-30")
        ax.figure.savefig(tmp_path / "s.png")
    assert len(ax.get_yticklabels()) == g.nodes.loc[g.nodes["type"].isin(
        g.schema.unit_types), "zone"].nunique()
