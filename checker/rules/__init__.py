"""Rule families. Importing this package registers every rule in ``base.REGISTRY``."""
from __future__ import annotations

import importlib

from .base import REGISTRY, Context, Rule, register, select_rules  # noqa: F401

FAMILIES = ("alignment", "numbers", "dates", "entities", "terminology", "repetition",
            "untranslated", "length")

for _name in FAMILIES:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _e:  # a family not written yet
        if _e.name != f"{__name__}.{_name}":
            raise
