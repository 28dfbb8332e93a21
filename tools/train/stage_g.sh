#!/usr/bin/env bash
# Stage g of the plate reader (models/README.md): the data drawn by every
# core, then two training runs from scratch, on the GPU where torch sees one.
# On a GPU machine with 16 cores: ~80 s of data, ~2 minutes a run.
#
# Usage, from the repository root:
#   tools/train/stage_g.sh WORK_DIR [REAL_DEV_DIR]
# REAL_DEV_DIR (default ../shared/datasets/real-dev) needs only the tuning
# sets uc3m-lp and ro-robertlucian. PYTHON names the interpreter with torch
# and OpenCV (default python3); JOBS the processes (default: every core);
# SCENE_PLATES=1 adds the plates of 10,000 1280x720 and 5,000 640x360
# generated scenes to the crops (stops 19-21, docs/recognition.md); SEEDS
# the two runs' seeds (default "44 45": models/plate_crnn.onnx;
# SCENE_PLATES=1 SEEDS="144 145": models/plate_crnn_scenes.onnx);
# FIXED_PITCH the share of training crops set in fixed-pitch cells (default
# 0; stop 26 tried 0.35 with SEEDS "344 345" and "444 445", not kept).
# Writes WORK_DIR/g.pt; export it with tools/train/export_crnn.py.
set -euo pipefail

[ $# -ge 1 ] || { sed -n '5,15p' "$0"; exit 2; }
W=$1
REAL=${2:-../shared/datasets/real-dev}
PY=${PYTHON:-python3}
JOBS=${JOBS:-$(getconf _NPROCESSORS_ONLN)}
S="$PY tools/synth/anpr-synth"
T=tools/train
DEVICE=$($PY -c 'import torch; print("cuda" if torch.cuda.is_available() else "cpu")')
mkdir -p "$W"

FONTS=$(grep -v '^#' $T/extra_fonts.txt | paste -sd:)
MIX="LV:4,LT:4,EE,PL,BY,RU,FI,DE,UA,SK,CZ,HU:3,HR:3"
# The cells are drawn from each plate's text, so index_rows.py must be told too.
export ANPR_SYNTH_FIXED_PITCH=${FIXED_PITCH:-0}
ANPR_SYNTH_FONTS=$FONTS $S plates --count 50000 --out "$W/train" --countries "$MIX" --night-ratio 0.3 --seed 61 \
  --jobs "$JOBS"
if [ "${SCENE_PLATES:-0}" = 1 ]; then
  # The folders' names name the cuts in train/ (as in stops 19-20).
  for spec in "scenes-720 1280x720 10000 62" "scenes-360 640x360 5000 63"; do
    read -r name size count seed <<< "$spec"
    ANPR_SYNTH_FONTS=$FONTS $S scenes --count "$count" --out "$W/$name" --countries "$MIX" --night-ratio 0.3 \
      --size "$size" --seed "$seed" --jobs "$JOBS"
  done
  $PY $T/scene_plates.py --jobs "$JOBS" "$W/scenes-720" "$W/scenes-360" "$W/train"
fi
ANPR_SYNTH_FONTS=$FONTS $PY $T/index_rows.py --jobs "$JOBS" "$W/train"
unset ANPR_SYNTH_FIXED_PITCH
$S plates --count 2000 --out "$W/val-lvlt" --countries LV,LT --night-ratio 0.3 --seed 12 --jobs "$JOBS"
$S plates --count 2000 --out "$W/val-all" --countries LV,LT,EE,PL,BY,RU,FI,DE,UA,SK,CZ --night-ratio 0.3 \
  --seed 13 --jobs "$JOBS"
$PY $T/index_rows.py --jobs "$JOBS" "$W/val-lvlt" "$W/val-all"
$S empty --count 600 --out "$W/empty-train" --seed 41 --jobs "$JOBS"
$S scenes --count 200 --out "$W/scenes-neg" --countries "LV:4,LT:4,EE,PL,BY,RU,FI,DE,UA,SK,CZ" \
  --night-ratio 0.3 --size 1280x720 --seed 51 --jobs "$JOBS"

# Stage f's mix from the first step: real tuning plates 35 %, plate-free
# patches 12 %, whole plates 40 %, rows grown to their plate 13 %, rows.
# The committed model's runs shared the GPU with another run, seven
# workers each; the workers change the speed, not the batches.
TRAIN=("$PY" "$T/train_crnn.py" --train "$W/train" --val "$W/val-lvlt" "$W/val-all"
       --real-share 0.35 --negative-share 0.12 --plate-share 0.4 --grown-share 0.13 --real-dev "$REAL"
       --negatives "$W/empty-train" "$W/scenes-neg" --device "$DEVICE" --workers $((JOBS > 2 ? JOBS - 2 : 1))
       --batch 128 --steps 9000 --eval-every 5000)
read -r SEED1 SEED2 <<< "${SEEDS:-44 45}"
"${TRAIN[@]}" --lr 2e-3 --seed "$SEED1" --paint-share 0.05 --out "$W/s1.pt"
"${TRAIN[@]}" --init "$W/s1.pt" --lr 5e-4 --seed "$SEED2" --paint-share 0 --out "$W/g.pt"
