"""Lists the functions callgrind saw run, first seen first, keeping those the binary defines.

Usage: executed_functions.py FUNCTIONS CALLGRIND_OUT [CALLGRIND_OUT ...]
FUNCTIONS holds one symbol name per line (nm). callgrind's format names a function once, as fn=(id) name or
cfn=(id) name, and refers to it by (id) afterwards (valgrind's docs, "Callgrind Format Specification").
"""
import re
import sys

ENTRY = re.compile(r"^c?fn=\((\d+)\)(?: (.*))?$")


def executed(path):
    names = {}
    with open(path, encoding="utf-8", errors="replace") as profile:
        for line in profile:
            match = ENTRY.match(line.rstrip("\n"))
            if match:
                ident, name = match.groups()
                if name:
                    names[ident] = name
                if ident in names:
                    yield names[ident]


def main(functions_path, *profiles):
    with open(functions_path, encoding="utf-8") as functions:
        defined = {line.strip() for line in functions}
    seen = set()
    for profile in profiles:
        for name in executed(profile):
            if name in defined and name not in seen:
                seen.add(name)
                print(name)
    if not seen:
        sys.exit("executed_functions.py: no function of the binary in the profiles")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
