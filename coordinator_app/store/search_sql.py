"""The typed text of a list search as SQL over the FTS5 tables ``project_fts`` and ``visit_fts``.

Every word typed must match somewhere (accent-insensitive, as a prefix while the user types): the
project's name, municipality or notes, its region's name (« saguenay »), and for visits their
text; for follow-ups their text. ``text_clauses`` gives the clauses of the full query (sets of
rowids, see ``store.list_where``); ``store.window_index`` runs the same test on the few newest
rows of the first page.
"""

from __future__ import annotations

import re
from typing import Any

from coordinator_app.domain.regions import REGIONS
from coordinator_app.domain.text import fold
from coordinator_app.store.profile import Store

#: Up to this many matching visits, a search looks them up and sorts them rather than walking
#: the date index (measured at 100 000 visits: 443 hits 25 ms looked up, 160 ms walked).
FEW_HITS = 3000

_WORD = re.compile(r"\w", re.UNICODE)
#: Parts of region names too common to say which region is meant.
_REGION_STOP = frozenset({"saint", "sainte", "lac", "les", "iles", "de", "la", "du", "des"})

Clauses = tuple[list[str], list[Any]]


def fts_words(text: str) -> list[str]:
    """Each word typed as an FTS5 prefix query (quoted: operators typed by the user are text)."""
    return [word for _raw, word in search_terms(text)]


def search_terms(text: str) -> list[tuple[str, str]]:
    """``(word as typed, FTS5 prefix query)`` for each searchable word."""
    words = [w for w in text.split() if _WORD.search(w)]
    return [(w, '"' + w.replace('"', '""') + '"*') for w in words]


def regions_matching(word: str) -> list[str]:
    """Codes of the regions whose name, or a part of it, starts with ``word`` (accents and case
    ignored, at least 3 letters): « saguenay » → 02, « gaspe » → 11, « monte » → 16."""
    folded = fold(word)
    if len(folded) < 3 or folded in _REGION_STOP:
        return []
    found = []
    for code, name in REGIONS.items():
        name_folded = fold(name)
        parts = [p for p in name_folded.split() if p not in _REGION_STOP]
        if name_folded.startswith(folded) or any(p.startswith(folded) for p in parts):
            found.append(code)
    return found


def project_matches(store: Store, word: str) -> bool:
    """True when some project's name, municipality or notes matches ``word`` (one index look-up)."""
    with store.reading() as conn:
        hit = conn.execute(
            "SELECT 1 FROM project_fts WHERE project_fts MATCH ? LIMIT 1", (word,)
        ).fetchone()
    return hit is not None


def _visit_text_only(store: Store, raw: str, word: str) -> bool:
    """True when a word can only match visit text: it names no region and matches no project."""
    return not regions_matching(raw) and not project_matches(store, word)


def text_clauses(
    store: Store, kind: str, text: str, *, by_date: bool, look_up_last: bool = False
) -> Clauses:
    """The clauses (and parameters) that keep the rows matching every word of ``text``.

    ``by_date``: the page is read newest first along the date index, so a search's set of visits
    is only probed (``+v.rowid``), not used to look each visit up: a broad word (« visite » is in
    every one of 100 000 visits) then costs one short index scan instead of a lookup and a sort of
    every match (measured 54 ms against 500 ms). ``look_up_last``: the last word is rare
    (``word_hits``), so its set is the one SQLite looks the visits up from.
    """
    terms = search_terms(text)
    clauses: list[str] = []
    params: list[Any] = []
    if kind == "visit" and len(terms) > 1:
        inside = [term for term in terms if _visit_text_only(store, *term)]
        if len(inside) > 1 or (inside and len(inside) < len(terms)):
            clauses, params = _visit_only_words(store, inside, by_date=by_date)
            # the words grouped decide on their own whether they drive a look-up (their count)
            look_up_last = look_up_last and terms[-1] not in inside
            terms = [term for term in terms if term not in inside]
    for number, (raw, word) in enumerate(terms, start=1):
        regions = regions_matching(raw)
        if kind == "visit":
            probe = by_date and not (look_up_last and number == len(terms))
            clause, more = _visit_word(word, regions, by_date=probe)
        elif kind == "action_item":
            clause, more = _action_word(raw, word, regions)
        else:
            clause, more = _project_word(word, regions)
        clauses.append(clause)
        params += more
    return clauses, params


