#!/usr/bin/env bash
# The shipped scenarios run under network influence (they mostly use institution influence), plus
# variants that stress the network path: many chunks on one and two threads, monthly steps, other
# degrees and rewiring, a sweep. Compare two snapshots with .ci/compare-data.sh:
#   .ci/snapshot-network-data.sh /tmp/before-bin/trustsim.dll /tmp/net-before
#   .ci/snapshot-network-data.sh Simulation/bin/Release/net10.0/trustsim.dll /tmp/net-after
#   .ci/compare-data.sh /tmp/net-before /tmp/net-after
set -uo pipefail
dll=$1; out=$2
cd "$(dirname "$0")/.."
mkdir -p "$out"
run() {
  local name=$1; shift
  dotnet "$dll" run "$@" --out "$out/$name" --force > "$out/$name.log" 2>&1
  echo "$name: exit $?"
}
for f in baseline cambridge-analytica libra-warning limited-partnership-policy regulatory-intervention seed-2018; do
  run "net-$f" "scenarios/$f.yaml" --set users.influence=network
done
big=(scenarios/cambridge-analytica.yaml --set users.influence=network --set users.count=120000 --replications 2)
run net-big-t1 "${big[@]}" --threads 1
run net-big-t2 "${big[@]}" --threads 2
run net-monthly scenarios/baseline.yaml --set users.influence=network --set time.step=month --set time.steps=60 --set users.count=50000
run net-degree2 scenarios/cambridge-analytica.yaml --set users.influence=network --set users.network.degree=2 --set users.count=40000 --threads 2
run net-degree40-rewired scenarios/cambridge-analytica.yaml --set users.influence=network --set users.network.degree=40 --set users.network.rewiring=0.5 --set users.count=40000 --threads 2
run net-ring scenarios/cambridge-analytica.yaml --set users.influence=network --set users.network.rewiring=0 --set users.count=40000
run net-peer-pull scenarios/cambridge-analytica.yaml --set users.influence=network --set users.peer_influence=2 --set users.count=40000 --threads 2
dotnet "$dll" sweep scenarios/repeated-scandals.yaml --set users.influence=network --out "$out/net-sweep-repeated-scandals" --force > "$out/net-sweep.log" 2>&1
echo "net-sweep-repeated-scandals: exit $?"
