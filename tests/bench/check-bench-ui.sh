#!/bin/sh
# Runs makhzan-ui-bench on a small demo mission and checks that it measures
# every budget. No timing is asserted here: run it on the million-movement
# demo of a release build for the figures.
set -eu

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$MAKHZAN_CLI" --db "$dir/demo.makhzan" demo --movements 5000 > /dev/null

# Figures may miss their budgets under a sanitizer or a loaded machine; the
# rows must be there.
out=$("$MAKHZAN_UI_BENCH" "$dir/demo.makhzan") || true
printf '%s\n' "$out"

status=0
for row in \
  "First frame of the window" \
  "every page and list opened" \
  "The longest stock card" \
  "The distributions list" \
  "95th percentile" \
  "after scrolling every row" \
  "growth from scrolling every row again"
do
  if ! printf '%s\n' "$out" | grep -qF -- "$row"; then
    echo "missing row: $row" >&2
    status=1
  fi
done
exit $status
