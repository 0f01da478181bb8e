"""Tests for word-level wording diffs and provenance (blame)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import pairwise

import pytest

from onderhandeling.text.diff import DiffOp, diff_to_text, tokenize, word_diff
from onderhandeling.text.provenance import (
    MIN_MOVE_WORDS,
    Span,
    carry_provenance,
    diff_and_provenance,
    first_provenance,
    provenance_of,
)
from onderhandeling.web.pages.presenting import diff_to_html

SAMPLES = [
    "",
    "Het mbo, nu!",
    "Studenten betalen ’s avonds € 4,5 mln. voor 2.000 plekken (4,5%).",
    "De minister zegt: “Goed zo.” En de bond: ‘Nee’.\n\nNieuwe alinea\r\nmet CRLF.",
    "mbo'ers en zo’n   financiële coördinatie\t— klaar…",
    "financie\u0301le steun",
    "   \n  ",
]

# Fragments for randomised texts: words, Dutch punctuation, quotes, numbers and odd whitespace.
FRAGMENTS = [
    "de",
    "het",
    "mbo",
    "studenten",
    "minister",
    "’s",
    "mbo'ers",
    "€",
    "4,5",
    "2.000",
    "%",
    ".",
    ",",
    "“",
    "”",
    "‘",
    "’",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "é",
    "-",
]


def random_text(rng: random.Random, max_fragments: int = 30) -> str:
    return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, max_fragments)))


def edit_randomly(rng: random.Random, text: str) -> str:
    """Randomly insert, delete and move tokens of ``text``."""
    tokens = tokenize(text)
    for _ in range(rng.randint(1, 3)):
        action = rng.random()
        if action < 0.4 or not tokens:
            tokens.insert(rng.randint(0, len(tokens)), rng.choice(FRAGMENTS))
        elif action < 0.7:
            del tokens[rng.randrange(len(tokens))]
        else:
            start = rng.randrange(len(tokens))
            chunk = tokens[start : start + rng.randint(1, 12)]
            del tokens[start : start + len(chunk)]
            position = rng.randint(0, len(tokens))
            tokens[position:position] = chunk
    return "".join(tokens)


def old_side(ops: list[DiffOp]) -> str:
    return "".join(op.text for op in ops if op.kind != "insert")


def new_side(ops: list[DiffOp]) -> str:
    return "".join(op.text for op in ops if op.kind != "delete")


def joined(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


def versions_of(spans: list[Span]) -> list[tuple[str, int]]:
    return [(span.text, span.version) for span in spans]


# --------------------------------------------------------------------------------------------
# tokenize
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", SAMPLES)
def test_tokenize_is_lossless_on_samples(text: str) -> None:
    """Joining the tokens of a sample text gives back the text exactly."""
    assert "".join(tokenize(text)) == text


def test_tokenize_is_lossless_on_random_texts() -> None:
    """Joining the tokens of seeded random texts gives back each text exactly."""
    rng = random.Random(20240611)
    for _ in range(500):
        text = random_text(rng)
        assert "".join(tokenize(text)) == text


def test_tokenize_separates_words_whitespace_and_punctuation() -> None:
    """Words, whitespace runs and punctuation marks are separate tokens."""
    assert tokenize("Het mbo, nu!") == ["Het", " ", "mbo", ",", " ", "nu", "!"]


def test_tokenize_keeps_a_whitespace_run_with_newlines_as_one_token() -> None:
    """A run of spaces and newlines is a single token."""
    assert tokenize("alinea.\n\n  Volgende") == ["alinea", ".", "\n\n  ", "Volgende"]


def test_tokenize_keeps_diacritics_inside_words() -> None:
    """Letters with diacritics, precomposed or combining, belong to their word."""
    assert tokenize("financiële coördinatie") == ["financiële", " ", "coördinatie"]
    assert tokenize("financie\u0301le") == ["financie\u0301le"]


def test_tokenize_keeps_inner_apostrophes_in_words() -> None:
    """An apostrophe between letters ("mbo'ers", "zo’n") does not split the word."""
    assert tokenize("mbo'ers zo’n") == ["mbo'ers", " ", "zo’n"]


def test_tokenize_keeps_elisions_as_one_word() -> None:
    """Dutch elisions like "’s", "'s" and "’t" are single word tokens."""
    assert tokenize("’s avonds") == ["’s", " ", "avonds"]
    assert tokenize("'s-Hertogenbosch") == ["'s", "-", "Hertogenbosch"]
    assert tokenize("op ’t werk") == ["op", " ", "’t", " ", "werk"]


def test_tokenize_keeps_numbers_with_separators_together() -> None:
    """Digits joined by "." or "," stay one token; currency and percent signs are separate."""
    assert tokenize("€ 4,5 en 2.000 of 4,5%") == [
        "€",
        " ",
        "4,5",
        " ",
        "en",
        " ",
        "2.000",
        " ",
        "of",
        " ",
        "4,5",
        "%",
    ]


def test_tokenize_splits_sentence_final_period_after_number() -> None:
    """A full stop after a number ends the sentence instead of joining the number."""
    assert tokenize("in 2025.") == ["in", " ", "2025", "."]


def test_tokenize_treats_typographic_quotes_as_punctuation() -> None:
    """Typographic quotes around words are punctuation tokens of their own."""
    assert tokenize("“goed” ‘slecht’") == ["“", "goed", "”", " ", "‘", "slecht", "’"]


def test_tokenize_of_empty_text_is_empty() -> None:
    """The empty text has no tokens."""
    assert tokenize("") == []


# --------------------------------------------------------------------------------------------
# word_diff
# --------------------------------------------------------------------------------------------


def test_word_diff_of_identical_texts_is_a_single_equal_op() -> None:
    """Identical texts give one equal op holding the whole text."""
    text = "De minister investeert € 4,5 mln."
    assert word_diff(text, text) == [DiffOp("equal", text)]


def test_word_diff_of_two_empty_texts_is_empty() -> None:
    """Two empty texts give no ops at all."""
    assert word_diff("", "") == []


def test_word_diff_from_empty_old_text_is_a_single_insert() -> None:
    """Starting from an empty text everything is one insertion."""
    assert word_diff("", "Nieuwe tekst.") == [DiffOp("insert", "Nieuwe tekst.")]


def test_word_diff_to_empty_new_text_is_a_single_delete() -> None:
    """Clearing a text is one deletion."""
    assert word_diff("Oude tekst.", "") == [DiffOp("delete", "Oude tekst.")]


def test_word_diff_finds_an_insertion_in_the_middle() -> None:
    """Words added mid-sentence show as one insertion between unchanged text."""
    assert word_diff("Het mbo krijgt geld.", "Het mbo krijgt extra geld.") == [
        DiffOp("equal", "Het mbo krijgt "),
        DiffOp("insert", "extra "),
        DiffOp("equal", "geld."),
    ]


def test_word_diff_finds_a_deletion() -> None:
    """Words removed from a sentence show as one deletion."""
    assert word_diff("Het mbo krijgt veel extra geld.", "Het mbo krijgt geld.") == [
        DiffOp("equal", "Het mbo krijgt "),
        DiffOp("delete", "veel extra "),
        DiffOp("equal", "geld."),
    ]


def test_word_diff_shows_a_replaced_phrase_as_delete_then_insert() -> None:
    """A rewritten phrase is one deletion followed by one insertion, not a word-by-word mix."""
    assert word_diff("de kat zat op de mat", "de hond lag op de mat") == [
        DiffOp("equal", "de "),
        DiffOp("delete", "kat zat"),
        DiffOp("insert", "hond lag"),
        DiffOp("equal", " op de mat"),
    ]


def test_word_diff_counts_whitespace_only_changes() -> None:
    """Changing only the spacing between unchanged words is reported as a change."""
    assert word_diff("twee woorden", "twee  woorden") == [
        DiffOp("equal", "twee"),
        DiffOp("delete", " "),
        DiffOp("insert", "  "),
        DiffOp("equal", "woorden"),
    ]


def test_word_diff_reports_an_added_line_break() -> None:
    """Turning a space into a paragraph break is a change of that whitespace."""
    assert word_diff("Eerste zin. Tweede zin.", "Eerste zin.\n\nTweede zin.") == [
        DiffOp("equal", "Eerste zin."),
        DiffOp("delete", " "),
        DiffOp("insert", "\n\n"),
        DiffOp("equal", "Tweede zin."),
    ]


def test_word_diff_changes_a_dutch_number_as_a_whole() -> None:
    """A changed amount like "4,5" is replaced whole while "€" and "%" stay equal."""
    assert word_diff("€ 4,5 (4,5%)", "€ 2.000 (5,0%)") == [
        DiffOp("equal", "€ "),
        DiffOp("delete", "4,5"),
        DiffOp("insert", "2.000"),
        DiffOp("equal", " ("),
        DiffOp("delete", "4,5"),
        DiffOp("insert", "5,0"),
        DiffOp("equal", "%)"),
    ]


def test_word_diff_keeps_typographic_quotes_equal_around_a_changed_word() -> None:
    """Replacing a quoted word leaves the quote marks and elisions unchanged."""
    assert word_diff("’s avonds “goed”", "’s avonds “beter”") == [
        DiffOp("equal", "’s avonds “"),
        DiffOp("delete", "goed"),
        DiffOp("insert", "beter"),
        DiffOp("equal", "”"),
    ]


def test_word_diff_keeps_a_full_stop_with_its_sentence() -> None:
    """A lone change slides over identical tokens to end at the sentence boundary."""
    assert word_diff("De Kamer.\nHet mbo.", "Het mbo.\n\nDe Kamer.") == [
        DiffOp("insert", "Het mbo.\n\n"),
        DiffOp("equal", "De Kamer."),
        DiffOp("delete", "\nHet mbo."),
    ]


def test_word_diff_keeps_an_ambiguous_insertion_where_the_matcher_put_it() -> None:
    """An insertion with equally natural positions is not slid away from the matcher's choice."""
    assert word_diff("Eerste zin. Derde zin.", "Eerste zin. Tweede zin. Derde zin.") == [
        DiffOp("equal", "Eerste zin. "),
        DiffOp("insert", "Tweede zin. "),
        DiffOp("equal", "Derde zin."),
    ]


