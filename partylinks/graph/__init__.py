"""The typed graph: schema, loaders, validation, the LinkGraph model and the unit projection."""

from .convert import from_networkx, to_networkx
from .export import export_graph, to_gexf, to_graphml
from .load import from_frames, load, validate
from .model import LinkGraph
from .projection import TIE_COLUMNS, project
from .schema import (
    SECTORS,
    STRUCTURE_EDGE_TYPES,
    TIE_EDGE_TYPES,
    UNIT_TYPES,
    EdgeType,
    NodeType,
    Schema,
    default_schema,
    load_schema,
)
from .summary import GraphSummary
from .unitgraph import UnitGraph, snapshot, unit_graph
from .validate import ValidationError, ValidationWarning

__all__ = [
    "LinkGraph", "GraphSummary", "load", "from_frames", "from_networkx", "to_networkx",
    "validate", "ValidationError", "ValidationWarning", "Schema", "NodeType", "EdgeType",
    "default_schema", "load_schema", "project", "TIE_COLUMNS", "UNIT_TYPES", "SECTORS",
    "TIE_EDGE_TYPES", "STRUCTURE_EDGE_TYPES",
]
__all__ += ["to_gexf", "to_graphml", "export_graph", "UnitGraph", "unit_graph", "snapshot"]
