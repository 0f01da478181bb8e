"""The goal page and its writers' forms: revise the wording, amendments, open passages."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from markupsafe import Markup

from onderhandeling.domain.errors import DomainError, NotFound, QuoteNotFound, StaleVersion
from onderhandeling.web import security
from onderhandeling.web.pages.goal_data import diff_html, goal_page
from onderhandeling.web.pages.support import (
    dutch_message,
    error_field,
    negotiations,
    not_found,
    parse_form_date,
    parse_uuid,
    remember_agreement,
    see_other,
)
from onderhandeling.web.pages.templating import flash, render, templates

router = APIRouter()

CurrentUser = Annotated[Any, Depends(security.current_user)]
Writer = Annotated[Any, Depends(security.writer)]
CSRF = [Depends(security.verify_csrf)]
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
    lists = templates.env.get_template("_goal_lists.html").module
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
    user: Any,
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


@router.get("/doelstellingen/{goal_id}", name="page_goal")
def goal(request: Request, goal_id: str, user: CurrentUser) -> Response:
    parsed = parse_uuid(goal_id)
    if parsed is None:
        return not_found(request, user)
    return show_goal(request, user, parsed)


@router.post("/doelstellingen/{goal_id}/tekst", name="page_revise_wording", dependencies=CSRF)
def revise_wording(
    request: Request,
    goal_id: str,
    user: Writer,
    tekst: Annotated[str, Form()] = "",
    toelichting: Annotated[str, Form()] = "",
    soort: Annotated[str, Form()] = "substantive",
    datum: Annotated[str, Form()] = "",
    based_on: Annotated[str, Form()] = "",
) -> Response:
    parsed = parse_uuid(goal_id)
    if parsed is None:
        return not_found(request, user)
    service = negotiations(request)
    form = {"tekst": tekst, "toelichting": toelichting, "soort": soort, "datum": datum}
    form["based_on"] = based_on
    errors: dict[str, str] = {}
    on = parse_form_date(datum, "datum", errors)
    version = _int(based_on)
    if not toelichting.strip():
        errors["toelichting"] = "Vul de reden van de wijziging in."
    if not tekst.strip():
        errors["tekst"] = "Vul de nieuwe tekst in."
    if errors or on is None or version is None:
        errors = errors or {"tekst": "Vernieuw de pagina en probeer het opnieuw."}
        return show_goal(request, user, parsed, errors=errors, form=form, status_code=422)
    try:
        new = service.revise_wording(
            parsed, tekst, version, toelichting, soort, on, UUID(str(user.person_id))
        )
    except StaleVersion as stale:
        conflict = None
        if 1 <= stale.based_on <= stale.current_version:
            # Only a version that exists has a diff with the current one.
            conflict = {
                "based_on": stale.based_on,
                "current": stale.current_version,
                "diff": diff_html(
                    service, parsed, stale.based_on, stale.current_version, user.reader
                ),
            }
        # The next save starts from the current version: the user merges, then saves again.
        form["based_on"] = str(stale.current_version)
        return show_goal(
            request,
            user,
            parsed,
            errors={"tekst": dutch_message(stale)},
            form=form,
            conflict=conflict,
            status_code=409,
        )
    except NotFound:
        return not_found(request, user)
    except DomainError as error:
        field = error_field(error, "tekst")
        errors = {field: dutch_message(error, typed=on)}
        return show_goal(request, user, parsed, errors=errors, form=form, status_code=422)
    return _done(request, parsed, f"De tekst is opgeslagen als versie {new}.")


@router.post(
    "/doelstellingen/{goal_id}/voorstellen", name="page_propose_amendment", dependencies=CSRF
)
def propose_amendment(
    request: Request,
    goal_id: str,
    user: Writer,
    partij: Annotated[str, Form()] = "",
    citaat: Annotated[str, Form()] = "",
    voorstel: Annotated[str, Form()] = "",
    toelichting: Annotated[str, Form()] = "",
    datum: Annotated[str, Form()] = "",
) -> Response:
    parsed = parse_uuid(goal_id)
    if parsed is None:
        return not_found(request, user)
    form = {
        "partij": partij,
        "citaat": citaat,
        "voorstel": voorstel,
        "voorstel_toelichting": toelichting,
        "voorstel_datum": datum,
    }
    errors: dict[str, str] = {}
    on = parse_form_date(datum, "voorstel-datum", errors)
    party_id = parse_uuid(partij)
    if party_id is None:
        errors["voorstel-partij"] = "Kies een partij."
    if not toelichting.strip():
        errors["voorstel-toelichting"] = "Vul een toelichting in."
    if not citaat and not voorstel.strip():
        errors["voorstel-tekst"] = "Vul de voorgestelde tekst in."
    if errors or on is None or party_id is None:
        return show_goal(request, user, parsed, errors=errors, form=form, status_code=422)
    try:
        negotiations(request).propose_amendment(
            parsed,
            party_id,
            toelichting,
            on,
            UUID(str(user.person_id)),
            text=None if citaat else voorstel,
            quote=citaat or None,
            replacement=voorstel if citaat else None,
        )
    except DomainError as error:
        fields = {
            "quote": "voorstel-citaat",
            "replacement": "voorstel-tekst",
            "effective_date": "voorstel-datum",
        }
        field = fields.get(str(error.details.get("field", "")), "voorstel-tekst")
        if isinstance(error, QuoteNotFound):
            field = "voorstel-citaat"
        errors = {field: dutch_message(error, typed=on)}
        return show_goal(request, user, parsed, errors=errors, form=form, status_code=422)
    return _done(request, parsed, "Het wijzigingsvoorstel is vastgelegd.")


@router.post(
    "/doelstellingen/{goal_id}/voorstellen/{amendment_id}/besluit",
    name="page_decide_amendment",
    dependencies=CSRF,
)
def decide_amendment(
    request: Request,
    goal_id: str,
    amendment_id: str,
    user: Writer,
    uitkomst: Annotated[str, Form()] = "",
    overgenomen_tekst: Annotated[str, Form()] = "",
    toelichting: Annotated[str, Form()] = "",
    datum: Annotated[str, Form()] = "",
) -> Response:
    parsed = parse_uuid(goal_id)
    amendment = parse_uuid(amendment_id)
    if parsed is None or amendment is None:
        return not_found(request, user)
    key = f"besluit-{amendment_id[:8]}"
    errors: dict[str, str] = {}
    on = parse_form_date(datum, f"{key}-datum", errors)
    if errors or on is None:
        return show_goal(request, user, parsed, errors=errors, status_code=422)
    try:
        negotiations(request).decide_amendment(
            parsed,
            amendment,
            uitkomst,
            on,
            UUID(str(user.person_id)),
            reason=toelichting,
            adopted_text=overgenomen_tekst or None,
        )
    except DomainError as error:
        field = {
            "adopted_text": "tekst",
            "reason": "toelichting",
            "outcome": "uitkomst",
            "effective_date": "datum",
        }.get(str(error.details.get("field", "")), "uitkomst")
        return show_goal(
            request,
            user,
            parsed,
            errors={f"{key}-{field}": dutch_message(error, typed=on)},
            status_code=422,
        )
    return _done(request, parsed, "Het besluit over het wijzigingsvoorstel is vastgelegd.")


@router.post("/doelstellingen/{goal_id}/passages", name="page_mark_passage", dependencies=CSRF)
async def mark_passage(request: Request, goal_id: str, user: Writer) -> Response:
    parsed = parse_uuid(goal_id)
    if parsed is None:
        return not_found(request, user)
    data = await request.form()
    quote = str(data.get("citaat", ""))
    note = str(data.get("notitie", ""))
    typed_date = str(data.get("datum", ""))
    typed_occurrence = str(data.get("keer", "")).strip()
    parties = [p for p in (parse_uuid(str(v)) for v in data.getlist("aan_zet")) if p]
    form = {
        "passage_citaat": quote,
        "passage_notitie": note,
        "passage_datum": typed_date,
        "passage_keer": typed_occurrence,
    }
    errors: dict[str, str] = {}
    on = parse_form_date(typed_date, "passage-datum", errors)
    if not quote.strip():
        errors["passage-citaat"] = "Vul het stuk tekst in dat open staat."
    occurrence = _int(typed_occurrence)
    if typed_occurrence and occurrence is None:
        errors["passage-keer"] = "Vul een heel getal in: 1 voor de eerste keer, 2 voor de tweede."
    if errors or on is None:
        return show_goal(request, user, parsed, errors=errors, form=form, status_code=422)
    try:
        negotiations(request).mark_passage(
            parsed, quote, note, parties, on, UUID(str(user.person_id)), occurrence=occurrence
        )
    except DomainError as error:
        field = "passage-keer" if error.details.get("field") == "occurrence" else "passage-citaat"
        return show_goal(
            request,
            user,
            parsed,
            errors={field: dutch_message(error, typed=on)},
            form=form,
            status_code=422,
        )
    return _done(request, parsed, "De passage is geel gemarkeerd.")


@router.post(
    "/doelstellingen/{goal_id}/passages/{passage_id}/oplossen",
    name="page_resolve_passage",
    dependencies=CSRF,
)
def resolve_passage(
    request: Request,
    goal_id: str,
    passage_id: str,
    user: Writer,
    notitie: Annotated[str, Form()] = "",
    datum: Annotated[str, Form()] = "",
) -> Response:
    parsed = parse_uuid(goal_id)
    passage = parse_uuid(passage_id)
    if parsed is None or passage is None:
        return not_found(request, user)
    key = f"oplossen-{passage_id[:8]}"
    errors: dict[str, str] = {}
    on = parse_form_date(datum, f"{key}-datum", errors)
    if not notitie.strip():
        errors[f"{key}-notitie"] = "Beschrijf hoe de passage is opgelost."
    if errors or on is None:
        return show_goal(request, user, parsed, errors=errors, status_code=422)
    try:
        negotiations(request).resolve_passage(
            parsed, passage, notitie, on, UUID(str(user.person_id))
        )
    except DomainError as error:
        field = "datum" if error.details.get("field") == "effective_date" else "notitie"
        return show_goal(
            request,
            user,
            parsed,
            errors={f"{key}-{field}": dutch_message(error, typed=on)},
            status_code=422,
        )
    return _done(request, parsed, "De passage is opgelost.")
