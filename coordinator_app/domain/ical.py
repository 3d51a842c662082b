"""Agenda entries as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

Used by the laptop's export (``coordinator-app agenda export``, Fichier › « Exporter vers mon
calendrier… ») and by the server's subscribed calendar, so Outlook, Google and Apple calendars
see the same events either way. Times are local to America/Toronto (Québec's zone) and the file
carries its VTIMEZONE; each event's UID is the entry's stable ``uid``, so importing a newer file
updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from coordinator_app.domain.agenda import VISIT_LENGTH, Entry
from coordinator_app.domain.regions import region_name

TIME_ZONE = "America/Toronto"
PRODID = "-//CQCM//Carnet COOP//FR"


def _description(entry: Entry) -> str:
    lines = [entry.label, f"Projet : {entry.project_name}"]
    if entry.region_code:
        lines.append(f"Région : {entry.region_code} {region_name(entry.region_code)}")
    if entry.purpose:
        lines.append(f"Objet : {entry.purpose}")
    if entry.staff:
        lines.append(f"CQCM : {', '.join(entry.staff)}")
    return "\n".join(lines)


def calendar_bytes(
    entries: Iterable[Entry], *, name: str = "Carnet COOP", stamp: dt.datetime | None = None
) -> bytes:
    """The ``.ics`` file of ``entries`` (an empty calendar is still a valid file)."""
    zone = ZoneInfo(TIME_ZONE)
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.title)
        if isinstance(entry.start, dt.datetime):
            start = entry.start.replace(tzinfo=zone)
            event.add("dtstart", start)
            event.add("dtend", start + VISIT_LENGTH)
        else:
            event.add("dtstart", entry.start)
            event.add("dtend", entry.start + dt.timedelta(days=1))
        if entry.place:
            event.add("location", entry.place)
        event.add("description", _description(entry))
        event.add("categories", [entry.label])
        event.add("transp", "OPAQUE" if entry.kind == "visit" else "TRANSPARENT")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
