"""« Compte rendu de visite »: the report of one field visit, left with the people met.

It must print right after the visit is recorded, offline: everything comes from the local profile,
photos from the local attachment folder (scaled down, EXIF orientation applied).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.platypus import Flowable, Image, KeepTogether, Table

from coordinator_app.domain import fr_ca
from coordinator_app.domain.choices import VISIT_MODES
from coordinator_app.domain.people import STAFF_ROLE_WORD
from coordinator_app.domain.stages import stage_label
from coordinator_app.reports import blocks as b
from coordinator_app.reports.blocks import styled
from coordinator_app.reports.common import (
    Composed,
    ReportOptions,
    day_and_time,
    make_frame,
    program_label,
    region_label,
    short_date,
    write_report,
)
from coordinator_app.reports.style import INK, content_width
from coordinator_app.store import people
from coordinator_app.store import report_queries as q
from coordinator_app.store.profile import Store

REPORT_NAME = "Compte rendu de visite"
PHOTO_MAX_PIXELS = 1400  # enough for print at this size, keeps the PDF small
PHOTO_MAX_HEIGHT = 170  # points


def _photo(data: bytes | None, max_width: float) -> Flowable | None:
    """The photo scaled to fit, or None when the file is missing or not an image."""
    if data is None:
        return None
    try:
        with PILImage.open(io.BytesIO(data)) as original:
            image = ImageOps.exif_transpose(original)
            image.thumbnail((PHOTO_MAX_PIXELS, PHOTO_MAX_PIXELS))
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=85)
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return None
    scale = min(max_width / image.width, PHOTO_MAX_HEIGHT / image.height)
    buffer.seek(0)
    return Image(buffer, width=image.width * scale, height=image.height * scale)


def _photos(store: Store, visit: dict[str, Any], width: float) -> list[Flowable]:
    attachments = q.children(
        store, "attachment", visit["project_id"], "filename", visit_id=visit["id"]
    )
    images = [a for a in attachments if (a.get("media_type") or "").startswith("image/")]
    if not images:
        return []
    cell_width = width / 2 - 6
    cells: list[list[Flowable]] = []
    missing: list[str] = []
    for attachment in images:
        flowable = _photo(q.attachment_bytes(store, attachment["sha256"]), cell_width)
        if flowable is None:
            missing.append(attachment["filename"])
            continue
        cells.append([flowable, b.text(attachment["filename"], "caption")])
    items: list[Flowable] = [b.heading("Photos (annexe)")]
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    for row in rows:
        grid = Table([row + [""] * (2 - len(row))], colWidths=[width / 2] * 2)
        grid.setStyle(
            styled([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        items.append(grid)
    if missing:
        items.append(
            b.text(
                fr_ca.plural(
                    len(missing),
                    "Photo absente de cet ordinateur ou illisible : ",
                    "Photos absentes de cet ordinateur ou illisibles : ",
                )
                + ", ".join(missing)
                + ".",
                "muted",
            )
        )
    return items


def _staff_signing(store: Store, accounts: list[str]) -> str:
    """« Marie Tremblay, conseillère jeunesse » for each staff member who made the visit (their
    title as the server holds it, else « conseiller ou conseillère »); empty when nobody is
    recorded, so the block keeps a blank « Nom : » to fill by hand."""
    titles = {p.account: p.role_word for p in people.staff(store) if p.account}
    names = people.names(store, accounts)
    return " ; ".join(
        f"{name}, {titles.get(account, STAFF_ROLE_WORD)}"
        for account, name in zip(accounts, names, strict=True)
    )


def _signatures(staff: str, width: float) -> Flowable:
    line = "_" * 34
    rows = [
        [b.text("Pour le CQCM", "label"), b.text("Pour le groupe rencontré", "label")],
        [b.text(staff or "Nom :", "cell"), b.text("Nom :", "cell")],
        [b.text(f"Signature : {line}", "cell"), b.text(f"Signature : {line}", "cell")],
        [
            b.text("Date : ____________________", "cell"),
            b.text("Date : ____________________", "cell"),
        ],
    ]
    table = Table(rows, colWidths=[width / 2, width / 2])
    table.setStyle(
        styled(
            [
                ("TOPPADDING", (0, 2), (-1, 3), 16),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ]
        )
    )
    return KeepTogether([b.heading("Signatures"), table])


def compose(store: Store, visit_id: str, options: ReportOptions) -> Composed:
    """The page frame and content of the visit report (raises NotFoundError)."""
    options = options.validated()
    visit = store.require("visit", visit_id)
    project = store.require("project", visit["project_id"])
    frame = make_frame(
        store,
        options,
        report_name=REPORT_NAME,
        program=program_label(project["program"]),
        title=f"{REPORT_NAME} — {project['name']} — {short_date(visit['visited_at'])}",
    )
    width = content_width(options.page_size)
    made_by = list(visit.get("made_by") or [])
    story = _summary(store, visit, project, width)
    story += _written_sections(visit)
    story += b.section("Suivis convenus", _follow_ups(store, visit, project, width))
    # signatures right after what they approve; photos follow as an annex
    story.append(_signatures(_staff_signing(store, made_by), width))
    story += _photos(store, visit, width)
    return frame, story


def _summary(
    store: Store, visit: dict[str, Any], project: dict[str, Any], width: float
) -> list[Flowable]:
    """The project's name, one sentence on the visit, and the table of its facts."""
    coordinator = q.names_by_id(store, "coordinator", [visit.get("coordinator_id") or ""]).get(
        visit.get("coordinator_id") or "", ""
    )
    staff = people.names_text(store, list(visit.get("made_by") or []))
    mode = dict(VISIT_MODES).get(visit.get("mode") or "", "")
    when = day_and_time(visit["visited_at"])
    place = visit.get("place")
    lead = f"Visite {mode.lower()} {when}" + (f", {place}" if place else "") + "."
    return [
        b.text(project["name"], "title"),
        b.text(REPORT_NAME, "subtitle"),
        b.text(lead),
        b.fields_table(
            [
                ("Date et heure", when),
                ("Lieu", place),
                ("Type de visite", mode),
                ("Visite faite par", staff or "Non indiquée"),
                ("Coordonnateur ou coordonnatrice du projet", coordinator),
                ("Programme", program_label(project["program"])),
                ("Région", region_label(project.get("region_code"))),
                ("Étape du projet", stage_label(project["program"], project.get("stage") or "")),
            ],
            width,
        ),
    ]


