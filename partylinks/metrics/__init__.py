"""Metrics on the unit projection: isolation, connectivity, mixing, strength, scores."""

from .brokerage import ROLES, brokerage, brokerage_global, brokerage_z
from .burt import constraint, effective_size
from .connectivity import (
    articulation_units,
    bridges,
    component_summary,
    components,
    key_person_risk,
    largest_component_share,
    mechanism_dependence,
    reach,
    reach_share,
    zone_connectivity,
)
from .isolation import fragile_units, isolated_units, isolation_by_group
from .mixing import MISSING_GROUP, ei_index, linkage_matrix, linkage_test, unit_ei
from .score import WEAK_THRESHOLD, WEIGHTS, weak_linkage_score, zone_scores
from .strength import tie_strength, unit_strength, window_end
from .table import UNIT_TABLE_COLUMNS, unit_table, write_unit_table

__all__: list[str] = []
__all__ += ["ei_index", "linkage_matrix", "MISSING_GROUP", "brokerage", "ROLES",
            "brokerage_z", "brokerage_global", "unit_ei", "linkage_test",
            "constraint", "effective_size", "tie_strength", "unit_strength", "window_end",
            "weak_linkage_score", "zone_scores", "WEIGHTS", "WEAK_THRESHOLD"]
__all__ += ["isolated_units", "fragile_units", "isolation_by_group", "components",
            "component_summary", "largest_component_share", "zone_connectivity", "bridges",
            "articulation_units", "key_person_risk", "mechanism_dependence", "reach",
            "reach_share"]
__all__ += ["unit_table", "write_unit_table", "UNIT_TABLE_COLUMNS"]
