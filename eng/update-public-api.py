#!/usr/bin/env python3
"""Brings each package's PublicAPI.Unshipped.txt in line with its code.

Builds the solution, reads the RS0016 (symbol not declared) and RS0017 (declared symbol gone)
diagnostics of Microsoft.CodeAnalysis.PublicApiAnalyzers, and adds or removes the lines they name.
Run it after changing a public API, then review the diff: it is the API change.
Pass a project (or solution) path to build only that one: `python3 eng/update-public-api.py src/Connectivity.Testing`.
"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
target = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else root / "Connectivity.sln"
pattern = re.compile(r"^(?P<file>/[^(]+)\(\d+,\d+\): error (?P<id>RS001[67]): Symbol '(?P<symbol>.+?)' is (?:not part of the declared|part of the declared API, but)")

for attempt in range(3):
    build = subprocess.run(
        ["dotnet", "build", str(target), "-c", "Release", "--no-incremental", "-p:TreatWarningsAsErrors=true"],
        capture_output=True, text=True, cwd=root)
    changes = {}
    for line in build.stdout.splitlines():
        m = pattern.match(line.strip())
        if not m:
            continue
        source = pathlib.Path(m["file"])
        project = next((p for p in source.parents if list(p.glob("*.csproj"))), None)
        if project is None:
            continue
        adds, removes = changes.setdefault(project, (set(), set()))
        (adds if m["id"] == "RS0016" else removes).add(m["symbol"])
    if not changes:
        break
    for project, (adds, removes) in changes.items():
        unshipped = project / "PublicAPI.Unshipped.txt"
        lines = unshipped.read_text().splitlines() if unshipped.exists() else ["#nullable enable"]
        header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
        body = {l for l in lines if l and not l.startswith("#")}
        body |= adds
        for symbol in removes:
            body.discard(symbol)
            if symbol not in lines:
                body.add("*REMOVED*" + symbol)
        unshipped.write_text("\n".join(header + sorted(body, key=str.casefold)) + "\n")
        print(f"{project.name}: +{len(adds)} -{len(removes)}")
else:
    sys.exit("public API still changing after three passes; run again")
