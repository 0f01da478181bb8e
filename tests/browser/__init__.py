"""Browser suite: Playwright drives Debian's Chromium against a live server."""
