"""Dutch labels for the domain's stored values (the glossary in shared/domain.md): one list
for the CLI, the read models' timeline texts and the pages."""

from __future__ import annotations

STANCE_LABELS = {
    "supports": "steunt",
    "conditional": "steunt onder voorwaarden",
    "neutral": "neutraal",
    "objects": "bezwaar",
    "blocks": "blokkeert",
    "unknown": "onbekend",
}
STATUS_LABELS = {
    "draft": "concept",
    "in_negotiation": "in onderhandeling",
    "agreed": "overeengekomen",
    "dropped": "vervallen",
}
MEETING_KIND_LABELS = {
    "ambtelijk": "ambtelijk overleg",
    "bestuurlijk": "bestuurlijk overleg",
    "bilateraal": "bilateraal overleg",
    "begeleidingscommissie": "begeleidingscommissie",
    "schriftelijk": "schriftelijk",
}
OUTCOME_LABELS = {
    None: "nog niet besloten",
    "adopted": "overgenomen",
    "partly_adopted": "deels overgenomen",
    "rejected": "verworpen",
    "withdrawn": "ingetrokken",
}
CAUSE_LABELS = {
    "amendment": "wijzigingsvoorstel",
    "meeting": "overleg",
    "decision": "besluit",
    "none": "redactie",
}
KIND_LABELS = {"substantive": "inhoudelijk", "editorial": "redactioneel"}
ROLE_LABELS = {"signatory": "ondertekenaar", "adviser": "adviseur"}
