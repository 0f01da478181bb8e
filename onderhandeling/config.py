"""Settings, decided in one place.

ONDERHANDELING_DATABASE_URL picks the store for events and read models alike:
``sqlite:///path/file.sqlite`` (the default, ``sqlite:///data/onderhandeling.sqlite``, relative to
the working directory) or ``postgresql://user[:password]@host:port/dbname`` with an optional
``?schema=name`` (used by the tests to keep runs apart).

ONDERHANDELING_MAX_BODY_BYTES and ONDERHANDELING_MAX_FORM_BYTES cap the size of a request
body (see `body_limits`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

DATABASE_URL_VARIABLE = "ONDERHANDELING_DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///data/onderhandeling.sqlite"
MAX_BODY_BYTES_VARIABLE = "ONDERHANDELING_MAX_BODY_BYTES"
# The API's JSON bodies: a wording is at most 20,000 characters (120 KB even written as
# \u escapes); 1 MiB leaves room for a meeting with dozens of long positions.
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
MAX_FORM_BYTES_VARIABLE = "ONDERHANDELING_MAX_FORM_BYTES"
# The pages' form posts, typed by a person: the largest carries two wordings (an amendment's
# quote and replacement), 2 x 20,000 characters, which fit even if URL-encoding made every
# character six bytes (é is %C3%A9).
DEFAULT_MAX_FORM_BYTES = 256 * 1024


class ConfigurationError(ValueError):
    """A setting has a value we cannot use; the message says which and why."""


@dataclass(frozen=True)
class Database:
    url: str
    kind: str  # "sqlite" or "postgres"
    sqlite_path: str = ""
    host: str = ""
    port: int = 5432
    user: str = ""
    password: str = ""
    dbname: str = ""
    schema: str = ""

    def eventsourcing_env(self) -> dict[str, str]:
        """The environment eventsourcing's infrastructure factory reads."""
        if self.kind == "sqlite":
            return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": self.sqlite_path}
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_POOL_SIZE": "5",
            "POSTGRES_MAX_OVERFLOW": "10",
        }
        if self.schema:
            env["POSTGRES_SCHEMA"] = self.schema
        return env

    def describe(self) -> str:
        """The URL without its password, safe to print."""
        if self.kind == "sqlite":
            return f"sqlite:///{self.sqlite_path}"
        suffix = f"?schema={self.schema}" if self.schema else ""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}{suffix}"


def parse_database_url(url: str) -> Database:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if not path:
            raise ConfigurationError(f"{DATABASE_URL_VARIABLE}: sqlite URL needs a file path")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return Database(url=url, kind="sqlite", sqlite_path=path)
    parts = urlsplit(url)
    if parts.scheme in ("postgresql", "postgres"):
        dbname = parts.path.lstrip("/")
        if not parts.hostname or not dbname or not parts.username:
            raise ConfigurationError(
                f"{DATABASE_URL_VARIABLE}: use postgresql://user[:password]@host:port/dbname"
            )
        schema = parse_qs(parts.query).get("schema", [""])[0]
        if schema and not schema.replace("_", "").isalnum():
            raise ConfigurationError(f"{DATABASE_URL_VARIABLE}: schema must be a plain name")
        return Database(
            url=url,
            kind="postgres",
            host=parts.hostname,
            port=parts.port or 5432,
            user=unquote(parts.username),
            password=unquote(parts.password or ""),
            dbname=dbname,
            schema=schema,
        )
    raise ConfigurationError(
        f"{DATABASE_URL_VARIABLE} must start with sqlite:/// or postgresql:// (got {url!r})"
    )


def database_from_environment() -> Database:
    return parse_database_url(os.environ.get(DATABASE_URL_VARIABLE) or DEFAULT_DATABASE_URL)


SECRET_KEY_VARIABLE = "ONDERHANDELING_SECRET_KEY"


def secret_key_setting() -> str | None:
    """The key that signs session cookies, when the environment gives one (otherwise the
    account store keeps one, so that several workers agree)."""
    return os.environ.get(SECRET_KEY_VARIABLE) or None


def whole_number_setting(variable: str, default: int) -> int:
    """A setting that is a whole number of at least 1; the default when it is unset."""
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    try:
        number = int(raw)
    except ValueError:
        raise ConfigurationError(f"{variable} must be a whole number (got {raw!r})") from None
    if number < 1:
        raise ConfigurationError(f"{variable} must be at least 1 (got {number})")
    return number


@dataclass(frozen=True)
class BodyLimits:
    """The largest request body, in bytes: `form` for the pages' form posts
    (application/x-www-form-urlencoded, multipart/form-data), `other` for every other body
    (the API's JSON)."""

    other: int
    form: int


def body_limits() -> BodyLimits:
    return BodyLimits(
        other=whole_number_setting(MAX_BODY_BYTES_VARIABLE, DEFAULT_MAX_BODY_BYTES),
        form=whole_number_setting(MAX_FORM_BYTES_VARIABLE, DEFAULT_MAX_FORM_BYTES),
    )
