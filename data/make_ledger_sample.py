"""Write the ledger edition of the yongchun sample: the same data as an office keeps it.

``python data/make_ledger_sample.py`` reads ``data/samples/yongchun`` (node/edge tables) and
writes ``data/samples/yongchun_ledger/永春县三区联创台账.xlsx``: one sheet per kind and per
mechanism, everything by name, no ids, with a title row, a 序号 column and a footer as
offices write them. Auditing it gives the same findings as the node/edge edition
(``tests/graph/test_ledger_sample.py`` checks it). Deterministic: the same input gives the
same cell values.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_samples import reproducible_xlsx  # noqa: E402

ROOT = Path(__file__).resolve().parent / "samples"
SRC = ROOT / "yongchun"
OUT = ROOT / "yongchun_ledger" / "永春县三区联创台账.xlsx"

SUBTYPE_ZH = {"township": "乡镇", "department": "部门", "county_unit": "县直单位", "soe": "国企",
              "private": "非公", "committee": "党委", "general_branch": "党总支",
              "branch": "党支部", "community": "社区", "village": "村", "compound": "小区"}
RANK_ZH = {"county": "县处级", "section": "科级", "staff": "一般"}
ROLE_ZH = {"instructor": "党建指导员", "part_time_member": "兼职委员",
           "first_secretary": "第一书记"}
KIND_ZH = {"joint_meeting": "联席会议", "rotating_host": "轮值商办", "review": "三方共评",
           "activity": "活动"}
YES = {"true": "是", "false": "否"}
STAFF_ZH = {"head": "网格长", "full_time": "专职网格员", "part_time": "兼职网格员"}


def _s(v) -> str:
    return "" if pd.isna(v) else str(v)


def _person(ids: pd.Series, name: dict, home: dict) -> pd.Series:
    """People written as 姓名（单位）, as offices tell people of the same name apart."""
    return ids.map(lambda i: f"{name[i]}（{name[home[i]]}）" if i in home else name[i])


def build_sheets(src: Path | None = None) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Sheet name -> (headers, rows), from a node/edge dataset (default: ``SRC``).

    Optional columns (所在网格, 覆盖单位, ...) and sheets (网格) appear only when the data has
    them, so the yongchun edition keeps the layout its README describes.
    """
    src = SRC if src is None else src
    n = pd.read_csv(src / "nodes.csv", dtype=str, keep_default_na=False).set_index("id")
    e = pd.read_csv(src / "edges.csv", dtype=str, keep_default_na=False)
    ev = pd.read_csv(src / "events.csv", dtype=str, keep_default_na=False)
    if "weight" not in e:
        e["weight"] = ""
    name = n["name"].to_dict()
    ntype = n["type"].to_dict()
    e["st"], e["tt"] = e["source"].map(ntype), e["target"].map(ntype)

    def of(t):
        return e[e["type"] == t]

    jobs = of("works_at").sort_values("end", key=lambda s: s != "", kind="stable")
    current = jobs.drop_duplicates("source")  # the open post first: a person's own unit
    home = current.set_index("source")["target"].to_dict()
    sheets: dict[str, tuple[list[str], list[list[str]]]] = {}

    def table(title: str, columns: dict[str, pd.Series], optional=()):
        cols = {h: v.astype(object).fillna("").astype(str) for h, v in columns.items()
                if h not in optional or (v.astype(object).fillna("") != "").any()}
        if cols and len(next(iter(cols.values()))):
            sheets[title] = (list(cols), pd.DataFrame(cols).to_numpy().tolist())

    def nodes_of(t):
        return n[n["type"] == t]

    def first_target(t, target_type):
        x = of(t)
        x = x[x["tt"] == target_type].drop_duplicates("source")
        return x.set_index("source")["target"].map(name)

    def zh(col, mapping):
        return col.map(lambda v: mapping.get(v, v))

    grid_of = first_target("located_in", "grid")
    c = nodes_of("community")
    table("社区", {"社区名称": c["name"], "片区": c["zone"], "类型": zh(c["subtype"], SUBTYPE_ZH),
                 "党员数": c["party_members"], "所在网格": c.index.to_series().map(grid_of)},
          optional=("所在网格",))
    p = nodes_of("park")
    table("园区", {"园区名称": p["name"], "片区": p["zone"],
                 "所在网格": p.index.to_series().map(grid_of)}, optional=("所在网格",))
    en = nodes_of("enterprise")
    ids = en.index.to_series()
    table("企业", {"企业名称": en["name"], "片区": en["zone"],
                 "企业性质": en["subtype"].map(lambda v: SUBTYPE_ZH.get(v, "")),
                 "党员数": en["party_members"], "是否规上": en["above_scale"].map(YES),
                 "所在园区": ids.map(first_target("located_in", "park")),
                 "所在社区": ids.map(first_target("located_in", "community")),
                 "所在网格": ids.map(grid_of)}, optional=("所在网格",))
    a = nodes_of("agency")
    table("机关", {"单位名称": a["name"], "片区": a["zone"],
                 "单位类型": a["subtype"].map(lambda v: SUBTYPE_ZH.get(v, "")),
                 "是否涉企部门": a["enterprise_facing"].map(YES)})
    b = nodes_of("branch")
    ids = b.index.to_series()
    host = of("hosted_by").drop_duplicates("source").set_index("source")["target"]
    parent = of("reports_to").drop_duplicates("source").set_index("source")["target"]
    covers = of("covers").groupby("source")["target"].agg(
        lambda t: "、".join(name[x] for x in t))
    table("党组织", {"党组织名称": b["name"], "片区": b["zone"],
                  "党组织类型": b["subtype"].map(lambda v: SUBTYPE_ZH.get(v, "")),
                  "依托单位": ids.map(host).map(name), "上级党组织": ids.map(parent).map(name),
                  "党员数": b["party_members"], "覆盖单位": ids.map(covers)},
          optional=("覆盖单位",))
    k = nodes_of("cadre")
    ids = k.index.to_series()
    wk = current.set_index("source")
    mb = of("member_of").drop_duplicates("source").set_index("source")
    table("党员", {"姓名": k["name"], "片区": k["zone"],
                 "所在单位": ids.map(wk["target"]).map(name), "任职时间": ids.map(wk["start"]),
                 "职级": k["rank"].map(lambda v: RANK_ZH.get(v, "")),
                 "是否年轻干部": k["is_young"].map(YES),
                 "所在党组织": ids.map(mb["target"]).map(name), "转入时间": ids.map(mb["start"])})
    past = jobs.drop(current.index)
    table("任职经历", {"姓名": past["source"].map(name),
                   "现单位": past["source"].map(home).map(name),
                   "原单位": past["target"].map(name), "任职时间": past["start"],
                   "离任时间": past["end"]})
    pt = of("part_time_post")
    table("兼职情况", {"姓名": pt["source"].map(name), "本职单位": pt["source"].map(home).map(name),
                   "兼职单位": pt["target"].map(name), "兼职职务": zh(pt["role"], ROLE_ZH),
                   "兼职时间": pt["start"], "结束时间": pt["end"]})
    sp = of("service_pairing")
    proj_rows = []
    for pid, r in nodes_of("project").iterrows():
        mine = sp[sp["target"] == pid]
        # one row per term (start, end): a member whose term differs gets a row of their own
        for (st, en_), term in mine.groupby(["start", "end"], sort=True):
            who = {role: "、".join(_person(term[term["role"] == role]["source"], name, home))
                   for role in ("coordinator", "policy", "support")}
            proj_rows.append([r["name"], r["zone"], who["coordinator"], who["policy"],
                              who["support"], st, en_])
        if mine.empty:
            proj_rows.append([r["name"], r["zone"], "", "", "", "", ""])
    if proj_rows:
        sheets["1+1+1挂钩服务"] = (["项目名称", "片区", "统筹协调", "对接政策", "提供保障",
                                 "挂钩时间", "结束时间"], proj_rows)
    cb = of("co_building")
    table("结对共建", {"甲方": cb["source"].map(name), "乙方": cb["target"].map(name),
                   "共建时间": cb["start"], "结束时间": cb["end"], "权重": cb["weight"]})
    cm = of("council_member")
    conv = of("convenes").drop_duplicates("target").set_index("target")
    table("协调委员会成员单位", {
        "协调委员会": cm["target"].map(name), "成员单位": cm["source"].map(name),
        "召集人": _person(cm["target"].map(conv["source"]).dropna(), name, home).reindex(
            cm.index), "召集人任职时间": cm["target"].map(conv["start"]),
        "片区": cm["target"].map(n["zone"]), "加入时间": cm["start"], "退出时间": cm["end"]})
    li = of("liaison")
    is_cadre = li["st"] == "cadre"
    table("挂钩联系", {
        "挂钩干部": li["source"].map(name).where(is_cadre, ""),
        "本职单位": li["source"].map(home).map(name).where(is_cadre, ""),
        "挂钩单位": li["source"].map(name).where(~is_cadre, ""), "联系对象": li["target"].map(name),
        "开始时间": li["start"], "结束时间": li["end"]})
    g = nodes_of("grid")
    if len(g):
        ids = g.index.to_series()
        within = of("located_in")
        within = within[within["st"] == "grid"].drop_duplicates("source").set_index("source")
        table("网格", {"网格名称": g["name"], "片区": g["zone"], "网格层级": g["level"],
                     "所属社区": ids.map(within["target"]).map(name)})
    gs = of("grid_staff")
    table("网格员", {"姓名": gs["source"].map(name), "本职单位": gs["source"].map(home).map(name),
                  "所在网格": gs["target"].map(name), "岗位": zh(gs["role"], STAFF_ZH),
                  "开始时间": gs["start"], "结束时间": gs["end"]})
    reg = of("registers_at")
    is_cadre = reg["st"] == "cadre"
    table("双报到", {
        "姓名": reg["source"].map(name).where(is_cadre, ""),
        "所在单位": reg["source"].map(home).map(name).where(is_cadre, ""),
        "单位党组织": reg["source"].map(name).where(~is_cadre, ""),
        "报到社区": reg["target"].map(name), "报到时间": reg["start"], "结束时间": reg["end"]})
    table("活动", {"日期": ev["date"], "活动类型": zh(ev["kind"], KIND_ZH),
                 "参与单位": ev["units"].map(lambda us: "、".join(name[u] for u in us.split(";")))})
    return sheets


