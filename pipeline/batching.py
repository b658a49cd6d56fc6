"""Cut a stream into lists of at most n items (itertools.batched arrives in Python 3.12).

>>> [b for b in batched(range(5), 2)]
[[0, 1], [2, 3], [4]]
"""
from __future__ import annotations

from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch
