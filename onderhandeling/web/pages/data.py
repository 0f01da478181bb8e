"""Page data: what the templates render, built from the service's typed queries.

Every function takes the reader and passes it on (or filters with it), so a template never
decides what a reader may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from onderhandeling.domain.visibility import Reader
from onderhandeling.dutch.parties import short_name
from onderhandeling.pictures.data import Party as PictureParty
from onderhandeling.service import (
    COUNT_CAP,
    AgreementOut,
    Negotiations,
    OverviewOut,
    RecentMeeting,
    in_one_snapshot,
)
from onderhandeling.web.pages import dashboard_pictures as pictured
from onderhandeling.web.pages.dashboard_changes import Summary, summarise
from onderhandeling.web.pages.dashboard_pictures import Milestone, Picture, Span

# The dashboard lists the newest changes since the last committee meeting, and counts the rest;
# it sums up (per goal) the newest CHANGES_SUMMARISED of them.
CHANGES_SHOWN = 50
CHANGES_SUMMARISED = 200


def party_codes(service: Negotiations, agreement: dict[str, Any]) -> dict[str, str]:
    """Party id (text) → code, for the agreement's participants."""
    return {p["id"]: p["code"] for p in agreement["parties"]}


def meeting_titles(
    service: Negotiations, reader: Reader, meeting_ids: set[str]
) -> dict[str, dict[str, Any]]:
    """Meeting id → title and kind, for the given meetings this reader may see."""
    titles = service.meeting_titles(reader, meeting_ids)
    return {key: title.as_dict() for key, title in titles.items()}


def discussion_points(
    service: Negotiations, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
) -> list[dict[str, Any]]:
    """The discussion points this reader may see; an internal decision's choice stays hidden."""
    return [p.as_dict() for p in service.discussion_points(agreement_id, reader, goal_id)]


def decisions(
    service: Negotiations, agreement_id: UUID, reader: Reader, goal_id: UUID | None = None
) -> list[dict[str, Any]]:
    """The decisions this reader may see, newest first."""
    return [d.as_dict() for d in service.decision_list(agreement_id, reader, goal_id)]


@dataclass(frozen=True)
class SupportOverTime:
    """The picture of support per priority over time, on the dashboard's date."""

    agreement: AgreementOut
    as_of: date | None
    known: date | None
    picture: Picture


@dataclass(frozen=True)
class Dashboard:
    """The steering committee's overview of one agreement on a date (default: today)."""

    agreement: AgreementOut
    state: OverviewOut
    day: date
    as_of: date | None
    known: date | None
    last_committee: RecentMeeting | None
    changes: Summary
    more_changes: int
    more_changes_capped: bool
    milestones: list[Milestone]
    span: tuple[date, date]
    parties: tuple[PictureParty, ...]
    heat_map: Picture
    consensus_bars: list[Picture]
    burndown: Picture
    milestone_line: Picture


def milestones_on(agreement: AgreementOut, day: date, as_of: date | None) -> list[Milestone]:
    """The milestones by planned date; on a past date, only the moves made by then."""
    found = []
    for milestone in agreement.milestones:
        moves = list(milestone.moves)
        planned = milestone.planned_on
        if as_of is not None:
            later = [m for m in moves if (m.get("on") or "") > as_of.isoformat()]
            moves = [m for m in moves if m not in later]
            if later:
                planned = str(later[0]["from"])
        found.append(Milestone(milestone.name, planned, moves, planned < day.isoformat()))
    return sorted(found, key=lambda m: m.planned_on)


def negotiation_span(agreement: AgreementOut, began: date | None, today: date) -> tuple[date, date]:
    """The days the date slider runs over: from the first fact (else the term's start) to
    today, or to the signing."""
    start = min(began or today, date.fromisoformat(agreement.term_start), today)
    end = date.fromisoformat(agreement.signed_on) if agreement.signed_on else today
    return start, max(start, min(end, today))


# The time lines end this long after the last fact (or the signing), not years later today.
AFTER_THE_FACTS = timedelta(days=30)


def chart_end(day: date, last_fact: date, signing: date | None) -> date:
    """The last day the time lines show: the dashboard's day, unless that lies long after
    the last fact and the signing (then a month after whichever is later)."""
    return min(day, max(last_fact, signing or last_fact) + AFTER_THE_FACTS)