def write(out: Path = OUT, src: Path | None = None) -> Path:
    """Write the ledger workbook of the node/edge dataset ``src`` (default ``SRC``)."""
    sheets = build_sheets(src)
    wb = Workbook()
    wb.remove(wb.active)
    for title, (headers, rows) in sheets.items():
        ws = wb.create_sheet(title)
        # as offices write them: a title row, a 序号 column, a footer
        ws.append([f"永春县“三区联创”党建台账——{title}（2025年6月）"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers) + 1)
        ws["A1"].font = Font(bold=True, size=14)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.append(["序号", *headers])
        for i, row in enumerate(rows, start=1):
            ws.append([i, *[v if v not in ("", "nan") else None for v in row]])
        ws.append([])
        ws.append(["填表人：县委组织部组织科", None, "审核人：", None, "填表日期：2025年6月30日"])
        ws.freeze_panes = "B3"
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    wb.save(buf)
    out.write_bytes(reproducible_xlsx(buf.getvalue()))
    source = SRC if src is None else src
    if (source / "expected.json").is_file():
        # the edition's reference date and figures are those of the tables it was made from
        meta = json.loads((source / "expected.json").read_text(encoding="utf-8"))
        keep = {"audit_date": meta["audit_date"], "edition_of": source.name,
                "counts": meta["counts"]}
        (out.parent / "expected.json").write_text(
            json.dumps(keep, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
