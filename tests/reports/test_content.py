"""Each report's text, extracted from the PDF, shows the figures that are in the store."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER

from coordinator_app.reports import bilan_annuel, bilan_regional, fiche_projet, visite
from coordinator_app.reports.common import ReportOptions
from tests.reports.conftest import page_count, pdf_text

OPTIONS = ReportOptions()


def test_project_sheet_shows_identity_money_people_and_follow_ups(store, sample, tmp_path: Path):
    out = fiche_projet.generate(store, sample["ciec"], tmp_path / "fiche.pdf", OPTIONS)
    text = pdf_text(out)
    assert "CIEC de Limoilou" in text
    assert "Région 03 Capitale-Nationale" in text
    assert "Étape actuelle Contrats en cours" in text
    # stage history: both stages, in order
    assert text.index("Comité local formé") < text.index("Contrats en cours", text.index("Étapes"))
    assert "Émilie Tremblay, Louis Côté" in text
    assert "Caisse Desjardins de Limoilou" in text
    # revenue and contracts: 150 + 1 234,56 + 300 = 1 684,56 $
    assert "Chiffre d'affaires déclaré : 5 234,56 $" in text
    assert "Total 3 36,5 1 684,56 $" in text
    assert "Lavage de vitres 6,5 1 234,56 $" in text
    # participants: counts by age band and consent, no names by default
    assert "4 participants inscrits" in text
    assert "12 et 13 ans 1 0 0 1" in text
    assert "14 et 15 ans 0 0 2 2" in text
    assert "Total 1 0 3 4" in text
    for name in ("Gagnon", "Bélanger", "Pelletier", "Roy"):
        assert name not in text
    # visits timeline and open follow-ups (the past-due one flagged)
    assert "2026-11-26 Sur place Centre communautaire de Limoilou" in text
    assert "Relancer la municipalité Louis Côté 2026-10-01 En retard" in text
    assert "Envoyer le budget révisé Émilie Tremblay 2026-12-05" in text


def test_project_sheet_lists_names_only_when_asked(store, sample, tmp_path: Path):
    out = fiche_projet.generate(
        store, sample["ciec"], tmp_path / "f.pdf", ReportOptions(with_names=True)
    )
    text = pdf_text(out)
    assert "Léa Gagnon 12 et 13 ans" in text
    assert "Zoé Bélanger" in text


def test_farm_project_sheet_shows_funding(store, sample, tmp_path: Path):
    text = pdf_text(fiche_projet.generate(store, sample["farm"], tmp_path / "f.pdf", OPTIONS))
    assert "Coopérative de travailleurs" in text
    assert "3,5 ha" in text
    assert "MAPAQ Relève agricole Accordée 25 000,00 $ 20 000,00 $ 10 000,00 $ 2027-03-31" in text
    assert "Contrats et chiffre d'affaires" not in text


def test_visit_report_for_the_people_met(store, sample, tmp_path: Path):
    out = visite.generate(store, sample["visit"], tmp_path / "visite.pdf", OPTIONS)
    text = pdf_text(out)
    assert (
        "Visite sur place le 26 novembre 2026, 14 h 30, Centre communautaire de Limoilou." in text
    )
    assert "Émilie Tremblay, Comité local (3 personnes), Conseil d'administration" in text
    assert "Les finances sont à jour ; l'œuvre avance." in text
    assert "Ouvrir un deuxième point de service « centre-ville »." in text
    assert "Envoyer le budget révisé Émilie Tremblay 2026-12-05 À faire" in text
    # the follow-up of another visit is not in this visit's report
    assert "Relancer la municipalité" not in text
    assert "Signature" in text and "Pour le groupe rencontré" in text
    images = [img for page in PdfReader(str(out)).pages for img in page.images]
    assert len(images) == 2
    # photos are scaled down: the 1 600 × 1 200 photo is embedded at most 1 400 pixels wide
    assert max(img.image.width for img in images) <= 1400


def test_visit_report_names_a_photo_missing_from_this_computer(store, sample, tmp_path: Path):
    attachment = store.find("attachment", equals={"filename": "kiosque.jpg"})[0]
    from coordinator_app.store.attachments import file_path

    file_path(store.data_dir, attachment["sha256"]).unlink()
    text = pdf_text(visite.generate(store, sample["visit"], tmp_path / "v.pdf", OPTIONS))
    assert "Photo absente de cet ordinateur ou illisible : kiosque.jpg" in text


def test_regional_summary_figures_match_the_store(store, sample, tmp_path: Path):
    out = bilan_regional.generate(
        store, "03", "2026-01-01", "2026-12-31", tmp_path / "r.pdf", OPTIONS
    )
    text = pdf_text(out)
    assert "Bilan régional — Capitale-Nationale (03)" in text
    assert "Période du 1er janvier 2026 au 31 décembre 2026" in text
    # 2 projects (CIEC + Jeune COOP), 12 + 25 youth, 1 visit, 1 overdue follow-up
    assert "2 projets actifs 37 jeunes rejoints 1 visites 1 suivis en retard" in text
    assert "CIEC 1 12 Jeune COOP 1 25 Total 37" in text
    assert "Émilie Tremblay 1 0 1" in text
    assert "2026-10-01 56 CIEC de Limoilou Relancer la municipalité Louis Côté" in text
    # the farm co-op is in Estrie, not in this region
    assert "Ferme coopérative du Rang 4" not in text


def test_regional_summary_of_all_regions_has_a_table_per_region(store, sample, tmp_path: Path):
    text = pdf_text(
        bilan_regional.generate(
            store, None, "2026-01-01", "2026-12-31", tmp_path / "r.pdf", OPTIONS
        )
    )
    assert "Toutes les régions" in text
    assert "03 Capitale-Nationale 2 37 1" in text
    assert "05 Estrie 1 0 1" in text
    assert "Ferme coopérative du Rang 4 05 Estrie Démarrage 2024-04-01 1 20 000,00 $" in text


def test_annual_report_of_the_sample(store, sample, tmp_path: Path):
    text = pdf_text(bilan_annuel.generate(store, 2026, tmp_path / "a.pdf", OPTIONS))
    assert "1 Jeune COOP 25 jeunes participants" in text
    assert "1 régions 1 projets 2 coordonnateurs et coordonnatrices 12 jeunes" in text
    assert "03 Capitale-Nationale 1 25 1 12 0" in text


def test_house_style_footer_page_numbers_and_freshness(store, sample, tmp_path: Path):
    out = fiche_projet.generate(store, sample["ciec"], tmp_path / "f.pdf", OPTIONS)
    pages = page_count(out)
    assert pages >= 2
    text = pdf_text(out)
    for number in range(1, pages + 1):
        assert f"Page {number} de {pages}" in text
    assert "Imprimé le 26 novembre 2026 · Données : jamais synchronisé" in text
    store.set_meta("last_sync", "2026-11-25T19:30:00+00:00")
    text = pdf_text(fiche_projet.generate(store, sample["ciec"], tmp_path / "g.pdf", OPTIONS))
    assert "Données à jour au 25 novembre 2026" in text
    assert "jamais synchronisé" not in text
    assert "CQCM CIEC — COOP d'initiation à l'entrepreneuriat collectif Fiche de projet" in text


def test_letter_by_default_a4_on_request_and_fonts_embedded(store, sample, tmp_path: Path):
    letter = PdfReader(str(visite.generate(store, sample["visit"], tmp_path / "l.pdf", OPTIONS)))
    a4 = PdfReader(
        str(visite.generate(store, sample["visit"], tmp_path / "a.pdf", ReportOptions("a4")))
    )
    assert [round(float(v)) for v in letter.pages[0].mediabox[2:]] == [round(v) for v in LETTER]
    assert [round(float(v)) for v in a4.pages[0].mediabox[2:]] == [round(v) for v in A4]
    fonts = letter.pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/FontDescriptor"] for f in fonts.values()]
    assert descriptors and all("/FontFile2" in d for d in descriptors)  # embedded TrueType
    assert all("DejaVuSans" in str(d["/FontName"]) for d in descriptors)
    assert letter.metadata.title.startswith("Compte rendu de visite — CIEC de Limoilou")
    assert letter.trailer["/Root"]["/Lang"] == "fr-CA"


def _font_names(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]  # embedded
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def test_every_report_uses_only_the_embedded_font(store, sample, tmp_path: Path):
    outputs = [
        fiche_projet.generate(store, sample["ciec"], tmp_path / "f.pdf", OPTIONS),
        fiche_projet.generate(store, sample["farm"], tmp_path / "g.pdf", OPTIONS),
        visite.generate(store, sample["visit"], tmp_path / "v.pdf", OPTIONS),
        bilan_regional.generate(
            store, None, "2026-01-01", "2026-12-31", tmp_path / "r.pdf", OPTIONS
        ),
        bilan_annuel.generate(store, 2026, tmp_path / "a.pdf", OPTIONS),
    ]
    for out in outputs:
        assert _font_names(out) <= {"DejaVuSans", "DejaVuSans-Bold"}, out.name


def test_long_tables_repeat_their_header_and_never_split_a_row(store, sample, tmp_path: Path):
    with store.transaction():
        for i in range(90):
            store.create(
                "contract",
                {"project_id": sample["ciec"], "client_type": "residentiel",
                 "service": f"Service numéro {i:03d} " + "avec une description assez longue " * 2,
                 "contract_date": "2026-07-15", "hours": 2, "amount": 40},
            )  # fmt: skip
    out = fiche_projet.generate(store, sample["ciec"], tmp_path / "f.pdf", OPTIONS)
    pages = [
        " ".join((page.extract_text() or "").replace("\u00a0", " ").split())
        for page in PdfReader(str(out)).pages
    ]
    detail_pages = [p for p in pages if "Service numéro" in p]
    assert len(detail_pages) >= 2
    for page in detail_pages:
        assert "Date Client Service Heures Montant" in page  # header on every page
    for i in range(90):
        # each row (its service, both description halves and its amount) is on one single page
        row = f"Service numéro {i:03d} avec une description assez longue avec une description"
        assert sum(row in page for page in pages) == 1, i


def test_user_text_is_never_taken_for_markup(store, sample, tmp_path: Path):
    store.update("visit", sample["visit"], {"decisions": "<b>Tom & Jerry</b> <br/> l'été < 30 °C"})
    text = pdf_text(visite.generate(store, sample["visit"], tmp_path / "v.pdf", OPTIONS))
    assert "<b>Tom & Jerry</b> <br/> l'été < 30 °C" in text


def test_counts_agree_with_their_number_and_labels_are_whole(store, sample, tmp_path):
    from coordinator_app.domain import fr_ca
    from coordinator_app.reports import ReportOptions, fiche_projet

    assert fr_ca.count(1, "jeune déclaré", "jeunes déclarés") == "1 jeune déclaré"
    assert fr_ca.count(2576, "jeune", "jeunes") == "2\u00a0576 jeunes"
    assert fr_ca.count(0, "suivi non fait", "suivis non faits") == "0 suivi non fait"
    store.update("project", sample["jeune"], {"teacher": "Arnaud Lavoie"})
    target = tmp_path / "jeune.pdf"
    fiche_projet.generate(store, sample["jeune"], target, ReportOptions())
    text = " ".join(pdf_text(target).split())
    assert "(s)" not in text
    assert "Enseignant ou enseignante responsable Arnaud Lavoie" in text
