"""The audit report: :func:`audit` builds an :class:`AuditReport`, which writes Excel (set
up for print), Word, HTML, JSON and CSV files that are safe to open and share, and the
rectification lists (整改清单) each zone fills in."""

from .anonymize import anonymize_graph, new_key, pseudonyms
from .audit import audit, audit_date
from .excel import EXCEL_MAX_ROWS, ExcelRowLimitError
from .labels import detail_text, people_frame, rule_name
from .model import FORMATS, AuditReport
from .rectify import rectification_list, rectification_zones, write_rectification
from .safetext import EXCEL_CELL_LIMIT, fit_cell, xml_text
from .summary import SUMMARY_COLUMNS

__all__ = ["audit", "audit_date", "AuditReport", "FORMATS", "SUMMARY_COLUMNS",
           "ExcelRowLimitError", "EXCEL_MAX_ROWS", "pseudonyms", "new_key",
           "anonymize_graph", "people_frame", "rule_name", "detail_text",
           "rectification_list", "rectification_zones", "write_rectification",
           "xml_text", "fit_cell", "EXCEL_CELL_LIMIT"]
