"""The read-model tables. Dates are ISO text (2022-10-14) and recorded times fixed-width UTC
text (2022-10-14T09:30:00.000000Z), so both clocks compare as plain strings in either dialect.

Every row that can be internal has a ``confidentiality`` column; the query layer filters on it.
``seq`` is the notification id of the event that made the row: the recording order.
"""

from __future__ import annotations

from onderhandeling.readmodel.sql import Sql

# Bump when a table changes: an older schema is dropped and rebuilt from the log.
SCHEMA_VERSION = 10
TRACKING = "read_models"

# Columns shared by rows made from one event.
_WHEN = "effective_date TEXT, recorded_at TEXT NOT NULL, recorded_by TEXT, seq BIGINT NOT NULL"

TABLES: dict[str, str] = {
    "proj_persons": "person_id TEXT PRIMARY KEY, name TEXT NOT NULL, erased INTEGER NOT NULL",
    "proj_parties": "party_id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, "
    "kind TEXT NOT NULL",
    "proj_agreements": "agreement_id TEXT PRIMARY KEY, title TEXT NOT NULL, "
    "term_start TEXT NOT NULL, term_end TEXT NOT NULL, signed_on TEXT, " + _WHEN,
    "proj_priorities": "agreement_id TEXT NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL, "
    + _WHEN
    + ", PRIMARY KEY (agreement_id, key)",
    "proj_participants": "agreement_id TEXT NOT NULL, party_id TEXT NOT NULL, role TEXT NOT NULL, "
    + _WHEN
    + ", PRIMARY KEY (agreement_id, party_id)",
    "proj_milestones": "agreement_id TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, "
    "planned_on TEXT NOT NULL, moves_json TEXT NOT NULL, "
    + _WHEN
    + ", PRIMARY KEY (agreement_id, key)",
    "proj_signatures": "agreement_id TEXT NOT NULL, party_id TEXT NOT NULL, signer TEXT, "
    + _WHEN
    + ", PRIMARY KEY (agreement_id, party_id)",
    "proj_baselines": "agreement_id TEXT NOT NULL, name TEXT NOT NULL, "
    + _WHEN
    + ", PRIMARY KEY (agreement_id, name)",
    "proj_baseline_versions": "agreement_id TEXT NOT NULL, name TEXT NOT NULL, "
    "goal_id TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (agreement_id, name, goal_id)",
    "proj_goals": "goal_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, code TEXT NOT NULL, "
    "priority TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, "
    "current_version INTEGER NOT NULL, frozen_on TEXT, indicators_json TEXT NOT NULL, "
    "actions_json TEXT NOT NULL, " + _WHEN,
    "proj_goal_statuses": "goal_id TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, "
    + _WHEN
    + ", PRIMARY KEY (seq)",
    # Small columns first, then the large ones in the order readers need them: a row is ~10 KB,
    # and SQLite walks a row's overflow pages up to the last column a query asks for, so the
    # history (diffs) never reads the provenance stored after them.
    # The cause is named by its facts (a meeting's title and date, a decision's reference and
    # title, an amendment's party); diff_json is the word diff against the version before as
    # [[kind, text], …] with kind "equal", "insert" or "delete".
    "proj_wording_versions": "goal_id TEXT NOT NULL, version INTEGER NOT NULL, "
    "based_on INTEGER, reason TEXT NOT NULL, kind TEXT NOT NULL, "
    "cause_type TEXT NOT NULL, cause_id TEXT, cause_party_id TEXT, cause_title TEXT, "
    "cause_reference TEXT, cause_date TEXT, "
    "cause_confidentiality TEXT NOT NULL, " + _WHEN + ", diff_json TEXT NOT NULL, "
    "text TEXT NOT NULL, provenance_json TEXT NOT NULL, "
    "PRIMARY KEY (goal_id, version)",
    # One row per version of a position's record. A position is withdrawn on the recorded
    # clock only: a correction or retraction fixes the record (what we know), it does not say
    # the party changed its mind on some date. When its meeting's date or confidentiality is
    # corrected, its row is closed (withdrawn_at) and a new row ("position:seq") opens, so
    # "as known at" a moment before the correction still finds the original.
    # holder_id is the aggregate whose events record the position: its meeting, or its goal
    # for positions recorded before meetings held them. own_confidentiality is as recorded;
    # confidentiality also counts the meeting's (a position in an internal meeting is internal).
    "proj_positions": "row_id TEXT PRIMARY KEY, position_id TEXT NOT NULL, "
    "holder_id TEXT NOT NULL, goal_id TEXT NOT NULL, "
    "agreement_id TEXT NOT NULL, party_id TEXT NOT NULL, stance TEXT NOT NULL, "
    "summary TEXT NOT NULL, conditions TEXT NOT NULL, meeting_id TEXT, "
    "wording_version INTEGER NOT NULL, own_confidentiality TEXT NOT NULL, "
    "confidentiality TEXT NOT NULL, corrects TEXT, reason TEXT NOT NULL, "
    "replaced_by TEXT, withdrawn_at TEXT, retracted INTEGER NOT NULL, "
    "retract_reason TEXT NOT NULL, " + _WHEN,
    # The standing position per goal, party and audience (see current_positions.py).
    "proj_current_positions": "goal_id TEXT NOT NULL, party_id TEXT NOT NULL, "
    "audience TEXT NOT NULL, agreement_id TEXT NOT NULL, position_id TEXT NOT NULL, "
    "row_id TEXT NOT NULL, stance TEXT NOT NULL, summary TEXT NOT NULL, "
    "conditions TEXT NOT NULL, meeting_id TEXT, wording_version INTEGER NOT NULL, "
    "effective_date TEXT, seq BIGINT NOT NULL, "
    "PRIMARY KEY (goal_id, party_id, audience)",
    "proj_amendments": "amendment_id TEXT PRIMARY KEY, goal_id TEXT NOT NULL, "
    "party_id TEXT NOT NULL, reason TEXT NOT NULL, text TEXT, quote TEXT, replacement TEXT, "
    "based_on INTEGER NOT NULL, outcome TEXT, decided_on TEXT, decided_at TEXT, "
    "decision_reason TEXT NOT NULL, adopted_text TEXT, resulting_version INTEGER, " + _WHEN,
    "proj_passages": "passage_id TEXT PRIMARY KEY, goal_id TEXT NOT NULL, quote TEXT NOT NULL, "
    "note TEXT NOT NULL, aan_zet_json TEXT NOT NULL, version INTEGER NOT NULL, "
    "occurrence INTEGER NOT NULL, "
    "resolved_on TEXT, resolved_at TEXT, resolution TEXT NOT NULL, orphaned_version INTEGER, "
    "orphaned_on TEXT, orphaned_at TEXT, " + _WHEN,
    # Meetings and decisions as they stand now (corrected); every version of their facts is
    # kept in the *_versions tables, for "as known at" and for the history of corrections.
    "proj_meetings": "meeting_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, "
    "title TEXT NOT NULL, kind TEXT NOT NULL, parties_json TEXT NOT NULL, "
    "attendees_json TEXT NOT NULL, summary TEXT NOT NULL, confidentiality TEXT NOT NULL, "
    "corrections INTEGER NOT NULL, withdrawn_at TEXT, withdraw_reason TEXT NOT NULL, " + _WHEN,
    "proj_meeting_versions": "meeting_id TEXT NOT NULL, title TEXT NOT NULL, "
    "kind TEXT NOT NULL, parties_json TEXT NOT NULL, summary TEXT NOT NULL, "
    "confidentiality TEXT NOT NULL, reason TEXT NOT NULL, superseded_at TEXT, "
    + _WHEN
    + ", PRIMARY KEY (meeting_id, seq)",
    "proj_decisions": "decision_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, "
    "decided_by TEXT NOT NULL, reference TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, "
    "option_json TEXT, confidentiality TEXT NOT NULL, corrections INTEGER NOT NULL, " + _WHEN,
    "proj_decision_versions": "decision_id TEXT NOT NULL, reference TEXT NOT NULL, "
    "title TEXT NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL, superseded_at TEXT, "
    + _WHEN
    + ", PRIMARY KEY (decision_id, seq)",
    "proj_decision_goals": "decision_id TEXT NOT NULL, goal_id TEXT NOT NULL, "
    "PRIMARY KEY (decision_id, goal_id)",
    "proj_discussion_points": "point_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, "
    "goal_id TEXT, title TEXT NOT NULL, options_json TEXT NOT NULL, "
    "confidentiality TEXT NOT NULL, chosen_option TEXT, chosen_decision_id TEXT, "
    "chosen_on TEXT, chosen_at TEXT, " + _WHEN,
    "proj_preferences": "point_id TEXT NOT NULL, party_id TEXT NOT NULL, option_key TEXT NOT NULL, "
    "reason TEXT NOT NULL, " + _WHEN + ", PRIMARY KEY (seq)",
    # What happened as data, never as a sentence: kind is a stable English code
    # ("milestone_moved"); goal_code, party_code, title (of the subject: a goal, meeting,
    # milestone…), version (of a wording) and on_date (a date the entry names, ISO) are the
    # facts most entries name, details_json the rest. The web and the CLI say it in Dutch.
    # struck_at: when the fact of an entry was taken back (a retracted position, a withdrawn
    # meeting): the history keeps showing it, marked; "what changed" leaves it out.
    "proj_timeline": "seq BIGINT PRIMARY KEY, agreement_id TEXT, goal_id TEXT, "
    "aggregate_id TEXT NOT NULL, event TEXT NOT NULL, kind TEXT NOT NULL, effective_date TEXT, "
    "recorded_at TEXT NOT NULL, recorded_by TEXT, goal_code TEXT, party_code TEXT, title TEXT, "
    "version INTEGER, on_date TEXT, "
    "substantive INTEGER NOT NULL, confidentiality TEXT NOT NULL, details_json TEXT NOT NULL, "
    "struck_at TEXT",
    # Further goals an entry is about, beyond its goal_id (a meeting's correction concerns
    # every goal it has positions on).
    "proj_timeline_goals": "seq BIGINT NOT NULL, goal_id TEXT NOT NULL, PRIMARY KEY (goal_id, seq)",
}