@dataclass(frozen=True)
class DashboardMoment:
    """Which agreement's dashboard, for whom, and when: the state on ``as_of`` as known at the
    end of ``known`` (either default now), seen on ``today``. It keys the cached views too."""

    agreement_id: UUID
    reader: Reader
    today: date
    as_of: date | None = None
    known: date | None = None

    @property
    def day(self) -> date:
        """The dashboard's date: ``as_of``, else today."""
        return self.as_of or self.today

    @property
    def known_at(self) -> datetime | None:
        """The end of the ``known`` day, the moment the reads stop looking at what was recorded."""
        return None if self.known is None else datetime.combine(self.known, time.max, tzinfo=UTC)


@in_one_snapshot
def dashboard(service: Negotiations, /, moment: DashboardMoment) -> Dashboard:
    """The steering committee's overview of one agreement at the given moment, from the read
    models in one snapshot."""
    agreement_id, reader = moment.agreement_id, moment.reader
    as_of, known_at = moment.as_of, moment.known_at
    day, today = moment.day, moment.today
    agreement = service.agreement(agreement_id)
    state = service.overview(agreement_id, reader, as_of=as_of, known_at=known_at)
    steps = service.burndown(agreement_id, as_of=as_of, known_at=known_at)
    recent = service.last_meeting_by(agreement_id, reader, "begeleidingscommissie", as_of, known_at)
    since = (
        recent.held_on + timedelta(days=1)
        if recent
        else date.fromisoformat(agreement.term_start) - timedelta(days=3650)
    )
    changed = service.changes_between(
        agreement_id, since, reader, CHANGES_SUMMARISED, as_of, known_at
    )
    names = {p.code: short_name(p.code, p.name) for p in agreement.parties}
    summary = summarise(changed, CHANGES_SHOWN, names)
    milestones = milestones_on(agreement, day, as_of)
    span = negotiation_span(agreement, service.negotiation_start(agreement_id), today)
    start = span[0]
    signing = state.agreement.signed_on or next(
        (m.planned_on for m in milestones if "ondertekening" in m.name.lower()), None
    )
    signing_day = None if signing is None else date.fromisoformat(signing)
    facts = [start, *(date.fromisoformat(p.on) for p in steps)]
    facts += [c.held_on for c in (recent,) if c is not None]
    until = chart_end(day, max(facts), signing_day)
    # Lines run to the dashboard's day, or to the end of the chart when that comes first.
    marked = min(day, until)
    planned = [date.fromisoformat(m.planned_on) for m in milestones]
    line_end = max([until, *planned])
    return Dashboard(
        agreement=agreement,
        state=state,
        day=day,
        as_of=as_of,
        known=moment.known,
        last_committee=recent,
        changes=summary,
        more_changes=max(changed.count - len(summary.lines), 0),
        more_changes_capped=changed.count > CHANGES_SUMMARISED + COUNT_CAP,
        milestones=milestones,
        span=span,
        parties=pictured.parties_of(state),
        heat_map=pictured.heat_map(state),
        consensus_bars=pictured.consensus_bars(state),
        burndown=pictured.burndown(
            steps,
            signing_day,
            Span(start=start, end=max(until, signing_day or until), today=marked),
        ),
        # Its "vandaag" line only on today's dashboard.
        milestone_line=pictured.milestone_line(
            milestones,
            Span(
                start=start,
                end=line_end,
                today=today if as_of is None and today <= line_end else None,
            ),
        ),
    )


@in_one_snapshot
def support_over_time(service: Negotiations, /, moment: DashboardMoment) -> SupportOverTime:
    """Per priority the signatories' support over time, up to the dashboard's date: read
    apart from the dashboard, because it reads every position of the agreement."""
    day = moment.day
    agreement = service.agreement(moment.agreement_id)
    support = service.support_over_time(
        moment.agreement_id, moment.reader, as_of=moment.as_of, known_at=moment.known_at
    )
    span = negotiation_span(agreement, service.negotiation_start(moment.agreement_id), moment.today)
    last = max([span[0], *(date.fromisoformat(p.on) for s in support for p in s.points)])
    until = chart_end(day, last, None)
    picture = pictured.consensus_over_time(
        support, Span(start=span[0], end=until, today=day if day <= until else None)
    )
    return SupportOverTime(agreement, moment.as_of, moment.known, picture)
