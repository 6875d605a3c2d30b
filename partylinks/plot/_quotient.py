"""The zone overview drawn instead of a network too big to read."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from ._fonts import cjk_font_families
from .layout import zone_quotient
from .style import fp, label

__all__ = ["draw_quotient"]


def _positions(n: int) -> np.ndarray:
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-1.0, 0.0], [1.0, 0.0]])
    angle = np.pi / 2 - 2 * np.pi * np.arange(n) / n
    return np.column_stack([np.cos(angle), np.sin(angle)])


def draw_quotient(g, ax: Axes, *, lang: str, as_of=None, limit: int | None) -> None:
    """Draw :func:`partylinks.plot.zone_quotient` of ``g`` on ``ax``.

    Zones sit on a circle (in order of first appearance, clockwise from the top); the
    area of a zone's circle is proportional to its number of units, its color to its
    share of isolated units; the width of the line between two zones is proportional to
    the number of ties between them, which is also written on it. ``limit`` is the number
    of units above which the overview replaced the units (None when it was asked for).
    """
    zones, links = zone_quotient(g, as_of)
    n_units = int(zones["units"].sum())
    xy = _positions(len(zones))
    idx = pd.Index(zones["zone"])
    cmap = mpl.colormaps["OrRd"]
    share = (zones["isolated"] / zones["units"].clip(lower=1)).to_numpy()
    vmax = max(0.2, float(share.max()) if len(share) else 0.2)
    norm = mpl.colors.Normalize(0, vmax)
    if len(links):
        a = idx.get_indexer(links["zone_u"])
        b = idx.get_indexer(links["zone_v"])
        w = links["ties"].to_numpy(dtype=float)
        widths = 0.8 + 9.0 * w / w.max()
        for i, j, lw, n in zip(a, b, widths, links["ties"], strict=True):
            ax.plot(*xy[[i, j]].T, color="#8c8c8c", linewidth=lw, alpha=0.6,
                    solid_capstyle="round", zorder=1)
            mx, my = xy[[i, j]].mean(axis=0)
            ax.text(mx, my, str(n), ha="center", va="center", fontproperties=fp(8),
                    color="#333333", zorder=2,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.85})
    units = zones["units"].to_numpy(dtype=float)
    sizes = 700 + 5500 * units / max(units.max(), 1)
    sc = ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=share, cmap=cmap, norm=norm,
                    edgecolors="#555555", linewidths=0.8, zorder=3, gid="zones")
    radius_pt = np.sqrt(sizes) / 2
    for k, row in zones.iterrows():
        x, y = xy[k]
        up = y > 0.3 or len(zones) <= 2
        text = f"{row['zone'] or label('no_zone', lang)}\n" + label(
            "quotient_node", lang, units=int(row["units"]), isolated=int(row["isolated"]))
        ax.annotate(text, (x, y), xytext=(0, (radius_pt[k] + 4) * (1 if up else -1)),
                    textcoords="offset points", ha="center", va="bottom" if up else "top",
                    fontproperties=fp(9), zorder=4, annotation_clip=False)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.55, 1.55)
    cbar = ax.figure.colorbar(sc, cax=ax.inset_axes((1.01, 0.25, 0.025, 0.5)))
    cbar.set_label(label("isolated_share", lang), fontproperties=fp(9))
    cbar.ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(4, steps=[1, 2, 5, 10]))
    cbar.ax.yaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
    cbar.ax.tick_params(labelfontfamily=cjk_font_families(), labelsize=8)
    handles = [
        Line2D([], [], linestyle="none", marker="o", markersize=12, markerfacecolor="white",
               markeredgecolor="#555555", label=label("quotient_size", lang)),
        Line2D([], [], color="#8c8c8c", linewidth=4, alpha=0.6,
               label=label("quotient_width", lang)),
    ]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, -0.02), prop=fp(8),
              frameon=False)
    if limit is None:
        title = label("quotient_title_asked", lang, n_units=n_units)
    else:
        title = label("quotient_title", lang, n_units=n_units, limit=limit)
    if as_of is not None:
        title += label("as_of", lang, date=pd.Timestamp(as_of).date().isoformat())
    ax.set_title(title, fontproperties=fp(11), loc="left")