def test_word_diff_never_emits_neighbouring_ops_of_the_same_kind() -> None:
    """Adjacent ops always differ in kind, so same-kind runs have been merged."""
    rng = random.Random(7)
    for _ in range(300):
        ops = word_diff(random_text(rng), random_text(rng))
        assert all(a.kind != b.kind for a, b in pairwise(ops))


def test_word_diff_never_emits_empty_ops() -> None:
    """Every op carries at least one character."""
    rng = random.Random(8)
    for _ in range(300):
        assert all(op.text for op in word_diff(random_text(rng), random_text(rng)))


def test_word_diff_puts_deletions_before_insertions() -> None:
    """Within a changed region an insertion is never followed directly by a deletion."""
    rng = random.Random(11)
    for _ in range(300):
        ops = word_diff(random_text(rng), random_text(rng))
        assert not any(a.kind == "insert" and b.kind == "delete" for a, b in pairwise(ops))


@pytest.mark.parametrize("old", SAMPLES)
@pytest.mark.parametrize("new", SAMPLES)
def test_word_diff_sides_concatenate_to_the_sample_texts(old: str, new: str) -> None:
    """Equal+delete texts give the old sample and equal+insert texts give the new one."""
    ops = word_diff(old, new)
    assert old_side(ops) == old
    assert new_side(ops) == new


