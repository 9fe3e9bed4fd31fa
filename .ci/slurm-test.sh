#!/usr/bin/env bash
# A real single-node Slurm cluster (munge, slurmctld, slurmd on 127.0.0.1, private config and ports)
# runs the scripts 'trustsim slurm' writes, and the merged sweep is compared byte for byte with a
# local 'trustsim sweep'. Installs slurm-wlm and munge when absent (needs root and apt-get).
# Prints "slurm-test: N passed, N failed" last; exits non-zero when a case failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
passed=0
failed=0
started=$SECONDS
finish() { echo "slurm-test: $passed passed, $failed failed ($((SECONDS - started)) s)"; [ "$failed" -eq 0 ]; exit $?; }
fail_all() { echo "slurm-test: $*" >&2; failed=$((failed + 2)); finish; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  echo "slurm-test: installing slurm-wlm and munge"
  if [ "$(id -u)" -ne 0 ]; then fail_all "slurm is not installed and this is not root, so it cannot be installed"; fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge) >/tmp/slurm-test-apt.log 2>&1 \
    || { tail -n 20 /tmp/slurm-test-apt.log >&2; fail_all "apt-get install slurm-wlm munge failed"; }
fi

dotnet build Simulation --nologo -v q >/dev/null || fail_all "dotnet build Simulation failed"
tool=(dotnet "$repo/Simulation/bin/Debug/net10.0/trustsim.dll")
[ -f "${tool[1]}" ] || fail_all "${tool[1]} was not built"

work=$(mktemp -d /tmp/trustsim-slurm-XXXXXX)
chmod 755 "$work"
pids=()
stop() {
  # Stop what this script started, by pid, last started first.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Ports away from a system Slurm's defaults (6817/6818) and from other runs of this script.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 20); do
  ctl=$((20000 + RANDOM % 20000)); node=$((ctl + 1))
  port_free "$ctl" && port_free "$node" && break
done

host=$(hostname -s)
mkdir -m 755 -p "$work/munge" "$work/state" "$work/spool" "$work/log"
head -c 1024 /dev/urandom >"$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
sock="$work/munge/munge.sock"
munged -F --key-file="$work/munge/munge.key" --socket="$sock" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" >/dev/null 2>&1 &
pids+=($!)

export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=trustsim-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$sock
SlurmctldPort=$ctl
SlurmdPort=$node
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
ReturnToService=2
MinJobAge=2
MailProg=/bin/true
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || fail_all "munged did not start (see its log)"
slurmctld -D -i >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D >"$work/log/slurmd.out" 2>&1 &
pids+=($!)
ready=0
for _ in $(seq 150); do
  if [ "$(sinfo -h -o %T 2>/dev/null)" = "idle" ]; then ready=1; break; fi
  sleep 0.2
done
if [ "$ready" -ne 1 ]; then
  tail -n 20 "$work/log/slurmctld.log" "$work/log/slurmd.log" >&2
  fail_all "the cluster did not become idle within 30 s"
fi
echo "slurm-test: cluster up on ports $ctl/$node after $((SECONDS - started)) s"

# A small sweep: a 2 x 2 grid, 2 replications, a tiny world (8 runs), in 4 shards.
cat >"$work/small.yaml" <<YAML
extends: $repo/scenarios/repeated-scandals.yaml
name: slurm-small
users: { count: 300 }
time: { steps: 30 }
sweep:
  design: grid
  replications: 2
  parameters:
    - path: scandals.rate
      values: [0, 3]
    - path: platform.scar
      values: [0, 0.6]
YAML
"${tool[@]}" sweep "$work/small.yaml" --out "$work/local" --workers 2 >/dev/null || fail_all "the local sweep failed"

# Waits up to $2 seconds for file $1; false when it did not appear.
wait_for() { for _ in $(seq $(($2 * 5))); do [ -e "$1" ] && return 0; sleep 0.2; done; return 1; }
same_data() {
  local ok=0
  for f in runs.csv points.csv timeseries.parquet sensitivity.csv; do
    [ -e "$work/local/$f" ] || [ -e "$1/$f" ] || continue
    cmp "$work/local/$f" "$1/$f" || ok=1
  done
  return $ok
}
check() { # name, then a command: counts the case
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "slurm-test: PASS $name"; else failed=$((failed + 1)); echo "slurm-test: FAIL $name"; fi
}

case_array_and_merge() {
  local dir="$work/cluster"
  "${tool[@]}" slurm "$work/small.yaml" --shards 4 --out "$dir" --time 00:05:00 >/dev/null || { echo "trustsim slurm failed" >&2; return 1; }
  bash "$dir/submit.sh" >"$work/submit1.out" || { cat "$work/submit1.out" >&2; return 1; }
  if ! wait_for "$dir/merged/manifest.json" 120; then
    echo "no merged sweep within 120 s; logs:" >&2; tail -n 5 "$dir"/logs/* >&2; return 1
  fi
  same_data "$dir/merged"
}

case_failed_shard_cancels_merge() {
  local dir="$work/cluster2"
  "${tool[@]}" slurm "$work/small.yaml" --shards 4 --out "$dir" >/dev/null || return 1
  # Shard 2 cannot write its folder (a file stands in its place), so its task exits non-zero.
  : >"$dir/shards/shard-2-of-4"
  bash "$dir/submit.sh" >"$work/submit2.out" || { cat "$work/submit2.out" >&2; return 1; }
  local array merge
  array=$(sed -n 's/^shards: *job array \([0-9]*\).*/\1/p' "$work/submit2.out")
  merge=$(sed -n 's/^merge: *job \([0-9]*\).*/\1/p' "$work/submit2.out")
  [ -n "$array" ] && [ -n "$merge" ] || { echo "submit.sh printed no job ids" >&2; cat "$work/submit2.out" >&2; return 1; }
  # Every job must leave the queue: the shards by finishing, the merge by being cancelled without running.
  local gone=0
  for _ in $(seq 300); do
    if [ -z "$(squeue -h -j "$array,$merge" -o %T 2>/dev/null)" ]; then gone=1; break; fi
    sleep 0.2
  done
  [ "$gone" -eq 1 ] || { echo "jobs still queued after 60 s: $(squeue -h -j "$array,$merge" -o '%i %T %r')" >&2; return 1; }
  if [ -e "$dir/merged" ] || ls "$dir"/logs/*-merge.out >/dev/null 2>&1; then echo "the merge ran although shard 2 failed" >&2; return 1; fi
  for k in 0 1 3; do [ -f "$dir/shards/shard-$k-of-4/journal.jsonl" ] || { echo "shard $k did not run" >&2; return 1; }; done
  grep -q "is a file, not a folder" "$dir"/logs/*_2.out || { echo "shard 2's log does not say why it failed" >&2; return 1; }
  # Fix the cause, resubmit only shard 2, and the new merge completes the sweep.
  rm "$dir/shards/shard-2-of-4"
  bash "$dir/submit.sh" 2 >"$work/submit3.out" || { cat "$work/submit3.out" >&2; return 1; }
  grep -q "tasks 2 of 0-3" "$work/submit3.out" || { cat "$work/submit3.out" >&2; return 1; }
  if ! wait_for "$dir/merged/manifest.json" 120; then
    echo "no merged sweep within 120 s after resubmitting shard 2" >&2; tail -n 5 "$dir"/logs/* >&2; return 1
  fi
  same_data "$dir/merged"
}

check "array of 4 shards and merge give the local sweep's data files" case_array_and_merge
check "a failed shard cancels the merge; resubmitting it completes the sweep" case_failed_shard_cancels_merge
finish
