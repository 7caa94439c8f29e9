#!/usr/bin/env bash
# Compares gym4j's Libm (gym-api, dev.gym4j.api.math) with this machine's glibc, bit for bit, on N seeded random
# arguments per function (default 4,000,000) for sin, cos, pow and powf. glibc is called through Python's ctypes
# (scripts/libm_glibc_cases.py, standard library only). Prints counts per function and input category; exits 1
# on any mismatch.
#   scripts/libm_compare.sh [N] [SEED] [FUNCTIONS]     e.g. scripts/libm_compare.sh 4000000 1 sin,cos,pow,powf
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-4000000}
SEED=${2:-1}
FUNCS=${3:-sin,cos,pow,powf}
PY=${GYM4J_PYTHON:-python3}
if [ ! -d gym-api/target/test-classes/dev/gym4j/api/math ]; then
  mvn -B -q -o -pl gym-api test-compile
fi
"$PY" scripts/libm_glibc_cases.py "$N" "$SEED" "$FUNCS" \
  | java -cp gym-api/target/classes:gym-api/target/test-classes dev.gym4j.api.math.LibmComparison
