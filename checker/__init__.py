"""checker: a multilingual translation-consistency checker.

Public API::

    import checker
    report = checker.check(source_text, translation_text, source_lang="fr", target_lang="en")
    for finding in report.findings: ...
"""
from __future__ import annotations

__version__ = "0.1.0"


def check(source: str, translation: str, source_lang: str | None = None,
          target_lang: str | None = None, presegmented: bool = False, *,
          doc_id: str = "document", source_name: str = "", target_name: str = "",
          settings=None, encoder=None):
    """Check one translation against its source; returns a ``Report`` with one document."""
    from .pipeline import check_pair, make_report

    result = check_pair(source, translation, source_lang, target_lang, presegmented,
                        doc_id=doc_id, source_name=source_name, target_name=target_name,
                        settings=settings, encoder=encoder)
    return make_report([result], settings=settings, encoder=encoder)
