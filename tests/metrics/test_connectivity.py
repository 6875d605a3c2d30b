"""Components, bridges, articulation units, key-person risk, mechanisms and reach."""

from __future__ import annotations

import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from structure_graphs import typed_graphs, unit_ids, unit_nx

import partylinks as pl

M = pl.metrics


def star(graph_factory):
    """Community C tied to four enterprises by four cadres; agency A alone."""
    nodes = [("C", "community"), ("A", "agency")] + [(f"E{i}", "enterprise") for i in
                                                      range(1, 5)]
    nodes += [(f"K{i}", "cadre") for i in range(1, 5)]
    edges = [(f"K{i}", "C", "works_at") for i in range(1, 5)]
    edges += [(f"K{i}", f"E{i}", "part_time_post") for i in range(1, 5)]
    return graph_factory(nodes, edges)


def chain(graph_factory):
    """Triangle C1-C2-C3 (co-building), C3-E1 by cadre K, E1-E2 co-building:
    the last two pairs are bridges, C3 and E1 articulation units."""
    nodes = [("C1", "community"), ("C2", "community"), ("C3", "community"),
             ("E1", "enterprise"), ("E2", "enterprise"), ("K", "cadre")]
    edges = [("C1", "C2", "co_building"), ("C2", "C3", "co_building"),
             ("C3", "C1", "co_building"), ("K", "C3", "works_at"),
             ("K", "E1", "part_time_post"), ("E1", "E2", "co_building")]
    return graph_factory(nodes, edges)


def test_star(graph_factory):
    g = star(graph_factory)
    c = M.components(g)
    assert c.name == "component" and c.index.tolist() == ["A", "C", "E1", "E2", "E3", "E4"]
    assert c.tolist() == [1, 0, 0, 0, 0, 0]
    assert M.largest_component_share(g) == 5 / 6
    b = M.bridges(g)
    assert b[["u", "v"]].values.tolist() == [["C", f"E{i}"] for i in range(1, 5)]
    assert b["carriers"].tolist() == ["K1", "K2", "K3", "K4"]
    assert b["tie_types"].tolist() == ["part_time_post"] * 4
    a = M.articulation_units(g)
    assert a["id"].tolist() == ["C"] and a["components_added"].tolist() == [3]
    r = M.key_person_risk(g)
    assert r["cadre"].tolist() == ["K1", "K2", "K3", "K4"]
    assert r["isolates"].tolist() == [["E1"], ["E2"], ["E3"], ["E4"]]
    assert r["components_added"].tolist() == [1, 1, 1, 1]
    assert r["rank"].tolist() == [1, 2, 3, 4]
    assert r["home_unit"].tolist() == ["C"] * 4


def test_chain_with_bridges(graph_factory):
    g = chain(graph_factory)
    b = M.bridges(g)
    assert b[["u", "v"]].values.tolist() == [["C3", "E1"], ["E1", "E2"]]
    assert b["carriers"].tolist()[0] == "K"
    assert b["carriers"].tolist()[1].startswith("edge:")
    a = M.articulation_units(g)
    assert a["id"].tolist() == ["C3", "E1"]
    assert a["components_added"].tolist() == [1, 1]
    r = M.key_person_risk(g)
    assert r["cadre"].tolist() == ["K"]
    assert r["isolates"].tolist() == [[]]  # E1 keeps its tie to E2
    assert r["components_added"].tolist() == [1]
    m = M.mechanism_dependence(g).set_index("tie_type")
    assert m.loc["co_building", ["n_ties", "pairs_lost", "units_isolated",
                                 "components_added"]].tolist() == [4, 4, 3, 3]
    assert m.loc["part_time_post", "components_added"] == 1
    assert m.loc["liaison", "n_ties"] == 0
    assert m.index.tolist() == list(g.schema.tie_types)