def test_word_diff_sides_concatenate_to_random_texts() -> None:
    """For seeded random text pairs both sides of the diff rebuild their texts exactly."""
    rng = random.Random(42)
    for _ in range(500):
        old, new = random_text(rng), random_text(rng)
        ops = word_diff(old, new)
        assert old_side(ops) == old
        assert new_side(ops) == new


def test_word_diff_sides_concatenate_for_small_random_edits() -> None:
    """For seeded random edits of one text both sides of the diff rebuild their texts exactly."""
    rng = random.Random(99)
    for _ in range(300):
        tokens = tokenize(random_text(rng, 60))
        edited = list(tokens)
        for _ in range(rng.randint(1, 4)):
            position = rng.randint(0, len(edited))
            edited[position:position] = [rng.choice(FRAGMENTS)]
            if edited and rng.random() < 0.5:
                del edited[rng.randrange(len(edited))]
        old, new = "".join(tokens), "".join(edited)
        ops = word_diff(old, new)
        assert old_side(ops) == old
        assert new_side(ops) == new


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def test_diff_to_html_marks_deletions_with_a_hidden_label() -> None:
    """A deletion renders as <del> with a screen-reader "[verwijderd: …]" label."""
    assert diff_to_html([DiffOp("delete", "oud")]) == (
        '<del class="diff-del"><span class="visually-hidden">[verwijderd: </span>oud'
        '<span class="visually-hidden">]</span></del>'
    )


