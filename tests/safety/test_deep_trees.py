"""Roll-ups on deep trees: linear in size (times log depth), the same counts as the
level-by-level walk, and a bounded ``path``."""

from __future__ import annotations

import importlib
import time

import pandas as pd
import pytest

import partylinks as pl

rollup_module = importlib.import_module("partylinks.change.rollup")

pytestmark = pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")


def chain(n: int, members: bool = True):
    """n branches in one reports_to chain B0 <- B1 <- ..., each hosted by its own
    community, each with one member (n cadres)."""
    b = [f"B{i:05d}" for i in range(n)]
    nodes = [{"id": x, "type": "branch", "name": x, "zone": "Z"} for x in b]
    nodes += [{"id": f"C{i:05d}", "type": "community", "zone": "Z"} for i in range(n)]
    edges = [(b[i], b[i - 1], "reports_to") for i in range(1, n)]
    edges += [(b[i], f"C{i:05d}", "hosted_by") for i in range(n)]
    if members:
        nodes += [{"id": f"K{i:05d}", "type": "cadre", "zone": "Z"} for i in range(n)]
        edges += [(f"K{i:05d}", b[i], "member_of") for i in range(n)]
    return pl.from_frames(pd.DataFrame(nodes), pd.DataFrame(edges, columns=["source",
                                                                            "target", "type"]))


@pytest.mark.parametrize("tree", ["party", "admin"])
def test_deep_walk_gives_the_same_counts(monkeypatch, tree):
    g = pl.datasets.load_sample("yongchun")
    want = pl.rollup(g, tree=tree, as_of="2025-06-30")
    monkeypatch.setattr(rollup_module, "_deep", lambda depth: True)
    got = pl.rollup(g, tree=tree, as_of="2025-06-30")
    pd.testing.assert_frame_equal(got, want)


def test_deep_walk_matches_on_a_medium_chain(monkeypatch):
    g = chain(60)
    got = pl.rollup(g, as_of="2025-06-30")
    monkeypatch.setattr(rollup_module, "PATH_NAMES", 10_000)  # level by level, full paths
    want = pl.rollup(g, as_of="2025-06-30")
    cols = [c for c in want.columns if c != "path"]
    pd.testing.assert_frame_equal(got[cols], want[cols])
    assert got["path"].iloc[-1] == " / ".join(["B00000", "…"] + [f"B{i:05d}" for i in
                                                                range(30, 60)])
    assert got["members"].tolist() == list(range(60, 0, -1))


def test_a_20000_deep_chain_rolls_up_in_seconds():
    g = chain(20_000)
    t = time.perf_counter()
    r = pl.rollup(g, as_of="2025-06-30")
    elapsed = time.perf_counter() - t
    assert r["members"].iloc[0] == 20_000 and r["depth"].max() == 19_999
    assert r["path"].str.len().max() < 400
    assert elapsed < 30, elapsed
