"""Zone layout: deterministic, zones kept apart, isolated units on the rim; zone quotient."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import partylinks as pl
from partylinks.plot import zone_cells, zone_layout, zone_of_units, zone_quotient
from partylinks.plot.layout import MAX_RADIUS, MIN_RADIUS

SAMPLES = ["yongchun", "quanzhou_etdz", "shishi_pengtian"]


def test_zone_cells_grid_and_radii():
    cells = zone_cells(pd.Series({f"Z{i}": n for i, n in enumerate([400, 100, 25, 1, 4, 9])}))
    # six zones: three columns, two rows, row by row from the top left
    assert cells[["cx", "cy"]].to_numpy().tolist() == [
        [0, 0], [1, 0], [2, 0], [0, -1], [1, -1], [2, -1]]
    assert cells["r"].tolist() == [0.42, 0.21, 0.14, 0.14, 0.14, 0.14]
    assert zone_cells(pd.Series({"A": 5}))[["cx", "cy", "r"]].to_numpy().tolist() == [
        [0, 0, 0.42]]
    two = zone_cells(pd.Series({"A": 5, "B": 5}))
    assert two["cx"].tolist() == [0, 1] and two["cy"].tolist() == [0, 0]


def test_layout_is_deterministic_for_a_seed(rare):
    a = zone_layout(rare, seed=3)
    b = zone_layout(rare, seed=3)
    pd.testing.assert_frame_equal(a, b)
    g = pl.datasets.load_sample("yongchun")
    c, d = zone_layout(g, seed=0), zone_layout(g, seed=1)
    assert not np.allclose(c[["x", "y"]], d[["x", "y"]])
    pd.testing.assert_frame_equal(c, zone_layout(g, seed=0))


def _distances(pos: pd.DataFrame):
    xy = pos[["x", "y"]].to_numpy()
    d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    same = pos["zone"].to_numpy()[:, None] == pos["zone"].to_numpy()[None, :]
    off = ~np.eye(len(pos), dtype=bool)
    return d, same & off, ~same


@pytest.mark.parametrize("name", SAMPLES)
def test_units_of_a_zone_are_closer_to_each_other_than_to_other_zones(name):
    g = pl.datasets.load_sample(name)
    pos = zone_layout(g, as_of="2025-06-30")
    assert pos.index.tolist() == list(g.units["id"])
    assert (pos["zone"] == g.units.set_index("id")["zone"].astype(str)).all()
    cells = zone_cells(pos["zone"].value_counts().reindex(pd.unique(pos["zone"])))
    center = cells.loc[pos["zone"], ["cx", "cy"]].to_numpy()
    radius = cells.loc[pos["zone"], "r"].to_numpy()
    # every unit lies in the disc of its zone, which is closer than any other zone's disc
    own = np.sqrt(((pos[["x", "y"]].to_numpy() - center) ** 2).sum(1))
    assert (own <= radius + 1e-9).all()
    for z, (cx, cy, r, _) in cells.iterrows():
        other = pos["zone"] != z
        d = np.sqrt((pos.loc[other, "x"] - cx) ** 2 + (pos.loc[other, "y"] - cy) ** 2)
        assert (d > r).all()
    if len(cells) > 1:
        d, same, diff = _distances(pos)
        assert d[same].mean() < 0.5 * d[diff].mean()
        # each unit's nearest same-zone unit is nearer than its nearest other-zone unit
        near_same = np.where(same, d, np.inf).min(1)
        near_other = np.where(diff, d, np.inf).min(1)
        lonely = pos["zone"].map(pos["zone"].value_counts()).to_numpy() == 1
        assert (near_same[~lonely] < near_other[~lonely]).all()


def test_units_without_a_tie_in_their_zone_sit_on_the_rim(rare):
    pos = zone_layout(rare)
    cells = zone_cells(pd.Series({"桃城片区": 5, "䶮山片区": 5}))
    # 䶮山片区: E3 is isolated; A1, G1, J1, P1 are tied to each other
    cx, cy, r, _ = cells.loc["䶮山片区"]
    dist = np.hypot(pos["x"] - cx, pos["y"] - cy)
    assert dist["E3"] == pytest.approx(r)
    assert (dist[["A1", "G1", "J1", "P1"]] <= 0.78 * r + 1e-9).all()
    # a zone whose units are all tied inside it fills the disc up to its edge
    cx, cy, r, _ = cells.loc["桃城片区"]
    dist = np.hypot(pos["x"] - cx, pos["y"] - cy)
    assert dist[["C1", "C2", "E1", "E2", "W1"]].max() == pytest.approx(r)


def test_selected_units_only(rare):
    pos = zone_layout(rare, units=["A1", "E3", "J1"])
    assert pos.index.tolist() == ["E3", "A1", "J1"]          # unit order of the graph
    assert set(pos["zone"]) == {"䶮山片区"}
    assert np.hypot(pos["x"], pos["y"]).max() == pytest.approx(MAX_RADIUS)
    with pytest.raises(KeyError, match="K1"):
        zone_layout(rare, units=["A1", "K1"])


def test_units_without_zone_form_one_group(graph_factory):
    g = graph_factory([("C1", "community", None), ("E1", "enterprise", "Z1"),
                       ("E2", "enterprise", None)], [("C1", "E2", "co_building")])
    assert zone_of_units(g).to_dict() == {"C1": "", "E1": "Z1", "E2": ""}
    pos = zone_layout(g)
    assert pos["zone"].tolist() == ["", "Z1", ""]
    assert zone_cells(pd.Series({"": 2, "Z1": 1}))["r"].min() >= MIN_RADIUS


def test_zone_quotient_by_hand(rare):
    zones, links = zone_quotient(rare)
    assert zones.to_dict("list") == {"zone": ["桃城片区", "䶮山片区"], "units": [5, 5],
                                     "isolated": [0, 1], "internal_ties": [6, 3]}
    assert links.to_dict("list") == {"zone_u": ["桃城片区"], "zone_v": ["䶮山片区"],
                                     "ties": [1], "pairs": [1]}
    zones, links = zone_quotient(rare, as_of="2023-06-30")
    assert len(links) == 0 and zones["internal_ties"].tolist() == [6, 3]


def test_zone_quotient_counts_match_the_tie_table():
    g = pl.datasets.load_sample("yongchun")
    zones, links = zone_quotient(g)
    t = g.ties()
    zone = g.nodes.set_index("id")["zone"].astype(str)
    zu, zv = zone[t["u"].astype(str)].to_numpy(), zone[t["v"].astype(str)].to_numpy()
    assert zones["internal_ties"].sum() == (zu == zv).sum()
    assert links["ties"].sum() == (zu != zv).sum()
    assert zones["units"].sum() == len(g.units)


def test_older_networkx_falls_back_to_the_spring_layout(rare, monkeypatch):
    import networkx as nx

    monkeypatch.delattr(nx, "forceatlas2_layout", raising=False)
    a, b = zone_layout(rare, seed=2), zone_layout(rare, seed=2)
    pd.testing.assert_frame_equal(a, b)
    # still each zone's units in its own disc: 桃城片区 at (0, 0), 䶮山片区 at (1, 0)
    cx = np.where(a["zone"] == "桃城片区", 0.0, 1.0)
    assert (np.hypot(a["x"] - cx, a["y"]) <= MAX_RADIUS + 1e-9).all()
