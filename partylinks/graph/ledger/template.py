"""The blank ledger a department hands out: ``partylinks template --out 台账模板.xlsx``."""

from __future__ import annotations

from pathlib import Path

from .layout import Layout, load_layout

__all__ = ["write_template", "TEMPLATE_SHEETS", "EXAMPLE_ROWS"]

# (sheet name, layout kind, [(field, header)], {field: drop-down values})
TEMPLATE_SHEETS: list[tuple[str, str, list[tuple[str, str]], dict[str, list[str]]]] = [
    ("社区", "community", [("name", "社区名称"), ("zone", "片区"), ("subtype", "类型"),
                          ("party_members", "党员数")], {"subtype": ["社区", "村", "小区"]}),
    ("园区", "park", [("name", "园区名称"), ("zone", "片区")], {}),
    ("企业", "enterprise", [("name", "企业名称"), ("zone", "片区"), ("subtype", "企业性质"),
                          ("party_members", "党员数"), ("above_scale", "是否规上"),
                          ("park", "所在园区"), ("community", "所在社区")],
     {"subtype": ["国企", "非公"], "above_scale": ["是", "否"]}),
    ("机关", "agency", [("name", "单位名称"), ("zone", "片区"), ("subtype", "单位类型"),
                      ("enterprise_facing", "是否涉企部门")],
     {"subtype": ["乡镇", "部门", "县直单位", "学校", "商会"], "enterprise_facing": ["是", "否"]}),
    ("党组织", "branch", [("name", "党组织名称"), ("zone", "片区"), ("subtype", "党组织类型"),
                        ("host", "依托单位"), ("parent", "上级党组织"), ("party_members", "党员数")],
     {"subtype": ["党委", "党总支", "党支部", "联合党支部", "党小组"]}),
    ("党员", "cadre", [("name", "姓名"), ("home", "所在单位"), ("post", "职务"), ("rank", "职级"),
                     ("is_young", "是否年轻干部"), ("branch", "所在党组织")],
     {"rank": ["县处级", "科级", "一般"], "is_young": ["是", "否"]}),
    ("兼职情况", "part_time", [("person", "姓名"), ("home", "本职单位"), ("unit", "兼职单位"),
                           ("post", "兼职职务"), ("start", "兼职时间"), ("end", "结束时间")],
     {"post": ["党建指导员", "兼职委员", "第一书记"]}),
    ("1+1+1挂钩服务", "service_pairing", [("name", "项目名称"), ("zone", "片区"),
                                      ("coordinator", "统筹协调"), ("policy", "对接政策"),
                                      ("support", "提供保障"), ("start", "挂钩时间")], {}),
    ("结对共建", "co_building", [("a", "甲方"), ("b", "乙方"), ("start", "共建时间"),
                             ("end", "结束时间")], {}),
    ("协调委员会成员单位", "council", [("council", "协调委员会"), ("member", "成员单位"),
                                ("convenor", "召集人"), ("zone", "片区")], {}),
    ("网格", "grid", [("name", "网格名称"), ("zone", "片区"), ("level", "网格层级"),
                    ("within", "所属社区"), ("head", "网格长")], {"level": ["1", "2", "3"]}),
    ("双报到", "registration", [("person", "姓名"), ("home", "所在单位"), ("branch", "单位党组织"),
                             ("community", "报到社区"), ("start", "报到时间")], {}),
    ("活动", "events", [("date", "日期"), ("kind", "活动类型"), ("units", "参与单位")],
     {"kind": ["联席会议", "轮值商办", "三方共评", "活动"]}),
]
"""The template's sheets: name, layout kind, (field, header) columns, drop-down values."""

