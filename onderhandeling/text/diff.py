"""Word-level diffs for the wording of a goal.

Goal wordings are Dutch policy text that is revised many times during a negotiation.
:func:`word_diff` says what changed between two versions as a list of :class:`DiffOp`: the
read models store them as data, :func:`diff_to_text` renders them for the CLI, and the web
renders its own markup (web/pages/presenting.py). Which version introduced each part of a text
(provenance, "blame") is in provenance.py, built on the same diff.

Everything works on tokens from :func:`tokenize`: words, whitespace runs and single punctuation
marks. Whitespace is a token of its own so that ``"".join(tokenize(t)) == t`` and a diff can be
turned back into both texts exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal

__all__ = ["DiffOp", "diff_to_text", "op_parts", "tokenize", "word_diff"]

DiffKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class DiffOp:
    """One step of a diff: text kept (``equal``), added (``insert``) or removed (``delete``)."""

    kind: DiffKind
    text: str


# --------------------------------------------------------------------------------------------
# Tokenizing
# --------------------------------------------------------------------------------------------

# A letter or digit in any script (``\w``, which also admits "_": harmless in policy text and
# much faster than excluding it). Combining marks are added explicitly because text pasted from
# PDFs sometimes carries decomposed diacritics ("e" + U+0301), and ``\w`` alone would split
# "financie\u0301le" in two.
_WORD_CHAR = r"[\w\u0300-\u036f]"
# Apostrophes join letters ("mbo'ers", "zo’n"); "." and "," join digits ("2.000", "4,5").
_WORD = rf"{_WORD_CHAR}+(?:['’]{_WORD_CHAR}+|(?<=\d)[.,](?=\d){_WORD_CHAR}+)*"
# Dutch elisions that start with an apostrophe: "’s avonds", "'t", "’n". Only ' and ’ count:
# ‘ is always an opening quote.
_ELISION = rf"['’](?i:[stn])(?!{_WORD_CHAR})"
# Anything else is a single punctuation mark; DOTALL makes "." total so no character is lost.
_TOKEN_RE = re.compile(rf"\s+|{_WORD}|{_ELISION}|.", re.DOTALL)
_WORD_TOKEN_RE = re.compile(rf"{_WORD}|{_ELISION}")


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words, whitespace runs and single punctuation marks.

    The split is lossless: ``"".join(tokenize(text)) == text``. Words may contain diacritics,
    inner apostrophes ("mbo'ers", "’s") and, between digits, "." or "," ("2.000", "4,5").
    Typographic quotes ‘ ’ “ ” are punctuation, except ’ inside a word.
    """
    return _TOKEN_RE.findall(text)


def _is_word(token: str) -> bool:
    return _WORD_TOKEN_RE.fullmatch(token) is not None


def _is_blank(token: str) -> bool:
    return token.isspace()


# --------------------------------------------------------------------------------------------
# Diffing
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Opcode:
    """A diff step in token indices: ``old[old_lo:old_hi]`` became ``new[new_lo:new_hi]``."""

    kind: DiffKind
    old_lo: int
    old_hi: int
    new_lo: int
    new_hi: int

    def shift(self, offset: int) -> None:
        self.old_lo += offset
        self.old_hi += offset
        self.new_lo += offset
        self.new_hi += offset


_RawOpcode = tuple[str, int, int, int, int]
_SENTENCE_END = frozenset(".!?…:;")


def _common_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    limit = min(len(a), len(b))
    n = 0
    while n < limit and a[n] == b[n]:
        n += 1
    return n


