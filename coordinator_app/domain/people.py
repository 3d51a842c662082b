"""The people who use the app (CQCM staff accounts) as the profile and the records name them.

Two kinds of people are kept apart (see docs and the domain notes): the **staff** who use the app
and sync (an account on the server: id, name, e-mail, role, title, regions), who make visits, own
follow-ups and author every change; and the **people of a project** (a CIEC's hired
coordinators, a Jeune COOP's teacher, a farm co-op's board), who never use the app. This module is
about the first kind: the profile's own person, the staff directory, and how a change's author is
written (« Marie Tremblay — le 3 décembre 2026, 14 h 05 »).

An account id is the server's user name: unique on the server and the same on every laptop.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from coordinator_app.domain.errors import UserError
from coordinator_app.domain.fr_ca import long_date, time_text

#: The role word for staff when the server holds no title for them (domain notes).
STAFF_ROLE_WORD = "conseiller ou conseillère"
UNKNOWN_AUTHOR = "Auteur inconnu"
#: Who the Law 25 register names for a profile whose person never gave a name.
UNNAMED_ACTOR = "Personne non nommée (profil sans nom)"
MAX_NAME = 120

#: Fields whose values are staff account ids (shown by name, picked from the staff directory).
STAFF_FIELDS = frozenset({"made_by"})

#: Who owns a follow-up (action item ``owner_kind``).
OWNER_STAFF, OWNER_PROJECT, OWNER_OTHER = "cqcm", "projet", "autre"
OWNER_KINDS = (
    (OWNER_STAFF, "Personne du CQCM"),
    (OWNER_PROJECT, "Personne du projet"),
    (OWNER_OTHER, "Autre (partenaire)"),
)


@dataclass(frozen=True)
class Person:
    """A staff member: ``account`` is None for a profile used without a server."""

    name: str
    account: str | None = None
    email: str = ""
    role: str = ""
    title: str = ""
    regions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def role_word(self) -> str:
        """The person's title as the server holds it, else « conseiller ou conseillère »."""
        return self.title or STAFF_ROLE_WORD

    def to_json(self) -> str:
        data = asdict(self)
        data["regions"] = list(self.regions)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Person:
        return cls(
            name=str(data.get("name") or ""),
            account=data.get("account") or None,
            email=str(data.get("email") or ""),
            role=str(data.get("role") or ""),
            title=str(data.get("title") or ""),
            regions=tuple(sorted(data.get("regions") or ())),
        )

    @classmethod
    def from_json(cls, text: str | None) -> Person | None:
        if not text:
            return None
        return cls.from_mapping(json.loads(text))


def clean_name(text: str) -> str:
    """A person's name as typed (« Votre nom »): spaces tidied; UserError if empty or too long."""
    name = " ".join((text or "").split())
    if not name:
        raise UserError("Votre nom est obligatoire : il signe vos visites et vos modifications.")
    if len(name) > MAX_NAME:
        raise UserError(f"Votre nom doit compter au plus {MAX_NAME} caractères.")
    return name


def when_text(at: str) -> str:
    """« le 3 décembre 2026, 14 h 05 » for a journal time (UTC ISO), in the laptop's local time."""
    moment = dt.datetime.fromisoformat(at)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{long_date(moment.date())}, {time_text(moment)}"


def author_line(name: str | None, at: str, device: str | None = None) -> str:
    """« Marie Tremblay — le 3 décembre 2026, 14 h 05 » (« , sur LAPTOP-7 » when ``device``)."""
    text = f"{name or UNKNOWN_AUTHOR} — {when_text(at)}"
    return f"{text}, sur {device}" if device else text
