#!/usr/bin/env bash
# CartPole-v1 trained by `gym4j train --no-local-workers` from two `gym4j worker` processes, on-policy.
# Usage: trainer/scripts/remote-cartpole.sh zmq|redis   (redis: a Redis server on 127.0.0.1:6379)
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-zmq}
work=$(mktemp -d)
if [ "$mode" = redis ]; then
  exp=remote-cartpole-$$
  experience=redis://127.0.0.1:6379/$exp
  store=redis://127.0.0.1:6379
else
  experience=zmq://127.0.0.1:$((20000 + RANDOM % 20000))
  store=dir:$work/policies
fi
./gym4j list >/dev/null   # builds the jar on first use
./gym4j train CartPole-v1 --experience "$experience" --policy-store "$store" --no-local-workers --out "$work/run" &
trainer=$!
sleep 3
pids=()
for w in 1 2; do
  ./gym4j worker CartPole-v1 --experience "$experience" --policy-store "$store" --num-envs 4 --worker-id "w$w" \
    --seed $((w * 100)) --wait-for-policy --max-policy-lag 0 >"$work/worker-$w.log" 2>&1 &
  pids+=($!)
done
wait "$trainer"
kill -TERM "${pids[@]}" 2>/dev/null || true
wait "${pids[@]}" 2>/dev/null || true
tail -n 1 "$work/worker-1.log" "$work/worker-2.log"
echo "outputs in $work/run"
