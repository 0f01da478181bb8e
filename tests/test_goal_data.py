"""The goal page's data without HTTP: a long unchanged stretch of a diff is cut around the
change, and an amendment's proposal is diffed against the wording it amends."""

from __future__ import annotations

from onderhandeling.text.diff import word_diff
from onderhandeling.web.pages.goal_data import compact, proposed_wording

LONG = " ".join(f"woord{n}" for n in range(40))


def test_a_small_change_in_a_long_wording_keeps_a_few_words_around_it() -> None:
    """`context` words on each side of the change; the rest becomes an ellipsis."""
    ops = compact(word_diff(LONG, LONG.replace("woord20", "nieuw")), context=3)
    text = "".join(op.text for op in ops)
    assert text == " … woord17 woord18 woord19 woord20nieuw woord21 woord22 woord23 … "
    assert [op.text for op in ops if op.kind != "equal"] == ["woord20", "nieuw"]


def test_a_short_wording_is_shown_whole() -> None:
    """Nothing is cut when there is no long stretch to cut."""
    ops = word_diff("Een korte tekst.", "Een langere tekst.")
    assert compact(ops) == ops


def test_an_amendment_replacing_a_quote_is_diffed_against_the_wording_it_amends() -> None:
    """The proposal is the amended version with the quote replaced, once."""

    class Amendment:
        quote = "kansen"
        replacement = "gelijke kansen"
        text = None

    amended = "Studenten krijgen kansen op kansen."
    proposed = proposed_wording(Amendment(), amended)  # type: ignore[arg-type]
    assert proposed == "Studenten krijgen gelijke kansen op kansen."
    inserted = [op.text for op in word_diff(amended, proposed) if op.kind == "insert"]
    assert inserted == ["gelijke "]
