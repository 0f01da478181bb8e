"""Rendered read-only views, remembered under the read models' position.

The committee's dashboard, the JSON state and a goal page are read far more often than the
negotiation changes (everyone opens the dashboard before a meeting, and it refreshes itself
every minute). Each is derived from the events up to the read models' tracking position, so
a view made at position P stays right until the next event: the key includes that position
(read after catching up, before making the view, so a view is never older than its key), and
any new event moves every later request to a new key.

The key also names everything else the view depends on: the reader's audience (internal
content never reaches the committee through the cache), the route's parameters and the base
URL the links are made with. Only views that carry nothing of one user (no CSRF token, no
name) are remembered. Entries are few and large; the least recently used goes first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from onderhandeling.service import Negotiations

T = TypeVar("T")

# A dashboard is ~0.7 MB of HTML at 200 goals, the JSON state ~1 MB, the data of a goal page
# with 1,000 versions ~4 MB (most goals' far less): at most ~60 MB per server process.
ENTRIES = 16


class ViewCache:
    def __init__(self, entries: int = ENTRIES) -> None:
        self._entries = entries
        self._views: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._views)

    def view(self, app: Negotiations, key: Hashable, make: Callable[[], T]) -> T:
        """The view under ``key`` at the current position, made by ``make`` when missing.
        What ``make`` returns is shared between requests: callers must not change it."""
        # The position and the view from one snapshot: a view is never newer or older than
        # the position it is kept under.
        with app.read_position() as position:
            full_key = (position, key)
            with self._lock:
                if full_key in self._views:
                    self._views.move_to_end(full_key)
                    self.hits += 1
                    return self._views[full_key]  # type: ignore[return-value]
            # Made outside the lock: two requests may both make a missing view; the last one
            # kept wins, and both are correct for this position.
            made = make()
        with self._lock:
            self.misses += 1
            self._views[full_key] = made
            self._views.move_to_end(full_key)
            while len(self._views) > self._entries:
                self._views.popitem(last=False)
        return made
