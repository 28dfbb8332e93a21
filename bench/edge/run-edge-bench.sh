#!/usr/bin/env bash
# The edge benchmark as docs/edge.md reports it: makes (once) 720p and 1080p
# 25 fps clips of an empty road (encoded like a camera's main stream, and
# the 1080p one also with libx264's defaults, twice the bitrate: see
# empty_road_clip.py) and of vehicles with plates, serves each
# over RTSP like a live camera (tests/support/rtsp-server, paced at 25 fps)
# and runs anpr-edge-bench against it, one camera at a time, printing one
# Markdown table row per stream.
#
#   bench/edge/run-edge-bench.sh [BUILD_DIR] [SECONDS]
#   bench/edge/run-edge-bench.sh --soak MINUTES [BUILD_DIR]
#
# --soak runs one camera (720p with vehicles, cap 10 fps) for MINUTES and
# samples the process's resident memory once a minute, so a leak shows as a
# steady climb.
#
# Clips are kept in $ANPR_BENCH_CLIPS (default BUILD_DIR/bench-clips);
# rendering the 1080p vehicle clip takes a few minutes the first time.
set -euo pipefail

SOAK_MINUTES=""
if [ "${1:-}" = "--soak" ]; then
  SOAK_MINUTES="$2"
  shift 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build}"
MEASURE="${2:-30}"
BENCH="$BUILD/bench/edge/anpr-edge-bench"
CLIPS="${ANPR_BENCH_CLIPS:-$BUILD/bench-clips}"
VEHICLES="LV:AB-1234,LT:ABC 123,LV:KM-4529,LT:KLM 904,LV:RS-7712"
export OMP_THREAD_LIMIT=1

[ -x "$BENCH" ] || { echo "run-edge-bench: build anpr-edge-bench first ($BENCH)" >&2; exit 1; }
mkdir -p "$CLIPS"
WORK="$(mktemp -d)"
SERVER_PID=""
URL=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

clip() {  # clip NAME SIZE KIND [ENCODING] -> path
  local name="$1" size="$2" kind="$3" encoding="${4:-}" out="$CLIPS/$1.mp4"
  if [ ! -f "$out" ]; then
    echo "rendering $name ..." >&2
    if [ "$kind" = empty ]; then
      /usr/bin/python3 "$ROOT/bench/edge/empty_road_clip.py" --out "$out.partial.mp4" --size "$size" --fps 25 \
        --seconds 20 --encoding "$encoding" >&2
    else
      /usr/bin/python3 "$ROOT/tools/synth/anpr-synth" video --out "$out.partial.mp4" --vehicles "$VEHICLES" \
        --size "$size" --fps 25 >&2
    fi
    mv "$out.partial.mp4" "$out"
  fi
  echo "$out"
}

serve() {  # serve CLIP: sets URL; the server runs as $SERVER_PID until the next serve or exit
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  : > "$WORK/url"
  "$ROOT/tests/support/rtsp-server" --file "$1" --loop --max-seconds "$((${SOAK_MINUTES:-13} * 60 + 120))" \
    > "$WORK/url" &
  SERVER_PID=$!
  for _ in $(seq 300); do
    if [ -s "$WORK/url" ]; then
      URL="$(head -n1 "$WORK/url")"
      return
    fi
    sleep 0.1
  done
  echo "run-edge-bench: rtsp-server did not start for $1" >&2
  exit 1
}

run() {  # run LABEL CLIP WORKERS MAX_FPS [--header]
  serve "$2"
  "$BENCH" --url "$URL" --label "$1" --workers "$3" --max-fps "$4" --seconds "$MEASURE" --warmup 5 ${5:-}
}

soak() {  # soak CLIP MINUTES: one table row per minute, then the bench's own row
  serve "$1"
  "$BENCH" --url "$URL" --label "soak $2 min" --workers 1 --max-fps 10 --seconds "$(($2 * 60))" --warmup 5 \
    --header > "$WORK/bench.out" &
  local pid=$! ticks minute rss_kb cpu
  ticks="$(getconf CLK_TCK)"
  echo "| minute | RSS MiB | CPU s |"
  echo "|---:|---:|---:|"
  for minute in $(seq 1 "$2"); do
    sleep 60
    [ -r "/proc/$pid/status" ] || break
    rss_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")"
    cpu="$(awk -v t="$ticks" '{printf "%.0f", ($14 + $15) / t}' "/proc/$pid/stat")"
    echo "| $minute | $((rss_kb / 1024)) | $cpu |"
  done
  wait "$pid"
  cat "$WORK/bench.out"
}

if [ -n "$SOAK_MINUTES" ]; then
  soak "$(clip vehicles-720p 1280x720 vehicles)" "$SOAK_MINUTES"
  exit
fi

EMPTY_720="$(clip empty-camera-720p 1280x720 empty camera)"
EMPTY_1080="$(clip empty-camera-1080p 1920x1080 empty camera)"
EMPTY_1080_X264="$(clip empty-x264-1080p 1920x1080 empty x264)"
BUSY_720="$(clip vehicles-720p 1280x720 vehicles)"
BUSY_1080="$(clip vehicles-1080p 1920x1080 vehicles)"

run "empty road, cap 10 fps" "$EMPTY_720" 1 10 --header
run "empty road, cap 10 fps" "$EMPTY_1080" 1 10
run "empty road, no cap" "$EMPTY_1080" 1 0
run "empty road (x264), cap 10 fps" "$EMPTY_1080_X264" 1 10
run "empty road (x264), no cap" "$EMPTY_1080_X264" 1 0
run "vehicles, cap 10 fps" "$BUSY_720" 1 10
run "vehicles, no cap" "$BUSY_720" 1 0
run "vehicles, cap 10 fps" "$BUSY_1080" 1 10
run "vehicles, no cap" "$BUSY_1080" 1 0
