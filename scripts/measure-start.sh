#!/usr/bin/env bash
# Measures cold start to ready and memory after start of the packaged jar with the demo town.
# Run 1 starts on an empty data folder (embedded PostgreSQL initdb + migrations + demo town);
# run 2 restarts on the same folder. Usage: scripts/measure-start.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-18181}
JAR=$(ls target/linyunzhi-*.jar | grep -v original | head -1)
DATA=$(mktemp -d)
measure() {
  local label=$1
  local t0; t0=$(date +%s%N)
  java -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" --linyunzhi.data-dir="$DATA" \
       --linyunzhi.embedded-db.port=$((PORT + 1)) >"$DATA/$label.log" 2>&1 &
  local pid=$!
  until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "app died"; tail -50 "$DATA/$label.log"; exit 1; }
    sleep 0.2
  done
  local t1; t1=$(date +%s%N)
  sleep 3
  jcmd $pid GC.run >/dev/null 2>&1 || true   # live heap, not start-up garbage
  sleep 1
  local heap; heap=$(curl -fs "http://localhost:$PORT/actuator/prometheus" | grep '^jvm_memory_used_bytes{area="heap"' | perl -lane '$s += $F[-1]; END { printf "%.0f", $s / 1048576 }')
  local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  local demo; demo=$(grep -o 'Demo town loaded in [0-9]* ms' "$DATA/$label.log" | grep -o '[0-9]*' || echo "-")
  printf "%-8s ready in %5.1f s (demo town built in %s ms)   live heap after GC %4s MiB   JVM RSS %4s MiB\n" \
    "$label" "$(echo "($t1-$t0)/1000000000" | bc -l)" "${demo:--}" "$heap" "$rss"
  kill $pid; wait $pid 2>/dev/null || true
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure cold
measure restart
rm -rf "$DATA"
