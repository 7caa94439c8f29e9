#!/usr/bin/env bash
# Experience throughput from one worker, next to what a user would pick instead, in one run:
#   1. starts a redis-server of its own on a free port (no persistence), in a temp dir;
#   2. redis-benchmark XADD with 1 KB values, pipelined 128 deep (Redis' own best case for XADD);
#   3. ExperienceBenchmark (JMH): gym4j's Redis Streams sink and ZeroMQ transport, 1 KB transitions.
# Needs benchmarks/target/benchmarks.jar (mvn -B -DskipTests -pl benchmarks -am package) and redis-server.
# Usage: scripts/experience_bench.sh [extra JMH options, e.g. -wi 1 -i 3]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no >"$dir/redis.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
# redis-benchmark 7.0 has no built-in xadd test (-t xadd prints nothing): give it the command, 1 KB value.
value="$(head -c 1024 /dev/zero | tr '\0' x)"
echo "== redis-benchmark -P 128 XADD bench '*' t <1 KB> (port $port)"
redis-benchmark -p "$port" -P 128 -n 200000 -q XADD bench '*' t "$value" | tr '\r' '\n' | tail -1 | sed 's/^XADD bench \* t x*/XADD 1KB/' 
redis-cli -p "$port" flushall >/dev/null
echo "== ExperienceBenchmark (score: trajectories/s; transitions/s = score x steps)"
java -jar "$ROOT/benchmarks/target/benchmarks.jar" ExperienceBenchmark -p redisPort="$port" "$@"
