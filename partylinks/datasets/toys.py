"""Tiny named graphs for examples and tests, small enough to check by hand."""

from __future__ import annotations

import pandas as pd

__all__ = ["house"]


def house():
    """A hand-sized graph: one community, one enterprise, a council, an agency.

    Nodes: community ``C1`` and enterprise ``E1`` (zone ``Z1``), council ``W1`` (Z1),
    agency ``A1`` (Z2), branches ``B1`` (hosted by C1) and ``B2`` (hosted by E1), cadre
    ``K1`` (member of B1, so home unit C1) and cadre ``K2`` (works at E1).

    Edges, in order: B1 hosted_by C1; B2 hosted_by E1; K1 member_of B1; K2 works_at E1;
    K2 member_of B2; K2 part_time_post C1 (part_time_member); K1 part_time_post E1
    (instructor, from 2024-01-01); C1 council_member W1; E1 located_in C1.

    Its tie table has three rows: E1-C1 via K2, C1-E1 via K1 (a mutual appointment), and
    C1-W1 (council membership); A1 is isolated.

    Examples
    --------
    >>> g = house()
    >>> g.nodes[["id", "type", "zone"]].values.tolist()[:3]
    [['C1', 'community', 'Z1'], ['E1', 'enterprise', 'Z1'], ['W1', 'council', 'Z1']]
    """
    from ..graph.load import from_frames

    nodes = pd.DataFrame({
        "id": ["C1", "E1", "W1", "A1", "B1", "B2", "K1", "K2"],
        "type": ["community", "enterprise", "council", "agency", "branch", "branch", "cadre",
                 "cadre"],
        "name": ["桃源社区", "永兴纺织", "桃城片区协调委员会", "县商务局", "桃源社区党支部",
                 "永兴纺织党支部", "林堃", "陈玥"],
        "zone": ["Z1", "Z1", "Z1", "Z2", "Z1", "Z1", "Z1", "Z1"],
    })
    edges = pd.DataFrame({
        "source": ["B1", "B2", "K1", "K2", "K2", "K2", "K1", "C1", "E1"],
        "target": ["C1", "E1", "B1", "E1", "B2", "C1", "E1", "W1", "C1"],
        "type": ["hosted_by", "hosted_by", "member_of", "works_at", "member_of",
                 "part_time_post", "part_time_post", "council_member", "located_in"],
        "role": [None, None, None, None, None, "part_time_member", "instructor", None, None],
        "start": [None, None, None, None, None, None, "2024-01-01", None, None],
    })
    return from_frames(nodes, edges)
