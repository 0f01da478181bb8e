"""The goal page and its writers' forms: revise the wording, amendments, open passages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from onderhandeling.domain.errors import DomainError, NotFound, QuoteNotFound, StaleVersion
from onderhandeling.domain.values import RevisionKind
from onderhandeling.web.deps import CSRF, CurrentUser, Service, Writer
from onderhandeling.web.pages import presenting
from onderhandeling.web.pages.forms import Posted, answer, at_field
from onderhandeling.web.pages.goal_data import diff_html, goal_page
from onderhandeling.web.pages.paths import AmendmentId, GoalId, PassageId
from onderhandeling.web.pages.refusals import dutch_message
from onderhandeling.web.pages.support import negotiations, not_found, remember_agreement, see_other
from onderhandeling.web.pages.templating import flash, render, templates
from onderhandeling.web.security import User

router = APIRouter()

FRAGMENTS = {"versie", "verschil"}


MAX_VERSION = 1_000_000


def _int(value: str | None) -> int | None:
    """A version number from a form or query: 1..MAX_VERSION, else None."""
    if not value or len(value) > 10:
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 1 <= number <= MAX_VERSION else None


def with_long_lists(data: dict[str, Any]) -> dict[str, Any]:
    """The timeline and the provenance rendered once, with the data that is remembered: they
    are half of a 1,000-version goal's page and the same for every reader of that audience."""
    names = presenting.PartyNames(data.get("parties", []))  # no request here: names given
    lists = templates.env.get_template("_goal_lists.html").make_module({"party_names": names})
    data["timeline_html"] = Markup(lists.timeline(data["timeline"], data["timeline_total"]))  # type: ignore[attr-defined]
    data["provenance_html"] = Markup(lists.provenance(data["provenance"]))  # type: ignore[attr-defined]
    return data


def _done(request: Request, goal_id: UUID, message: str) -> Response:
    """After a saved change: the message for the next page, and back to the goal (POST →
    redirect → GET)."""
    flash(request, message)
    return see_other(request.url_for("page_goal", goal_id=str(goal_id)))


def show_goal(
    request: Request,
    user: User,
    goal_id: UUID,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    conflict: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    params = request.query_params
    service = negotiations(request)
    reader = user.reader
    version, diff_from, diff_to = (_int(params.get(k)) for k in ("versie", "van", "tot"))
    full_history = params.get("geschiedenis") == "alles"

    def make() -> dict[str, Any]:
        return with_long_lists(
            goal_page(service, goal_id, reader, version, diff_from, diff_to, full_history)
        )

    # Only the page as opened from a link is remembered: stepping through a thousand versions
    # would otherwise fill the cache with a thousand large entries that are seldom asked again.
    opened = version is None and diff_from is None and diff_to is None and not full_history
    try:
        # A shallow copy: the remembered data is shared, this request adds its own keys.
        views = request.app.state.views
        data = dict(views.view(service, ("goal", goal_id, reader), make) if opened else make())
    except NotFound:
        return not_found(request, user)
    remember_agreement(request, UUID(str(data["goal"]["agreement_id"])))
    target = request.headers.get("HX-Target", "")
    data.update(
        errors=errors or {},
        form=form or {},
        conflict=conflict,
        today=date.today().strftime("%d-%m-%Y"),
    )
    block = target if target in FRAGMENTS and status_code == 200 else None
    return render(
        request, "doelstelling.html", data, user=user, block=block, status_code=status_code
    )


def _refuse(
    request: Request, user: User, goal_id: UUID, form: dict[str, str] | None = None
) -> Callable[[dict[str, str], int], Response]:
    """The goal page again, the refused form's fields marked and what was typed kept."""

    def refuse(errors: dict[str, str], status_code: int) -> Response:
        return show_goal(request, user, goal_id, errors=errors, form=form, status_code=status_code)

    return refuse


@router.get("/doelstellingen/{goal_id}", name="page_goal")
def goal(request: Request, user: CurrentUser, goal_id: GoalId) -> Response:
    return show_goal(request, user, goal_id)


@router.post("/doelstellingen/{goal_id}/tekst", name="page_revise_wording", dependencies=CSRF)
def revise_wording(
    request: Request, user: Writer, goal_id: GoalId, form: Posted, service: Service
) -> Response:
    typed = form.typed({k: k for k in ("tekst", "toelichting", "soort", "datum", "based_on")})
    typed["soort"] = form.text("soort", RevisionKind.SUBSTANTIVE)
    on = form.date("datum", "datum")
    reason = form.required("toelichting", "toelichting", "Vul de reden van de wijziging in.")
    text = form.required("tekst", "tekst", "Vul de nieuwe tekst in.")
    version = _int(typed["based_on"])
    if version is None and not form.errors:
        form.errors["tekst"] = "Vernieuw de pagina en probeer het opnieuw."

    def conflict(stale: StaleVersion) -> Response:
        shown = None
        if 1 <= stale.based_on <= stale.current_version:
            # Only a version that exists has a diff with the current one.
            diff = diff_html(service, goal_id, stale.based_on, stale.current_version, user.reader)
            shown = {"based_on": stale.based_on, "current": stale.current_version, "diff": diff}
        # The next save starts from the current version: the user merges, then saves again.
        typed["based_on"] = str(stale.current_version)
        errors = {"tekst": dutch_message(stale)}
        return show_goal(
            request, user, goal_id, errors=errors, form=typed, conflict=shown, status_code=409
        )

    return answer(
        form,
        lambda: service.revise_wording(
            goal_id, text, version or 0, reason, typed["soort"], on, user.person_id
        ),
        refuse=_refuse(request, user, goal_id, typed),
        field_of=at_field("tekst"),
        special={StaleVersion: conflict, NotFound: lambda _: not_found(request, user)},
        done=lambda new: _done(request, goal_id, f"De tekst is opgeslagen als versie {new}."),
    )


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
        refuse=_refuse(request, user, goal_id, typed),
        field_of=_amendment_field,
        done=lambda _: _done(request, goal_id, "Het wijzigingsvoorstel is vastgelegd."),
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
    key = f"besluit-{str(amendment_id)[:8]}-"
    on = form.date("datum", f"{key}datum")
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
        refuse=_refuse(request, user, goal_id),
        field_of=at_field("uitkomst", key, fields),
        done=lambda _: _done(
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
    occurrence = _int(typed["passage_keer"])
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
        refuse=_refuse(request, user, goal_id, typed),
        field_of=at_field("passage-citaat", names={"occurrence": "passage-keer"}),
        done=lambda _: _done(request, goal_id, "De passage is geel gemarkeerd."),
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
    key = f"oplossen-{str(passage_id)[:8]}-"
    on = form.date("datum", f"{key}datum")
    note = form.required("notitie", f"{key}notitie", "Beschrijf hoe de passage is opgelost.")
    return answer(
        form,
        lambda: service.resolve_passage(goal_id, passage_id, note, on, user.person_id),
        refuse=_refuse(request, user, goal_id),
        field_of=at_field("notitie", key, {"effective_date": "datum"}),
        done=lambda _: _done(request, goal_id, "De passage is opgelost."),
    )
