#!/usr/bin/env bash
# The loader examples of docs/loaders run as a researcher would run them, on folders the tool makes here:
# the Python one (pandas, Debian's python3-pandas, installed when absent) on a run, a sweep (its time
# series through 'trustsim export --format csv'), a comparison and two calibrations (optimiser and posterior); and it must refuse a
# table whose header no longer matches its datapackage.json. The R one runs too where Rscript with
# jsonlite is installed (CI does not install R). Prints "loaders-test: N passed, N failed" last; exits
# non-zero when a case failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
passed=0
failed=0
started=$SECONDS
work=$(mktemp -d /tmp/trustsim-loaders-XXXXXX)
trap 'rm -rf "$work"' EXIT
finish() { echo "loaders-test: $passed passed, $failed failed ($((SECONDS - started)) s)"; [ "$failed" -eq 0 ]; exit $?; }
pass() { echo "loaders-test: PASS $*"; passed=$((passed + 1)); }
fail() { echo "loaders-test: FAIL $*" >&2; failed=$((failed + 1)); }

# Debian's pandas lives in the system Python's packages; another python3 first on PATH (pyenv, a venv) may lack it.
python=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import pandas' >/dev/null 2>&1; then python=$candidate; break; fi
done
if [ -z "$python" ]; then
  echo "loaders-test: installing python3-pandas"
  if [ "$(id -u)" -ne 0 ]; then fail "pandas is not installed and this is not root, so it cannot be installed"; finish; fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pandas) >"$work/apt.log" 2>&1 \
    || { tail -n 20 "$work/apt.log" >&2; fail "apt-get install python3-pandas failed"; finish; }
  python=/usr/bin/python3
fi

dotnet build Simulation --nologo -v q >"$work/build.log" 2>&1 || { tail -n 20 "$work/build.log" >&2; fail "dotnet build Simulation failed"; finish; }
tool=(dotnet "$repo/Simulation/bin/Debug/net10.0/trustsim.dll")
small=(--set users.count=300)
make() { "${tool[@]}" "$@" >>"$work/tool.log" 2>&1 || { tail -n 20 "$work/tool.log" >&2; fail "trustsim $*"; finish; }; }
make run scenarios/regulatory-intervention.yaml --out "$work/run" --replications 3 "${small[@]}"
make run scenarios/baseline.yaml --out "$work/baseline" --replications 3 "${small[@]}"
make compare "$work/run" "$work/baseline" --out "$work/comparison"
make sweep scenarios/repeated-scandals.yaml --out "$work/sweep" --workers 2 "${small[@]}" --set time.steps=52 --set sweep.replications=2
make export "$work/sweep" --format csv
make calibrate scenarios/calibrate-ponemon.yaml --out "$work/calibration" "${small[@]}" --set calibrate.method=optimize --set calibrate.budget=6 --set calibrate.starts=1
# A posterior cut short: it does not converge (exit 1) but writes every file, which is what the loaders read.
"${tool[@]}" calibrate scenarios/calibrate-ponemon.yaml --out "$work/posterior" "${small[@]}" --set calibrate.warmup=20 --set calibrate.draws=25 \
  --set calibrate.profile_points=2 --set calibrate.profile_evaluations=3 --set calibrate.replications=1 >>"$work/tool.log" 2>&1
[ -f "$work/posterior/manifest.json" ] || { tail -n 20 "$work/tool.log" >&2; fail "trustsim calibrate (posterior)"; finish; }

# Each folder's summary names what only typed, complete tables give.
expect() { # language, output file, then the lines (regular expressions) it must hold
  local what=$1 out=$2; shift 2
  for pattern in "$@"; do
    grep -Eq "$pattern" "$out" || { echo "no line matching '$pattern' in:" >&2; cat "$out" >&2; return 1; }
  done
}
folders=("$work/run" "$work/sweep" "$work/comparison" "$work/calibration" "$work/posterior")
lines=('events: [0-9]+ rows x 19 columns' 'seeds [0-9]+\.\.[0-9]+' 'events by kind: .*mode_switch' 'last date 2021-04-05'
       'time series: 24 runs of 53 steps' 'final_reputation_mean by scandals.rate: 0: ' 'final_reputation, baseline: mean [0-9.]+, difference'
       'fitted platform.sensitivity = ' 'posterior platform.sensitivity: median [0-9.]+, 95% interval' 'draws from 4 chains')
if "$python" docs/loaders/load_trustsim.py "${folders[@]}" >"$work/python.out" 2>&1 && expect python "$work/python.out" "${lines[@]}"; then
  pass "the Python loader reads a run, a sweep (its time series exported to CSV), a comparison and two calibrations (optimiser, posterior)"
else
  fail "the Python loader (output above)"
fi

# A table that does not match its package is refused, not read into the wrong columns.
cp -r "$work/run" "$work/edited"
sed -i '1s/^replication,seed,/replication,seed_renamed,/' "$work/edited/summary.csv"
if ! "$python" docs/loaders/load_trustsim.py "$work/edited" >"$work/edited.out" 2>&1 && grep -q "columns .* are not those datapackage.json lists" "$work/edited.out"; then
  pass "the Python loader refuses a table whose header differs from its datapackage.json"
else
  fail "the Python loader read an edited header:"; cat "$work/edited.out" >&2
fi

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(jsonlite)' >/dev/null 2>&1; then
  if Rscript docs/loaders/load_trustsim.R "${folders[@]}" >"$work/r.out" 2>&1 \
    && expect R "$work/r.out" 'events: [0-9]+ rows x 19 columns' 'time series: 24 runs of 53 steps' 'fitted platform.sensitivity = ' \
      'posterior platform.sensitivity: median'; then
    pass "the R loader reads the same folders"
  else
    fail "the R loader"; cat "$work/r.out" >&2
  fi
else
  echo "loaders-test: the R loader not run: no Rscript with jsonlite here"
fi
finish
