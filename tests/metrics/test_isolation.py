"""Isolated and fragile units on hand-drawn graphs, random graphs and the samples."""

from __future__ import annotations

import warnings

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from structure_graphs import typed_graphs, unit_nx

import partylinks as pl

# the star: community C tied to four enterprises, each by its own cadre
STAR_NODES = [(i, t, "Z1") for i, t in [
    ("C", "community"), ("E1", "enterprise"), ("E2", "enterprise"), ("E3", "enterprise"),
    ("E4", "enterprise"), ("K1", "cadre"), ("K2", "cadre"), ("K3", "cadre"), ("K4", "cadre")]
] + [("A", "agency", "Z2")]
STAR_EDGES = [(f"K{i}", "C", "works_at") for i in range(1, 5)] + \
             [(f"K{i}", f"E{i}", "part_time_post") for i in range(1, 5)]


def test_star(graph_factory):
    g = graph_factory(STAR_NODES, STAR_EDGES)
    assert pl.metrics.isolated_units(g)["id"].tolist() == ["A"]
    f = pl.metrics.fragile_units(g)
    # each enterprise hangs on its one cadre; the hub has four carriers
    assert f["id"].tolist() == ["E1", "E2", "E3", "E4"]
    assert f["sole_carrier"].tolist() == ["K1", "K2", "K3", "K4"]
    assert f["sole_carrier_kind"].tolist() == ["cadre"] * 4
    assert f["n_ties"].tolist() == [1, 1, 1, 1]
    assert f["sector"].tolist() == ["enterprise"] * 4
    assert list(f.columns[:5]) == ["id", "type", "name", "zone", "sector"]


def test_mutual_pair_is_not_fragile(graph_factory):
    g = graph_factory(
        [("C", "community"), ("E", "enterprise"), ("K1", "cadre"), ("K2", "cadre")],
        [("K1", "C", "works_at"), ("K2", "E", "works_at"),
         ("K1", "E", "part_time_post", "instructor"),
         ("K2", "C", "part_time_post", "part_time_member")])
    assert pl.metrics.fragile_units(g).empty
    assert pl.metrics.isolated_units(g).empty


def test_unit_tied_twice_by_one_cadre_is_fragile(graph_factory):
    g = graph_factory(
        [("C", "community"), ("E", "enterprise"), ("W", "council"), ("K", "cadre")],
        [("K", "C", "works_at"), ("K", "E", "part_time_post"), ("K", "E", "liaison"),
         ("C", "W", "council_member")])
    f = pl.metrics.fragile_units(g)
    assert f["id"].tolist() == ["E", "W"]
    assert f["n_ties"].tolist() == [2, 1]
    assert f["n_carriers"].tolist() == [1, 1]
    assert f["sole_carrier"].iloc[0] == "K"
    assert f["sole_carrier_kind"].tolist() == ["cadre", "edge"]
    assert f["sole_carrier"].iloc[1] == "edge:3"  # the council_member edge, row 3


def test_as_of_filters_ties(graph_factory):
    g = graph_factory(
        [("C", "community"), ("E", "enterprise"), ("K", "cadre")],
        [("K", "C", "works_at"),
         ("K", "E", "part_time_post", None, "2020-01-01", "2022-12-31")])
    assert pl.metrics.isolated_units(g)["id"].tolist() == []
    assert pl.metrics.isolated_units(g, as_of="2023-06-30")["id"].tolist() == ["C", "E"]
    assert pl.metrics.isolated_units(g, as_of="2021-06-30")["id"].tolist() == []
    assert pl.metrics.fragile_units(g, as_of="2021-06-30")["id"].tolist() == ["C", "E"]
    pd.testing.assert_frame_equal(pl.metrics.isolated_units(g, as_of="2023-06-30"),
                                  pl.metrics.isolated_units(g.at("2023-06-30")))


def test_isolation_by_group(graph_factory):
    g = graph_factory(STAR_NODES, STAR_EDGES)
    z = pl.metrics.isolation_by_group(g, by="zone")
    assert z["zone"].tolist() == ["Z1", "Z2"]
    assert z["units"].tolist() == [5, 1]
    assert z["isolated"].tolist() == [0, 1]
    assert z["fragile"].tolist() == [4, 0]
    assert z["isolated_share"].tolist() == [0.0, 1.0]
    s = pl.metrics.isolation_by_group(g, by="sector")
    assert s["sector"].tolist() == ["community", "enterprise", "government"]
    assert s["units"].tolist() == [1, 4, 1]
    assert s["fragile"].tolist() == [0, 4, 0]
    assert s["isolated"].tolist() == [0, 0, 1]
    t = pl.metrics.isolation_by_group(g, by="type")
    assert t["type"].tolist() == ["agency", "community", "enterprise"]
    with pytest.raises(ValueError, match="not a node column"):
        pl.metrics.isolation_by_group(g, by="colour")


def test_units_without_zone_form_their_own_group(graph_factory):
    g = graph_factory([("C", "community", "Z1"), ("E", "enterprise")], [])
    z = pl.metrics.isolation_by_group(g)
    assert z["zone"].iloc[0] == "Z1" and pd.isna(z["zone"].iloc[1])
    assert z["isolated"].tolist() == [1, 1]


def test_no_ties_at_all(graph_factory):
    g = graph_factory([("C", "community"), ("E", "enterprise")], [])
    assert pl.metrics.isolated_units(g)["id"].tolist() == ["C", "E"]
    assert pl.metrics.fragile_units(g).empty
    assert pl.metrics.isolation_by_group(g)["isolated"].tolist() == [2]


@settings(max_examples=60, deadline=None)
@given(typed_graphs())
def test_isolation_agrees_with_brute_force(g):
    G = unit_nx(g)
    assert pl.metrics.isolated_units(g)["id"].tolist() == sorted(nx.isolates(G))
    t = g.ties()
    ends = pd.concat([
        pd.DataFrame({"unit": t["u"].astype(str), "carrier": _carrier(t)}),
        pd.DataFrame({"unit": t["v"].astype(str), "carrier": _carrier(t)}),
    ])
    per = ends.groupby("unit")["carrier"].agg(lambda c: sorted(set(c)))
    expected = {u: c[0] for u, c in per.items() if len(c) == 1}
    f = pl.metrics.fragile_units(g)
    assert dict(zip(f["id"], f["sole_carrier"], strict=True)) == expected
    assert f["id"].is_monotonic_increasing


def _carrier(t: pd.DataFrame) -> list[str]:
    return [v if isinstance(v, str) else f"edge:{e}"
            for v, e in zip(t["via"], t["edge"], strict=True)]


# Isolated units listed in each sample's README.md ("Isolated units: ..."), as of the
# audit date 2025-06-30; fragile units and key persons as listed there too.
SAMPLE_FACTS = {
    "yongchun": (["Y-E013", "Y-E025"], ["Y-A20", "Y-E007", "Y-E019"]),
    "quanzhou_etdz": (["Q-E033", "Q-E069", "Q-E105"], []),
    "shishi_pengtian": (["S-E012"], []),
}


@pytest.mark.parametrize("name", sorted(SAMPLE_FACTS))
def test_samples_match_their_readme(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = pl.datasets.load_sample(name)
    isolated, fragile = SAMPLE_FACTS[name]
    assert pl.metrics.isolated_units(g, as_of="2025-06-30")["id"].tolist() == isolated
    f = pl.metrics.fragile_units(g, as_of="2025-06-30")
    assert f.loc[f["sole_carrier_kind"] == "cadre", "id"].tolist() == fragile
