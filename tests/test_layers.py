"""Dependencies point one way: the domain imports only the standard library and eventsourcing."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

DOMAIN = Path(__file__).parent.parent / "onderhandeling" / "domain"


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_domain_imports_only_stdlib_eventsourcing_and_itself() -> None:
    """No web, database or other third-party import creeps into the domain."""
    allowed = set(sys.stdlib_module_names) | {"eventsourcing", "onderhandeling"}
    for path in DOMAIN.glob("*.py"):
        assert imported_roots(path) <= allowed, path.name


def test_domain_imports_no_other_part_of_the_application() -> None:
    """Within the project the domain imports only the domain."""
    for path in DOMAIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "onderhandeling"
            ):
                assert (node.module or "").startswith("onderhandeling.domain"), path.name


def test_event_bodies_use_no_clock_or_random_ids() -> None:
    """@event methods are replayed forever, so they must not read clocks or make uuids."""
    forbidden = {"uuid4", "now", "today", "utcnow", "random", "time"}
    # Methods turned into events elsewhere: `_applied = event("Name")(Mixin._applied)`.
    wrapped = {
        node.args[0].attr
        for path in DOMAIN.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Call)
        and getattr(node.func.func, "id", "") == "event"
        and node.args
        and isinstance(node.args[0], ast.Attribute)
    }
    assert "_amendment_decided" in wrapped
    for path in DOMAIN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorated = node.name in wrapped or any(
                isinstance(d, ast.Call) and getattr(d.func, "id", "") == "event"
                for d in node.decorator_list
            )
            if not decorated:
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    name = getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                    assert name not in forbidden, f"{path.name}:{node.name} calls {name}"
