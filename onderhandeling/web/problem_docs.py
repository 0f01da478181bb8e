"""The API's problem responses in OpenAPI: every refusal the API can send, declared once.

FastAPI documents a 422 as `HTTPValidationError` JSON, while problems.py sends every error
as `application/problem+json` (RFC 9457) and adds 400, 401, 403, 404, 409 and 413 that no
route declares. `declare_problems` rewrites the generated schema so that each operation
lists the problem statuses it can answer, each with the ProblemDetails schema:

- 401 everywhere (authentication.py refuses a request without a working token or session);
- 404 where a path names a record;
- 422 where there is a parameter or a body to refuse;
- for a body: 400 (a body that cannot be read), 413 (over the limit, body_limit.py);
- for a write: 403 (a role that may not write, or a missing CSRF token) and 409 (a
  conflict with what is stored, e.g. a stale wording version or a concurrent change).

Sign-in limits (429) apply to the sign-in form only, not to the API.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from onderhandeling.web.problems import PROBLEM_JSON

REF = "#/components/schemas/{model}"
SAFE_METHODS = frozenset({"get", "head", "options"})


class FieldError(BaseModel):
    """One refused part of a request."""

    field: str = Field(description="Where, e.g. body.positions.0.party.")
    message: str


class ProblemDetails(BaseModel):
    """An error as RFC 9457 problem details; members beyond the standard five are sent
    only where they apply."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="A URI reference naming the kind of problem.")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(ge=400, le=599, description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request (English).")
    instance: str | SkipJsonSchema[None] = Field(
        default=None, description="A URI reference to this occurrence (reserved; not sent)."
    )
    field: str | SkipJsonSchema[None] = Field(
        default=None, description="The refused input, e.g. code or positions.1.party."
    )
    errors: list[FieldError] | SkipJsonSchema[None] = Field(
        default=None, description="Every refused part of a malformed request (422 only)."
    )
    current_version: int | SkipJsonSchema[None] = Field(
        default=None, description="The current wording version (409 stale-version only)."
    )
    max_bytes: int | SkipJsonSchema[None] = Field(
        default=None, description="The body limit in bytes (413 only)."
    )


DESCRIPTIONS = {
    400: "Bad request: the body could not be read.",
    401: "No working API token or session (WWW-Authenticate: Bearer).",
    403: "This role may not write, or the session's CSRF token is missing.",
    404: "Not found: a record named in the path does not exist.",
    409: "Conflict with what is stored: a stale version, a second decision, a concurrent "
    "change, a signed agreement.",
    413: "The request body is larger than the limit (max_bytes).",
    422: "Invalid input: field names the refused input; errors lists every refused part "
    "of a malformed request.",
}


def problem_statuses(method: str, operation: dict[str, Any]) -> list[int]:
    """The problem statuses one operation can answer."""
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    statuses = {401}
    if any(p.get("in") == "path" for p in parameters):
        statuses.add(404)
    if parameters or has_body:
        statuses.add(422)
    if has_body:
        statuses |= {400, 413}
    if method not in SAFE_METHODS:
        statuses |= {403, 409}
    return sorted(statuses)


def declare_problems(schema: dict[str, Any]) -> None:
    """Declare the problem responses of every operation in a generated OpenAPI schema."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    problem = ProblemDetails.model_json_schema(ref_template=REF)
    for member in problem["properties"].values():
        member.pop("default", None)  # an absent member is left out, never sent as null
    components.update(problem.pop("$defs", {}))
    components["ProblemDetails"] = problem
    reference = {"$ref": REF.format(model="ProblemDetails")}
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in problem_statuses(method, operation):
                response: dict[str, Any] = {
                    "description": DESCRIPTIONS[status],
                    "content": {PROBLEM_JSON: {"schema": reference}},
                }
                if status == 401:
                    response["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
                responses[str(status)] = response
