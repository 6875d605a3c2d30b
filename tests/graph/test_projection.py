"""The unit projection on small hand-drawn graphs, tie tables written out."""

import pandas as pd

import partylinks as pl


def tie_rows(g):
    t = g.ties()
    return [(r.u, r.v, r.tie_type, None if pd.isna(r.via) else r.via)
            for r in t.astype(object).itertuples()]


def test_house_tie_table():
    g = pl.datasets.house()
    assert tie_rows(g) == [("E1", "C1", "part_time_post", "K2"),
                           ("C1", "E1", "part_time_post", "K1"),
                           ("C1", "W1", "council_member", None)]
    assert g.ties()["edge"].tolist() == [5, 6, 7]
    assert g.home_unit.to_dict() == {"K1": "C1", "K2": "E1"}
    assert g.host_unit.to_dict() == {"B1": "C1", "B2": "E1"}


def test_every_cadre_tie_type(graph_factory):
    """One cadre at C1 carries each kind of tie; each lands on the target's unit."""
    nodes = [("C1", "community"), ("C2", "community"), ("E1", "enterprise"), ("P1", "project"),
             ("W1", "council"), ("G1", "grid"), ("B9", "branch"), ("K", "cadre")]
    edges = [("K", "C1", "works_at"), ("B9", "E1", "hosted_by"),
             ("K", "B9", "part_time_post", "instructor"),       # branch -> its host E1
             ("K", "P1", "service_pairing", "support"),
             ("K", "G1", "liaison"), ("K", "G1", "grid_staff", "head"),
             ("K", "W1", "convenes"), ("K", "C2", "registers_at")]
    g = graph_factory(nodes, edges)
    assert tie_rows(g) == [("C1", "E1", "part_time_post", "K"),
                           ("C1", "P1", "service_pairing", "K"),
                           ("C1", "G1", "liaison", "K"), ("C1", "G1", "grid_staff", "K"),
                           ("C1", "W1", "convenes", "K"), ("C1", "C2", "registers_at", "K")]


def test_unit_to_unit_ties_have_no_via(graph_factory):
    nodes = [("A1", "agency"), ("E1", "enterprise"), ("C1", "community"), ("W1", "council"),
             ("B1", "branch"), ("B2", "branch")]
    edges = [("B1", "C1", "hosted_by"), ("B2", "E1", "hosted_by"),
             ("A1", "E1", "liaison"), ("B1", "B2", "co_building"), ("E1", "W1", "council_member"),
             ("B2", "C1", "registers_at")]
    g = graph_factory(nodes, edges)
    assert tie_rows(g) == [("A1", "E1", "liaison", None), ("C1", "E1", "co_building", None),
                           ("E1", "W1", "council_member", None),
                           ("E1", "C1", "registers_at", None)]


def test_structure_is_not_a_tie_and_self_ties_dropped(graph_factory):
    nodes = [("C1", "community"), ("E1", "enterprise"), ("G1", "grid"), ("B1", "branch"),
             ("B2", "branch"), ("K", "cadre")]
    edges = [("E1", "G1", "located_in"), ("B1", "C1", "hosted_by"), ("B2", "C1", "hosted_by"),
             ("B2", "B1", "reports_to"), ("K", "B1", "member_of"),
             ("K", "C1", "part_time_post"),   # home unit is C1 itself: not cross-organization
             ("B1", "B2", "co_building")]     # both hosted by C1
    g = graph_factory(nodes, edges)
    assert tie_rows(g) == []
    assert g.home_unit.to_dict() == {"K": "C1"}


def test_home_unit_prefers_works_at_then_latest(graph_factory):
    nodes = [("C1", "community"), ("E1", "enterprise"), ("E2", "enterprise"), ("B1", "branch"),
             ("K1", "cadre"), ("K2", "cadre")]
    edges = [("B1", "C1", "hosted_by"),
             ("K1", "B1", "member_of"), ("K1", "E1", "works_at"),        # works_at wins
             ("K2", "E1", "works_at", None, "2019-01-01", "2021-06-30"),
             ("K2", "E2", "works_at", None, "2021-07-01", None)]        # open edge wins
    g = graph_factory(nodes, edges)
    assert g.home_unit.to_dict() == {"K1": "E1", "K2": "E2"}


def test_projection_matches_a_plain_python_version():
    """Cross-check the vectorized projection against a loop over the networkx graph."""
    g = pl.datasets.house()
    G = g.to_networkx()
    home = {}
    for u, v, d in G.edges(data=True):
        if d["type"] == "works_at":
            home[u] = v
    host = {u: v for u, v, d in G.edges(data=True) if d["type"] == "hosted_by"}
    for u, v, d in G.edges(data=True):
        if d["type"] == "member_of" and u not in home and v in host:
            home[u] = host[v]
    units = {n for n, d in G.nodes(data=True) if d["type"] not in ("branch", "cadre")}

    def unit(n):
        return n if n in units else host.get(n) or home.get(n)
    expected = []
    for u, v, d in G.edges(data=True):
        if d["type"] in g.schema.tie_types:
            a, b = unit(u), unit(v)
            if a and b and a != b:
                expected.append((a, b, d["type"]))
    assert sorted(expected) == sorted(r[:3] for r in tie_rows(g))
