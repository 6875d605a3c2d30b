"""GEXF and GraphML export: read back with networkx, attributes flattened, no reserved names."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import partylinks as pl
from partylinks.graph.export import export_graph, to_gexf, to_graphml

READERS = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}


def _write(g, tmp_path, fmt, **kw):
    path = tmp_path / f"g.{fmt}"
    out = (g.to_gexf if fmt == "gexf" else g.to_graphml)(path, **kw)
    assert out == path and path.stat().st_size > 0
    return READERS[fmt](path)


def _edges_by_id(G) -> dict[str, dict]:
    return {d["id"]: {**d, "source": u, "target": v} for u, v, d in G.edges(data=True)}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_house_round_trip(tmp_path, fmt):
    g = pl.datasets.house()
    G = _write(g, tmp_path, fmt)
    assert G.number_of_nodes() == 8 and G.number_of_edges() == 9
    assert {k: G.nodes["K1"][k] for k in ("type", "name", "zone", "label", "unit")} == {
        "type": "cadre", "name": "林堃", "zone": "Z1", "label": "林堃", "unit": "C1"}
    assert G.nodes["A1"]["sector"] == "government" and "unit" not in G.nodes["A1"]
    edges = _edges_by_id(G)
    assert sorted(edges) == [f"e{k}" for k in range(9)]
    assert edges["e6"] == {"id": "e6", "source": "K1", "target": "E1",
                           "edge_type": "part_time_post", "role": "instructor",
                           "start_date": "2024-01-01"}
    assert edges["e0"]["edge_type"] == "hosted_by" and "role" not in edges["e0"]
    for _, _, d in G.edges(data=True):
        assert "type" not in d and "start" not in d and "end" not in d


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_flattening_and_reserved_names(tmp_path, fmt):
    nodes = pd.DataFrame({
        "id": ["C1", "E1", "K1", "B1"],
        "type": ["community", "enterprise", "cadre", "branch"],
        "name": ["桃源社区", "永兴纺织", "吴赟", None],
        "zone": ["Z1", "Z1", "Z1", None],
        "tags": [["共建", "联建"], ("x",), None, {"b", "a"}],
        "label": ["L1", None, "L3", "L4"],
        "pid": [1, 2, 3, 4],
        "joined": pd.to_datetime(["2024-01-01 08:30", None, "2024-02-01 00:00", None]),
        "party_members": [np.nan, 5.0, np.nan, 3.0],
        "above_scale": [None, True, None, False],
        "share": [0.5, np.nan, 1.25, np.nan],
        "note": [None, np.nan, pd.NA, None],
    })
    edges = pd.DataFrame({
        "source": ["B1", "K1", "K1", "K1"], "target": ["C1", "B1", "E1", "C1"],
        "type": ["hosted_by", "member_of", "part_time_post", "works_at"],
        "role": [None, None, "instructor", None],
        "start": pd.to_datetime([None, None, "2024-03-01", None]),
        "end": pd.to_datetime([None, None, "2025-03-31 17:00", None]),
        "weight": [2.0, np.nan, 1.5, np.nan],
        "id": ["x", "y", "z", None],
        "key": [None, None, "k", None],
    })
    g = pl.LinkGraph(nodes, edges)
    G = _write(g, tmp_path, fmt)
    c1, e1, k1, b1 = (G.nodes[n] for n in ("C1", "E1", "K1", "B1"))
    assert c1["tags"] == "共建;联建" and e1["tags"] == "x" and b1["tags"] == "a;b"
    assert "tags" not in k1
    # label is the name (the id without one); the user's own label column is kept aside
    assert (c1["label"], b1["label"]) == ("桃源社区", "B1")
    assert (c1["attr_label"], b1["attr_label"]) == ("L1", "L4") and "attr_label" not in e1
    assert c1["attr_pid"] == 1 and isinstance(c1["attr_pid"], int)
    assert c1["joined"] == "2024-01-01T08:30:00" and k1["joined"] == "2024-02-01"
    assert e1["party_members"] == 5 and isinstance(e1["party_members"], int)
    assert "party_members" not in c1
    assert e1["above_scale"] is True and b1["above_scale"] is False
    assert "above_scale" not in c1
    assert c1["share"] == 0.5 and k1["share"] == 1.25 and "share" not in e1
    assert not any("note" in G.nodes[n] for n in G.nodes)
    assert "zone" not in b1 and "name" not in b1
    edges = _edges_by_id(G)
    assert edges["e2"]["start_date"] == "2024-03-01"
    assert edges["e2"]["end_date"] == "2025-03-31T17:00:00"
    assert edges["e2"]["attr_id"] == "z" and edges["e2"]["attr_key"] == "k"
    assert edges["e0"]["weight"] == 2.0 and "weight" not in edges["e1"]
    assert "attr_id" not in edges["e3"]
    for _, d in G.nodes(data=True):
        assert all(v is not None and v == v for v in d.values())


def test_gexf_attributes_have_one_type_and_no_timeline(tmp_path):
    g = pl.datasets.load_sample("yongchun")
    path = to_gexf(g, tmp_path / "y.gexf")
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "static" and graph.get("timeformat") is None
    for attrs in graph.findall("g:attributes", ns):
        titles = Counter(a.get("title") for a in attrs.findall("g:attribute", ns))
        assert all(n == 1 for n in titles.values()), titles
        reserved = {"start", "end", "label", "id", "pid"}
        if attrs.get("class") == "edge":
            reserved |= {"type", "weight"}
        assert not reserved & set(titles), titles
    for edge in graph.iter("{http://www.gexf.net/1.2draft}edge"):
        assert edge.get("type") is None and edge.get("start") is None


@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz", "shishi_pengtian"])
def test_samples_round_trip(tmp_path, name):
    g = pl.datasets.load_sample(name)
    for fmt, writer in (("gexf", to_gexf), ("graphml", to_graphml)):
        G = READERS[fmt](writer(g, tmp_path / f"s.{fmt}"))
        assert G.number_of_nodes() == g.n_nodes and G.number_of_edges() == g.n_edges
        types = Counter(d["type"] for _, d in G.nodes(data=True))
        assert types == Counter(g.nodes["type"].astype(str))
        etypes = Counter(d["edge_type"] for _, _, d in G.edges(data=True))
        assert etypes == Counter(g.edges["type"].astype(str))
        names = dict(zip(g.nodes["id"], g.nodes["name"], strict=True))
        assert all(d["label"] == names[n] for n, d in G.nodes(data=True))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_unit_graph_export(tmp_path, fmt):
    g = pl.datasets.house()
    G = _write(g, tmp_path, fmt, units=True)
    assert sorted(G.nodes) == ["A1", "C1", "E1", "W1"]
    pairs = {tuple(sorted((u, v))): d for u, v, d in G.edges(data=True)}
    assert set(pairs) == {("C1", "E1"), ("C1", "W1")}
    assert pairs["C1", "E1"]["weight"] == 2 and pairs["C1", "E1"]["n_carriers"] == 2
    assert pairs["C1", "E1"]["tie_types"] == "part_time_post"
    assert pairs["C1", "E1"]["carriers"] == "K1;K2"
    assert pairs["C1", "W1"]["tie_types"] == "council_member"
    # before K1's appointment started only K2 ties C1 and E1
    H = export_graph(g, units=True, as_of="2023-12-31")
    assert H.edges["C1", "E1"]["weight"] == 1 and H.edges["C1", "E1"]["carriers"] == "K2"
    before = export_graph(g, as_of="2023-12-31")
    assert before.number_of_edges() == 8
    # an edge keeps its id in a snapshot: e6 (K1's appointment from 2024) is left out
    assert sorted(d["id"] for _, _, d in before.edges(data=True)) == [
        "e0", "e1", "e2", "e3", "e4", "e5", "e7", "e8"]
