"""Bundled sample datasets and small named toy graphs."""

from .samples import SAMPLES, list_samples, load_sample, sample_path
from .synthetic import SyntheticRegion, synthetic, synthetic_graph
from .toys import house

__all__ = ["SAMPLES", "list_samples", "load_sample", "sample_path", "house", "synthetic",
           "synthetic_graph", "SyntheticRegion"]