def test_diff_to_html_marks_insertions_with_a_hidden_label() -> None:
    """An insertion renders as <ins> with a screen-reader "[ingevoegd: …]" label."""
    assert diff_to_html([DiffOp("insert", "nieuw")]) == (
        '<ins class="diff-ins"><span class="visually-hidden">[ingevoegd: </span>nieuw'
        '<span class="visually-hidden">]</span></ins>'
    )


def test_diff_to_html_leaves_equal_text_unwrapped() -> None:
    """Unchanged text is rendered as plain escaped text."""
    assert diff_to_html([DiffOp("equal", "’s avonds € 4,5")]) == "’s avonds € 4,5"


def test_diff_to_html_escapes_markup_and_quotes() -> None:
    """HTML special characters, including both quote characters, are escaped."""
    assert diff_to_html([DiffOp("equal", "<b>\"A\" & 'B'</b>")]) == (
        "&lt;b&gt;&quot;A&quot; &amp; &#x27;B&#x27;&lt;/b&gt;"
    )


def test_diff_to_html_turns_newlines_into_line_breaks() -> None:
    """Each newline, also inside a change, becomes "<br>" followed by a newline."""
    html = diff_to_html([DiffOp("equal", "a\nb"), DiffOp("insert", "\n")])
    assert html.startswith("a<br>\nb<ins")
    assert "</span><br>\n<span" in html


def test_diff_to_text_uses_wdiff_markers() -> None:
    """Plain text output marks deletions as [-…-] and insertions as {+…+}."""
    ops = word_diff("de kat zat op de mat", "de hond lag op de mat")
    assert diff_to_text(ops) == "de [-kat zat-]{+hond lag+} op de mat"


# --------------------------------------------------------------------------------------------
# Provenance
# --------------------------------------------------------------------------------------------

S1 = "Het mbo krijgt meer geld."
S2 = "Instellingen werken samen met ’s lands werkgevers."
S3 = "De minister rapporteert jaarlijks aan de Kamer."


def test_first_provenance_attributes_everything_to_the_first_version() -> None:
    """The first wording is one span of its own version."""
    assert first_provenance(S1, 3) == [Span(S1, 3)]


def test_first_provenance_of_empty_text_is_empty() -> None:
    """An empty first wording has no spans."""
    assert first_provenance("", 1) == []


def test_carry_provenance_keeps_versions_of_identical_text() -> None:
    """An unchanged wording keeps its spans as they were."""
    previous = [Span("Het mbo ", 1), Span("krijgt geld.", 2)]
    assert carry_provenance(previous, "Het mbo krijgt geld.", 3) == previous


def test_carry_provenance_attributes_an_insertion_to_the_new_version() -> None:
    """Words inserted mid-sentence get the new version; the rest keeps the old one."""
    spans = carry_provenance([Span(S1, 1)], "Het mbo krijgt veel meer geld.", 2)
    assert versions_of(spans) == [
        ("Het mbo krijgt ", 1),
        ("veel ", 2),
        ("meer geld.", 1),
    ]


def test_carry_provenance_drops_deleted_text() -> None:
    """Deleted words disappear and the surrounding text keeps its version."""
    spans = carry_provenance([Span(S1, 1)], "Het mbo krijgt geld.", 2)
    assert spans == [Span("Het mbo krijgt geld.", 1)]


def test_carry_provenance_attributes_a_replaced_phrase_to_the_new_version() -> None:
    """A rewritten phrase gets the new version while its context keeps the old one."""
    spans = carry_provenance([Span(S1, 1)], "Het mbo krijgt minder subsidie.", 2)
    assert versions_of(spans) == [("Het mbo krijgt ", 1), ("minder subsidie", 2), (".", 1)]


def test_carry_provenance_from_empty_text_attributes_all_to_new_version() -> None:
    """Text written into an empty wording belongs entirely to the new version."""
    assert carry_provenance([], S1, 2) == [Span(S1, 2)]


