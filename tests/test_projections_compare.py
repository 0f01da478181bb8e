"""Baselines compared with each other or with now, and changes since a date or baseline."""

from __future__ import annotations

import pytest

from onderhandeling.domain.errors import NotFound
from onderhandeling.readmodel import changes_since, compare_baselines
from onderhandeling.service import Negotiations
from tests.support.projections import Rich


def test_compare_baselines_lists_changed_added_and_dropped_goals(
    app: Negotiations, rich: Rich
) -> None:
    """Comparing a baseline with now names changed goals with a word diff, added goals, and
    goals dropped by status; two baselines compare the same way."""
    agreement = rich.small.agreement
    now = compare_baselines(app, agreement, "Eerste versie")
    assert [g["code"] for g in now["changed"]] == ["K1"]
    assert now["changed"][0]["from_version"] == 1 and now["changed"][0]["to_version"] == 4
    assert "{+passende +}" in now["changed"][0]["diff_text"]
    assert [g["code"] for g in now["added"]] == ["K2"]
    assert [(g["code"], g["reason"]) for g in now["dropped"]] == [("A1", "status dropped")]
    between = compare_baselines(app, agreement, "Eerste versie", "MR-versie")
    assert [g["code"] for g in between["changed"]] == ["K1"] and between["added"] == []


def test_changes_since_a_baseline_or_a_date_are_grouped_by_goal(
    app: Negotiations, rich: Rich
) -> None:
    """Changes since a baseline are the events recorded after it; since a date, those taking
    effect from that date; both grouped by goal."""
    agreement = rich.small.agreement
    since_mr = changes_since(app, agreement, "MR-versie")
    assert [g["code"] for g in since_mr["goals"]] == ["K1", "A1", "K2"]  # frozen, added
    since_date = changes_since(app, agreement, "2022-09-16")
    codes = [g["code"] for g in since_date["goals"]]
    assert "K1" in codes and all(
        e["effective_date"] >= "2022-09-16" for g in since_date["goals"] for e in g["entries"]
    )


def test_unknown_baseline_and_bad_dates_are_domain_errors(app: Negotiations, rich: Rich) -> None:
    """An unknown baseline or since-value raises NotFound naming the known baselines."""
    with pytest.raises(NotFound, match="MR-versie"):
        compare_baselines(app, rich.small.agreement, "Onbekend")
    with pytest.raises(NotFound):
        changes_since(app, rich.small.agreement, "gisteren")