INDEXES = [
    "CREATE INDEX IF NOT EXISTS proj_goals_agreement ON proj_goals (agreement_id)",
    "CREATE INDEX IF NOT EXISTS proj_positions_id ON proj_positions (position_id)",
    "CREATE INDEX IF NOT EXISTS proj_positions_meeting ON proj_positions (meeting_id)",
    # A party's positions on a goal by date: the goal page, the standing position, and the
    # state on another date (one index walk per goal and party). The agreement follows from
    # the goal, so it need not lead (one index fewer to keep up on every position).
    "CREATE INDEX IF NOT EXISTS proj_positions_goal ON proj_positions "
    "(goal_id, party_id, effective_date, seq)",
    "CREATE INDEX IF NOT EXISTS proj_current_positions_agreement ON proj_current_positions "
    "(agreement_id, audience)",
    "CREATE INDEX IF NOT EXISTS proj_statuses_goal ON proj_goal_statuses (goal_id)",
    "CREATE INDEX IF NOT EXISTS proj_amendments_goal ON proj_amendments (goal_id)",
    "CREATE INDEX IF NOT EXISTS proj_passages_goal ON proj_passages (goal_id)",
    "CREATE INDEX IF NOT EXISTS proj_timeline_goal ON proj_timeline (goal_id, effective_date)",
    # Ordered like "the newest changes since a date" and covering its count, so the dashboard
    # reads 50 index entries and counts without visiting the rows.
    "CREATE INDEX IF NOT EXISTS proj_timeline_agreement ON proj_timeline "
    "(agreement_id, effective_date, seq, confidentiality, struck_at)",
    "CREATE INDEX IF NOT EXISTS proj_timeline_aggregate ON proj_timeline (aggregate_id)",
    "CREATE INDEX IF NOT EXISTS proj_preferences_point ON proj_preferences (point_id)",
]


