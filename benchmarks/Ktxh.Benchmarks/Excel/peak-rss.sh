#!/usr/bin/env bash
# Peak resident memory of each path of the national Excel case (3,321 communes × 100 indicators), each in its own
# process, measured by GNU time. The setup (units, values, the report document and the import workbook's bytes) is in
# every process, so compare the differences to the "setup" line.
# Usage: benchmarks/Ktxh.Benchmarks/Excel/peak-rss.sh   (from the repository root; builds Release first)
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build benchmarks/Ktxh.Benchmarks -c Release -v quiet -nologo >/dev/null
dll=benchmarks/Ktxh.Benchmarks/bin/Release/net10.0/Ktxh.Benchmarks.dll
printf '%-18s %12s  %s\n' path peak_rss_MB output
for mode in setup export-closedxml export-streaming import-closedxml import-streaming; do
  log=$(mktemp)
  /usr/bin/time -v dotnet "$dll" excel-rss "$mode" >"$log.out" 2>"$log" || true
  kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  printf '%-18s %12s  %s\n' "$mode" "$((kb / 1024))" "$(head -1 "$log.out")"
  rm -f "$log" "$log.out"
done
