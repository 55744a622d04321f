#!/usr/bin/env bash
# Peak resident set size of a workflow cycle on each store: runs `store-size` (SQLite) under /usr/bin/time -v and
# prints the "Maximum resident set size". BenchmarkDotNet's MemoryDiagnoser (StoreCycleBenchmark) gives the
# allocations; this gives the process's peak memory.
#   benchmarks/Ktxh.Benchmarks/Stores/peak-rss.sh [province|national] [forms]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
scope=${1:-province}
forms=${2:-0}
dotnet build "$root/benchmarks/Ktxh.Benchmarks" -c Release -v q -nologo >/dev/null
dll=$(ls "$root"/benchmarks/Ktxh.Benchmarks/bin/Release/net*/Ktxh.Benchmarks.dll | head -1)
/usr/bin/time -v dotnet "$dll" store-size --scope "$scope" --forms "$forms" 2> >(grep -E "Maximum resident set size|Elapsed \(wall clock\)" >&2)
