#!/usr/bin/env bash
# Stage h of the plate reader (models/README.md, stop 23): the mixture's
# first net, fine-tuned from stage g on crops of which a third are set in
# fixed-pitch cells (ANPR_SYNTH_FIXED_PITCH), so that a lone I between wide
# gaps is read I, not J (docs/recognition.md, stop 23). On the 2-core
# development machine: ~3 minutes of data, ~6 minutes of training.
#
# Usage, from the repository root:
#   tools/train/stage_h.sh WORK_DIR [REAL_DEV_DIR]
# REAL_DEV_DIR (default ../shared/datasets/real-dev) needs only the tuning
# sets uc3m-lp and ro-robertlucian. PYTHON names the interpreter with torch
# and OpenCV (default /usr/bin/python3). Starts from stage g, the file
# committed before stop 23 (git show e27f1e4:models/plate_crnn.onnx); writes
# WORK_DIR/plate_crnn.onnx and the reference output of the test row beside it
# (tests/unit/engine_crnn/data/lv_row_probs.txt). FROM names another ONNX
# net to start from and SEED another seed of the crops (the training seed is
# SEED + 2): stage i is FROM=models/plate_crnn.onnx SEED=271 (stop 27).
# Stage h was drawn before stop 27 mended the generator's J and Q, so its
# crops drawn today differ in the faces whose J descends.
set -euo pipefail

[ $# -ge 1 ] || { sed -n '8,19p' "$0"; exit 2; }
W=$1
REAL=${2:-../shared/datasets/real-dev}
PY=${PYTHON:-/usr/bin/python3}
SEED=${SEED:-231}
S="$PY tools/synth/anpr-synth"
T=tools/train
REF=tests/unit/engine_crnn/data/lv_row.png
mkdir -p "$W"

FONTS=$(grep -v '^#' $T/extra_fonts.txt | paste -sd:)
export ANPR_SYNTH_FONTS=$FONTS ANPR_SYNTH_FIXED_PITCH=0.35
$S plates --count 24000 --out "$W/train" --countries "LV:4,LT:4,EE,PL,BY,RU,FI,DE,UA:2,SK,CZ,HU:3,HR:3" \
  --night-ratio 0.3 --seed "$SEED" --jobs 2
$PY $T/index_rows.py --jobs 2 "$W/train"
unset ANPR_SYNTH_FONTS ANPR_SYNTH_FIXED_PITCH
$S plates --count 1000 --out "$W/val-lvlt" --countries LV,LT --night-ratio 0.3 --seed 12 --jobs 2
$S plates --count 1000 --out "$W/val-all" --countries LV,LT,EE,PL,BY,RU,FI,DE,UA,SK,CZ --night-ratio 0.3 --seed 13 \
  --jobs 2
$PY $T/index_rows.py --jobs 2 "$W/val-lvlt" "$W/val-all"
$S empty --count 600 --out "$W/empty-train" --seed 41 --jobs 2
$S scenes --count 200 --out "$W/scenes-neg" --countries "LV:4,LT:4,EE,PL,BY,RU,FI,DE,UA,SK,CZ" --night-ratio 0.3 \
  --size 1280x720 --seed 51 --jobs 2

# Stage f's mix (real tuning plates 35 %, plate-free patches 12 %, whole
# plates 40 %, rows grown to their plate 13 %, the rest rows).
if [ -n "${FROM:-}" ]; then cp "$FROM" "$W/g.onnx"; else git show e27f1e4:models/plate_crnn.onnx > "$W/g.onnx"; fi
$PY $T/onnx_to_checkpoint.py "$W/g.onnx" --train "$W/train" --reference-row $REF "$W/g.pt"
$PY $T/train_crnn.py --train "$W/train" --val "$W/val-lvlt" "$W/val-all" \
  --real-share 0.35 --negative-share 0.12 --plate-share 0.4 --grown-share 0.13 --real-dev "$REAL" \
  --negatives "$W/empty-train" "$W/scenes-neg" --threads 2 --batch 64 --steps 3000 --eval-every 3000 \
  --init "$W/g.pt" --lr 2e-4 --seed $((SEED + 2)) --out "$W/h.pt"
$PY $T/export_crnn.py "$W/h.pt" "$W/plate_crnn.onnx" --reference-row $REF --reference-out "$W/lv_row_probs.txt"
