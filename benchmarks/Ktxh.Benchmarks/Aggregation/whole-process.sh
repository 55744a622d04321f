#!/usr/bin/env bash
# Whole process, issue 10: `ktxh aggregate` against a DuckDB job on the same CSV (read_csv → the roll-up of
# FairDuckDbQuery.cs → COPY to CSV), each as its own process under /usr/bin/time -v (elapsed time, peak RSS), pairs
# interleaved so that both sides see the same machine load. The outputs are checked equal first (every aggregate with
# a value: value, reported units, expected units, maturity; order aside).
#
#   benchmarks/Ktxh.Benchmarks/Aggregation/whole-process.sh [PROVINCES...]      # default: 3 34
#   PAIRS=5 WORK=/tmp/ktxh-whole benchmarks/Ktxh.Benchmarks/Aggregation/whole-process.sh 34
#
# Data: 62 monthly flow indicators × the communes of the first PROVINCES provinces × 12 months of 2026, one value in
# 16 preliminary (34 provinces: 3,321 communes, 2.47 M lines, 89 MiB). The CLI is published ReadyToRun, as a tool is
# installed, so that neither side pays a JIT at start; both use every core. The DuckDB job is a small .NET program
# (Ktxh.Benchmarks aggregate-duckdb, DuckDB.NET.Data.Full) whose work is three SQL statements.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PAIRS=${PAIRS:-3}
WORK=${WORK:-/tmp/ktxh-whole}
if [ $# -eq 0 ]; then set -- 3 34; fi
mkdir -p "$WORK"
dotnet publish samples/Ktxh.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/ktxh" >/dev/null
dotnet build benchmarks/Ktxh.Benchmarks -c Release >/dev/null
BENCH=(dotnet benchmarks/Ktxh.Benchmarks/bin/Release/net10.0/Ktxh.Benchmarks.dll)
KTXH=(dotnet "$WORK/ktxh/ktxh.dll")

measure() { # label command...: prints "label seconds peak_KiB"
  local label=$1
  shift
  /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt" || { cat "$WORK/time.txt"; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$WORK/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$WORK/time.txt" | awk '{print $NF}')
  echo "$label $wall $rss"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in "$@"; do
  d="$WORK/p$p"
  "${BENCH[@]}" aggregate-data "$p" "$d"
  size=$(stat -c %s "$d/values.csv")
  # First the check: the same aggregates.
  "${KTXH[@]}" aggregate --values "$d/values.csv" --catalogue "$d/catalogue.json" --out "$d/ktxh.csv" >/dev/null 2>&1
  "${BENCH[@]}" aggregate-duckdb "$d/values.csv" "$d/units.csv" "$d/duckdb.csv"
  "${BENCH[@]}" aggregate-compare "$d/ktxh.csv" "$d/duckdb.csv"
  for i in $(seq "$PAIRS"); do
    k=$(measure ktxh "${KTXH[@]}" aggregate --values "$d/values.csv" --catalogue "$d/catalogue.json" --out "$d/ktxh.csv")
    q=$(measure duckdb "${BENCH[@]}" aggregate-duckdb "$d/values.csv" "$d/units.csv" "$d/duckdb.csv")
    read -r _ kt km <<<"$k"
    read -r _ qt qm <<<"$q"
    awk -v p="$p" -v i="$i" -v kt="$kt" -v km="$km" -v qt="$qt" -v qm="$qm" -v s="$size" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
      printf "provinces %s pair %s: ktxh %.2f s %.0f MiB (%.1f× input) | duckdb %.2f s %.0f MiB (%.1f× input) | time ktxh/duckdb %.2f | load %s\n",
        p, i, kt, km/1024, km*1024/s, qt, qm/1024, qm*1024/s, kt/qt, l }'
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
