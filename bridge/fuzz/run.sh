#!/usr/bin/env bash
# Fuzzes a real `gym4j serve CartPole-v1` process (-Xmx256m) with N random and mutated requests (default
# 100,000) from 8 clients while a well-behaved client steps; prints the outcome counts, the slowest call of
# the well-behaved client and the server's peak RSS. CI runs the same test with 10,000 requests.
#   bridge/fuzz/run.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
SEED="${2:-17}"
mvn -B -q -o -pl rollout-worker -am test -Dtest=ServeFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgym4j.fuzz.requests="$N" -Dgym4j.fuzz.seed="$SEED"
grep -ho 'fuzzed [^<]*' rollout-worker/target/surefire-reports/TEST-dev.gym4j.worker.serve.ServeFuzzTest.xml
