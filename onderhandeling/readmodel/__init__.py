"""Read models kept up to date from the event log, and the queries that read them.

The projector (projector.py) pulls the notification log into SQL tables (schema.py) in the
same database as the events; every query catches up first, then reads in one transaction and
filters what the reader may see once, in SQL. Each query takes the application object and a
``Reader`` (onderhandeling.domain.visibility) and returns plain JSON-ready data.
"""

from onderhandeling.readmodel.projector import Projector, catch_up, projector_of, rebuild
from onderhandeling.readmodel.read_common import Clock, read_models
from onderhandeling.readmodel.read_compare import NOW, changes_since, compare_baselines
from onderhandeling.readmodel.read_history import (
    blame,
    diff_versions,
    goal_history,
    wording_versions,
)
from onderhandeling.readmodel.read_lists import (
    agreement_detail,
    last_meeting_of_kind,
    list_agreements,
    list_decisions,
    list_discussion_points,
    list_meeting_titles,
    list_meetings,
    list_parties,
)
from onderhandeling.readmodel.read_state import agreement_state

__all__ = [
    "NOW",
    "Clock",
    "Projector",
    "agreement_detail",
    "agreement_state",
    "blame",
    "catch_up",
    "changes_since",
    "compare_baselines",
    "diff_versions",
    "goal_history",
    "last_meeting_of_kind",
    "list_agreements",
    "list_decisions",
    "list_discussion_points",
    "list_meeting_titles",
    "list_meetings",
    "list_parties",
    "projector_of",
    "read_models",
    "rebuild",
    "wording_versions",
]
