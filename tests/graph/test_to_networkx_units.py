"""LinkGraph.to_networkx(units=True, as_of=...): the unit graph handed to networkx."""

import networkx as nx
import pytest

import partylinks as pl


def test_house_unit_graph_by_hand():
    """house: C1 and E1 are tied by two ties, C1 and W1
    are tied by one tie; A1 has no tie."""
    U = pl.datasets.house().to_networkx(units=True)
    assert isinstance(U, nx.Graph) and not U.is_directed()
    assert sorted(U.nodes) == ["A1", "C1", "E1", "W1"]
    assert sorted(U.edges(data="weight")) == [("C1", "E1", 2), ("C1", "W1", 1)]
    assert U.nodes["C1"]["sector"] == "community" and U.nodes["C1"]["name"] == "桃源社区"
    assert U.degree("A1") == 0


def test_matches_the_gexf_export_and_the_metrics():
    g = pl.datasets.load_sample("yongchun")
    U = g.to_networkx(units=True, as_of="2025-06-30")
    E = pl.graph.export.export_graph(g, units=True, as_of="2025-06-30")
    assert set(U.nodes) == set(E.nodes)
    assert {frozenset(e) for e in U.edges} == {frozenset(e) for e in E.edges}
    for u, v, d in U.edges(data=True):
        e = E.edges[u, v]
        assert d["weight"] == e["weight"]
        assert ";".join(d["tie_types"]) == e["tie_types"]
        assert ";".join(d["carriers"]) == e["carriers"]
    iso = set(pl.metrics.isolated_units(g, as_of="2025-06-30")["id"])
    assert iso == set(nx.isolates(U))
    comps = pl.metrics.components(g, as_of="2025-06-30")
    assert comps.nunique() == nx.number_connected_components(U)


def test_as_of_keeps_active_edges(graph_factory):
    g = graph_factory([("C1", "community"), ("E1", "enterprise"), ("P1", "park")],
                      [("C1", "E1", "co_building"),
                       ("E1", "P1", "co_building", None, "2024-01-01")])
    assert sorted(map(sorted, g.to_networkx(units=True).edges)) == [["C1", "E1"], ["E1", "P1"]]
    assert list(g.to_networkx(units=True, as_of="2023-06-30").edges) == [("C1", "E1")]
    typed = g.to_networkx(as_of="2023-06-30")
    assert typed.number_of_edges() == 1


@pytest.mark.parametrize("units", [False, True])
def test_as_of_none_is_every_edge(units):
    g = pl.datasets.house()
    assert g.to_networkx(units=units).number_of_edges() == \
        g.to_networkx(units=units, as_of=None).number_of_edges()
