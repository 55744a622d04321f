#!/usr/bin/env bash
# Brings every package's PublicAPI.Unshipped.txt in line with its code: builds, then adds each symbol the analyzer
# reports as undeclared (RS0016) and removes each declared symbol that is gone (RS0017). Review the diff, then commit.
# With --ship, also moves the Unshipped lines into PublicAPI.Shipped.txt (do this when a version is released).
# Usage: tools/update-public-api.sh [--ship] [project-dir ...]   (default: every package under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
ship=false
if [ "${1:-}" = "--ship" ]; then ship=true; shift; fi
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(src/*/)

for dir in "${dirs[@]}"; do
  dir=${dir%/}
  proj=$(ls "$dir"/*.csproj)
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
  for round in 1 2 3; do
    log=$(mktemp)
    dotnet build "$proj" -c Release --no-incremental -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= > "$log" 2>&1 || true
    if python3 - "$dir" "$log" <<'PY'
import re, sys, os
d, log = sys.argv[1], sys.argv[2]
text = open(log, encoding='utf-8').read()
proj = os.path.abspath(d)
add, remove = set(), set()
for m in re.finditer(r"^(\S.*?)\(\d+,\d+\): (?:warning|error) (RS0016|RS0017): Symbol '(.*?)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*?)\]$", text, re.M):
    if not os.path.abspath(m.group(4)).startswith(proj + os.sep):
        continue
    (add if m.group(2) == 'RS0016' else remove).add(m.group(3))
for name in ('PublicAPI.Unshipped.txt', 'PublicAPI.Shipped.txt'):
    p = os.path.join(d, name)
    lines = [l.rstrip('\n') for l in open(p, encoding='utf-8')]
    body = [l for l in lines[1:] if l.strip() and l not in remove]
    if name == 'PublicAPI.Unshipped.txt':
        body = sorted(set(body) | add, key=str.lower)
    open(p, 'w', encoding='utf-8').write('#nullable enable\n' + ''.join(l + '\n' for l in body))
print(f"{d}: +{len(add)} -{len(remove)}")
sys.exit(0 if (add or remove) else 3)
PY
    then rc=0; else rc=$?; fi; rm -f "$log"
    [ $rc -eq 3 ] && break
  done
  if $ship; then
    python3 - "$dir" <<'PY'
import sys, os
d = sys.argv[1]
read = lambda n: [l.rstrip('\n') for l in open(os.path.join(d, n), encoding='utf-8')][1:]
shipped = sorted(set(l for l in read('PublicAPI.Shipped.txt') + read('PublicAPI.Unshipped.txt') if l.strip()), key=str.lower)
open(os.path.join(d, 'PublicAPI.Shipped.txt'), 'w', encoding='utf-8').write('#nullable enable\n' + ''.join(l + '\n' for l in shipped))
open(os.path.join(d, 'PublicAPI.Unshipped.txt'), 'w', encoding='utf-8').write('#nullable enable\n')
PY
  fi
done
