"""Provenance ("blame") of a goal's wording: which version introduced each part of it.

:func:`carry_provenance` pushes the per-span versions of one wording forward to the next, so a
history of N versions costs N diffs of neighbouring versions instead of re-diffing the whole
history each time. :func:`diff_and_provenance` returns the word diff and the carried
provenance from a single diff (the projector stores both per revision). The diff itself, and
the tokens it works on, come from wording_diff.py.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

# The provenance walks the same token opcodes as the diff, so it shares its internals.
from onderhandeling.text.diff import (
    DiffOp,
    _diff_ops,
    _is_blank,
    _is_word,
    _Opcode,
    _token_opcodes,
    tokenize,
)

__all__ = [
    "MIN_MOVE_WORDS",
    "Span",
    "carry_provenance",
    "diff_and_provenance",
    "first_provenance",
    "provenance_of",
]

# A deleted-and-reinserted run must contain at least this many words to count as *moved*.
# Shorter runs ("in het mbo", "de minister") recur by chance too often to be evidence of a move.
MIN_MOVE_WORDS = 4


@dataclass(frozen=True)
class Span:
    """A piece of a wording together with the wording version that introduced it."""

    text: str
    version: int


def first_provenance(text: str, version: int) -> list[Span]:
    """Provenance of a first wording: all of it was introduced by ``version``."""
    return [Span(text, version)] if text else []


class _VersionIndex:
    """Looks up the versions covering a character range of the previous wording."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.starts: list[int] = []
        self.versions: list[int] = []
        offset = 0
        for span in spans:
            if span.text:
                self.starts.append(offset)
                self.versions.append(span.version)
                offset += len(span.text)
        self.text = "".join(span.text for span in spans)

    def pieces(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """Yield ``(start, end, version)`` pieces that exactly cover ``[start, end)``."""
        k = bisect.bisect_right(self.starts, start) - 1
        while start < end:
            piece_end = self.starts[k + 1] if k + 1 < len(self.starts) else end
            piece_end = min(piece_end, end)
            yield start, piece_end, self.versions[k]
            start = piece_end
            k += 1


def _offsets(tokens: list[str]) -> list[int]:
    """Character offset of each token, plus the total length at the end."""
    return list(accumulate(map(len, tokens), initial=0))


def _gram_ends(tokens: list[str], lo: int, hi: int) -> dict[int, int]:
    """For each non-blank token in ``[lo, hi)``, the end of the shortest run starting there that
    holds ``MIN_MOVE_WORDS`` words, if that run fits in the range."""
    words = [k for k in range(lo, hi) if _is_word(tokens[k])]
    ends: dict[int, int] = {}
    w = 0  # index into ``words`` of the first word at or after the current start
    for start in range(lo, hi):
        while w < len(words) and words[w] < start:
            w += 1
        last = w + MIN_MOVE_WORDS - 1
        if last >= len(words):
            break
        if not _is_blank(tokens[start]):
            ends[start] = words[last] + 1
    return ends


@dataclass
class _MoveFinder:
    """Matches inserted token runs against deleted ones (see :func:`carry_provenance`)."""

    old: list[str]
    new: list[str]
    used: bytearray  # old tokens already claimed by a move
    # Key: the tokens of a minimal MIN_MOVE_WORDS-word run. Value: (start, end of its region).
    index: dict[tuple[str, ...], list[tuple[int, int]]]

    @classmethod
    def build(cls, old: list[str], new: list[str], deleted: list[tuple[int, int]]) -> _MoveFinder:
        index: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for lo, hi in deleted:
            for start, end in _gram_ends(old, lo, hi).items():
                index.setdefault(tuple(old[start:end]), []).append((start, hi))
        return cls(old, new, bytearray(len(old)), index)

    def _run_length(self, new_start: int, new_hi: int, old_start: int, old_hi: int) -> int:
        """Length of the common, unclaimed token run, without trailing whitespace."""
        n = 0
        while (
            new_start + n < new_hi
            and old_start + n < old_hi
            and not self.used[old_start + n]
            and self.new[new_start + n] == self.old[old_start + n]
        ):
            n += 1
        # Surrounding whitespace is not part of a moved sentence: it belongs to its new context.
        while n and _is_blank(self.new[new_start + n - 1]):
            n -= 1
        return n

    def _best_match(self, start: int, end: int, hi: int) -> tuple[int, int] | None:
        """Longest deleted run matching the inserted run at ``start`` (minimal run ``end``)."""
        best: tuple[int, int] | None = None
        for old_start, old_hi in self.index.get(tuple(self.new[start:end]), ()):
            length = self._run_length(start, hi, old_start, old_hi)
            if length >= end - start and (best is None or length > best[1]):
                best = (old_start, length)
        return best

    def split_insert(self, lo: int, hi: int) -> Iterator[tuple[int, int, int | None]]:
        """Split inserted tokens ``[lo, hi)`` into ``(start, end, old_start)`` segments, where
        ``old_start`` is the position of a moved run in the old tokens, or None for new text."""
        ends = _gram_ends(self.new, lo, hi)
        fresh = position = lo
        while position < hi:
            end = ends.get(position)
            match = None if end is None else self._best_match(position, end, hi)
            if match is None:
                position += 1
                continue
            old_start, length = match
            if fresh < position:
                yield fresh, position, None
            yield position, position + length, old_start
            self.used[old_start : old_start + length] = b"\x01" * length
            position = fresh = position + length
        if fresh < hi:
            yield fresh, hi, None


def _segments(
    old: list[str], new: list[str], opcodes: list[_Opcode]
) -> Iterator[tuple[int, int, int | None]]:
    """Cover the new tokens with ``(start, end, old_start)`` segments: copied from the old tokens
    at ``old_start`` (unchanged or moved), or new text when ``old_start`` is None. ``opcodes``
    is the diff of ``old`` and ``new``."""
    deleted = [(op.old_lo, op.old_hi) for op in opcodes if op.kind == "delete"]
    moves = _MoveFinder.build(old, new, deleted)
    for op in opcodes:
        if op.kind == "equal":
            yield op.new_lo, op.new_hi, op.old_lo
        elif op.kind == "insert":
            yield from moves.split_insert(op.new_lo, op.new_hi)


def _merge_spans(pieces: Iterator[tuple[int, int, int]], text: str) -> list[Span]:
    """Turn contiguous ``(start, end, version)`` pieces of ``text`` into merged spans."""
    merged: list[list[int]] = []
    for start, end, version in pieces:
        if merged and merged[-1][2] == version:
            merged[-1][1] = end
        else:
            merged.append([start, end, version])
    return [Span(text[start:end], version) for start, end, version in merged]


def carry_provenance(previous: list[Span], new_text: str, new_version: int) -> list[Span]:
    """Provenance of ``new_text`` given the provenance of the wording before it.

    ``previous`` describes the previous wording: its span texts concatenate to it, and span
    boundaries may fall anywhere. The result's span texts concatenate to ``new_text``, and
    neighbouring spans never share a version.

    * Text left unchanged by ``word_diff(previous_text, new_text)`` keeps its versions.
    * Inserted text gets ``new_version``...
    * ...unless it was *moved*: a sentence or other run that was deleted in one place and
      inserted unchanged in another keeps the versions it had. Concretely, a run of inserted
      tokens counts as moved when

      - it matches a run of deleted tokens of the same revision token for token, whitespace
        inside the run included;
      - it holds at least ``MIN_MOVE_WORDS`` (4) words. Shorter runs ("in het mbo") recur by
        chance too easily, so a moved sentence of three words or fewer counts as new text;
      - it starts with a non-whitespace token and does not end in whitespace: whitespace around
        the run belongs to its new context and gets ``new_version``.

      Inserted text is scanned from left to right; at each position the longest matching deleted
      run that no earlier move has claimed is taken, so each deleted token is reused at most once.
      Copied text (the original is still there, unchanged) is not a move and gets
      ``new_version``.

    The cost is one diff of the two wordings plus time linear in their tokens.
    """
    index = _VersionIndex(previous)
    old, new = tokenize(index.text), tokenize(new_text)
    return _carry(index, old, new, _token_opcodes(old, new), new_text, new_version)


def diff_and_provenance(
    previous: list[Span], new_text: str, new_version: int
) -> tuple[list[DiffOp], list[Span]]:
    """``(word_diff(old, new_text), carry_provenance(previous, new_text, new_version))`` where
    ``old`` is the previous wording (its spans joined), computed from one diff instead of two."""
    index = _VersionIndex(previous)
    old, new = tokenize(index.text), tokenize(new_text)
    opcodes = _token_opcodes(old, new)
    # _diff_ops only reads the opcodes; _carry consumes them after.
    ops = _diff_ops(opcodes, old, new)
    return ops, _carry(index, old, new, opcodes, new_text, new_version)


def _carry(
    index: _VersionIndex,
    old: list[str],
    new: list[str],
    opcodes: list[_Opcode],
    new_text: str,
    new_version: int,
) -> list[Span]:
    old_at, new_at = _offsets(old), _offsets(new)

    def pieces() -> Iterator[tuple[int, int, int]]:
        for start, end, old_start in _segments(old, new, opcodes):
            char_start, char_end = new_at[start], new_at[end]
            if old_start is None:
                yield char_start, char_end, new_version
                continue
            # Same tokens, so the same characters: shift the old pieces onto the new text.
            shift = char_start - old_at[old_start]
            for lo, hi, version in index.pieces(old_at[old_start], char_end - shift):
                yield lo + shift, hi + shift, version

    return _merge_spans(pieces(), new_text)


def provenance_of(versions: Sequence[tuple[int, str]]) -> list[Span]:
    """Provenance of the last wording in ``versions``, a list of ``(version, text)`` pairs in
    order, by carrying provenance forward one version at a time."""
    spans: list[Span] = []
    for position, (version, text) in enumerate(versions):
        if position == 0:
            spans = first_provenance(text, version)
        else:
            spans = carry_provenance(spans, text, version)
    return spans