def _visit_only_words(store: Store, terms: list[tuple[str, str]], *, by_date: bool) -> Clauses:
    """Words only in visit text (the usual case): one FTS query intersects the words' lists
    inside the index, instead of one set of visits per word (« visite 1234 » over 100 000
    visits: one set of 10, not a set of 100 000 and one of 10). The matches are counted only up
    to ``FEW_HITS`` + 1: past it the count changes nothing (a broad word's full count cost
    3–6 ms a keystroke)."""
    query = " ".join(word for _raw, word in terms)
    with store.reading() as conn:
        hits = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM visit_fts WHERE visit_fts MATCH ? LIMIT ?)",
            (query, FEW_HITS + 1),
        ).fetchone()[0]
    # Few hits: look each one up and sort them; many: walk the date index and probe.
    probe = by_date and hits > FEW_HITS
    clause = ("+" if probe else "") + (
        "v.rowid IN (SELECT rowid FROM visit_fts WHERE visit_fts MATCH ?)"
    )
    return [clause], [query]


def _visit_word(word: str, regions: list[str], *, by_date: bool) -> tuple[str, list[Any]]:
    """One IN set of visit rowids per word: SQLite probes it instead of testing an OR on every
    one of 100 000 visits."""
    marks = ", ".join("?" * len(regions))
    region_visits = (
        f" UNION SELECT v3.rowid FROM visit v3 WHERE v3.project_id IN"
        f" (SELECT p3.id FROM project p3 WHERE p3.region_code IN ({marks}))"
        if regions
        else ""
    )
    clause = (
        ("+" if by_date else "") + "v.rowid IN (SELECT rowid FROM visit_fts WHERE visit_fts MATCH ?"
        " UNION SELECT v2.rowid FROM visit v2 WHERE v2.project_id IN (SELECT pp.id"
        " FROM project pp WHERE pp.rowid IN"
        " (SELECT rowid FROM project_fts WHERE project_fts MATCH ?))" + region_visits + ")"
    )
    return clause, [word, word, *regions]


def word_hits(store: Store, raw: str, word: str, *, cap: int) -> int | None:
    """At most how many visits one typed word keeps: those whose text matches it plus the visits
    of the projects it matches, each part counted up to ``cap`` (an answer of ``cap`` or more
    means « at least ``cap`` »: counting every match of a broad word cost 3–6 ms a keystroke);
    None for a word of one letter (no prefix index: counting would cost as much as the search)
    or one naming a region."""
    if len(raw) < 2 or regions_matching(raw):
        return None
    with store.reading() as conn:
        return conn.execute(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM visit_fts WHERE visit_fts MATCH ?"
            " LIMIT ?)) + (SELECT count(*) FROM (SELECT 1 FROM visit WHERE project_id IN"
            " (SELECT id FROM project WHERE rowid IN (SELECT rowid FROM project_fts"
            " WHERE project_fts MATCH ?)) LIMIT ?))",
            (word, cap, word, cap),
        ).fetchone()[0]


_PROJECTS = "p.rowid IN (SELECT rowid FROM project_fts WHERE project_fts MATCH ?)"


def _action_word(raw: str, word: str, regions: list[str]) -> tuple[str, list[Any]]:
    """fold() on both sides: « reserver » finds « Réserver », as the FTS lists do."""
    in_region = f" OR p.region_code IN ({', '.join('?' * len(regions))})" if regions else ""
    like = f"%{fold(raw)}%"
    clause = f"(fold(a.text) LIKE ? OR fold(a.owner) LIKE ? OR {_PROJECTS}{in_region})"
    return clause, [like, like, word, *regions]


def _project_word(word: str, regions: list[str]) -> tuple[str, list[Any]]:
    in_region = f" OR p.region_code IN ({', '.join('?' * len(regions))})" if regions else ""
    return f"({_PROJECTS}{in_region})", [word, *regions]
