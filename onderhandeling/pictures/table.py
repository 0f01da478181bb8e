"""The text alternative as HTML: a pictures' Table rendered as an escaped <table>.

Pages may render the Table in their own template instead; this is the plain default.
"""

from __future__ import annotations

from onderhandeling.pictures.data import Table
from onderhandeling.pictures.svg import esc


def table_html(table: Table, *, css_class: str = "picture-table") -> str:
    """<table> with a <caption>, column heads, and the first cell of each row as its head."""
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in table.headers)
    rows = []
    for row in table.rows:
        first, *rest = row or ("",)
        cells = "".join(f"<td>{esc(cell)}</td>" for cell in rest)
        rows.append(f'<tr><th scope="row">{esc(first)}</th>{cells}</tr>')
    if not rows:
        span = max(1, len(table.headers))
        rows.append(f'<tr><td colspan="{span}">{esc(table.empty_text)}</td></tr>')
    return (
        f'<table class="{esc(css_class)}"><caption>{esc(table.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
