"""The bundled sample datasets, modelled on the seed articles (synthetic people)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["SAMPLES", "sample_path", "load_sample", "list_samples"]

SAMPLES: dict[str, str] = {
    "yongchun": "永春县：6 个片区协调委员会、社企互派兼职、16 个重点项目的 1+1+1 挂钩服务",
    "quanzhou_etdz": "泉州开发区：三级网格、支部建在网格上、挂钩联系、双报到",
    "shishi_pengtian": "石狮灵秀彭田片区：一个党建联盟、村-小区-楼栋-党员户四级链条",
    "yongchun_ledger": "永春县样例的台账版：按名称填写的一张张工作表"
                       "（社区、企业、党员、兼职情况……），没有编号",
}


def _root() -> Path:
    here = Path(__file__).resolve()
    src = here.parents[2] / "data" / "samples"  # a source checkout
    if src.is_dir():
        return src
    return Path(str(resources.files("partylinks") / "_samples"))


def list_samples() -> list[str]:
    """Names of the bundled samples.

    Examples
    --------
    >>> list_samples()
    ['quanzhou_etdz', 'shishi_pengtian', 'yongchun', 'yongchun_ledger']
    """
    return sorted(SAMPLES)


def sample_path(name: str) -> Path:
    """Path of a bundled sample (a folder, or the workbook of ``shishi_pengtian`` and
    ``yongchun_ledger``).

    Examples
    --------
    >>> sample_path("yongchun").name
    'yongchun'
    """
    if name not in SAMPLES:
        raise ValueError(f"unknown sample {name!r}; available: {list_samples()}")
    folder = _root() / name
    books = sorted(folder.glob("*.xlsx"))
    has_tables = any(folder.glob("*.csv")) or any(folder.glob("*.parquet"))
    if books and not has_tables:
        return books[0]
    return folder


def load_sample(name: str, **kwargs):
    """Load a bundled sample as a LinkGraph (keyword arguments go to :func:`load`).

    Examples
    --------
    >>> g = load_sample("yongchun")
    >>> int((g.nodes["type"] == "project").sum())
    16
    """
    from ..graph.load import load

    return load(sample_path(name), **kwargs)
