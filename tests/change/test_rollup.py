"""rollup: the party tree and the administrative tree, counts written out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partylinks as pl
from partylinks.change._tree import depths, dfs_order, subtree_distinct, subtree_sum


@pytest.fixture
def g(graph_factory):
    # Party tree:  P (hosted by township A1)
    #              ├── G1 (C1) ── B1 (C1), B2 (E1)
    #              └── G2 (P1) ── B3 (E2)
    # Members: K1->P, K2->G1, K3->B1 and B2, K4->B1, K5->B2, K6->B3.
    # Ties: C1-E1 and A1-P1 co-building; E2 (zone Z2) has none. E1 is located in P1.
    nodes = [("A1", "agency", "Z1", "镇"), ("C1", "community", "Z1", "社区"),
             ("P1", "park", "Z1", "园区"), ("E1", "enterprise", "Z1", "甲企业"),
             ("E2", "enterprise", "Z2", "乙企业"),
             ("P", "branch", "Z1", "镇党委"), ("G1", "branch", "Z1", "社区党总支"),
             ("G2", "branch", "Z1", "园区党总支"), ("B1", "branch", "Z1", "社区支部"),
             ("B2", "branch", "Z1", "甲企业支部"), ("B3", "branch", "Z2", "乙企业支部")]
    nodes += [(f"K{i}", "cadre", "Z1", f"党员{i}") for i in range(1, 7)]
    edges = [("P", "A1", "hosted_by"), ("G1", "C1", "hosted_by"), ("G2", "P1", "hosted_by"),
             ("B1", "C1", "hosted_by"), ("B2", "E1", "hosted_by"), ("B3", "E2", "hosted_by"),
             ("G1", "P", "reports_to"), ("G2", "P", "reports_to"), ("B1", "G1", "reports_to"),
             ("B2", "G1", "reports_to"), ("B3", "G2", "reports_to"),
             ("K1", "P", "member_of"), ("K2", "G1", "member_of"), ("K3", "B1", "member_of"),
             ("K3", "B2", "member_of"), ("K4", "B1", "member_of"), ("K5", "B2", "member_of"),
             ("K6", "B3", "member_of"),
             ("C1", "E1", "co_building"), ("A1", "P1", "co_building"),
             ("E1", "P1", "located_in")]
    return graph_factory(nodes, edges)


# findings on E2 (a unit), B1 (a branch: counts for its host C1), K5 (a cadre: home E1)
FINDINGS = pd.DataFrame({"node_id": ["E2", "B1", "K5"]})


def test_party_tree_counts(g):
    r = pl.rollup(g, tree="party", report=FINDINGS)
    cols = ["id", "parent", "depth", "branches", "direct_members", "members", "host_units",
            "isolated_host_units", "findings"]
    assert r[cols].values.tolist() == [
        ["P", None, 0, 6, 1, 6, 5, 1, 3],
        ["G1", "P", 1, 3, 1, 4, 2, 0, 2],
        ["B1", "G1", 2, 1, 2, 2, 1, 0, 1],
        ["B2", "G1", 2, 1, 2, 2, 1, 0, 1],
        ["G2", "P", 1, 2, 0, 1, 2, 1, 1],
        ["B3", "G2", 2, 1, 1, 1, 1, 1, 1],
    ]
    assert r.loc[r["id"] == "B3", "path"].item() == "镇党委 / 园区党总支 / 乙企业支部"
    assert r.loc[r["id"] == "B2", "host"].item() == "E1"


def test_admin_tree_counts(g):
    r = pl.rollup(g, tree="admin", report=FINDINGS)
    cols = ["id", "type", "parent", "depth", "units", "park", "enterprise", "isolated",
            "branches", "findings"]
    assert r[cols].values.tolist() == [
        ["Z1", "zone", None, 0, 4, 1, 1, 0, 5, 2],
        ["A1", "agency", "Z1", 1, 1, 0, 0, 0, 1, 0],
        ["C1", "community", "Z1", 1, 1, 0, 0, 0, 2, 1],
        ["P1", "park", "Z1", 1, 2, 1, 1, 0, 2, 1],
        ["E1", "enterprise", "P1", 2, 1, 0, 1, 0, 1, 1],
        ["Z2", "zone", None, 0, 1, 0, 1, 1, 1, 1],
        ["E2", "enterprise", "Z2", 1, 1, 0, 1, 1, 1, 1],
    ]
    assert r.loc[r["id"] == "E1", "path"].item() == "Z1 / 园区 / 甲企业"


def test_bad_tree_name(g):
    with pytest.raises(ValueError, match="party"):
        pl.rollup(g, tree="county")


def test_shishi_pengtian_four_level_chain():
    g = pl.datasets.load_sample("shishi_pengtian")
    r = pl.rollup(g, tree="party", as_of="2025-06-30").set_index("id")
    # 灵秀镇党委 -> 彭田村党委 -> 锦绣花园小区党支部 -> 锦绣花园1号楼党小组 -> households
    assert r.loc["S-B016", "path"] == ("灵秀镇党委 / 彭田村党委 / 锦绣花园小区党支部 / "
                                       "锦绣花园1号楼党小组")
    assert r.loc[["S-B001", "S-B008", "S-B013", "S-B016"], "depth"].tolist() == [0, 1, 2, 3]
    # 彭田村党委: itself, 加曾寨 + 3 compound branches, 9 building groups
    assert r.loc["S-B008", "branches"] == 14
    # members: 5 + 3 (加曾寨) + 2 + 2 + 2 (compound branches) + 44 (the groups' households)
    assert r.loc["S-B008", "members"] == 58
    assert r.loc["S-B008", "host_units"] == 4          # 彭田村, 3 compounds
    # 锦绣花园: its 2 members + 4 + 5 + 4 in its groups; S-B018 has no host
    assert r.loc["S-B013", ["branches", "members", "host_units"]].tolist() == [4, 15, 1]
    assert r.loc["S-B018", "host"] is None and r.loc["S-B018", "members"] == 4
    # the isolated key enterprise S-E012 hosts S-B040 under the park committee S-B025
    assert r.loc["S-B025", ["isolated_host_units", "findings"]].tolist() == [1, 1]
    assert r.loc["S-B001", ["branches", "isolated_host_units", "findings"]].tolist() == [32, 1, 1]
    a = pl.rollup(g, tree="admin", as_of="2025-06-30").set_index("id")
    assert a.loc["S-C01", ["units", "community", "branches"]].tolist() == [4, 4, 13]
    assert a.loc["彭田片区", ["units", "isolated", "findings"]].tolist() == [33, 1, 1]


def test_cycle_is_reported():
    parent = np.array([1, 2, 0, -1])
    with pytest.raises(ValueError, match="cycle"):
        depths(parent, np.array(["a", "b", "c", "d"]))


@st.composite
def forests(draw):
    n = draw(st.integers(1, 40))
    parent = [-1] + [draw(st.integers(-1, i - 1)) for i in range(1, n)]
    perm = draw(st.permutations(range(n)))
    # relabel so that parents do not always come first
    inv = np.empty(n, dtype=np.int64)
    inv[np.array(perm)] = np.arange(n)
    p = np.array([-1 if parent[perm[i]] < 0 else inv[parent[perm[i]]] for i in range(n)])
    return p


@settings(max_examples=60, deadline=None)
@given(forests(), st.data())
def test_tree_walk_matches_brute_force(parent, data):
    n = len(parent)
    depth = depths(parent)

    def ancestors(i):
        out = [i]
        while parent[out[-1]] >= 0:
            out.append(parent[out[-1]])
        return out

    assert depth.tolist() == [len(ancestors(i)) - 1 for i in range(n)]
    vals = np.array(data.draw(st.lists(st.integers(0, 5), min_size=n, max_size=n)))
    sums = subtree_sum(parent, depth, vals)
    brute = np.zeros(n)
    for i in range(n):
        for a in ancestors(i):
            brute[a] += vals[i]
    assert sums.tolist() == brute.tolist()
    k = data.draw(st.integers(0, 30))
    owner = np.array(data.draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k)),
                     dtype=np.int64)
    item = np.array(data.draw(st.lists(st.integers(0, 6), min_size=k, max_size=k)),
                    dtype=np.int64)
    got = subtree_distinct(parent, owner, item)
    want = [len({x for o, x in zip(owner, item, strict=True) if a in ancestors(o)})
            for a in range(n)]
    assert got.tolist() == want
    order = dfs_order(parent, depth, np.array([f"n{i:02d}" for i in range(n)]))
    pos = np.empty(n, dtype=np.int64)
    pos[order] = np.arange(n)
    for i in range(n):       # every node comes after its parent, subtrees are contiguous
        if parent[i] >= 0:
            assert pos[i] > pos[parent[i]]
        below = [j for j in range(n) if i in ancestors(j)]
        assert max(pos[below]) - pos[i] == len(below) - 1
