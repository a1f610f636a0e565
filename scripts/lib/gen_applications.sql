-- Benchmark data for the analytics suite of scripts/bench.sh
-- (scripts/lib/bench_analytics.sh): gives the cases of gen_cases.sql, whose
-- descriptions are seven placeholders, realistic and labelled applications.
--
-- Run by the mariadb client with the foi database as the default database,
-- after gen_cases.sql and after bench_analytics.sh has loaded the TSV of
-- foi-gen-applications (tests/bench/gen_applications.cc) into
-- foi_bench_gen.applications, once per chunk of case seqs:
--
--   SET @bench_lo = 1, @bench_hi = 100000;
--   SOURCE scripts/lib/gen_applications.sql
--
-- Case seq s (id LPAD(s, 28, '0')) gets application s:
--
--   cases.information_description  the generated text
--   applicants.id_document_number  the applicant key (who applied: members
--                 of a paraphrase group are distinct applicants); type, name
--                 and the rest of the applicant stay as gen_cases.sql made
--                 them
--   cases.outcome (REPLIED cases only; others keep NULL), with the reason or
--                 grounds rules::ValidateOutcome asks for: CANNOT_PROVIDE
--                 NOT_HELD, NOT_DISCLOSED and PARTIALLY_DISCLOSED one ground
--                 (third-party rights, internal affairs or process
--                 information)
--
-- Neither table has triggers (only case_events and reply_letters are
-- append-only). Each UPDATE reads the chunk's range of the updated table's
-- primary key first (STRAIGHT_JOIN) and finds its application by case id,
-- so MariaDB updates the rows as it reads them: joined the other way round,
-- a multi-table UPDATE buffers the chunk's new rows in an on-disk temporary
-- table in tmpdir (/tmp), slower, and lost when another MariaDB starting up
-- on the machine clears /tmp/#sql* files.

-- The chunk's case ids; ascii like cases.id, so the range is an index range.
SET @bench_lo_id = CONVERT(LPAD(@bench_lo, 28, '0') USING ascii),
    @bench_hi_id = CONVERT(LPAD(@bench_hi, 28, '0') USING ascii);

UPDATE cases c
  STRAIGHT_JOIN foi_bench_gen.applications s ON s.case_id = c.id
   SET c.information_description = s.description,
       c.outcome = IF(c.state = 'REPLIED', s.outcome, NULL),
       c.outcome_reason = IF(c.state = 'REPLIED'
                               AND s.outcome = 'CANNOT_PROVIDE',
                             'NOT_HELD', NULL),
       c.outcome_grounds = IF(c.state = 'REPLIED'
                                AND s.outcome IN ('NOT_DISCLOSED',
                                                  'PARTIALLY_DISCLOSED'),
                              ELT(1 + s.seq % 3, 'THIRD_PARTY_RIGHTS',
                                  'INTERNAL_AFFAIRS', 'PROCESS_INFORMATION'),
                              NULL)
 WHERE c.id BETWEEN @bench_lo_id AND @bench_hi_id;

UPDATE applicants a
  STRAIGHT_JOIN foi_bench_gen.applications s ON s.case_id = a.case_id
   SET a.id_document_number = s.applicant_key
 WHERE a.case_id BETWEEN @bench_lo_id AND @bench_hi_id;
