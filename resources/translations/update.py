"""Regenerate the English catalogue of the window: ``python resources/translations/update.py``.

1. writes ``generated_strings.py``: the French labels that come from the domain's specs
   (entities, fields, choices, stages, programs), marked for context « domain » so that
   ``tr_domain`` finds their English; and the literal strings passed to a module's one-line
   wrapper ``def _tr(text): return QCoreApplication.translate("Context", text)``, which lupdate
   cannot follow;
2. runs ``pyside6-lupdate`` over ``coordinator_app/ui`` and that file into ``carnet_en.ts``
   (existing translations are kept, vanished strings dropped);
3. fills untranslated entries from ``glossary_en.json`` (French source → English);
4. compiles ``carnet_en.qm`` with ``pyside6-lrelease`` and lists what is still untranslated.

The .ts file is the source of truth (Qt Linguist can edit it); the glossary only seeds new entries.

Plurals: a count is written ``self.tr("%n projet(s)", "", n)`` (see ``ui.i18n.count``). The English
glossary gives such a source a list ``[singular, plural]``; French, the source language, gets its
real forms from ``carnet_fr.ts`` (plural messages only, ``lupdate -pluralonly``), filled from
``glossary_fr_plurals.json`` and compiled to ``carnet_fr.qm``, which the window loads in French.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "carnet_en.ts"
QM = HERE / "carnet_en.qm"
DOMAIN = HERE / "generated_strings.py"
PLURALS = HERE / "generated_plurals.py"
GLOSSARY = HERE / "glossary_en.json"
TS_FR = HERE / "carnet_fr.ts"
QM_FR = HERE / "carnet_fr.qm"
GLOSSARY_FR = HERE / "glossary_fr_plurals.json"


def domain_labels() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from coordinator_app.domain.entities import ENTITIES
    from coordinator_app.domain.stages import PROGRAM_SHORT_LABELS, PROGRAMS, STAGES

    labels: list[str] = []
    for spec in ENTITIES.values():
        labels += [spec.label, spec.label_plural]
        for field in spec.fields:
            labels.append(field.label)
            labels += [label for _value, label in field.choices]
            if field.help:
                labels.append(field.help)
    labels += [label for _value, label in PROGRAMS]
    labels += list(PROGRAM_SHORT_LABELS.values())
    for stages in STAGES.values():
        labels += [label for _value, label in stages]
    return list(dict.fromkeys(labels))


def wrapper_strings() -> list[tuple[str, str]]:
    """``(context, text)`` of every ``_tr("literal")`` call whose module defines ``_tr`` as a
    ``QCoreApplication.translate("Context", text)`` wrapper."""
    found: list[tuple[str, str]] = []
    for path in sorted((ROOT / "coordinator_app" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers: dict[str, str] = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and len(node.body) >= 1:
                last = node.body[-1]
                call = last.value if isinstance(last, ast.Return) else None
                if (
                    isinstance(call, ast.Call)
                    and getattr(call.func, "attr", "") == "translate"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    wrappers[node.name] = call.args[0].value
        if not wrappers:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((wrappers[node.func.id], node.args[0].value))
    return list(dict.fromkeys(found))


def plural_strings() -> list[tuple[str, str]]:
    """``(context, text)`` of every ``i18n.plural("Context", "literal", n)`` call in the window."""
    found: list[tuple[str, str]] = []
    for path in sorted((ROOT / "coordinator_app" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            name = getattr(name, "attr", None) or getattr(name, "id", None)
            if (
                isinstance(node, ast.Call)
                and name == "plural"
                and len(node.args) == 3
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
            ):
                found.append((node.args[0].value, node.args[1].value))
    return list(dict.fromkeys(found))


def write_plurals_file() -> None:
    """One class per context whose method asks ``self.tr(text, "", n)``: the only form of a count
    that pyside6-lupdate 6.11 files as a plural (see ``ui.i18n.plural``)."""
    by_context: dict[str, list[str]] = {}
    for context, text in plural_strings():
        by_context.setdefault(context, []).append(text)
    lines = [
        '"""Generated by update.py for lupdate: the counts of ``i18n.plural``. Do not edit."""',
        "",
        "from PySide6.QtCore import QObject",
    ]
    for context, texts in sorted(by_context.items()):
        lines += ["", "", f"class {context}(QObject):", "    def counts(self, n: int) -> None:"]
        lines += [f"        self.tr({text!r}, '', n)" for text in texts]
    PLURALS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_domain_file() -> None:
    lines = [
        '"""Generated by update.py for lupdate: domain labels and wrapped literals. Do not edit."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "LABELS = (",
    ]
    lines += [f"    QT_TRANSLATE_NOOP({'domain'!r}, {label!r})," for label in domain_labels()]
    lines += [f"    QT_TRANSLATE_NOOP({ctx!r}, {text!r})," for ctx, text in wrapper_strings()]
    lines += [")", ""]
    DOMAIN.write_text("\n".join(lines), encoding="utf-8")


def run_lupdate() -> None:
    sources = sorted(str(p) for p in (ROOT / "coordinator_app" / "ui").rglob("*.py"))
    subprocess.run(
        ["pyside6-lupdate", *sources, str(DOMAIN), str(PLURALS), "-no-obsolete", "-ts", str(TS)],
        check=True,
    )
    subprocess.run(
        ["pyside6-lupdate", *sources, str(PLURALS), "-no-obsolete", "-pluralonly", "-source-language", "fr_CA",
         "-target-language", "fr_CA", "-ts", str(TS_FR)],
        check=True,
    )  # fmt: skip


def fill_from_glossary(ts: Path = TS, glossary_path: Path = GLOSSARY) -> list[str]:
    glossary: dict[str, str | list[str]] = json.loads(glossary_path.read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        forms = translation.findall("numerusform")
        done = translation.get("type") not in ("unfinished", "vanished", "obsolete")
        if done and (translation.text or any(f.text for f in forms)):
            continue
        entry = glossary.get(source)
        if entry is None or bool(forms) != isinstance(entry, list):
            missing.append(source)
            continue
        if forms:  # a count: one text per plural form (singular, plural)
            for number, form in enumerate(forms):
                form.text = entry[min(number, len(entry) - 1)]
        else:
            translation.text = entry
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def run_lrelease() -> None:
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], check=True)
    subprocess.run(["pyside6-lrelease", str(TS_FR), "-qm", str(QM_FR)], check=True)
    extra = HERE / "qtbase_extra_fr.ts"  # hand-written: Qt strings qtbase_fr lacks
    subprocess.run(
        ["pyside6-lrelease", str(extra), "-qm", str(extra.with_suffix(".qm"))], check=True
    )


def main() -> int:
    write_domain_file()
    write_plurals_file()
    run_lupdate()
    missing = fill_from_glossary()
    missing += [f"(fr) {s}" for s in fill_from_glossary(TS_FR, GLOSSARY_FR)]
    run_lrelease()
    for source in sorted(set(missing)):
        print(f"untranslated: {source!r}")
    print(f"{len(set(missing))} untranslated source text(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
