"""The timeline read model holds data (a kind code and its facts, ISO dates); the Dutch
sentences, Dutch dates and names of causes are rendered from it by dutch/timeline.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from uuid import UUID

from onderhandeling.domain.visibility import MINISTRY
from onderhandeling.dutch.timeline import SENTENCES, cause_label, cause_text, sentence
from onderhandeling.readmodel import changes_since
from onderhandeling.readmodel.schema import TABLES
from onderhandeling.service import Negotiations
from onderhandeling.service.transfer import import_events

DATA = Path(__file__).parent / "data"
DEMO = DATA / "demo-2026-12-01-meetings-hold-positions.jsonl"
DEMO_STATE = DATA / "demo-2026-12-01-meetings-hold-positions.state.json"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def entry(kind: str, **facts: Any) -> dict[str, Any]:
    fields = ("goal_code", "party_code", "title", "version", "on_date")
    return {"kind": kind, **{f: None for f in fields}, "details": {}, **facts}


def test_the_timeline_table_has_no_sentences_and_wordings_no_markup() -> None:
    """No column of the read models holds a sentence, a Dutch label or diff markup."""
    assert "summary" not in TABLES["proj_timeline"]
    assert "kind TEXT NOT NULL" in TABLES["proj_timeline"]
    assert "diff_html" not in TABLES["proj_wording_versions"]
    assert "cause_label" not in TABLES["proj_wording_versions"]


def test_every_entry_of_the_demo_is_data_with_a_dutch_sentence(app: Negotiations) -> None:
    """Each timeline entry of the demo has a kind with a Dutch sentence, none with an ISO
    date in it, and its facts keep dates as ISO text."""
    import_events(app, DEMO)
    agreement = UUID(json.loads(DEMO_STATE.read_text(encoding="utf-8"))["agreement"]["id"])
    changes = changes_since(app, agreement, "1900-01-01", MINISTRY)
    entries = changes["agreement"] + [e for g in changes["goals"] for e in g["entries"]]
    assert entries and all("summary" not in e for e in entries)
    assert {e["kind"] for e in entries} <= set(SENTENCES)
    for each in entries:
        said = sentence(each)
        assert said and not ISO_DATE.search(said), said
    planned = [e for e in entries if e["kind"] == "milestone_planned"]
    assert planned and all(ISO_DATE.fullmatch(e["on_date"]) for e in planned)


def test_a_milestone_sentence_gives_its_date_in_dutch() -> None:
    """A planned or moved milestone names its date as "1 juni 2023", not 2023-06-01."""
    planned = entry("milestone_planned", title="Kamerbrief", on_date="2023-06-01")
    assert sentence(planned) == "Mijlpaal Kamerbrief gepland op 1 juni 2023"
    moved = entry(
        "milestone_moved", title="Kamerbrief", on_date="2023-07-03", details={"reason": "reces"}
    )
    assert sentence(moved) == "Mijlpaal Kamerbrief verplaatst naar 3 juli 2023: reces"


def test_a_position_sentence_uses_the_dutch_stance() -> None:
    """A recorded position reads with its party, goal, version and Dutch stance."""
    recorded = entry(
        "position_corrected",
        goal_code="K1",
        party_code="JOB",
        version=2,
        details={"stance": "objects", "summary": "Te vaag"},
    )
    assert sentence(recorded) == "JOB corrigeert standpunt op K1 (versie 2): bezwaar — Te vaag"


def test_a_position_without_a_summary_ends_with_its_stance() -> None:
    """A stance logged without a summary (the meeting grid) ends the sentence: no dash."""
    recorded = entry(
        "position_recorded",
        goal_code="K1",
        party_code="JOB",
        version=1,
        details={"stance": "supports", "summary": ""},
    )
    assert sentence(recorded).endswith("(versie 1): steunt")


def test_an_unknown_kind_is_shown_by_its_code() -> None:
    """An entry of a kind this code does not know yet still shows, as its code."""
    assert sentence(entry("something_new")) == "something_new"


def test_a_cause_is_named_once_with_a_dutch_date() -> None:
    """A decision is named "besluit 34313238: Salarismix" (not "besluit ‘besluit …’") and a
    meeting with its date in Dutch; a hidden cause says only that it is internal."""
    decision = {"type": "decision", "title": "Salarismix", "reference": "34313238"}
    assert cause_text({"version": 3, "cause": decision}) == "besluit 34313238: Salarismix"
    meeting = {"type": "meeting", "title": "Ambtelijk overleg", "date": "2022-10-14"}
    assert cause_label(meeting) == "overleg 'Ambtelijk overleg' (14 oktober 2022)"
    hidden = {"type": "decision", "hidden": True}
    assert cause_text({"version": 2, "cause": hidden}) == "besluit (intern)"
    assert cause_text({"version": 1, "cause": {"type": "none"}}) == "eerste tekst"