def test_two_islands(graph_factory):
    g = graph_factory(
        [("C2", "community", "Z1"), ("E2", "enterprise", "Z1"), ("E3", "enterprise", "Z1"),
         ("C1", "community", "Z2"), ("E1", "enterprise", "Z2"), ("W", "council", "Z2")],
        [("C2", "E2", "co_building"), ("E2", "E3", "co_building"),
         ("C1", "E1", "co_building"), ("E1", "W", "council_member")])
    c = M.components(g)
    # equal sizes: the island holding the smallest id (C1) comes first
    assert c.to_dict() == {"C1": 0, "C2": 1, "E1": 0, "E2": 1, "E3": 1, "W": 0}
    s = M.component_summary(g)
    assert s["size"].tolist() == [3, 3]
    assert s["sectors"].tolist() == ["community;enterprise;government", "community;enterprise"]
    assert s["zones"].tolist() == ["Z2", "Z1"]
    assert s["has_council"].tolist() == [True, False]
    assert M.largest_component_share(g) == 0.5


def test_components_break_ties_by_smallest_id(graph_factory):
    g = graph_factory([("B", "community"), ("A", "community"), ("D", "enterprise"),
                       ("C", "enterprise")], [("B", "D", "co_building")])
    # sizes 2, 1, 1: the pair first, then A before C
    assert M.components(g).to_dict() == {"A": 1, "B": 0, "C": 2, "D": 0}


def test_cadre_who_is_the_only_tie_of_two_units(graph_factory):
    g = graph_factory(
        [("A", "agency"), ("W", "council"), ("E1", "enterprise"), ("E2", "enterprise"),
         ("C", "community"), ("K", "cadre"), ("L", "cadre")],
        [("K", "A", "works_at"), ("K", "E1", "liaison"), ("K", "E2", "liaison"),
         ("A", "W", "council_member"), ("C", "W", "council_member"),
         ("L", "C", "works_at"), ("L", "E2", "liaison"), ("L", "E2", "part_time_post")])
    r = M.key_person_risk(g)
    # pairs: A-E1 (K), A-E2 (K), A-W, C-W, C-E2 (L twice): the cycle A-E2-C-W holds.
    # Without K, E1 is alone and E2 keeps C; without L, E2 keeps A and nothing splits.
    assert r["cadre"].tolist() == ["K", "L"]
    assert r["isolates"].tolist() == [["E1"], []]
    assert r["components_added"].tolist() == [1, 0]
    assert r["n_ties"].tolist() == [2, 2]

    g2 = graph_factory(
        [("A", "agency"), ("W", "council"), ("E1", "enterprise"), ("E2", "enterprise"),
         ("K", "cadre")],
        [("K", "A", "works_at"), ("K", "E1", "liaison"), ("K", "E2", "liaison"),
         ("A", "W", "council_member")])
    r2 = M.key_person_risk(g2)
    assert r2["isolates"].tolist() == [["E1", "E2"]]
    assert r2["n_isolated"].tolist() == [2] and r2["components_added"].tolist() == [2]


def test_mutual_pair(graph_factory):
    g = graph_factory(
        [("C", "community"), ("E", "enterprise"), ("K1", "cadre"), ("K2", "cadre")],
        [("K1", "C", "works_at"), ("K2", "E", "works_at"),
         ("K1", "E", "part_time_post", "instructor"),
         ("K2", "C", "part_time_post", "part_time_member")])
    b = M.bridges(g)
    assert b[["u", "v", "n_ties", "carriers"]].values.tolist() == [["C", "E", 2, "K1;K2"]]
    r = M.key_person_risk(g)
    assert r["n_isolated"].tolist() == [0, 0] and r["components_added"].tolist() == [0, 0]
    assert M.articulation_units(g).empty


def test_pocket_split_without_isolating(graph_factory):
    """K's two sole pairs C-X and C-Y are no bridges (triangle C, X, Y) but together cut
    the pocket {X, Y} off C: one component added, no unit isolated."""
    g = graph_factory(
        [("C", "community"), ("Z", "community"), ("X", "enterprise"), ("Y", "enterprise"),
         ("K", "cadre")],
        [("K", "C", "works_at"), ("K", "X", "part_time_post"), ("K", "Y", "part_time_post"),
         ("X", "Y", "co_building"), ("C", "Z", "co_building")])
    assert M.bridges(g)[["u", "v"]].values.tolist() == [["C", "Z"]]
    r = M.key_person_risk(g)
    assert r["isolates"].tolist() == [[]] and r["components_added"].tolist() == [1]