def create_tables(sql: Sql) -> None:
    """Create what is missing; an outdated schema is dropped first (and so rebuilt).

    A complete schema is left alone, without running any DDL: on PostgreSQL even CREATE INDEX
    IF NOT EXISTS takes a share lock on its table, which deadlocks against a concurrent
    catch-up that is inserting rows."""
    sql.serialize_ddl()
    version = None
    if sql.table_exists("proj_tracking"):
        version = sql.scalar("SELECT schema_version FROM proj_tracking WHERE name = ?", [TRACKING])
    else:
        sql.execute(
            "CREATE TABLE proj_tracking (name TEXT PRIMARY KEY, "
            "position BIGINT NOT NULL, schema_version INTEGER NOT NULL)"
        )
    if version == SCHEMA_VERSION:
        return
    if version is not None:
        drop_tables(sql)
    for table, columns in TABLES.items():
        sql.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
    for statement in INDEXES:
        sql.execute(statement)
    # Written last, in the same transaction: its version says every table above exists.
    sql.execute(
        "INSERT INTO proj_tracking (name, position, schema_version) VALUES (?, 0, ?) "
        "ON CONFLICT (name) DO UPDATE SET schema_version = EXCLUDED.schema_version",
        [TRACKING, SCHEMA_VERSION],
    )


def drop_tables(sql: Sql) -> None:
    """Drop every read model and set the position to zero, so the next catch-up rebuilds.

    The tracking row is updated rather than deleted: a concurrent catch-up waiting for its
    lock must find the row again, not a gap."""
    for table in TABLES:
        sql.execute(f"DROP TABLE IF EXISTS {table}")
    # Version 0: create_tables must make the tables again.
    sql.execute(
        "UPDATE proj_tracking SET position = 0, schema_version = 0 WHERE name = ?", [TRACKING]
    )
