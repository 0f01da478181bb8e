"""The goal page and its writers' forms: revise the wording (naming its cause), amendments,
open passages; indicators and actions are in goal_plan.py."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onderhandeling.domain.errors import DomainError, QuoteNotFound, StaleVersion
from onderhandeling.domain.values import CauseType, RevisionKind
from onderhandeling.web.deps import CSRF, CurrentUser, Service, Writer
from onderhandeling.web.pages.forms import Posted, answer, at_field
from onderhandeling.web.pages.goal_data import diff_html
from onderhandeling.web.pages.goal_plan import router as plan_router
from onderhandeling.web.pages.goal_view import done, form_int, refuse_with, show_goal
from onderhandeling.web.pages.paths import AmendmentId, GoalId, PassageId
from onderhandeling.web.pages.refusals import dutch_message
from onderhandeling.web.pages.support import parse_uuid

router = APIRouter()


@router.get("/doelstellingen/{goal_id}", name="page_goal")
def goal(request: Request, user: CurrentUser, goal_id: GoalId) -> Response:
    return show_goal(request, user, goal_id)


router.include_router(plan_router)


@router.post("/doelstellingen/{goal_id}/tekst", name="page_revise_wording", dependencies=CSRF)
def revise_wording(
    request: Request, user: Writer, goal_id: GoalId, form: Posted, service: Service
) -> Response:
    names = ("tekst", "toelichting", "soort", "datum", "based_on", "oorzaak")
    typed = form.typed({k: k for k in names})
    typed["soort"] = form.text("soort", RevisionKind.SUBSTANTIVE)
    on = form.date("datum", "datum")
    reason = form.required("toelichting", "toelichting", "Vul de reden van de wijziging in.")
    text = form.required("tekst", "tekst", "Vul de nieuwe tekst in.")
    cause_type, cause_id = _cause(typed["oorzaak"], form.errors)
    version = form_int(typed["based_on"])
    if version is None and not form.errors:
        form.errors["tekst"] = "Vernieuw de pagina en probeer het opnieuw."

    def conflict(stale: StaleVersion) -> Response:
        shown = None
        if 1 <= stale.based_on <= stale.current_version:
            # Only a version that exists has a diff with the current one, and its authors.
            diff = diff_html(service, goal_id, stale.based_on, stale.current_version, user.reader)
            newer = service.wording_versions(goal_id, user.reader)[stale.based_on :]
            shown = {
                "based_on": stale.based_on,
                "current": stale.current_version,
                "diff": diff,
                "versions": newer,
            }
        # The next save starts from the current version: the user merges, then saves again.
        typed["based_on"] = str(stale.current_version)
        errors = {"tekst": dutch_message(stale)}
        return show_goal(
            request, user, goal_id, errors=errors, form=typed, conflict=shown, status_code=409
        )

    return answer(
        form,
        lambda: service.revise_wording(
            goal_id,
            text,
            version or 0,
            reason,
            typed["soort"],
            on,
            user.person_id,
            cause_type=cause_type,
            cause_id=cause_id,
        ),
        refuse=refuse_with(request, user, goal_id, typed),
        field_of=lambda error: "oorzaak" if error.code == "not-found" else at_field("tekst")(error),
        special={StaleVersion: conflict},
        done=lambda new: done(request, goal_id, f"De tekst is opgeslagen als versie {new}."),
    )


def _cause(chosen: str, errors: dict[str, str]) -> tuple[str, UUID | None]:
    """The cause chosen from the revision form's list ("meeting:<id>", …; empty: none)."""
    if not chosen or chosen == CauseType.NONE:
        return CauseType.NONE.value, None
    kind, _, ident = chosen.partition(":")
    found = parse_uuid(ident)
    if kind not in {c.value for c in CauseType} - {CauseType.NONE.value} or found is None:
        errors["oorzaak"] = "Kies een oorzaak uit de lijst."
        return CauseType.NONE.value, None
    return kind, found


def _amendment_field(error: DomainError) -> str:
    if isinstance(error, QuoteNotFound):
        return "voorstel-citaat"
    fields = {"quote": "citaat", "replacement": "tekst", "effective_date": "datum"}
    return at_field("tekst", "voorstel-", fields)(error)


