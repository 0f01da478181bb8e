"""The read-model commands of the `onderhandeling` command line, on both stores."""

from __future__ import annotations

import json

import pytest

from onderhandeling.cli import main
from onderhandeling.config import parse_database_url
from onderhandeling.service import Negotiations, PositionInput
from tests.support.negotiation_builder import DAY, build_small


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def store(env_store: str) -> str:
    """A small negotiation with two wording versions, a position and a baseline."""
    app = Negotiations(parse_database_url(env_store))
    s = build_small(app)
    app.freeze_baseline(s.agreement, "CWIZO-versie", DAY, s.me)
    app.record_position(s.goal, PositionInput(s.goal, s.job, "supports", "Eens"), DAY, s.me)
    app.revise_wording(
        s.goal, "Iedere student vindt snel een stage.", 1, "sneller", "substantive", DAY, s.me
    )
    app.close()
    return env_store


def test_state_json_has_goals_stances_and_reconfirmation(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """state --json lists each goal with its version and each party's stance, flagged for
    reconfirmation when it was about an older wording."""
    code, out, _ = run(capsys, "state", "--json")
    assert code == 0
    goal = json.loads(out)["priorities"][0]["goals"][0]
    assert goal["version"] == 2
    assert goal["stances"]["JOB"]["needs_reconfirmation"] is True


def test_state_on_a_date_before_everything_is_empty(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """state --as-of a date before the negotiation began shows no goals."""
    code, out, _ = run(
        capsys, "state", "--as-of", "2022-01-01", "--known-at", "2030-01-01", "--json"
    )
    assert code == 0
    assert json.loads(out)["priorities"] == []


def test_state_text_is_readable(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    """state without --json prints goals, stances and the reconfirmation flag in Dutch."""
    code, out, _ = run(capsys, "state")
    assert code == 0
    assert "K1" in out and "steunt" in out and "opnieuw bevestigen" in out


def test_history_text_and_substantive_filter(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """history prints each entry with its recorder; --substantive --json is a list."""
    code, out, _ = run(capsys, "history", "K1")
    assert code == 0 and "Beleidsmedewerker" in out and "{+snel +}" in out
    code, out, _ = run(capsys, "history", "K1", "--substantive", "--json")
    assert code == 0
    assert any(e["event"] == "WordingRevised" for e in json.loads(out))


def test_diff_and_blame(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    """diff prints the word diff; blame --json gives spans with their versions."""
    code, out, _ = run(capsys, "diff", "K1", "1", "2")
    assert code == 0 and "{+snel +}" in out
    code, out, _ = run(capsys, "blame", "K1", "--json")
    assert code == 0
    assert [s["version"] for s in json.loads(out)["spans"]] == [1, 2, 1]
    code, out, _ = run(capsys, "blame", "K1", "--version", "1")
    assert code == 0 and "v1" in out


def test_compare_and_changes(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    """compare BASELINE now names the changed goal; changes --since the baseline lists it."""
    code, out, _ = run(capsys, "compare", "CWIZO-versie", "now", "--json")
    assert code == 0
    assert [g["code"] for g in json.loads(out)["changed"]] == ["K1"]
    code, out, _ = run(capsys, "compare", "CWIZO-versie")
    assert code == 0 and "gewijzigd K1" in out
    code, out, _ = run(capsys, "changes", "--since", "CWIZO-versie", "--json")
    assert code == 0
    assert [g["code"] for g in json.loads(out)["goals"]] == ["K1"]
    code, out, _ = run(capsys, "changes", "--since", "2022-09-01")
    assert code == 0 and "K1" in out


def test_rebuild_reports_progress_on_stderr(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    """rebuild prints its progress on stderr and leaves the read models answering."""
    code, out, err = run(capsys, "rebuild", "--json")
    assert code == 0
    assert "herbouw" in err and json.loads(out)["events"] > 0
    assert run(capsys, "diff", "K1", "1", "2")[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ("state", "--as-of", "16-09-2022"),
        ("state", "--known-at", "gisteren"),
        ("diff", "K1", "1", "x"),
        ("diff", "K1", "1", "9"),
        ("diff", "Z9", "1", "2"),
        ("blame", "K1", "--version", "0"),
        ("compare", "Onbekend"),
        ("changes", "--since", "ooit"),
        ("history", "Z9"),
    ],
)
def test_bad_input_is_a_clear_error_with_exit_code_2(
    store: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    """Bad dates, versions, goal codes and baselines exit with code 2 and a message."""
    code, out, err = run(capsys, *args)
    assert code == 2
    assert err.startswith("onderhandeling: ") and out == ""
