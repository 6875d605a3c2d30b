#!/usr/bin/env python
"""Generate the three synthetic sample datasets in ``data/samples/``.

    python data/generate_samples.py

writes

* ``data/samples/yongchun/``        nodes.csv, edges.csv, events.csv (UTF-8, English)
* ``data/samples/quanzhou_etdz/``   节点.csv, 关系.csv (GB18030, Chinese headers and values)
* ``data/samples/shishi_pengtian/`` shishi_pengtian.xlsx with sheets 节点, 关系, 活动 (Chinese)

and a README.md (plus a machine-readable expected.json) in each folder with the exact counts
and every planted weak spot, computed from the generated tables so they cannot drift.

The data are synthetic but shaped on the figures of the seed articles (永春县 seed 000,
泉州开发区 seed 001, 石狮灵秀彭田片区 seed 004). People's names are generated from a surname
list and given-name characters; enterprise names are built from word lists. Place names
(zones, towns, villages, parks, compounds) may be realistic.

The script is deterministic: fixed random seeds, no set iteration, fixed timestamps inside the
workbook, so two runs produce byte-identical files. It needs only the standard library, pandas
and openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import re
import zipfile
from collections import Counter
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"
AUDIT_DATE = "2025-06-30"

NODE_COLS = ["id", "type", "name", "zone", "subtype", "level", "party_members", "above_scale",
             "rank", "is_young", "enterprise_facing"]
NODE_COLS_ZH = ["编号", "类型", "名称", "片区", "子类型", "层级", "党员数", "规上", "职级",
                "年轻干部", "涉企部门"]
EDGE_COLS = ["source", "target", "type", "role", "start", "end", "weight"]
EDGE_COLS_ZH = ["起点", "终点", "关系", "角色", "开始", "结束", "权重"]
EVENT_COLS = ["date", "kind", "units"]
EVENT_COLS_ZH = ["日期", "活动", "参与单位"]

# --------------------------------------------------------------------------------------------
# Chinese vocabulary used in the Chinese-language samples
# --------------------------------------------------------------------------------------------
ZH_EDGE = {
    "member_of": "隶属", "works_at": "任职", "hosted_by": "设立于", "reports_to": "上级",
    "located_in": "位于", "part_time_post": "兼职", "service_pairing": "挂钩服务",
    "council_member": "成员单位", "convenes": "召集人", "liaison": "挂钩联系",
    "grid_staff": "网格员", "co_building": "结对共建", "registers_at": "双报到",
}
ZH_ROLE = {
    "instructor": "党建指导员", "part_time_member": "兼职委员", "first_secretary": "第一书记",
    "coordinator": "统筹协调", "policy": "对接政策", "support": "提供保障",
    "head": "网格长", "full_time": "专职网格员", "part_time": "兼职网格员",
}
ZH_RANK = {"county": "县处级", "section": "科级", "staff": "一般"}
ZH_KIND = {"joint_meeting": "联席会议", "rotating_host": "轮值商办", "review": "三方共评",
           "activity": "活动"}
ZH_BRANCH = {"committee": "党委", "general_branch": "党总支", "branch": "党支部", "group": "党小组"}
ZH_COMMUNITY = {"village": "村", "compound": "小区", "community": "社区"}
ZH_AGENCY = {  # type value, subtype value (blank when the type value implies it)
    "department": ("部门", ""), "township": ("乡镇", ""), "county_unit": ("机关", "县直单位"),
    "school": ("机关", "学校"), "chamber": ("机关", "商会"),
}
ZH_ENTERPRISE_SUBTYPE = {"private": "非公", "soe": "国企"}
EN_LABEL = {"community": "社区/村/小区", "park": "园区", "enterprise": "企业", "agency": "机关",
            "branch": "党组织", "cadre": "党员/干部", "council": "协调委员会/党建联盟",
            "project": "重点项目", "grid": "网格"}

# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------
SURNAMES = list("陈林黄张李王吴刘蔡杨郑许洪苏颜尤郭周谢庄施曾彭康何高罗梁宋唐韩冯邓"
                "曹方傅江叶潘余卢詹魏钟徐孙胡朱")
GIVEN = list("志建国明华文春丽美秀金水德荣辉婷伟清海芳燕雅俊鸿晓坤锦宏振东嘉宇琳佳"
             "欣思雨晨阳家毅永新泽凯桂月霞婉玲诗瑞祥福良成")
RARE = ["堃", "喆", "赟", "玥", "䶮"]
# People named in the seed articles (and their authors): never generated.
SEED_PEOPLE = {"蔡耀明", "王诗琳", "杨安雅", "苏龙德", "邱华侨", "蔡清栋", "王君雄", "杜英姿",
               "郭文治", "李德", "康清辉", "李荣鑫", "王君", "小柯"}

BRAND = list("鸿泰盛兴达恒嘉瑞丰源华信隆昌宏裕祥康润锦晟永安益凯诚博远升")
Y_INDUSTRY = ["纺织", "鞋业", "食品", "香业", "茶业", "陶瓷", "机械", "电子", "新材料", "竹业",
              "包装", "五金", "服饰", "建材", "生物科技", "智能装备"]
Q_INDUSTRY = ["鞋服", "卫浴", "食品", "电子", "光电", "机械", "包装", "纺织", "新材料", "医疗器械",
              "汽车配件", "印刷", "塑胶", "体育用品", "智能科技", "供应链"]
S_INDUSTRY = ["服装", "服饰", "织造", "轻纺", "电子商务", "供应链", "智能制造", "印染"]


class NameGen:
    """Deterministic synthetic person and enterprise names, unique within one dataset."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def person(self, rare: str | None = None) -> str:
        while True:
            s = self.rng.choice(SURNAMES)
            n = 1 if self.rng.random() < 0.3 else 2
            g = [self.rng.choice(GIVEN) for _ in range(n)]
            if rare:
                g[-1] = rare
            name = s + "".join(g)
            if len(set(g)) == len(g) and name not in self.used and name not in SEED_PEOPLE:
                self.used.add(name)
                return name

    def company(self, place: str, industries: list[str], suffix: str = "有限公司") -> str:
        while True:
            brand = "".join(self.rng.sample(BRAND, 2))
            name = f"{place}{brand}{self.rng.choice(industries)}{suffix}"
            if name not in self.used:
                self.used.add(name)
                return name


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def rdate(rng: random.Random, lo: str, hi: str) -> str:
    a, b = d(lo), d(hi)
    return (a + dt.timedelta(days=rng.randint(0, (b - a).days))).isoformat()


# --------------------------------------------------------------------------------------------
# A dataset under construction (canonical English values inside)
# --------------------------------------------------------------------------------------------
class Dataset:
    def __init__(self, prefix: str, seed: int):
        self.prefix = prefix
        self.rng = random.Random(seed)
        self.names = NameGen(seed + 100)
        self.nodes: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.edges: list[dict] = []
        self.events: list[dict] = []
        self._count: Counter = Counter()
        self.spots: list[dict] = []
        self.info: dict = {}
        self.rare: list[str] = []

    # nodes ----------------------------------------------------------------------------------
    def add(self, code: str, width: int, type_: str, name: str, zone: str, subtype: str = "",
            **attrs) -> str:
        self._count[code] += 1
        nid = f"{self.prefix}-{code}{self._count[code]:0{width}d}"
        row = {"id": nid, "type": type_, "name": name, "zone": zone, "subtype": subtype}
        row.update(attrs)
        self.nodes.append(row)
        self.by_id[nid] = row
        return nid

    def cadre(self, zone: str, rank: str = "staff", young: bool = False, rare: str | None = None,
              zh: str = "干部") -> str:
        nid = self.add("K", 4, "cadre", self.names.person(rare), zone, rank=rank,
                       is_young=young, _zh=zh)
        if rare:
            self.rare.append(nid)
        return nid

    def branch(self, subtype: str, name: str, zone: str, host: str | None,
               parent: str | None = None) -> str:
        nid = self.add("B", 3, "branch", name, zone, subtype)
        if host:
            self.link(nid, host, "hosted_by")
        if parent:
            self.link(nid, parent, "reports_to")
        return nid

    def person_at(self, unit: str, branch: str | None, zone: str, *, rank: str = "staff",
                  young: bool = False, rare: str | None = None, zh: str = "干部",
                  since: tuple[str, str] = ("2008-01-01", "2022-12-31")) -> str:
        k = self.cadre(zone, rank, young, rare, zh)
        start = rdate(self.rng, *since)
        self.link(k, unit, "works_at", start=start)
        if branch:
            self.link(k, branch, "member_of", start=start)
        return k

    # edges ----------------------------------------------------------------------------------
    def link(self, s: str, t: str, type_: str, role: str = "", start: str = "", end: str = "",
             weight: str = "", zh: str = "") -> dict:
        e = {"source": s, "target": t, "type": type_, "role": role, "start": start, "end": end,
             "weight": weight, "_zh": zh}
        self.edges.append(e)
        return e

    def event(self, date: str, kind: str, units: list[str]) -> None:
        self.events.append({"date": date, "kind": kind, "units": ";".join(units)})

    def spot(self, key: str, rule: str, ids: list[str], finding: str,
             flagged: bool = True) -> None:
        """Record a planted spot; ``flagged`` is False for a documented non-finding."""
        self.spots.append({"key": key, "rule": rule, "ids": ids, "finding": finding,
                           "expected_finding": flagged})

    def name(self, nid: str) -> str:
        return self.by_id[nid]["name"]

    # tables ---------------------------------------------------------------------------------
    def node_frame(self, lang: str) -> pd.DataFrame:
        rows = []
        for n in self.nodes:
            r = {c: n.get(c, "") for c in NODE_COLS}
            for c in ("level", "party_members"):
                r[c] = "" if r[c] in ("", None) else str(int(r[c]))
            if lang == "en":
                for c in ("above_scale", "is_young", "enterprise_facing"):
                    if isinstance(r[c], bool):
                        r[c] = "true" if r[c] else "false"
            else:
                r["type"], r["subtype"] = zh_type(n)
                for c in ("above_scale", "is_young", "enterprise_facing"):
                    if isinstance(r[c], bool):
                        r[c] = "是" if r[c] else "否"
                if r["rank"]:
                    r["rank"] = ZH_RANK[r["rank"]]
            rows.append(r)
        df = pd.DataFrame(rows, columns=NODE_COLS).fillna("")
        if lang == "zh":
            df.columns = NODE_COLS_ZH
        return df

    def edge_frame(self, lang: str) -> pd.DataFrame:
        rows = []
        for e in self.edges:
            r = {c: e[c] for c in EDGE_COLS}
            if lang == "zh":
                if e["_zh"]:  # the relation value itself names the role (e.g. 党建指导员)
                    r["type"], r["role"] = e["_zh"], ""
                else:
                    r["type"] = ZH_EDGE[e["type"]]
                    r["role"] = ZH_ROLE.get(e["role"], e["role"])
            rows.append(r)
        df = pd.DataFrame(rows, columns=EDGE_COLS)
        if lang == "zh":
            df.columns = EDGE_COLS_ZH
        return df

    def event_frame(self, lang: str) -> pd.DataFrame:
        ev = sorted(self.events, key=lambda x: (x["date"], x["kind"], x["units"]))
        df = pd.DataFrame(ev, columns=EVENT_COLS)
        if lang == "zh":
            df["kind"] = df["kind"].map(ZH_KIND)
            df.columns = EVENT_COLS_ZH
        return df


def zh_type(n: dict) -> tuple[str, str]:
    """Chinese (type, subtype) cell values of a node, as a Chinese spreadsheet would say it."""
    t, st = n["type"], n.get("subtype", "")
    if t == "community":
        return ZH_COMMUNITY[st or "community"], ""
    if t == "agency":
        return ZH_AGENCY[st]
    if t == "enterprise":
        return "企业", ZH_ENTERPRISE_SUBTYPE.get(st, "")
    if t == "branch":
        return ZH_BRANCH[st], ""
    if t == "cadre":
        return n.get("_zh") or "干部", ""
    if t == "council":
        return n.get("_zh") or "协调委员会", ""
    return {"park": "园区", "project": "重点项目", "grid": "网格"}[t], st


