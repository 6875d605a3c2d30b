"""Burt's constraint and effective size: by hand, and against networkx."""

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix

import partylinks as pl
from partylinks.graph.unitgraph import unit_graph
from partylinks.metrics._triangles import triangles


def simple_graph(g, weighted=False):
    """The unit graph built with networkx from unit_graph pairs."""
    ug = unit_graph(g)
    G = nx.Graph()
    G.add_nodes_from(ug.ids)
    for a, b, w in ug.pairs[["a", "b", "n_ties"]].itertuples(index=False):
        G.add_edge(ug.ids[a], ug.ids[b], weight=int(w))
    return G


def assert_matches_networkx(g):
    G = simple_graph(g)
    for weight, nx_weight in ((None, None), ("n_ties", "weight")):
        c = pl.metrics.constraint(g, weight=weight)
        e = pl.metrics.effective_size(g, weight=weight)
        # nodes=list(G): networkx's all-nodes shortcut for effective_size divides by the
        # wrong maximum on weighted graphs (networkx pull request #8906)
        nc = nx.constraint(G, nodes=list(G), weight=nx_weight)
        ne = nx.effective_size(G, nodes=list(G), weight=nx_weight)
        assert c.to_numpy() == pytest.approx([nc[i] for i in c.index], nan_ok=True)
        assert e.to_numpy() == pytest.approx([ne[i] for i in e.index], nan_ok=True)
        if weight is None:
            assert c.to_numpy() == pytest.approx(list(nx.constraint(G).values()), nan_ok=True)
            assert e.to_numpy() == pytest.approx(list(nx.effective_size(G).values()),
                                                 nan_ok=True)


def test_triangle_and_pendant_by_hand(graph_factory):
    """Triangle A-B-C, pendant D on A; A-B carries two ties, D is alone in zone."""
    nodes = [("A", "community"), ("B", "enterprise"), ("C", "park"), ("D", "grid"),
             ("X", "agency")]
    edges = [("A", "B", "co_building"), ("B", "A", "co_building"), ("B", "C", "co_building"),
             ("C", "A", "co_building"), ("D", "A", "co_building")]
    g = graph_factory(nodes, edges)
    c = pl.metrics.constraint(g)
    # A: p = 1/3 to B, C, D. l(A,B) = (1/3 + p_AC p_CB)^2 = (1/3 + 1/3 * 1/2)^2 = 1/4,
    #    same for C; l(A,D) = (1/3)^2. c(A) = 1/2 + 1/9.
    # B: p = 1/2 to A, C. l(B,A) = (p_BA + p_BC p_CA)^2 = (1/2 + 1/2 * 1/2)^2 = 9/16,
    #    l(B,C) = (p_BC + p_BA p_AC)^2 = (1/2 + 1/2 * 1/3)^2 = 4/9; c(B) = 9/16 + 4/9 = c(C).
    # D: p_DA = 1, no common neighbour: c(D) = 1.
    assert c.name == "constraint" and c.index.name == "id"
    assert c.loc[["A", "B", "C", "D"]].tolist() == pytest.approx([1 / 2 + 1 / 9, 9 / 16 + 4 / 9,
                                                    9 / 16 + 4 / 9, 1])
    assert np.isnan(c.loc["X"])
    e = pl.metrics.effective_size(g)
    # A: n = 3, t = 1 (B-C): 3 - 2/3. B: n = 2, t = 1: 2 - 1. D: 1.
    assert e.loc[["A", "B", "C", "D"]].tolist() == pytest.approx([3 - 2 / 3, 1, 1, 1])
    assert np.isnan(e.loc["X"]) and e.name == "effective_size"
    # weighted by ties: A-B weighs 2. p_AB = 2/4, p_AC = p_AD = 1/4; p_CA = p_CB = 1/2.
    # l(A,B) = (1/2 + 1/4 * 1/2)^2, l(A,C) = (1/4 + 1/2 * 1/3)^2, l(A,D) = (1/4)^2
    cw = pl.metrics.constraint(g, weight="n_ties")
    assert cw.loc["A"] == pytest.approx((5 / 8) ** 2 + (5 / 12) ** 2 + 1 / 16)
    # e(A) = 3 - [p_AC m_BC + p_AB m_CB] = 3 - [1/4 * 1/2 + 1/2 * 1]
    ew = pl.metrics.effective_size(g, weight="n_ties")
    assert ew.loc["A"] == pytest.approx(3 - (1 / 8 + 1 / 2))
    assert_matches_networkx(g)


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
def test_house_and_samples_match_networkx():
    assert_matches_networkx(pl.datasets.house())
    assert_matches_networkx(pl.datasets.load_sample("yongchun"))


def test_bad_weight():
    with pytest.raises(ValueError, match="n_ties"):
        pl.metrics.constraint(pl.datasets.house(), weight="weight")


def test_as_of(graph_factory):
    g = graph_factory([("A", "community"), ("B", "enterprise"), ("C", "park")],
                      [("A", "B", "co_building"), ("B", "C", "co_building"),
                       ("C", "A", "co_building", None, "2024-01-01")])
    assert pl.metrics.constraint(g).loc["A"] == pytest.approx(9 / 8)
    assert pl.metrics.constraint(g, as_of="2023-01-01").loc["A"] == pytest.approx(1.0)


TYPES = ["community", "enterprise", "park", "agency", "grid", "project"]


@st.composite
def random_graph(draw):
    n = draw(st.integers(1, 12))
    kinds = draw(st.lists(st.sampled_from(TYPES), min_size=n, max_size=n))
    arcs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=45))
    nodes = [(f"U{i:02d}", kinds[i]) for i in range(n)]
    edges = [(f"U{a:02d}", f"U{b:02d}", "co_building") for a, b in arcs if a != b]
    return nodes, edges


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(random_graph())
def test_random_graphs_match_networkx(graph_factory, graph):
    assert_matches_networkx(graph_factory(*graph))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 40), st.floats(0.05, 0.9), st.integers(0, 10**6))
def test_triangle_listing(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    A = csr_matrix(nx.to_scipy_sparse_array(G, format="csr"))
    t = triangles(A)
    found = sorted(tuple(sorted(r)) for r in t.tolist())
    expected = [c for c in itertools.combinations(range(n), 3)
                if G.has_edge(c[0], c[1]) and G.has_edge(c[1], c[2]) and G.has_edge(c[0], c[2])]
    assert found == expected                # each triangle exactly once
