#!/usr/bin/env bash
# Peak resident memory of each path of the national Excel case (3,321 communes × 100 indicators), each in its own
# process, measured by GNU time (/usr/bin/time -v, "Maximum resident set size"). Every process first builds its inputs
# (the report document; the import workbook's bytes, read from a file prepared once); the "baseline" line is that alone,
# so a path's own peak is its line minus the baseline.
# Usage: benchmarks/Ktxh.Benchmarks/Excel/peak-rss.sh   (from anywhere; builds Release first)
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet build benchmarks/Ktxh.Benchmarks -c Release -v quiet -nologo >/dev/null
dll=benchmarks/Ktxh.Benchmarks/bin/Release/net10.0/Ktxh.Benchmarks.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet "$dll" excel-rss prepare "$work/national.xlsx"
printf '%-18s %12s  %s\n' path peak_rss_MB output
for mode in baseline export-closedxml export-streaming import-closedxml import-streaming; do
  /usr/bin/time -v dotnet "$dll" excel-rss "$mode" "$work/national.xlsx" >"$work/out" 2>"$work/time" || { cat "$work/time" >&2; exit 1; }
  kb=$(grep 'Maximum resident set size' "$work/time" | awk '{print $NF}')
  printf '%-18s %12s  %s\n' "$mode" "$((kb / 1024))" "$(head -1 "$work/out")"
done
