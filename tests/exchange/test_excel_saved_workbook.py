"""A workbook as Excel itself saves it (not as openpyxl writes it): shared strings, date styles,
formulas with their saved results, booleans, absent cells, rows numbered with gaps."""

from __future__ import annotations

import zipfile
from pathlib import Path

from coordinator_app.exchange.importer import import_file
from coordinator_app.store import Store

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

STRINGS = [
    "Nom du projet", "Programme", "Région", "Année", "Date de début", "Chiffre d'affaires",
    "Nombre de jeunes", "CIEC de Trois-Rivières", "CIEC", "Mauricie", "Coop de l'Île", "Jeune COOP",
]  # fmt: skip


def _excel_saved(path: Path, sheet_data: str) -> Path:
    shared = "".join(f"<si><t>{s.replace(chr(39), '&apos;')}</t></si>" for s in STRINGS)
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheets><sheet name="Projets" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(STRINGS)}" '
            f'uniqueCount="{len(STRINGS)}">{shared}</sst>'
        ),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<dimension ref="A1:G5"/><sheetData>{sheet_data}</sheetData></worksheet>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def _s(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


HEADER_ROW = (
    '<row r="1">'
    + "".join(_s(f"{c}1", i) for c, i in zip("ABCDEFG", range(7), strict=True))
    + "</row>"
)


def test_excel_saved_workbook_with_shared_strings_dates_and_formulas(
    store: Store, tmp_path: Path
) -> None:
    rows = (
        HEADER_ROW
        + '<row r="2">' + _s("A2", 7) + _s("B2", 8) + _s("C2", 9)
        + '<c r="D2"><v>2026</v></c><c r="E2" s="1"><v>46199</v></c>'
        + '<c r="F2"><f>1000+234.56</f><v>1234.56</v></c><c r="G2"><v>14</v></c></row>'
        # row 3 is absent (Excel skips empty rows); B4 is absent too: a real problem on line 4
        + '<row r="4">' + _s("A4", 10) + _s("C4", 9)
        + '<c r="D4"><v>2026</v></c><c r="G4" t="str"><f>"douze"</f><v>douze</v></c></row>'
    )  # fmt: skip
    path = _excel_saved(tmp_path / "excel.xlsx", rows)

    report = import_file(store, path, "project")
    assert [(p.line, p.column, p.value) for p in report.problems] == [
        (4, "Programme", ""),
        (4, "Nombre de jeunes", "douze"),
    ]
    assert any("formules" in note for note in report.notes)

    fixed = rows.replace(_s("C4", 9), _s("B4", 8) + _s("C4", 9)).replace(
        '<c r="G4" t="str"><f>"douze"</f><v>douze</v></c>', '<c r="G4"><v>12</v></c>'
    )
    path = _excel_saved(tmp_path / "excel-corrige.xlsx", fixed)
    report = import_file(store, path, "project")
    assert report.ok, report.problems
    projects = {p["name"]: p for p in store.find("project")}
    rivieres = projects["CIEC de Trois-Rivières"]
    assert (rivieres["region_code"], rivieres["start_date"]) == ("04", "2026-06-26")
    assert (rivieres["revenue"], rivieres["youth_count"]) == (123456, 14)
    assert (projects["Coop de l'Île"]["program"], projects["Coop de l'Île"]["youth_count"]) == (
        "CIEC",
        12,
    )
