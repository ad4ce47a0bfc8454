#!/bin/sh
# Runs "makhzan-cli bench --quick" and checks that it finishes and prints
# every row of the table and the summary. No timing is asserted: the
# benchmark reports, on whatever machine runs it.
set -eu

out=$("$MAKHZAN_CLI" bench --quick)
printf '%s\n' "$out"

status=0
for row in \
  "Post a 20-line waybill" \
  "CPU time of the same" \
  "its durable commit" \
  "the posting without its commit" \
  "one fsync" \
  "Current balance of an item" \
  "Balance as of a past date" \
  "Stock card, first 100" \
  "Monthly stock report" \
  "from all history" \
  "Generate movements" \
  "budgets met."
do
  if ! printf '%s\n' "$out" | grep -qF -- "$row"; then
    echo "missing row: $row" >&2
    status=1
  fi
done

# The same rows for scripts, one per line with an id.
tsv=$("$MAKHZAN_CLI" --format tsv bench --quick --movements 5000)
for id in post-waybill fsync balance balance-as-of stock-card month-report generate; do
  if ! printf '%s\n' "$tsv" | grep -q "^$id	"; then
    echo "missing TSV row: $id" >&2
    status=1
  fi
done
exit "$status"
