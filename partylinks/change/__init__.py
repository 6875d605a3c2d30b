"""Change over time, what-if and gap repair: compare two states, simulate removals, suggest
new ties, and roll counts up the party and administrative trees."""

from ._findings import finding_key
from .baseline import compare_plans
from .compare import Comparison, compare
from .rollup import rollup
from .simulate import WhatIf, simulate
from .suggest import DEFAULT_CAPACITY, suggest

__all__ = ["compare", "Comparison", "simulate", "WhatIf", "suggest", "rollup", "finding_key",
           "compare_plans", "DEFAULT_CAPACITY"]
