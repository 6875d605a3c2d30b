"""Metrics on the unit projection: isolation, connectivity, mixing, strength, scores."""

from .isolation import fragile_units, isolated_units, isolation_by_group

__all__: list[str] = []
__all__ += ["isolated_units", "fragile_units", "isolation_by_group"]
