"""Sentence alignment of whole documents (see ``aligner``)."""
from .aligner import align  # noqa: F401