def _common_suffix(a: Sequence[str], b: Sequence[str], limit: int) -> int:
    n = 0
    while n < limit and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _diff_range(
    a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[_RawOpcode]:
    """difflib-style opcodes turning ``a[a_lo:a_hi]`` into ``b[b_lo:b_hi]``, in indices of the
    full lists."""
    # Successive wordings usually differ in one or two places. Trimming the shared head and tail
    # first keeps SequenceMatcher (quadratic in the worst case) working on the changed middle only.
    x, y = a[a_lo:a_hi], b[b_lo:b_hi]
    prefix = _common_prefix(x, y)
    suffix = _common_suffix(x, y, min(len(x), len(y)) - prefix)
    opcodes: list[_RawOpcode] = []
    if prefix:
        opcodes.append(("equal", a_lo, a_lo + prefix, b_lo, b_lo + prefix))
    matcher = SequenceMatcher(
        None, x[prefix : len(x) - suffix], y[prefix : len(y) - suffix], autojunk=False
    )
    a_off, b_off = a_lo + prefix, b_lo + prefix
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        opcodes.append((tag, i1 + a_off, i2 + a_off, j1 + b_off, j2 + b_off))
    if suffix:
        opcodes.append(("equal", a_hi - suffix, a_hi, b_hi - suffix, b_hi))
    return opcodes


def _units(tokens: list[str]) -> tuple[list[str], list[int]]:
    """Fuse each token with the whitespace after it; return the units and the index of the first
    token of each unit (plus ``len(tokens)``)."""
    starts = [k for k, token in enumerate(tokens) if k == 0 or not token.isspace()]
    units = [tokens[k] if end - k == 1 else "".join(tokens[k:end]) for k, end in pairwise(starts)]
    if starts:
        units.append("".join(tokens[starts[-1] :]))
    starts.append(len(tokens))
    return units, starts


def _raw_opcodes(a: list[str], b: list[str]) -> list[_RawOpcode]:
    """difflib-style opcodes for token lists ``a`` and ``b``, with no two equal ones adjacent."""
    # Diffing tokens directly is slow: the single spaces between words are so common that
    # SequenceMatcher compares each against all the others. So first diff "word + following
    # whitespace" units, which are far more distinctive, and only re-diff the changed units
    # token by token to find the exact words and whitespace that changed.
    a_units, a_starts = _units(a)
    b_units, b_starts = _units(b)
    opcodes: list[_RawOpcode] = []
    for tag, i1, i2, j1, j2 in _diff_range(a_units, b_units, 0, len(a_units), 0, len(b_units)):
        a_lo, a_hi, b_lo, b_hi = a_starts[i1], a_starts[i2], b_starts[j1], b_starts[j2]
        if tag == "equal":
            refined = [("equal", a_lo, a_hi, b_lo, b_hi)]
        else:
            refined = _diff_range(a, b, a_lo, a_hi, b_lo, b_hi)
        for opcode in refined:
            if opcode[0] == "equal" and opcodes and opcodes[-1][0] == "equal":
                opcodes[-1] = ("equal", opcodes[-1][1], opcode[2], opcodes[-1][3], opcode[4])
            else:
                opcodes.append(opcode)
    return opcodes


def _is_chaff(raw: list[_RawOpcode], k: int, a: list[str]) -> bool:
    """Whether raw opcode ``k`` is only whitespace kept between two changes.

    Such whitespace is swallowed into the change around it: otherwise the spaces between the words
    of a rewritten phrase align with each other and shred the phrase into alternating one-word
    deletions and insertions ("[-kat-]{+hond+} [-zat-]{+lag+}" instead of
    "[-kat zat-]{+hond lag+}").
    """
    tag, i1, i2, _, _ = raw[k]
    return (
        tag == "equal"
        and 0 < k < len(raw) - 1
        and raw[k - 1][0] != "equal"
        and raw[k + 1][0] != "equal"
        and all(_is_blank(token) for token in a[i1:i2])
    )


def _merged_opcodes(a: list[str], b: list[str]) -> list[_Opcode]:
    """Opcodes with ``replace`` split and merged so that each changed region reads
    delete-then-insert and no two neighbouring opcodes share a kind."""
    raw = _raw_opcodes(a, b)
    result: list[_Opcode] = []
    region: list[_RawOpcode] = []  # the changed region being collected

    def flush() -> None:
        if region:
            old_lo, old_hi = region[0][1], region[-1][2]
            new_lo, new_hi = region[0][3], region[-1][4]
            if old_hi > old_lo:
                result.append(_Opcode("delete", old_lo, old_hi, new_lo, new_lo))
            if new_hi > new_lo:
                result.append(_Opcode("insert", old_hi, old_hi, new_lo, new_hi))
            region.clear()

    for k, opcode in enumerate(raw):
        if opcode[0] == "equal" and not _is_chaff(raw, k, a):
            flush()
            result.append(_Opcode("equal", *opcode[1:]))
        else:
            region.append(opcode)
    flush()
    return result


def _ends_sentence(tokens: list[str], gap: int) -> bool:
    """Whether the gap before ``tokens[gap]`` sits on either side of the space after a sentence."""
    if _is_blank(tokens[gap]):
        return tokens[gap - 1] in _SENTENCE_END
    return _is_blank(tokens[gap - 1]) and gap >= 2 and tokens[gap - 2] in _SENTENCE_END


def _boundary_score(tokens: list[str], gap: int) -> int:
    """How natural the gap before ``tokens[gap]`` is as the start or end of a change."""
    if gap <= 0 or gap >= len(tokens):
        return 5  # start or end of the text
    left, right = tokens[gap - 1], tokens[gap]
    if "\n" in left or "\n" in right:
        return 4  # line break
    if _ends_sentence(tokens, gap):
        return 3
    if _is_blank(left) or _is_blank(right):
        return 2  # between words
    if not (_is_word(left) and _is_word(right)):
        return 1  # next to punctuation
    return 0


def _best_offset(tokens: list[str], lo: int, hi: int, max_left: int, max_right: int) -> int:
    """The offset that moves ``tokens[lo:hi]`` to its most natural position among equivalents.

    Sliding a lone insertion or deletion over identical tokens on either side changes nothing
    about the texts, only where the change is drawn: "Kamer[.\\n\\nHet mbo]." reads worse than
    "Kamer.[\\n\\nHet mbo.]", and moved-sentence detection needs the sentence to include its
    full stop.
    """
    offsets = [0]
    step = 1
    while step <= max_left and tokens[lo - step] == tokens[hi - step]:
        offsets.append(-step)
        step += 1
    step = 1
    while step <= max_right and tokens[lo + step - 1] == tokens[hi + step - 1]:
        offsets.append(step)
        step += 1
    # Prefer the better boundary, then the smallest slide (difflib's own choice on a tie).
    return max(
        offsets,
        key=lambda d: (
            _boundary_score(tokens, lo + d) + _boundary_score(tokens, hi + d),
            -abs(d),
        ),
    )


def _is_lone_change(opcodes: list[_Opcode], k: int) -> bool:
    """Whether opcode ``k`` is an insertion or deletion with no other change next to it."""
    neighbours = opcodes[max(k - 1, 0) : k] + opcodes[k + 1 : k + 2]
    return opcodes[k].kind != "equal" and all(op.kind == "equal" for op in neighbours)


def _slack(opcodes: list[_Opcode], k: int) -> int:
    """How many tokens a change may take from the equal opcode ``k`` while sliding into it."""
    if not 0 <= k < len(opcodes):
        return 0
    length = opcodes[k].new_hi - opcodes[k].new_lo
    # Only an equal at the edge of the text may be used up entirely; elsewhere it keeps a token so
    # that two changes never end up side by side and would need merging again.
    at_edge = k in (0, len(opcodes) - 1)
    return length if at_edge else length - 1


def _slide_lone_changes(opcodes: list[_Opcode], a: list[str], b: list[str]) -> list[_Opcode]:
    """Move each lone insertion or deletion to the most natural of its equivalent positions."""
    for k, op in enumerate(opcodes):
        if not _is_lone_change(opcodes, k):
            continue
        tokens, lo, hi = (
            (b, op.new_lo, op.new_hi) if op.kind == "insert" else (a, op.old_lo, op.old_hi)
        )
        offset = _best_offset(tokens, lo, hi, _slack(opcodes, k - 1), _slack(opcodes, k + 1))
        if not offset:
            continue
        op.shift(offset)
        if k > 0:
            opcodes[k - 1].old_hi += offset
            opcodes[k - 1].new_hi += offset
        if k + 1 < len(opcodes):
            opcodes[k + 1].old_lo += offset
            opcodes[k + 1].new_lo += offset
    return [op for op in opcodes if op.new_hi > op.new_lo or op.old_hi > op.old_lo]


def _token_opcodes(a: list[str], b: list[str]) -> list[_Opcode]:
    """The diff of token lists ``a`` and ``b`` as merged, slid opcodes."""
    return _slide_lone_changes(_merged_opcodes(a, b), a, b)


def word_diff(old: str, new: str) -> list[DiffOp]:
    """Diff two texts word by word.

    Whitespace changes count as changes. Within a changed region the deletion comes before the
    insertion, and neighbouring ops never share a kind. Joining the ``equal`` and ``delete`` texts
    gives ``old``; joining the ``equal`` and ``insert`` texts gives ``new``. Two empty texts give
    an empty list.
    """
    a, b = tokenize(old), tokenize(new)
    return _diff_ops(_token_opcodes(a, b), a, b)


def _diff_ops(opcodes: list[_Opcode], a: list[str], b: list[str]) -> list[DiffOp]:
    ops: list[DiffOp] = []
    for op in opcodes:
        source = b[op.new_lo : op.new_hi] if op.kind == "insert" else a[op.old_lo : op.old_hi]
        ops.append(DiffOp(op.kind, "".join(source)))
    return ops


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------

_TEXT_WRAPPERS: dict[str, tuple[str, str]] = {
    "equal": ("", ""),
    "delete": ("[-", "-]"),
    "insert": ("{+", "+}"),
}


def op_parts(ops: Iterable[DiffOp | Mapping[str, str]]) -> Iterator[tuple[str, str]]:
    """(kind, text) of each op, given as :class:`DiffOp` or as read back ({"kind", "text"})."""
    for op in ops:
        yield (op.kind, op.text) if isinstance(op, DiffOp) else (op["kind"], op["text"])


def diff_to_text(ops: Iterable[DiffOp | Mapping[str, str]]) -> str:
    """Render a diff as plain text in wdiff style: ``[-deleted-]{+inserted+}``."""
    parts: list[str] = []
    for kind, text in op_parts(ops):
        opening, closing = _TEXT_WRAPPERS[kind]
        parts.append(f"{opening}{text}{closing}")
    return "".join(parts)
