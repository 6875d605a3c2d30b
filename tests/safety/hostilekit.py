"""Hostile and careless input for the safety tests: strings, numbers and whole datasets.

Every dataset drawn here is structurally plausible (edge types join the node types the
schema allows), so that most of them load and reach the audit and every writer; the text
of ids, names, zones and roles is drawn from :data:`NASTY` and from random characters
that include control characters, lone surrogates, U+FFFE/U+FFFF, bidi marks and
zero-width characters.
"""

from __future__ import annotations

import os

import pandas as pd
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from partylinks.graph.schema import default_schema

SCALE = float(os.environ.get("PARTYLINKS_SAFETY_SCALE", "1"))
"""Multiplies the example counts (``PARTYLINKS_SAFETY_SCALE=10 pytest tests/safety``)."""


def examples(n: int) -> settings:
    """Seeded settings with ``n`` examples (times :data:`SCALE`), no deadline."""
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, derandomize=True,
                    database=None, suppress_health_check=list(HealthCheck),
                    phases=[Phase.explicit, Phase.generate])  # no shrinking: bounded time


NASTY = [
    "$\\foo$", "$$", "$x^2$", "a$b", "\\$", "$", "$\\frac{1}{0}$", "^{}_$",
    "\x00", "\x01", "\x1b[2J\x1b[H", "\x1b]0;pwned\x07", "\x7f", "\x85", "\x9b31m",
    "\ufffe", "\uffff", "\ud800", "\udfff", "a\ud83dz",
    "\u202etxt.exe", "\u2066x\u2069", "C1\u200b", "\ufeffBOM", "\u200d", "\u2028", "\u00ad",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "]]>", "<!--",
    '=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "\tcmd", "\ncmd", "\r",
    "nan", "NaN", "inf", "-inf", "None", "null", "", " ", "0012", "1e20", "TRUE",
    "社区", "林堃", "𠀀𪚥", "x" * 300, "桃" * 2000,
]
"""Strings that have broken a writer somewhere: mathtext, control and invisible
characters, surrogates and non-characters, markup, formulas, look-alike values."""

_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x85\x9f\ufffe\uffff\ud800\udbff"
                         "\udc00\u202a\u202e\u2066\u2069\u200b\u200e\ufeff$\\^_{}<>&\"'")),
)

text = st.one_of(st.sampled_from(NASTY), st.text(_ALPHABET, min_size=1, max_size=12))
"""One hostile text value."""

HUGE = [99999999999999999999, -1, -99999999999999999999, 2 ** 63, 2 ** 53 + 1, 1e308,
        float("nan"), float("inf"), -float("inf"), 0.5, 1e20, "1e400", "九"]

_UNIT_TYPES = ["community", "park", "enterprise", "agency", "council", "project", "grid"]


@st.composite
def datasets(draw, max_nodes: int = 14, max_edges: int = 22, numbers: bool = True):
    """``(nodes, edges, events)`` DataFrames: hostile ids, names, zones and roles, node and
    edge types as the schema allows them (so most draws load), optional hostile numbers
    and dates, and an events table."""
    schema = default_schema()
    n = draw(st.integers(2, max_nodes))
    ids = draw(st.lists(text, min_size=n, max_size=n, unique_by=lambda s: s.strip()))
    ids = [i for i in ids if i.strip()] or ["X1", "X2"]
    types = draw(st.lists(st.sampled_from(_UNIT_TYPES + ["branch", "cadre", "cadre"]),
                          min_size=len(ids), max_size=len(ids)))
    zones = draw(st.lists(st.sampled_from(["Z1", "Z2"]) | text, min_size=1, max_size=3))
    nodes = pd.DataFrame({  # object columns: a string column cannot hold a surrogate
        "id": ids, "type": types,
        "name": draw(st.lists(text, min_size=len(ids), max_size=len(ids))),
        "zone": [zones[draw(st.integers(0, len(zones) - 1))] for _ in ids],
    }, dtype=object)
    if numbers and draw(st.booleans()):
        nodes["party_members"] = pd.Series(
            [draw(st.sampled_from(HUGE) | st.integers(0, 60) | st.none()) for _ in ids],
            dtype=object)
    by_type: dict[str, list[str]] = {}
    for i, t in zip(ids, types, strict=True):
        by_type.setdefault(t, []).append(i)
    rows = []
    for _ in range(draw(st.integers(0, max_edges))):
        et = draw(st.sampled_from(list(schema.edge_types)))
        spec = schema.edge_types[et]
        srcs = [i for t in sorted(spec.sources) for i in by_type.get(t, [])]
        dsts = [i for t in sorted(spec.targets) for i in by_type.get(t, [])]
        if not srcs or not dsts:
            continue
        s = draw(st.sampled_from(srcs))
        d = draw(st.sampled_from(dsts))
        if s == d:
            continue
        role = draw(st.none() | st.sampled_from(["instructor", "coordinator", "policy",
                                                 "support", "head"]) | text)
        start = draw(st.none() | st.sampled_from(["2024-01-01", "2023-06-30", "2024年3月"]))
        rows.append((s, d, et, role, start))
    edges = pd.DataFrame(rows, columns=["source", "target", "type", "role", "start"],
                         dtype=object)
    events = None
    units = by_type.get("community", []) + by_type.get("enterprise", [])
    if len(units) >= 2 and draw(st.booleans()):
        events = pd.DataFrame({"date": ["2025-05-01"], "kind": [draw(text)],
                               "units": [";".join(units[:2])]}, dtype=object)
    return nodes, edges, events