# --------------------------------------------------------------------------------------------
# 1. 永春县 (seed 000): six zone coordination councils, mutual appointments, 1+1+1 teams
# --------------------------------------------------------------------------------------------
Y_ZONES = [  # zone, township, parks, communities, number of enterprises, number of projects
    ("桃城片区", "桃城镇", ["桃城工业园"], ["桃东社区", "桃溪社区", "留安社区"], 7, 3),
    ("五里街片区", "五里街镇", ["五里街科技园"], ["五里街社区", "华岩社区", "埔头社区"], 6, 3),
    ("石鼓片区", "石鼓镇", ["石鼓轻工园"], ["石鼓社区", "桃场社区", "凤山社区"], 6, 3),
    ("蓬壶片区", "蓬壶镇", ["蓬壶工业园"], ["蓬壶社区", "仙乡社区", "美山社区"], 6, 3),
    ("达埔片区", "达埔镇", ["达埔香产业园", "汉口工业园"],
     ["达埔社区", "汉口社区", "蓝田社区"], 6, 2),
    ("岵山片区", "岵山镇", [], ["岵山社区", "铺上社区"], 6, 2),
]
Y_DEPTS = ["县工业和信息化局", "县发展和改革局", "县商务局", "县市场监督管理局", "县自然资源局",
           "县住房和城乡建设局", "县人力资源和社会保障局", "县生态环境局", "县应急管理局",
           "县科学技术局"]
Y_COUNTY_UNITS = ["县委办公室", "县政府办公室", "县政协办公室", "县科学技术协会"]
Y_PROJECT_KINDS = ["智能制造基地项目", "产业园扩建项目", "生产线技改项目", "全产业链项目",
                   "仓储物流中心项目", "研发中心项目"]


def build_yongchun() -> Dataset:
    ds = Dataset("Y", 1000)
    rng = ds.rng
    seat = Y_ZONES[0][0]  # county agencies sit in the county seat 桃城
    council_since = "2023-05-18"

    # ---- units ----
    councils = [ds.add("U", 2, "council", f"{z[0]}党建工作协调委员会", z[0]) for z in Y_ZONES]
    depts = [ds.add("A", 2, "agency", n, seat, "department", enterprise_facing=True)
             for n in Y_DEPTS]
    towns = [ds.add("A", 2, "agency", z[1], z[0], "township", enterprise_facing=False)
             for z in Y_ZONES]
    cunits = [ds.add("A", 2, "agency", n, seat, "county_unit", enterprise_facing=False)
              for n in Y_COUNTY_UNITS]
    kexie = cunits[3]  # 县科学技术协会: joins no council (planted, see below)
    parks = [[ds.add("P", 2, "park", p, z[0]) for p in z[2]] for z in Y_ZONES]
    comms = [[ds.add("C", 2, "community", c, z[0], "community") for c in z[3]] for z in Y_ZONES]
    ents: list[list[str]] = []
    soe_slots = {(0, 1), (3, 2)}
    for zi, z in enumerate(Y_ZONES):
        row = []
        for j in range(z[4]):
            soe = (zi, j) in soe_slots
            name = (ds.names.company("永春", ["城建", "文旅", "产业投资"], "集团有限公司") if soe
                    else ds.names.company("永春", Y_INDUSTRY))
            row.append(ds.add("E", 3, "enterprise", name, z[0], "soe" if soe else "private",
                              party_members=rng.randint(4, 38),
                              above_scale=rng.random() < 0.75))
        ents.append(row)
    projects = []
    for zi, z in enumerate(Y_ZONES):
        projects.append([ds.add("J", 2, "project",
                                f"{z[1]}{ds.names.company('', Y_INDUSTRY, '')}"
                                f"{Y_PROJECT_KINDS[(zi + j) % len(Y_PROJECT_KINDS)]}", z[0])
                         for j in range(z[5])])

    # planted enterprises
    e_liaised = ents[0][6]   # only tie: a liaison by the 县科协 cadre (sole carrier with 县科协)
    e_iso1 = ents[1][5]      # isolated
    e_oneway2 = ents[1][0]   # one-way appointment
    e_fragile = ents[2][5]   # only tie: one instructor (also a one-way appointment)
    e_iso2 = ents[3][5]      # isolated
    e_nobranch = ents[4][3]  # 5 party members, no branch, no joint branch
    e_small = [ents[4][4], ents[4][5]]  # 1 and 2 party members, covered by a joint branch
    e_oneway3 = ents[5][0]   # one-way appointment
    ds.by_id[e_fragile].update(party_members=2, above_scale=False)
    ds.by_id[e_nobranch].update(party_members=5)
    ds.by_id[e_small[0]].update(party_members=1, above_scale=False)
    ds.by_id[e_small[1]].update(party_members=2, above_scale=False)
    non_members = [e_liaised, e_iso1, e_fragile, e_iso2]
    no_own_branch = [e_fragile, e_nobranch] + e_small

    # located_in: enterprises in their zone's park (or a community where there is no park)
    for zi, row in enumerate(ents):
        for j, e in enumerate(row):
            if e in e_small:
                tgt = parks[zi][1]
            elif parks[zi]:
                tgt = parks[zi][j % len(parks[zi])]
            else:
                tgt = comms[zi][j % len(comms[zi])]
            ds.link(e, tgt, "located_in")

    # ---- branches ----
    jiguan = ds.branch("committee", "县直机关工作委员会", seat, cunits[0])
    town_b = [ds.branch("committee", f"{Y_ZONES[zi][1]}党委", Y_ZONES[zi][0], t)
              for zi, t in enumerate(towns)]
    agency_b = {a: ds.branch("branch", f"{ds.name(a)}机关党支部", seat, a, jiguan)
                for a in depts + cunits}
    comm_b, park_b, ent_b = {}, {}, {}
    for zi, z in enumerate(Y_ZONES):
        for j, c in enumerate(comms[zi]):
            sub = "committee" if j == 0 else "general_branch"
            comm_b[c] = ds.branch(sub, f"{ds.name(c)}{ZH_BRANCH[sub]}", z[0], c, town_b[zi])
        for p in parks[zi]:
            park_b[p] = ds.branch("committee", f"{ds.name(p)}党委", z[0], p, town_b[zi])
    for zi, z in enumerate(Y_ZONES):
        parent = park_b[parks[zi][0]] if parks[zi] else town_b[zi]
        for e in ents[zi]:
            if e not in no_own_branch:
                ent_b[e] = ds.branch("branch", f"{ds.name(e).removesuffix('有限公司')}党支部",
                                     z[0], e, parent)
    joint = ds.branch("branch", f"{ds.name(parks[4][1])}非公企业联合党支部", Y_ZONES[4][0],
                      parks[4][1], park_b[parks[4][1]])

    # ---- cadres (every cadre: works_at its home unit + member_of the unit's branch) ----
    convenors = []
    for cu in cunits[:3]:
        for _ in range(2):
            rare = "堃" if not convenors else None
            convenors.append(ds.person_at(cu, agency_b[cu], seat, rank="county", rare=rare))
        ds.person_at(cu, agency_b[cu], seat)
    y_carrier = ds.person_at(kexie, agency_b[kexie], seat, young=True)
    ds.person_at(kexie, agency_b[kexie], seat, rank="section")
    ds.person_at(kexie, agency_b[kexie], seat)
    dept_section, dept_young = [], []
    for i, a in enumerate(depts):
        for k in range(2):
            dept_section.append(ds.person_at(a, agency_b[a], seat, rank="section",
                                             rare="赟" if (i, k) == (2, 1) else None))
        dept_young.append(ds.person_at(a, agency_b[a], seat, young=True,
                                       since=("2019-07-01", "2023-08-31")))
        ds.person_at(a, agency_b[a], seat)
    town_section, town_young = [], []
    for zi, t in enumerate(towns):
        z = Y_ZONES[zi][0]
        town_section.append([ds.person_at(t, town_b[zi], z, rank="section") for _ in range(3)])
        town_young.append([ds.person_at(t, town_b[zi], z, young=True,
                                        rare="玥" if (zi, k) == (3, 0) else None,
                                        since=("2019-07-01", "2023-08-31")) for k in range(2)])
        ds.person_at(t, town_b[zi], z)
    secretary = {}
    for zi, z in enumerate(Y_ZONES):
        for j, c in enumerate(comms[zi]):
            secretary[c] = ds.person_at(c, comm_b[c], z[0],
                                        rare="喆" if (zi, j) == (0, 0) else None)
            for _ in range(2 + (j % 2)):
                ds.person_at(c, comm_b[c], z[0], young=rng.random() < 0.3)
        for p in parks[zi]:
            ds.person_at(p, park_b[p], z[0], rank="section")
            ds.person_at(p, park_b[p], z[0], young=True)
            ds.person_at(p, park_b[p], z[0])
    ent_members: dict[str, list[str]] = {}
    for zi, z in enumerate(Y_ZONES):
        for e in ents[zi]:
            if e in ent_b:
                n = min(ds.by_id[e]["party_members"], rng.randint(3, 6))
                ks = [ds.person_at(e, ent_b[e], z[0], zh="党员",
                                   rare="䶮" if (zi == 1 and e == ents[1][2] and not i) else None)
                      for i in range(n)]
                ent_members[e] = ks[1:]  # ks[0] is the branch secretary
    for e in e_small:
        for _ in range(ds.by_id[e]["party_members"]):
            ds.person_at(e, joint, Y_ZONES[4][0], zh="党员")

    # ---- council membership and convenors ----
    members: dict[str, list[str]] = {u: [] for u in councils}
    for zi, u in enumerate(councils):
        members[u] += parks[zi] + comms[zi] + [e for e in ents[zi] if e not in non_members]
        members[u].append(towns[zi])
    for i, a in enumerate(depts):
        for zi in (i % 6, (i + 3) % 6):
            members[councils[zi]].append(a)
    for i, cu in enumerate(cunits[:3]):
        for zi in (2 * i, 2 * i + 1):
            members[councils[zi]].append(cu)
    for u in councils:
        for m in members[u]:
            ds.link(m, u, "council_member", start=council_since)
    for zi, u in enumerate(councils):
        ds.link(convenors[zi], u, "convenes", start=council_since)

    # ---- mutual appointments 社企互派兼职 ----
    pairs, oneway = [], []
    for zi in range(6):
        cands = [e for e in ents[zi] if e in ent_b and e not in non_members]
        for j, c in enumerate(comms[zi]):
            if (zi, j) == (1, 0):
                e = e_oneway2
            elif (zi, j) == (2, 0):
                e = e_fragile
            elif (zi, j) == (5, 0):
                e = e_oneway3
            else:
                e = [x for x in cands if x != e_oneway2 and x != e_oneway3][j - (zi in (1, 2, 5))]
            ds.link(secretary[c], e, "part_time_post", "instructor",
                    start=rdate(rng, "2023-06-01", "2023-09-30"))
            (oneway if e in (e_oneway2, e_fragile, e_oneway3) else pairs).append((c, e))
    ptm_edges = 0
    for i, (c, e) in enumerate(pairs):
        for k in range(2 if i < 25 - len(pairs) else 1):
            ds.link(ent_members[e][k], c, "part_time_post", "part_time_member",
                    start=rdate(rng, "2023-06-01", "2023-12-31"))
            ptm_edges += 1
    assert len(pairs) == 14 and len(oneway) == 3 and ptm_edges == 25

    # ---- 1+1+1 service pairing for the 16 key projects ----
    p_nosupport, p_samecadre = projects[1][0], projects[2][0]
    p_ended, p_kexie = projects[4][0], projects[0][0]
    ci = 0
    for zi in range(6):
        for j, p in enumerate(projects[zi]):
            start = rdate(rng, "2024-01-15", "2024-06-30")
            coord = dept_section[ci % len(dept_section)]
            ci += 1
            policy = town_section[zi][j % 3]
            support = y_carrier if p == p_kexie else (
                town_young[zi][j % 2] if j % 2 == 0 else dept_young[(zi + j) % 10])
            ds.link(coord, p, "service_pairing", "coordinator", start=start)
            if p == p_samecadre:
                ds.link(coord, p, "service_pairing", "policy", start=start)
            else:
                ds.link(policy, p, "service_pairing", "policy", start=start)
            if p == p_nosupport:
                continue
            ds.link(support, p, "service_pairing", "support", start=start,
                    end="2025-03-31" if p == p_ended else "")
    same_cadre = [e["source"] for e in ds.edges
                  if e["target"] == p_samecadre and e["role"] == "coordinator"][0]
    ended_support = [e["source"] for e in ds.edges
                     if e["target"] == p_ended and e["role"] == "support"][0]

    # ---- liaison 挂钩联系 ----
    ds.link(depts[0], e_nobranch, "liaison", start="2024-03-01")
    ds.link(depts[2], ents[0][2], "liaison", start="2024-03-01")
    ds.link(y_carrier, e_liaised, "liaison", start="2024-04-10")
    # every council-member enterprise is 包联 by a section-rank cadre of its township
    for zi in range(6):
        for j, e in enumerate([x for x in ents[zi] if x not in non_members]):
            ds.link(town_section[zi][j % 3], e, "liaison",
                    start=rdate(rng, "2023-09-01", "2024-06-30"))

    # ---- co-building 结对共建 ----
    def cand(zi: int, k: int) -> str:
        return [x for x in ents[zi] if x in ent_b and x not in non_members][k]

    cb = [
        (comm_b[comms[0][0]], ent_b[cand(0, 3)], "2023-03-01", ""),
        (parks[0][0], comms[0][1], "2023-06-15", ""),
        (agency_b[depts[4]], comm_b[comms[1][1]], "2023-04-20", ""),
        (comm_b[comms[1][2]], ent_b[cand(1, 1)], "2023-08-01", ""),
        (comm_b[comms[3][1]], parks[3][0], "2023-10-10", ""),
        (comm_b[comms[5][1]], ent_b[cand(5, 2)], "2024-01-05", ""),
        (parks[1][0], comms[1][0], "2023-06-15", ""),
        (park_b[parks[2][0]], comm_b[comms[2][0]], "2023-07-01", ""),
        (parks[4][0], comms[4][0], "2023-06-20", ""),
    ]
    lapsed = (comm_b[comms[2][1]], ent_b[cand(2, 2)], "2022-04-01", "2024-09-30")
    for s, t, a, b in cb[:3] + [lapsed] + cb[3:]:
        ds.link(s, t, "co_building", start=a, end=b, weight="1")
    for e in e_small:
        ds.link(joint, e, "co_building", start="2023-03-01", weight="1")

    # ---- dual registration 双报到 ----
    for i in range(4):
        ds.link(agency_b[depts[i]], comms[0][i % 3], "registers_at", start="2023-03-05")
    for i in range(6):
        ds.link(dept_young[i], comms[0][(i + 1) % 3], "registers_at", start="2023-03-05")

    # ---- events ----
    late = councils[3]
    for zi, u in enumerate(councils):
        mem = members[u]
        meets = [f"2024-08-{20 + zi}", f"2024-11-{15 + zi}", f"2025-02-{12 + zi}",
                 f"2025-05-{13 + zi}"]
        if u == late:
            meets = meets[:3]
        for m in meets:
            ds.event(m, "joint_meeting", [u] + mem)
        months = [(2024, m) for m in range(7, 13)] + [(2025, m) for m in range(1, 7)]
        if u == late:
            months = months[:9]
        for mi, (yy, mm) in enumerate(months):
            ds.event(f"{yy}-{mm:02d}-{10 + zi:02d}", "rotating_host", [u, mem[mi % len(mem)]])
        reviews = ["2024-09-26", "2024-12-26", "2025-03-27", f"2025-06-{18 + zi}"]
        if u == late:
            reviews = reviews[:3]
        sector = [x for x in mem if ds.by_id[x]["type"] in ("community", "park", "enterprise")]
        for r in reviews:
            ds.event(r, "review", [u] + sector)
        act = [comms[zi][0], cand(zi, 0), cand(zi, 1)] + parks[zi][:1]
        ds.event(f"2024-10-{12 + zi}", "activity", act)
        if u != late:
            ds.event(f"2025-04-{19 + zi}", "activity", act)

    # ---- planted weak spots ----
    nm = ds.name
    ds.spot("isolated", "isolation",
            [e_iso1, e_iso2],
            f"{e_iso1} {nm(e_iso1)} and {e_iso2} {nm(e_iso2)} have no cross-organization tie "
            "of any kind and are members of no council (each hosts its own branch, so branch "
            "coverage is fine; their cadres only have works_at/member_of).")
    ds.spot("council_sector", "composition", [councils[5]],
            f"{councils[5]} {nm(councils[5])} has no member of the park sector "
            f"({Y_ZONES[5][0]} has no park; {Y_ZONES[4][0]} has two). Community, enterprise "
            "sectors and the convenor are present.")
    ds.spot("one_way", "reciprocal", [f"{c}->{e}" for c, e in oneway],
            "exactly 3 one-way appointments: the community secretary is instructor (党建指导员) "
            "at the enterprise but no cadre of that enterprise is part-time member (兼职委员) of "
            "that community: " + "; ".join(
                f"{c} {nm(c)} -> {e} {nm(e)} (instructor {secretary[c]})" for c, e in oneway)
            + f". The other {len(pairs)} community-enterprise pairs are mutual.")
    ds.spot("team_missing", "team", [p_nosupport],
            f"{p_nosupport} {nm(p_nosupport)}: no support (提供保障) cadre; coordinator and "
            "policy are present and valid.")
    ds.spot("team_same_cadre", "team", [p_samecadre, same_cadre],
            f"{p_samecadre} {nm(p_samecadre)}: coordinator and policy are both held by "
            f"{same_cadre} {nm(same_cadre)} (section rank, enterprise-facing department), so "
            "the team has 2 distinct cadres, not 3 (and the policy slot is not held by a "
            "township cadre).")
    ds.spot("team_ended", "team", [p_ended, ended_support],
            f"{p_ended} {nm(p_ended)}: the support appointment of {ended_support} "
            f"{nm(ended_support)} ended 2025-03-31, so on 2025-06-30 the project has no active "
            "support cadre (it is complete for any date up to 2025-03-31).")
    ds.spot("fragile_enterprise", "isolation (fragile / sole carrier)",
            [e_fragile, secretary[comms[2][0]]],
            f"{e_fragile} {nm(e_fragile)} (2 party members, no branch, not a council member): "
            f"its only tie is instructor {secretary[comms[2][0]]} {nm(secretary[comms[2][0]])} "
            f"of {comms[2][0]} {nm(comms[2][0])}; transferring that cadre isolates it. Its "
            "branch coverage is fine (fewer than 3 members, covered by an instructor); this "
            "pair is also one of the 3 one-way appointments.")
    ds.spot("sole_carrier", "isolation (fragile / key person)",
            [y_carrier, kexie, e_liaised],
            f"cadre {y_carrier} {nm(y_carrier)} (young cadre of {kexie} {nm(kexie)}) is the "
            f"only tie of two units: {kexie} (joins no council; its only tie is this cadre's "
            f"support role on {p_kexie} and liaison) and {e_liaised} {nm(e_liaised)} (not a "
            "council member; its only tie is this cadre's liaison). Transferring the cadre "
            "isolates both.")
    ds.spot("no_branch", "branch_coverage", [e_nobranch],
            f"{e_nobranch} {nm(e_nobranch)} has 5 party members, hosts no branch and is tied "
            "to no branch by co_building (no joint branch); it has no instructor either.")
    last = max(ev["date"] for ev in ds.events
               if ev["kind"] == "joint_meeting" and ev["units"].split(";")[0] == late)
    ds.spot("meeting", "meeting frequency", [late],
            f"{late} {nm(late)}: last joint meeting (联席会议) {last}; none since "
            "2025-03-31 (no events of any kind after March 2025). The other 5 councils meet "
            "every quarter, the latest in May 2025.")
    lapsed_units = [comms[2][1], cand(2, 2)]
    ds.spot("lapsed", "tie strength / dates", [lapsed[0], lapsed[1]] + lapsed_units,
            f"co_building {lapsed[0]} ({nm(lapsed[0])}) <-> {lapsed[1]} ({nm(lapsed[1])}), "
            f"i.e. between units {lapsed_units[0]} and {lapsed_units[1]}, started 2022-04-01 "
            "and ended 2024-09-30: lapsed, not active on 2025-06-30. Both units keep other "
            "ties.")

    ds.info = {
        "councils": {u: {"zone": ds.by_id[u]["zone"], "convenor": convenors[i],
                         "members": len(members[u])} for i, u in enumerate(councils)},
        "mutual_pairs": [f"{c}<->{e}" for c, e in pairs],
        "one_way_pairs": [f"{c}->{e}" for c, e in oneway],
        "instructor_edges": 17, "part_time_member_edges": ptm_edges,
        "council_member_enterprises": sum(1 for row in ents for e in row
                                          if e not in non_members),
        "fragile_units": [kexie, e_liaised, e_fragile],
        "key_persons": {secretary[comms[2][0]]: [e_fragile], y_carrier: [kexie, e_liaised]},
        "isolated_units": [e_iso1, e_iso2],
        "joint_branch": {joint: e_small},
        "p_kexie": p_kexie,
    }
    return ds


