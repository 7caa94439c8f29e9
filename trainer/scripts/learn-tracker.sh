#!/usr/bin/env bash
# The object tracker on its camera, with the CNN (conv_layers=auto): gray 64x48 pictures, 8 envs x 128 steps,
# CleanRL's discrete defaults plus reward normalization (returns are in the thousands). Not a CI test: 2,000,000
# steps take about 25 minutes on the 2-vCPU machine (1,419 steps/s with the Vector API kernels); the curve grows in
# OUT/metrics.jsonl as it goes, OUT/learning-curve.png is drawn at the end (--stop-after N stops with a checkpoint,
# --resume OUT continues). trainer/README.md ("Image observations") has the 2,000,000-step run.
#   trainer/scripts/learn-tracker.sh [OUT_DIR] [STEPS] [extra gym4j train arguments]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/learn-tracker.XXXXXX")}"
STEPS="${2:-2000000}"
shift 2 || shift $#
"$ROOT/gym4j" train tracker/ObjectTracker-v0 --kwarg observation=gray --kwarg 'image_size=[64,48]' --steps "$STEPS" \
  --num-envs 8 --seed 1 --out "$OUT" normalize_reward=true eval_episodes=10 "$@" | grep -v '^episode_reward_'
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
for line in open(out + "/metrics.jsonl"):
    m = json.loads(line)
    if m["iteration"] % 20 == 0 and m.get("episode_reward_mean") is not None:
        print(f"step {m['global_step']}: mean return {m['episode_reward_mean']:.1f}, entropy {m['entropy']:.3f}")
PY
