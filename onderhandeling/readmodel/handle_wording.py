"""Projection of the wording side of a goal: each version with its word diff against the
previous one and the provenance of every span precomputed (so blame of any version is a
lookup), and the amendments and open passages about the wording."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from onderhandeling.readmodel.events import (
    Batch,
    Ctx,
    Handler,
    day,
    goal_changed,
    goal_timeline,
    ident,
    party_goal_timeline,
    to_json,
)
from onderhandeling.readmodel.gate import SHARED
from onderhandeling.text.diff import DiffOp, word_diff
from onderhandeling.text.provenance import Span, diff_and_provenance, first_provenance


def spans_to_json(spans: list[Span]) -> str:
    return json.dumps([[s.text, s.version] for s in spans], ensure_ascii=False)


def spans_from_json(text: str) -> list[Span]:
    return [Span(t, int(v)) for t, v in json.loads(text)]


def _previous_wording(batch: Batch, goal_id: str, version: int) -> tuple[str, list[Span]]:
    cached = batch.wordings.get(goal_id)
    if cached is not None and cached[0] == version:
        return cached[1], cached[2]
    row = batch.sql.one(
        "SELECT text, provenance_json FROM proj_wording_versions WHERE goal_id = ? AND version = ?",
        [goal_id, version],
    )
    if row is None:
        return "", []
    return str(row["text"]), spans_from_json(row["provenance_json"])


class Cause(NamedTuple):
    """What caused a revision, by its facts: the web and the CLI name it in Dutch."""

    party_id: str | None = None
    title: str | None = None
    reference: str | None = None
    date: str | None = None
    confidentiality: str = SHARED


def _cause(batch: Batch, cause_type: str, cause_id: str | None) -> Cause:
    if cause_id is None or cause_type == "none":
        return Cause()
    sql = batch.sql
    if cause_type == "amendment":
        party = sql.scalar(
            "SELECT party_id FROM proj_amendments WHERE amendment_id = ?", [cause_id]
        )
        return Cause(party_id=ident(party))
    if cause_type == "meeting":
        row = sql.one(
            "SELECT title, effective_date, confidentiality FROM proj_meetings WHERE meeting_id = ?",
            [cause_id],
        )
        if row is None:
            return Cause()
        return Cause(
            title=row["title"], date=row["effective_date"], confidentiality=row["confidentiality"]
        )
    row = sql.one(
        "SELECT reference, title, confidentiality FROM proj_decisions WHERE decision_id = ?",
        [cause_id],
    )
    if row is None:
        return Cause()
    return Cause(
        title=row["title"], reference=row["reference"], confidentiality=row["confidentiality"]
    )


def diff_to_json(ops: list[DiffOp]) -> str:
    return to_json([[op.kind, op.text] for op in ops])


def add_version(
    batch: Batch,
    ctx: Ctx,
    goal_id: str,
    version: int,
    text: str,
    based_on: int | None,
    reason: str,
    kind: str,
    cause_type: str,
    cause_id: str | None,
) -> None:
    if version == 1:
        spans = first_provenance(text, 1)
        ops = word_diff("", text)
    else:
        # The previous wording is its spans joined: one diff gives both the ops and the spans.
        _, old_spans = _previous_wording(batch, goal_id, version - 1)
        ops, spans = diff_and_provenance(old_spans, text, version)
    batch.wordings[goal_id] = (version, text, spans)
    cause = _cause(batch, cause_type, cause_id)
    batch.sql.insert(
        "proj_wording_versions",
        {
            "goal_id": goal_id,
            "version": version,
            "text": text,
            "based_on": based_on,
            "reason": reason,
            "kind": kind,
            "cause_type": cause_type,
            "cause_id": cause_id,
            "cause_party_id": cause.party_id,
            "cause_title": cause.title,
            "cause_reference": cause.reference,
            "cause_date": cause.date,
            "cause_confidentiality": cause.confidentiality,
            "diff_json": diff_to_json(ops),
            "provenance_json": spans_to_json(spans),
            **ctx.when(),
        },
        defer=True,  # read back only through _previous_wording's query, which flushes first
    )


def _wording_revised(batch: Batch, ctx: Ctx, e: Any) -> None:
    goal_id = ctx.aggregate_id
    add_version(
        batch,
        ctx,
        goal_id,
        e.version,
        e.text,
        e.based_on,
        e.reason,
        e.kind,
        e.cause_type,
        ident(e.cause_id),
    )
    # Deferred: no other deferred statement touches proj_goals, and reads flush first.
    batch.sql.update("proj_goals", {"goal_id": goal_id}, {"current_version": e.version}, defer=True)
    for passage_id in e.orphaned_passages:
        batch.sql.update(
            "proj_passages",
            {"passage_id": passage_id},
            {
                "orphaned_version": e.version,
                "orphaned_on": ctx.effective_date,
                "orphaned_at": ctx.recorded_at,
            },
        )
    goal_timeline(
        batch,
        ctx,
        "wording_revised",
        version=e.version,
        substantive=e.kind == "substantive",
        details={
            "version": e.version,
            "kind": e.kind,
            "reason": e.reason,
            "orphaned_passages": e.orphaned_passages,
        },
    )


def _amendment_proposed(batch: Batch, ctx: Ctx, e: Any) -> None:
    batch.sql.insert(
        "proj_amendments",
        {
            "amendment_id": e.amendment_id,
            "goal_id": ctx.aggregate_id,
            "party_id": str(e.party_id),
            "reason": e.reason,
            "text": e.text,
            "quote": e.quote,
            "replacement": e.replacement,
            "based_on": e.based_on,
            "outcome": None,
            "decided_on": None,
            "decided_at": None,
            "decision_reason": "",
            "adopted_text": None,
            "resulting_version": None,
            **ctx.when(),
        },
    )
    party_goal_timeline(
        batch,
        ctx,
        "amendment_proposed",
        e.party_id,
        {"amendment_id": e.amendment_id},
        {
            "reason": e.reason,
            "quote": e.quote,
            "replacement": e.replacement,
            "text": e.text,
        },
    )


def _amendment_decided(batch: Batch, ctx: Ctx, e: Any) -> None:
    row = batch.sql.one(
        "SELECT party_id FROM proj_amendments WHERE amendment_id = ?", [e.amendment_id]
    )
    adopted = e.outcome in ("adopted", "partly_adopted")
    version = batch.goal_version(ctx.aggregate_id) + 1 if adopted else None
    batch.sql.update(
        "proj_amendments",
        {"amendment_id": e.amendment_id},
        {
            "outcome": e.outcome,
            "decided_on": ctx.effective_date,
            "decided_at": ctx.recorded_at,
            "decision_reason": e.reason,
            "adopted_text": e.adopted_text,
            "resulting_version": version,
        },
    )
    goal_timeline(
        batch,
        ctx,
        "amendment_decided",
        party_code=batch.party_code(row["party_id"] if row else None),
        version=version,
        details={"amendment_id": e.amendment_id, "outcome": e.outcome, "reason": e.reason},
    )


def _passage_marked(batch: Batch, ctx: Ctx, e: Any) -> None:
    aan_zet = [batch.party_code(p) for p in e.aan_zet]
    batch.sql.insert(
        "proj_passages",
        {
            "passage_id": e.passage_id,
            "goal_id": ctx.aggregate_id,
            "quote": e.quote,
            "note": e.note,
            "aan_zet_json": to_json([str(p) for p in e.aan_zet]),
            "version": e.version,
            # Events stored before a quote could occur more than once in a wording lack it.
            "occurrence": getattr(e, "occurrence", 1),
            "resolved_on": None,
            "resolved_at": None,
            "resolution": "",
            "orphaned_version": None,
            "orphaned_on": None,
            "orphaned_at": None,
            **ctx.when(),
        },
    )
    goal_timeline(
        batch,
        ctx,
        "passage_marked",
        version=e.version,
        details={
            "passage_id": e.passage_id,
            "quote": e.quote,
            "note": e.note,
            "aan_zet": aan_zet,
        },
    )


def _passage_resolved(batch: Batch, ctx: Ctx, e: Any) -> None:
    batch.sql.update(
        "proj_passages",
        {"passage_id": e.passage_id},
        {"resolved_on": ctx.effective_date, "resolved_at": ctx.recorded_at, "resolution": e.note},
    )
    goal_timeline(
        batch,
        ctx,
        "passage_resolved",
        details={"passage_id": e.passage_id, "note": e.note},
    )


def _wording_frozen(batch: Batch, ctx: Ctx, e: Any) -> None:
    goal_changed(batch, ctx, "wording_frozen", {"frozen_on": day(e.effective_date)})


WORDING_HANDLERS: dict[str, Handler] = {
    "WordingRevised": _wording_revised,
    "WordingFrozen": _wording_frozen,
    "AmendmentProposed": _amendment_proposed,
    "AmendmentDecided": _amendment_decided,
    "PassageMarked": _passage_marked,
    "PassageResolved": _passage_resolved,
}
