"""Who may see internal (ministry-only) content. Every query takes a Reader and filters once,
here; templates and API schemas never decide what a reader may see."""

from __future__ import annotations

from dataclasses import dataclass

from onderhandeling.domain.values import Confidentiality


@dataclass(frozen=True)
class Reader:
    sees_internal: bool

    def may_see(self, confidentiality: str) -> bool:
        return self.sees_internal or confidentiality != Confidentiality.INTERNAL


MINISTRY = Reader(sees_internal=True)  # negotiators, admins, the CLI on the server itself
COMMITTEE = Reader(sees_internal=False)  # the steering committee: shared content only
