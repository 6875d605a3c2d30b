"""Names as people write them: normalization, the type a name implies, and stable ids."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

__all__ = ["normalize_name", "guess_type", "stable_id", "split_names", "split_person",
           "same_numbers"]

_NUMBERS = re.compile(r"[0-9]+|[〇零一二两三四五六七八九十百千]+")


def same_numbers(a: str, b: str) -> bool:
    """True when two names hold the same numbers (Arabic or Chinese), in the same order:
    names that differ in a number name different things, however alike they look.

    Examples
    --------
    >>> same_numbers("片区005党建工作协调委员会", "片区008党建工作协调委员会")
    False
    >>> same_numbers("永春县鸿安电子科技有限公司", "永春县鸿安电子技术有限公司")
    True
    >>> same_numbers("第一网格", "第二网格")
    False
    """
    def nums(t: str) -> list[str]:
        return [m.lstrip("0") or "0" for m in _NUMBERS.findall(normalize_name(t))]
    return nums(a) == nums(b)

_SPACES = re.compile(r"\s+")
_PARTY_PREFIX = re.compile(r"^(中国共产党|中共)")
_COMPANY_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|有限公司|责任公司|股份公司|公司)$")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "“": '"', "”": '"'})


@functools.lru_cache(maxsize=1 << 18)
def normalize_name(name: str, node_type: str | None = None) -> str:
    """The key two names are matched by: the same key means the same name.

    Full-width letters, digits and brackets become half-width (Unicode NFKC), blanks go,
    Latin letters are lower-cased; for a party organization the ``中共``/``中国共产党`` prefix
    is dropped, and for an enterprise the company-form suffix (``有限公司``, ``有限责任公司``,
    ``股份有限公司``, ``公司``), so ``永兴纺织有限责任公司`` and ``永兴纺织有限公司`` match.

    Examples
    --------
    >>> normalize_name(" 中共 桃源社区 委员会 ", "branch")
    '桃源社区委员会'
    >>> a = normalize_name("永兴纺织有限责任公司", "enterprise")
    >>> a == normalize_name("永兴纺织公司", "enterprise")
    True
    >>> normalize_name("ＡＢＣ１号楼")
    'abc1号楼'
    """
    t = unicodedata.normalize("NFKC", str(name)).translate(_BRACKETS)
    t = _SPACES.sub("", t).lower()
    t = t.replace("\u200b", "").replace("\ufeff", "")
    if node_type in (None, "branch"):
        t2 = _PARTY_PREFIX.sub("", t)
        if node_type == "branch" or t2 != t and t2:
            t = t2
    if node_type == "enterprise":
        t = _COMPANY_SUFFIX.sub("", t) or t
    return t


# (pattern on the end or the whole name, node type, subtype); the first that matches wins
_TYPE_RULES: list[tuple[re.Pattern, str, str | None]] = [
    (re.compile(r"(党委|党总支|党支部|支部委员会|党工委|党组|党小组|联合支部|支部)$"),
     "branch", None),
    (re.compile(r"(协调委员会|大党委|大党工委|党建联盟|联席会议)$"), "council", None),
    (re.compile(r"(镇人民政府|乡人民政府|镇政府|乡政府|街道办事处|街道办|街道)$"),
     "agency", "township"),
    (re.compile(r"(网格)$"), "grid", None),
    (re.compile(r"(小区|花园|公寓|家园|苑)$"), "community", "compound"),
    (re.compile(r"(社区|村委会|居委会|社区居委会|村)$"), "community", None),
    (re.compile(r"(园区|工业园|产业园|开发区|工业区|创业园|科技园|高新区|集中区)$"), "park", None),
    (re.compile(r"(项目|工程)$"), "project", None),
    (re.compile(r"(公司|厂|集团|企业|合作社|商行|店|银行|酒店|医院有限公司)$"), "enterprise", None),
    (re.compile(r"(商会|协会)$"), "agency", "chamber"),
    (re.compile(r"(学校|中学|小学|幼儿园|学院)$"), "agency", "school"),
    (re.compile(r"(局|委|办|办公室|委员会|部|中心|所|站|院|队|处|政府|法院|检察院)$"),
     "agency", "department"),
]


def guess_type(name: str) -> tuple[str, str | None] | None:
    """The node type (and subtype) a unit's name implies, or None when it says nothing.

    Rules, first match wins, on the end of the name: party organizations (党委, 党支部, ...),
    councils (协调委员会, 大党委, 党建联盟), townships (镇人民政府, 街道办事处, 街道), grids
    (网格), compounds (小区), communities (社区, 村), parks (园区, 开发区, ...), projects
    (项目), enterprises (公司, 厂, 集团, 合作社, ...), chambers (商会), schools, and
    government departments (局, 委, 办, 中心, ...).

    Examples
    --------
    >>> guess_type("桃城镇人民政府"), guess_type("县发展和改革局"), guess_type("永春工业园区")
    (('agency', 'township'), ('agency', 'department'), ('park', None))
    >>> guess_type("桃源社区党支部"), guess_type("张三") is None
    (('branch', None), True)
    """
    t = normalize_name(name)
    for pattern, node_type, subtype in _TYPE_RULES:
        if pattern.search(t):
            return node_type, subtype
    return None


_PREFIX = {"community": "C", "park": "P", "enterprise": "E", "agency": "A", "branch": "B",
           "cadre": "K", "council": "U", "project": "J", "grid": "G"}


def stable_id(node_type: str, key: str) -> str:
    """A generated id that stays the same across runs for the same type and name key:
    a type letter and the first 12 hex digits of the SHA-1 of ``type|key`` (48 bits: two
    of a million names of one type share one with a chance of about 1 in 500, and then the
    later one, in the order of the ledger, gets ``-2``).

    Examples
    --------
    >>> stable_id("enterprise", "永兴纺织")
    'E-c19af148cc66'
    """
    digest = hashlib.sha1(f"{node_type}|{key}".encode()).hexdigest()[:12]
    return f"{_PREFIX.get(node_type, 'N')}-{digest}"


_SEPARATORS = set("、，,；;/\n")


def split_names(cell: str) -> list[str]:
    """Several names in one cell, separated by 、，,；; / or line breaks (not inside
    brackets, so ``张三（县发改局、县商务局）`` stays one).

    Examples
    --------
    >>> split_names("张三、李四；王五")
    ['张三', '李四', '王五']
    >>> split_names("张三（县发改局）、李四(县商务局)")
    ['张三（县发改局）', '李四(县商务局)']
    """
    parts, cur, depth = [], [], 0
    for ch in str(cell):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        if ch in _SEPARATORS and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


_PERSON_UNIT = re.compile(r"^(.+?)\s*[（(]\s*(.+?)\s*[)）]$")


def split_person(text: str) -> tuple[str, str | None]:
    """``张三（县发改局）`` -> ``("张三", "县发改局")``: a person written with their unit.

    Examples
    --------
    >>> split_person("张三（县发改局）"), split_person("李四")
    (('张三', '县发改局'), ('李四', None))
    """
    m = _PERSON_UNIT.match(str(text).strip())
    if m:
        return m[1].strip(), m[2].strip()
    return str(text).strip(), None
