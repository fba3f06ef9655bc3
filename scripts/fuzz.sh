#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS seconds (make fuzz SECONDS=…), seeded from the
# headers and first rows of jsna's own demo data (DfE's real column names, fictional
# authorities) and the inputs in Fuzz/seeds. The corpora grow in .build-fuzz/corpus and
# are kept between runs; a crash is written to Fuzz/findings/ and the run stops non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bin=.build-fuzz/debug
export SWIFT_BACKTRACE=enable=no   # libFuzzer and ASan print the stack; Swift's backtracer would wait on them
mkdir -p Fuzz/findings
seed() {  # seed TARGET: the starting corpus, made afresh from data/demo each run
  local dir=.build-fuzz/corpus/$1
  mkdir -p "$dir"
  case $1 in
    FuzzCensusIngest)
      for f in data/demo/*.csv; do
        case $f in *referrals_list3*) continue ;; esac
        head -n 6 "$f" > "$dir/demo-$(basename "$f")"
      done ;;
    FuzzReferralExtract)
      head -n 40 data/demo/amberfold_referrals_list3.csv > "$dir/demo-list3.csv" ;;
    FuzzCSVReader)
      for f in data/demo/*.csv; do head -c 700 "$f" > "$dir/demo-$(basename "$f")"; done ;;
  esac
  cp Fuzz/seeds/"$1"/* "$dir"/ 2>/dev/null || true
  echo "$dir"
}
status=0
summary=""
for target in FuzzCSVReader FuzzCensusIngest FuzzReferralExtract FuzzAnnexAWorkbook; do
  corpus=$(seed $target)
  log=.build-fuzz/$target.log
  echo "== $target for ${seconds}s (corpus $corpus, log $log)"
  # 0 seconds: replay the seeds and the kept corpus only (CI does this: deterministic).
  if [ "$seconds" = 0 ]; then limit=-runs=0; else limit=-max_total_time=$seconds; fi
  started=$(date +%s)
  # The workbook target has no CSV dictionary, and no leak check: ZIPFoundation keeps the
  # bytes of a zip it refuses (a refused workbook's size, once per run of jsna).
  extra=-dict=Fuzz/csv.dict; leaks=1; [ $target = FuzzAnnexAWorkbook ] && extra=-detect_leaks=0 && leaks=0
  if ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$bin/$target" "$corpus" $extra "$limit" -timeout=20 \
       -rss_limit_mb=4096 -max_len=8192 -print_final_stats=1 \
       -artifact_prefix="Fuzz/findings/$target-" > "$log" 2>&1; then
    result="no finding"
  else
    result="FINDING (see $log and Fuzz/findings/)"; status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ "$seconds" = 0 ] && runs=$(grep -o 'INITED.*' "$log" | grep -o 'corp: [0-9]*' | grep -o '[0-9]*' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
  units=$(ls "$corpus" | wc -l)
  # The time it ran, not the time asked for: a finding ends a run early.
  line="$target: $runs executions in $(( $(date +%s) - started ))s, coverage $cov edges, corpus $units inputs: $result"
  echo "$line"; summary+="$line"$'\n'
done
printf '\n%s' "$summary"
exit $status
