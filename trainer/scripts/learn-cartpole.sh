#!/usr/bin/env bash
# Learning check for the trainer (a script, not a CI test): trains CartPole-v1 with the embedded defaults
# (100,352 env steps at most, well within the 200,000 the acceptance allows), then evaluates the final policy
# over 100 episodes. Prints the training wall time, the steps and the final mean return, and exits 1 when the
# mean return is below 475.
#   trainer/scripts/learn-cartpole.sh [OUT_DIR] [extra gym4j train arguments...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/learn-cartpole.XXXXXX")}"
shift || true
start=$(date +%s.%N)
"$ROOT/gym4j" train CartPole-v1 --out "$OUT" --no-video "$@" | grep -v '^episode_reward_'
end=$(date +%s.%N)
python3 - "$OUT" "$start" "$end" <<'PY'
import json, sys
out, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
timing = [json.loads(l) for l in open(out + "/timing.jsonl")][-1]
metrics = [json.loads(l) for l in open(out + "/metrics.jsonl")][-1]
ev = json.load(open(out + "/evaluation.json"))
print(f"CartPole-v1: training wall time {timing['seconds']:.2f} s ({metrics['global_step']} steps, "
      f"{timing['steps_per_second']:.0f} steps/s; env {timing['env_seconds']:.2f} s, inference {timing['inference_seconds']:.2f} s, "
      f"update {timing['update_seconds']:.2f} s, publish {timing['publish_seconds']:.2f} s); command wall time {end - start:.1f} s; final mean return "
      f"{ev['mean']:.1f} +- {ev['std']:.1f} over {ev['episodes']} {'deterministic' if ev['deterministic'] else 'sampled'} episodes")
sys.exit(0 if ev["mean"] >= 475 else 1)
PY
