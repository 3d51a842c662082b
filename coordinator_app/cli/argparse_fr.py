"""argparse in French: « utilisation : », « afficher ce message d'aide et quitter »…

argparse writes its own texts through ``gettext`` (domain « argparse »), for which Python ships
no French catalogue: without this module ``coordinator-app --help`` reads half English
(« usage: », « options: », « show this help message and exit »). ``install()`` points argparse's
``_`` and ``ngettext`` at the table below; a text not in it stays as argparse wrote it.
"""

from __future__ import annotations

import argparse

FRENCH: dict[str, str] = {
    "usage: ": "utilisation : ",
    # argparse adds « : » right after a heading: the no-break space makes it « options : ».
    "options": "options\u00a0",
    "positional arguments": "arguments positionnels\u00a0",
    "show this help message and exit": "afficher ce message d'aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (choisissez parmi %(choices)s)"
    ),
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r (choix : %(choices)s)"
    ),
}
PLURALS: dict[str, tuple[str, str]] = {
    "expected %s argument": ("%s valeur attendue", "%s valeurs attendues"),
}


def _gettext(text: str) -> str:
    return FRENCH.get(text, text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    forms = PLURALS.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n <= 1 else forms[1]  # French: 0 and 1 take the singular


def install() -> None:
    """French texts for every parser built from now on (argparse looks ``_`` up at each call)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
