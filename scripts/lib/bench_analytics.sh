# The "analytics" suite of scripts/bench.sh (issue 7): foi-analytics, the
# proactive-disclosure candidate job, run once over BENCH_CASES generated
# applications (target: under 60 s and under 2 GiB peak memory), next to a
# baseline measured in the same run: merely reading the same rows the way
# the job reads them (foi-read-applications: the same ListApplications
# query, the same pages of 20,000, rows discarded).
#
# The data: the cases of scripts/lib/gen_cases.sql (load_cases), whose
# descriptions are seven placeholders, get realistic labelled applications
# from foi-gen-applications (libs/textsim's generator: paraphrase groups of
# distinct applicants, and noise), loaded with LOAD DATA LOCAL INFILE into
# foi_bench_gen.applications and applied set-based by
# scripts/lib/gen_applications.sql (descriptions, applicant keys, outcomes of
# replied cases).
#
# Measured, after one unmeasured read that keeps the rows (their memory):
# BENCH_ANALYTICS_RUNS times, a read then a job run: wall time (the whole
# process) and peak RSS (GNU time's %M), and the job's "run finished" log
# line. The job runs with a window covering every generated receipt date and,
# when the binary has --hint_seconds, --hint_seconds=0 (candidates only).
# Afterwards the candidates are checked against the generator's labels.
#
# Sourced by scripts/bench.sh (needs ROOT, BUILD_DIR, RESULTS_DIR, TMP_DIR,
# SOCKET, CASES_DB, CASES, CHUNK, DATA_JSON, its helpers and foi::*), which
# has started MariaDB and foi-server and loaded the cases first.

readonly ANALYTICS_RUNS="${BENCH_ANALYTICS_RUNS:-3}"
readonly ANALYTICS_SEED="${BENCH_ANALYTICS_SEED:-20240601}"
readonly ANALYTICS_WINDOW_DAYS="${BENCH_ANALYTICS_WINDOW_DAYS:-}"
readonly ANALYTICS_SQL="${ROOT}/scripts/lib/gen_applications.sql"
# The first receipt date gen_cases.sql generates.
readonly ANALYTICS_FIRST_RECEIPT=2024-01-01
# Targets from issue 7.
readonly TARGET_ANALYTICS_S=60
readonly TARGET_ANALYTICS_RSS_MIB=2048

#######################################
# Runs a command under GNU time, stdout to PREFIX.out and stderr to
# PREFIX.log; exits the script if it fails. Writes "start_ns end_ns
# max_rss_kib" to PREFIX.measure.
# Arguments:
#   PREFIX, command and arguments...
#######################################
bench_analytics::timed() {
  local prefix="$1"
  shift
  local start_ns end_ns rc=0
  start_ns="$(date +%s%N)"
  /usr/bin/time -f '%e %M' -o "${prefix}.time" "$@" >"${prefix}.out" \
    2>"${prefix}.log" || rc=$?
  end_ns="$(date +%s%N)"
  if (( rc != 0 )); then
    foi::err "${1##*/} failed (status ${rc})"
    foi::log_tail "${prefix}.log" 20
    exit 1
  fi
  echo "${start_ns} ${end_ns} $(tail -n 1 "${prefix}.time" | cut -d' ' -f2)" \
    >"${prefix}.measure"
}

#######################################
# Prints "min median max" of the numbers given.
#######################################
bench_analytics::spread() {
  printf '%s\n' "$@" | sort -g | awk '
    { v[NR] = $1 }
    END {
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.3f %.3f %.3f\n", v[1], m, v[NR]
    }'
}

