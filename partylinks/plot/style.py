"""The look shared by every chart: colors, markers, line styles, labels and fonts.

Units are colored by **sector** (the six sectors of the schema: community, park,
enterprise, government, project, grid) and shaped by **type** (an agency and a council
share the government color but not the marker). Ties are drawn with one color and line
style per **tie type**; red is kept for the weak spots (isolated units, bridges,
key-person cadres), so nothing else in a chart is red.

Every label comes from :mod:`partylinks.messages` (chart keys start with ``chart_``) or,
for node and edge types, from the schema (``Schema.label``), so that a type added by a
user's TOML file is labelled too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D

from ..messages import check_lang, msg
from ._fonts import chinese_rc, font_properties

__all__ = [
    "SECTOR_COLORS",
    "OTHER_COLOR",
    "TYPE_MARKERS",
    "TIE_STYLES",
    "MULTI_TIE_STYLE",
    "WEAK_COLOR",
    "FRAGILE_COLOR",
    "sector_color",
    "type_marker",
    "tie_style",
    "sector_label",
    "type_label",
    "tie_label",
    "label",
    "fp",
    "chart_rc",
    "get_axes",
    "fixed_axes",
    "type_handle",
    "tie_handle",
]

#: Sector -> fill color of a unit (Tableau 10, with red left out).
SECTOR_COLORS: dict[str, str] = {
    "community": "#4e79a7",
    "park": "#59a14f",
    "enterprise": "#f28e2b",
    "government": "#b07aa1",
    "project": "#edc948",
    "grid": "#76b7b2",
}
#: Fill color of a unit whose sector is not one of :data:`SECTOR_COLORS`.
OTHER_COLOR = "#bab0ac"

#: Node type -> matplotlib marker.
TYPE_MARKERS: dict[str, str] = {
    "community": "o",
    "park": "s",
    "enterprise": "^",
    "agency": "p",
    "council": "D",
    "project": "*",
    "grid": "h",
    "cadre": ".",
}

#: Tie type -> line color, style and width (muted, so the node colors stay readable).
TIE_STYLES: dict[str, dict[str, Any]] = {
    "part_time_post": {"color": "#1f5f8b", "linestyle": "-", "linewidth": 1.1},
    "service_pairing": {"color": "#8c6d31", "linestyle": "-", "linewidth": 1.1},
    "council_member": {"color": "#9a9a9a", "linestyle": "-", "linewidth": 0.6},
    "convenes": {"color": "#6b4c9a", "linestyle": (0, (5, 2)), "linewidth": 1.0},
    "liaison": {"color": "#2e7d32", "linestyle": (0, (3, 1.5)), "linewidth": 1.0},
    "grid_staff": {"color": "#3f8f89", "linestyle": (0, (1.5, 1.5)), "linewidth": 1.2},
    "co_building": {"color": "#a0522d", "linestyle": (0, (6, 2, 1, 2)), "linewidth": 1.1},
    "registers_at": {"color": "#5f6f7f", "linestyle": (0, (2, 2)), "linewidth": 0.8},
}
#: Style of a unit pair joined by ties of several types.
MULTI_TIE_STYLE: dict[str, Any] = {"color": "#333333", "linestyle": "-", "linewidth": 1.8}
_OTHER_TIE_STYLE: dict[str, Any] = {"color": "#7f7f7f", "linestyle": (0, (4, 2)),
                                    "linewidth": 0.8}

#: Color of the weak spots: isolated units, bridges, key-person cadres.
WEAK_COLOR = "#d62728"
#: Color of the units that depend on a single cadre.
FRAGILE_COLOR = "#ff7f0e"


def sector_color(sector: str | None) -> str:
    """Fill color of a sector (:data:`OTHER_COLOR` when unknown).

    Parameters
    ----------
    sector : str or None
        A sector of the schema (``community``, ``park``, ``enterprise``, ``government``,
        ``project``, ``grid``).

    Returns
    -------
    str
        A hex color.

    Examples
    --------
    >>> sector_color("park"), sector_color(None)
    ('#59a14f', '#bab0ac')
    """
    return SECTOR_COLORS.get(sector or "", OTHER_COLOR)


def type_marker(node_type: str) -> str:
    """Marker of a node type (a circle when unknown).

    Parameters
    ----------
    node_type : str

    Returns
    -------
    str
        A matplotlib marker.

    Examples
    --------
    >>> type_marker("council"), type_marker("school")
    ('D', 'o')
    """
    return TYPE_MARKERS.get(node_type, "o")


def tie_style(tie_type: str | None) -> dict[str, Any]:
    """Line color, style and width of a tie type; ``None`` means several types.

    Parameters
    ----------
    tie_type : str or None
        A tie edge type; None for a pair joined by several types; an unknown type gets a
        grey dashed line.

    Returns
    -------
    dict
        ``color``, ``linestyle``, ``linewidth`` (a new dict).

    Examples
    --------
    >>> tie_style("liaison")["color"]
    '#2e7d32'
    >>> tie_style(None) == MULTI_TIE_STYLE
    True
    """
    if tie_type is None:
        return dict(MULTI_TIE_STYLE)
    return dict(TIE_STYLES.get(tie_type, _OTHER_TIE_STYLE))


def sector_label(sector: str | None, lang: str = "zh") -> str:
    """Display name of a sector (``chart_sector_<sector>`` of the messages table).

    Parameters
    ----------
    sector : str or None
    lang : {"zh", "en"}

    Returns
    -------
    str
        The label; the sector itself when it has none, "no zone" when it is missing.

    Examples
    --------
    >>> sector_label("government"), sector_label("government", "en")
    ('党政机关', 'government')
    """
    key = f"chart_sector_{sector}"
    from ..messages import MESSAGES

    if key in MESSAGES:
        return msg(key, lang)
    return str(sector) if sector else msg("chart_no_zone", lang)


def type_label(schema, node_type: str, lang: str = "zh") -> str:
    """Display name of a node type, from the schema (so user types are labelled).

    Parameters
    ----------
    schema : Schema
    node_type : str
    lang : {"zh", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> from partylinks.graph import default_schema
    >>> type_label(default_schema(), "council", "en")
    'council'
    """
    return schema.label(node_type, check_lang(lang))


def tie_label(schema, tie_type: str | None, lang: str = "zh") -> str:
    """Display name of a tie type; ``None`` means several types.

    Parameters
    ----------
    schema : Schema
    tie_type : str or None
    lang : {"zh", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> from partylinks.graph import default_schema
    >>> tie_label(default_schema(), "co_building"), tie_label(default_schema(), None, "en")
    ('结对共建', 'several tie types')
    """
    if tie_type is None:
        return msg("chart_multi_tie", lang)
    return schema.label(tie_type, check_lang(lang))


def label(key: str, lang: str = "zh", /, **fields: object) -> str:
    """The chart label ``chart_<key>`` of :data:`partylinks.messages.MESSAGES`.

    Parameters
    ----------
    key : str
        The key without its ``chart_`` prefix.
    lang : {"zh", "en"}
    **fields
        Values of the placeholders of the message.

    Returns
    -------
    str

    Examples
    --------
    >>> label("isolated", "en")
    'isolated unit (no cross-organization tie)'
    """
    return msg(f"chart_{key}", lang, **fields)


def fp(size: float = 9) -> FontProperties:
    """Font properties with the CJK family list, for every text a chart draws.

    Parameters
    ----------
    size : float, default 9
        Font size in points at matplotlib's default ``font.size`` of 10; scaled by
        ``rcParams["font.size"] / 10``, so that a chart drawn in
        ``plt.rc_context({"font.size": 20})`` has every text twice as large.

    Returns
    -------
    matplotlib.font_manager.FontProperties
        Family :func:`partylinks.plot.cjk_font_families`, regular weight (the bundled
        font has no bold face).

    Examples
    --------
    >>> fp(7).get_size()
    7.0
    >>> with matplotlib.rc_context({"font.size": 20}):
    ...     fp(7).get_size()
    14.0
    """
    return font_properties(size=size * float(matplotlib.rcParams["font.size"]) / 10.0)


#: The rcParams that :func:`partylinks.plot.chinese_rc` sets for a chart.
_CHART_KEYS = frozenset({"font.family", "axes.unicode_minus", "svg.fonttype", "pdf.fonttype",
                         "text.parse_math"})


@contextlib.contextmanager
def chart_rc() -> Iterator[None]:
    """:func:`partylinks.plot.chinese_rc`, keeping what drawing changed on its own.

    Creating the first figure of a session starts matplotlib's backend, which may set
    global rcParams (Jupyter's inline backend turns ``interactive`` on, so that figures
    are shown). A plain ``rc_context`` would undo that on exit and figures would stop
    showing in the notebook. Here the chart's own font settings are undone, and every
    other rcParam changed while drawing is kept, as it would be without the context.

    Returns
    -------
    contextlib.AbstractContextManager

    Examples
    --------
    >>> before = matplotlib.rcParams["interactive"], matplotlib.rcParams["font.family"]
    >>> with chart_rc():
    ...     matplotlib.interactive(not before[0])   # what a backend may do
    >>> matplotlib.rcParams["interactive"] == (not before[0])
    True
    >>> matplotlib.rcParams["font.family"] == before[1]
    True
    >>> matplotlib.interactive(before[0])
    """
    with chinese_rc({"text.parse_math": False}):  # labels come from data: never mathtext
        applied = matplotlib.rcParams.copy()
        try:
            yield
        finally:
            after = matplotlib.rcParams.copy()
    changed = {k: v for k, v in after.items()
               if k not in _CHART_KEYS and k != "backend" and v != applied.get(k)}
    if changed:
        matplotlib.rcParams.update(changed)


def get_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax`` itself, or the Axes of a new figure of ``figsize`` inches when it is None.

    The new figure uses matplotlib's constrained layout.

    Parameters
    ----------
    ax : Axes or None
    figsize : tuple of float
        Width and height in inches.

    Returns
    -------
    Axes

    Examples
    --------
    >>> ax = get_axes(None, (3, 2))
    >>> ax.figure.get_size_inches().tolist()
    [3.0, 2.0]
    >>> get_axes(ax, (9, 9)) is ax
    True
    >>> plt.close(ax.figure)
    """
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def fixed_axes(ax: Axes | None, width: float, height: float, *, right: float = 0.0,
               top: float = 0.5, bottom: float = 0.1, left: float = 0.1) -> Axes:
    """``ax`` itself, or the Axes of a new figure sized around a drawing area.

    The new figure is ``left + width + right`` by ``bottom + height + top`` inches, with
    the Axes filling the ``width`` x ``height`` area: room on the right for a legend
    placed outside the Axes, on top for the title. Charts with an equal aspect ratio use
    it instead of a layout engine, which cannot make room for an outside legend then.

    Parameters
    ----------
    ax : Axes or None
    width, height : float
        Size of the drawing area in inches.
    right, top, bottom, left : float
        Margins in inches.

    Returns
    -------
    Axes

    Examples
    --------
    >>> ax = fixed_axes(None, 4, 3, right=2)
    >>> ax.figure.get_size_inches().tolist()
    [6.1, 3.6]
    >>> plt.close(ax.figure)
    """
    if ax is not None:
        return ax
    fw, fh = left + width + right, bottom + height + top
    fig = plt.figure(figsize=(fw, fh))
    return fig.add_axes((left / fw, bottom / fh, width / fw, height / fh))


def type_handle(schema, node_type: str, sector: str | None, lang: str) -> Line2D:
    """Legend entry of a node type: its marker filled with its sector color.

    Parameters
    ----------
    schema : Schema
    node_type : str
    sector : str or None
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.lines.Line2D
        A handle for ``Axes.legend(handles=...)``.

    Examples
    --------
    >>> from partylinks.graph import default_schema
    >>> h = type_handle(default_schema(), "park", "park", "en")
    >>> h.get_label(), h.get_marker(), h.get_markerfacecolor()
    ('park', 's', '#59a14f')
    """
    size = 11 if type_marker(node_type) == "*" else 8
    return Line2D([], [], linestyle="none", marker=type_marker(node_type), markersize=size,
                  markerfacecolor=sector_color(sector), markeredgecolor="white",
                  label=type_label(schema, node_type, lang))


def tie_handle(schema, tie_type: str | None, lang: str) -> Line2D:
    """Legend entry of a tie type: a line in its style.

    Parameters
    ----------
    schema : Schema
    tie_type : str or None
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.lines.Line2D
        A handle for ``Axes.legend(handles=...)``.

    Examples
    --------
    >>> from partylinks.graph import default_schema
    >>> h = tie_handle(default_schema(), "liaison", "zh")
    >>> h.get_label(), h.get_color()
    ('挂钩联系', '#2e7d32')
    """
    return Line2D([], [], **tie_style(tie_type), label=tie_label(schema, tie_type, lang))
