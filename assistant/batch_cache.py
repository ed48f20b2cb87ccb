"""A bounded cache filled in batches: callers hand over many keys, only the missing ones are computed
(in one batch, which is how spaCy and the embedding model are fast), the oldest entries leave first."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Generic, Hashable, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BatchCache(Generic[K, V]):
    """Thread-safe; the computation itself runs outside the cache's lock."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[K, V] = OrderedDict()

    def get_many(self, keys: list[K], compute: Callable[[list[K]], list[V]], default: V) -> list[V]:
        """The value of each key, computing in one call those not cached."""
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._items))
        if missing:
            computed = compute(missing)
            with self._lock:
                for key, value in zip(missing, computed):
                    self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        with self._lock:
            return [self._items.get(k, default) for k in keys]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
