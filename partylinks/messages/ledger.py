"""Messages of the ledger reader: sheets, headers, skipped rows, names resolved or not."""

LEDGER = {
    # -- the template command ----------------------------------------------------------------
    "unknown_zones": {
        "zh": "没有这些片区：{zones}（数据中的片区：{known}）",
        "en": "no such zone(s): {zones} (zones in the data: {known})",
    },
    "unknown_node_id": {"zh": "没有编号为“{value}”的节点", "en": "no node has the id '{value}'"},
    "node_not_a_unit": {
        "zh": "“{value}”不代表任何单位（没有工作单位的干部，或没有依托单位的党组织）；请选一个单位的编号",
        "en": "'{value}' stands for no unit (a cadre without home unit or a branch without "
              "host); choose a unit id",
    },
    "path_and_sample": {"zh": "请给出数据路径或 --sample，不要同时给出",
                        "en": "give PATH or --sample, not both"},
    "no_path": {"zh": "请给出数据路径（PATH）或 --sample 样例名",
                "en": "give a dataset PATH or --sample NAME"},
    "template_written": {"zh": "已写出台账模板：{path}", "en": "ledger template written: {path}"},
    "template_exists": {
        "zh": "{path} 已存在；加 --force 覆盖",
        "en": "{path} exists; add --force to overwrite it",
    },
    "layout_written": {"zh": "已写出台账版式文件：{path}", "en": "ledger layout written: {path}"},
    # -- reading files -------------------------------------------------------------------
    "unreadable_workbook": {
        "zh": "无法读取工作簿：{detail}（请用 Excel 或 WPS 另存为 .xlsx 后再试）",
        "en": "cannot read the workbook: {detail} (save it as .xlsx in Excel or WPS and retry)",
    },
    "unreadable_sheet": {
        "zh": "无法读取工作表“{sheet}”：{detail}",
        "en": "cannot read sheet '{sheet}': {detail}",
    },
    "unreadable_text": {
        "zh": "无法按表格读取文本文件：{detail}",
        "en": "cannot read the text file as a table: {detail}",
    },
    "unknown_format": {
        "zh": "不支持的文件类型“{ext}”（可用 .xlsx .xls .xlsm .ods .et .csv .txt）",
        "en": "unsupported file type '{ext}' (use .xlsx .xls .xlsm .ods .et .csv .txt)",
    },
    "workbook_too_large": {
        "zh": "工作簿的“{part}”解压后达 {size} 字节，远超正常台账，已拒绝读取",
        "en": "the workbook's part '{part}' unpacks to {size} bytes, far beyond any ledger; "
              "refused",
    },
    "bad_encoding": {
        "zh": "第 {line} 行不是 {encoding} 编码的文字；请在 Excel/WPS 中另存为“CSV UTF-8”",
        "en": "line {line} is not {encoding} text; save the file as 'CSV UTF-8' in Excel/WPS",
    },
    "mixed_encoding": {
        "zh": "文件编码从第 {line} 行起改变（前后分别是 UTF-8 和 GBK），按任一编码读取都会乱码；"
              "请统一另存为“CSV UTF-8”",
        "en": "the file's encoding changes at line {line} (UTF-8 and GBK mixed); reading it "
              "either way would garble part of it; save it all as 'CSV UTF-8'",
    },
    "no_ledger_files": {
        "zh": "文件夹中没有台账文件（.xlsx .xls .ods .csv .txt）",
        "en": "the folder holds no ledger files (.xlsx .xls .ods .csv .txt)",
    },
    "no_ledger_sheets": {
        "zh": "没有识别出任何台账工作表（找到的工作表：{sheets}）；请按模板命名工作表和表头"
              "（partylinks template），或在版式文件中加入这些名称",
        "en": "no ledger sheet was recognized (sheets found: {sheets}); name the sheets and "
              "headers as in the template (partylinks template) or add these names to the "
              "layout file",
    },
    "sheet_choice": {
        "zh": "可作为该表的工作表不止一个（{sheets}），只读取了“{value}”",
        "en": "several sheets could be this table ({sheets}); only '{value}' was read",
    },
    # -- sheets and headers ----------------------------------------------------------------
    "hidden_sheet_skipped": {
        "zh": "隐藏的工作表“{value}”未读取",
        "en": "hidden sheet '{value}' was not read",
    },
    "sheet_not_recognized": {
        "zh": "工作表“{value}”不是已知的台账表（表头：{headers}），未读取",
        "en": "sheet '{value}' is not a known ledger sheet (headers: {headers}); not read",
    },
    "title_row_skipped": {
        "zh": "表头上方的标题行已跳过：{value}",
        "en": "title row above the header skipped: {value}",
    },
    "footer_row_skipped": {
        "zh": "表尾的落款行已跳过：{value}",
        "en": "footer row skipped: {value}",
    },
    "blank_rows_skipped": {
        "zh": "跳过 {n} 个空行（第 {value} 行）",
        "en": "{n} blank row(s) skipped (rows {value})",
    },
    "serial_column_skipped": {
        "zh": "序号列“{value}”不作为数据读取",
        "en": "serial-number column '{value}' is not read as data",
    },
    "columns_kept_unused": {
        "zh": "这些列不属于该表的已知内容，未使用：{value}",
        "en": "these columns are not known for this sheet and were not used: {value}",
    },
    "header_competes": {
        "zh": "表头“{value}”与“{first}”表示同一内容，只用了“{first}”",
        "en": "header '{value}' means the same as '{first}'; only '{first}' was used",
    },
    "header_by_content": {
        "zh": "表头“{value}”含义不明，按内容判断为“{field}”",
        "en": "header '{value}' is ambiguous; read as '{field}' from its values",
    },
    "ledger_missing_column": {
        "zh": "缺少“{field}”列（可写作：{variants}），整张表未读取",
        "en": "the sheet lacks the '{field}' column (headers accepted: {variants}); "
              "the sheet was not read",
    },
    "merged_filled": {
        "zh": "合并单元格 {range} 的值“{value}”已填入合并范围内的每一行，请核对",
        "en": "merged cells {range}: the value '{value}' was copied into every row of the "
              "range; please check",
    },
    "cell_too_long": {
        "zh": "单元格内容有 {length} 个字符，超过 Excel 上限 {limit}，未读取",
        "en": "the cell holds {length} characters, over Excel's limit of {limit}; not read",
    },
    # -- names -------------------------------------------------------------------------------
    "implied_node": {
        "zh": "“{value}”不在任何单位表中，已按名称新建为{label}（片区：{zone}），请确认",
        "en": "'{value}' is in no unit sheet; it was added as a new {label} "
              "(zone: {zone}); please confirm",
    },
    "implied_cadre": {
        "zh": "人员“{value}”不在党员表中，已新建（所在单位：{home}），请确认",
        "en": "'{value}' is not in the people sheet; added as a new person (unit: {home}); "
              "please confirm",
    },
    "near_match": {
        "zh": "“{value}”没有完全相同的名称，按近似名称“{match}”处理（相似度 {score}），是否就是它？",
        "en": "no exact match for '{value}'; read as the near match '{match}' (similarity "
              "{score}): did you mean it?",
    },
    "unknown_name": {
        "zh": "找不到名称“{value}”（最接近的：{candidates}）；请核对名称，或把它加入相应的单位表",
        "en": "no node is named '{value}' (closest: {candidates}); check the name or add it "
              "to the right sheet",
    },
    "ambiguous_name": {
        "zh": "名称“{value}”可以指多个对象：{candidates}；请写全名",
        "en": "the name '{value}' could mean several nodes: {candidates}; write the full name",
    },
    "ambiguous_person": {
        "zh": "有多名叫“{value}”的人员（所在单位：{homes}）；请在本职单位列注明，或写作“{value}（单位）”",
        "en": "several people are named '{value}' (units: {homes}); give the person's own "
              "unit in its column or write '{value} (unit)'",
    },
    "ledger_conflict": {
        "zh": "“{name}”在别处（{first}）已填写为“{kept}”，此处的“{value}”未采用",
        "en": "'{name}' was given as '{kept}' elsewhere ({first}); '{value}' here was not used",
    },
    "fullwidth_id": {
        "zh": "编号“{value}”含全角字符，与半角的“{narrow}”不是同一个编号；请统一用半角",
        "en": "id '{value}' has full-width characters and is not the same id as '{narrow}'; "
              "use half-width characters",
    },
    "ledger_duplicate_row": {
        "zh": "“{value}”在本表第 {first} 行已填写过，两行按同一对象合并，请删去重复行",
        "en": "'{value}' is already in row {first} of this sheet; the two rows were merged "
              "as one; delete the repeated row",
    },
    "ledger_duplicate_id": {
        "zh": "编号“{value}”（{name}）已用于“{other}”",
        "en": "id '{value}' ({name}) is already used by '{other}'",
    },
}

