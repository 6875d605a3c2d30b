"""LinkGraph: selection, time slices, summary, networkx round trip."""

import networkx as nx
import pandas as pd
import pytest

import partylinks as pl


def test_tables_and_codes():
    g = pl.datasets.house()
    assert g.n_nodes == 8 and g.n_edges == 9
    s, t = g.edge_codes()
    assert g.node_index[s[0]] == "B1" and g.node_index[t[0]] == "C1"
    assert g.edges["source"].astype(str).tolist()[:2] == ["B1", "B2"]
    with pytest.raises(KeyError, match="nope"):
        g.node_codes(["C1", "nope"])


def test_by_type_and_units():
    g = pl.datasets.house()
    assert g.by_type("cadre", "党组织")["id"].tolist() == ["B1", "B2", "K1", "K2"]
    assert g.units["sector"].tolist() == ["community", "enterprise", "government", "government"]
    assert g.sector.to_dict() == {"C1": "community", "E1": "enterprise", "W1": "government",
                                  "A1": "government"}
    with pytest.raises(ValueError, match="unknown node type"):
        g.by_type("alien")


def test_at_is_inclusive(graph_factory):
    g = graph_factory([("C1", "community"), ("E1", "enterprise"), ("K", "cadre")],
                      [("K", "C1", "works_at"),
                       ("K", "E1", "part_time_post", None, "2024-01-01", "2024-06-30")])
    assert len(g.at("2023-12-31").ties()) == 0
    assert len(g.at("2024-01-01").ties()) == 1
    assert len(g.at("2024年6月30日").ties()) == 1
    assert len(g.at(pd.Timestamp("2024-07-01")).ties()) == 0
    with pytest.raises(ValueError, match="cannot read the date"):
        g.at("someday")


def test_subgraph_by_zone():
    g = pl.datasets.house()
    h = g.subgraph(zones=["Z1"])
    assert "A1" not in set(h.nodes["id"]) and h.n_nodes == 7
    assert len(h.ties()) == 3


def test_summary_counts():
    s = pl.datasets.house().summary()
    assert s.nodes_by_type.to_dict() == {"community": 1, "enterprise": 1, "agency": 1,
                                         "branch": 2, "cadre": 2, "council": 1}
    assert s.ties_by_type.to_dict() == {"part_time_post": 2, "council_member": 1}
    assert s.by_zone.loc["Z1", "total"] == 7 and s.by_zone.loc["Z2", "agency"] == 1
    assert "<table" in s._repr_html_() and "3 ties" in repr(pl.datasets.house().summary("en"))
    assert "单位间联系 3 条" in repr(pl.datasets.house().summary("zh"))
    assert s.to_frame().query("part == 'total' and key == 'edges'")["count"].item() == 9


def test_networkx_round_trip():
    g = pl.datasets.house()
    G = g.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert G.nodes["K1"] == {"type": "cadre", "name": "林堃", "zone": "Z1"}
    assert G.number_of_edges() == 9
    h = pl.from_networkx(G)
    pd.testing.assert_frame_equal(h.ties(), g.ties())
    assert h.nodes["id"].tolist() == g.nodes["id"].tolist()


def test_from_networkx_checks_types():
    G = nx.DiGraph()
    G.add_node("a", type="community")
    G.add_node("b", type="alien")
    G.add_edge("a", "b", type="co_building")
    with pytest.raises(pl.ValidationError, match="alien"):
        pl.from_networkx(G)


def test_edge_ids_are_stable_across_snapshots(graph_factory):
    g = graph_factory([("C1", "community"), ("E1", "enterprise"), ("W1", "council")],
                      [("C1", "W1", "council_member", None, "2024-01-01", "2024-12-31"),
                       ("E1", "W1", "council_member")])
    h = g.at("2025-06-30")
    assert h.edge_ids.tolist() == [1]
    from partylinks.graph.unitgraph import unit_graph

    assert unit_graph(h).ties["carrier"].tolist() == ["edge:1"]
    fragile = pl.metrics.fragile_units(g, as_of="2025-06-30")
    assert fragile[["id", "sole_carrier"]].values.tolist() == [["E1", "edge:1"], ["W1", "edge:1"]]
