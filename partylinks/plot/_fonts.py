"""Fonts that can draw Chinese text in matplotlib charts.

Chart functions wrap their drawing in :func:`chinese_rc` so that Chinese labels,
including rare characters in personal names such as 堃 喆 赟 玥 䶮, render
without the user installing or configuring anything, and without touching the
user's global :data:`matplotlib.rcParams`::

    with chinese_rc():
        fig, ax = plt.subplots()
        ax.set_title("社区 园区 企业")

The first family of :data:`KNOWN_CJK_FAMILIES` that is installed and has a glyph
for every character of :data:`REQUIRED_CHARS` is used.  When none qualifies, the
font bundled in ``partylinks/fonts/`` (a subset of Noto Sans CJK SC) is registered
with matplotlib on first use and used instead.  "DejaVu Sans", which ships with
matplotlib, is always appended as a fallback for Latin letters and symbols.

Text drawn with an explicit font family (networkx's ``draw_networkx_labels``
defaults to ``font_family="sans-serif"``) bypasses ``font.family``; pass
``font_family=cjk_font_families()`` or ``fontproperties=font_properties()``
there.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from matplotlib import font_manager

__all__ = [
    "KNOWN_CJK_FAMILIES",
    "REQUIRED_CHARS",
    "FALLBACK_FAMILY",
    "bundled_font_path",
    "cjk_font_families",
    "chinese_rc",
    "font_properties",
    "clear_font_cache",
]

#: Installed families tried, in order, before the bundled font.
KNOWN_CJK_FAMILIES: list[str] = [
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "Heiti SC",
]

#: Characters an installed family must have glyphs for to be chosen: rare
#: characters of personal names, one of them (䶮, U+4DAE) in CJK Extension A.
REQUIRED_CHARS = "堃喆赟玥䶮"

#: Family appended after the CJK family for Latin letters and symbols.
FALLBACK_FAMILY = "DejaVu Sans"

_BUNDLED_FONT_FILE = "NotoSansSC-Regular.ttf"

# Keeps a font extracted from a zipped install alive until the interpreter exits.
_resource_stack = contextlib.ExitStack()


@functools.cache
def bundled_font_path() -> Path:
    """Return the path of the CJK font shipped with partylinks.

    The file is a subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1)
    covering Latin, punctuation, common symbols, CJK Unified Ideographs and
    Extensions A to G; ``partylinks/fonts/README.md`` describes it.  It is found
    through :mod:`importlib.resources`, so it also works from an installed wheel.

    Returns
    -------
    pathlib.Path
        Absolute path of the ``.ttf`` file.

    Raises
    ------
    FileNotFoundError
        If the package was installed without its font file.

    Examples
    --------
    >>> path = bundled_font_path()
    >>> path.name
    'NotoSansSC-Regular.ttf'
    >>> path.is_file()
    True
    """
    ref = resources.files("partylinks").joinpath("fonts", _BUNDLED_FONT_FILE)
    if isinstance(ref, Path):
        path = ref
    else:  # e.g. a zipped install: extract once, remove at exit
        if not ref.is_file():
            raise FileNotFoundError(f"partylinks/fonts/{_BUNDLED_FONT_FILE} is not installed")
        path = _resource_stack.enter_context(resources.as_file(ref))
        atexit.register(_resource_stack.close)
    if not path.is_file():
        raise FileNotFoundError(f"bundled font {path} is missing")
    return path.resolve()


@functools.cache
def _bundled_family() -> str:
    """Family name matplotlib registers the bundled font under."""
    font = font_manager.get_font(str(bundled_font_path()))
    return font_manager.ttfFontProperty(font).name


def _register_bundled_font() -> None:
    """Add the bundled font to matplotlib's font manager unless it is there.

    Checked on every use rather than once per process, because matplotlib
    rebuilds its font list (dropping fonts added at run time) when it finds
    that a cached font file has disappeared.
    """
    fname = str(bundled_font_path())
    manager = font_manager.fontManager
    if not any(entry.fname == fname for entry in manager.ttflist):
        manager.addfont(fname)


def _face_has_chars(entry: Any, chars: str) -> bool:
    """Whether the font face of a font-manager ``entry`` has a glyph for each of ``chars``."""
    index = getattr(entry, "index", 0)  # face index in a .ttc (matplotlib >= 3.11)
    fname = font_manager.FontPath(entry.fname, index) if index else entry.fname
    try:
        font = font_manager.get_font(fname)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(char)) != 0 for char in chars)


def _family_qualifies(family: str, chars: str = REQUIRED_CHARS) -> bool:
    """Whether ``family`` is installed and every face of it can draw ``chars``."""
    wanted = family.lower()
    faces = [
        entry
        for entry in font_manager.fontManager.ttflist
        if entry.name.lower() == wanted and Path(entry.fname).is_file()
    ]
    return bool(faces) and all(_face_has_chars(entry, chars) for entry in faces)


@functools.cache  # an lru_cache without size limit
def _resolve(prefer_bundled: bool) -> tuple[tuple[str, ...], bool]:
    """Return ``(families, uses_bundled)``; cached, cleared by :func:`clear_font_cache`."""
    if not prefer_bundled:
        for family in KNOWN_CJK_FAMILIES:
            if _family_qualifies(family):
                return (family, FALLBACK_FAMILY), False
    return (_bundled_family(), FALLBACK_FAMILY), True


def cjk_font_families(prefer_bundled: bool = False) -> list[str]:
    """Return the ``font.family`` list to draw Chinese text with.

    The first family of :data:`KNOWN_CJK_FAMILIES` that is installed and has a
    glyph for every character of :data:`REQUIRED_CHARS` comes first.  If none
    qualifies, the bundled font (:func:`bundled_font_path`) is registered with
    matplotlib's font manager and its family comes first.  "DejaVu Sans" always
    follows as a fallback for Latin letters and symbols.

    The choice is cached for the process; :func:`clear_font_cache` forgets it.

    Parameters
    ----------
    prefer_bundled : bool, default False
        Use the bundled font even when a suitable font is installed, e.g. for
        output that must look the same on every machine.

    Returns
    -------
    list of str
        A new list of family names, CJK family first.

    Examples
    --------
    >>> families = cjk_font_families()
    >>> families[-1]
    'DejaVu Sans'
    >>> cjk_font_families(prefer_bundled=True)
    ['Noto Sans CJK SC Subset', 'DejaVu Sans']
    """
    families, uses_bundled = _resolve(bool(prefer_bundled))
    if uses_bundled:
        _register_bundled_font()
    return list(families)


def clear_font_cache() -> None:
    """Forget the family chosen by :func:`cjk_font_families`.

    The next call checks the installed fonts again, e.g. after a font was
    installed, or in tests that change :data:`KNOWN_CJK_FAMILIES`.  A bundled
    font already registered with matplotlib stays registered.

    Examples
    --------
    >>> clear_font_cache()
    >>> cjk_font_families()[-1]
    'DejaVu Sans'
    """
    _resolve.cache_clear()


def chinese_rc(extra: dict[str, Any] | None = None) -> contextlib.AbstractContextManager[None]:
    """Return a context in which matplotlib draws Chinese text.

    Inside the context ``font.family`` is :func:`cjk_font_families`,
    ``axes.unicode_minus`` is off (some CJK fonts, such as SimHei, have no glyph
    for U+2212 MINUS SIGN, so negative tick labels use the ASCII hyphen), SVG
    text is written as paths (no font needed to view it) and PDF fonts are
    embedded as TrueType (``pdf.fonttype`` 42, small and searchable).
    Everything is restored on exit; the global :data:`matplotlib.rcParams` are
    never changed. matplotlib's settings are one per process: charts drawn at the same
    time in several threads (a web server's) take turns, so that one chart's settings
    never leak into another's.

    Parameters
    ----------
    extra : dict, optional
        More rcParams to set in the context; they override the ones above.

    Returns
    -------
    contextlib.AbstractContextManager
        The context of :func:`matplotlib.rc_context`.

    Examples
    --------
    >>> import io
    >>> import matplotlib
    >>> from matplotlib.figure import Figure
    >>> before = matplotlib.rcParams["font.family"]
    >>> with chinese_rc({"font.size": 9}):
    ...     matplotlib.rcParams["font.family"] == cjk_font_families()
    ...     fig = Figure()
    ...     ax = fig.subplots()
    ...     _ = ax.set_title("党建联建 堃 喆 赟 玥 䶮 −1")
    ...     fig.savefig(io.BytesIO(), format="png")
    True
    >>> matplotlib.rcParams["font.family"] == before
    True
    """
    import matplotlib

    rc: dict[str, Any] = {
        "font.family": cjk_font_families(),
        "axes.unicode_minus": False,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
    }
    if extra:
        rc.update(extra)
    return _serialized(matplotlib.rc_context(rc))


_RC_LOCK = threading.RLock()
"""Held while a chart's rcParams are in force (the same thread may nest them)."""


@contextlib.contextmanager
def _serialized(context: contextlib.AbstractContextManager[None]):
    with _RC_LOCK, context:
        yield


def font_properties(**kwargs: Any) -> font_manager.FontProperties:
    """Return font properties for explicit text calls that take no rcParams.

    Use it where a function sets its own font family, such as networkx's
    ``draw_networkx_labels`` (``font_family="sans-serif"`` by default) or
    ``Axes.text(..., fontproperties=...)``.

    Parameters
    ----------
    **kwargs
        Passed to :class:`matplotlib.font_manager.FontProperties`, e.g. ``size``
        or ``weight``.  The family is always :func:`cjk_font_families` and
        cannot be passed.

    Returns
    -------
    matplotlib.font_manager.FontProperties

    Examples
    --------
    >>> prop = font_properties(size=8)
    >>> prop.get_family() == cjk_font_families()
    True
    >>> prop.get_size()
    8.0
    """
    return font_manager.FontProperties(family=cjk_font_families(), **kwargs)
