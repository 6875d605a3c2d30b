"""Saving charts for print and journals: text that stays text in PDF and SVG.

By default matplotlib embeds fonts in PDF as Type 3 (which many journals refuse and
Illustrator cannot edit) and draws SVG text as paths. :func:`editable_text` is a context
in which figures are saved with TrueType (Type 42) fonts in PDF and PostScript and real
``<text>`` elements in SVG, naming the CJK family the chart was drawn with, so that
every label can be edited in Illustrator or Inkscape; :func:`save` saves one figure
that way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

__all__ = ["editable_text", "save", "EDITABLE_RC"]

#: The rcParams of :func:`editable_text`.
EDITABLE_RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "none"}


@contextlib.contextmanager
def editable_text() -> Iterator[None]:
    """A context in which saved figures keep their text editable.

    Inside it, PDF and PostScript embed fonts as TrueType (``pdf.fonttype`` and
    ``ps.fonttype`` 42, searchable and editable, accepted by journals) and SVG writes each
    text as a ``<text>`` element with its font family (``svg.fonttype`` "none"): the
    reader's machine needs the font (e.g. Noto Sans CJK SC) to show it as drawn. The
    global rcParams are restored on exit.

    Returns
    -------
    contextlib.AbstractContextManager

    Examples
    --------
    >>> import io, partylinks as pl
    >>> ax = pl.plot.plot_linkage_matrix(pl.datasets.house())
    >>> buf = io.BytesIO()
    >>> with pl.plot.editable_text():
    ...     ax.figure.savefig(buf, format="svg")
    >>> buf.getvalue().count(b"<text") > 10
    True
    """
    with matplotlib.rc_context(EDITABLE_RC):
        yield


def save(fig_or_ax, path: str | Path, *, text: str = "editable", **savefig_kwargs) -> Path:
    """Save a chart's figure, its text editable (``text="editable"``) or drawn as paths.

    Parameters
    ----------
    fig_or_ax : Figure or Axes
        The figure, or an Axes of it (what every chart function returns).
    path : str or Path
        The file; its suffix chooses the format (``.pdf``, ``.svg``, ``.png``, ...).
    text : {"editable", "paths"}
        "editable": see :func:`editable_text`; "paths": PDF fonts as TrueType too, but SVG
        text drawn as outlines (shows the same everywhere, cannot be edited as text).
    **savefig_kwargs
        Passed to :meth:`matplotlib.figure.Figure.savefig` (``bbox_inches="tight"`` unless
        given).

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, partylinks as pl
    >>> ax = pl.plot.plot_linkage_matrix(pl.datasets.house())
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pl.plot.save(ax, f"{d}/matrix.pdf")
    ...     b"/Type3" in p.read_bytes()
    False
    """
    if text not in ("editable", "paths"):
        raise ValueError(f"text must be 'editable' or 'paths', got {text!r}")
    fig = fig_or_ax if isinstance(fig_or_ax, Figure) else fig_or_ax.get_figure(root=True)
    path = Path(path)
    rc = dict(EDITABLE_RC)
    if text == "paths":
        rc["svg.fonttype"] = "path"
    savefig_kwargs.setdefault("bbox_inches", "tight")
    with matplotlib.rc_context(rc):
        fig.savefig(path, **savefig_kwargs)
    return path
