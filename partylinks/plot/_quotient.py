"""The zone overview drawn instead of a network too big to read."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ..messages import msg
from ._fonts import cjk_font_families
from .layout import zone_quotient
from .style import fp, label

__all__ = ["draw_quotient", "strongest_links", "LINKS_PER_ZONE", "MAX_NUMBERS",
           "MAX_ZONE_LABELS"]

#: With more links than this per zone on average, only each zone's strongest are drawn.
LINKS_PER_ZONE = 3
#: Above this many lines, their numbers of ties are not written on them.
MAX_NUMBERS = 40
#: Above this many zones, only this many (most isolated units, then most units) are named.
MAX_ZONE_LABELS = 40


def _positions(n: int) -> np.ndarray:
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-1.0, 0.0], [1.0, 0.0]])
    angle = np.pi / 2 - 2 * np.pi * np.arange(n) / n
    return np.column_stack([np.cos(angle), np.sin(angle)])


def strongest_links(links: pd.DataFrame, zones: pd.Index, k: int) -> pd.DataFrame:
    """The links among the ``k`` with the most ties of at least one of their two zones
    (ties broken by zone order), in the order of ``links``."""
    a = zones.get_indexer(links["zone_u"])
    b = zones.get_indexer(links["zone_v"])
    ends = pd.DataFrame({"link": np.r_[np.arange(len(links)), np.arange(len(links))],
                         "zone": np.r_[a, b], "ties": np.r_[links["ties"], links["ties"]]})
    ends = ends.sort_values(["zone", "ties", "link"], ascending=[True, False, True],
                            kind="stable")
    top = ends.groupby("zone").head(k)["link"].unique()
    return links.iloc[np.sort(top)]


def draw_quotient(g, ax: Axes, *, lang: str, as_of=None, limit: int | None,
                  cmap=None) -> None:
    """Draw :func:`partylinks.plot.zone_quotient` of ``g`` on ``ax``.

    Zones sit on a circle (in order of first appearance, clockwise from the top), each
    labelled outside it with its name, units and isolated units; the area of a zone's
    disc is proportional to its number of units (the largest as big as the spacing of the
    zones allows), its color to its share of isolated units. The width of the line
    between two zones is proportional to the number of ties between them, written on it
    when there are at most :data:`MAX_NUMBERS` lines. With more than
    :data:`LINKS_PER_ZONE` links per zone on average, only the links that are among the
    :data:`LINKS_PER_ZONE` strongest of one of their zones are drawn, and the legend says
    so. ``limit`` is the number of units above which the overview replaced the units
    (None when it was asked for).
    """
    zones, links = zone_quotient(g, as_of)
    nz = len(zones)
    n_units = int(zones["units"].sum())
    xy = _positions(nz)
    idx = pd.Index(zones["zone"])
    cmap = mpl.colormaps[cmap or "OrRd"] if cmap is None or isinstance(cmap, str) else cmap
    share = (zones["isolated"] / zones["units"].clip(lower=1)).to_numpy()
    # the scale runs to the largest share drawn (at least 1%), so that shares of about
    # 1% are not all near-white on a scale made for 20%
    vmax = max(0.01, float(share.max()) if len(share) else 0.2)
    norm = mpl.colors.Normalize(0, vmax)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.55, 1.55)
    # points per data unit, from the Axes' size (the limits are fixed above)
    bbox = ax.get_position().transformed(ax.figure.transFigure)
    pt_per_unit = min(bbox.width, bbox.height) / ax.figure.dpi * 72 / 3.2
    chord = 2 * np.sin(np.pi / nz) if nz > 2 else 2.0
    max_d = min(0.8 * chord * pt_per_unit, 80.0)
    trimmed = len(links) > LINKS_PER_ZONE * nz
    shown = strongest_links(links, idx, LINKS_PER_ZONE) if trimmed else links
    if len(shown):
        a = idx.get_indexer(shown["zone_u"])
        b = idx.get_indexer(shown["zone_v"])
        w = shown["ties"].to_numpy(dtype=float)
        widths = 0.6 + 5.4 * w / w.max()
        for i, j, lw, n in zip(a, b, widths, shown["ties"], strict=True):
            ax.plot(*xy[[i, j]].T, color="#8c8c8c", linewidth=lw, alpha=0.6,
                    solid_capstyle="round", zorder=1)
            if len(shown) <= MAX_NUMBERS:
                mx, my = xy[[i, j]].mean(axis=0)
                ax.text(mx, my, str(n), ha="center", va="center", fontproperties=fp(8),
                        color="#333333", zorder=2,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                              "alpha": 0.85})
    units = zones["units"].to_numpy(dtype=float)
    sizes = np.maximum(max_d ** 2 * units / max(units.max(), 1), 30.0)
    sc = ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=share, cmap=cmap, norm=norm,
                    edgecolors="#555555", linewidths=0.8, zorder=3, gid="zones")
    radius_pt = np.sqrt(sizes) / 2
    size = 9 if nz <= 12 else 7.5
    named = zones.index
    if nz > MAX_ZONE_LABELS:  # label only the zones with most isolated units, then units
        named = zones.sort_values(["isolated", "units"], ascending=False,
                                  kind="stable").index[:MAX_ZONE_LABELS]
    for k, row in zones.loc[named].iterrows():
        x, y = xy[k]
        text = f"{row['zone'] or label('no_zone', lang)}\n" + label(
            "quotient_node", lang, units=int(row["units"]), isolated=int(row["isolated"]))
        d = radius_pt[k] + 4
        ha = "center" if abs(x) < 0.3 else ("left" if x > 0 else "right")
        va = "center" if abs(y) < 0.5 else ("bottom" if y > 0 else "top")
        ax.annotate(text, (x, y), xytext=(d * x, d * y) if nz > 2 else (0, d),
                    textcoords="offset points", ha=ha if nz > 2 else "center",
                    va=va if nz > 2 else "bottom", fontproperties=fp(size), zorder=4,
                    annotation_clip=False, linespacing=1.1)
    cbar = ax.figure.colorbar(sc, cax=ax.inset_axes((1.01, 0.25, 0.025, 0.5)))
    cbar.set_label(label("isolated_share", lang), fontproperties=fp(9))
    cbar.ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(4, steps=[1, 2, 5, 10]))
    cbar.ax.yaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0, decimals=0))
    cbar.ax.tick_params(labelfontfamily=cjk_font_families(), labelsize=8)
    handles = [
        Line2D([], [], linestyle="none", marker="o", markersize=12, markerfacecolor="white",
               markeredgecolor="#555555", label=label("quotient_size", lang)),
        Line2D([], [], color="#8c8c8c", linewidth=4, alpha=0.6,
               label=label("quotient_width", lang)),
    ]
    if nz > MAX_ZONE_LABELS:
        handles.append(Line2D([], [], linestyle="none", label=msg(
            "rpt_zones_labelled", lang, n=nz, shown=MAX_ZONE_LABELS)))
    if trimmed:
        handles.append(Line2D([], [], linestyle="none", label=label(
            "quotient_strongest", lang, k=LINKS_PER_ZONE, shown=len(shown), total=len(links))))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, -0.02), prop=fp(8),
              frameon=False)
    if limit is None:
        title = label("quotient_title_asked", lang, n_units=n_units)
    else:
        title = label("quotient_title", lang, n_units=n_units, limit=limit)
    if as_of is not None:
        title += label("as_of", lang, date=pd.Timestamp(as_of).date().isoformat())
    ax.set_title(title, fontproperties=fp(11), loc="left")
