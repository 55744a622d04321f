#!/usr/bin/env bash
# The national cycle (3,321 communes + 34 provinces, whole lifecycle) on the in-memory store and on PostgreSQL in one
# process, rounds alternating the stores (see Stores/StoreCycleRun.cs): too long per cycle on PostgreSQL for
# BenchmarkDotNet's in-process toolchain. Starts a throwaway PostgreSQL cluster (tools/ci/postgres.sh) and stops it.
#   benchmarks/Ktxh.Benchmarks/Stores/national-cycle.sh [forms] [rounds] [stores]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
forms=${1:-1}
rounds=${2:-3}
stores=${3:-InMemory,PostgreSql}
export KTXH_PG_STATE=${KTXH_PG_STATE:-/tmp/ktxh-national-cycle.state}
dotnet build "$root/benchmarks/Ktxh.Benchmarks" -c Release -v q -nologo >/dev/null
dll=$(ls "$root"/benchmarks/Ktxh.Benchmarks/bin/Release/net*/Ktxh.Benchmarks.dll | head -1)
KTXH_TEST_POSTGRES=$(bash "$root/tools/ci/postgres.sh" start)
export KTXH_TEST_POSTGRES
trap 'bash "$root/tools/ci/postgres.sh" stop >/dev/null 2>&1 || true' EXIT
dotnet "$dll" store-cycle --scope national --forms "$forms" --rounds "$rounds" --stores "$stores"
