# The "libs" suite of scripts/bench.sh: the Google Benchmark targets of the
# libraries, each next to a baseline measured in the same binary, in the
# same run:
#   screening   screening Chinese text with every rule set loaded vs merely
#               validating the same bytes as UTF-8 (target >= 50 MB/s)
#   letters     reply letters rendered as PDF vs as plain text
#   calendar    AddWorkingDays vs the day-by-day walk (n = 7, 20, 40)
# Sourced by scripts/bench.sh (needs ROOT, BUILD_DIR, RESULTS_DIR, foi::*).

#######################################
# Prints "<real_time in ns> <bytes_per_second> <items_per_second>" of
# benchmark NAME in a Google Benchmark JSON file (0 for missing fields).
# Arguments: JSON file, benchmark name.
#######################################
bench_libs::value() {
  awk -v want="$2" '
    /"name":/ { gsub(/[",]/, "", $2); name = $2; next }
    name == want && /"real_time":/ { gsub(/,/, "", $2); t = $2 }
    name == want && /"time_unit":/ { gsub(/[",]/, "", $2); u = $2 }
    name == want && /"bytes_per_second":/ { gsub(/,/, "", $2); b = $2 }
    name == want && /"items_per_second":/ { gsub(/,/, "", $2); i = $2 }
    END {
      f = (u == "ms") ? 1e6 : (u == "us") ? 1e3 : (u == "s") ? 1e9 : 1
      printf "%.6g %.6g %.6g\n", t * f, b + 0, i + 0
    }' "$1"
}

#######################################
# Runs one benchmark binary into bench/results/libs-NAME-<stamp>.json.
# Arguments: binary, result name, extra benchmark flags...
# Outputs: the JSON file's path.
#######################################
bench_libs::run() {
  local bin="$1" name="$2"
  shift 2
  local out="${RESULTS_DIR}/libs-${name}-${LIBS_STAMP}.json"
  [[ -x "${bin}" ]] || foi::die "not built: ${bin}"
  foi::log "running ${name} benchmarks (${bin##*/})"
  "${bin}" --benchmark_out="${out}" --benchmark_out_format=json \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    "$@" >&2
  cp "${out}" "${RESULTS_DIR}/libs-${name}-latest.json"
  echo "${out}"
}

run_libs() {
  foi::ensure_packages
  if [[ "${FOI_SKIP_BUILD:-0}" != 1 ]]; then
    foi::build "${BUILD_DIR}"
  fi
  mkdir -p "${RESULTS_DIR}"
  LIBS_STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
  local screening letters calendar
  screening="$(bench_libs::run "${BUILD_DIR}/libs/screening/screening_benchmark" \
    screening --benchmark_filter='BM_ScreenAllRuleSets|BM_IsValidUtf8Baseline')"
  letters="$(bench_libs::run "${BUILD_DIR}/libs/render/render_benchmark" \
    letters --benchmark_filter='BM_LetterAsText|BM_LetterAsPdf')"
  calendar="$(bench_libs::run "${BUILD_DIR}/libs/calendar/calendar_benchmark" \
    calendar)"

  local screen_ns screen_bps utf8_ns utf8_bps _
  read -r screen_ns screen_bps _ < <(bench_libs::value "${screening}" \
    BM_ScreenAllRuleSets/real_time_median)
  read -r utf8_ns utf8_bps _ < <(bench_libs::value "${screening}" \
    BM_IsValidUtf8Baseline/real_time_median)
  local pdf_ns text_ns
  read -r pdf_ns _ _ < <(bench_libs::value "${letters}" BM_LetterAsPdf_median)
  read -r text_ns _ _ < <(bench_libs::value "${letters}" \
    BM_LetterAsText_median)

  echo
  echo "Library benchmarks, one core, median of 3 repetitions" \
    "($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo
  echo "| measured | result | baseline (same run) | ratio |"
  echo "|---|---|---|---|"
  awk -v s="${screen_bps}" -v u="${utf8_bps}" 'BEGIN {
    printf "| screening, every rule set | %.0f MB/s | UTF-8 validation %.0f MB/s | %.3f |\n",
      s / 1e6, u / 1e6, (u > 0 ? s / u : 0) }'
  awk -v p="${pdf_ns}" -v t="${text_ns}" 'BEGIN {
    printf "| reply letter as PDF | %.1f letters/s | as text %.0f letters/s | 1/%.0f |\n",
      (p > 0 ? 1e9 / p : 0), (t > 0 ? 1e9 / t : 0), (t > 0 ? p / t : 0) }'
  local n fast slow
  for n in 7 20 40; do
    read -r fast _ _ < <(bench_libs::value "${calendar}" \
      "BM_AddWorkingDays/n:${n}_median")
    read -r slow _ _ < <(bench_libs::value "${calendar}" \
      "BM_AddWorkingDaysDayByDay/n:${n}_median")
    awk -v f="${fast}" -v s="${slow}" -v n="${n}" 'BEGIN {
      printf "| AddWorkingDays, n = %d | %.1f ns | day-by-day walk %.1f ns | %.0fx |\n",
        n, f, s, (f > 0 ? s / f : 0) }'
  done
  echo
  echo "Results: ${RESULTS_DIR}/libs-*-${LIBS_STAMP}.json"
}