def _written_sections(visit: dict[str, Any]) -> list[Flowable]:
    """Who was there, what was seen and what was decided, as written at the visit."""
    present = visit.get("people_present") or []
    story = b.section(
        "Personnes présentes",
        b.text(", ".join(present)) if present else b.none_line("Non consignées."),
    )
    story += b.section(
        "Observations",
        b.text(visit["observations"]) if visit.get("observations") else b.none_line("Aucune."),
    )
    story += b.section(
        "Décisions",
        b.text(visit["decisions"]) if visit.get("decisions") else b.none_line("Aucune."),
    )
    return story


def _follow_ups(
    store: Store, visit: dict[str, Any], project: dict[str, Any], width: float
) -> Flowable:
    """The follow-ups agreed at this visit, by due date, or a line saying there are none."""
    actions = q.children(store, "action_item", project["id"], "due_date", visit_id=visit["id"])
    if not actions:
        return b.none_line("Aucun suivi convenu.")
    return b.data_table(
        ["Action", "Responsable", "Échéance", "État"],
        [
            [
                a["text"],
                a["owner"],
                short_date(a.get("due_date")) or "—",
                "Fait" if a.get("done") else "À faire",
            ]
            for a in actions
        ],
        [0.5 * width, 0.22 * width, 0.15 * width, 0.13 * width],
    )


def generate(store: Store, visit_id: str, output: Path | str, options: ReportOptions) -> Path:
    """Write the report of visit ``visit_id`` to ``output`` (atomically)."""
    frame, story = compose(store, visit_id, options)
    return write_report(output, frame, story)