EXAMPLE_ROWS: dict[str, list[list[str]]] = {
    "社区": [["桃源社区", "桃城片区", "社区", "86"], ["东门村", "桃城片区", "村", "41"]],
    "园区": [["桃城工业园区", "桃城片区"]],
    "企业": [["永兴纺织有限公司", "桃城片区", "非公", "5", "是", "桃城工业园区", ""],
             ["鸿安电子有限公司", "桃城片区", "非公", "2", "否", "桃城工业园区", ""]],
    "机关": [["桃城镇人民政府", "桃城片区", "乡镇", "否"], ["县工业和信息化局", "桃城片区", "部门", "是"]],
    "党组织": [["桃源社区党委", "桃城片区", "党委", "桃源社区", "", "86"],
              ["永兴纺织有限公司党支部", "桃城片区", "党支部", "永兴纺织有限公司", "", "5"],
              ["桃城工业园区联合党支部", "桃城片区", "联合党支部", "桃城工业园区", "", "6"]],
    "党员": [["林晓峰", "桃源社区", "党委书记", "一般", "否", "桃源社区党委"],
             ["陈雅琴", "永兴纺织有限公司", "党支部书记", "一般", "否", "永兴纺织有限公司党支部"],
             ["黄志明", "县工业和信息化局", "副局长", "科级", "否", ""],
             ["郑一鸣", "桃城镇人民政府", "副镇长", "科级", "否", ""],
             ["许佳", "桃城镇人民政府", "科员", "一般", "是", ""],
             ["王建国", "县工业和信息化局", "局长", "县处级", "否", ""]],
    "兼职情况": [["林晓峰", "桃源社区", "永兴纺织有限公司", "党建指导员", "2024年3月", ""],
              ["陈雅琴", "永兴纺织有限公司", "桃源社区", "兼职委员", "2024.3", ""]],
    "1+1+1挂钩服务": [["鸿安电子智能制造项目", "桃城片区", "黄志明", "郑一鸣", "许佳", "2024-03-23"]],
    "结对共建": [["桃源社区党委", "永兴纺织有限公司党支部", "2024/1/1", ""]],
    "协调委员会成员单位": [["桃城片区党建工作协调委员会", "桃源社区", "王建国", "桃城片区"],
                   ["桃城片区党建工作协调委员会", "永兴纺织有限公司", "王建国", "桃城片区"],
                   ["桃城片区党建工作协调委员会", "桃城工业园区", "王建国", "桃城片区"]],
    "网格": [["桃源社区第一网格", "桃城片区", "3", "桃源社区", "林晓峰"]],
    "双报到": [["黄志明", "县工业和信息化局", "", "桃源社区", "2024年5月"]],
    "活动": [["2024-06-20", "联席会议", "桃源社区、永兴纺织有限公司、桃城工业园区"]],
}
"""A small consistent example town, written by ``write_template(example=True)``."""

_INSTRUCTIONS = [
    ("填表说明", "本台账每类事项一张表；表名和表头请勿改动（可在表头上方加标题行，下方加填表人等落款）。"),
    ("名称", "单位、党组织、人员都按名称填写，不需要编号；同一单位在各表中请写同一名称。"),
    ("人员", "重名人员请在“所在单位/本职单位”列注明单位，或写作“张三（县工信局）”。"),
    ("日期", "可写 2024-06-30、2024/6/30、2024年6月30日；只写月份（2024年6月、2024.6）时，"
             "开始时间取当月1日，结束时间取当月最后一天。"),
    ("多个名称", "一格内有多个单位或人员时，用顿号“、”分隔。"),
    ("下拉选项", "类型、职级、是否等列可从下拉列表选择。"),
    ("检查", "填好后运行 partylinks validate 台账.xlsx 检查，再运行 partylinks audit 台账.xlsx 审计。"),
]


def write_template(path: str | Path, *, example: bool = False,
                   layout: str | Path | Layout | None = None) -> Path:
    """Write the office-layout ledger workbook a department hands out.

    One sheet per kind (社区, 园区, 企业, 机关, 党组织, 党员, 兼职情况, 1+1+1挂钩服务, 结对共建,
    协调委员会成员单位, 网格, 双报到, 活动) with its headers, drop-down lists (data validation)
    for the type, role, rank and yes/no columns, frozen headers, and a 填表说明 sheet first.
    Filled in, it loads back with :func:`partylinks.load` with no problems.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write.
    example : bool
        Fill in a small example town (:data:`EXAMPLE_ROWS`) instead of leaving it blank.
    layout : optional
        Checked: every header written must be recognized by this layout.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib, partylinks as pl
    >>> f = write_template(pathlib.Path(tempfile.mkdtemp()) / "台账模板.xlsx", example=True)
    >>> g = pl.load(f)
    >>> int(g.summary().nodes_by_type["enterprise"]), len(g.issues[g.issues.severity == "error"])
    (2, 0)
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lay = load_layout(layout)
    out = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "填表说明"
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 100
    for i, (k, v) in enumerate(_INSTRUCTIONS, start=1):
        ws.cell(i, 1, k).font = Font(bold=True)
        ws.cell(i, 2, v).alignment = Alignment(wrap_text=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    for name, kind, cols, choices in TEMPLATE_SHEETS:
        spec = lay.kind(kind)
        for fld, header in cols:
            if spec.field_of(header) != fld:
                raise ValueError(f"layout {lay.source}: header {header!r} of sheet {name!r} "
                                 f"is not recognized as {fld!r}")
        sh = wb.create_sheet(name)
        for j, (fld, header) in enumerate(cols, start=1):
            c = sh.cell(1, j, header)
            c.font, c.fill = Font(bold=True), head_fill
            sh.column_dimensions[get_column_letter(j)].width = max(12, 2.2 * len(header) + 4)
            if fld in choices:
                dv = DataValidation(type="list", formula1='"' + ",".join(choices[fld]) + '"',
                                    allow_blank=True, showErrorMessage=False)
                sh.add_data_validation(dv)
                dv.add(f"{get_column_letter(j)}2:{get_column_letter(j)}2000")
        sh.freeze_panes = "A2"
        if example:
            for r, row in enumerate(EXAMPLE_ROWS.get(name, []), start=2):
                for j, v in enumerate(row, start=1):
                    if v != "":
                        sh.cell(r, j, v)
    wb.save(out)
    return out
