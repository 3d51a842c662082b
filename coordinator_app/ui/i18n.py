"""Language of the window: French (fr_CA) by default, English through Qt's translation system.

Every visible string of the window goes through ``tr()`` / ``QCoreApplication.translate``; the
English catalogue is ``resources/translations/carnet_en.qm`` (compiled from ``carnet_en.ts`` by
``pyside6-lrelease``; see ``resources/translations/README.md``). Switching language installs or
removes the translator at run time: Qt then sends ``LanguageChange`` to every widget, and each
widget's ``retranslate_ui()`` sets its texts again. The choice is kept in the profile's meta.

Numbers, money and dates are written with the language's conventions: fr_CA (« 2 576 »,
« 1 234,56 $ ») through ``domain.fr_ca``, English (en_CA) through Babel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from coordinator_app.domain import fr_ca
from coordinator_app.resource_paths import resource_path

FRENCH, ENGLISH = "fr", "en"
LANGUAGES: tuple[tuple[str, str], ...] = ((FRENCH, "Français"), (ENGLISH, "English"))
META_KEY = "ui_language"
CATALOGUE = "carnet_{lang}.qm"

_installed: list[QTranslator] = []
_current = FRENCH
_ready = False  # no translator installed yet in this QApplication


def current_language() -> str:
    return _current


def catalogue_path(lang: str) -> Path:
    return resource_path("translations", CATALOGUE.format(lang=lang))


def apply_language(lang: str) -> bool:
    """Install the translators of ``lang`` (removing the previous ones); False if unavailable.

    French needs no catalogue of ours (the sources are French) but loads Qt's own ``qtbase_fr``
    so that standard buttons (« Annuler », « Oui ») are French too.
    """
    global _current, _ready
    app = QCoreApplication.instance()
    if app is None or lang not in dict(LANGUAGES):
        return False
    if lang == _current and (_installed or lang == FRENCH) and _ready:
        return True
    fresh: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if _load_qt_catalogue(qt_translator, lang):
        fresh.append(qt_translator)
    extra = QTranslator(app)  # what qtbase_fr leaves in English (« Look in: »)
    if extra.load(str(resource_path("translations", f"qtbase_extra_{lang}.qm"))):
        fresh.append(extra)
    ours = QTranslator(app)
    if ours.load(str(catalogue_path(lang))):
        fresh.append(ours)  # in French: the real plural forms of « %n projet(s) » and such
    elif lang != FRENCH:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for translator in fresh:
        app.installTranslator(translator)
        _installed.append(translator)
    language = QLocale.Language.French if lang == FRENCH else QLocale.Language.English
    QLocale.setDefault(QLocale(language, QLocale.Country.Canada))
    _current = lang
    _ready = True
    return True


def _load_qt_catalogue(translator: QTranslator, lang: str) -> bool:
    """Qt's own strings (standard buttons, file and print dialogs): the copy of ``qtbase_fr.qm``
    shipped in ``resources/translations`` first (an installer bundle may lack Qt's folder), then
    the Qt installation's."""
    name = f"qtbase_{lang}"
    shipped = resource_path("translations", f"{name}.qm")
    if shipped.is_file() and translator.load(str(shipped)):
        return True
    return translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def count(text: str, n: int) -> str:
    """A count translated with Qt's plurals, its number written the language's way.

    ``count(self.tr("%n projet(s)", "", n), n)``: Qt picks « 1 projet » / « 2 projets » (French
    forms from ``carnet_fr.qm``, English from ``carnet_en.qm``) and writes the number plainly;
    this puts « 2 576 » (French) or « 2,576 » (English) in its place.
    """
    plain = str(n)
    return text.replace(plain, number(n), 1) if len(plain) > 3 else text


def plural(context: str, source: str, n: int) -> str:
    """``count`` of ``source`` translated in ``context``, for code outside the context's class.

    pyside6-lupdate 6.11 files ``QCoreApplication.translate(context, source, "", n)`` as a plain
    message (no plural forms), so such counts go through here instead: ``update.py`` finds every
    ``plural("Context", "literal", n)`` and writes it where lupdate reads it as a plural.
    """
    return count(QCoreApplication.translate(context, source, "", n), n)


# -- locale-aware formats --------------------------------------------------------------------------
def label(text: str) -> str:
    """A label before its value: « Programme : » in French (space before the colon), « Program: »
    in English."""
    return f"{text} :" if _current == FRENCH else f"{text}:"


def _french_integer(value: int) -> str:
    """« 2 576 », « -1 234 »: what ``fr_ca.number`` writes for an integer (tests compare them).

    The window's first frame writes only whole numbers (the status bar's count, the dashboard's
    cards); written by Babel, the first one loaded its fr_CA data, ≈ 30 ms of start-up (issue 17).
    """
    return f"{value:,}".replace(",", "\u00a0")


def number(value: float | int | None, digits: int = 0) -> str:
    """« 2 576 » in French, « 2,576 » in English."""
    if value is None:
        return ""
    if _current == FRENCH:
        if type(value) is int and not digits:
            return _french_integer(value)
        return fr_ca.number(value, digits)
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale="en_CA")


def percent(value: float | int | None) -> str:
    """« 64 % » in French, « 64% » in English (from a percentage, not a fraction)."""
    if value is None:
        return "—"
    if _current == FRENCH:
        if type(value) is int:
            return f"{_french_integer(value)}\u00a0%"
        return fr_ca.percent(value)
    return f"{round(value)}%"


def moment(at: str) -> str:
    """A journal time (UTC ISO) in the laptop's local time, the language's way: « le 3 décembre
    2026, 14 h 05 » (``domain.people.when_text``) or « December 3, 2026, 2:05 p.m. » (Babel,
    en_CA like every English number and amount of the window)."""
    from coordinator_app.domain.people import when_text

    if _current == FRENCH:
        return when_text(at)
    import datetime as dt

    from babel.dates import format_date, format_time

    local = dt.datetime.fromisoformat(at)
    if local.tzinfo is not None:
        local = local.astimezone()
    return f"{format_date(local.date(), 'long', locale='en_CA')}, " + format_time(
        local, "short", locale="en_CA"
    )


def money_cents(cents: int | None) -> str:
    """« 1 234,56 $ » in French, « $1,234.56 » in English."""
    if cents is None:
        return ""
    if _current == FRENCH:
        return fr_ca.money_cents(cents)
    from decimal import Decimal

    from babel.numbers import format_currency

    return format_currency(Decimal(cents) / 100, "CAD", locale="en_CA")
