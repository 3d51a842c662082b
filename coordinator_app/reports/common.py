"""What every report shares: its options, its page frame, and small text helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from coordinator_app.domain import fr_ca
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.regions import REGIONS, parse_region, region_name
from coordinator_app.domain.stages import PROGRAMS
from coordinator_app.reports.output import check_output_path, write_atomically
from coordinator_app.reports.style import DEFAULT_PAGE_SIZE, PageFrame, build_pdf, page_size
from coordinator_app.store.profile import Store

#: What each report's ``compose`` returns: the page frame and the flowables to lay out.
Composed = tuple[PageFrame, list[Flowable]]

#: Header program line of the summaries, which cover every program.
ALL_PROGRAMS = "Entrepreneuriat jeunesse et coopératives agricoles"


@dataclass(frozen=True)
class ReportOptions:
    """Choices common to every report."""

    page_size: str = DEFAULT_PAGE_SIZE
    with_names: bool = False  # participants' names (Law 25: off unless asked)
    printed_on: dt.date | None = None  # defaults to the profile's today

    def validated(self) -> ReportOptions:
        page_size(self.page_size)  # raises a French UserError for an unknown size
        return self


def program_label(program: str | None) -> str:
    return dict(PROGRAMS).get(program or "", program or "")


def region_label(code: str | None) -> str:
    """« 03 Capitale-Nationale »."""
    return f"{code} {region_name(code)}" if code else ""


def choice_text(choices: tuple[tuple[str, str], ...], value: object) -> str:
    """The label of a stored choice value; an unknown value as it is, None as empty."""
    return dict(choices).get(str(value), "" if value is None else str(value))


def require_region(text: str | None) -> str | None:
    """A region code from the user's text (None for all regions), or a French UserError."""
    if text is None or str(text).strip() == "":
        return None
    code = parse_region(text)
    if code is None:
        raise UserError(
            f"Région inconnue : {text}. Donnez un code de 01 à 17 ou un nom, "
            f"p. ex. 03 ou « {REGIONS['03']} »."
        )
    return code


def parse_day(text: str | dt.date, what: str) -> dt.date:
    """An ISO date from the user, or a French UserError naming the option."""
    if isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise UserError(
            f"{what} : date invalide « {text} » (format attendu : AAAA-MM-JJ)."
        ) from None


def short_date(day: str | None) -> str:
    """« 2026-11-26 » as in the tables (the ISO form, per the fr_CA conventions)."""
    return (day or "")[:10]


def day_and_time(moment: str | None) -> str:
    """« le 26 novembre 2026, 14 h 30 » from "YYYY-MM-DDTHH:MM"."""
    if not moment:
        return ""
    if len(moment) <= 10:
        return fr_ca.long_date(moment)
    return f"{fr_ca.long_date(moment[:10])}, {fr_ca.time_text(moment)}"


def excerpt(value: str | None, limit: int = 220) -> str:
    """The start of a long text, cut at a word, for timelines (full text is in the visit report)."""
    flat = " ".join((value or "").split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def make_frame(
    store: Store, options: ReportOptions, *, report_name: str, program: str, title: str
) -> PageFrame:
    return PageFrame(
        report_name=report_name,
        program=program,
        printed_on=options.printed_on or store.today(),
        last_sync=store.get_meta("last_sync"),
        page_size=options.page_size,
        title=title,
        keywords=("CQCM", "Carnet COOP", report_name),
    )


def write_report(output: Path | str, frame: PageFrame, story: list[Flowable]) -> Path:
    """Lay out and write the report atomically; returns the absolute path written."""
    return write_atomically(Path(output), lambda temp: build_pdf(temp, frame, story))


def early_path_check(output: Path | str) -> None:
    """Fail on an unusable output path before any work (the same check runs again on writing)."""
    check_output_path(Path(output))
