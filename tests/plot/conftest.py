"""Chart fixtures: the graph with rare name characters; figures closed after each test."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from chart_helpers import RARE_EDGES, RARE_NODES


@pytest.fixture
def rare(graph_factory):
    """The graph of ``chart_helpers`` (17 nodes, 10 units in two zones, rare characters)."""
    return graph_factory(RARE_NODES, RARE_EDGES)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
