#!/usr/bin/env bash
# A rollout worker with an ONNX MLP policy on 64 CartPole envs (batched inference), env-steps per second:
# gym4j (JMH, OnnxPolicyBenchmark) next to Python (Gymnasium SyncVectorEnv + onnxruntime) on the same model,
# in the same run. Needs a Python with torch, onnxruntime, gymnasium and numpy: PYTHON=/path/to/python (default python3).
# Builds benchmarks/target/benchmarks.jar if missing. Extra arguments go to JMH (e.g. -p mode=sync).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-${GYM4J_PYTHON:-python3}}"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gym4j-onnx-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
MODEL="$WORK/policy.onnx"

[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests -pl benchmarks -am package)
"$PYTHON" "$ROOT/benchmarks/onnx_policy_bench.py" export "$MODEL"
java -jar "$JAR" OnnxPolicyBenchmark -p model="$MODEL" "$@"
"$PYTHON" "$ROOT/benchmarks/onnx_policy_bench.py" run "$MODEL" 6
