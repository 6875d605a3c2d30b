"""Charts of party-building networks, with Chinese labels that render on any machine.

Every chart function takes ``ax`` (a matplotlib Axes, or None to create a figure),
returns the Axes, takes ``lang="zh"`` or ``"en"`` for its labels, never calls
``plt.show()`` and never changes the global rcParams.
"""

from ._fonts import bundled_font_path, chinese_rc, cjk_font_families, font_properties
from .coverage import coverage_table, plot_coverage
from .export import editable_text, save
from .interactive import InteractiveNetwork, interactive, network_html
from .layout import zone_cells, zone_layout, zone_of_units, zone_quotient
from .matrix import plot_linkage_matrix
from .network import NETWORK_LIMIT, plot_network
from .score import plot_score_distribution

__all__ = [
    "plot_network", "NETWORK_LIMIT", "plot_linkage_matrix",
    "plot_score_distribution", "plot_coverage", "coverage_table",
    "zone_layout", "zone_cells", "zone_of_units", "zone_quotient",
    "chinese_rc", "cjk_font_families", "font_properties", "bundled_font_path",
]
__all__ += ["editable_text", "save", "interactive", "network_html", "InteractiveNetwork"]
