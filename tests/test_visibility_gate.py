"""Who may see internal content is decided in one place: readmodel/gate.py (and the Reader
it asks, domain/visibility.py). A check written anywhere else is a place to forget."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "onderhandeling"
GATE = {PACKAGE / "readmodel" / "gate.py", PACKAGE / "domain" / "visibility.py"}


def sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if p not in GATE]


def test_no_visibility_decision_outside_the_gate() -> None:
    """No module but the gate asks whether a reader may see something, or spells the
    condition that hides internal rows."""
    forbidden = re.compile(r"\.may_see\(|sees_internal|<> ?'internal'|!= ?\"internal\"")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if forbidden.search(line)
    ]
    assert found == []


def test_the_confidentiality_values_are_spelt_once() -> None:
    """The strings 'internal' and 'shared' are written only in the Confidentiality enum."""
    literal = re.compile(r"""(?<![\w-])["'](internal|shared)["']""")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "values.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(line)
    ]
    assert found == [], "\n".join(found)
