#!/usr/bin/env bash
# Learning checks on the planar robots (scripts, not CI tests; minutes each): CleanRL's continuous PPO defaults
# (1 env x 2048 steps, 32 minibatches x 10 epochs, lr 3e-4, observation and reward normalization), 1,000,000
# steps, then 100 deterministic evaluation episodes.
#   trainer/scripts/learn-planar.sh reacher   # planar/Reacher-v1; target: mean return >= -5
#   trainer/scripts/learn-planar.sh reacher-v0  # the first Reacher, whose weak motor keeps it near -8 (see ReacherEnv)
#   trainer/scripts/learn-planar.sh hopper    # target: mean return >= 1500 in under 15 minutes
#   trainer/scripts/learn-planar.sh humanoid  # 2,000,000 steps; report the curve (learning-curve.png)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
case "${1:-}" in
  reacher) ENV=planar/Reacher-v1; STEPS=1000000; TARGET=-5 ;;
  reacher-v0) ENV=planar/Reacher-v0; STEPS=1000000; TARGET=-5 ;;
  hopper) ENV=planar/Hopper-v0; STEPS=1000000; TARGET=1500 ;;
  humanoid) ENV=planar/Humanoid-v0; STEPS=2000000; TARGET= ;;
  *) echo "usage: $0 reacher|reacher-v0|hopper|humanoid [OUT_DIR] [extra gym4j train arguments]" >&2; exit 2 ;;
esac
shift
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/learn-${ENV#planar/}.XXXXXX")}"
shift || true
start=$(date +%s.%N)
"$ROOT/gym4j" train "$ENV" --steps "$STEPS" --out "$OUT" "$@" | grep -v '^episode_reward_'
end=$(date +%s.%N)
python3 - "$OUT" "$ENV" "$start" "$end" "$TARGET" <<'PY'
import json, sys
out, env, start, end, target = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
timing = [json.loads(l) for l in open(out + "/timing.jsonl")][-1]
metrics = [json.loads(l) for l in open(out + "/metrics.jsonl")][-1]
ev = json.load(open(out + "/evaluation.json"))
print(f"{env}: training wall time {timing['seconds']:.1f} s ({metrics['global_step']} steps, {timing['steps_per_second']:.0f} "
      f"steps/s; env {timing['env_seconds']:.1f} s, inference {timing['inference_seconds']:.1f} s, update "
      f"{timing['update_seconds']:.1f} s, publish {timing['publish_seconds']:.1f} s); final mean return {ev['mean']:.1f} +- {ev['std']:.1f} over {ev['episodes']} episodes")
sys.exit(0 if not target or ev["mean"] >= float(target) else 1)
PY
