"""The `onderhandeling` command line on both stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onderhandeling.cli import main
from onderhandeling.config import parse_database_url
from onderhandeling.service import Negotiations
from tests.support.negotiation_builder import DAY, add_people, build_small


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def small_store(env_store: str) -> str:
    app = Negotiations(parse_database_url(env_store))
    small = build_small(app)
    app.revise_wording(
        small.goal,
        "Iedere student vindt snel een stage.",
        1,
        "sneller",
        "substantive",
        DAY,
        small.me,
    )
    app.close()
    return env_store


def test_status_json_lists_priorities_goals_and_versions(
    small_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """status --json gives each priority with its goals, versions and statuses."""
    code, out, _ = run(capsys, "status", "--json")
    assert code == 0
    status = json.loads(out)["agreements"][0]
    assert [p["code"] for p in status["parties"]] == ["OCW", "JOB", "MBORAAD", "INSPECTIE"]
    assert [p["key"] for p in status["priorities"]] == ["KANS", "AOA"]
    assert status["priorities"][0]["goals"][0]["version"] == 2


def test_status_text_is_readable(small_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    """status without --json prints the priorities and goal codes."""
    code, out, _ = run(capsys, "status")
    assert code == 0
    assert "Kansengelijkheid" in out and "K1" in out


def test_history_json_shows_the_revision(
    small_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """history GOAL_CODE --json lists the goal's events with recorder and dates."""
    code, out, _ = run(capsys, "history", "K1", "--json")
    assert code == 0
    entries = json.loads(out)
    revision = next(e for e in entries if e["event"] == "WordingRevised")
    assert revision["recorded_by"] == "Beleidsmedewerker"
    assert revision["effective_date"] == "2022-09-01"


def test_history_of_unknown_goal_is_a_clear_error(
    small_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown goal code exits non-zero with a message naming it."""
    code, _, err = run(capsys, "history", "Z9")
    assert code == 2
    assert "'Z9'" in err


def test_export_then_import_into_empty_store_round_trips(
    small_store: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """export → import into an empty store → export gives byte-identical files."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run(capsys, "export", str(first))[0] == 0
    monkeypatch.setenv("ONDERHANDELING_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    code, _, err = run(capsys, "import", str(first))
    assert code == 0, err
    assert run(capsys, "export", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_import_refuses_non_empty_store(
    small_store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """import into a store with data exits non-zero and says why."""
    path = tmp_path / "a.jsonl"
    run(capsys, "export", str(path))
    code, _, err = run(capsys, "import", str(path))
    assert code == 2
    assert "niet leeg" in err


def test_import_refuses_a_backup_cut_short_and_stores_nothing(
    small_store: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    second_database_url: str,
) -> None:
    """A backup cut to its first 1,001 lines (header and 1,000 events) is refused in one line
    naming both counts, with the exit code of a refused command, and nothing is stored."""
    app = Negotiations(parse_database_url(small_store))
    add_people(app, 1500)
    app.close()
    full, cut = tmp_path / "full.jsonl", tmp_path / "cut.jsonl"
    assert run(capsys, "export", str(full))[0] == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    declared = len(lines) - 1
    cut.write_text("".join(lines[:1001]), encoding="utf-8")
    monkeypatch.setenv("ONDERHANDELING_DATABASE_URL", second_database_url)
    code, _, err = run(capsys, "import", str(cut))
    assert code == 2
    assert err.count("\n") == 1
    assert f"bevat 1000 gebeurtenissen, maar de kop noemt er {declared}" in err
    empty = Negotiations(parse_database_url(second_database_url))
    assert (empty.recorder.max_notification_id() or 0) == 0
    empty.close()


def test_import_of_missing_file_is_a_clear_error(
    env_store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that does not exist is reported, not a traceback."""
    code, _, err = run(capsys, "import", str(tmp_path / "nope.jsonl"))
    assert code == 1
    assert "nope.jsonl" in err


def test_bad_database_url_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unusable ONDERHANDELING_DATABASE_URL gives a message naming the variable."""
    monkeypatch.setenv("ONDERHANDELING_DATABASE_URL", "mysql://x")
    code, _, err = run(capsys, "status")
    assert code == 2
    assert "ONDERHANDELING_DATABASE_URL" in err