def test_carry_provenance_to_empty_text_is_empty() -> None:
    """Clearing the wording leaves no spans."""
    assert carry_provenance([Span(S1, 1)], "", 2) == []


def test_carry_provenance_keeps_the_version_of_a_moved_sentence() -> None:
    """A sentence moved elsewhere unchanged keeps the version that introduced it."""
    previous = [Span(f"{S1} ", 1), Span(f"{S2} ", 2), Span(S3, 3)]
    spans = carry_provenance(previous, f"{S2} {S1} {S3}", 4)
    assert joined(spans) == f"{S2} {S1} {S3}"
    assert Span(S1, 1) in spans
    assert all(span.version != 4 for span in spans if span.text.strip())


def test_carry_provenance_keeps_mixed_versions_inside_a_moved_sentence() -> None:
    """A moved sentence whose words came from different versions keeps each of them."""
    previous = [Span("Het mbo krijgt ", 1), Span("veel ", 2), Span(f"meer geld. {S3}", 1)]
    spans = carry_provenance(previous, f"{S3} Het mbo krijgt veel meer geld.", 5)
    assert versions_of(spans)[-3:] == [
        ("Het mbo krijgt ", 1),
        ("veel ", 2),
        ("meer geld.", 1),
    ]
    assert all(span.version != 5 for span in spans if span.text.strip())


def test_carry_provenance_moved_sentence_across_versions_via_provenance_of() -> None:
    """Blame over a history keeps the original version of a sentence moved in a later one."""
    spans = provenance_of(
        [
            (1, f"{S1} {S3}"),
            (2, f"{S1} {S2} {S3}"),
            (3, f"{S2} {S3} {S1}"),
        ]
    )
    assert versions_of(spans) == [(f"{S2} ", 2), (S3, 1), (" ", 3), (S1, 1)]


def test_carry_provenance_keeps_versions_of_long_unchanged_runs_in_a_moved_edited_sentence() -> (
    None
):
    """In a sentence moved and edited at once, unchanged runs of four or more words keep their
    version and the edit gets the new one."""
    sentence = "Het mbo krijgt vanaf volgend jaar meer geld voor stages."
    edited = "Het mbo krijgt vanaf volgend jaar veel meer geld voor stages."
    spans = carry_provenance([Span(f"{sentence} ", 1), Span(S3, 3)], f"{S3} {edited}", 4)
    assert versions_of(spans) == [
        (S3, 3),
        (" ", 4),
        ("Het mbo krijgt vanaf volgend jaar", 1),
        (" veel ", 4),
        ("meer geld voor stages.", 1),
    ]


def test_carry_provenance_does_not_treat_a_short_run_as_moved() -> None:
    """A reinserted run shorter than the move threshold counts as new text."""
    short = " ".join(["kort"] * (MIN_MOVE_WORDS - 1))
    previous = [Span(f"{short}. {S1}", 1)]
    spans = carry_provenance(previous, f"{S1} {short}.", 2)
    assert spans[-1] == Span(f" {short}.", 2)


def test_carry_provenance_does_not_treat_a_copy_as_moved() -> None:
    """Duplicating a sentence that still exists gives the copy the new version."""
    spans = carry_provenance([Span(S1, 1)], f"{S1} {S1}", 2)
    assert versions_of(spans) == [(S1, 1), (f" {S1}", 2)]


def test_carry_provenance_gives_whitespace_around_a_moved_sentence_the_new_version() -> None:
    """Only the moved sentence itself keeps its version, not the whitespace placed around it."""
    previous = [Span(f"{S1}\n", 1), Span(S3, 3)]
    spans = carry_provenance(previous, f"{S3}\n\n{S1}", 4)
    assert versions_of(spans) == [(S3, 3), ("\n\n", 4), (S1, 1)]


def test_carry_provenance_honours_span_boundaries_inside_words() -> None:
    """Previous spans that split a word keep their exact boundaries when carried forward."""
    previous = [Span("Het mb", 1), Span("o krijgt geld.", 2)]
    spans = carry_provenance(previous, "Het mbo krijgt extra geld.", 3)
    assert versions_of(spans) == [
        ("Het mb", 1),
        ("o krijgt ", 2),
        ("extra ", 3),
        ("geld.", 2),
    ]


