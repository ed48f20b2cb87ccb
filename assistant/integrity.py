"""Checks of embedded Chroma's files that need no Chroma: its SQLite database and its HNSW segments.

A damaged HNSW file does not always make Chroma raise: a link pointing past the
last element makes its native code read out of bounds (a crash, not an
exception), and altered vectors return wrong neighbours silently. So before
Chroma touches them, the files of every live vector segment are read with NumPy
and their structure checked against hnswlib's layout: a header (Chroma's
persistence version, then hnswlib's fields), `data_level0.bin` with one
fixed-size record per element (link count, links, vector, label),
`length.bin` (its size) and `link_lists.bin` with
each element's upper-level link lists, each preceded by its size. This reads each file once (about 50 ms for
27k chunks) and finds truncation, random bytes in links or vectors, and
headers that do not match their data.
"""

from __future__ import annotations

import sqlite3
import struct
from contextlib import closing
from pathlib import Path

import numpy as np

SQLITE_FILE = "chroma.sqlite3"
HEADER_FILE = "header.bin"
HEADER = struct.Struct("<i6QiI3QdQ")  # version, then hnswlib's saveIndex fields
PERSISTENCE_VERSION = 1
LINK_COUNT_MASK = 0xFFFF  # hnswlib keeps the link count in the low 16 bits
MAX_LEVELS = 64


class Damage(Exception):
    """What is wrong with a file, as a phrase for the user's message."""


def check_chroma_files(folder: Path, writable: bool) -> None:
    """Raise Damage naming the first problem in an embedded Chroma folder."""
    database = folder / SQLITE_FILE
    flags = "mode=ro" if writable else "immutable=1"  # immutable: no -shm file on a read-only mount
    try:
        with closing(sqlite3.connect(f"file:{database}?{flags}", uri=True, timeout=30)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise Damage(f"{SQLITE_FILE} fails SQLite's check: {'; '.join(str(r[0]) for r in rows[:3])}")
            segments = [row[0] for row in connection.execute("SELECT id FROM segments WHERE scope = 'VECTOR'")]
    except sqlite3.Error as error:
        raise Damage(f"{SQLITE_FILE} cannot be read by SQLite: {error}") from None
    for segment in segments:
        if (folder / segment / HEADER_FILE).exists():  # a segment not yet flushed has no files
            check_hnsw_segment(folder / segment)


def segment_folders(folder: Path) -> set[str]:
    """Names of the segment folders Chroma's database refers to (any scope)."""
    with closing(sqlite3.connect(f"file:{folder / SQLITE_FILE}?mode=ro", uri=True, timeout=30)) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM segments")}


def check_hnsw_segment(segment: Path) -> None:
    """Raise Damage when the segment's files do not have hnswlib's structure."""
    name = segment.name[:8]
    raw = (segment / HEADER_FILE).read_bytes()
    if len(raw) < HEADER.size:
        raise Damage(f"segment {name}: {HEADER_FILE} is truncated ({len(raw)} of {HEADER.size} bytes)")
    (version, offset_level0, max_elements, count, record, label_offset, data_offset,
     max_level, entry, max_m, max_m0, m, _mult, _ef) = HEADER.unpack_from(raw)
    if (
        version != PERSISTENCE_VERSION or offset_level0 != 0 or count > max_elements
        or data_offset != 4 + 4 * max_m0 or record != label_offset + 8 or label_offset <= data_offset
        or (label_offset - data_offset) % 4 or not 0 < m <= max_m <= max_m0 or not -1 <= max_level < MAX_LEVELS
        or (count and (entry >= count or max_level < 0))
    ):
        raise Damage(f"segment {name}: {HEADER_FILE} holds impossible values")
    level0 = _read(segment / "data_level0.bin", record, count, max_elements, name)
    if count:
        records = level0[: count * record].reshape(count, record)
        links = records[:, :data_offset].copy().view(np.uint32)
        _check_links(links[:, 0] & LINK_COUNT_MASK, links[:, 1:], max_m0, count, f"segment {name}: data_level0.bin")
        vectors = records[:, data_offset:label_offset].copy().view(np.float32)
        if not np.isfinite(vectors).all():
            raise Damage(f"segment {name}: data_level0.bin holds vectors that are not numbers")
    # Only the size of length.bin is checked: hnswlib fills it for cosine spaces alone, so
    # the ledger's (l2) segment holds whatever memory held, NaN included, in a healthy index.
    _read(segment / "length.bin", 4, count, max_elements, name)
    _check_upper_levels(segment / "link_lists.bin", count, max_m, max_level, name)


def _check_upper_levels(path: Path, count: int, max_m: int, max_level: int, name: str) -> None:
    """`link_lists.bin`: per element, a byte size, then that many bytes of (count, links) per upper level."""
    data = np.fromfile(path, dtype=np.uint8) if path.is_file() else np.zeros(0, np.uint8)
    per_level, position, lists = 4 + 4 * max_m, 0, []
    for _ in range(count):
        if position + 4 > data.size:
            raise Damage(f"segment {name}: link_lists.bin is truncated")
        size = int(data[position : position + 4].view(np.uint32)[0])
        if size % per_level or size // per_level > max(max_level, 0) or position + 4 + size > data.size:
            raise Damage(f"segment {name}: link_lists.bin holds impossible list sizes")
        lists.append(data[position + 4 : position + 4 + size])
        position += 4 + size
    if position != data.size:
        raise Damage(f"segment {name}: link_lists.bin has {data.size - position} bytes more than its lists")
    if lists and position > 4 * count:
        table = np.concatenate(lists).view(np.uint32).reshape(-1, 1 + max_m)
        _check_links(table[:, 0] & LINK_COUNT_MASK, table[:, 1:], max_m, count, f"segment {name}: link_lists.bin")


def _read(path: Path, record: int, count: int, capacity: int, name: str) -> np.ndarray:
    """The file's bytes: `count` records, or `capacity` of them (Chroma may write the whole allocation)."""
    if not path.is_file():
        raise Damage(f"segment {name}: {path.name} is missing")
    data = np.fromfile(path, dtype=np.uint8)
    if data.size not in (record * count, record * capacity):
        raise Damage(f"segment {name}: {path.name} has {data.size} bytes where its header implies {record * count}")
    return data


def _check_links(counts: np.ndarray, links: np.ndarray, most: int, elements: int, where: str) -> None:
    """Every list has at most `most` links, each naming an element that exists."""
    if (counts > most).any():
        raise Damage(f"{where} holds link lists longer than the graph allows")
    used = np.arange(links.shape[1]) < counts[:, None]
    if (links[used] >= elements).any():
        raise Damage(f"{where} holds links to elements that do not exist")
