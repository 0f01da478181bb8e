"""Parties as people read them: a short name for tight places (a table head, a list of
preferences) and the full name beside it. A party's code (MBORAAD, VNONCW) is a key for
the data, not a name; the short name is derived from the full name where that reads
better than the code, so the list of parties stays data."""

from __future__ import annotations

import re

__all__ = ["SHORT_NAME_MAX", "party_label", "short_name"]

# Names up to this long are short enough to be their own short name ("MBO Raad", "FNV").
SHORT_NAME_MAX = 14

_ACRONYM_RE = re.compile(r"\(([^()]{2,12})\)")


def _letters(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


def short_name(code: str, name: str) -> str:
    """The party's short name: its full name when short; else the part of the name its code
    abbreviates ("AOb" from "Algemene Onderwijsbond (AOb)", "VNO-NCW" from "VNO-NCW /
    MKB-Nederland", "Inspectie" from "Inspectie van het Onderwijs"); else its code (JOB)."""
    name = " ".join(name.split())
    if not name:
        return code
    if len(name) <= SHORT_NAME_MAX:
        return name
    wanted = _letters(code)
    for found in _ACRONYM_RE.findall(name):
        if _letters(found) == wanted:
            return str(found)
    for part in (name.split(" / ")[0], name.split()[0]):
        if _letters(part) == wanted:
            return part
    return code


def party_label(code: str, name: str) -> str:
    """Short and full name together, for running text: "JOB (Jongeren Organisatie
    Beroepsonderwijs)", or just "MBO Raad" when the two are the same."""
    short = short_name(code, name)
    if not name or short == name or short in re.findall(r"[\w-]+", name):
        return name or short  # "Inspectie van het Onderwijs", not "Inspectie (Inspectie …)"
    if name.startswith(short):
        return name
    return f"{short} ({name})"
