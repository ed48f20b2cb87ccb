"""GeoNames' city tables come from a copy in the user's cache after the first process; a bad copy is
rebuilt, and a cache that cannot be written only costs time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer import places


@pytest.fixture
def fresh_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(places, "CACHE_DIR", tmp_path / "cache")
    places._city_tables.cache_clear()
    places._city_countries.cache_clear()
    yield tmp_path / "cache"
    places._city_tables.cache_clear()
    places._city_countries.cache_clear()


def _copy(cache: Path) -> Path:
    (saved,) = cache.glob("geonames-cities-*.json")
    return saved


def test_the_first_process_saves_the_tables_and_later_ones_read_them(fresh_tables: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert places.is_city("Christchurch") and places.outside_country("Manchester", "France")
    saved = _copy(fresh_tables)
    assert "christchurch" in json.loads(saved.read_text(encoding="utf-8"))["names"]
    places._city_tables.cache_clear()
    places._city_countries.cache_clear()
    monkeypatch.setattr(places, "_derived_tables", lambda: pytest.fail("the saved copy was not read"))
    assert places.is_city("Seville") and not places.is_city("Bloggsville")
    assert places.outside_country("Manchester", "France") and not places.outside_country("Paris", "France")


def test_a_damaged_copy_is_rebuilt(fresh_tables: Path) -> None:
    places.is_city("Paris")
    saved = _copy(fresh_tables)
    saved.write_text('{"names": ["paris"', encoding="utf-8")  # cut short, as by a full disk
    places._city_tables.cache_clear()
    assert places.is_city("Christchurch")
    assert "christchurch" in json.loads(saved.read_text(encoding="utf-8"))["names"]


def test_an_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setattr(places, "CACHE_DIR", blocker / "news-assistant")
    places._city_tables.cache_clear()
    try:
        assert places.is_city("Christchurch") and not places.is_city("Bloggsville")
    finally:
        places._city_tables.cache_clear()