def test_many_sole_pairs_in_one_ring(graph_factory):
    """A cadre with 70 posts on a ring of enterprises: more than the labelled limit."""
    n = 70
    nodes = [("C", "community"), ("Z", "community"), ("K", "cadre")]
    nodes += [(f"X{i:02d}", "enterprise") for i in range(n)]
    edges = [("K", "C", "works_at"), ("C", "Z", "co_building")]
    edges += [("K", f"X{i:02d}", "part_time_post") for i in range(n)]
    edges += [(f"X{i:02d}", f"X{(i + 1) % n:02d}", "co_building") for i in range(n)]
    r = M.key_person_risk(graph_factory(nodes, edges))
    assert r["components_added"].tolist() == [1] and r["n_isolated"].tolist() == [0]


def test_zone_connectivity(graph_factory):
    g = graph_factory(
        [("C1", "community", "Z1"), ("P1", "park", "Z1"), ("E1", "enterprise", "Z1"),
         ("C2", "community", "Z2"), ("E2", "enterprise", "Z2"), ("P2", "park", "Z2")],
        [("C1", "P1", "co_building"), ("P1", "E1", "co_building"),
         ("C2", "E1", "co_building"), ("E2", "P2", "co_building")])
    z = M.zone_connectivity(g)
    assert z["zone"].tolist() == ["Z1", "Z2"]
    assert z["units"].tolist() == [3, 3]
    assert z["components"].tolist() == [1, 2]  # C2-E1 crosses zones and does not count
    assert z["largest_share"].tolist() == [1.0, 2 / 3]
    assert z["community_park"].tolist() == [True, False]
    assert z["community_enterprise"].tolist() == [True, False]
    assert z["park_enterprise"].tolist() == [True, True]


def test_reach(graph_factory):
    g = chain(graph_factory)
    r = M.reach(g, "community", "enterprise", k=2)
    assert r["id"].tolist() == ["C1", "C2", "C3"]
    assert r["reaches"].tolist() == [True, True, True]
    assert r["hops"].tolist() == [2, 2, 1]
    r1 = M.reach(g, "community", "enterprise", k=1)
    assert r1["reaches"].tolist() == [False, False, True]
    assert r1["hops"].isna().tolist() == [True, True, False]
    assert M.reach_share(g, "community", "enterprise", k=1) == pytest.approx(1 / 3)
    assert np.isnan(M.reach_share(g, "park", "enterprise"))
    with pytest.raises(ValueError, match="unknown source sector"):
        M.reach(g, "village", "enterprise")
    with pytest.raises(ValueError, match="same sector"):
        M.reach(g, "community", "community")
    with pytest.raises(ValueError, match="k must be"):
        M.reach(g, k=0)


def test_as_of(graph_factory):
    g = graph_factory(
        [("C", "community"), ("E", "enterprise"), ("W", "council"), ("K", "cadre")],
        [("K", "C", "works_at"), ("K", "E", "part_time_post", None, "2020-01-01", "2022-12-31"),
         ("C", "W", "council_member", None, "2021-01-01")])
    assert M.components(g).to_dict() == {"C": 0, "E": 0, "W": 0}
    assert M.components(g, as_of="2020-06-30").to_dict() == {"C": 0, "E": 0, "W": 1}
    assert M.components(g, as_of="2024-01-01").to_dict() == {"C": 0, "E": 1, "W": 0}
    assert M.key_person_risk(g, as_of="2024-01-01").empty
    for f in (M.bridges, M.articulation_units, M.key_person_risk, M.component_summary,
              M.zone_connectivity, M.mechanism_dependence, M.reach):
        pd.testing.assert_frame_equal(f(g, as_of="2021-06-30"), f(g.at("2021-06-30")))


def test_no_units(graph_factory):
    with pytest.warns(pl.ValidationWarning, match="no_home_unit"):
        g = graph_factory([("K", "cadre")], [])
    assert M.components(g).empty
    assert M.largest_component_share(g) == 0.0
    assert M.bridges(g).empty and M.articulation_units(g).empty
    assert M.key_person_risk(g).empty and M.component_summary(g).empty


# -- property tests against networkx and brute force ---------------------------------------
def _components_nx(G):
    comps = sorted((sorted(c) for c in nx.connected_components(G)), key=lambda c: (-len(c), c[0]))
    return {u: i for i, c in enumerate(comps) for u in c}


