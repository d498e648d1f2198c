"""Rule documentation generated from the rule classes (``checker rules``, ``checker rule CODE``).

Everything here is read from the registered classes: code, name, category, default severity and
the docstring (What it flags / Why it matters / Example). Nothing is written twice.
"""
from __future__ import annotations

import difflib
import importlib
import pkgutil

from .base import REGISTRY, Rule


def load_rules() -> dict[str, type[Rule]]:
    """Import every rule family and return the registry (code -> rule class).

    ``checker.rules`` imports every family module; while that package has no ``__init__`` (a
    namespace package), the modules found in its folder are imported one by one instead.
    """
    pkg = importlib.import_module("checker.rules")
    if getattr(pkg, "__file__", None) is None:  # namespace package: no __init__ importing families
        for mod in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
            if not mod.name.startswith("_") and mod.name not in ("base", "docs"):
                importlib.import_module(f"checker.rules.{mod.name}")
    return REGISTRY


def rules_table(width: int | None = None) -> str:
    """One aligned line per registered rule: code, name, category, default severity, summary.

    ``width`` truncates each line to that many characters (with "…"); None keeps whole lines.
    """
    reg = load_rules()
    rows = [("CODE", "NAME", "CATEGORY", "SEVERITY", "WHAT IT FLAGS")]
    rows += [(c, cls.name, cls.category, str(cls.severity), cls.summary())
             for c, cls in sorted(reg.items())]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        line = "  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4]
        line = line.rstrip()
        if width and len(line) > width:
            line = line[:max(width - 1, 0)] + "…"
        lines.append(line)
    return "\n".join(lines) + "\n"


def find_rule(code_or_name: str) -> type[Rule]:
    """The rule with this code (any case) or kebab-case name; KeyError with a suggestion otherwise."""
    reg = load_rules()
    key = code_or_name.strip()
    if key.upper() in reg:
        return reg[key.upper()]
    by_name = {cls.name: cls for cls in reg.values()}
    if key.lower() in by_name:
        return by_name[key.lower()]
    guesses = difflib.get_close_matches(key.upper(), list(reg), n=3, cutoff=0.6)
    guesses += [by_name[n].code for n in difflib.get_close_matches(key.lower(), list(by_name), n=3,
                                                                     cutoff=0.6)]
    guesses = list(dict.fromkeys(guesses))
    hint = f" (did you mean {', '.join(guesses)}?)" if guesses else " (run `checker rules` for the list)"
    raise KeyError(f"unknown rule {code_or_name!r}{hint}")


def rule_doc(code: str) -> str:
    """The full documentation of one rule: a header line, then its docstring."""
    cls = find_rule(code)
    header = f"{cls.code} {cls.name} (category: {cls.category}, default severity: {cls.severity})"
    return f"{header}\n{'=' * len(header)}\n\n{cls.doc()}\n"
