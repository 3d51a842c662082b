"""CSV as people really have it: UTF-8, UTF-8 with BOM, UTF-16 (Excel « texte Unicode ») or
Windows-1252 (what Excel writes on French Windows); comma, semicolon or tab; quoted multi-line cells.

The encoding is decided from the whole file, never from a guess on its first lines: a file that is
neither valid UTF-8 nor plausible Windows-1252 French text is refused with a message saying how to
save it from Excel, because importing « MontrÃ©al » silently is worse than refusing.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from coordinator_app.domain.columns import header_score
from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.table import Row, Table, is_blank, split_header

CHUNK = 1 << 20
SAMPLE = 1 << 16
SEPARATORS = {";": "point-virgule", ",": "virgule", "\t": "tabulation"}
HOW_TO_SAVE = (
    "Dans Excel, ouvrez le fichier puis choisissez Fichier › Enregistrer sous › "
    "« CSV UTF-8 (délimité par des virgules) (*.csv) », ou enregistrez-le en classeur Excel "
    "(.xlsx), puis importez ce nouveau fichier."
)
# Characters a Windows-1252 French file really contains beyond ASCII (French letters, a few letters
# of names from Spanish or Portuguese, typographic punctuation). Bytes that decode to anything else
# (Ž, ˆ, ‰, Ý, Þ, control characters…) mean the file is in another encoding.
_PLAUSIBLE_1252 = set(
    "àâäçèéêëîïôöùûüÿœæÀÂÄÇÈÉÊËÎÏÔÖÙÛÜŸŒÆáíóúñÁÍÓÚÑ«»’‘“”–—…•·°©®§¢£€×÷±²³½¼¾µ\u00a0"
)
#: A word of three letters or more, all outside ASCII: never French (« Åõóôïñãéïò » is Greek
#: ISO-8859-7 read as Windows-1252), common in any other 8-bit encoding.
_FOREIGN_WORD = re.compile(r"\b[^\W\d_a-zA-Z]{3,}\b")
_ACCENTED_WORD = re.compile(r"\b\w*[^\W\d_a-zA-Z]\w*\b")
FOREIGN, ACCENTED = "\x00foreign", "\x00accented"
_UTF8_PAIR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def refuse_binary(head: bytes, path: Path) -> None:
    """Refuse files that are not text, naming what they are when it is recognisable."""
    if head.startswith(b"PK\x03\x04"):
        raise UserError(
            f"« {path.name} » est un classeur Excel (.xlsx) ou une archive, pas un fichier CSV. "
            "Donnez-lui l'extension .xlsx, ou dans Excel enregistrez-le en « CSV UTF-8 »."
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(
            f"« {path.name} » est un ancien classeur Excel 97-2003 (.xls), que Carnet COOP ne lit "
            "pas. Dans Excel, enregistrez-le en « Classeur Excel (*.xlsx) » ou en « CSV UTF-8 »."
        )
    if b"\x00" in head:
        raise UserError(
            f"« {path.name} » n'est pas un fichier texte CSV (il contient des données binaires). "
            + HOW_TO_SAVE
        )


def _scan(path: Path, encoding: str) -> tuple[bool, int, dict[str, int], int]:
    """Decode the whole file in chunks: (decodes?, line count, non-ASCII chars, UTF-8-like pairs).

    For Windows-1252, ``high`` also counts, under the key ``FOREIGN``, the words made only of
    non-ASCII letters and, under ``ACCENTED``, the words with an accent."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    lines, high, pairs = 0, {}, 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            lines += chunk.count(b"\n")
            pairs += len(_UTF8_PAIR.findall(chunk))
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                return False, lines, high, pairs
            if encoding == "cp1252":
                for char in _NON_ASCII.findall(text):
                    high[char] = high.get(char, 0) + 1
                high[FOREIGN] = high.get(FOREIGN, 0) + len(_FOREIGN_WORD.findall(text))
                high[ACCENTED] = high.get(ACCENTED, 0) + len(_ACCENTED_WORD.findall(text))
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False, lines, high, pairs
    return True, lines, high, pairs