@settings(max_examples=80, deadline=None)
@given(typed_graphs())
def test_structure_agrees_with_networkx(g):
    G = unit_nx(g)
    assert M.components(g).to_dict() == _components_nx(G)
    b = M.bridges(g)
    assert set(map(tuple, b[["u", "v"]].values.tolist())) == \
        {tuple(sorted(e)) for e in nx.bridges(G)}
    a = M.articulation_units(g)
    assert a["id"].tolist() == sorted(nx.articulation_points(G))
    base = nx.number_connected_components(G)
    for x, added in zip(a["id"], a["components_added"], strict=True):
        H = G.copy()
        H.remove_node(x)
        assert nx.number_connected_components(H) - base == added
    s = M.component_summary(g)
    assert s["size"].sum() == G.number_of_nodes()
    assert s["size"].is_monotonic_decreasing


@settings(max_examples=80, deadline=None)
@given(typed_graphs(max_units=8, max_cadres=5))
def test_key_person_risk_by_brute_force(g):
    G = unit_nx(g)
    base = nx.number_connected_components(G)
    t = g.ties()
    r = M.key_person_risk(g).set_index("cadre")
    assert sorted(r.index) == sorted(t["via"].dropna().unique())
    for cadre, row in r.iterrows():
        H = unit_nx(g, drop=(t["via"] == cadre).to_numpy())
        iso = sorted(u for u in H if H.degree(u) == 0 and G.degree(u) > 0)
        assert row["isolates"] == iso, cadre
        assert row["components_added"] == nx.number_connected_components(H) - base, cadre
        assert row["n_ties"] == int((t["via"] == cadre).sum())
    assert r["rank"].tolist() == list(range(1, len(r) + 1))


@settings(max_examples=60, deadline=None)
@given(typed_graphs())
def test_mechanism_dependence_by_brute_force(g):
    G = unit_nx(g)
    base = nx.number_connected_components(G)
    t = g.ties()
    for _, row in M.mechanism_dependence(g).iterrows():
        H = unit_nx(g, drop=(t["tie_type"] == row["tie_type"]).to_numpy())
        assert row["n_ties"] == int((t["tie_type"] == row["tie_type"]).sum())
        assert row["units_isolated"] == sum(1 for u in H if H.degree(u) == 0 < G.degree(u))
        assert row["components_added"] == nx.number_connected_components(H) - base
        assert row["pairs_lost"] == G.number_of_edges() - H.number_of_edges()


@settings(max_examples=60, deadline=None)
@given(typed_graphs(dated=True))
def test_zone_connectivity_and_reach_agree_with_networkx(g):
    for as_of in (None, "2022-01-01"):
        snap = g if as_of is None else g.at(as_of)
        G = unit_nx(snap)
        zone = g.nodes.set_index("id")["zone"].astype(str)
        sector = g.sector
        z = M.zone_connectivity(g, as_of=as_of).set_index("zone")
        for name, row in z.iterrows():
            H = G.subgraph([u for u in G if zone[u] == name])
            comps = list(nx.connected_components(H))
            assert row["units"] == H.number_of_nodes()
            assert row["components"] == len(comps)
            assert row["largest_share"] == max(map(len, comps)) / len(H)
            for s1, s2 in (("community", "park"), ("community", "enterprise"),
                           ("park", "enterprise")):
                both = any({sector[u] for u in c} >= {s1, s2} for c in comps)
                assert row[f"{s1}_{s2}"] == both
        r = M.reach(g, "community", "enterprise", k=2, as_of=as_of)
        targets = [u for u in unit_ids(g) if sector[u] == "enterprise"]
        for uid, hops in zip(r["id"], r["hops"], strict=True):
            d = nx.single_source_shortest_path_length(G, uid, cutoff=2)
            near = [d[t] for t in targets if t in d]
            assert (min(near) if near else None) == (None if pd.isna(hops) else hops)


