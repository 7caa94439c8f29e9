#!/usr/bin/env bash
# Long run against live Gymnasium: 1,000,000 CartPole-v1 steps and 200,000 steps of each other classic env, with
# seeded random actions and resets, compared step by step (observation, reward, terminated, truncated; bit for
# bit) with gym4j. Needs a Python with gymnasium and numpy 2 (default /work/venv/bin/python; set GYM4J_PYTHON).
#   scripts/gymnasium_longrun.sh [SEED] [CARTPOLE_STEPS] [OTHER_STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${1:-2026}
CP=${2:-1000000}
OTHER=${3:-200000}
PY=${GYM4J_PYTHON:-/work/venv/bin/python}
"$PY" -c 'import gymnasium, numpy; print("Gymnasium", gymnasium.__version__, "NumPy", numpy.__version__)'
if [ ! -d envs-classic/target/test-classes/dev/gym4j/envs/classic ]; then
  mvn -B -q -o -pl envs-classic -am test-compile
fi
CPATH=gym-api/target/classes:envs-classic/target/classes:envs-classic/target/test-classes
status=0
for spec in "CartPole-v1 $CP" "MountainCar-v0 $OTHER" "MountainCarContinuous-v0 $OTHER" "Acrobot-v1 $OTHER" \
            "Pendulum-v1 $OTHER"; do
  set -- $spec
  "$PY" scripts/gymnasium_longrun.py "$1" "$2" "$SEED" \
    | java -cp "$CPATH" dev.gym4j.envs.classic.GymnasiumLongRun "$1" "$2" "$SEED" || status=1
done
exit $status