# What each layout field and sheet kind means, for the column-mapping report.
_FIELDS = {
    "id": ("编号", "id"), "name": ("名称", "name"), "zone": ("片区", "zone"),
    "subtype": ("类型", "subtype"), "level": ("层级", "level"),
    "party_members": ("党员数", "party members"), "above_scale": ("规上", "above scale"),
    "rank": ("职级", "rank"), "is_young": ("年轻干部", "young cadre"),
    "enterprise_facing": ("涉企部门", "enterprise-facing"), "park": ("所在园区", "park"),
    "community": ("社区", "community"), "host": ("依托单位", "host unit"),
    "parent": ("上级党组织", "parent branch"), "home": ("本人所在单位", "own unit"),
    "post": ("职务", "post"), "branch": ("党组织", "party branch"),
    "since": ("任职时间", "in post since"), "joined": ("转入时间", "joined branch"),
    "person": ("人员", "person"), "unit": ("兼职单位", "post unit"),
    "start": ("开始时间", "start"), "end": ("结束时间", "end"),
    "coordinator": ("统筹协调", "coordinator"), "policy": ("对接政策", "policy"),
    "support": ("提供保障", "support"), "a": ("甲方", "party A"), "b": ("乙方", "party B"),
    "weight": ("权重", "weight"), "council": ("协调委员会", "council"),
    "member": ("成员单位", "member unit"), "convenor": ("召集人", "convenor"),
    "convenor_start": ("召集人任职时间", "convenor since"),
    "within": ("所属社区或网格", "within"), "head": ("网格长", "grid head"),
    "staff": ("网格员", "grid staff"), "liaison_unit": ("挂钩单位", "liaison unit"),
    "liaison_person": ("挂钩干部", "liaison cadre"), "agency": ("挂钩单位", "liaison agency"),
    "target": ("联系对象", "contact"), "date": ("日期", "date"), "kind": ("活动类型", "kind"),
    "units": ("参与单位", "units"), "grid": ("所在网格", "grid"),
    "covers": ("覆盖单位", "units covered"), "part_staff": ("兼职网格员", "part-time grid staff"),
}
_KINDS = {
    "community": ("社区表", "communities"), "park": ("园区表", "parks"),
    "enterprise": ("企业表", "enterprises"), "agency": ("机关表", "agencies"),
    "project": ("重点项目表", "projects"), "branch": ("党组织表", "party branches"),
    "cadre": ("党员表", "people"), "part_time": ("兼职情况", "part-time posts"),
    "service_pairing": ("1+1+1挂钩服务", "1+1+1 service pairings"),
    "co_building": ("结对共建", "co-building"), "council": ("协调委员会成员单位", "council members"),
    "grid": ("网格表", "grids"), "liaison": ("挂钩联系", "liaisons"),
    "grid_staff": ("网格员", "grid staff"), "job_history": ("任职经历", "job history"),
    "registration": ("双报到", "dual registrations"), "events": ("活动记录", "events"),
}
LEDGER.update({f"ledger_field_{k}": {"zh": zh, "en": en} for k, (zh, en) in _FIELDS.items()})
LEDGER.update({f"ledger_kind_{k}": {"zh": zh, "en": en} for k, (zh, en) in _KINDS.items()})
LEDGER.update({
    "ledger_map_sheet": {"zh": "工作表", "en": "sheet"},
    "ledger_map_kind": {"zh": "识别为", "en": "read as"},
    "ledger_map_header": {"zh": "表头行", "en": "header row"},
    "ledger_map_rows": {"zh": "数据行", "en": "rows"},
    "ledger_map_columns": {"zh": "列（表头→含义）", "en": "columns (header -> meaning)"},
    "ledger_map_unused": {"zh": "未使用的列", "en": "columns not used"},
    "ledger_map_none": {"zh": "（未识别）", "en": "(not recognized)"},
    "ledger_map_hidden": {"zh": "（隐藏，未读取）", "en": "(hidden, not read)"},
    "ledger_map_title": {"zh": "台账各表的读取方式：", "en": "How the ledger's sheets were read:"},
    "ledger_implied_title": {
        "zh": "按名称新建的单位和人员 {n} 个，近似匹配的名称 {m} 个（见上表的警告），请逐一确认",
        "en": "{n} unit(s)/person(s) added from names and {m} near match(es) (warnings above): "
              "please confirm each",
    },
})
