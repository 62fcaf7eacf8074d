#!/usr/bin/env python3
"""Writes the manual pages ascend(1), ascendctl(1) and ascend-sim(1) from the programs' own --help.

ascendctl(1) also gets one subsection per command, from `ascendctl <command> --help`, so the page lists
exactly the commands and options the binary has. Run at build time by packaging/CMakeLists.txt:

    genman.py --output DIR --version 0.1.0 --date 2026-11-27 \
              --ascend PATH --ascendctl PATH --ascend-sim PATH
"""

import argparse
import os
import re
import subprocess
import sys

# The one-line NAME of each page; each page refers to the other two under SEE ALSO.
PAGES = {
    "ascend": "desktop workbench for App Store Connect",
    "ascendctl": "App Store Connect from the command line",
    "ascend-sim": "local App Store Connect simulator",
}

# What the --help of the GUI and the simulator does not say but a manual page should.
EXTRA = {
    "ascend": [
        ("ENVIRONMENT", [
            ("ASCEND_CONFIG_DIR", "The configuration folder (default ~/.config/Ascend/Ascend)."),
            ("ASCEND_SECRET_STORE", "Where API keys and webhook secrets are kept: auto (the system keychain, "
                                    "else 0600 files in the configuration folder), keychain or file."),
            ("ASCEND_SIM", "The ascend-sim program used by --demo (default: the one next to ascend)."),
        ]),
    ],
    "ascend-sim": [],
    "ascendctl": [],
}