def test_samples_match_their_readme():
    """Bridges and key persons written in each sample's README.md (as of 2025-06-30)."""
    expected = {
        "yongchun": ([("Y-A20", "Y-E007"), ("Y-A20", "Y-J01"), ("Y-C07", "Y-E019")],
                     {"Y-K0010": ["Y-A20", "Y-E007"], "Y-K0115": ["Y-E019"]}, [100, 1, 1]),
        "shishi_pengtian": ([(u, "S-U01") for u in ("S-A02", "S-A05", "S-A06", "S-E006",
                                                    "S-E007", "S-E009", "S-E010", "S-E011",
                                                    "S-P03", "S-P04")], {}, [32, 1]),
        "quanzhou_etdz": ([("Q-A02", "Q-G001"), ("Q-A02", "Q-G002"), ("Q-A02", "Q-G003"),
                           ("Q-A04", "Q-G025"), ("Q-A08", "Q-G055"), ("Q-A09", "Q-G065"),
                           ("Q-A10", "Q-G071")]
                          + [(f"Q-E00{i}", "Q-G025") for i in range(3, 9)]
                          + [(f"Q-E02{i}", "Q-G065") for i in range(1, 5)], {},
                          [223, 1, 1, 1]),
    }
    for name, (bridge_list, key, sizes) in expected.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            g = pl.datasets.load_sample(name)
        d = "2025-06-30"
        assert [tuple(x) for x in M.bridges(g, as_of=d)[["u", "v"]].values] == bridge_list
        r = M.key_person_risk(g, as_of=d)
        hit = r[(r["n_isolated"] > 0) | (r["components_added"] > 0)]
        assert dict(zip(hit["cadre"], hit["isolates"], strict=True)) == key
        assert M.component_summary(g, as_of=d)["size"].tolist() == sizes


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 9), st.data())
def test_key_person_risk_on_pockets_by_brute_force(n, data):
    """One cadre at C with posts to many units that are also tied among themselves: its
    sole pairs often cut pockets off without isolating anyone (the exact search)."""
    xs = [f"X{i}" for i in range(n)]
    nodes = [{"id": "C", "type": "community"}, {"id": "K", "type": "cadre"},
             {"id": "L", "type": "cadre"}] + [{"id": x, "type": "enterprise"} for x in xs]
    edges = [("K", "C", "works_at"), ("L", data.draw(st.sampled_from(xs)), "works_at")]
    edges += [("K", x, "part_time_post") for x in data.draw(st.sets(st.sampled_from(xs)))]
    pairs = data.draw(st.sets(st.tuples(st.sampled_from(xs + ["C"]), st.sampled_from(xs)),
                              max_size=2 * n))
    edges += [(a, b, "co_building") for a, b in pairs if a != b]
    edges += [("L", x, "liaison") for x in data.draw(st.sets(st.sampled_from(xs), max_size=2))]
    for z in nodes:
        z["zone"] = "Z1"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = pl.from_frames(pd.DataFrame(nodes),
                           pd.DataFrame(edges, columns=["source", "target", "type"]))
    G = unit_nx(g)
    base = nx.number_connected_components(G)
    t = g.ties()
    for cadre, row in M.key_person_risk(g).set_index("cadre").iterrows():
        H = unit_nx(g, drop=(t["via"] == cadre).to_numpy())
        assert row["components_added"] == nx.number_connected_components(H) - base
        assert row["isolates"] == sorted(u for u in H if H.degree(u) == 0 < G.degree(u))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), min_size=1,
                         max_size=9), min_size=1, max_size=6))
def test_group_ranks_match_elimination_by_hand(groups):
    """The vectorized GF(2) rank of label groups equals a plain elimination."""
    from partylinks.metrics._removal import _ranks

    # small values in both words, shifted so that low and high words both matter
    rows = [(hi << 61, lo * 3) for grp in groups for hi, lo in grp]
    labels = np.array(rows, dtype=np.uint64).reshape(-1, 2)
    size = np.array([len(grp) for grp in groups])
    start = np.r_[0, np.cumsum(size)[:-1]]
    expected = []
    for grp in groups:
        basis: list[int] = []
        for hi, lo in grp:
            x = (hi << 61) << 64 | lo * 3
            for y in basis:
                x = min(x, x ^ y)
            if x:
                basis.append(x)
                basis.sort(reverse=True)
        expected.append(len(basis))
    assert _ranks(labels, start, size).tolist() == expected
