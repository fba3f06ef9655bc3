#!/usr/bin/env bash
# jsna referrals must print exactly the JSON that ../shared/bench/peer_pandas.py prints, for
# generated extracts of several sizes and seeds and for the kit's hand-made edge cases; and
# jsna annex-a what ../shared/bench/annexa/peer_annexa_pandas.py prints.
# Usage: scripts/peer-check.sh   (BENCH_PYTHON: a python with pandas; JSNA: the jsna binary)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=../shared/bench
PY=${BENCH_PYTHON:-.venv-bench/bin/python}
JSNA=${JSNA:-.build/debug/jsna}
[ -d "$BENCH" ] || { echo "SKIP: $BENCH is absent: peer equality not checked"; exit 0; }
"$PY" -c 'import pandas' 2>/dev/null || { echo "SKIP: $PY has no pandas (make peers installs it): peer equality not checked"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
compare() {  # label, file, year, jsna's extra arguments
  "$PY" "$BENCH/peer_pandas.py" "$2" --year "$3" > "$tmp/peer.json"
  "$JSNA" referrals "$2" --year "$3" "${@:4}" > "$tmp/jsna.json" 2>/dev/null
  if cmp -s "$tmp/peer.json" "$tmp/jsna.json"; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL  $1 year $3"; diff "$tmp/peer.json" "$tmp/jsna.json" | head -10 || true; fi
}
# The kit's dates are dd/mm/yyyy by its contract; one of its 37 is ISO, more than the 1% a file may
# leave unread when jsna decides the format from its dates, so the format is given.
for y in 2022 2023 2024 2025; do compare "edge cases" "$BENCH/tests/edge.csv" "$y" --date-format dd/mm/yyyy; done
for spec in "2000 11" "20000 12" "60000 13"; do
  set -- $spec
  python3 "$BENCH/gen_referrals.py" --rows "$1" --seed "$2" --start 2020-04-01 --end 2025-03-31 > "$tmp/r.csv"
  for y in 2021 2022 2023 2024 2025; do compare "generated $1 rows seed $2" "$tmp/r.csv" "$y"; done
done
# The last file again, its children linked in several passes (1 MB for linking: 2-3 passes).
for y in 2024 2025; do compare "generated 60000 rows seed 13, --memory 1" "$tmp/r.csv" "$y" --memory 1; done
# jsna annex-a must print exactly what ../shared/bench/annexa/peer_annexa_pandas.py prints
# (issue 19): linked generated lists and the kit's fuzzed lists, whole years and as-at dates.
ANNEXA=$BENCH/annexa
# Generated lists' dates are dd/mm/yyyy and jsna decides so itself; the fuzzed lists hold
# too many not-dates to decide, so they are read as the peers read them (ANNEXA_JSNA).
annexa() {  # label, folder, peer arguments
  "$PY" "$ANNEXA/peer_annexa_pandas.py" "$2" "${@:3}" > "$tmp/peer.json"
  "$JSNA" annex-a "$2" "${@:3}" ${ANNEXA_JSNA:-} > "$tmp/jsna.json" 2>/dev/null
  if cmp -s "$tmp/peer.json" "$tmp/jsna.json"; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL  annex-a $1 ${*:3}"; diff "$tmp/peer.json" "$tmp/jsna.json" | head -10 || true; fi
}
if [ -d "$ANNEXA" ]; then
  python3 "$ANNEXA/gen_annexa.py" --children 5000 --seed 3 --start 2021-04-01 --end 2025-03-31 --out "$tmp/lists/" > /dev/null
  for args in "--year 2023" "--year 2024" "--year 2025" "--year 2025 --as-at 2024-12-31" "--year 2024 --as-at 2023-06-15"; do
    annexa "generated 5000 children" "$tmp/lists" $args
  done
  for seed in 1 2; do
    python3 "$ANNEXA/tests/fuzz_lists.py" --rows 3000 --seed "$seed" --out "$tmp/fuzz$seed" > /dev/null
    for args in "--year 2024" "--year 2025" "--year 2025 --as-at 2024-12-31" "--year 2026 --as-at 2026-02-28"; do
      ANNEXA_JSNA="--date-format dd/mm/yyyy" annexa "fuzzed lists seed $seed" "$tmp/fuzz$seed" $args
    done
  done
fi
echo "peer equality: $pass passed, $fail failed"
[ "$fail" = 0 ]
