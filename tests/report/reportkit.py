"""Test helpers: a small graph whose names try formula and script injection."""

from __future__ import annotations

import warnings

import pandas as pd

import partylinks as pl

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'
HOSTILE = [SCRIPT, FORMULA, "+1+1", "-2-2", "@SUM(A1)", "\tcmd", "\ncmd"]


def hostile_graph():
    """Seven isolated enterprises named after :data:`HOSTILE`, a community and two
    cadres with real-looking names; zone ``=Z1`` is hostile too."""
    nodes = [{"id": f"E{i}", "type": "enterprise", "name": n, "zone": "=Z1"}
             for i, n in enumerate(HOSTILE)]
    nodes += [{"id": "C1", "type": "community", "name": "桃源社区", "zone": "=Z1"},
              {"id": "E9", "type": "enterprise", "name": "永兴纺织", "zone": "=Z1"},
              {"id": "K1", "type": "cadre", "name": "林堃", "zone": "=Z1"},
              {"id": "K2", "type": "cadre", "name": "陈玥", "zone": "=Z1"}]
    edges = [("K1", "C1", "works_at", None), ("K2", "E9", "works_at", None),
             ("K1", "E9", "part_time_post", "instructor")]
    e = pd.DataFrame(edges, columns=["source", "target", "type", "role"])
    return pl.from_frames(pd.DataFrame(nodes), e)


def sample_report(name: str = "yongchun", lang: str = "zh", **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.ValidationWarning)
        g = pl.datasets.load_sample(name)
    return pl.audit(g, as_of="2025-06-30", lang=lang, **kw)
