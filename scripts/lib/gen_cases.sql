-- Benchmark data for scripts/bench.sh (deadline and queue suites): generated
-- cases and their applicants, set-based, from MariaDB's Sequence engine.
--
-- Run by the mariadb client with the foi database as the default database,
-- after foi-server has created the schema (its migrations), once per chunk:
--
--   SET @bench_lo = 1, @bench_hi = 100000, @bench_n = 1000000;
--   SOURCE scripts/lib/gen_cases.sql
--
-- Case `seq` (1..@bench_n) gets id LPAD(seq, 28, '0') and case number
-- BEN-{year}-{seq, 7 digits}; ids sort in receipt order, as real ones do.
-- Every attribute is a deterministic function of seq (CRC32 of a salted seq),
-- so two runs generate the same data:
--
--   receipt_date  spread evenly over 2024-01-01 .. 2026-11-27
--   unit          8 units; ogi-office 25 %, the other seven ~10.7 % each
--   state         65 % REPLIED (reply_working_days 5..40, mostly <= 20;
--                 closed_date = receipt + working days * 7/5), 5 % WITHDRAWN,
--                 30 % open: 10 % RECEIVED, 12 % IN_PROGRESS, 4 %
--                 AWAITING_CORRECTION, 4 % IN_CONSULTATION. A case that would
--                 close after 2026-11-27 is IN_PROGRESS instead.
--   assignee      60 officers (8 in each of the first four units, 7 in the
--                 others; foi_bench_gen.officers); RECEIVED cases and 11 % of
--                 the rest are unassigned (~20 % in all)
--   reply_due_date  receipt + 28 calendar days (about 20 working days); NULL
--                 while the clock is stopped (AWAITING_CORRECTION,
--                 IN_CONSULTATION)
--   alert_level   2 for open cases overdue on 2026-11-27, 1 for those due by
--                 2026-12-02, as the deadline sweeper would have left them
--                 (so a sweep does not raise 100,000 alerts mid-benchmark)
--   correction_deadline  2026-11-28 .. 2026-12-11 for AWAITING_CORRECTION
--                 (in the future: no sweep deems them withdrawn)
--
--   case_consultations  one open consultation (THIRD_PARTY or OTHER_AGENCY)
--                 per IN_CONSULTATION case, started 5 days after receipt
--
-- Cases have no events (event_count 0): the suites read, never transition.

SET SESSION foreign_key_checks = 0, unique_checks = 0;

CREATE DATABASE IF NOT EXISTS foi_bench_gen;

