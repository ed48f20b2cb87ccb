"""The batch cache computes each missing key once, in one call, and forgets the oldest beyond its size."""

from assistant.batch_cache import BatchCache


def test_only_missing_keys_are_computed_in_one_batch() -> None:
    calls: list[list[str]] = []

    def compute(keys: list[str]) -> list[int]:
        calls.append(keys)
        return [len(k) for k in keys]

    cache: BatchCache[str, int] = BatchCache(size=10)
    assert cache.get_many(["a", "bb", "a"], compute, -1) == [1, 2, 1]
    assert cache.get_many(["bb", "ccc"], compute, -1) == [2, 3]
    assert calls == [["a", "bb"], ["ccc"]]


def test_the_oldest_entries_leave_first() -> None:
    calls: list[list[str]] = []

    def compute(keys: list[str]) -> list[str]:
        calls.append(keys)
        return [k.upper() for k in keys]

    cache: BatchCache[str, str] = BatchCache(size=2)
    cache.get_many(["a", "b"], compute, "")
    cache.get_many(["c"], compute, "")  # "a" leaves
    assert cache.get_many(["a", "c"], compute, "") == ["A", "C"]
    assert calls[-1] == ["a"]
