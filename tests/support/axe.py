"""What axe checks: WCAG 2.1 A and AA."""

from __future__ import annotations

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
