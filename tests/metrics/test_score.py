"""Weak-linkage score per unit and per zone on a hand-drawn graph."""

import pandas as pd
import pytest

import partylinks as pl


def five_units(graph_factory):
    """Triangle C1-E1-E2 in Z1, park P1 hanging off E2 (Z2), agency A1 alone (Z2).

    C1-E1: K1 (of C1) and K2 (of E1) appointed both ways: 1 type, 2 carriers, strength 1/6.
    C1-E2: K1 again. E1-E2: co-building. E2-P1: K3 (of E2) at P1 from 2024-01-01, the only
    tie of P1 (fragile) and a bridge. No events: every other pair has strength 0.
    """
    nodes = [("C1", "community", "Z1"), ("E1", "enterprise", "Z1"), ("E2", "enterprise", "Z1"),
             ("P1", "park", "Z2"), ("A1", "agency", "Z2"),
             ("K1", "cadre", "Z1"), ("K2", "cadre", "Z1"), ("K3", "cadre", "Z1")]
    edges = [("K1", "C1", "works_at"), ("K2", "E1", "works_at"), ("K3", "E2", "works_at"),
             ("K1", "E1", "part_time_post"), ("K2", "C1", "part_time_post"),
             ("K1", "E2", "part_time_post"), ("E1", "E2", "co_building"),
             ("K3", "P1", "part_time_post", None, "2024-01-01")]
    return graph_factory(nodes, edges)


def test_unit_scores_by_hand(graph_factory):
    s = pl.metrics.weak_linkage_score(five_units(graph_factory))
    assert s["id"].tolist() == ["A1", "P1", "E2", "C1", "E1"]
    t = s.set_index("id")
    assert t["isolated"].tolist() == [True, False, False, False, False]
    assert t["fragile"].tolist() == [False, True, False, False, False]
    assert t["on_bridge"].tolist() == [False, True, True, False, False]
    assert t["mean_strength"].iloc[1:].tolist() == pytest.approx([0, 0, 1 / 12, 1 / 12])
    # A1 isolated: 1. P1: 0.38 + 0.19 + 0.38 * 1 (fragile on a bridge, no activity: still
    # below the isolated unit). E2: 0.19 + 0.38 * 1. C1, E1: 0.38 * 11/12.
    assert t["score"].tolist() == pytest.approx([1.0, 0.95, 0.57, 0.38 * 11 / 12,
                                                 0.38 * 11 / 12])
    assert t.loc["P1", ["type", "zone", "sector"]].tolist() == ["park", "Z2", "park"]
    assert t.loc["A1", "sector"] == "government"


def test_as_of(graph_factory):
    s = pl.metrics.weak_linkage_score(five_units(graph_factory), as_of="2023-06-01")
    t = s.set_index("id")
    # before K3's post P1 is isolated and the triangle has no bridge
    assert bool(t.loc["P1", "isolated"]) and t.loc["P1", "score"] == 1.0
    assert t.loc["E2", "score"] == pytest.approx(0.38)


def test_zone_scores_by_hand(graph_factory):
    g = five_units(graph_factory)
    z = pl.metrics.zone_scores(g)
    expected = pd.DataFrame({
        "group": ["Z1", "Z2"], "units": [3, 2],
        "mean_score": [(0.57 + 2 * 0.38 * 11 / 12) / 3, (1.0 + 0.95) / 2],
        "weak_share": [1 / 3, 1.0], "isolated": [0, 1],
    })
    pd.testing.assert_frame_equal(z, expected, check_dtype=False)
    by_sector = pl.metrics.zone_scores(g, by="sector").set_index("group")
    assert list(by_sector.index) == ["community", "enterprise", "government", "park"]
    assert by_sector.loc["enterprise", "mean_score"] == pytest.approx(
        (0.57 + 0.38 * 11 / 12) / 2)


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
def test_samples_in_range_and_isolated_score_one():
    g = pl.datasets.load_sample("quanzhou_etdz")
    s = pl.metrics.weak_linkage_score(g)
    assert s["score"].between(0, 1).all()
    assert (s.loc[s["isolated"], "score"] == 1).all()
    assert s["score"].is_monotonic_decreasing
    assert len(s) == len(g.units) and s["id"].is_unique
    z = pl.metrics.zone_scores(g)
    assert z["units"].sum() == len(s)
    assert z["isolated"].sum() == s["isolated"].sum()


def test_isolated_unit_always_ranks_strictly_weakest(graph_factory):
    """An isolated unit against the weakest possible tied unit: fragile, on a bridge, one
    tie of one type through one cadre and no event."""
    nodes = [("C1", "community", "Z1"), ("E1", "enterprise", "Z1"), ("A1", "agency", "Z1"),
             ("K1", "cadre", "Z1")]
    edges = [("K1", "C1", "works_at"), ("K1", "E1", "part_time_post")]
    s = pl.metrics.weak_linkage_score(graph_factory(nodes, edges)).set_index("id")
    assert s["score"].to_dict() == pytest.approx({"A1": 1.0, "C1": 0.95, "E1": 0.95})
    assert s.index.tolist() == ["A1", "C1", "E1"]