# --------------------------------------------------------------------------------------------
# 2. 泉州开发区 (seed 001): three-level grids, branches on grids, liaison, dual registration
# --------------------------------------------------------------------------------------------
Q_ZONES = ["崇泰片", "崇宏片", "崇文片"]
Q_CN = "一二三四"
Q_COMPOUNDS = ["万科悦城", "中南漫悦城", "新城旺角", "华夏家园", "清濛花园", "紫荆苑", "滨江御景",
               "锦江名城", "书香门第", "阳光水岸", "金色家园", "海丝新城", "东海湾", "怡景花园",
               "盛世嘉园", "翠湖雅居", "德泰苑"]
Q_DEPTS = ["经济发展局", "财政局", "规划建设局", "社会事业局", "应急管理局", "生态环境分局",
           "市场监督管理分局", "招商局", "人力资源服务中心", "综合执法局"]


def build_quanzhou() -> Dataset:
    ds = Dataset("Q", 1001)
    rng = ds.rng
    hq_zone = Q_ZONES[1]

    # ---- agencies ----
    gwh = ds.add("A", 2, "agency", "泉州开发区党工委管委会", hq_zone, "county_unit",
                 enterprise_facing=False)
    center = ds.add("A", 2, "agency", "园区基层治理服务中心", hq_zone, "county_unit",
                    enterprise_facing=False)
    depts = [ds.add("A", 2, "agency", f"泉州开发区{n}", hq_zone, "department",
                    enterprise_facing=True) for n in Q_DEPTS]

    # ---- grids ----
    g1 = [ds.add("G", 3, "grid", f"{z}一级网格", z, level=1) for z in Q_ZONES]
    g2, g2zone = [], []
    for zi, z in enumerate(Q_ZONES):
        for k in range(4):
            g = ds.add("G", 3, "grid", f"{z}第{Q_CN[k]}单元网格", z, level=2)
            ds.link(g, g1[zi], "located_in")
            g2.append(g)
            g2zone.append(z)
    # level-3 layout per level-2 grid: 5 grids each; "c" compound, "L" large enterprise,
    # "g" group of plots, "N" the grid with neither branch nor group, "JA"/"JB" joint grids
    layout = [
        ["c", "c", "L", "g", "g"], ["c", "c", "L", "g", "JA"], ["c", "c", "L", "g", "g"],
        ["c", "c", "L", "g", "g"], ["c", "c", "L", "L", "g"], ["c", "L", "g", "g", "g"],
        ["c", "L", "L", "g", "g"], ["c", "L", "g", "g", "N"], ["c", "L", "g", "g", "g"],
        ["c", "L", "g", "g", "JB"], ["c", "L", "g", "g", "g"], ["c", "L", "L", "g", "g"],
    ]
    assert sum(r.count("c") for r in layout) == 17 and sum(r.count("L") for r in layout) == 15
    g3: list[dict] = []
    ci = li = gi = 0
    for k2, row in enumerate(layout):
        z = g2zone[k2]
        for kind in row:
            if kind == "c":
                name = f"{Q_COMPOUNDS[ci]}网格"
                ci += 1
            elif kind == "L":
                name = None  # named after its enterprise below
                li += 1
            else:
                gi += 1
                name = f"{z}第{Q_CN[k2 % 4]}单元第{gi}责任网格"
            g = ds.add("G", 3, "grid", name or "", z, level=3)
            ds.link(g, g2[k2], "located_in")
            g3.append({"id": g, "kind": kind, "l2": k2, "zone": z, "ents": [], "comp": None})

    # ---- compounds ----
    comps = []
    for rec in [r for r in g3 if r["kind"] == "c"]:
        c = ds.add("C", 2, "community", Q_COMPOUNDS[len(comps)], rec["zone"], "compound")
        ds.link(c, rec["id"], "located_in")
        rec["comp"] = c
        comps.append(c)

    # ---- enterprises ----
    def new_ent(rec: dict, pm: int, large: bool = False) -> str:
        name = ds.names.company("泉州", Q_INDUSTRY, "股份有限公司" if large else "有限公司")
        e = ds.add("E", 3, "enterprise", name, rec["zone"], "private", party_members=pm,
                   above_scale=True)
        ds.link(e, rec["id"], "located_in")
        rec["ents"].append(e)
        return e

    large, regular, small_a, small_b, planted_nb = [], [], [], [], []
    big55 = None
    for rec in g3:
        if rec["kind"] == "L":
            e = new_ent(rec, rng.randint(30, 140), large=True)
            large.append(e)
            ds.by_id[rec["id"]]["name"] = (ds.name(e).removeprefix("泉州")
                                          .removesuffix("股份有限公司") + "网格")
        elif rec["kind"] == "JA":
            small_a += [new_ent(rec, 1 + (i % 2)) for i in range(6)]
        elif rec["kind"] == "JB":
            small_b += [new_ent(rec, 1 + (i % 2)) for i in range(4)]
        elif rec["kind"] == "N":
            planted_nb += [new_ent(rec, 4), new_ent(rec, 6)]
    group_recs = [r for r in g3 if r["kind"] == "g"]
    assert len(group_recs) == 25
    for i, rec in enumerate(group_recs):
        for _ in range(4 if i < 20 else 3):
            regular.append(new_ent(rec, rng.randint(3, 26)))
    all_ents = [e for r in g3 for e in r["ents"]]
    assert len(all_ents) == 122
    isolated = [regular[5], regular[41], regular[77]]  # in three different group grids
    big55 = large[12]
    ds.by_id[big55]["party_members"] = 58

    # ---- branches ----
    root = ds.branch("committee", "泉州开发区党工委", hq_zone, gwh)
    jg = ds.branch("committee", "泉州开发区机关党委", hq_zone, gwh, root)
    fg = ds.branch("committee", "泉州开发区非公企业综合党委", hq_zone, gwh, root)
    gwh_b = ds.branch("branch", "党工委管委会机关党支部", hq_zone, gwh, jg)
    center_b = ds.branch("branch", "园区基层治理服务中心党支部", hq_zone, center, jg)
    dept_b = {a: ds.branch("branch", f"{ds.name(a).removeprefix('泉州开发区')}党支部", hq_zone,
                           a, jg) for a in depts}
    g2_b = [ds.branch("branch", f"{ds.name(g)}党支部", g2zone[k], g, root)
            for k, g in enumerate(g2)]
    comp_b = {}
    for i, rec in enumerate([r for r in g3 if r["kind"] == "c"]):
        c = rec["comp"]
        if i >= 14:
            continue  # 3 compounds without a party organization of their own
        sub = "committee" if i < 4 else "branch"
        comp_b[c] = ds.branch(sub, f"{ds.name(c)}{'小区党委' if i < 4 else '小区党支部'}",
                              rec["zone"], c, g2_b[rec["l2"]])
    # level-3 grid branches (47) and grid party groups
    g3_b, group_only = {}, []
    large_recs = [r for r in g3 if r["kind"] == "L"]
    for rec in g3:
        name = ds.name(rec["id"])
        if rec["kind"] == "N":
            continue
        if rec["kind"] == "L" and large_recs.index(rec) < 12:
            group_only.append(rec["id"])
            ds.branch("group", f"{name}党小组", rec["zone"], rec["id"], g2_b[rec["l2"]])
            continue
        label = "联合党支部" if rec["kind"] in ("JA", "JB") else "党支部"
        g3_b[rec["id"]] = ds.branch("branch", f"{name}{label}", rec["zone"], rec["id"],
                                    g2_b[rec["l2"]])
    joint_a = g3_b[[r["id"] for r in g3 if r["kind"] == "JA"][0]]
    joint_b = g3_b[[r["id"] for r in g3 if r["kind"] == "JB"][0]]
    # enterprise party organizations
    ent_b = {}
    for i, e in enumerate(large):
        sub = "committee" if i < 6 else ("general_branch" if i < 11 else "branch")
        ent_b[e] = ds.branch(sub, f"{ds.name(e).removesuffix('股份有限公司')}{ZH_BRANCH[sub]}",
                             ds.by_id[e]["zone"], e, fg)
    for e in regular:
        ent_b[e] = ds.branch("branch", f"{ds.name(e).removesuffix('有限公司')}党支部",
                             ds.by_id[e]["zone"], e, fg)
    # party groups: building groups in compounds, groups in branch-less-org compound grids,
    # workshop groups in large enterprises; 89 in all together with the 12 grid groups
    n_groups = len(group_only)
    for c, b in comp_b.items():
        for k in range(3):
            ds.branch("group", f"{ds.name(c)}{k + 1}号楼党小组", ds.by_id[c]["zone"], c, b)
            n_groups += 1
    for rec in [r for r in g3 if r["kind"] == "c" and r["comp"] not in comp_b]:
        for k in range(2):
            ds.branch("group", f"{ds.name(rec['comp'])}第{k + 1}楼栋党小组", rec["zone"],
                      rec["id"], g3_b[rec["id"]])
            n_groups += 1
    wi = 0
    while n_groups < 89:
        e = large[wi % len(large)]
        ds.branch("group", f"{ds.name(e).removesuffix('股份有限公司')}第{wi // len(large) + 1}"
                  "车间党小组", ds.by_id[e]["zone"], e, ent_b[e])
        wi += 1
        n_groups += 1

    # ---- cadres ----
    leaders = [ds.person_at(gwh, gwh_b, hq_zone, rank="county", rare="堃" if i == 0 else None)
               for i in range(6)]
    for _ in range(3):
        ds.person_at(gwh, gwh_b, hq_zone, rank="section")
    heads = [ds.person_at(center, center_b, hq_zone, rank="section") for _ in range(3)]
    fulltime = [ds.person_at(center, center_b, hq_zone, young=rng.random() < 0.5,
                             rare="玥" if i == 4 else None) for i in range(12)]
    dept_staff = {a: [] for a in depts}
    for i, a in enumerate(depts):
        ds.person_at(a, dept_b[a], hq_zone, rank="section")
        for k in range(5):
            dept_staff[a].append(ds.person_at(a, dept_b[a], hq_zone, young=k < 2,
                                              rare="赟" if (i, k) == (6, 2) else None))
    comp_sec = {c: ds.person_at(c, b, ds.by_id[c]["zone"], zh="党员",
                                rare="喆" if c == comps[2] else None)
                for c, b in comp_b.items()}
    ent_sec, ent_mem = {}, {e: [] for e in all_ents}
    for e, b in ent_b.items():
        z = ds.by_id[e]["zone"]
        ent_sec[e] = ds.person_at(e, b, z, zh="党员")
        if e in isolated:
            for _ in range(2):
                ent_mem[e].append(ds.person_at(e, b, z, zh="党员"))
    for e in small_a + small_b:
        b = joint_a if e in small_a else joint_b
        for _ in range(ds.by_id[e]["party_members"]):
            ent_mem[e].append(ds.person_at(e, b, ds.by_id[e]["zone"], zh="党员"))

    # ---- registrations 双报到: 210 enterprise party members at compounds ----
    reg_ents = [e for e in large + regular if e not in isolated]
    assert len(reg_ents) == 107
    quota = {e: 1 for e in reg_ents}
    for e in planted_nb:
        quota[e] = 1
    extra = 210 - sum(quota.values())
    order = reg_ents[:]
    rng.shuffle(order)
    for e in order[:extra]:
        quota[e] += 1
    comps_by_zone = {z: [c for c in comps if ds.by_id[c]["zone"] == z] for z in Q_ZONES}
    zi_ptr = Counter()
    n_reg = 0
    for e in reg_ents + planted_nb:
        z = ds.by_id[e]["zone"]
        for _ in range(quota[e]):
            b = ent_b.get(e)
            k = ds.person_at(e, b, z, zh="党员", rare="䶮" if n_reg == 17 else None)
            ent_mem[e].append(k)
            zc = comps_by_zone[z]
            c = zc[zi_ptr[z] % len(zc)]
            zi_ptr[z] += 1
            ds.link(k, c, "registers_at", start=rdate(rng, "2022-03-01", "2024-12-31"))
            n_reg += 1
    assert n_reg == 210
    # fill the 55-member branch
    while sum(1 for e in ds.edges if e["type"] == "member_of" and e["target"] == ent_b[big55]) < 55:
        ent_mem[big55].append(ds.person_at(big55, ent_b[big55], ds.by_id[big55]["zone"],
                                           zh="党员"))
    for i, a in enumerate(depts[:6]):
        ds.link(dept_b[a], comps[(3 * i) % len(comps)], "registers_at", start="2023-03-05")

    # ---- grid staff ----
    for zi, g in enumerate(g1):
        ds.link(heads[zi], g, "grid_staff", "head", start="2022-06-01")
        ds.link(center, g, "liaison", start="2022-06-01")
    for k, g in enumerate(g2):
        ds.link(fulltime[k], g, "grid_staff", "full_time", start=rdate(rng, "2022-06-01",
                                                                       "2023-06-30"))
    staff_on: dict[str, list[str]] = {r["id"]: [] for r in g3}
    for rec in g3:
        if rec["comp"] in comp_sec:
            staff_on[rec["id"]].append(comp_sec[rec["comp"]])
        for e in rec["ents"]:
            if e in ent_sec and e not in isolated:
                staff_on[rec["id"]].append(ent_sec[e])
    pool = [k for a in depts for k in dept_staff[a]]  # 50 department cadres
    pi = 0
    for rec in g3:
        while len(staff_on[rec["id"]]) < 2:
            staff_on[rec["id"]].append(pool[pi])
            pi += 1
    total = sum(len(v) for v in staff_on.values())
    for rec in g3:
        if total >= 168:
            break
        if rec["kind"] == "c":
            staff_on[rec["id"]].append(pool[pi])
            pi += 1
            total += 1
    assert total == 168, total
    for rec in g3:
        for k in staff_on[rec["id"]]:
            ds.link(k, rec["id"], "grid_staff", "part_time",
                    start=rdate(rng, "2022-06-01", "2024-06-30"))

    # ---- liaison: one district leader and one department per level-2 grid ----
    no_dept, no_leader = g2[6], g2[9]
    li = 0
    for g in g2:
        if g != no_leader:
            ds.link(leaders[li // 2], g, "liaison", start="2022-06-01")
            li += 1
    di = 0
    for g in g2:
        if g != no_dept:
            ds.link(depts[di % 10], g, "liaison", start="2022-06-01")
            di += 1
    for i, e in enumerate(planted_nb):
        ds.link(depts[i], e, "liaison", start="2023-05-01")

    # ---- co-building: joint branches and a few enterprise-compound pairs ----
    for e in small_a:
        ds.link(joint_a, e, "co_building", start="2022-09-01", weight="1")
    for e in small_b:
        ds.link(joint_b, e, "co_building", start="2023-02-15", weight="1")
    for i in range(5):
        c = list(comp_b)[i]
        ds.link(comp_b[c], ent_b[large[i + 4]], "co_building",
                start=rdate(rng, "2022-06-01", "2024-06-30"), weight="2")

    # ---- planted weak spots ----
    nm = ds.name
    neither = [r["id"] for r in g3 if r["kind"] == "N"][0]
    ds.spot("grid_no_dept", "grid_coverage", [no_dept],
            f"level-2 grid {no_dept} {nm(no_dept)} has no department liaison (no agency -> "
            "grid liaison edge); it has its branch and a district leader liaison.")
    ds.spot("grid_no_leader", "grid_coverage", [no_leader],
            f"level-2 grid {no_leader} {nm(no_leader)} has no district-leader liaison (no "
            "county-rank cadre -> grid liaison); it has its branch and a department liaison.")
    ds.spot("grid_l3_empty", "grid_coverage", [neither],
            f"level-3 grid {neither} {nm(neither)} hosts neither a branch nor a party group "
            "(and none of the units located in it hosts one either); it has 2 part-time grid "
            "staff, so it is not isolated.")
    ds.spot("no_branch", "branch_coverage", planted_nb,
            "; ".join(f"{e} {nm(e)} ({ds.by_id[e]['party_members']} party members)"
                      for e in planted_nb)
            + f": no own branch and no joint branch (both are in {neither}); each has a "
            "department liaison and one registering party member.")
    ds.spot("joint_too_big", "branch_coverage (joint branch size)", [joint_a] + small_a,
            f"joint branch {joint_a} {nm(joint_a)} (hosted by level-3 grid) covers 6 "
            "enterprises by co_building (> 5): " + ", ".join(small_a)
            + ". Each of them (1-2 party members) is covered.")
    ds.spot("joint_ok", "(not a finding)", [joint_b] + small_b,
            f"joint branch {joint_b} {nm(joint_b)} covers 4 enterprises (fine): "
            + ", ".join(small_b) + ".", flagged=False)
    ds.spot("big_branch", "branch size", [ent_b[big55]],
            f"branch {ent_b[big55]} {nm(ent_b[big55])} (党支部 of {big55}, 58 party members) "
            "has 55 member_of edges (> 50).")
    ds.spot("isolated", "isolation", isolated,
            "; ".join(f"{e} {nm(e)}" for e in isolated)
            + ": no tie of any kind (each hosts its own branch and is located_in a level-3 "
            "grid, which is structure; their 3 cadres each have only works_at/member_of).")

    ds.info = {
        "grids": {"level1": g1, "level2": g2, "level3_with_branch": len(g3_b),
                  "level3_group_only": group_only, "level3_neither": [neither]},
        "joint_branches": {joint_a: small_a, joint_b: small_b},
        "registrations_by_cadres": n_reg,
        "registrations_by_branches": 6,
        "isolated_units": isolated,
        "big_branch": ent_b[big55],
    }
    return ds


# --------------------------------------------------------------------------------------------
# 3. 石狮灵秀彭田片区 (seed 004): one council, the village -> compound -> building chain
# --------------------------------------------------------------------------------------------
def build_shishi() -> Dataset:
    ds = Dataset("S", 1004)
    rng = ds.rng
    Z = "彭田片区"
    since = "2023-03-28"

    council = ds.add("U", 2, "council", "彭田片区党建联盟", Z, _zh="党建联盟")
    lingxiu = ds.add("A", 2, "agency", "灵秀镇", Z, "township", enterprise_facing=False)
    baogai = ds.add("A", 2, "agency", "宝盖镇", Z, "township", enterprise_facing=False)
    cityoffice = ds.add("A", 2, "agency", "石狮市委办公室", Z, "county_unit",
                        enterprise_facing=False)
    gxj = ds.add("A", 2, "agency", "石狮市工业和信息化局", Z, "department",
                 enterprise_facing=True)
    chamber = ds.add("A", 2, "agency", "灵秀镇商会", Z, "chamber", enterprise_facing=False)
    schools = [ds.add("A", 2, "agency", n, Z, "school", enterprise_facing=False)
               for n in ("灵秀镇中心小学", "石狮市灵秀中学")]
    villages = [ds.add("C", 2, "community", n, Z, "village")
                for n in ("彭田村", "塔前村", "钞坑村", "古湖村")]
    pengtian = villages[0]
    compounds = [ds.add("C", 2, "community", n, Z, "compound")
                 for n in ("锦绣花园", "彭田新苑", "灵秀佳园")]
    parks = [ds.add("P", 2, "park", n, Z)
             for n in ("石狮服装智能制造园", "健健科技园", "灵秀创业园", "天球工业园")]
    soes = [ds.add("E", 3, "enterprise", ds.names.company("石狮", ["国有资产投资", "产业投资",
                                                                   "城市建设发展"], "集团有限公司"),
                   Z, "soe", party_members=rng.randint(25, 60), above_scale=True)
            for _ in range(3)]
    keys = [ds.add("E", 3, "enterprise", ds.names.company("石狮", S_INDUSTRY), Z, "private",
                   party_members=rng.randint(3, 18), above_scale=True) for _ in range(9)]
    isolated_key = keys[8]
    projects = [ds.add("J", 2, "project", n, Z)
                for n in ("健健科技园二期项目", "灵秀创业园二期项目")]
    for c in compounds:
        ds.link(c, pengtian, "located_in")
    for i, e in enumerate(keys):
        ds.link(e, parks[i % 4], "located_in")

    # ---- branches ----
    lx_b = ds.branch("committee", "灵秀镇党委", Z, lingxiu)
    bg_b = ds.branch("committee", "宝盖镇党委", Z, baogai)
    co_b = ds.branch("branch", "石狮市委办公室机关党支部", Z, cityoffice)
    gx_b = ds.branch("branch", "石狮市工业和信息化局机关党支部", Z, gxj)
    ch_b = ds.branch("branch", "灵秀镇商会党支部", Z, chamber, lx_b)
    sc_b = [ds.branch("branch", f"{ds.name(s)}党支部", Z, s) for s in schools]
    pt_b = ds.branch("committee", "彭田村党委", Z, pengtian, lx_b)
    v_b = [pt_b] + [ds.branch("branch", f"{ds.name(v)}党支部", Z, v, lx_b) for v in villages[1:]]
    jzz = ds.branch("branch", "加曾寨自然村党支部", Z, pengtian, pt_b)
    comp_b = [ds.branch("branch", f"{ds.name(c)}小区党支部", Z, c, pt_b) for c in compounds]
    groups = []
    unhosted = None
    for ci_, c in enumerate(compounds):
        for k in range(3):
            host = None if (ci_, k) == (0, 2) else c
            g = ds.branch("group", f"{ds.name(c)}{k + 1}号楼党小组", Z, host, comp_b[ci_])
            groups.append((g, c))
            if host is None:
                unhosted = g
    park_b = [ds.branch("committee" if i == 0 else "branch",
                        f"{ds.name(p)}{'党委' if i == 0 else '党支部'}", Z, p, lx_b)
              for i, p in enumerate(parks)]
    soe_b = [ds.branch("committee", f"{ds.name(e).removesuffix('集团有限公司')}集团党委", Z, e)
             for e in soes]
    key_b = [ds.branch("branch", f"{ds.name(e).removesuffix('有限公司')}党支部", Z, e,
                       park_b[i % 4]) for i, e in enumerate(keys)]

    # ---- cadres ----
    leader = ds.person_at(cityoffice, co_b, Z, rank="county", rare="堃")
    ds.person_at(cityoffice, co_b, Z)
    ds.person_at(cityoffice, co_b, Z)
    lx_sec = [ds.person_at(lingxiu, lx_b, Z, rank="section") for _ in range(4)]
    lx_young = [ds.person_at(lingxiu, lx_b, Z, young=True, rare="玥" if k == 1 else None)
                for k in range(2)]
    ds.person_at(lingxiu, lx_b, Z)
    for _ in range(3):
        ds.person_at(baogai, bg_b, Z)
    gx_sec = [ds.person_at(gxj, gx_b, Z, rank="section", rare="赟" if k == 1 else None)
              for k in range(2)]
    ds.person_at(gxj, gx_b, Z)
    for _ in range(2):
        ds.person_at(chamber, ch_b, Z, zh="党员")
    for s, b in zip(schools, sc_b, strict=True):
        for _ in range(2):
            ds.person_at(s, b, Z)
    v_sec = []
    for i, (v, b) in enumerate(zip(villages, v_b, strict=True)):
        v_sec.append(ds.person_at(v, b, Z, rare="喆" if i == 0 else None))
        for _ in range(4 if i == 0 else 2):
            ds.person_at(v, b, Z)
    for _ in range(3):
        ds.person_at(pengtian, jzz, Z, zh="党员")
    for c, b in zip(compounds, comp_b, strict=True):
        for _ in range(2):
            ds.person_at(c, b, Z, zh="党员")
    no_home = None
    n_house = 0
    for g, c in groups:
        for k in range(rng.randint(4, 6)):
            if g == unhosted and k == 0:
                no_home = ds.cadre(Z, zh="党员")
                ds.link(no_home, g, "member_of", start=rdate(rng, "2010-01-01", "2020-12-31"))
            else:
                ds.person_at(c, g, Z, zh="党员", rare="䶮" if n_house == 11 else None)
            n_house += 1
    for p, b in zip(parks, park_b, strict=True):
        ds.person_at(p, b, Z, rank="section")
        ds.person_at(p, b, Z)
    soe_mem = {}
    for e, b in zip(soes, soe_b, strict=True):
        soe_mem[e] = [ds.person_at(e, b, Z, zh="党员") for _ in range(4)]
    key_mem = {}
    for e, b in zip(keys, key_b, strict=True):
        key_mem[e] = [ds.person_at(e, b, Z, zh="党员") for _ in range(3)]

    # ---- council ----
    members = [lingxiu, baogai] + villages + soes + parks + [chamber] + schools + keys[:8]
    for m in members:
        ds.link(m, council, "council_member", start=since)
    ds.link(leader, council, "convenes", start=since)

    # ---- ties ----
    # mutual appointments (both ways), written in both accepted Chinese forms
    ds.link(v_sec[0], keys[0], "part_time_post", "instructor", start="2023-06-01")
    ds.link(key_mem[keys[0]][1], pengtian, "part_time_post", "part_time_member",
            start="2023-06-01")
    ds.link(v_sec[1], keys[1], "part_time_post", "instructor", start="2023-07-01",
            zh="党建指导员")
    ds.link(key_mem[keys[1]][1], villages[1], "part_time_post", "part_time_member",
            start="2023-07-01", zh="兼职委员")
    # a township cadre as first secretary of a village branch (target is a branch)
    ds.link(lx_sec[2], v_b[2], "part_time_post", "first_secretary", start="2023-09-01",
            zh="第一书记")
    # 1+1+1 teams for the two key projects
    for i, p in enumerate(projects):
        st = ("2024-03-15", "2024-05-20")[i]
        ds.link(gx_sec[i], p, "service_pairing", "coordinator", start=st)
        ds.link(lx_sec[i], p, "service_pairing", "policy", start=st)
        ds.link(lx_young[i], p, "service_pairing", "support", start=st)
    # liaison: a township cadre 包企业
    ds.link(lx_sec[3], keys[4], "liaison", start="2024-01-10")
    # co-building
    ds.link(soe_b[0], comp_b[0], "co_building", start="2024-08-26", weight="2")
    ds.link(co_b, pt_b, "co_building", start="2023-04-01", weight="1")
    ds.link(gx_b, park_b[1], "co_building", start="2024-06-30", weight="1")
    ds.link(sc_b[1], park_b[0], "co_building", start="2023-09-01", weight="1")
    ds.link(comp_b[2], v_b[3], "co_building", start="2024-02-01", weight="1")
    # dual registration: SOE party members at the compounds
    for i, e in enumerate(soes):
        for k in range(2):
            ds.link(soe_mem[e][k], compounds[(i + k) % 3], "registers_at",
                    start=rdate(rng, "2023-03-01", "2024-06-30"))
    ds.link(soe_mem[soes[0]][2], compounds[1], "registers_at", start="2023-05-10")

    # ---- events ----
    for q in ("2024-08-22", "2024-11-19", "2025-02-17", "2025-05-16"):
        ds.event(q, "joint_meeting", [council] + members)
    months = [(2024, m) for m in range(7, 13)] + [(2025, m) for m in range(1, 7)]
    for mi, (yy, mm) in enumerate(months):
        ds.event(f"{yy}-{mm:02d}-08", "rotating_host", [council, members[mi % len(members)]])
    for r in ("2024-09-27", "2024-12-27", "2025-03-28", "2025-06-27"):
        ds.event(r, "review", [council, pengtian, parks[0], soes[0], keys[0]])
    ds.event("2024-08-26", "activity", [soes[0], pengtian, compounds[0], lingxiu])
    ds.event("2024-11-11", "activity", [soes[0], compounds[0], pengtian])

    # ---- planted ----
    nm = ds.name
    ds.spot("isolated", "isolation", [isolated_key],
            f"key enterprise {isolated_key} {nm(isolated_key)} is not a member of the "
            "council and has no tie of any kind (it hosts its own branch, so branch coverage "
            "is fine; located_in a park is structure).")
    ds.spot("branch_no_host", "validation warning: branch without host", [unhosted],
            f"party group {unhosted} {nm(unhosted)} has no hosted_by edge (it reports_to "
            f"{comp_b[0]} {nm(comp_b[0])}); its other members have works_at "
            f"{compounds[0]} {nm(compounds[0])}.")
    ds.spot("cadre_no_home", "validation warning: cadre without home unit", [no_home],
            f"cadre {no_home} {nm(no_home)} has no works_at and is member_of only {unhosted} "
            "(the group without host), so no home unit resolves. The cadre has no tie edges.")
    ds.info = {
        "council": council, "convenor": leader, "members": len(members),
        "four_level_chain": [pt_b, comp_b[0], groups[0][0]],
        "mutual_pairs": [f"{pengtian}<->{keys[0]}", f"{villages[1]}<->{keys[1]}"],
        "isolated_units": [isolated_key],
    }
    return ds


# --------------------------------------------------------------------------------------------
# Derived facts: the unit projection of a dataset as of the audit date (documented in README)
# --------------------------------------------------------------------------------------------
UNIT_TYPES = ("community", "park", "enterprise", "agency", "council", "project", "grid")
TIE_TYPES = ("part_time_post", "service_pairing", "liaison", "grid_staff", "convenes",
             "registers_at", "co_building", "council_member")


def derive(ds: Dataset) -> dict:
    """Home units, active unit-to-unit ties and the facts that follow from them.

    A branch stands for its host (hosted_by); a cadre for its home unit (works_at, else the
    host of a branch it is a member of). Each active tie edge (start <= audit date <= end)
    joins the units of its two ends, ``via`` the cadre at its source if any; ties inside one
    unit are dropped.
    """
    typ = {n["id"]: n["type"] for n in ds.nodes}
    host = {e["source"]: e["target"] for e in ds.edges if e["type"] == "hosted_by"}
    works = {e["source"]: e["target"] for e in ds.edges if e["type"] == "works_at"}
    home: dict[str, str] = {}
    for e in ds.edges:
        if e["type"] == "member_of" and e["source"] not in works and e["target"] in host:
            home.setdefault(e["source"], host[e["target"]])
    home.update(works)

    def unit(x: str) -> str | None:
        return home.get(x) if typ[x] == "cadre" else host.get(x) if typ[x] == "branch" else x

    ties = []
    for e in ds.edges:
        if e["type"] not in TIE_TYPES:
            continue
        if (e["start"] and e["start"] > AUDIT_DATE) or (e["end"] and e["end"] < AUDIT_DATE):
            continue
        u, v = unit(e["source"]), unit(e["target"])
        if u and v and u != v:
            ties.append((u, v, e["source"] if typ[e["source"]] == "cadre" else None))
    units = [n["id"] for n in ds.nodes if n["type"] in UNIT_TYPES]

    def graph(skip: str | None = None) -> dict[str, list[str]]:
        adj: dict[str, list[str]] = {u: [] for u in units}
        for u, v, via in ties:
            if skip is None or via != skip:
                adj[u].append(v)
                adj[v].append(u)
        return adj

    def components(adj: dict[str, list[str]]) -> list[list[str]]:
        seen: dict[str, bool] = {}
        out = []
        for u in units:
            if u in seen:
                continue
            comp, stack = [], [u]
            seen[u] = True
            while stack:
                x = stack.pop()
                comp.append(x)
                for y in adj[x]:
                    if y not in seen:
                        seen[y] = True
                        stack.append(y)
            out.append(comp)
        return sorted(out, key=lambda c: (-len(c), min(c)))

    adj = graph()
    comps = components(adj)
    isolated = [u for u in units if not adj[u]]
    vias: dict[str, list] = {u: [] for u in units}
    for u, v, via in ties:
        vias[u].append(via)
        vias[v].append(via)
    fragile = [u for u in units
               if vias[u] and None not in vias[u] and len(dict.fromkeys(vias[u])) == 1]
    key_persons = {}
    for k in sorted(dict.fromkeys(v for _, _, v in ties if v)):
        a2 = graph(skip=k)
        cut = [u for u in units if adj[u] and not a2[u]]
        if cut or len(components(a2)) > len(comps):
            key_persons[k] = cut
    # bridges of the simple unit graph: remove one pair and see whether its ends still meet
    pairs = sorted(dict.fromkeys(tuple(sorted((u, v))) for u, v, _ in ties))
    mult = Counter(tuple(sorted((u, v))) for u, v, _ in ties)
    bridges = []
    for a, b in pairs:
        seen = {a: True}
        stack = [a]
        while stack and b not in seen:
            x = stack.pop()
            for y in adj[x]:
                if (min(x, y), max(x, y)) == (a, b) or y in seen:
                    continue
                seen[y] = True
                stack.append(y)
        if b not in seen:
            bridges.append([a, b])
    return {
        "units": len(units),
        "active_unit_ties": len(ties),
        "unit_pairs": len(mult),
        "isolated_units": isolated,
        "fragile_units": fragile,
        "key_persons": key_persons,
        "components": len(comps),
        "component_sizes": [len(c) for c in comps],
        "bridges": bridges,
        "cadres_without_home": [n["id"] for n in ds.nodes
                                if n["type"] == "cadre" and n["id"] not in home],
        "branches_without_host": [n["id"] for n in ds.nodes
                                  if n["type"] == "branch" and n["id"] not in host],
    }


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------
def write_csv(df: pd.DataFrame, path: Path, encoding: str) -> None:
    data = df.to_csv(index=False, lineterminator="\n")
    path.write_bytes(data.encode(encoding))


def _numeric_for_excel(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    df = df.copy()
    for c in cols:
        df[c] = [int(v) if str(v).strip() else None for v in df[c]]
        df[c] = df[c].astype("Int64")
    return df


def reproducible_xlsx(raw: bytes) -> bytes:
    """The same workbook with fixed document timestamps and zip entry times, so that the
    same content gives the same bytes on every run."""
    fixed = "2025-06-30T00:00:00Z"
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rf"\g<1>{fixed}\g<3>", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 6, 30, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    return out.getvalue()


def write_workbook(path: Path, sheets: list[tuple[str, pd.DataFrame]]) -> None:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as w:
        for name, df in sheets:
            df.to_excel(w, sheet_name=name, index=False)
    path.write_bytes(reproducible_xlsx(buf.getvalue()))


# --------------------------------------------------------------------------------------------
# README and expected.json
# --------------------------------------------------------------------------------------------
def counts(ds: Dataset) -> dict:
    nt = Counter(n["type"] for n in ds.nodes)
    nst = Counter((n["type"], n.get("subtype") or "") for n in ds.nodes)
    et = Counter(e["type"] for e in ds.edges)
    er = Counter((e["type"], e["role"]) for e in ds.edges if e["role"])
    ek = Counter(e["kind"] for e in ds.events)
    order = ["community", "park", "enterprise", "agency", "council", "project", "grid", "branch",
             "cadre"]
    eorder = list(ZH_EDGE)
    return {
        "nodes": len(ds.nodes),
        "edges": len(ds.edges),
        "events": len(ds.events),
        "nodes_by_type": {t: nt[t] for t in order if nt[t]},
        "nodes_by_subtype": {f"{t}/{s}": nst[(t, s)] for t in order
                             for s in sorted({s for (tt, s) in nst if tt == t}) if s},
        "edges_by_type": {t: et[t] for t in eorder if et[t]},
        "edges_by_role": {f"{t}/{r}": er[(t, r)] for t in eorder
                          for r in sorted({r for (tt, r) in er if tt == t})},
        "events_by_kind": {k: ek[k] for k in ZH_KIND if ek[k]},
        "grids_by_level": dict(sorted(Counter(str(n["level"]) for n in ds.nodes
                                              if n["type"] == "grid").items())),
    }


def md_table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def _ids(xs: list[str]) -> str:
    return ", ".join(f"`{x}`" for x in xs) if xs else "none"


# Each sample's notes on the rule definitions (joint-branch coverage, unknown columns, exact
# duplicates, named suggestions, the score), written after the derived figures.
DEFINITION_NOTES: dict[str, str] = {
    "yongchun": (
        "### Findings under the current rule definitions\n"
        "\n"
        "The findings above are unchanged by the definitions introduced with joint-branch cover"
        "age,\n"
        "unknown columns and exact duplicates, and the sample was checked against each:\n"
        "\n"
        "- **Joint branches** now cover a unit by a further `hosted_by` row, a `covers` row, "
        "or a\n"
        "  party member of the unit (`works_at`) who is `member_of` the joint branch, besides\n"
        "  co-building and grid hosting. No enterprise of this sample is covered that way onl"
        "y, so `enterprise_branch` still reports only `Y-E029`.\n"
        "- **`own_branch_due`** (new rule: a unit with 3 or more formal members that is only "
        "in a\n"
        "  joint branch should form its own branch): no finding here.\n"
        "- **Unknown is not unqualified**: this sample has the `party_members`, `rank`, `subty"
        "pe`,\n"
        "  `is_young` and `enterprise_facing` columns, so no rule reports \"could not be\n"
        "  checked\". The 1+1+1 support role now needs a young cadre *of an agency*; every suppo"
        "rt cadre on a team is one (Y-K0010 of 县科学技术协会 on Y-J01 included), so `team_qual"
        "ification` still reports only Y-J07's policy slot.\n"
        "- **Exact duplicate edge rows** (same source, target, type, role, overlapping dates)"
        " are\n"
        "  a validation warning and count once: the sample has none, so ties, fragility and"
        " tie\n"
        "  strength are unchanged.\n"
        "- **Suggestions** for fragile units and key persons now name a candidate (a colleagu"
        "e of\n"
        "  the sole carrier at the same home unit, an instructor, the zone council, or a uni"
        "t to\n"
        "  pair with): Y-A20 and Y-E007 (and key person Y-K0010) name Y-K0011 钟毅永, Y-K0010's"
        " colleague at 县科学技术协会, as second liaison of Y-E007; Y-E019 (and key person Y-K0"
        "115) name Y-K0116 许辉海 of 石鼓社区 as second instructor.\n"
        "- **Weak-linkage score**: a tied unit now scores at most 0.95 (weights 0.38 / 0.19 /\n"
        "  0.38), so an isolated unit (score 1) always ranks strictly weakest; every other scor"
        "e is\n"
        "  0.95 times its former value.\n"
        "\n"
    ).rstrip("\n"),
    "quanzhou_etdz": (
        "### Findings under the current rule definitions\n"
        "\n"
        "The findings above are unchanged by the definitions introduced with joint-branch cover"
        "age,\n"
        "unknown columns and exact duplicates, and the sample was checked against each:\n"
        "\n"
        "- **Joint branches** now cover a unit by a further `hosted_by` row, a `covers` row, "
        "or a\n"
        "  party member of the unit (`works_at`) who is `member_of` the joint branch, besides\n"
        "  co-building and grid hosting. Joint branch `Q-B051` covers the same 6 units withou"
        "t a branch of their own, so `joint_branch_size` is unchanged; `Q-E017` and `Q-E018` ("
        "3 or more members, no branch) are still reported by `enterprise_branch`, and `pl.sugg"
        "est` no longer proposes bringing them into a joint branch: they need their own.\n"
        "- **`own_branch_due`** (new rule: a unit with 3 or more formal members that is only "
        "in a\n"
        "  joint branch should form its own branch): no finding here.\n"
        "- **Unknown is not unqualified**: this sample has the `party_members`, `rank`, `subty"
        "pe`,\n"
        "  `is_young` and `enterprise_facing` columns and grid `level`, so no rule reports \"cou"
        "ld not be\n"
        "  checked\". The 1+1+1 support role now needs a young cadre *of an agency*; no proj"
        "ect here.\n"
        "- **Exact duplicate edge rows** (same source, target, type, role, overlapping dates)"
        " are\n"
        "  a validation warning and count once: the sample has none, so ties, fragility and"
        " tie\n"
        "  strength are unchanged.\n"
        "- **Suggestions** for fragile units and key persons now name a candidate (a colleagu"
        "e of\n"
        "  the sole carrier at the same home unit, an instructor, the zone council, or a uni"
        "t to\n"
        "  pair with); this sample has none.\n"
        "- **Weak-linkage score**: a tied unit now scores at most 0.95 (weights 0.38 / 0.19 /\n"
        "  0.38), so an isolated unit (score 1) always ranks strictly weakest; every other scor"
        "e is\n"
        "  0.95 times its former value.\n"
        "\n"
    ).rstrip("\n"),
    "shishi_pengtian": (
        "### Findings under the current rule definitions\n"
        "\n"
        "The findings above are unchanged by the definitions introduced with joint-branch cover"
        "age,\n"
        "unknown columns and exact duplicates, and the sample was checked against each:\n"
        "\n"
        "- **Joint branches** now cover a unit by a further `hosted_by` row, a `covers` row, "
        "or a\n"
        "  party member of the unit (`works_at`) who is `member_of` the joint branch, besides\n"
        "  co-building and grid hosting. No unit of this sample is covered that way only.\n"
        "- **`own_branch_due`** (new rule: a unit with 3 or more formal members that is only "
        "in a\n"
        "  joint branch should form its own branch): no finding here.\n"
        "- **Unknown is not unqualified**: this sample has the `party_members`, `rank`, `subty"
        "pe`,\n"
        "  `is_young` and `enterprise_facing` columns, so no rule reports \"could not be\n"
        "  checked\". The 1+1+1 support role now needs a young cadre *of an agency*; both te"
        "ams' support cadres are.\n"
        "- **Exact duplicate edge rows** (same source, target, type, role, overlapping dates)"
        " are\n"
        "  a validation warning and count once: the sample has none, so ties, fragility and"
        " tie\n"
        "  strength are unchanged.\n"
        "- **Suggestions** for fragile units and key persons now name a candidate (a colleagu"
        "e of\n"
        "  the sole carrier at the same home unit, an instructor, the zone council, or a uni"
        "t to\n"
        "  pair with); this sample has none.\n"
        "- **Weak-linkage score**: a tied unit now scores at most 0.95 (weights 0.38 / 0.19 /\n"
        "  0.38), so an isolated unit (score 1) always ranks strictly weakest; every other scor"
        "e is\n"
        "  0.95 times its former value.\n"
        "\n"
    ).rstrip("\n"),
}


def write_readme(ds: Dataset, folder: Path, meta: dict) -> None:
    c = counts(ds)
    dv = derive(ds)
    zh = meta["lang"] == "zh"
    sample_nodes = {n["type"] + "/" + (n.get("subtype") or ""): n for n in ds.nodes}
    node_rows = []
    for t, k in c["nodes_by_type"].items():
        node_rows.append([f"`{t}`", EN_LABEL[t], k])
    sub_rows = []
    for key, k in c["nodes_by_subtype"].items():
        t, s = key.split("/")
        zt, zs = zh_type(sample_nodes[key]) if zh else ("", "")
        sub_rows.append([f"`{t}`", f"`{s}`", k] + ([f"{zt}" + (f" / {zs}" if zs else "")]
                                                   if zh else []))
    edge_rows = [[f"`{t}`", ZH_EDGE[t], k] for t, k in c["edges_by_type"].items()]
    role_rows = [[f"`{key.split('/')[0]}`", f"`{key.split('/')[1]}`",
                  ZH_ROLE.get(key.split("/")[1], ""), k] for key, k in c["edges_by_role"].items()]
    lines = [f"# {meta['title']}", "", meta["about"], "",
             f"All dates and rules are evaluated **as of {AUDIT_DATE}** (the audit reference "
             "date). Every person is synthetic: names are generated from a surname list and "
             "given-name characters; enterprise names are generated from word lists.", "",
             "## Files", "", meta["files"], "",
             "## Counts", "",
             f"{c['nodes']} nodes, {c['edges']} edges"
             + (f", {c['events']} events" if c["events"] else "") + ".", "",
             "### Nodes by type", "", md_table(["type", "中文", "count"], node_rows), "",
             "### Nodes by subtype", "",
             md_table(["type", "subtype", "count"] + (["written as 类型 / 子类型"] if zh else []),
                      sub_rows), ""]
    if zh:
        zt = Counter(zh_type(n)[0] for n in ds.nodes)
        lines += ["### Nodes by 类型 value as written", "",
                  md_table(["类型", "count"], [[k, v] for k, v in sorted(zt.items())]), ""]
    if c["grids_by_level"]:
        lines += ["Grids by level: " + ", ".join(f"level {k}: {v}"
                                                 for k, v in c["grids_by_level"].items()) + ".",
                  ""]
    lines += ["### Edges by type", "", md_table(["type", "中文", "count"], edge_rows), "",
              "### Edges by role", "", md_table(["type", "role", "中文", "count"], role_rows), ""]
    if c["events"]:
        ev_rows = [[f"`{k}`", ZH_KIND[k], v] for k, v in c["events_by_kind"].items()]
        lines += ["### Events by kind", "", md_table(["kind", "中文", "count"], ev_rows), ""]
    lines += ["## Structure", "", meta["structure"], "",
              "## Planted weak spots / expected findings", "",
              "The tie rules: a branch stands for its host unit; a cadre stands for their home "
              "unit (works_at, else the host of their branch). part_time_post, service_pairing, "
              "liaison, grid_staff, convenes and registers_at by a cadre tie the cadre's home "
              "unit to the target's unit (a branch target stands for its host); co_building, "
              "council_member and liaison by an agency tie units directly. Ties inside one unit "
              "do not count; located_in, member_of, works_at, hosted_by and reports_to are "
              "structure. Ties whose `end` is before the audit date are not active.", "",
              md_table(["#", "rule", "ids", "expected finding"],
                       [[i + 1, s["rule"], ", ".join(f"`{x}`" for x in s["ids"]), s["finding"]]
                        for i, s in enumerate(ds.spots)]), "",
              "### Everything else is clean", "", meta["clean"], "",
              "### Derived facts (unit projection as of 2025-06-30)", "",
              "Computed by this script from the tables (units = community, park, enterprise, "
              "agency, council, project, grid; a tie is active when start <= 2025-06-30 <= end):",
              "",
              f"- {dv['units']} units, {dv['active_unit_ties']} active unit-to-unit ties between "
              f"{dv['unit_pairs']} distinct unit pairs.",
              f"- Components: {dv['components']} (sizes {dv['component_sizes']}).",
              "- Isolated units: " + _ids(dv["isolated_units"]) + ".",
              "- Fragile units (every tie through one and the same cadre): "
              + _ids(dv["fragile_units"]) + ".",
              "- Key persons (cadres whose ties, removed, isolate a unit or split a component): "
              + ("; ".join(f"`{k}` (isolates {_ids(v)})" for k, v in dv["key_persons"].items())
                 or "none") + ".",
              "- Bridges (unit pairs whose removal disconnects the pair): "
              + (", ".join(f"`{a}`-`{b}`" for a, b in dv["bridges"]) or "none") + ".",
              "- Cadres without a home unit: " + _ids(dv["cadres_without_home"])
              + "; branches without a host: " + _ids(dv["branches_without_host"]) + ".", ""]
    if meta.get("notes"):
        lines += [meta["notes"], ""]
    if ds.rare:
        lines += ["## Rare characters (font rendering)", "",
                  "These cadres have a rare character in their name: "
                  + ", ".join(f"`{k}` {ds.name(k)}" for k in ds.rare)
                  + (" (䶮 is U+4DAE, outside GBK: decode the file as GB18030, not GBK)."
                     if meta.get("gb18030") else "."), ""]
    lines += ["## Regenerate", "", "`python data/generate_samples.py` (deterministic: running it "
              "twice gives byte-identical files).", ""]
    (folder / "README.md").write_text("\n".join(lines), encoding="utf-8")
    expected = {"audit_date": AUDIT_DATE, "counts": c, "planted": ds.spots, "info": ds.info,
                "derived": dv, "rare_name_cadres": ds.rare}
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1)
                                          + "\n", encoding="utf-8")


def yongchun_meta(ds: Dataset) -> dict:
    i = ds.info
    cm = "\n".join(f"  - `{u}` {ds.name(u)} ({v['zone']}): {v['members']} member units, convened "
                   f"by `{v['convenor']}` {ds.name(v['convenor'])} (county rank)"
                   for u, v in i["councils"].items())
    return {
        "notes": DEFINITION_NOTES["yongchun"],
        "lang": "en",
        "title": "永春县 \"三区联创\" sample (yongchun)",
        "about": "Models seed 000 (福建省泉州市永春县 \"三区联创\"): 6 pilot zones, each with a "
                 "片区党建工作协调委员会 convened by a county-rank leader; councils admit parks, "
                 "communities, enterprises and county agencies; 社企互派兼职 (17 community "
                 "secretaries as enterprise instructors, 25 enterprise party members as "
                 "community part-time committee members); 16 key projects with \"1+1+1\" "
                 "service teams; quarterly joint meetings.",
        "files": "- `nodes.csv`, `edges.csv`, `events.csv`: UTF-8 (no BOM), comma-separated, "
                 "English headers and canonical English values (`true`/`false`, "
                 "`county`/`section`/`staff`). Ids: `Y-U` council, `Y-A` agency, `Y-P` park, "
                 "`Y-C` community, `Y-E` enterprise, `Y-J` project, `Y-B` branch, `Y-K` cadre.\n"
                 "- `expected.json`: the counts and planted spots below, machine-readable.",
        "structure": (
            "- Zones (片区): " + ", ".join(z[0] for z in Y_ZONES) + ". County agencies "
            "(10 enterprise-facing departments, 4 county units) sit in the county seat "
            f"{Y_ZONES[0][0]}; each of the 6 townships belongs to its zone.\n"
            f"- Councils:\n{cm}\n"
            f"- {i['council_member_enterprises']} of the 37 enterprises are council members "
            "(not: the 2 isolated ones, the fragile one and the one tied only by the 县科协 "
            "cadre). 19 of the 20 agencies are members (each department joins 2 councils; "
            "县委办公室, 县政府办公室, 县政协办公室 join the 2 councils their leaders convene); "
            "县科学技术协会 joins none.\n"
            f"- Appointments: 17 instructor edges (one per community secretary, same zone) and "
            f"{i['part_time_member_edges']} part_time_member edges. Mutual community-enterprise "
            f"pairs: **{len(i['mutual_pairs'])}** ("
            + ", ".join(f"`{p}`" for p in i["mutual_pairs"]) + "); one-way pairs: **3**. "
            "Every part_time_member edge belongs to a mutual pair (11 pairs have 2 part-time "
            "members, 3 have 1).\n"
            "- Branches: a committee per township, a committee or general branch per community, "
            "a committee per park, a 党支部 per enterprise with >= 3 party members, a 机关党支部 "
            "per department and county unit (reporting to 县直机关工作委员会), and one joint "
            f"branch `{list(i['joint_branch'])[0]}` hosted by a park covering "
            + ", ".join(f"`{e}`" for e in list(i["joint_branch"].values())[0])
            + " (1 and 2 party members) by co_building. No branch has more than 50 members.\n"
            "- Every cadre has works_at and member_of. Events: a joint meeting per council per "
            "quarter (Aug, Nov 2024, Feb, May 2025), monthly rotating hosts, quarterly reviews "
            "and a few activities; the `units` column lists the council first, then the "
            "participating units."),
        "clean": (
            "- Isolated units (no active tie): exactly `" + "`, `".join(i["isolated_units"])
            + "`. Unit graph on 2025-06-30: one component holding every other unit (councils, "
            "projects included), plus the 2 isolated enterprises.\n"
            "- Fragile units (all ties through one cadre): exactly "
            + ", ".join(f"`{u}`" for u in i["fragile_units"]) + ". Key persons (cadres whose "
            "transfer isolates a unit): "
            + "; ".join(f"`{k}` -> " + ", ".join(f"`{u}`" for u in v)
                        for k, v in i["key_persons"].items()) + "; no other cadre.\n"
            "- Every council has a convenor and members of the community, park and enterprise "
            "sectors, except the one listed; every council except the one listed has a joint "
            "meeting in every quarter (gaps <= 90 days, the last within 90 days of the audit "
            "date).\n"
            "- The other 13 projects have 3 distinct active cadres: a section-rank cadre of an "
            "enterprise-facing department (coordinator), a section-rank township cadre "
            "(policy) and a young cadre (support).\n"
            "- Every enterprise with >= 3 party members hosts its own branch except the one "
            "listed; the three enterprises with fewer are covered (2 by the joint branch, 1 by "
            "an instructor). No joint branch covers more than 5 units.\n"
            "- Only the co_building listed has an end date before the audit date, besides the "
            "ended support appointment. No grids in this sample."),
    }


def quanzhou_meta(ds: Dataset) -> dict:
    i = ds.info
    return {
        "notes": DEFINITION_NOTES["quanzhou_etdz"],
        "lang": "zh", "gb18030": True,
        "title": "泉州开发区 网格党建 sample (quanzhou_etdz)",
        "about": "Models seed 001 (泉州经济技术开发区 党建赋能网格管理): 3 level-1 grids (崇泰片, "
                 "崇宏片, 崇文片), 12 level-2 unit grids, level-3 responsibility grids per "
                 "compound and per group of enterprise plots; 122 above-scale enterprises and 17 "
                 "residential compounds; branches built on grids; each level-2 grid linked to 1 "
                 "district leader and 1 department; 3 zone heads, 12 full-time and 168 part-time "
                 "grid workers; 210 enterprise party members registered at compounds (双报到).",
        "files": "- `节点.csv` (nodes), `关系.csv` (edges): **GB18030**, not UTF-8; Chinese "
                 "headers (编号 类型 名称 片区 子类型 层级 党员数 规上 职级 年轻干部 涉企部门 / "
                 "起点 终点 关系 角色 开始 结束 权重) and Chinese values: 类型 小区 / 企业 / "
                 "网格 / 部门 / 机关 (子类型 县直单位) / 党委 / 党总支 / 党支部 / 党小组 / "
                 "党员 / 干部; 子类型 非公 for enterprises; 是/否; 县处级/科级/一般; grid staff "
                 "roles 网格长/专职网格员/"
                 "兼职网格员. No events table. Ids: `Q-A` agency, `Q-G` grid, `Q-C` compound, "
                 "`Q-E` enterprise, `Q-B` branch, `Q-K` cadre.\n"
                 "- `expected.json`: the counts and planted spots below, machine-readable.\n\n"
                 "```python\nimport pandas as pd\nnodes = pd.read_csv('data/samples/quanzhou_etdz"
                 "/节点.csv', encoding='gb18030', dtype=str)\n```",
        "structure": (
            "- Zones = the 3 level-1 grids; each holds 4 level-2 grids (located_in), each of "
            "which holds 5 level-3 grids: 17 compound grids, 15 grids of one large enterprise, "
            "28 grids of a group of enterprise plots.\n"
            f"- Level-3 grids: {i['grids']['level3_with_branch']} host a grid branch (two of "
            "them joint branches), 12 host only a party group (the grids of 12 large "
            "enterprises, which have their own party organization), 1 hosts neither.\n"
            "- 110 enterprises host their own party organization (15 large ones: 6 党委, 5 "
            "党总支, 4 党支部; 95 regular: 党支部), reporting to 泉州开发区非公企业综合党委; 10 "
            "small enterprises (1-2 party members) are covered by the two joint branches; 2 "
            "enterprises are uncovered (planted). 14 of the 17 compounds host a party "
            "organization (4 小区党委, 10 小区党支部). 89 党小组 in all (12 grid groups, 42 "
            "building groups in compounds, 6 building groups on compound grids, 29 workshop "
            "groups in large enterprises).\n"
            "- Liaison: 6 district leaders (县处级, 党工委管委会) cover 2 level-2 grids each "
            "(one covers 1); the 10 departments cover one level-2 grid each (经济发展局 two); "
            "园区基层治理服务中心 also liaises the 3 level-1 grids.\n"
            f"- Registrations: {i['registrations_by_cadres']} by enterprise party members "
            f"(cadre -> compound) and {i['registrations_by_branches']} by department branches "
            "(branch -> compound).\n"
            "- Every cadre has works_at; every cadre except the members of the 2 planted "
            "uncovered enterprises has member_of. Agencies are placed in zone 崇宏片."),
        "clean": (
            "- Isolated units: exactly the 3 listed. Every other unit has an active tie; no "
            "unit's ties all run through a single cadre (no fragile unit, no key person).\n"
            "- Every level-2 grid has a branch, a district-leader liaison and a department "
            "liaison except the two listed (each misses exactly one). Every level-3 grid except "
            "the one listed hosts a branch or a party group.\n"
            "- Every enterprise with >= 3 party members hosts its own party organization except "
            "the 2 listed; every enterprise with fewer is covered by a joint branch. Apart from "
            f"`{list(i['joint_branches'])[0]}` no branch is tied by co_building to more than 5 "
            f"units. Apart from `{i['big_branch']}` no branch has more than 50 members.\n"
            "- No councils, projects or events in this sample; no edge has an end date."),
    }


def shishi_meta(ds: Dataset) -> dict:
    i = ds.info
    return {
        "notes": DEFINITION_NOTES["shishi_pengtian"],
        "lang": "zh",
        "title": "石狮灵秀彭田片区 sample (shishi_pengtian)",
        "about": "Models seed 004 (石狮市灵秀镇彭田片区 \"三区联创\"): one council "
                 "(彭田片区党建联盟) "
                 "chaired by a city leader, with townships, villages incl. 彭田村, state-owned "
                 "enterprises, 4 parks, the chamber of commerce, schools and key enterprises as "
                 "members; quarterly joint meetings; the 4-level chain 村党委 -> 小区党支部 -> "
                 "楼栋党小组 -> 党员户.",
        "files": "- `shishi_pengtian.xlsx`: one workbook with sheets `节点`, `关系`, `活动`; "
                 "Chinese headers and values (类型 村/小区/园区/企业/乡镇/部门/机关/党委/"
                 "党支部/党小组/党员/干部/党建联盟/重点项目; 子类型 国企/非公/县直单位/学校/"
                 "商会; 是/否; 县处级/科级/一般). "
                 "层级/党员数/权重 are numeric cells, dates are text `YYYY-MM-DD`. Part-time posts "
                 "are written both ways the format accepts: 关系 `兼职` with 角色 `党建指导员`/"
                 "`兼职委员`, and 关系 `党建指导员`/`兼职委员`/`第一书记` with an empty 角色. Ids: "
                 "`S-U` council, `S-A` agency, `S-C` village/compound, `S-P` park, `S-E` "
                 "enterprise, `S-J` project, `S-B` branch, `S-K` cadre.\n"
                 "- `expected.json`: the counts and planted spots below, machine-readable.",
        "structure": (
            f"- Council `{i['council']}` convened by `{i['convenor']}` "
            f"{ds.name(i['convenor'])} (县处级, 石狮市委办公室); {i['members']} member units: "
            "灵秀镇, 宝盖镇, 4 villages (彭田村, 塔前村, 钞坑村, 古湖村), 3 国企, 4 parks, "
            "灵秀镇商会, "
            "2 schools, 8 key enterprises. 石狮市委办公室 and 石狮市工业和信息化局 are not members "
            "but tied (convenor, co-building, 1+1+1 coordinators).\n"
            "- 4-level chain: " + " <- ".join(f"`{b}` {ds.name(b)}" for b in
                                               i["four_level_chain"])
            + " <- member households (cadres member_of the group). 3 compounds (located_in "
            "彭田村), 3 building groups each.\n"
            "- Mutual appointments: " + ", ".join(f"`{p}`" for p in i["mutual_pairs"])
            + " (2 mutual pairs, no one-way); a 第一书记 from 灵秀镇 at the 钞坑村 branch. Two key "
            "projects with complete 1+1+1 teams.\n"
            "- Every cadre except the planted one has works_at (households: their compound). "
            "All nodes are in zone 彭田片区. Events: 4 quarterly joint meetings (Aug, Nov 2024, "
            "Feb, May 2025), monthly rotating hosts, quarterly reviews, 2 activities."),
        "clean": (
            "- Isolated units: exactly the one listed; no unit's ties all run through a single "
            "cadre (no fragile unit).\n"
            "- The council has a convenor and members of the community, park and enterprise "
            "sectors, and a joint meeting every quarter. Both projects have complete teams of 3 "
            "distinct active cadres. Every enterprise hosts its own branch (all have >= 3 party "
            "members). No branch has more than 50 members; no branch is tied by co_building to "
            "more than 5 units; no one-way appointment. Every branch except the one listed has "
            "a host; every cadre except the one listed has a home unit. No grids; no edge has "
            "an end date."),
    }


def main() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)

    y = build_yongchun()
    f = SAMPLES / "yongchun"
    f.mkdir(exist_ok=True)
    write_csv(y.node_frame("en"), f / "nodes.csv", "utf-8")
    write_csv(y.edge_frame("en"), f / "edges.csv", "utf-8")
    write_csv(y.event_frame("en"), f / "events.csv", "utf-8")
    write_readme(y, f, yongchun_meta(y))

    q = build_quanzhou()
    f = SAMPLES / "quanzhou_etdz"
    f.mkdir(exist_ok=True)
    write_csv(q.node_frame("zh"), f / "节点.csv", "gb18030")
    write_csv(q.edge_frame("zh"), f / "关系.csv", "gb18030")
    write_readme(q, f, quanzhou_meta(q))

    s = build_shishi()
    f = SAMPLES / "shishi_pengtian"
    f.mkdir(exist_ok=True)
    nodes = _numeric_for_excel(s.node_frame("zh"), ["层级", "党员数"])
    edges = _numeric_for_excel(s.edge_frame("zh"), ["权重"])
    write_workbook(f / "shishi_pengtian.xlsx",
                   [("节点", nodes), ("关系", edges), ("活动", s.event_frame("zh"))])
    write_readme(s, f, shishi_meta(s))

    # the planted spots are the only isolation findings (guards against drift)
    dy, dq, dsh = derive(y), derive(q), derive(s)
    assert dy["isolated_units"] == y.info["isolated_units"], dy["isolated_units"]
    assert dy["fragile_units"] == y.info["fragile_units"], dy["fragile_units"]
    assert dy["key_persons"] == y.info["key_persons"], dy["key_persons"]
    assert dq["isolated_units"] == q.info["isolated_units"] and not dq["fragile_units"]
    assert not dq["key_persons"] and not dq["cadres_without_home"]
    assert dsh["isolated_units"] == s.info["isolated_units"] and not dsh["fragile_units"]
    assert not dsh["key_persons"] and len(dsh["cadres_without_home"]) == 1
    assert len(dsh["branches_without_host"]) == 1

    index = [
        "# Sample datasets", "",
        "Three synthetic datasets shaped on the seed articles, for tutorials and tests. Each "
        "folder has a README.md with exact counts and every planted weak spot (expected "
        f"findings as of {AUDIT_DATE}), and the same as `expected.json`.", "",
        md_table(["folder", "models", "files", "nodes", "edges", "events"], [
            ["`yongchun/`", "永春县 三区联创 (seed 000)",
             "nodes.csv, edges.csv, events.csv (UTF-8, English)", len(y.nodes), len(y.edges),
             len(y.events)],
            ["`quanzhou_etdz/`", "泉州开发区 网格党建 (seed 001)",
             "节点.csv, 关系.csv (GB18030, Chinese)", len(q.nodes), len(q.edges), 0],
            ["`shishi_pengtian/`", "石狮灵秀彭田片区 党建联盟 (seed 004)",
             "shishi_pengtian.xlsx, sheets 节点/关系/活动 (Chinese)", len(s.nodes), len(s.edges),
             len(s.events)],
        ]), "",
        "People's names are generated (surname list + given-name characters, including the "
        "rare characters 堃 喆 赟 玥 䶮 to test font rendering); enterprise names are built from "
        "word lists; place names may be realistic.", "",
        "Regenerate all three (deterministic, byte-identical on every run):", "",
        "```", "python data/generate_samples.py", "```", "",
    ]
    (SAMPLES / "README.md").write_text("\n".join(index), encoding="utf-8")
    for ds, name in ((y, "yongchun"), (q, "quanzhou_etdz"), (s, "shishi_pengtian")):
        print(f"{name}: {len(ds.nodes)} nodes, {len(ds.edges)} edges, {len(ds.events)} events")


if __name__ == "__main__":
    main()
