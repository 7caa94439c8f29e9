#!/usr/bin/env bash
# Records an MP4 of the scripted expert driving the Waffle to the Burger (third-person view) with gym4j.jar:
#   envs-tracker/scripts/scripted-video.sh [DIR] [SEED]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
"$root/gym4j" list >/dev/null   # builds gym4j.jar if needed
exec java -XX:+UseSerialGC -cp "$root/rollout-worker/target/gym4j.jar" "$here/ScriptedVideo.java" "${1:-tracker-video}" "${2:-0}"
