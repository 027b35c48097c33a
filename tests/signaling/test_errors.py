"""The error tree holds: every exception class the project defines is drawn in signaling/errors.py
and derives from KiosklinkError under the parent the drawing shows; close codes come from their
constants (issue #10)."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from signaling import errors

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("signaling", "rtc", "kiosk", "agent_console", "kiosklink")


def drawn_tree() -> dict[str, str]:
    """Each class name in the docstring's drawing and the name of its parent."""
    parents: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    assert errors.__doc__ is not None
    for line in errors.__doc__.splitlines():
        found = re.match(r"^(\s*)((?:[│ ]   )*)(?:[├└]── )?([A-Z]\w+)(?:\s|$)", line)
        if not found or not line.startswith("    "):
            continue
        depth = (len(found.group(1)) + len(found.group(2))) // 4
        depth += 1 if re.search(r"[├└]── ", line) else 0
        name = found.group(3)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            parents[name] = stack[-1][1]
        stack.append((depth, name))
    return parents


def project_exception_classes() -> list[type[BaseException]]:
    """Every class defined in the project's packages that is an exception, found from the source
    (so a new module is walked without being listed) and checked by importing it."""
    candidates: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.bases}
            if names:
                dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                candidates[dotted.removesuffix(".__init__")] = names
    found: list[type[BaseException]] = []
    for module_name, names in candidates.items():
        module = importlib.import_module(module_name)
        for name in sorted(names):
            cls = getattr(module, name, None)
            if not (isinstance(cls, type) and issubclass(cls, BaseException)):
                continue
            if cls.__module__ == module_name:
                found.append(cls)
    return found


def test_every_project_exception_is_in_the_drawn_tree() -> None:
    drawn = drawn_tree()
    classes = project_exception_classes()
    names = {cls.__name__ for cls in classes}
    assert {"Conflict", "NotFound", "NotConnected", "LoginFailed", "UnknownFault"} <= names
    for cls in classes:
        assert issubclass(cls, errors.KiosklinkError), f"{cls.__module__}.{cls.__name__}"
        if cls is errors.KiosklinkError:
            continue
        assert cls.__name__ in drawn, f"{cls.__module__}.{cls.__name__} is not drawn in errors.py"
        parent = next(b for b in cls.__mro__[1:] if issubclass(b, errors.KiosklinkError))
        assert drawn[cls.__name__] == parent.__name__, (cls, drawn[cls.__name__])
    drawn_only = set(drawn) - names - {"KiosklinkError"}
    assert not drawn_only, f"drawn in errors.py but defined nowhere: {drawn_only}"


@pytest.mark.parametrize("package", PACKAGES)
def test_close_codes_come_from_their_constants(package: str) -> None:
    """No literal WebSocket close code in a close() call or a close-code comparison."""
    literal = re.compile(
        r"(close\([^)]*\b|code\s*[=!]=\s*|code=)(1000|1001|1008|1009|1011|40\d\d)\b"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.name != "errors.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert not offenders, offenders