@router.post(
    "/doelstellingen/{goal_id}/voorstellen", name="page_propose_amendment", dependencies=CSRF
)
def propose_amendment(
    request: Request, user: Writer, goal_id: GoalId, form: Posted, service: Service
) -> Response:
    typed = form.typed(
        {
            "partij": "partij",
            "citaat": "citaat",
            "voorstel": "voorstel",
            "voorstel_toelichting": "toelichting",
            "voorstel_datum": "datum",
        }
    )
    on = form.date("datum", "voorstel-datum")
    party = form.id("partij", "voorstel-partij", "Kies een partij.")
    reason = form.required("toelichting", "voorstel-toelichting", "Vul een toelichting in.")
    quote, proposed = typed["citaat"], typed["voorstel"]
    if not quote and not proposed.strip():
        form.errors["voorstel-tekst"] = "Vul de voorgestelde tekst in."
    return answer(
        form,
        lambda: service.propose_amendment(
            goal_id,
            party,
            reason,
            on,
            user.person_id,
            text=None if quote else proposed,
            quote=quote or None,
            replacement=proposed if quote else None,
        ),
        refuse=refuse_with(request, user, goal_id, typed),
        field_of=_amendment_field,
        done=lambda _: done(request, goal_id, "Het wijzigingsvoorstel is vastgelegd."),
    )


@router.post(
    "/doelstellingen/{goal_id}/voorstellen/{amendment_id}/besluit",
    name="page_decide_amendment",
    dependencies=CSRF,
)
def decide_amendment(
    request: Request,
    user: Writer,
    goal_id: GoalId,
    amendment_id: AmendmentId,
    form: Posted,
    service: Service,
) -> Response:
    key, on = form.item("besluit", amendment_id)
    fields = {
        "adopted_text": "tekst",
        "reason": "toelichting",
        "outcome": "uitkomst",
        "effective_date": "datum",
    }
    return answer(
        form,
        lambda: service.decide_amendment(
            goal_id,
            amendment_id,
            form.text("uitkomst"),
            on,
            user.person_id,
            reason=form.text("toelichting"),
            adopted_text=form.text("overgenomen_tekst") or None,
        ),
        refuse=refuse_with(request, user, goal_id),
        field_of=at_field("uitkomst", key, fields),
        done=lambda _: done(
            request, goal_id, "Het besluit over het wijzigingsvoorstel is vastgelegd."
        ),
    )


@router.post("/doelstellingen/{goal_id}/passages", name="page_mark_passage", dependencies=CSRF)
def mark_passage(
    request: Request, user: Writer, goal_id: GoalId, form: Posted, service: Service
) -> Response:
    typed = form.typed(
        {
            "passage_citaat": "citaat",
            "passage_notitie": "notitie",
            "passage_datum": "datum",
            "passage_keer": "keer",
        }
    )
    typed["passage_keer"] = typed["passage_keer"].strip()
    on = form.date("datum", "passage-datum")
    quote = form.required("citaat", "passage-citaat", "Vul het stuk tekst in dat open staat.")
    occurrence = form_int(typed["passage_keer"])
    if typed["passage_keer"] and occurrence is None:
        form.errors["passage-keer"] = (
            "Vul een heel getal in: 1 voor de eerste keer, 2 voor de tweede."
        )
    return answer(
        form,
        lambda: service.mark_passage(
            goal_id,
            quote,
            typed["passage_notitie"],
            form.ids("aan_zet"),
            on,
            user.person_id,
            occurrence=occurrence,
        ),
        refuse=refuse_with(request, user, goal_id, typed),
        field_of=at_field("passage-citaat", names={"occurrence": "passage-keer"}),
        done=lambda _: done(request, goal_id, "De passage is geel gemarkeerd."),
    )


@router.post(
    "/doelstellingen/{goal_id}/passages/{passage_id}/oplossen",
    name="page_resolve_passage",
    dependencies=CSRF,
)
def resolve_passage(
    request: Request,
    user: Writer,
    goal_id: GoalId,
    passage_id: PassageId,
    form: Posted,
    service: Service,
) -> Response:
    key, on = form.item("oplossen", passage_id)
    note = form.required("notitie", f"{key}notitie", "Beschrijf hoe de passage is opgelost.")
    return answer(
        form,
        lambda: service.resolve_passage(goal_id, passage_id, note, on, user.person_id),
        refuse=refuse_with(request, user, goal_id),
        field_of=at_field("notitie", key, {"effective_date": "datum"}),
        done=lambda _: done(request, goal_id, "De passage is opgelost."),
    )
