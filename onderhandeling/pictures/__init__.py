"""Server-rendered SVG pictures for the pages, each with a table as its text alternative.

Pure functions over the plain dataclasses in ``pictures.data``; besides the standard
library they import only ``onderhandeling.dutch`` (for dates), never the domain. See
docs/pictures.md for what each picture shows.
"""

from __future__ import annotations

from onderhandeling.pictures.burndown import burndown, burndown_table
from onderhandeling.pictures.consensus_bar import consensus_bar, consensus_bar_table
from onderhandeling.pictures.consensus_over_time import (
    consensus_over_time,
    consensus_over_time_table,
)
from onderhandeling.pictures.heatmap import heatmap, heatmap_table
from onderhandeling.pictures.milestones import milestones, milestones_table
from onderhandeling.pictures.party_stances import party_stances, party_stances_table
from onderhandeling.pictures.table import table_html

__all__ = [
    "burndown",
    "burndown_table",
    "consensus_bar",
    "consensus_bar_table",
    "consensus_over_time",
    "consensus_over_time_table",
    "heatmap",
    "heatmap_table",
    "milestones",
    "milestones_table",
    "party_stances",
    "party_stances_table",
    "table_html",
]
