#!/usr/bin/env bash
# The ways to install trustsim, each tried as a user would: the .NET tool (dotnet pack, then
# dotnet tool install) run from another folder, the self-contained single-file build running the
# README's main job, and the container recipes where an engine can build them (skipped with a
# message otherwise). Prints "install-test: N passed, N failed" last; exits non-zero when a case failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
passed=0
failed=0
started=$SECONDS
work=$(mktemp -d /tmp/trustsim-install-XXXXXX)
trap 'rm -rf "$work"' EXIT
pass() { echo "install-test: PASS $*"; passed=$((passed + 1)); }
fail() { echo "install-test: FAIL $*" >&2; failed=$((failed + 1)); }

# A run folder with its data files and charts, made from a folder that is not the repository.
run_main_job() {
  local tool=$1 out=$2
  (cd "$work" && "$tool" run "$repo/scenarios/cambridge-analytica.yaml" --out "$out" >"$out.log" 2>&1) \
    && [ -f "$out/summary.csv" ] && [ -f "$out/charts/reputation.png" ]
}

# 1. The .NET tool.
if dotnet pack Simulation -c Release -o "$work/pkg" --nologo -v q >"$work/pack.log" 2>&1 \
  && dotnet tool install --tool-path "$work/tools" TrustSim --add-source "$work/pkg" --version 0.1.0 >"$work/install.log" 2>&1; then
  if "$work/tools/trustsim" --version | grep -Eq '^trustsim [0-9.]+ \(commit [0-9a-f]{40}\)$' && run_main_job "$work/tools/trustsim" "$work/tool-run"; then
    pass "dotnet tool install; trustsim --version and the main job from another folder"
  else
    fail "the installed tool did not run the main job (see below)"; tail -n 20 "$work/tool-run.log" >&2
  fi
else
  fail "dotnet pack or dotnet tool install failed"; tail -n 20 "$work/pack.log" "$work/install.log" >&2
fi

# 2. The single-file build (no .NET needed where it runs).
if dotnet publish Simulation -p:PublishProfile=single-file -p:PublishDir="$work/single/" --nologo -v q >"$work/publish.log" 2>&1; then
  # An empty PATH and a DOTNET_ROOT that does not exist: nothing of an installed .NET can be found.
  mkdir -p "$work/nobin"
  if env DOTNET_ROOT=/nonexistent PATH="$work/nobin" "$work/single/trustsim" --version >/dev/null 2>&1 \
    && DOTNET_ROOT=/nonexistent PATH="$work/nobin" run_main_job "$work/single/trustsim" "$work/single-run"; then
    pass "single-file build runs the main job with no .NET to be found (an empty PATH, DOTNET_ROOT pointing nowhere)"
  else
    fail "the single-file build did not run the main job"; tail -n 20 "$work/single-run.log" >&2
  fi
else
  fail "dotnet publish -p:PublishProfile=single-file failed"; tail -n 20 "$work/publish.log" >&2
fi

# 3. The container recipes, where something can build them.
if command -v apptainer >/dev/null 2>&1; then
  if apptainer build "$work/trustsim.sif" trustsim.def >"$work/apptainer.log" 2>&1 && apptainer exec "$work/trustsim.sif" trustsim --version >/dev/null; then
    pass "apptainer build trustsim.def"
  else
    fail "apptainer build trustsim.def"; tail -n 20 "$work/apptainer.log" >&2
  fi
elif command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; then
  if podman build -t trustsim -f Containerfile . >"$work/podman.log" 2>&1 && podman run --rm trustsim --version >/dev/null; then
    pass "podman build -f Containerfile"
  else
    fail "podman build -f Containerfile"; tail -n 20 "$work/podman.log" >&2
  fi
else
  echo "install-test: container recipes not built: neither apptainer nor a working podman is on this machine"
fi

echo "install-test: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
