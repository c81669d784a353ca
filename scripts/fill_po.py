"""Fill empty msgstr entries of a .po file from a translations module.

Usage: python scripts/fill_po.py kiosque/locale/fr/LC_MESSAGES/django.po scripts/translations_fr*.py
Keeps existing translations; reports msgids still untranslated. Each app may keep its
strings in its own module (scripts/translations_fr_<app>.py); later modules win. An
entry with a context is keyed "context\x04msgid" there.
"""

import ast
import re
import sys
from pathlib import Path


def unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line.strip()) for line in lines)


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _unfuzzy(line: str) -> str:
    if not line.startswith("#,"):
        return line
    flags = [f.strip() for f in line[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
    return "#, " + ", ".join(flags) if flags else "#,"


def fill(po_path: Path, translations: dict[str, str]) -> list[str]:
    blocks = po_path.read_text().split("\n\n")
    missing = []
    out = []
    for block in blocks:
        lines = block.split("\n")
        if any(line.startswith("msgid_plural ") for line in lines):
            out.append("\n".join(_fill_plural(lines, translations, missing)))
            continue
        try:
            start = next(i for i, line in enumerate(lines) if line.startswith("msgid "))
            end = next(i for i, line in enumerate(lines) if line.startswith("msgstr "))
        except StopIteration:
            out.append(block)
            continue
        msgid_lines = [lines[start][6:], *lines[start + 1 : end]]
        msgid = unquote(msgid_lines)
        # A msgid with a context (pgettext) is looked up as "context\x04msgid", gettext's
        # own key: "Held" the queue and "Held" one comment's status are two entries.
        context = next((line[8:] for line in lines[:start] if line.startswith("msgctxt ")), None)
        if context is not None:
            msgid = unquote([context]) + "\x04" + msgid
        msgstr = unquote(
            [lines[end][7:]] + [line for line in lines[end + 1 :] if line.startswith('"')]
        )
        # A fuzzy msgstr is msgmerge's guess from a similar msgid: msgfmt leaves it out,
        # so it is as untranslated as an empty one.
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        if msgid and (not msgstr or fuzzy):
            if msgid in translations:
                lines = [*lines[:end], "msgstr " + quote(translations[msgid])]
                lines = [_unfuzzy(line) for line in lines if not line.startswith("#|")]
                lines = [line for line in lines if line != "#,"]
            else:
                missing.append(msgid)
        out.append("\n".join(lines))
    po_path.write_text("\n\n".join(out))
    return missing


def _fill_plural(lines: list[str], translations: dict, missing: list[str]) -> list[str]:
    """An ngettext entry: its translation is a (singular, plural) pair, French having
    two forms (msgstr[0] for 0 and 1, msgstr[1] from 2)."""
    start = next(i for i, line in enumerate(lines) if line.startswith("msgid "))
    plural = next(i for i, line in enumerate(lines) if line.startswith("msgid_plural "))
    first_form = next(i for i, line in enumerate(lines) if line.startswith("msgstr["))
    msgid = unquote([lines[start][6:], *lines[start + 1 : plural]])
    filled = unquote([lines[first_form].split(" ", 1)[1]])
    fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
    if filled and not fuzzy:
        return lines
    if msgid not in translations:
        missing.append(msgid)
        return lines
    one, many = translations[msgid]
    lines = [*lines[:first_form], "msgstr[0] " + quote(one), "msgstr[1] " + quote(many)]
    lines = [_unfuzzy(line) for line in lines if not line.startswith("#|")]
    return [line for line in lines if line != "#,"]


if __name__ == "__main__":
    translations: dict[str, str] = {}
    for module in sys.argv[2:]:
        namespace: dict = {}
        exec(Path(module).read_text(), namespace)  # noqa: S102 (our own files)
        translations.update(namespace["TRANSLATIONS"])
    still_missing = fill(Path(sys.argv[1]), translations)
    for msgid in still_missing:
        print("untranslated:", re.sub(r"\s+", " ", msgid))
