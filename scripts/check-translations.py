#!/usr/bin/env python3
"""Lists the source strings of an updated Qt .ts file that have no finished translation.

Run by scripts/update-translations.sh after lupdate. Compares the freshly updated file with the version that
was there before (--original) to tell new strings from old untranslated ones and to find entries the sources
no longer use. Exit status: 0 complete, 1 something to translate or fix, 2 unusable input.
"""
import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

LANGUAGE_NAMES = {"en": "English (plural forms)", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "ja": "Japanese",
                  "nl": "Dutch", "pt": "Portuguese", "sv": "Swedish", "zh": "Chinese"}
# Plural forms Qt uses per language (numerusform count); languages not listed are not checked.
PLURAL_FORMS = {"de": 2, "fr": 2, "es": 2, "it": 2, "nl": 2, "pt": 2, "sv": 2, "ja": 1, "zh": 1}
PLACEHOLDER = re.compile(r"%(?:L?\d{1,2}|n)")
MNEMONIC = re.compile(r"&(?![&\s]|[a-zA-Z]+;|#\d+;)")


def text_of(element):
    return "" if element is None or element.text is None else element.text


class Entry:
    def __init__(self, context, message, locations):
        self.context = context
        self.source = text_of(message.find("source"))
        self.comment = text_of(message.find("comment"))
        self.numerus = message.get("numerus") == "yes"
        translation = message.find("translation")
        self.type = translation.get("type", "") if translation is not None else "unfinished"
        if self.numerus:
            self.forms = [text_of(f) for f in translation.findall("numerusform")] if translation is not None else []
        else:
            self.forms = [text_of(translation)]
        self.locations = locations

    @property
    def key(self):
        return (self.context, self.source, self.comment)

    def finished(self):
        return self.type == "" and all(form != "" for form in self.forms) and bool(self.forms)


def read_ts(path):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        print(f"error: cannot read {path}: {error}", file=sys.stderr)
        sys.exit(2)
    base = os.path.dirname(os.path.abspath(path))
    # "-locations relative" writes a file name only when it changes and line numbers as +/- offsets from the
    # previous location in the same file.
    last_line = {}
    current = None
    entries = []
    for context in root.findall("context"):
        name = text_of(context.find("name"))
        for message in context.findall("message"):
            locations = []
            for location in message.findall("location"):
                if location.get("filename") is not None:
                    current = os.path.normpath(os.path.join(base, location.get("filename")))
                line = location.get("line", "0")
                number = last_line.get(current, 0) + int(line) if line[:1] in "+-" else int(line)
                last_line[current] = number
                locations.append((current, number))
            entries.append(Entry(name, message, locations))
    return root.get("language", ""), entries


def sort_key(entry):
    return entry.locations[0] if entry.locations else ("", 0)


def where(entry, root):
    if not entry.locations:
        return "(no location)"
    path, line = entry.locations[0]
    shown = os.path.relpath(path, root) if path else "?"
    more = f" (+{len(entry.locations) - 1} more)" if len(entry.locations) > 1 else ""
    return f"{shown}:{line}{more}"


def short(text, limit=90):
    text = text.replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def consistency_problems(entry, language):
    problems = []
    wanted = PLURAL_FORMS.get(language.split("_")[0])
    if entry.numerus and wanted is not None and len(entry.forms) != wanted:
        problems.append(f"has {len(entry.forms)} plural forms, {language} needs {wanted}")
    source_marks = sorted(set(PLACEHOLDER.findall(entry.source)))
    for form in entry.forms:
        marks = sorted(set(PLACEHOLDER.findall(form)))
        if entry.numerus and "%n" not in marks and "%n" in source_marks and len(entry.forms) > 1:
            # A singular form may spell the number out ("eine Datei"); the other forms must keep %n.
            if form is entry.forms[0]:
                marks = sorted(set(marks) | {"%n"})
        if marks != source_marks:
            problems.append(f"placeholders {' '.join(marks) or 'none'} instead of {' '.join(source_marks)}")
            break
    if MNEMONIC.search(entry.source) and not any(MNEMONIC.search(form) for form in entry.forms):
        problems.append("the source has a keyboard mnemonic (&), the translation none")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("updated", help="the .ts file lupdate just updated")
    parser.add_argument("--original", help="the .ts file as it was before the update")
    parser.add_argument("--root", default=os.getcwd(), help="repository root, for readable file names")
    parser.add_argument("--updating", action="store_true",
                        help="the file was updated in place: entries the update dropped are no problem")
    parser.add_argument("--label", help="the .ts file to name in the report (default: --original or updated)")
    args = parser.parse_args()

    language, entries = read_ts(args.updated)
    original = {}
    original_name = args.label or args.original or args.updated
    if args.original:
        _, before = read_ts(args.original)
        original = {entry.key: entry for entry in before}
    label = os.path.relpath(os.path.abspath(original_name), args.root)
    language_name = LANGUAGE_NAMES.get(language.split("_")[0], language or "target-language")

    missing = []
    for entry in entries:
        if entry.finished():
            continue
        old = original.get(entry.key)
        if args.original and old is None:
            why = "new"
        elif old is not None and old.type in ("vanished", "obsolete"):
            why = "used again, but marked vanished"
        elif entry.type in ("vanished", "obsolete"):
            why = "vanished"
        else:
            why = "unfinished"
        missing.append((entry, why))

    inconsistent = [(entry, problems) for entry in entries if entry.finished()
                    for problems in [consistency_problems(entry, language)] if problems]
    current = {entry.key for entry in entries}
    stale = [entry for entry in original.values()
             if entry.key not in current or entry.type in ("vanished", "obsolete")]

    print(f"{label}: {len(entries)} source strings, {len(entries) - len(missing)} translated into {language_name}.")
    if missing:
        print(f"\n{len(missing)} source string(s) without a finished {language_name} translation:")
        for entry, why in sorted(missing, key=lambda item: sort_key(item[0])):
            print(f"  {where(entry, args.root)}  [{entry.context}] ({why})")
            print(f"      \"{short(entry.source)}\"")
    if inconsistent:
        print(f"\n{len(inconsistent)} translation(s) that do not fit their source:")
        for entry, problems in inconsistent:
            print(f"  {where(entry, args.root)}  [{entry.context}] \"{short(entry.source, 60)}\": {'; '.join(problems)}")
    if stale:
        verb = "dropped from" if args.updating else "in"
        print(f"\n{len(stale)} entr{'y' if len(stale) == 1 else 'ies'} {verb} {label} that no source uses any more "
              f"(vanished or obsolete):")
        for entry in stale[:40]:
            print(f"  [{entry.context}] \"{short(entry.source)}\"")
        if len(stale) > 40:
            print(f"  … and {len(stale) - 40} more")
    if args.updating:
        stale = []
    if missing or inconsistent or stale:
        print("\nTo fix: run scripts/update-translations.sh, translate the strings listed above in "
              f"{label} (Qt Linguist, or by hand: fill <translation> and remove type=\"unfinished\"), "
              "then run this check again. See translations/README.md.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
