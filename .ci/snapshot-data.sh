#!/usr/bin/env bash
# Runs every shipped scenario with a built trustsim (run; and sweep, calibrate where the scenario
# has that section) into OUT, so two builds can be compared file by file:
#   .ci/snapshot-data.sh /tmp/before-bin/trustsim.dll /tmp/data-before
#   .ci/snapshot-data.sh Simulation/bin/Release/net10.0/trustsim.dll /tmp/data-after
#   .ci/compare-data.sh /tmp/data-before /tmp/data-after
# Clock times live only in manifest.json, which the comparison leaves out.
set -uo pipefail
dll=$1; out=$2
cd "$(dirname "$0")/.."
mkdir -p "$out"
for f in scenarios/*.yaml; do
  name=$(basename "$f" .yaml)
  dotnet "$dll" run "$f" --out "$out/run-$name" --force > "$out/run-$name.log" 2>&1
  echo "run $name: exit $?"
  if grep -q '^sweep:' "$f"; then
    dotnet "$dll" sweep "$f" --out "$out/sweep-$name" --force > "$out/sweep-$name.log" 2>&1
    echo "sweep $name: exit $?"
  fi
  if grep -q '^calibrate:' "$f"; then
    dotnet "$dll" calibrate "$f" --out "$out/calibrate-$name" --force > "$out/calibrate-$name.log" 2>&1
    echo "calibrate $name: exit $?"
  fi
done
