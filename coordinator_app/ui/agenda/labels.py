"""How agenda entries read in the window: what an entry is and its short forms, translated in
context « Agenda » (the French of ``domain.agenda``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coordinator_app.domain import agenda, fr_ca
from coordinator_app.ui import i18n

#: What an entry is, translated in context « Agenda » (the French of ``domain.agenda``).
_KINDS = {
    agenda.VISIT: QT_TRANSLATE_NOOP("Agenda", "Visite"),
    agenda.FOLLOW_UP: QT_TRANSLATE_NOOP("Agenda", "Suivi"),
    agenda.REPORT_DUE: QT_TRANSLATE_NOOP("Agenda", "Reddition de comptes"),
    agenda.ASSEMBLY: QT_TRANSLATE_NOOP("Agenda", "Assemblée générale"),
}
_STATES = {
    "planifiee": QT_TRANSLATE_NOOP("Agenda", "planifiée"),
    "faite": QT_TRANSLATE_NOOP("Agenda", "faite"),
    agenda.TO_RESCHEDULE: QT_TRANSLATE_NOOP("Agenda", "à reporter"),
    "due": QT_TRANSLATE_NOOP("Agenda", "à faire"),
    "overdue": QT_TRANSLATE_NOOP("Agenda", "en retard"),
}


def label(entry: agenda.Entry) -> str:
    kind = QCoreApplication.translate("Agenda", _KINDS[entry.kind])
    if not entry.state:
        return kind
    return f"{kind} — {QCoreApplication.translate('Agenda', _STATES[entry.state])}"


_SHORT = {
    agenda.FOLLOW_UP: QT_TRANSLATE_NOOP("Agenda", "Suivi :"),
    agenda.REPORT_DUE: QT_TRANSLATE_NOOP("Agenda", "Reddition :"),
    agenda.ASSEMBLY: QT_TRANSLATE_NOOP("Agenda", "AG :"),
}


def when(entry: agenda.Entry) -> str:
    return "" if entry.all_day else time_text(entry.start) + " "


def short(entry: agenda.Entry) -> str:
    """« 9 h 30 » for a visit, « Suivi : » for the others: a month's cell has little room."""
    if entry.kind == agenda.VISIT:
        return time_text(entry.start) if not entry.all_day else ""
    return QCoreApplication.translate("Agenda", _SHORT[entry.kind])


def place(entry: agenda.Entry) -> str:
    if entry.kind == agenda.VISIT:
        return " — ".join(x for x in (entry.place, entry.purpose) if x)
    if entry.kind in (agenda.FOLLOW_UP, agenda.REPORT_DUE):
        return entry.title.split(" — ", 1)[-1]
    return ""


def _english() -> bool:
    return i18n.current_language() != i18n.FRENCH


def day_text(day: dt.date) -> str:
    """« mardi 9 décembre » in French, « Tuesday, December 9 » in English."""
    if not _english():
        return agenda.day_text(day)
    from babel.dates import format_date

    return format_date(day, format="EEEE, MMMM d", locale="en_CA")


def time_text(moment: dt.datetime) -> str:
    """« 9 h 30 » in French, « 9:30 a.m. » in English."""
    if not _english():
        return fr_ca.time_text(moment)
    from babel.dates import format_time

    return format_time(moment, format="short", locale="en_CA")


def month_name(day: dt.date) -> str:
    """« décembre 2026 » / « December 2026 »."""
    from babel.dates import format_date

    return format_date(day, format="MMMM y", locale="en_CA" if _english() else "fr_CA")


def initial_capital(text: str) -> str:
    """« Mardi 9 décembre » (``str.capitalize`` would lower « December »)."""
    return text[:1].upper() + text[1:]
