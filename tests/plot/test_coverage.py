"""Coverage scorecard of an audit; the network chart drawn with an audit report."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from chart_helpers import gids, no_missing_glyphs, save_everywhere, texts

import partylinks as pl
from partylinks.plot import coverage_table, plot_coverage, plot_network, zone_layout


@pytest.fixture
def report(rare):
    return pl.audit(rare, as_of="2025-06-30")


def test_coverage_table_by_hand(report):
    rates, counts = coverage_table(report)
    assert rates.index.tolist() == ["䶮山片区", "桃城片区", "合计"]   # the summary's order
    # 䶮山片区: 5 units, E3 isolated; 桃城片区: none isolated; 1 of 10 in all
    assert rates.loc["䶮山片区", "tied_share"] == pytest.approx(0.8)
    assert rates.loc["桃城片区", "tied_share"] == 1.0
    assert rates.loc["合计", "tied_share"] == pytest.approx(0.9)
    assert rates.loc["合计", "largest_share"] == report.summary.iloc[-1]["largest_share"]
    ran = report.rules.loc[report.rules["status"] == "ran", "rule"].tolist()
    assert counts.columns.tolist() == ran
    f = report.findings
    assert counts.loc["合计"].sum() == len(f)
    assert counts.loc["䶮山片区", "isolated_units"] == 1
    assert counts.drop(index="合计").sum().sum() == f["zone"].notna().sum()


def test_scorecard_cells(report, tmp_path):
    with no_missing_glyphs():
        ax = plot_coverage(report)
    save_everywhere(ax.figure, tmp_path)
    rates, counts = coverage_table(report)
    assert [t.get_text() for t in ax.get_yticklabels()] == [*rates.index[:-1], "合计"]
    cells = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text()
             for t in ax.texts if t.get_position()[1] > -0.5}
    row = rates.index.get_loc("䶮山片区")
    assert cells[row, 0] == "80%"
    j = 3 + counts.columns.get_loc("isolated_units")
    assert cells[row, j] == "1"
    n_nonzero = int((counts.to_numpy() > 0).sum())
    assert sum(1 for (i, j) in cells if j >= 3) == n_nonzero
    shown = texts(ax)
    assert "孤立单位" in shown and not any("isolated_units" in t for t in shown)
    assert "覆盖率" in shown and "问题数（按规则）" in shown
    assert ax.get_title(loc="left") == "各片区覆盖情况与审计问题（截至 2025-06-30）"
    assert "错误" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_language_and_given_axes(report):
    fig, ax = plt.subplots()
    assert plot_coverage(report, ax=ax, lang="en") is ax
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[:3] == ["units tied in", "branch coverage", "largest component share"]
    assert "isolated units" in ticks
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "total"
    en = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    assert [t.get_text() for t in plot_coverage(en).get_yticklabels()] == ["Z1", "Z2", "total"]
    assert plot_coverage(en, lang="zh").get_yticklabels()[-1].get_text() == "合计"


def test_network_with_a_report(rare, report):
    ax = plot_network(rare, report=report)
    art = gids(ax)
    pos = zone_layout(rare, as_of=report.as_of)
    iso = {tuple(np.round(p, 9)) for p in art["isolated"].get_offsets()}
    assert iso == {tuple(np.round(pos.loc["E3", ["x", "y"]].to_numpy(float), 9))}
    badges = {k.split(":", 1)[1]: a for k, a in art.items() if k.startswith("badge:")}
    f = report.findings[report.findings["severity"].isin(["error", "warning"])]
    units = set(rare.unit_of.reindex(f["node_id"]).dropna())
    assert set(badges) == units
    assert badges["E3"].get_text() == str(int((rare.unit_of.reindex(f["node_id"]) == "E3").sum()))
    assert ax.get_title(loc="left").endswith("（截至 2025-06-30）")
    assert any(t.startswith("有审计问题的单位") for t in texts(ax))


@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz", "shishi_pengtian"])
def test_samples_render(name, tmp_path):
    g = pl.datasets.load_sample(name)
    r = pl.audit(g, as_of="2025-06-30")
    with no_missing_glyphs():
        cov = plot_coverage(r)
        cov.figure.savefig(tmp_path / "c.png")
        net = plot_network(g, report=r)
        net.figure.savefig(tmp_path / "n.png")
    assert len(cov.get_yticklabels()) == len(r.summary)
    f = r.findings[r.findings["severity"].isin(["error", "warning"])]
    badges = [k for k in gids(net) if k.startswith("badge:")]
    assert len(badges) == g.unit_of.reindex(f["node_id"]).nunique()