def _likely_encoding(head: bytes) -> str:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(head).best()
    except Exception:  # a second opinion only; never a reason to fail
        return ""
    return best.encoding if best is not None else ""


def detect_encoding(path: Path, head: bytes) -> tuple[str, str, int]:
    """(Python codec, what to tell the user, line count) or UserError when undecidable."""
    if head.startswith(codecs.BOM_UTF8):
        ok, lines, _, _ = _scan(path, "utf-8-sig")
        if ok:
            return "utf-8-sig", "UTF-8 avec BOM", lines
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        ok, lines, _, _ = _scan(path, "utf-16")
        if ok:
            return "utf-16", "UTF-16 (texte Unicode d'Excel)", lines
    else:
        refuse_binary(head, path)
        ok, lines, _, pairs = _scan(path, "utf-8")
        if ok:
            return "utf-8", "UTF-8", lines
        ok, lines, high, _ = _scan(path, "cp1252")
        foreign, accented = high.pop(FOREIGN, 0), high.pop(ACCENTED, 0)
        total = sum(high.values())
        plausible = sum(n for char, n in high.items() if char in _PLAUSIBLE_1252)
        mixed = pairs >= 3 and pairs * 5 >= total
        french = plausible == total and foreign * 50 <= accented and not (foreign and accented < 50)
        if ok and total and french and not mixed:
            return "cp1252", "Windows-1252 (Excel sous Windows)", lines
    guess = _likely_encoding(head)
    hint = f" ; il ressemble à de l'encodage {guess}" if guess else ""
    raise UserError(
        f"Impossible de reconnaître l'encodage du fichier « {path.name} » (ni UTF-8, ni "
        f"Windows-1252{hint}). Les accents seraient mal lus, le fichier n'est donc pas importé. "
        + HOW_TO_SAVE
    )


def detect_separator(sample: str, kind: str) -> str:
    """The separator that yields the most recognised headers, then the steadiest column count."""
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1:
        lines = lines[:-1]  # the last line of a sample may be cut in the middle
    text = "".join(lines)
    best, best_score = ";", (-1, -1, -1)
    for separator in SEPARATORS:
        records = [r for r in csv.reader(text.splitlines(keepends=True), delimiter=separator) if r]
        records = records[:50]
        if not records:
            continue
        widths = [len(r) for r in records]
        width = max(set(widths), key=widths.count)
        recognised = max(header_score(kind, r) for r in records[:10])
        steady = sum(1 for w in widths if w == width) if width > 1 else 0
        score = (recognised, steady, width)
        if score > best_score:
            best, best_score = separator, score
    return best


def _records(path: Path, encoding: str, separator: str) -> Iterator[Row]:
    """Records numbered as Excel shows them: a quoted multi-line cell stays on one row."""
    with path.open("r", encoding=encoding, newline="") as stream:
        reader = csv.reader(stream, delimiter=separator, strict=False)
        line = 0
        try:
            for line, record in enumerate(reader, start=1):
                yield line, [cell for cell in record]
        except csv.Error as error:
            raise UserError(
                f"Le fichier « {path.name} » est mal formé près de la ligne {line + 1} : {error}."
            ) from None


def open_csv(path: Path, kind: str) -> Table:
    """Open a CSV file for import; raises UserError for empty, binary or undecidable files."""
    with path.open("rb") as stream:
        head = stream.read(SAMPLE)
    stripped = head.removeprefix(codecs.BOM_UTF8).strip()
    if not stripped or stripped in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise UserError(f"Le fichier « {path.name} » est vide : aucune ligne à importer.")
    encoding, encoding_name, lines = detect_encoding(path, head)
    sample = head.decode(encoding, errors="ignore")
    separator = detect_separator(sample, kind)
    rows = _records(path, encoding, separator)
    header, header_line, pending = split_header(kind, "CSV", rows, path)
    data = (row for row in itertools.chain(pending, rows) if not is_blank(row[1]))
    notes = [f"Encodage : {encoding_name} ; séparateur : {SEPARATORS[separator]}."]
    return Table("CSV", header, header_line, data, max(lines - header_line, 0), notes)
