#!/usr/bin/env bash
# Records an MP4 of the scripted expert (TrackerExpert, the bearing follower) driving the Waffle to the Burger,
# third-person view, four distractors: envs-tracker/scripts/scripted-video.sh [DIR] [SEED]
# The same as: ./gym4j rollout tracker/ObjectTracker-v0 --policy expert --kwarg distractors=4 --video DIR --seed SEED
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../../gym4j" rollout tracker/ObjectTracker-v0 --policy expert --episodes 1 --seed "${2:-0}" \
  --kwarg distractors=4 --video "${1:-tracker-video}"
