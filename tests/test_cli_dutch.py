"""The command line speaks Dutch to a person: every read command's human output over the demo
names statuses, stances, roles and the present in Dutch and says dates as "1 juni 2023";
``--json`` keeps the English keys and values."""

from __future__ import annotations

import json
import re

import pytest

from onderhandeling.cli import human, main
from onderhandeling.config import parse_database_url
from onderhandeling.domain.values import AmendmentOutcome, GoalStatus, Role, Stance
from onderhandeling.service import Negotiations
from tests.support.negotiation_builder import build_small

# The stored English values a person must never read (passage statuses and "now" too).
ENGLISH = sorted(
    {
        *(v.value for v in (*Stance, *GoalStatus, *Role, *AmendmentOutcome)),
        "orphaned",
        "resolved",
        "now",
    }
)
ENGLISH_WORD = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    assert code == 0, (args, captured.err)
    return captured.out, captured.err


def test_every_read_command_speaks_dutch_over_the_demo(
    env_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "demo")
    state = json.loads(run(capsys, "state", "--json")[0])
    assert state["priorities"][0]["goals"][0]["status"] == "agreed"  # JSON keeps the data
    codes = [g["code"] for p in state["priorities"] for g in p["goals"]]
    status = json.loads(run(capsys, "status", "--json")[0])["agreements"][0]
    baselines = json.loads(run(capsys, "compare", "--json", "CWIZO-versie")[0])
    assert baselines["to"]["name"] == "now"
    commands = [
        ["status"],
        ["state"],
        ["state", "--as-of", "2022-10-01"],
        ["state", "--as-of", "2022-10-01", "--known-at", "2022-10-02"],
        ["state", "--known-at", "2023-01-01T12:00"],
        *(["history", code] for code in codes),
        ["diff", codes[0], "1", "2"],
        *(["blame", code] for code in codes),
        ["compare", "CWIZO-versie"],
        ["changes", "--since", "2022-09-01"],
        ["changes", "--since", "CWIZO-versie"],
        ["user", "list"],
    ]
    said: list[str] = []
    for command in commands:
        out, err = run(capsys, *command)
        assert out.strip(), command
        for line in [*out.splitlines(), *err.splitlines()]:
            english = ENGLISH_WORD.search(line)
            iso = ISO_DATE.search(line)
            if english or iso:
                said.append(f"{' '.join(command)}: {line.strip()[:160]}")
    assert said == []
    # The statuses, stances and roles appear, in Dutch.
    text = run(capsys, "status")[0]
    assert "overeengekomen" in text and "steunt" in text and "ondertekenaar" in text
    assert status["parties"][0]["name"] in text
    assert "→ nu" in run(capsys, "compare", "CWIZO-versie")[0]


def test_help_and_usage_errors_are_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own words too: the usage line, the headings, a missing argument."""
    with pytest.raises(SystemExit):
        main(["history", "--help"])
    help_text = capsys.readouterr().out
    assert help_text.startswith("gebruik: onderhandeling history")
    assert "opties:" in help_text and "toon deze hulp" in help_text and "DOELSTELLING" in help_text
    assert "usage" not in help_text and "show this help" not in help_text
    with pytest.raises(SystemExit) as stopped:
        main(["history"])
    assert stopped.value.code == 2
    assert "fout: deze argumenten ontbreken: DOELSTELLING" in capsys.readouterr().err


def test_the_cli_says_dates_moments_and_labels_in_dutch() -> None:
    """Dates as "1 juni 2023", recorded moments in Dutch local time, a --known-at date as the
    date given, stored values by their Dutch labels."""
    assert human.day("2023-06-01") == "1 juni 2023" and human.day(None) == "-"
    assert human.moment("2022-10-14T07:05:00.000000Z") == "14 oktober 2022, 09:05"
    assert human.known_at("2022-10-02", "2022-10-02T23:59:59.999999Z") == "2 oktober 2022"
    assert human.known_at("2022-10-02T12:00", "2022-10-02T12:00:00Z") == "2 oktober 2022, 14:00"
    assert human.date_or_name("2023-01-01") == "1 januari 2023"
    assert human.date_or_name("CWIZO-versie") == "CWIZO-versie"
    assert human.status("agreed") == "overeengekomen" and human.stance("blocks") == "blokkeert"
    assert human.role("adviser") == "adviseur" and human.baseline("now") == "nu"
    assert human.passage("open") == "open passage"
    assert human.passage("orphaned") == "passage (niet meer in de tekst)"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["history", "Z9"], "doelstelling 'Z9' bestaat niet in dit akkoord"),
        (["compare", "NOPE"], "versie 'NOPE' bestaat niet (bekend: geen)"),
        (
            ["diff", "K1", "1", "9"],
            "doelstelling K1 heeft geen tekstversie 9 (versies 1 tot en met 1)",
        ),
        (["state", "--agreement", "xx"], "akkoord 'xx' niet gevonden"),
        (["state", "--as-of", "14-10-2022"], "verwacht een datum als 2022-10-14"),
        (["token", "create", "nobody"], "account 'nobody' bestaat niet"),
    ],
)
def test_refusals_are_said_in_dutch(
    env_store: str, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    app = Negotiations(parse_database_url(env_store))
    build_small(app)
    app.close()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err == f"onderhandeling: {err.split(': ', 1)[1]}" and said in err, err
