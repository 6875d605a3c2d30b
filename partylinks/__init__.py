"""partylinks: cross-organization party-building ties as one typed graph.

Load branches, enterprises, communities, parks, agencies, projects, grids and cadres
with the ties between them, and score connectivity, isolated units and coverage gaps.

>>> import partylinks as pl
>>> g = pl.datasets.house()
>>> g.summary().n_ties
3
"""

from . import datasets, metrics
from .graph import (
    GraphSummary,
    LinkGraph,
    Schema,
    ValidationError,
    ValidationWarning,
    default_schema,
    from_frames,
    from_networkx,
    load,
    load_schema,
    validate,
)
from .version import __version__  # noqa: E402

__all__ = [
    "LinkGraph", "GraphSummary", "Schema", "ValidationError", "ValidationWarning",
    "load", "from_frames", "from_networkx", "validate", "default_schema", "load_schema",
    "datasets", "metrics", "__version__",
]

__all__ += ["plot"]


def __getattr__(name: str):
    """``pl.plot`` is imported on first use, so that loading data never imports matplotlib."""
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# the coverage audit: pl.audit(g) -> AuditReport
from . import report, rules  # noqa: E402
from .report import AuditReport, audit  # noqa: E402
from .rules import default_policy_path, load_policy  # noqa: E402

__all__ += ["audit", "AuditReport", "load_policy", "default_policy_path", "rules", "report"]


# change over time, what-if and gap repair: pl.compare, pl.simulate, pl.suggest, pl.rollup
from . import change  # noqa: E402
from .change import Comparison, WhatIf, compare, rollup, simulate, suggest  # noqa: E402

__all__ += ["change", "compare", "Comparison", "simulate", "WhatIf", "suggest", "rollup"]


# every per-unit metric in one table: pl.unit_table(g), pl.write_unit_table(g, "units.dta")
from .metrics import unit_table, write_unit_table  # noqa: E402

__all__ += ["unit_table", "write_unit_table"]
