"""Counting sign-in attempts per account name and per client address, in a window that starts
at the first attempt: the store's half of the sign-in limits (web/sign_in_limits.py decides
the limits and when to count)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from onderhandeling.accounts.tables import AccountTables


@dataclass(frozen=True)
class AttemptLimit:
    """At most `attempts` sign-in attempts within `window_seconds` of the first; more are
    refused until that window ends. Refused attempts are not counted, so they never make
    the wait longer."""

    attempts: int
    window_seconds: float


def clock() -> float:
    """Seconds since the epoch; tests replace it to move time forward."""
    return time.time()


class SignInAttempts(AccountTables):
    """The attempt counts of one store (web_sign_in_attempts)."""

    def count_attempt(self, kind: str, key: str, limit: AttemptLimit) -> float:
        """Count one sign-in attempt for (kind, key) and say whether it may go on: 0.0 when
        it may, else the seconds (at least 1) until the full window ends; a refused attempt
        is not counted.

        One statement counts and decides, before any password is checked, so parallel
        attempts cannot slip past the limit however they interleave.
        """
        now = clock()
        window_over = now - limit.window_seconds
        new_window = "web_sign_in_attempts.window_start <= ?"
        full = "web_sign_in_attempts.attempts >= ?"
        row = self._fetch_one(
            "INSERT INTO web_sign_in_attempts (kind, key, attempts, window_start, refused) "
            "VALUES (?, ?, 1, ?, 0) ON CONFLICT (kind, key) DO UPDATE SET "
            f"attempts = CASE WHEN {new_window} THEN 1 WHEN {full} "
            "THEN web_sign_in_attempts.attempts ELSE web_sign_in_attempts.attempts + 1 END, "
            f"window_start = CASE WHEN {new_window} THEN ? "
            "ELSE web_sign_in_attempts.window_start END, "
            f"refused = CASE WHEN {new_window} THEN 0 WHEN {full} "
            "THEN web_sign_in_attempts.refused + 1 ELSE 0 END "
            "RETURNING refused, window_start",
            kind,
            key,
            now,
            window_over,
            limit.attempts,
            window_over,
            now,
            window_over,
            limit.attempts,
        )
        assert row is not None
        refused, window_start = int(row[0]), float(row[1])
        return 0.0 if refused == 0 else max(window_start + limit.window_seconds - now, 1.0)

    def uncount_attempt(self, kind: str, key: str) -> None:
        """Take back one counted attempt (it succeeded, or was never tried)."""
        self._execute(
            "UPDATE web_sign_in_attempts SET attempts = attempts - 1 "
            "WHERE kind = ? AND key = ? AND attempts > 0",
            kind,
            key,
        )

    def forget_attempts(self, kind: str, key: str) -> None:
        self._execute("DELETE FROM web_sign_in_attempts WHERE kind = ? AND key = ?", kind, key)

    def forget_old_attempts(self, older_than_seconds: float) -> int:
        """Drop the counts whose window started that long ago (they no longer hold)."""
        return self._execute(
            "DELETE FROM web_sign_in_attempts WHERE window_start < ?",
            clock() - older_than_seconds,
        )