#######################################
# Prints the time of a log line's "ts" (RFC 3339, UTC) in ns since the epoch,
# or nothing if LINE has none.
#######################################
bench_analytics::ts_ns() {
  local ts
  ts="$(sed -n 's/.*"ts":"\([^"]*\)".*/\1/p' <<<"$1")"
  [[ -n "${ts}" ]] && date -u -d "${ts}" +%s%N
}

#######################################
# Prints the job's --window_days: BENCH_ANALYTICS_WINDOW_DAYS, else enough
# days before today (UTC+8, the job's default zone) to reach
# ANALYTICS_FIRST_RECEIPT, at least 1100.
#######################################
bench_analytics::window_days() {
  if [[ -n "${ANALYTICS_WINDOW_DAYS}" ]]; then
    echo "${ANALYTICS_WINDOW_DAYS}"
    return
  fi
  local today days
  today="$(date -u -d '+8 hours' +%F)"
  days=$(( ($(date -u -d "${today}" +%s) \
    - $(date -u -d "${ANALYTICS_FIRST_RECEIPT}" +%s)) / 86400 + 1 ))
  echo $(( days > 1100 ? days : 1100 ))
}

#######################################
# Generates CASES labelled applications and applies them to the generated
# cases; prints a JSON object describing them and the load's timings.
# Arguments:
#   foi-gen-applications binary.
#######################################
bench_analytics::load_applications() {
  local gen_bin="$1"
  local tsv="${TMP_DIR}/applications.tsv"
  local start_ns gen_line gen_s load_s apply_s analyze_s flush_s lo hi
  foi::log "analytics: generating ${CASES} labelled applications"
  start_ns="$(date +%s%N)"
  if ! gen_line="$("${gen_bin}" --count="${CASES}" --seed="${ANALYTICS_SEED}" \
      --out="${tsv}" 2>>"${TMP_DIR}/gen.log")"; then
    foi::err "foi-gen-applications failed"
    foi::log_tail "${TMP_DIR}/gen.log" 10
    exit 1
  fi
  gen_s="$(awk -v ns=$(( $(date +%s%N) - start_ns )) \
    'BEGIN { printf "%.2f", ns / 1e9 }')"

  foi::log "analytics: LOAD DATA into foi_bench_gen.applications"
  start_ns="$(date +%s%N)"
  if ! mariadb --no-defaults --socket="${SOCKET}" -uroot --local-infile=1 \
      --default-character-set=utf8mb4 --batch "${CASES_DB}" \
      >>"${TMP_DIR}/gen.log" 2>&1 <<SQL
DROP TABLE IF EXISTS foi_bench_gen.applications;
CREATE TABLE foi_bench_gen.applications (
  seq INT NOT NULL PRIMARY KEY,
  case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,
  description TEXT NOT NULL,
  applicant_key VARCHAR(64) NOT NULL,
  grp BIGINT NOT NULL,
  outcome VARCHAR(32) CHARACTER SET ascii NOT NULL,
  UNIQUE KEY uk_applications_case (case_id),
  KEY k_applications_grp (grp)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
LOAD DATA LOCAL INFILE '${tsv}' INTO TABLE foi_bench_gen.applications
  CHARACTER SET utf8mb4
  FIELDS TERMINATED BY '\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\n'
  (seq, description, applicant_key, grp, outcome)
  SET case_id = LPAD(seq, 28, '0');
SQL
  then
    foi::err "loading ${tsv} failed"
    foi::log_tail "${TMP_DIR}/gen.log" 20
    exit 1
  fi
  load_s="$(awk -v ns=$(( $(date +%s%N) - start_ns )) \
    'BEGIN { printf "%.2f", ns / 1e9 }')"
  rm -f "${tsv}"

  foi::log "analytics: applying them to the cases in chunks of ${CHUNK}"
  start_ns="$(date +%s%N)"
  for (( lo = 1; lo <= CASES; lo += CHUNK )); do
    hi=$(( lo + CHUNK - 1 ))
    (( hi <= CASES )) || hi="${CASES}"
    if ! { echo "SET @bench_lo = ${lo}, @bench_hi = ${hi};"
           cat "${ANALYTICS_SQL}"; } \
        | mariadb --no-defaults --socket="${SOCKET}" -uroot \
            --default-character-set=utf8mb4 --batch "${CASES_DB}" \
            >>"${TMP_DIR}/gen.log" 2>&1; then
      foi::err "applying applications ${lo}..${hi} failed"
      foi::log_tail "${TMP_DIR}/gen.log" 20
      exit 1
    fi
  done
  apply_s="$(awk -v ns=$(( $(date +%s%N) - start_ns )) \
    'BEGIN { printf "%.2f", ns / 1e9 }')"
  start_ns="$(date +%s%N)"
  db_sql "ANALYZE TABLE cases, applicants, foi_bench_gen.applications" \
    >>"${TMP_DIR}/gen.log"
  analyze_s="$(awk -v ns=$(( $(date +%s%N) - start_ns )) \
    'BEGIN { printf "%.2f", ns / 1e9 }')"
  flush_s="$(flush_dirty_pages)"
  foi::log "analytics: generated in ${gen_s} s, loaded in ${load_s} s," \
    "applied in ${apply_s} s, ANALYZE ${analyze_s} s, flushed in ${flush_s} s"

  local stats outcomes
  stats="$(db_sql "SELECT COUNT(*) AS applications,
      SUM(s.grp < 0) AS noise, COUNT(DISTINCT NULLIF(s.grp, -1)) AS groups,
      COUNT(DISTINCT s.applicant_key) AS applicants,
      SUM(c.information_description = s.description) AS applied,
      SUM(c.state = 'REPLIED') AS replied,
      ROUND(AVG(CHAR_LENGTH(s.description)), 1) AS mean_chars
      FROM foi_bench_gen.applications s JOIN cases c ON c.id = s.case_id" \
    | tsv_to_json)"
  outcomes="$(db_sql "SELECT outcome, COUNT(*) AS replied_cases FROM cases
      WHERE state = 'REPLIED' GROUP BY outcome ORDER BY 2 DESC" \
    | tsv_to_json)"
  printf '{"generator":"tests/bench/gen_applications.cc (foi::testing::GenerateApplications)",'
  printf '"seed":%s,"gen":%s,"generate_seconds":%s,"load_seconds":%s,' \
    "${ANALYTICS_SEED}" "${gen_line}" "${gen_s}" "${load_s}"
  printf '"apply_seconds":%s,"analyze_seconds":%s,"flush_seconds":%s,' \
    "${apply_s}" "${analyze_s}" "${flush_s}"
  printf '"stats":%s,"replied_outcomes":%s}' \
    "$(sed 's/^\[//; s/\]$//' <<<"${stats}")" "${outcomes}"
}

#######################################
# Prints the candidates the last run left, checked against the generator's
# labels, as a JSON object: counts; the largest candidates with the labels
# of their members (paraphrase groups, noise); purity (members from one
# group, no noise); and recall against the candidates the labels allow
# (groups with >= 3 distinct applicants, a replied member disclosed and none
# refused: what a perfect clustering would propose). Work tables go in
# foi_bench_gen.
#######################################
bench_analytics::check_candidates() {
  local summary largest quality
  db_sql "
    DROP TABLE IF EXISTS foi_bench_gen.candidate_members,
      foi_bench_gen.candidate_groups, foi_bench_gen.candidate_main,
      foi_bench_gen.allowed_groups;
    CREATE TABLE foi_bench_gen.candidate_members (
        candidate VARCHAR(40) CHARACTER SET ascii NOT NULL,
        seq INT NOT NULL, PRIMARY KEY (candidate, seq)) ENGINE=InnoDB
      SELECT d.id AS candidate, CAST(j.case_id AS UNSIGNED) AS seq
        FROM disclosure_candidates d,
             JSON_TABLE(CONCAT('[\"', REPLACE(d.case_ids, ',', '\",\"'),
                               '\"]'),
                        '\$[*]' COLUMNS (case_id VARCHAR(40) PATH '\$')) j
       WHERE d.state = 'PROPOSED';
    CREATE TABLE foi_bench_gen.candidate_groups (
        PRIMARY KEY (candidate, grp)) ENGINE=InnoDB
      SELECT m.candidate, s.grp, COUNT(*) AS n
        FROM foi_bench_gen.candidate_members m
        JOIN foi_bench_gen.applications s ON s.seq = m.seq
       GROUP BY m.candidate, s.grp;
    CREATE TABLE foi_bench_gen.candidate_main (
        PRIMARY KEY (candidate)) ENGINE=InnoDB
      SELECT candidate, grp, n FROM (
        SELECT candidate, grp, n,
               ROW_NUMBER() OVER (PARTITION BY candidate
                                  ORDER BY n DESC, grp) AS r
          FROM foi_bench_gen.candidate_groups WHERE grp >= 0) x
       WHERE r = 1;
    CREATE TABLE foi_bench_gen.allowed_groups (PRIMARY KEY (grp))
        ENGINE=InnoDB
      SELECT s.grp
        FROM foi_bench_gen.applications s JOIN cases c ON c.id = s.case_id
       WHERE s.grp >= 0
       GROUP BY s.grp
      HAVING COUNT(DISTINCT s.applicant_key) >= 3
         AND SUM(c.state = 'REPLIED'
                 AND c.outcome IN ('DISCLOSED', 'PARTIALLY_DISCLOSED')) > 0
         AND SUM(c.state = 'REPLIED' AND c.outcome NOT IN
                 ('DISCLOSED', 'PARTIALLY_DISCLOSED')) = 0" >/dev/null
  summary="$(db_sql "SELECT COUNT(*) AS candidates,
      MAX(applicant_count) AS max_applicants,
      ROUND(AVG(applicant_count), 2) AS mean_applicants,
      SUM(applicant_count >= 10) AS with_10_or_more_applicants,
      MIN(first_receipt_date) AS first_receipt,
      MAX(last_receipt_date) AS last_receipt
      FROM disclosure_candidates WHERE state = 'PROPOSED'" | tsv_to_json)"
  largest="$(db_sql "SELECT d.applicant_count,
      LENGTH(d.case_ids) - LENGTH(REPLACE(d.case_ids, ',', '')) + 1 AS cases,
      ROUND(d.score, 3) AS score, d.outcomes,
      (SELECT COUNT(*) FROM foi_bench_gen.candidate_groups g
        WHERE g.candidate = d.id AND g.grp >= 0) AS label_groups,
      (SELECT m.n FROM foi_bench_gen.candidate_main m
        WHERE m.candidate = d.id) AS main_group_members,
      (SELECT COUNT(*) FROM foi_bench_gen.applications s
        WHERE s.grp = (SELECT m.grp FROM foi_bench_gen.candidate_main m
                        WHERE m.candidate = d.id)) AS main_group_size,
      (SELECT COALESCE(SUM(g.n), 0) FROM foi_bench_gen.candidate_groups g
        WHERE g.candidate = d.id AND g.grp < 0) AS noise_members,
      d.representative
      FROM disclosure_candidates d WHERE d.state = 'PROPOSED'
      ORDER BY d.applicant_count DESC, d.score DESC, d.id LIMIT 3" \
    | tsv_to_json)"
  quality="$(db_sql "SELECT
      (SELECT COUNT(*) FROM (SELECT candidate
         FROM foi_bench_gen.candidate_groups GROUP BY candidate
        HAVING COUNT(*) = 1 AND MIN(grp) >= 0) p) AS pure_candidates,
      (SELECT COUNT(DISTINCT candidate) FROM foi_bench_gen.candidate_groups
        WHERE grp < 0) AS candidates_with_noise,
      (SELECT COUNT(*) FROM foi_bench_gen.candidate_members) AS member_cases,
      (SELECT ROUND(SUM(n) / (SELECT COUNT(*)
                                FROM foi_bench_gen.candidate_members), 4)
         FROM foi_bench_gen.candidate_main) AS member_precision,
      (SELECT COUNT(*) FROM foi_bench_gen.allowed_groups) AS label_candidates,
      (SELECT COUNT(DISTINCT m.grp) FROM foi_bench_gen.candidate_main m
         JOIN foi_bench_gen.allowed_groups a ON a.grp = m.grp)
        AS label_candidates_found,
      (SELECT COUNT(*) - COUNT(DISTINCT grp)
         FROM foi_bench_gen.candidate_main) AS candidates_splitting_a_group,
      (SELECT COUNT(*) FROM foi_bench_gen.candidate_main m
         LEFT JOIN foi_bench_gen.allowed_groups a ON a.grp = m.grp
        WHERE a.grp IS NULL) AS candidates_of_other_groups,
      (SELECT MAX(n) FROM (SELECT COUNT(*) AS n
         FROM foi_bench_gen.applications WHERE grp >= 0 GROUP BY grp) g)
        AS largest_label_group" | tsv_to_json)"
  printf '{"summary":%s,"largest":%s,"labels":%s}' \
    "$(sed 's/^\[//; s/\]$//' <<<"${summary}")" "${largest}" \
    "$(sed 's/^\[//; s/\]$//' <<<"${quality}")"
}

#######################################
# The analytics suite: prints its tables and writes its results file.
#######################################
run_analytics() {
  local job_bin="${BUILD_DIR}/services/analytics_job/foi-analytics"
  local gen_bin="${BUILD_DIR}/tests/bench/foi-gen-applications"
  local read_bin="${BUILD_DIR}/tests/bench/foi-read-applications"
  local bin
  for bin in "${job_bin}" "${gen_bin}" "${read_bin}"; do
    [[ -x "${bin}" ]] || foi::die "not built: ${bin}"
  done
  [[ -x /usr/bin/time ]] || foi::die "GNU time not found (Debian: time)"
  [[ "${ANALYTICS_RUNS}" =~ ^[1-9][0-9]*$ ]] \
    || foi::die "BENCH_ANALYTICS_RUNS: not a number"
  local url="mysql://root@localhost/${CASES_DB}?socket=${SOCKET}"
  local apps_json window help
  local -a job_flags=()
  apps_json="$(bench_analytics::load_applications "${gen_bin}")"
  window="$(bench_analytics::window_days)"
  job_flags=(--mysql_url="${url}" --window_days="${window}")
  # A near-duplicate-hint pass may follow the candidates: measure the
  # candidates only.
  help="$("${job_bin}" --helpfull 2>&1 || true)"
  if grep -q -- '--hint_seconds' <<<"${help}"; then
    job_flags+=(--hint_seconds=0)
  fi
  foi::log "analytics: foi-analytics ${job_flags[*]:1}"

  local valid=true prefix start_ns end_ns rss_kib line i
  local -a runs=() read_s=() job_s=() job_rss=() read_rss=()
  local keep_line keep_s keep_rss
  foi::log "analytics: one unmeasured read, keeping the rows"
  prefix="${TMP_DIR}/read-keep"
  bench_analytics::timed "${prefix}" "${read_bin}" --mysql_url="${url}" --keep
  read -r start_ns end_ns rss_kib <"${prefix}.measure"
  keep_line="$(tail -n 1 "${prefix}.out")"
  keep_s="$(awk -v ns=$(( end_ns - start_ns )) \
    'BEGIN { printf "%.3f", ns / 1e9 }')"
  keep_rss="$(( rss_kib / 1024 ))"
  runs+=("{\"mode\":\"read_keep\",\"measured\":false,\"wall_s\":${keep_s},\
\"max_rss_mib\":${keep_rss},\"tool\":${keep_line}}")

  local finished clustering_ns finished_ns read_phase cluster_phase wall
  local -a read_phases=() cluster_phases=()
  for (( i = 1; i <= ANALYTICS_RUNS; i++ )); do
    foi::log "analytics: run ${i}/${ANALYTICS_RUNS}: read (baseline)"
    prefix="${TMP_DIR}/read-${i}"
    bench_analytics::timed "${prefix}" "${read_bin}" --mysql_url="${url}"
    read -r start_ns end_ns rss_kib <"${prefix}.measure"
    line="$(tail -n 1 "${prefix}.out")"
    wall="$(awk -v ns=$(( end_ns - start_ns )) \
      'BEGIN { printf "%.3f", ns / 1e9 }')"
    read_s+=("${wall}")
    read_rss+=("$(( rss_kib / 1024 ))")
    if [[ "$(json_number "${line}" rows)" != "${CASES}" ]]; then
      foi::err "the read saw $(json_number "${line}" rows) rows, not ${CASES}"
      valid=false
    fi
    runs+=("{\"mode\":\"read\",\"run\":${i},\"wall_s\":${wall},\
\"max_rss_mib\":$(( rss_kib / 1024 )),\"tool\":${line}}")

    foi::log "analytics: run ${i}/${ANALYTICS_RUNS}: foi-analytics"
    prefix="${TMP_DIR}/job-${i}"
    bench_analytics::timed "${prefix}" "${job_bin}" "${job_flags[@]}"
    read -r start_ns end_ns rss_kib <"${prefix}.measure"
    finished="$(grep -m 1 '"msg":"run finished"' "${prefix}.log" || true)"
    if [[ -z "${finished}" ]]; then
      foi::err "foi-analytics logged no \"run finished\" line"
      foi::log_tail "${prefix}.log" 20
      valid=false
      finished='{}'
    fi
    wall="$(awk -v ns=$(( end_ns - start_ns )) \
      'BEGIN { printf "%.3f", ns / 1e9 }')"
    job_s+=("${wall}")
    job_rss+=("$(( rss_kib / 1024 ))")
    # Phases from the log: reading until "clustering", then clustering,
    # candidates and their writing until "run finished".
    clustering_ns="$(bench_analytics::ts_ns \
      "$(grep -m 1 '"msg":"clustering"' "${prefix}.log" || true)")"
    finished_ns="$(bench_analytics::ts_ns "${finished}")"
    read_phase=null
    cluster_phase=null
    if [[ -n "${clustering_ns}" && -n "${finished_ns}" ]]; then
      read_phase="$(awk -v ns=$(( clustering_ns - start_ns )) \
        'BEGIN { printf "%.3f", ns / 1e9 }')"
      cluster_phase="$(awk -v ns=$(( finished_ns - clustering_ns )) \
        'BEGIN { printf "%.3f", ns / 1e9 }')"
      read_phases+=("${read_phase}")
      cluster_phases+=("${cluster_phase}")
    fi
    if [[ "$(json_number "${finished}" applications)" != "${CASES}" ]]; then
      foi::err "foi-analytics clustered" \
        "$(json_number "${finished}" applications) applications, not ${CASES}"
      valid=false
    fi
    runs+=("{\"mode\":\"job\",\"run\":${i},\"wall_s\":${wall},\
\"max_rss_mib\":$(( rss_kib / 1024 )),\"read_phase_s\":${read_phase},\
\"cluster_and_write_s\":${cluster_phase},\"run_finished\":${finished}}")
  done

  foi::log "analytics: checking the candidates against the labels"
  local check
  check="$(bench_analytics::check_candidates)"
  if [[ "$(json_number "${check}" candidates)" == 0 ]]; then
    foi::err "no candidates"
    valid=false
  fi

  local r_min r_med r_max j_min j_med j_max rss_max read_rss_max
  local p_read=null p_cluster=null met_median met_all met_rss
  read -r r_min r_med r_max < <(bench_analytics::spread "${read_s[@]}")
  read -r j_min j_med j_max < <(bench_analytics::spread "${job_s[@]}")
  rss_max="$(printf '%s\n' "${job_rss[@]}" | sort -n | tail -n 1)"
  read_rss_max="$(printf '%s\n' "${read_rss[@]}" | sort -n | tail -n 1)"
  if (( ${#read_phases[@]} > 0 )); then
    read -r _ p_read _ < <(bench_analytics::spread "${read_phases[@]}")
    read -r _ p_cluster _ < <(bench_analytics::spread "${cluster_phases[@]}")
  fi
  met_median="$(less_than "${j_med}" "${TARGET_ANALYTICS_S}")"
  met_all="$(less_than "${j_max}" "${TARGET_ANALYTICS_S}")"
  met_rss="$(less_than "${rss_max}" "${TARGET_ANALYTICS_RSS_MIB}")"

  {
    echo "{"
    json_common analytics
    echo "  \"data\": ${DATA_JSON},"
    echo "  \"applications\": ${apps_json},"
    echo "  \"job_flags\": $(json_string "${job_flags[*]:1}"),"
    echo "  \"valid\": ${valid},"
    echo "  \"runs\": ["
    for (( i = 0; i < ${#runs[@]}; i++ )); do
      echo "    ${runs[i]}$( (( i + 1 < ${#runs[@]} )) && echo ,)"
    done
    echo "  ],"
    echo "  \"summary\": {\"read_s\": {\"min\": ${r_min}, \"median\":" \
      "${r_med}, \"max\": ${r_max}}, \"job_s\": {\"min\": ${j_min}," \
      "\"median\": ${j_med}, \"max\": ${j_max}}, \"job_read_phase_s\":" \
      "${p_read}, \"job_cluster_and_write_s\": ${p_cluster}," \
      "\"job_max_rss_mib\": ${rss_max}, \"read_max_rss_mib\":" \
      "${read_rss_max}, \"read_keep_max_rss_mib\": ${keep_rss}},"
    echo "  \"ratios\": {\"job_over_read\": $(ratio "${j_med}" "${r_med}")," \
      "\"of\": \"medians of wall time\"},"
    echo "  \"candidates\": ${check},"
    echo "  \"targets\": {\"seconds_max\": ${TARGET_ANALYTICS_S}," \
      "\"peak_rss_mib_max\": ${TARGET_ANALYTICS_RSS_MIB}," \
      "\"median_met\": ${met_median}, \"every_run_met\": ${met_all}," \
      "\"memory_met\": ${met_rss}}"
    echo "}"
  } | save_results analytics

  echo
  echo "Analytics benchmark (foi-analytics, run once), ${CASES} applications," \
    "$(nproc) cores, ${ANALYTICS_RUNS} runs each (after one unmeasured read):"
  echo
  echo "| what | min s | median s | max s | peak RSS MiB | median / read |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '| read (baseline) | %s | %s | %s | %s | 1.000 |\n' \
    "${r_min}" "${r_med}" "${r_max}" "${read_rss_max}"
  printf '| foi-analytics | %s | %s | %s | %s | %s |\n' \
    "${j_min}" "${j_med}" "${j_max}" "${rss_max}" "$(ratio "${j_med}" \
    "${r_med}")"
  printf '| read, rows kept (unmeasured) | %s | | | %s | %s |\n' \
    "${keep_s}" "${keep_rss}" "$(ratio "${keep_s}" "${r_med}")"
  echo
  echo "read: ListApplications in pages of 20,000, rows discarded" \
    "(foi-read-applications); foi-analytics ${job_flags[*]:1}, the whole" \
    "process. Median job run: reading ${p_read} s, then clustering," \
    "candidates and their writing ${p_cluster} s."
  echo "Last run: $(json_number "${finished}" applications) applications," \
    "$(json_number "${finished}" clusters) clusters," \
    "$(json_number "${finished}" candidates) candidates."
  echo "Candidates: $(json_number "${check}" candidates), largest" \
    "$(json_number "${check}" max_applicants) applicants;" \
    "$(json_number "${check}" pure_candidates) pure (one paraphrase group," \
    "no noise), member precision $(json_number "${check}" member_precision);" \
    "the labels allow $(json_number "${check}" label_candidates), found" \
    "$(json_number "${check}" label_candidates_found)."
  echo "Data: ${CASES} cases (gen_cases.sql) in" \
    "$(json_number "${DATA_JSON}" load_seconds) s; applications generated" \
    "in $(json_number "${apps_json}" generate_seconds) s, loaded in" \
    "$(json_number "${apps_json}" load_seconds) s, applied in" \
    "$(json_number "${apps_json}" apply_seconds) s."
  echo
  echo "Targets: under ${TARGET_ANALYTICS_S} s: median ${j_med} s:" \
    "${met_median}; every run (max ${j_max} s): ${met_all}; peak RSS under" \
    "${TARGET_ANALYTICS_RSS_MIB} MiB (max ${rss_max} MiB): ${met_rss}."
  if [[ "${valid}" != true ]]; then
    INVALID=1
  fi
}