def test_carry_provenance_merges_neighbouring_spans_of_one_version() -> None:
    """Neighbouring spans of the same version are merged into one."""
    previous = [Span("Het ", 1), Span("mbo ", 1), Span("krijgt geld.", 1)]
    assert carry_provenance(previous, "Het mbo krijgt geld.", 2) == [
        Span("Het mbo krijgt geld.", 1)
    ]


def random_history(seed: int) -> Iterator[tuple[str, int, list[Span]]]:
    """Carry provenance through seeded random histories; yield each wording, its version and
    its spans."""
    rng = random.Random(seed)
    for _ in range(30):
        spans = first_provenance(random_text(rng, 40), 1)
        for version in range(2, 25):
            text = random_text(rng, 40) if rng.random() < 0.2 else edit_randomly(rng, joined(spans))
            spans = carry_provenance(spans, text, version)
            yield text, version, spans


def test_carry_provenance_spans_concatenate_to_random_wordings() -> None:
    """Over seeded random histories the spans always concatenate to the new wording."""
    for text, _, spans in random_history(2024):
        assert joined(spans) == text


def test_carry_provenance_spans_are_non_empty_and_merged_in_random_histories() -> None:
    """Over seeded random histories no span is empty and no two neighbours share a version."""
    for _, _, spans in random_history(2025):
        assert all(span.text for span in spans)
        assert all(a.version != b.version for a, b in pairwise(spans))


def test_carry_provenance_only_uses_versions_seen_so_far() -> None:
    """Over seeded random histories every span's version lies between the first and newest."""
    for _, version, spans in random_history(2026):
        assert all(1 <= span.version <= version for span in spans)


def test_diff_and_provenance_equals_the_separate_calls_in_random_histories() -> None:
    """Over seeded random histories the one-diff function returns exactly what word_diff and
    carry_provenance return separately."""
    count = 0
    for seed in (2024, 2025, 2026, 2027):
        rng = random.Random(seed)
        for _ in range(30):
            spans = first_provenance(random_text(rng, 40), 1)
            for version in range(2, 25):
                previous = joined(spans)
                fresh = rng.random() < 0.2
                text = random_text(rng, 40) if fresh else edit_randomly(rng, previous)
                ops, carried = diff_and_provenance(spans, text, version)
                assert ops == word_diff(previous, text)
                assert carried == carry_provenance(spans, text, version)
                spans = carried
                count += 1
    assert count == 4 * 30 * 23


@pytest.mark.parametrize("old", SAMPLES)
@pytest.mark.parametrize("new", SAMPLES)
def test_diff_and_provenance_equals_the_separate_calls_on_samples(old: str, new: str) -> None:
    """On every pair of sample texts, split into spans of two versions, both results equal the
    separate calls."""
    half = len(old) // 2
    spans = [s for s in (Span(old[:half], 1), Span(old[half:], 2)) if s.text]
    assert diff_and_provenance(spans, new, 3) == (
        word_diff(old, new),
        carry_provenance(spans, new, 3),
    )


def test_diff_and_provenance_keeps_a_moved_sentence_and_marks_the_change() -> None:
    """A moved sentence keeps its version in the spans while the diff shows it deleted and
    inserted."""
    previous = [Span("Eerste zin staat hier nu. ", 1), Span("Tweede zin komt erbij.", 2)]
    text = "Tweede zin komt erbij. Eerste zin staat hier nu."
    ops, spans = diff_and_provenance(previous, text, 3)
    assert old_side(ops) == joined(previous) and new_side(ops) == text
    assert ("Tweede zin komt erbij.", 2) in versions_of(spans)
    assert ("Eerste zin staat hier nu.", 1) in versions_of(spans)


def test_provenance_of_folds_over_the_history() -> None:
    """provenance_of attributes each part of the last wording to the version that added it."""
    spans = provenance_of([(1, "Het mbo."), (2, "Het mbo krijgt geld."), (3, "Het mbo krijgt.")])
    assert versions_of(spans) == [("Het mbo", 1), (" krijgt", 2), (".", 1)]


def test_provenance_of_empty_history_is_empty() -> None:
    """No versions means no spans."""
    assert provenance_of([]) == []


def test_provenance_of_single_version_is_first_provenance() -> None:
    """A one-version history is attributed entirely to that version."""
    assert provenance_of([(7, S1)]) == [Span(S1, 7)]
