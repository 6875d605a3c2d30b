"""The audit report: :func:`audit` builds an :class:`AuditReport`, which writes Excel,
HTML, JSON and CSV files that are safe to open and share."""

from .anonymize import anonymize_graph, new_key, pseudonyms
from .audit import audit, audit_date
from .excel import EXCEL_MAX_ROWS, ExcelRowLimitError
from .model import FORMATS, AuditReport
from .summary import SUMMARY_COLUMNS

__all__ = ["audit", "audit_date", "AuditReport", "FORMATS", "SUMMARY_COLUMNS",
           "ExcelRowLimitError", "EXCEL_MAX_ROWS", "pseudonyms", "new_key",
           "anonymize_graph"]
