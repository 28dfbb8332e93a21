#!/usr/bin/env bash
# The end-to-end demo behind `./run demo`: a throwaway PostgreSQL, the central
# server, and two edge daemons at the two sides of a Latvia–Lithuania border
# post, each playing a generated video of traffic. A plate in the videos is on
# a watchlist: the demo shows the sightings, the border crossings paired from
# the two sites, and the watchlist alert arriving at a dispatch console, then
# stops everything. Nothing is left behind but what --keep asks for.
#
#   deploy/demo.sh BUILD_DIR [--keep]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${1:?usage: demo.sh BUILD_DIR [--keep]}"
KEEP="${2:-}"
PYTHON=/usr/bin/python3

central_bin="$BIN/central/server/anpr-central"
cli_bin="$BIN/central/cli/anpr-cli"
edge_bin="$BIN/edge/daemon/anpr-edge"
keygen_bin="$BIN/common/transport/anpr-keygen"
for b in "$central_bin" "$cli_bin" "$edge_bin" "$keygen_bin"; do
  [ -x "$b" ] || { echo "demo: $b is missing; build first (./run build)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/anpr-demo-XXXXXX)"
chmod 755 "$work"  # the PostgreSQL server runs as postgres when we are root
pids=()

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "$ROOT/tests/support/throwaway-pg" stop "$work/pg" >/dev/null 2>&1 || true
  if [ "$KEEP" = "--keep" ]; then
    echo "demo: logs and configs kept in $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

step "Starting a throwaway PostgreSQL"
conninfo="$("$ROOT/tests/support/throwaway-pg" start "$work/pg" | tail -n 1)"
export ANPR_DB="$conninfo"
export USER="${USER:-demo-dispatcher}"  # anpr-cli records who made each change
echo "$conninfo"

step "Making CurveZMQ keys: central, two edge boxes, a dispatch console"
for name in central a13-lv-1 a6-lt-1 dispatch; do
  "$keygen_bin" --out "$work/keys" --name "$name" >/dev/null
done
pub() { sed -n 's/^ *public-key = "\(.*\)"$/\1/p' "$work/keys/$1.key"; }

step "Generating the two sites' videos (tools/synth)"
# The same cars pass the Latvian post first and the Lithuanian one after;
# LV AB-1234 is the stolen car dispatch is looking for.
"$PYTHON" "$ROOT/tools/synth/anpr-synth" video --out "$work/lv.mp4" --seed 11 \
  --vehicles "LV:AB-1234,LT:HZN 318,LV:KF-4821" --fps 25 --size 1280x720 >/dev/null &
"$PYTHON" "$ROOT/tools/synth/anpr-synth" video --out "$work/lt.mp4" --seed 12 \
  --vehicles "LV:AB-1234,LT:HZN 318,LV:KF-4821" --fps 25 --size 1280x720 >/dev/null &
wait
ls -l "$work"/*.mp4 | awk '{print $5, $NF}'

listen_port="$(free_port)"
alerts_port="$(free_port)"
cat >"$work/central.yaml" <<EOF
database:
  conninfo: "$conninfo"
listen:
  endpoint: "tcp://127.0.0.1:$listen_port"
  secret_key_file: $work/keys/central.key_secret
edges:
  keys:
    - {edge_id: a13-lv-1, public_key: "$(pub a13-lv-1)"}
    - {edge_id: a6-lt-1, public_key: "$(pub a6-lt-1)"}
evidence:
  dir: $work/evidence
alerts:
  endpoint: "tcp://127.0.0.1:$alerts_port"
  subscribers:
    - {agency: vp, public_key: "$(pub dispatch)"}
  partners: [vp]
  border_crossing: {agency: vp, priority: low}
sites:
  - {id: a13-lv, country: LV, name: "A13 border post", lat: 55.7562, lon: 26.3705, road: A13, border: true}
  - {id: a6-lt, country: LT, name: "A6 border post", lat: 55.7441, lon: 26.3633, road: A6, border: true}
log:
  level: info
EOF

step "Starting anpr-central (migrations applied at start-up)"
"$central_bin" --config "$work/central.yaml" >"$work/central.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
  grep -q "central_serving" "$work/central.log" 2>/dev/null && break
  sleep 0.2
done
tail -n 3 "$work/central.log"

step "Dispatch: a watchlist with the stolen car, and a console following alerts"
"$cli_bin" watchlist create stolen --agency vp --reason "demo: stolen vehicles" >/dev/null
"$cli_bin" watchlist add stolen AB-1234 --country LV --priority 4 --reason "stolen vehicle (demo)"
"$cli_bin" alerts --follow --endpoint "tcp://127.0.0.1:$alerts_port" \
  --server-key "$work/keys/central.key" --key "$work/keys/dispatch.key_secret" >"$work/alerts.log" 2>&1 &
pids+=($!)

edge_config() {  # edge_id site_id video
  cat <<EOF
edge_id: $1
site_id: $2
central:
  endpoint: tcp://127.0.0.1:$listen_port
  server_public_key_file: $work/keys/central.key
  client_secret_key_file: $work/keys/$1.key_secret
spool:
  dir: $work/$1/spool
  dead_letter_dir: $work/$1/dead-letter
metrics:
  port: 0
clock:
  source: host
cameras:
  - id: $1-cam
    url: $3
    replay: native
EOF
}

step "Starting the two edge daemons (LV post first, the LT post 6 s later)"
edge_config a13-lv-1 a13-lv "$work/lv.mp4" >"$work/a13-lv-1.yaml"
edge_config a6-lt-1 a6-lt "$work/lt.mp4" >"$work/a6-lt-1.yaml"
OMP_THREAD_LIMIT=1 "$edge_bin" --config "$work/a13-lv-1.yaml" >"$work/a13-lv-1.log" 2>&1 &
pids+=($!)
sleep 6
OMP_THREAD_LIMIT=1 "$edge_bin" --config "$work/a6-lt-1.yaml" >"$work/a6-lt-1.log" 2>&1 &
pids+=($!)

step "Waiting for the videos to play and the sightings to be committed"
sightings() { psql "$conninfo" -Atc "SELECT count(*) FROM sightings"; }
for _ in $(seq 1 90); do
  [ "$(sightings)" -ge 6 ] && break
  sleep 1
done
sleep 3

step "Sightings stored at central"
psql "$conninfo" -c "SELECT to_char(captured_at, 'HH24:MI:SS.MS') AS captured, site_id AS site,
  plate_display AS plate, plate_country AS country, round(read_confidence::numeric, 2) AS confidence,
  frames_seen AS frames FROM sightings ORDER BY captured_at"

step "Border crossings paired from the two sites"
psql "$conninfo" -c "SELECT plate_text AS plate, from_country || ' -> ' || to_country AS crossing,
  to_char(from_at, 'HH24:MI:SS') AS left_at, to_char(to_at, 'HH24:MI:SS') AS entered_at,
  round(extract(epoch FROM to_at - from_at)::numeric, 1) AS seconds FROM crossings ORDER BY to_at"

step "Alerts received by the dispatch console"
cat "$work/alerts.log"

step "An investigator's plate history (audited)"
"$cli_bin" history AB-1234 --reason "demo: stolen vehicle AB-1234" --user demo-investigator

step "Evidence images beside the database, and the investigator's copy (audited)"
find "$work/evidence" -name '*.seg' -printf '%P  %s bytes\n' | sort
event="$("$cli_bin" history AB-1234 --limit 1 --csv --reason "demo: stolen vehicle AB-1234" \
  --user demo-investigator | awk -F, 'NR == 2 { sub(/\r$/, "", $8); print $8 }')"
mkdir -p "$work/case"
"$cli_bin" evidence "$event" --out "$work/case" --evidence-dir "$work/evidence" \
  --reason "demo: stolen vehicle AB-1234" --user demo-investigator

step "Stopping everything"
