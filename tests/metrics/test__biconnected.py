"""Bridges, articulation points and cycle labels on CSR graphs, checked against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import coo_matrix

from partylinks.metrics._biconnected import (
    analyze,
    articulation_points,
    bridges,
    dfs_forest,
    simple_edges,
)

METHODS = ("scipy", "python")


def csr(n, edges):
    u = [a for a, _ in edges]
    v = [b for _, b in edges]
    return coo_matrix((np.ones(len(u)), (u, v)), shape=(n, n)).tocsr()


def nx_graph(n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((a, b) for a, b in edges if a != b)
    return g


def expected_added(g, x):
    h = g.copy()
    h.remove_node(x)
    return nx.number_connected_components(h) - nx.number_connected_components(g)


@st.composite
def graphs(draw, max_n=14):
    n = draw(st.integers(1, max_n))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                          max_size=3 * n))
    return n, edges


@st.composite
def trees_and_cycles(draw):
    """Forests, cycles and cycles with pendant paths (shapes that stress the DFS)."""
    n = draw(st.integers(1, 15))
    kind = draw(st.sampled_from(["tree", "cycle", "lollipop"]))
    if kind == "tree":
        edges = [(i, draw(st.integers(0, i - 1))) for i in range(1, n)]
        drop = draw(st.sets(st.integers(0, max(n - 2, 0)), max_size=3))
        edges = [e for i, e in enumerate(edges) if i not in drop]
    elif kind == "cycle":
        edges = [(i, (i + 1) % n) for i in range(n)]
    else:
        k = draw(st.integers(1, n))
        edges = [(i, (i + 1) % k) for i in range(k)] + [(i, i + 1) for i in range(k - 1, n - 1)]
    perm = draw(st.permutations(range(n)))
    return n, [(perm[a], perm[b]) for a, b in edges]


def check(n, edges, method):
    g = nx_graph(n, edges)
    adj = csr(n, edges)
    bu, bv = bridges(adj, method)
    expected = {tuple(sorted(e)) for e in nx.bridges(g)}
    assert set(zip(bu.tolist(), bv.tolist(), strict=True)) == expected
    assert (np.diff(bu) >= 0).all()
    ap, added = articulation_points(adj, method)
    assert ap.tolist() == sorted(nx.articulation_points(g))
    assert added.tolist() == [expected_added(g, x) for x in ap.tolist()]


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_random_graphs_agree_with_networkx(data):
    for method in METHODS:
        check(*data, method)


@settings(max_examples=200, deadline=None)
@given(trees_and_cycles())
def test_trees_and_cycles_agree_with_networkx(data):
    for method in METHODS:
        check(*data, method)


@settings(max_examples=200, deadline=None)
@given(graphs(max_n=10))
def test_forest_is_depth_first(data):
    """Every non-tree edge joins a vertex to one of its ancestors; subtrees are ranges."""
    n, edges = data
    for method in METHODS:
        f = dfs_forest(csr(n, edges), method)
        assert sorted(f.order.tolist()) == list(range(n))

        def ancestors(x, f=f):
            out = []
            while x >= 0:
                out.append(x)
                x = int(f.parent[x])
            return out

        for a, b in edges:
            if a != b:
                assert a in ancestors(b) or b in ancestors(a)
        for x in range(n):
            inside = {int(y) for y in f.order[f.pre[x]: f.end[x] + 1]}
            assert inside == {y for y in range(n) if x in ancestors(y)}


@settings(max_examples=200, deadline=None)
@given(graphs(max_n=10), st.data())
def test_cycle_labels_count_components_after_removal(data, draw):
    """components(G - F) - components(G) == |F| - rank(labels of F) for random F."""
    n, edges = data
    b = analyze(csr(n, edges))
    if len(b.u) == 0:
        return
    lab = b.cycle_labels(seed=7)
    pick = draw.draw(st.sets(st.integers(0, len(b.u) - 1), min_size=1, max_size=6))
    basis: list[int] = []
    for i in sorted(pick):
        x = int(lab[i, 0]) << 64 | int(lab[i, 1])
        for y in basis:
            x = min(x, x ^ y)
        if x:
            basis.append(x)
            basis.sort(reverse=True)
    g = nx_graph(n, edges)
    h = g.copy()
    h.remove_edges_from((int(b.u[i]), int(b.v[i])) for i in pick)
    added = nx.number_connected_components(h) - nx.number_connected_components(g)
    assert added == len(pick) - len(basis)
    assert ((lab == 0).all(axis=1) == b.is_bridge).all()


def test_multi_edges_and_loops_collapse():
    # 0-1 twice and a loop at 2: the simple graph is the path 0-1-2
    adj = csr(3, [(0, 1), (1, 0), (0, 1), (2, 2), (1, 2)])
    u, v = simple_edges(adj)
    assert list(zip(u.tolist(), v.tolist(), strict=True)) == [(0, 1), (1, 2)]
    bu, bv = bridges(adj)
    assert list(zip(bu.tolist(), bv.tolist(), strict=True)) == [(0, 1), (1, 2)]
    ap, added = articulation_points(adj)
    assert ap.tolist() == [1] and added.tolist() == [1]


def test_hand_drawn_bowtie():
    # two triangles sharing vertex 2, and a pendant 5 on vertex 4; 6 is alone
    edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (4, 5)]
    adj = csr(7, edges)
    for method in METHODS:
        bu, bv = bridges(adj, method)
        assert list(zip(bu.tolist(), bv.tolist(), strict=True)) == [(4, 5)]
        ap, added = articulation_points(adj, method)
        assert ap.tolist() == [2, 4] and added.tolist() == [1, 1]


def test_empty_graph():
    adj = csr(0, [])
    assert bridges(adj)[0].size == 0
    assert articulation_points(adj)[0].size == 0


@pytest.mark.parametrize("method", METHODS)
def test_long_path_needs_no_recursion(method):
    n = 50_000
    adj = csr(n, [(i, i + 1) for i in range(n - 1)])
    bu, _ = bridges(adj, method)
    assert len(bu) == n - 1
    ap, added = articulation_points(adj, method)
    assert len(ap) == n - 2 and (added == 1).all()


def test_hub_uses_python_search(monkeypatch):
    """A star above the work limit still gives every spoke as a bridge."""
    import partylinks.metrics._biconnected as bc

    monkeypatch.setattr(bc, "SCIPY_WORK_LIMIT", 10)
    n = 200
    adj = csr(n, [(0, i) for i in range(1, n)])
    bu, bv = bridges(adj)
    assert bu.tolist() == [0] * (n - 1) and bv.tolist() == list(range(1, n))
    ap, added = articulation_points(adj)
    assert ap.tolist() == [0] and added.tolist() == [n - 2]


@settings(max_examples=100, deadline=None)
@given(graphs(max_n=12))
def test_symmetric_input_read_as_it_is(data):
    """analyze(adj, symmetric=True) on a symmetric matrix (loops and repeated entries
    included) gives exactly what the general road gives."""
    n, edges = data
    both = edges + [(b, a) for a, b in edges]
    adj = csr(n, both)
    general, fast = analyze(adj), analyze(adj, symmetric=True)
    for name in ("u", "v", "is_bridge", "blocks"):
        assert np.array_equal(getattr(general, name), getattr(fast, name)), name