-- The units: index, name, number of officers, index of the first officer.
CREATE TABLE IF NOT EXISTS foi_bench_gen.units (
  u TINYINT NOT NULL PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  officers TINYINT NOT NULL,
  first_officer TINYINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT IGNORE INTO foi_bench_gen.units VALUES
  (0, 'ogi-office', 8, 0), (1, 'planning', 8, 8), (2, 'finance', 8, 16),
  (3, 'housing', 8, 24), (4, 'environment', 7, 32), (5, 'transport', 7, 39),
  (6, 'health', 7, 46), (7, 'education', 7, 53);

-- The officers: k 0..59, their unit and a unique name (12 surnames x 5
-- given names). bench.sh makes OFFICER tokens with these display names.
CREATE TABLE IF NOT EXISTS foi_bench_gen.officers (
  k TINYINT NOT NULL PRIMARY KEY,
  u TINYINT NOT NULL,
  unit VARCHAR(64) NOT NULL,
  name VARCHAR(128) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT IGNORE INTO foi_bench_gen.officers
SELECT s.seq, u.u, u.name,
       CONCAT(ELT(1 + s.seq % 12, '王', '李', '张', '刘', '陈', '杨', '黄', '赵',
                  '吴', '周', '徐', '孙'),
              ELT(1 + s.seq DIV 12, '伟', '芳', '敏', '静', '磊'))
  FROM seq_0_to_59 s
  JOIN foi_bench_gen.units u
    ON s.seq >= u.first_officer AND s.seq < u.first_officer + u.officers;

-- One row per case of the chunk, with its drawn attributes.
CREATE TEMPORARY TABLE IF NOT EXISTS foi_bench_gen.draw (
  seq INT NOT NULL PRIMARY KEY,
  receipt DATE NOT NULL,
  unit VARCHAR(64) NOT NULL,
  officer VARCHAR(128) NOT NULL,
  p TINYINT NOT NULL,
  rwd INT NOT NULL,
  h BIGINT NOT NULL
) ENGINE=MEMORY DEFAULT CHARSET=utf8mb4;
TRUNCATE TABLE foi_bench_gen.draw;

INSERT INTO foi_bench_gen.draw
SELECT d.seq, d.receipt, u.name,
       IF(d.p BETWEEN 70 AND 79 OR d.ha % 100 < 11, '', o.name),
       d.p, d.rwd, d.h
  FROM (
    SELECT s.seq,
           DATE('2024-01-01') + INTERVAL
             FLOOR((s.seq - 1) * 1062 / @bench_n) DAY AS receipt,
           IF(CRC32(CONCAT('u', s.seq)) % 100 < 25, 0,
              1 + (CRC32(CONCAT('u', s.seq)) DIV 100) % 7) AS u,
           CRC32(CONCAT('s', s.seq)) % 100 AS p,
           CRC32(CONCAT('a', s.seq)) AS ha,
           5 + CRC32(CONCAT('r', s.seq)) % 16
             + IF((CRC32(CONCAT('r', s.seq)) DIV 16) % 10 = 0,
                  (CRC32(CONCAT('r', s.seq)) DIV 160) % 20, 0) AS rwd,
           CRC32(CONCAT('h', s.seq)) AS h
      FROM seq_1_to_100000000 s
     WHERE s.seq BETWEEN @bench_lo AND @bench_hi
  ) d
  JOIN foi_bench_gen.units u ON u.u = d.u
  JOIN foi_bench_gen.officers o
    ON o.k = u.first_officer + (d.ha DIV 100) % u.officers;

INSERT INTO cases (id, case_number, state, channel, receipt_date, unit,
    assignee, information_description, document_reference, delivery_form,
    delivery_route, created_by, version, event_count, last_event_hash,
    create_time, update_time, correction_received_date, extension_state,
    extension_days, reply_due_date, correction_notice_due_date,
    clock_provisional, suspended_working_days, closed_date,
    reply_working_days, alert_level, correction_deadline)
SELECT LPAD(c.seq, 28, '0'),
       CONCAT('BEN-', YEAR(c.receipt), '-', LPAD(c.seq, 7, '0')),
       c.state,
       ELT(1 + (c.h DIV 7) % 20, 'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE',
           'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'EMAIL', 'EMAIL',
           'EMAIL', 'EMAIL', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON',
           'IN_PERSON', 'POST', 'POST', 'FAX'),
       c.receipt, c.unit, c.officer,
       CONCAT('请公开',
              ELT(1 + c.h % 7, '本区老旧小区改造项目的资金使用明细、招标文件及验收报告',
                  '本市主干道扩建工程的环境影响评价报告及批复文件',
                  '本单位近三年的部门预算、决算及“三公”经费支出情况',
                  '辖区内保障性住房的分配名单、分配标准及审核程序',
                  '本区中小学学位分配方案及划片依据',
                  '本市公立医院医疗服务价格调整的成本测算材料',
                  '本区重点污染源企业的监督性监测数据'),
              '（', YEAR(c.receipt), '年度）。'),
       '', 'ELECTRONIC', 'BY_EMAIL', 'bench-front-desk', 1, 0,
       REPEAT('0', 64),
       c.receipt + INTERVAL (32400 + c.h % 28800) SECOND,
       COALESCE(c.closed + INTERVAL 61200 SECOND,
                c.receipt + INTERVAL (32400 + c.h % 28800) SECOND),
       NULL, '', 0,
       IF(c.state IN ('AWAITING_CORRECTION', 'IN_CONSULTATION'), NULL,
          c.receipt + INTERVAL 28 DAY),
       NULL, 0, 0,
       c.closed,
       IF(c.state = 'REPLIED', c.rwd, NULL),
       CASE
         WHEN c.closed IS NOT NULL
           OR c.state IN ('AWAITING_CORRECTION', 'IN_CONSULTATION') THEN 0
         WHEN c.receipt + INTERVAL 28 DAY < DATE('2026-11-27') THEN 2
         WHEN c.receipt + INTERVAL 28 DAY <= DATE('2026-12-02') THEN 1
         ELSE 0
       END,
       IF(c.state = 'AWAITING_CORRECTION',
          DATE('2026-11-28') + INTERVAL (c.h DIV 13) % 14 DAY, NULL)
  FROM (
    SELECT x.*,
           IF(x.state0 IN ('REPLIED', 'WITHDRAWN') AND x.close0 > '2026-11-27',
              'IN_PROGRESS', x.state0) AS state,
           IF(x.state0 IN ('REPLIED', 'WITHDRAWN')
                AND x.close0 <= '2026-11-27', x.close0, NULL) AS closed
      FROM (
        SELECT d.*,
               CASE
                 WHEN d.p < 65 THEN 'REPLIED'
                 WHEN d.p < 70 THEN 'WITHDRAWN'
                 WHEN d.p < 80 THEN 'RECEIVED'
                 WHEN d.p < 92 THEN 'IN_PROGRESS'
                 WHEN d.p < 96 THEN 'AWAITING_CORRECTION'
                 ELSE 'IN_CONSULTATION'
               END AS state0,
               IF(d.p < 65, d.receipt + INTERVAL FLOOR(d.rwd * 7 / 5) DAY,
                  d.receipt + INTERVAL d.h % 20 DAY) AS close0
          FROM foi_bench_gen.draw d
      ) x
  ) c
 ORDER BY c.seq;

INSERT INTO applicants (case_id, applicant_type, name, id_document_type,
    id_document_number, contact_person, phone, email, postal_address,
    postal_code)
SELECT LPAD(d.seq, 28, '0'),
       IF(d.h % 10 < 8, 'NATURAL_PERSON',
          ELT(1 + (d.h DIV 10) % 3, 'COMMERCIAL_ENTERPRISE',
              'PUBLIC_INTEREST_ORGANIZATION', 'LEGAL_SERVICE_ORGANIZATION')),
       IF(d.h % 10 < 8,
          CONCAT(ELT(1 + (d.h DIV 3) % 10, '赵', '钱', '孙', '李', '周', '吴',
                     '郑', '王', '冯', '陈'),
                 ELT(1 + (d.h DIV 31) % 8, '建国', '秀英', '志强', '丽华',
                     '海燕', '俊杰', '晓明', '雪梅')),
          CONCAT(ELT(1 + (d.h DIV 3) % 5, '华信', '东方', '恒通', '明德', '安达'),
                 ELT(1 + (d.h DIV 31) % 3, '科技有限公司', '律师事务所',
                     '环保公益中心'))),
       IF(d.h % 10 < 8, 'RESIDENT_IDENTITY_CARD', 'UNIFIED_SOCIAL_CREDIT_CODE'),
       IF(d.h % 10 < 8,
          CONCAT('110101', 1950 + d.h % 50, LPAD(1 + d.h % 12, 2, '0'),
                 LPAD(1 + d.h % 28, 2, '0'), LPAD(d.seq % 10000, 4, '0')),
          CONCAT('91110000', LPAD(d.seq, 10, '0'))),
       IF(d.h % 10 < 8, '', '张经理'),
       CONCAT('138', LPAD(d.h % 100000000, 8, '0')),
       CONCAT('applicant', d.seq, '@example.cn'),
       CONCAT('北京市东城区', ELT(1 + d.h % 4, '东华门', '景山', '交道口', '安定门'),
              '街道', 1 + d.h % 200, '号'),
       '100010'
  FROM foi_bench_gen.draw d
 ORDER BY d.seq;

INSERT INTO case_consultations (case_id, seq, kind, party, reason,
    start_date, end_date)
SELECT LPAD(d.seq, 28, '0'), 1,
       IF(d.h % 3 = 0, 'OTHER_AGENCY', 'THIRD_PARTY'),
       IF(d.h % 3 = 0, '市自然资源和规划局', '相关企业（第三方）'),
       '申请公开的信息涉及第三方合法权益，依法征求意见。',
       d.receipt + INTERVAL 5 DAY, NULL
  FROM foi_bench_gen.draw d
 WHERE d.p >= 96
 ORDER BY d.seq;
