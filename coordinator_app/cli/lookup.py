"""Find a project or a visit from what a person types on the command line.

``--project`` and ``--visit`` accept an identifier, a name or a unique part of one (« alma »,
« Jonquière 2026 »), accents and case ignored: each word typed must be in the project's name,
municipality or year (for a visit, also in its date). When several records match, the message
lists them with their identifiers so the next try can be exact.
"""

from __future__ import annotations

from typing import Any

from coordinator_app.domain.errors import UserError
from coordinator_app.domain.text import fold
from coordinator_app.store import Store

#: Candidates listed when a name is ambiguous.
SHOWN = 10


def _project_words(project: dict[str, Any]) -> str:
    parts = [project.get("name"), project.get("municipality"), project.get("season_year")]
    return fold(" ".join(str(p) for p in parts if p))


def _matches(text: str, haystack: str) -> bool:
    return all(word in haystack for word in fold(text).split())


def _ambiguous(what: str, text: str, lines: list[str]) -> UserError:
    shown = "\n".join(f"  {line}" for line in lines[:SHOWN])
    more = len(lines) - SHOWN
    tail = f"\n  … et {more} autres." if more > 0 else ""
    return UserError(
        f"{len(lines)} {what} correspondent à « {text} » ; précisez le nom ou donnez "
        f"l'identifiant :\n{shown}{tail}"
    )


def find_project(store: Store, text: str) -> str:
    """The id of the one project ``text`` designates (an id, a name or a unique part of it)."""
    if store.get("project", text):
        return text
    projects = store.find("project")
    exact = [p for p in projects if fold(p.get("name") or "") == fold(text)]
    found = exact or [p for p in projects if _matches(text, _project_words(p))]
    if not found:
        raise UserError(f"Projet introuvable : {text} (ni un identifiant, ni un nom de projet).")
    if len(found) > 1:
        lines = [f"{p['id']}  {p['name']} ({p.get('season_year') or '—'})" for p in found]
        raise _ambiguous("projets", text, sorted(lines, key=lambda line: line.split("  ", 1)[1]))
    return found[0]["id"]


def find_visit(store: Store, text: str) -> str:
    """The id of the one visit ``text`` designates: an id, or words of its project's name and
    of its date (« alma 2026-06-05 »)."""
    if store.get("visit", text):
        return text
    words = fold(text).split()
    projects = {p["id"]: p for p in store.find("project")}
    found = []
    for visit in store.find("visit", order_by="visited_at", descending=True):
        project = projects.get(visit.get("project_id"), {})
        haystack = _project_words(project) + " " + str(visit.get("visited_at") or "")
        if all(word in haystack for word in words):
            found.append((visit, project))
    if not found:
        raise UserError(
            f"Visite introuvable : {text} (ni un identifiant, ni un projet et une date de visite)."
        )
    if len(found) > 1:
        lines = [
            f"{v['id']}  {str(v.get('visited_at') or '').replace('T', ' ')} — {p.get('name', '?')}"
            for v, p in found
        ]
        raise _ambiguous("visites", text, lines)
    return found[0][0]["id"]
