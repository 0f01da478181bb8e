"""Every stored value has its Dutch label, and the timeline speaks Dutch."""

from __future__ import annotations

from onderhandeling.domain.values import AmendmentOutcome, GoalStatus, MeetingKind, Stance
from onderhandeling.dutch.labels import (
    MEETING_KIND_LABELS,
    OUTCOME_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
)
from onderhandeling.dutch.timeline import sentence
from onderhandeling.readmodel import goal_history
from onderhandeling.service import Negotiations
from tests.support.negotiation_builder import DAY, build_small


def test_every_domain_value_has_a_dutch_label() -> None:
    """A new stance, status, outcome or meeting kind cannot reach the interface unlabelled."""
    assert set(STANCE_LABELS) == {s.value for s in Stance}
    assert set(STATUS_LABELS) == {s.value for s in GoalStatus}
    assert {k for k in OUTCOME_LABELS if k} == {o.value for o in AmendmentOutcome}
    assert set(MEETING_KIND_LABELS) == {k.value for k in MeetingKind}


def test_timeline_texts_use_dutch_labels(app: Negotiations) -> None:
    """Status changes and amendment outcomes read in Dutch in a goal's history."""
    small = build_small(app)
    app.change_goal_status(small.goal, "agreed", "akkoord bereikt", DAY, small.me)
    amendment = app.propose_amendment(small.goal, small.job, "beter", DAY, small.me, text="Nieuw")
    app.decide_amendment(small.goal, amendment, "rejected", DAY, small.me, reason="nee")
    summaries = " ".join(sentence(e) for e in goal_history(app, small.goal)["entries"])
    assert "overeengekomen" in summaries and "verworpen" in summaries
    assert "agreed" not in summaries and "rejected" not in summaries


def test_roles_and_confidentiality_have_dutch_labels() -> None:
    """A party's role and a fact's confidentiality are said in Dutch, never as stored."""
    from onderhandeling.domain.values import Confidentiality, Role
    from onderhandeling.dutch.labels import ROLE_LABELS
    from onderhandeling.web.pages.presenting import CONFIDENTIALITY_LABELS

    assert set(ROLE_LABELS) == {r.value for r in Role}
    assert set(CONFIDENTIALITY_LABELS) == {c.value for c in Confidentiality}


def test_timeline_names_parties_and_roles_in_dutch() -> None:
    """A joined party is named by the name given and its role in Dutch."""
    entry = {
        "kind": "party_joined",
        "party_code": "INSPECTIE",
        "details": {"role": "adviser"},
    }
    assert sentence(entry) == "INSPECTIE neemt deel als adviseur"
    assert sentence(entry, {"INSPECTIE": "Inspectie"}) == "Inspectie neemt deel als adviseur"
    logged = {
        "kind": "meeting_logged",
        "title": "Bilateraal",
        "details": {"meeting_kind": "bilateraal", "parties": ["MBORAAD", "JOB"]},
    }
    assert sentence(logged, {"MBORAAD": "MBO Raad"}).endswith("met MBO Raad, JOB")


def test_party_short_names_come_from_their_names() -> None:
    """A code that is no name gives way to the part of the name it abbreviates."""
    from onderhandeling.dutch.parties import party_label, short_name

    assert short_name("MBORAAD", "MBO Raad") == "MBO Raad"
    assert short_name("VNONCW", "VNO-NCW / MKB-Nederland") == "VNO-NCW"
    assert short_name("AOB", "Algemene Onderwijsbond (AOb)") == "AOb"
    assert short_name("INSPECTIE", "Inspectie van het Onderwijs") == "Inspectie"
    assert short_name("JOB", "Jongeren Organisatie Beroepsonderwijs") == "JOB"
    assert short_name("X", "") == "X"
    assert party_label("JOB", "Jongeren Organisatie Beroepsonderwijs") == (
        "JOB (Jongeren Organisatie Beroepsonderwijs)"
    )
    assert party_label("INSPECTIE", "Inspectie van het Onderwijs") == (
        "Inspectie van het Onderwijs"
    )
    assert party_label("AOB", "Algemene Onderwijsbond (AOb)") == "Algemene Onderwijsbond (AOb)"
