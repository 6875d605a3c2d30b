"""Build the CJK font bundled in ``partylinks/fonts/``.

The bundled font is a subset of the Regular weight of "Noto Sans CJK SC"
(the Simplified Chinese face of the Noto CJK project, SIL Open Font Licence
1.1) as shipped by the Debian package ``fonts-noto-cjk``.  It lets charts
render Chinese labels on machines that have no CJK font installed.

Usage (needs ``fonts-noto-cjk`` and ``fontTools``)::

    apt-get install -y fonts-noto-cjk
    python tools/make_cjk_font.py                  # writes partylinks/fonts/...
    python tools/make_cjk_font.py --flavour otf    # keep CFF outlines instead

What the script does:

1. picks the face whose family is "Noto Sans CJK SC" and whose subfamily is
   "Regular" out of ``NotoSansCJK-Regular.ttc``;
2. subsets it to the Unicode ranges in :data:`UNICODE_RANGES` (Latin, Greek,
   punctuation, common symbols, CJK punctuation, full-width forms, CJK Unified
   Ideographs, Extension A and the font's supplementary-plane ideographs),
   dropping hinting, OpenType layout tables and vertical metrics, none of
   which matplotlib uses;
3. renames the family to :data:`FAMILY` so that it can never be shadowed by,
   or shadow, an installed font of the original name;
4. converts the cubic CFF outlines to quadratic TrueType (``glyf``) outlines,
   because matplotlib's PDF and PostScript backends embed fonts as TrueType
   (``pdf.fonttype`` 42) or convert them through TrueType outlines
   (``pdf.fonttype`` 3) and cannot embed CFF-flavoured OpenType correctly.

The output is deterministic for a given input file and fontTools version.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

SOURCE_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FAMILY = "Noto Sans CJK SC"
SOURCE_SUBFAMILY = "Regular"

FAMILY = "Noto Sans CJK SC Subset"
POSTSCRIPT_NAME = "NotoSansCJKSCSubset-Regular"
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "partylinks" / "fonts"

#: Inclusive code point ranges kept in the subset.  Code points the source
#: font has no glyph for are silently skipped by the subsetter.
UNICODE_RANGES: list[tuple[int, int, str]] = [
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A (pinyin tone marks)"),
    (0x01CD, 0x01DC, "Latin Extended-B pinyin vowels"),
    (0x02C6, 0x02DD, "spacing modifier letters (tone marks, caron)"),
    (0x0391, 0x03C9, "Greek letters (statistics symbols)"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols (degree Celsius, numero)"),
    (0x2150, 0x218F, "Number Forms (Roman numerals)"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators (minus sign etc.)"),
    (0x2300, 0x23FF, "Miscellaneous Technical"),
    (0x2460, 0x24FF, "Enclosed Alphanumerics (circled numbers)"),
    (0x2500, 0x257F, "Box Drawing"),
    (0x25A0, 0x25FF, "Geometric Shapes (legend markers)"),
    (0x2600, 0x26FF, "Miscellaneous Symbols (stars, check marks)"),
    (0x2700, 0x27BF, "Dingbats"),
    (0x3000, 0x303F, "CJK Symbols and Punctuation"),
    (0x30FB, 0x30FB, "Katakana middle dot (transliterated names)"),
    (0x3200, 0x32FF, "Enclosed CJK Letters and Months"),
    (0x3300, 0x33FF, "CJK Compatibility (units such as square metres)"),
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs"),
    (0xFE10, 0xFE1F, "Vertical Forms"),
    (0xFE30, 0xFE4F, "CJK Compatibility Forms"),
    (0xFE50, 0xFE6F, "Small Form Variants"),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
    (0x20000, 0x3134F, "supplementary-plane ideographs (Extensions B-G)"),
]

#: Name table records kept (copyright, names, version, trademark, vendor,
#: URLs and the licence description and URL).
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]


def load_face(ttc: Path, family: str, subfamily: str) -> TTFont:
    """Return the face of ``ttc`` whose family and subfamily names match."""
    collection = TTCollection(str(ttc), lazy=False)
    for font in collection.fonts:
        name = font["name"]
        if name.getDebugName(1) == family and name.getDebugName(2) == subfamily:
            return font
    raise SystemExit(f"no face {family!r} {subfamily!r} in {ttc}")


def subset_face(font: TTFont) -> None:
    """Subset ``font`` in place to :data:`UNICODE_RANGES`."""
    unicodes = [cp for lo, hi, _ in UNICODE_RANGES for cp in range(lo, hi + 1)]
    options = subset.Options()
    options.layout_features = []  # matplotlib does no OpenType shaping
    options.hinting = False
    options.desubroutinize = True  # the outlines are converted afterwards
    options.notdef_outline = True
    options.name_IDs = NAME_IDS
    options.name_languages = [0x0409]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.glyph_names = False
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)


def rename(font: TTFont) -> None:
    """Give the subset its own family and PostScript names."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName(FAMILY, 4, 3, 1, 0x409)
    name.setName(POSTSCRIPT_NAME, 6, 3, 1, 0x409)
    name.setName(f"{version};{POSTSCRIPT_NAME}", 3, 3, 1, 0x409)
    name.setName(
        f"{version}; subset of {SOURCE_FAMILY} {SOURCE_SUBFAMILY} for partylinks",
        5,
        3,
        1,
        0x409,
    )


def cff_to_glyf(font: TTFont, max_err: float = 1.0) -> None:
    """Convert CFF outlines of ``font`` to TrueType quadratic outlines in place.

    This follows the ``otf2ttf`` recipe from the fontTools snippets.
    """
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for glyph_name in glyph_order:
        recording = DecomposingRecordingPen(glyph_set)
        glyph_set[glyph_name].draw(recording)
        tt_pen = TTGlyphPen(None)
        recording.replay(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        glyphs[glyph_name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    # Recompute every glyph's bounding box and left side bearing.
    hmtx = font["hmtx"]
    for glyph_name, glyph in glyphs.items():
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[glyph_name]
        hmtx[glyph_name] = (advance, getattr(glyph, "xMin", 0))

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0

    post = font["post"]
    post.formatType = 3.0  # no glyph names: the CID names carry no information
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def build(ttc: Path, out_dir: Path, flavour: str) -> Path:
    font = load_face(ttc, SOURCE_FAMILY, SOURCE_SUBFAMILY)
    subset_face(font)
    rename(font)
    if flavour == "ttf":
        cff_to_glyf(font)
    out = out_dir / f"NotoSansSC-Regular.{flavour}"
    out_dir.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False  # keep the source's dates: reproducible output
    font.save(str(out), reorderTables=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ttc", type=Path, default=SOURCE_TTC, help="source .ttc file")
    parser.add_argument("--out-dir", type=Path, default=OUTPUT_DIR, help="output folder")
    parser.add_argument(
        "--flavour",
        choices=["ttf", "otf"],
        default="ttf",
        help="ttf: TrueType outlines (default, works with every matplotlib backend); "
        "otf: keep the CFF outlines",
    )
    args = parser.parse_args(argv)
    out = build(args.ttc, args.out_dir, args.flavour)
    font = TTFont(str(out))
    print(
        f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, "
        f"{len(font.getGlyphOrder())} glyphs, {len(font.getBestCmap())} code points)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
