"""Labels that stay apart when the figure's layout changes after they were placed.

A chart drawn on one Axes of a ``plt.subplots`` grid is placed before the other panels
are drawn; the layout engine then resizes it, the points move closer together in the
figure while the labels keep their size, and labels placed apart would overlap. A
:class:`Relabel` artist, drawn before the labels, places them again (the same four
positions around the point, most important first) whenever the Axes has a new size, and
hides a label that no longer fits unless it must be shown.
"""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist

__all__ = ["Relabel"]

_POSITIONS = ((1, 0, "left", "center"), (-1, 0, "right", "center"),
              (0, 1, "center", "bottom"), (0, -1, "center", "top"))


def _hits(box: np.ndarray, boxes: np.ndarray) -> int:
    if not len(boxes):
        return 0
    return int(np.count_nonzero((box[0] < boxes[:, 2]) & (boxes[:, 0] < box[2])
                                & (box[1] < boxes[:, 3]) & (boxes[:, 1] < box[3])))


class Relabel(Artist):
    """Re-place ``labels`` (annotations in offset points, most important first) when the
    Axes' size changes; ``offsets_pt`` their distance from their point, ``force`` those
    always shown, ``avoid`` artists they must not cover (zone names, legend, badges)."""

    zorder = -10   # drawn before every text of the Axes

    def __init__(self, ax, labels: list, offsets_pt: np.ndarray, force: np.ndarray,
                 obstacles: np.ndarray, obstacle_pt: np.ndarray, avoid: list):
        super().__init__()
        self.axes = ax
        self.set_figure(ax.figure)
        self.labels = list(labels)
        self.offsets_pt = np.asarray(offsets_pt, float)
        self.force = np.asarray(force, bool)
        self.obstacles = np.asarray(obstacles, float).reshape(-1, 2)
        self.obstacle_pt = np.asarray(obstacle_pt, float)
        self.avoid = list(avoid)
        self._placed_for = tuple(np.round(ax.bbox.bounds, 1))
        self.set_in_layout(False)

    def get_window_extent(self, renderer=None):
        from matplotlib.transforms import Bbox

        return Bbox.null()

    def draw(self, renderer) -> None:
        bounds = tuple(np.round(self.axes.bbox.bounds, 1))
        if bounds == self._placed_for or not self.labels:
            return
        self._placed_for = bounds
        self.place(renderer)

    def place(self, renderer) -> None:
        """Place every label again for the Axes as it is now."""
        ax, fig = self.axes, self.axes.figure
        px = fig.dpi / 72.0
        pad = 1.5 * px
        centers = ax.transData.transform(self.obstacles) if len(self.obstacles) else \
            np.zeros((0, 2))
        rad = self.obstacle_pt * px
        obs = np.column_stack([centers - rad[:, None], centers + rad[:, None]]) \
            if len(centers) else np.zeros((0, 4))
        kept = [[b.x0 - 3 * pad, b.y0 - 3 * pad, b.x1 + 3 * pad, b.y1 + 3 * pad]
                for b in (a.get_window_extent(renderer) for a in self.avoid
                          if a.get_visible())]
        kept_arr = np.array(kept, float).reshape(-1, 4)
        fb = fig.bbox
        for i, t in enumerate(self.labels):
            p = ax.transData.transform(np.asarray(t.xy, float))
            own = np.hypot((obs[:, 0] + obs[:, 2]) / 2 - p[0],
                           (obs[:, 1] + obs[:, 3]) / 2 - p[1]) < 1
            others = obs[~own]
            d = float(self.offsets_pt[i]) + 1.5 / px
            best = None
            t.set_visible(True)
            for sx, sy, ha, va in _POSITIONS:
                t.xyann = (sx * d, sy * d)
                t.set_ha(ha)
                t.set_va(va)
                bb = t.get_window_extent(renderer)
                box = np.array([bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad])
                outside = bb.x0 < fb.x0 or bb.x1 > fb.x1 or bb.y0 < fb.y0 or bb.y1 > fb.y1
                cost = 100 * _hits(box, kept_arr) + _hits(box, others) + 1000 * outside
                if best is None or cost < best[0]:
                    best = (cost, (sx * d, sy * d, ha, va), box)
                if cost == 0:
                    break
            cost, (dx, dy, ha, va), box = best
            t.xyann = (dx, dy)
            t.set_ha(ha)
            t.set_va(va)
            if cost > 0 and not self.force[i]:
                t.set_visible(False)
                continue
            kept_arr = np.vstack([kept_arr, box])
