"""The network chart: what is drawn, highlighted and labelled; fonts; rcParams; fallbacks."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from chart_helpers import RARE_TEXT, gids, no_missing_glyphs, save_everywhere, texts

import partylinks as pl
from partylinks.plot import network, plot_network, zone_layout

RC_KEYS = ("font.family", "font.sans-serif", "axes.unicode_minus", "svg.fonttype",
           "pdf.fonttype", "font.size")


def _offsets(artist) -> set[tuple[float, float]]:
    return {tuple(np.round(p, 9)) for p in artist.get_offsets()}


def _at(pos: pd.DataFrame, ids) -> set[tuple[float, float]]:
    return {tuple(np.round(pos.loc[i, ["x", "y"]].to_numpy(dtype=float), 9)) for i in ids}


def test_draws_units_ties_and_weak_spots(rare, tmp_path):
    before = {k: matplotlib.rcParams[k] for k in RC_KEYS}
    with no_missing_glyphs():
        ax = plot_network(rare)
    assert {k: matplotlib.rcParams[k] for k in RC_KEYS} == before
    save_everywhere(ax.figure, tmp_path)
    art = gids(ax)
    pos = zone_layout(rare)
    # one marker layer per unit type, at the layout's positions
    by_type = rare.units.groupby("type", observed=True)["id"].apply(list)
    for t, ids in by_type.items():
        assert _offsets(art[f"units:{t}"]) == _at(pos, ids)
    # weak spots: isolated E3, fragile E2 and P1, six bridges
    assert _offsets(art["isolated"]) == _at(pos, ["E3"])
    assert _offsets(art["fragile"]) == _at(pos, ["E2", "P1"])
    assert len(art["bridges"].get_segments()) == 6
    # tie layers: the mutual appointment C1-E1 is one pair of one type
    styles = {k for k in art if k.startswith("ties:")}
    assert styles == {"ties:part_time_post", "ties:council_member", "ties:service_pairing",
                      "ties:liaison", "ties:liaison:between_zones"}
    n_pairs = sum(len(art[k].get_segments()) for k in styles)
    assert n_pairs == 9
    assert ax.get_title(loc="left") == "单位联系网络：10 个单位，9 对有联系（全部日期的联系）"


def test_legend_is_complete_and_labels_name_weak_spots(rare):
    ax = plot_network(rare, lang="zh")
    shown = texts(ax)
    for label in ("社区", "企业", "园区", "机关", "协调委员会", "重点项目", "网格"):
        assert label in shown
    for label in ("兼职", "成员单位", "挂钩服务", "挂钩联系"):
        assert label in shown
    assert "孤立单位: 1\n（无跨组织联系）" in shown
    assert "仅靠一名干部联系的单位: 2" in shown
    assert "桥: 6\n（断开即分裂）" in shown
    assert "䶮峰陶瓷" in shown                       # the isolated unit is named
    assert "玥华电子\n仅靠吴赟" in shown               # and the one held by one cadre
    assert "赟达纺织" in shown                        # legal-form suffix dropped
    assert any(set(RARE_TEXT) & set(t) for t in shown)


def test_english_and_no_highlight(rare):
    ax = plot_network(rare, lang="en", highlight=False, labels=False)
    art = gids(ax)
    assert not {"isolated", "fragile", "bridges"} & set(art)
    shown = texts(ax)
    assert "Unit type" in shown and "Tie type" in shown and "Weak spots" not in shown
    assert not [t for t in ax.texts if t.get_text() == "䶮峰陶瓷"]
    assert ax.get_title(loc="left") == "Unit network: 10 units, 9 tied pairs (ties of all dates)"


def test_returns_the_given_axes_and_never_shows(rare, monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show called"))
    fig, ax = plt.subplots()
    n_figs = len(plt.get_fignums())
    assert plot_network(rare, ax=ax) is ax
    assert len(plt.get_fignums()) == n_figs
    new = plot_network(rare)
    assert new.figure is not fig and len(plt.get_fignums()) == n_figs + 1


def test_zone_view(rare):
    ax = plot_network(rare, zone="䶮山片区")
    art = gids(ax)
    drawn = set().union(*(_offsets(v) for k, v in art.items() if k.startswith("units:")))
    assert len(drawn) == 5
    assert "units:community" not in art
    assert ax.get_title(loc="left").startswith("䶮山片区：5 个单位，3 对有联系")
    with pytest.raises(ValueError, match="no such zone"):
        plot_network(rare, zone="nowhere", lang="en")
    with pytest.raises(ValueError, match="没有这些片区：nowhere"):
        plot_network(rare, zone="nowhere")


def test_ego_view_by_unit_and_by_cadre(rare):
    # within one tie of A1: A1, E1, G1, J1
    ax = plot_network(rare, ego="A1", radius=1)
    art = gids(ax)
    drawn = sum(len(v.get_offsets()) for k, v in art.items() if k.startswith("units:"))
    assert drawn == 4 and len(art["ego"].get_offsets()) == 1
    # a cadre stands for their home unit: K3 works at A1; two steps add C1, W1, P1
    ax = plot_network(rare, ego="K3", radius=2, lang="en")
    art = gids(ax)
    drawn = sum(len(v.get_offsets()) for k, v in art.items() if k.startswith("units:"))
    assert drawn == 7
    assert ax.get_title(loc="left").startswith("Within 2 step(s) of 王喆 (县商务局): 7 units")
    assert "the unit in focus" in texts(ax)
    with pytest.raises(KeyError, match="nobody"):
        plot_network(rare, ego="nobody")


def test_show_cadres_marks_key_persons(rare):
    ax = plot_network(rare, show_cadres=True)
    art = gids(ax)
    # cadres carrying a drawn tie: K1, K2, K3, K4, K5
    assert len(art["cadres"].get_offsets()) == 5
    assert len(art["key_cadres"].get_offsets()) == 3          # K3, K4, K5
    assert len(art["cadre_links"].get_segments()) == 5
    shown = texts(ax)
    assert {"王喆", "朱䶮", "吴赟"} <= set(shown)
    assert "关键人物: 3\n（调离会孤立单位或割裂网络）" in shown
    assert "党员干部" in shown and "工作单位" in shown


def test_as_of_drops_later_ties(rare):
    ax = plot_network(rare, as_of="2023-06-30")
    art = gids(ax)
    assert "ties:liaison:between_zones" not in art
    assert ax.get_title(loc="left").endswith("（截至 2023-06-30）")


def test_quotient_above_the_limit(rare, monkeypatch):
    monkeypatch.setattr(network, "NETWORK_LIMIT", 9)
    ax = plot_network(rare)
    art = gids(ax)
    assert len(art["zones"].get_offsets()) == 2 and "units:community" not in art
    assert ax.get_title(loc="left").startswith("片区概览：10 个单位（超过 9 个）")
    assert "1" in texts(ax)  # one tie between the two zones, written on the line
    # a zone or an ego view is drawn unit by unit whatever the size
    assert "units:community" in gids(plot_network(rare, zone="桃城片区"))
    asked = plot_network(rare, quotient=True)
    assert "zones" in gids(asked)
    assert asked.get_title(loc="left") == "片区概览：10 个单位按片区汇总"
    assert "units:community" in gids(plot_network(rare, quotient=False))
    with pytest.raises(ValueError, match="quotient=True"):
        plot_network(rare, quotient=True, zone="桃城片区")


def test_quotient_triggers_on_a_big_graph(graph_factory, tmp_path):
    n = network.NETWORK_LIMIT + 20
    nodes = [(f"E{i}", "enterprise", f"片区{i % 4}", f"企业{i}堃") for i in range(n)]
    edges = [(f"E{i}", f"E{i + 1}", "co_building") for i in range(n - 1)]
    g = graph_factory(nodes, edges)
    with no_missing_glyphs():
        ax = plot_network(g, lang="en")
    assert ax.get_title(loc="left").startswith(f"Zone overview: {n} units (over 400)")
    assert len(gids(ax)["zones"].get_offsets()) == 4
    save_everywhere(ax.figure, tmp_path)
    assert "units:enterprise" in gids(plot_network(g, zone="片区1", labels=False))


@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz", "shishi_pengtian"])
def test_samples_render(name, tmp_path):
    g = pl.datasets.load_sample(name)
    with no_missing_glyphs():
        ax = plot_network(g, as_of="2025-06-30")
        ax.figure.savefig(tmp_path / "n.png")
    assert "units:enterprise" in gids(ax)


def test_yongchun_planted_weak_spots_are_highlighted():
    g = pl.datasets.load_sample("yongchun")
    ax = plot_network(g, as_of="2025-06-30", show_cadres=True)
    pos = zone_layout(g, as_of="2025-06-30")
    art = gids(ax)
    assert _offsets(art["isolated"]) == _at(pos, ["Y-E013", "Y-E025"])
    assert _offsets(art["fragile"]) == _at(pos, ["Y-E019", "Y-A20", "Y-E007"])
    assert len(art["key_cadres"].get_offsets()) == 2   # Y-K0010 and Y-K0115


def test_strongest_links_by_hand():
    from partylinks.plot._quotient import strongest_links

    zones = pd.Index(["A", "B", "C", "D"])
    links = pd.DataFrame({"zone_u": ["A", "A", "A", "B", "B", "C"],
                          "zone_v": ["B", "C", "D", "C", "D", "D"],
                          "ties": [9, 1, 5, 2, 7, 3]})
    # k = 1: A's strongest A-B (9), B's A-B, C's C-D (3), D's B-D (7)
    kept = strongest_links(links, zones, 1)
    assert list(zip(kept["zone_u"], kept["zone_v"], strict=True)) == [
        ("A", "B"), ("B", "D"), ("C", "D")]
    assert len(strongest_links(links, zones, 3)) == 6


def test_many_zones_draw_only_the_strongest_links(graph_factory):
    # 16 zones, every pair of zones tied once: 120 links, 3 per zone kept
    nodes = [(f"E{z}", "enterprise", f"片区{z:02d}", f"企业{z}") for z in range(16)]
    edges = [(f"E{a}", f"E{b}", "co_building") for a in range(16) for b in range(a + 1, 16)]
    ax = plot_network(graph_factory(nodes, edges), quotient=True)
    lines = [ln for ln in ax.lines if ln.get_zorder() == 1]
    assert 16 * 3 / 2 <= len(lines) < 120
    assert any(t.startswith("只画每个片区联系最多的 3 条") for t in texts(ax))
    assert not [t for t in ax.texts if t.get_text() == "1"]   # too many lines to number
