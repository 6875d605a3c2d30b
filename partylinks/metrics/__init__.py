"""Metrics on the unit projection: isolation, connectivity, mixing, strength, scores."""

__all__: list[str] = []
