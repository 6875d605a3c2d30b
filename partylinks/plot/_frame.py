"""What every chart shares around its drawing: text sizes that follow rcParams, the
title (the chart's own, the caller's, or none) and a source note under the chart."""

from __future__ import annotations

import matplotlib
from matplotlib.axes import Axes
from matplotlib.transforms import Bbox

from .style import fp

__all__ = ["scaled", "chart_title", "add_source", "BASE_FONT_SIZE"]

#: The ``font.size`` at which chart text has its nominal size (matplotlib's default).
BASE_FONT_SIZE = 10.0


def scaled(size: float) -> float:
    """A nominal text size in points, scaled by ``rcParams["font.size"]`` / 10.

    Every chart writes its text at sizes relative to matplotlib's default font size, so
    ``plt.rc_context({"font.size": 20})`` doubles every text of a chart drawn in it.

    Examples
    --------
    >>> import matplotlib
    >>> with matplotlib.rc_context({"font.size": 20}):
    ...     scaled(9)
    18.0
    """
    return float(size) * float(matplotlib.rcParams["font.size"]) / BASE_FONT_SIZE


def chart_title(ax: Axes, default: str, title: str | bool | None, *, size: float = 12,
                **kwargs) -> None:
    """Set the chart's title at the left: ``default`` when ``title`` is None, the caller's
    text when it is a string, none when it is False or "".

    The chart's title is the left title of the Axes; a caller who sets the centered
    title too (``ax.set_title(...)``) gets both, so charts take ``title=`` instead.
    """
    text = default if title is None or title is True else (title or "")
    ax.set_title(text, fontproperties=fp(size), loc="left", **kwargs)


def _below(ax: Axes):
    def bbox(renderer):
        boxes = [ax.bbox]
        if ax.axison:
            for axis in (ax.xaxis,):
                tb = axis.get_tightbbox(renderer)
                if tb is not None and tb.width and tb.height:
                    boxes.append(tb)
        leg = ax.get_legend()
        if leg is not None and leg.get_visible():
            lb = leg.get_window_extent(renderer)
            if lb.y1 <= ax.bbox.y0 + 1:      # a legend placed under the Axes
                boxes.append(lb)
        return Bbox.union(boxes)
    return bbox


def add_source(ax: Axes, source: str | None, *, size: float = 7.5) -> None:
    """Write ``source`` (e.g. "数据来源：县委组织部台账，2025年6月") under the chart, left
    aligned, below the tick labels and any legend under the Axes; nothing when None."""
    if not source:
        return
    ax.annotate(str(source), xy=(0, 0), xycoords=_below(ax), xytext=(0, -4),
                textcoords="offset points", ha="left", va="top", fontproperties=fp(size),
                color="#555555", annotation_clip=False, gid="source", parse_math=False)
