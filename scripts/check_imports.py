#!/usr/bin/env python3
"""Package.swift's target dependencies match the modules each target imports (issue 31, item 7).

For every target: a package module it imports must be a declared dependency, and a declared
dependency must be imported (a test target may depend on the executable `jsna`, which it runs
rather than imports). Prints each mismatch; exits 1 if there is any.
"""
import glob
import re
import sys

RUN_NOT_IMPORTED = {"jsna"}


def bracketed(text, start, open_char, close_char):
    depth, i = 0, start
    while True:
        if text[i] == open_char:
            depth += 1
        elif text[i] == close_char:
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1


def targets(package):
    out = {}
    for m in re.finditer(r'\.(target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)"', package):
        kind, name = m.groups()
        body = bracketed(package, m.start() + len(kind) + 1, "(", ")")
        deps = set()
        k = body.find("dependencies:")
        if k >= 0:
            listed = re.sub(r"\.product\([^)]*\)", "", bracketed(body, body.index("[", k), "[", "]"))
            listed = re.sub(r"//[^\n]*", "", listed)
            deps = set(re.findall(r'"([A-Za-z]+)"', listed))
        path = re.search(r'path:\s*"([^"]+)"', body)
        folder = path.group(1) if path else ("Tests/" if kind == "testTarget" else "Sources/") + name
        out[name] = (kind, deps, folder)
    return out


def main():
    found = targets(open("Package.swift").read())
    names = set(found)
    problems = 0
    for name, (kind, deps, folder) in sorted(found.items()):
        imports = set()
        for path in glob.glob(folder + "/**/*.swift", recursive=True):
            for line in open(path, encoding="utf-8"):
                m = re.match(r"\s*(?:@testable\s+|@_implementationOnly\s+|package\s+|public\s+)?import\s+([A-Za-z_]+)", line)
                if m:
                    imports.add(m.group(1))
        missing = sorted((imports & names) - deps - {name})
        unused = sorted((deps & names) - imports - (RUN_NOT_IMPORTED if kind == "testTarget" else set()))
        for module in missing:
            print(f"Package.swift: {name} imports {module} without declaring it")
        for module in unused:
            print(f"Package.swift: {name} declares {module} but does not import it")
        problems += len(missing) + len(unused)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
