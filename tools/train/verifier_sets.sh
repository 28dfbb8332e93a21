#!/usr/bin/env bash
# The candidate verifier (edge/engine/candidate_verifier.h, models/README.md):
# its training windows cut from generated scenes, plate-free frames and the
# training frames of ro-robertlucian, then the net trained and exported. On
# the 2-core development machine: ~4 minutes of scenes, ~1 minute of
# windows, ~2 minutes of training.
#
# Usage, from the repository root, after a build:
#   tools/train/verifier_sets.sh WORK_DIR [REAL_DEV_DIR]
# REAL_DEV_DIR (default ../shared/datasets/real-dev) needs only the tuning set
# ro-robertlucian (its frames none of whose plates is of the validation
# fifth, tools/train/real_crops.py --training). BUILD names the build folder
# (default build), PYTHON the interpreter with torch and OpenCV (default
# /usr/bin/python3). Writes WORK_DIR/plate_verifier.onnx. Validation: the
# validation fifth's Romanian frames and the generated 640x360 scenes of
# seed 72 (docs/recognition.md), cut the same way.
set -euo pipefail

[ $# -ge 1 ] || { sed -n '8,16p' "$0"; exit 2; }
W=$1
REAL=${2:-../shared/datasets/real-dev}
PY=${PYTHON:-/usr/bin/python3}
B=${BUILD:-build}
S="$PY tools/synth/anpr-synth"
T=tools/train
CUT="$B/bench/engine/anpr-verifier-windows"
MIX=LV,LT,EE,PL,FI,DE,UA,BY,RU,HU,HR,RO
mkdir -p "$W"
export OMP_THREAD_LIMIT=1

$S scenes --seed 401 --count 500 --size 640x360 --out "$W/sc401"
$S scenes --seed 402 --count 300 --out "$W/sc402"
$S scenes --seed 403 --count 300 --size 960x540 --countries $MIX --out "$W/sc403"
$S empty --seed 404 --count 300 --size 960x540 --out "$W/em404"
$S scenes --seed 405 --count 600 --size 640x360 --countries $MIX --out "$W/sc405"
$S scenes --seed 406 --count 300 --countries $MIX --night-ratio 0.5 --out "$W/sc406"
$S scenes --seed 72 --count 200 --size 640x360 --out "$W/s640"
(cd $T && $PY real_crops.py "$REAL" "$W/ro-train.csv" --training && $PY real_crops.py "$REAL" "$W/ro-val.csv")

for set in sc401 sc402 sc403 sc405 sc406; do "$CUT" "$W/$set/groundtruth.csv" --out "$W/w-$set"; done
"$CUT" --plate-free "$W/em404/images.txt" --out "$W/w-em404"
"$CUT" "$W/ro-train.csv" --out "$W/w-ro"
"$CUT" "$W/ro-val.csv" --out "$W/v-ro"
"$CUT" "$W/s640/groundtruth.csv" --out "$W/v-640"

(cd $T && $PY train_verifier.py --train "$W"/w-* --val "$W/v-ro" "$W/v-640" --out "$W/plate_verifier.onnx" \
  --epochs 6 --threads 2 --seed 1)
