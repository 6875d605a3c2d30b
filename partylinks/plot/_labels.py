"""Node labels that do not cover each other: placed greedily, most important first."""

from __future__ import annotations

import re

import matplotlib.patheffects as pe
import matplotlib.text as mtext
import matplotlib.ticker as mticker
import numpy as np
from matplotlib.axes import Axes

from ..safe import visible_text
from .style import fp

__all__ = ["short_name", "place_labels", "plain_texts"]

# Legal-form suffixes that add length but no information to a label.
_SUFFIXES = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|公司)$")


def short_name(name: str, limit: int = 10) -> str:
    """A unit name for a chart label: legal-form suffix dropped, at most ``limit`` chars.

    Examples
    --------
    >>> short_name("永春嘉润纺织有限公司")
    '永春嘉润纺织'
    >>> short_name("五里街镇远升智能装备产业园扩建项目")
    '五里街镇远升智能装…'
    """
    s = _SUFFIXES.sub("", str(name)) or str(name)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def plain_texts(ax: Axes) -> Axes:
    r"""Make every text of ``ax``'s figure draw exactly as written; return ``ax``.

    Definition: for every :class:`matplotlib.text.Text` of the figure (titles, labels,
    tick labels, legend entries, annotations) mathtext is turned off (``$x^2$`` is drawn
    as the five characters, ``$\foo$`` is no longer an error) and control characters, bidi
    marks and invisible characters are replaced by visible escapes
    (:func:`partylinks.safe.visible_text`; newlines are kept), so that an SVG chart is
    well-formed XML; fixed tick labels are treated the same way, as they are redrawn
    from their formatter. Calling it again changes nothing.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_title("$x^2$\x01"); _ = ax.set_xticks([0], ["$$"])
    >>> t = plain_texts(ax).title
    >>> print(t.get_text()), t.get_parse_math()
    $x^2$\x01
    (None, False)
    >>> plt.close(fig)
    """
    fig = ax.figure
    for axis in (a for a_ in fig.get_axes() for a in (a_.xaxis, a_.yaxis)):
        for fmt in (axis.get_major_formatter(), axis.get_minor_formatter()):
            if isinstance(fmt, mticker.FixedFormatter):
                fmt.seq = [visible_text(x, keep="\n") for x in fmt.seq]
            elif isinstance(fmt, mticker.FuncFormatter) and not getattr(fmt, "_plain", False):
                fmt.func = _visible_func(fmt.func)
                fmt._plain = True
    for a in fig.findobj():
        gid = a.get_gid()
        if isinstance(gid, str) and visible_text(gid) != gid:
            a.set_gid(visible_text(gid))  # an SVG id, as well-formed XML
        if isinstance(a, mtext.Text):
            s = a.get_text()
            v = visible_text(s, keep="\n")
            if v != s:
                a.set_text(v)
            a.set_parse_math(False)
    return ax


def _visible_func(func):
    def visible(x, pos=None):
        return visible_text(func(x, pos), keep="\n")
    return visible


def _renderer(ax: Axes):
    fig = ax.figure
    get = getattr(fig.canvas, "get_renderer", None)
    if get is not None:
        return get()
    return fig._get_renderer()  # noqa: SLF001  (non-Agg canvases)


def _hits(box: np.ndarray, boxes: np.ndarray) -> int:
    """Number of ``boxes`` (rows x0, y0, x1, y1) that overlap ``box``."""
    if not len(boxes):
        return 0
    return int(np.count_nonzero((box[0] < boxes[:, 2]) & (boxes[:, 0] < box[2])
                                & (box[1] < boxes[:, 3]) & (boxes[:, 1] < box[3])))


def place_labels(ax: Axes, xy: np.ndarray, texts: list[str], priority: np.ndarray,
                 offsets_pt: np.ndarray, *, size: float = 7.0, force: np.ndarray | None = None,
                 colors: list[str] | None = None, limit: int | None = None,
                 obstacles: np.ndarray | None = None, obstacle_pt: np.ndarray | None = None,
                 avoid: list | None = None) -> list:
    """Draw the labels of the points ``xy`` (data coordinates) without overlaps.

    Labels are tried in decreasing ``priority``; each is tried right, left, above and
    below its point (``offsets_pt`` points away, e.g. the marker radius) and kept at the
    first position whose box overlaps no label kept before, no marker of ``obstacles``
    (points in data coordinates with radii ``obstacle_pt`` in points) other than its own
    point, no artist of ``avoid`` (e.g. badges already drawn), and stays inside the
    figure. A label with ``force`` True is kept in any case,
    at the position with the fewest overlaps; at most ``limit`` labels without ``force``
    are kept. The figure is laid out once first, so that the boxes are measured where
    they will be drawn.

    Returns the list of :class:`matplotlib.text.Text` drawn.
    """
    if not len(texts):
        return []
    fig = plain_texts(ax).figure
    fig.draw_without_rendering()
    renderer = _renderer(ax)
    trans = ax.transData
    pts_to_px = fig.dpi / 72.0
    fb = fig.bbox
    pad = 1.5 * pts_to_px
    if obstacles is not None and len(obstacles):
        centers = trans.transform(obstacles)
        rad = np.asarray(obstacle_pt, dtype=float) * pts_to_px
        obs = np.column_stack([centers - rad[:, None], centers + rad[:, None]])
    else:
        obs = np.zeros((0, 4))
    kept = np.zeros((0, 4))
    if avoid:
        boxes = [a.get_window_extent(renderer) for a in avoid]
        kept = np.array([[b.x0 - 3 * pad, b.y0 - 3 * pad, b.x1 + 3 * pad, b.y1 + 3 * pad]
                         for b in boxes])
    drawn = []
    n_free = 0
    force = np.zeros(len(texts), bool) if force is None else np.asarray(force, bool)
    halo = [pe.withStroke(linewidth=2.2, foreground="white")]
    for i in np.argsort(-np.asarray(priority, dtype=float), kind="stable"):
        if not force[i] and limit is not None and n_free >= limit:
            continue
        px, py = trans.transform(xy[i])
        own = np.hypot((obs[:, 0] + obs[:, 2]) / 2 - px, (obs[:, 1] + obs[:, 3]) / 2 - py) < 1
        others = obs[~own]
        d = float(offsets_pt[i]) * pts_to_px + 1.5
        best = None
        for dx, dy, ha, va in ((d, 0, "left", "center"), (-d, 0, "right", "center"),
                               (0, d, "center", "bottom"), (0, -d, "center", "top")):
            t = ax.annotate(visible_text(texts[i], keep="\n"), xy=xy[i], parse_math=False,
                            xytext=(dx / pts_to_px, dy / pts_to_px),
                            textcoords="offset points", ha=ha, va=va,
                            fontproperties=fp(size), zorder=6, path_effects=halo,
                            color=colors[i] if colors else "#222222", annotation_clip=False)
            bb = t.get_window_extent(renderer)
            box = np.array([bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad])
            outside = bb.x0 < fb.x0 or bb.x1 > fb.x1 or bb.y0 < fb.y0 or bb.y1 > fb.y1
            cost = 100 * _hits(box, kept) + _hits(box, others) + 1000 * outside
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, t, box)
            else:
                t.remove()
            if cost == 0:
                break
        if best[0] > 0 and not force[i]:
            best[1].remove()
            continue
        kept = np.vstack([kept, best[2]])
        drawn.append(best[1])
        if not force[i]:
            n_free += 1
    return drawn
