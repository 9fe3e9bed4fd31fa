#!/usr/bin/env bash
# Compares the data files of two snapshots made by .ci/snapshot-data.sh byte for byte (manifests,
# which hold clock times, and charts are left out) and prints one line per differing file. A sweep's
# journal.jsonl is appended in the order runs finish, which depends on the workers' timing, so its
# lines are compared as a sorted set.
set -uo pipefail
a=$1; b=$2; same=0; differ=0
while IFS= read -r rel; do
  if [ "$(basename "$rel")" = journal.jsonl ]; then
    if cmp -s <(sort "$a/$rel") <(sort "$b/$rel"); then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $rel"; fi
    continue
  fi
  if cmp -s "$a/$rel" "$b/$rel"; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $rel"; fi
done < <(cd "$a" && find . -type f \( -name '*.csv' -o -name '*.parquet' -o -name '*.jsonl' -o -name 'scenario.yaml' \) | sort)
echo "$same identical, $differ different"
[ "$differ" -eq 0 ]