def run_help(binary, *words):
    result = subprocess.run([binary, *words, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f"genman: `{os.path.basename(binary)} {' '.join(words)} --help` failed "
                 f"({result.returncode}): {result.stderr.strip()}")
    return result.stdout


# ---- reading --help output -------------------------------------------------------------------------

ITEM = re.compile(r"^  (\S.*?)(?:\s{2,}(\S.*))?$")


def parse_help(text):
    """Splits help text into (usage, blocks). A block is ("para", [lines]) or ("list", title, [items]),
    an item being [term, description]. Continuation lines of an item are indented deeper than two.
    The first line is the usage line; Qt prints the program's description right below it."""
    lines = text.replace("\u2026", "...").splitlines()
    usage = ""
    if lines and lines[0].startswith("Usage: "):
        usage = lines.pop(0)[len("Usage: "):]
    blocks = []
    current = None
    for index, line in enumerate(lines):
        if not line.strip():
            current = None
            continue
        # A section title ("Options:") starts a block and is followed by indented items.
        starts_block = index == 0 or not lines[index - 1].strip()
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if starts_block and not line.startswith(" ") and line.rstrip().endswith(":") \
                and following.startswith("  "):
            current = ("list", line.rstrip()[:-1], [])
            blocks.append(current)
            continue
        if current is not None and current[0] == "list":
            if line.startswith("   ") and current[2]:
                current[2][-1][1] = (current[2][-1][1] + " " + line.strip()).strip()
                continue
            match = ITEM.match(line)
            if match:
                current[2].append([match.group(1).strip(), (match.group(2) or "").strip()])
                continue
        if current is None or current[0] != "para":
            current = ("para", [])
            blocks.append(current)
        current[1].append(line)
    return usage, blocks


# ---- writing roff ----------------------------------------------------------------------------------

def esc(text):
    text = text.replace("\\", "\\e")
    # Options (--json, -h, --private-key-path) get real minus signs, so they can be copied; hyphens inside
    # words (command-line, P-256) stay hyphens.
    text = re.sub(r"(?<![\w-])--?\w[\w-]*", lambda m: m.group(0).replace("-", "\\-"), text)
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2192", "->")
    return text


def line_safe(text):
    """A text line that roff must not take for a request."""
    return "\\&" + text if text[:1] in (".", "'") else text


def term(text):
    """An option or argument term: options in bold, placeholders in italics."""
    out = []
    for token in re.split(r"(\s+|,\s*)", text):
        if not token or token.isspace() or token.startswith(","):
            out.append(token)
        elif token.startswith("-"):
            out.append("\\fB" + esc(token) + "\\fR")
        else:
            out.append("\\fI" + esc(token) + "\\fR")
    return "".join(out)


def paragraph(lines):
    """Prose lines are joined and filled by roff; lines indented by two spaces are kept as a list."""
    out = []
    prose = []
    literal = []

    def flush():
        if prose:
            out.extend([".PP", line_safe(esc(" ".join(p.strip() for p in prose)))])
            prose.clear()
        if literal:
            out.extend([".RS", ".nf"] + [line_safe(esc(l.strip())) for l in literal] + [".fi", ".RE"])
            literal.clear()

    for line in lines:
        if line.startswith("  "):
            if prose:
                flush()
            literal.append(line)
        else:
            if literal:
                flush()
            prose.append(line)
    flush()
    return out


def items(entries, bold_terms=False):
    out = []
    for name, description in entries:
        if name in ("-h, --help", "--help-all"):
            continue
        out.append(".TP")
        out.append("\\fB" + esc(name) + "\\fR" if bold_terms else term(name))
        out.append(line_safe(esc(description)) if description else "\\&")
    return out


def header(name, version, date):
    return [
        f'.\\" Generated by packaging/man/genman.py from `{name} --help`; do not edit.',
        f'.TH {name.upper()} 1 "{date}" "Ascend {version}" "User Commands"',
        ".SH NAME",
        f"{esc(name)} \\- {esc(PAGES[name])}",
    ]


def synopsis(name, usage):
    usage = re.sub(r"^\S+", name, usage.strip())  # Qt prints the path the program was started with
    words = usage.split(" ", 1)
    return [".SH SYNOPSIS", ".B " + esc(words[0])] + ([esc(words[1])] if len(words) > 1 else [])


def see_also(name):
    others = [f"\\fB{esc(page)}\\fR(1)" for page in PAGES if page != name]
    return [".SH SEE ALSO", ", ".join(others)]


def simple_page(name, help_text, version, date):
    """ascend(1) and ascend-sim(1): description, options and arguments as --help gives them."""
    usage, blocks = parse_help(help_text)
    out = header(name, version, date) + synopsis(name, usage) + [".SH DESCRIPTION"]
    lists = []
    for block in blocks:
        if block[0] == "para":
            out += paragraph(block[1])
        else:
            lists.append(block)
    for block in lists:
        out += [".SH " + block[1].upper()] + items(block[2])
    for title, entries in EXTRA[name]:
        out += [".SH " + title] + items(entries, bold_terms=True)
    return out + see_also(name)


def ascendctl_page(binary, version, date):
    usage, blocks = parse_help(run_help(binary))
    out = header("ascendctl", version, date) + synopsis("ascendctl", usage) + [".SH DESCRIPTION"]
    sections = {}
    exit_status = []
    for block in blocks:
        if block[0] == "para":
            if block[1][0].startswith("Exit status:"):
                exit_status = [" ".join(block[1])[len("Exit status:"):].strip()]
            else:
                out += paragraph(block[1])
        else:
            sections[block[1].split(" (")[0]] = block
    if "Commands" not in sections:
        sys.exit("genman: `ascendctl --help` lists no commands")

    out += [".SH OPTIONS", "Global options; they may appear anywhere on the command line."]
    out += items(sections["Global options"][2])

    out += [".SH COMMANDS",
            "Every command takes \\fB\\-\\-help\\fR and the global options. Options that take a value "
            "accept \\fB\\-\\-name value\\fR and \\fB\\-\\-name=value\\fR."]
    for words, summary in sections["Commands"][2]:
        command_usage, command_blocks = parse_help(run_help(binary, *words.split()))
        out += [".SS " + esc(words), ".B " + esc("ascendctl " + words)]
        rest = re.sub(r"^ascendctl " + re.escape(words), "", command_usage).strip()
        if rest:
            out.append(term(rest))
        for block in command_blocks:
            if block[0] == "para":
                if block[1][0].startswith("Global options:"):
                    continue
                out += paragraph(block[1])
            elif block[2]:
                entries = items(block[2])
                if entries:
                    out += [".PP", block[1] + ":", ".RS"] + entries + [".RE"]

    if "Environment" in sections:
        out += [".SH ENVIRONMENT"] + items(sections["Environment"][2], bold_terms=True)
    if "Files" in sections:
        title = sections["Files"][1]
        where = title[title.find("(") + 1:title.rfind(")")] if "(" in title else ""
        out += [".SH FILES"]
        if where:
            out.append(esc(where[0].upper() + where[1:]) + ":")
        out += items(sections["Files"][2], bold_terms=True)
    if "Examples" in sections:
        out += [".SH EXAMPLES"]
        for command, description in sections["Examples"][2]:
            out += [".TP", "\\fB" + esc(command) + "\\fR", line_safe(esc(description)) if description else "\\&"]
    if exit_status:
        out += [".SH EXIT STATUS", esc(exit_status[0])]
    return out + see_also("ascendctl")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--date", required=True)
    parser.add_argument("--ascend", required=True)
    parser.add_argument("--ascendctl", required=True)
    parser.add_argument("--ascend-sim", required=True)
    args = parser.parse_args()

    pages = {
        "ascend": simple_page("ascend", run_help(args.ascend), args.version, args.date),
        "ascendctl": ascendctl_page(args.ascendctl, args.version, args.date),
        "ascend-sim": simple_page("ascend-sim", run_help(args.ascend_sim), args.version, args.date),
    }
    os.makedirs(args.output, exist_ok=True)
    for name, lines in pages.items():
        with open(os.path.join(args.output, name + ".1"), "w", encoding="utf-8") as page:
            page.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
