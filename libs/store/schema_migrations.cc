// The schema, as numbered migrations. Never edit a migration that has shipped:
// add a new one.
#include "libs/store/migrations.h"

namespace foi::store {
namespace {

constexpr char kTableOptions[] =
    " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

std::vector<Migration> Build() {
  std::vector<Migration> m;
  m.push_back(Migration{
      1,
      "cases, applicants, case events, idempotency keys, tokens",
      {
          // Case numbers are handed out in blocks (see CaseNumberAllocator):
          // one row per agency prefix and year.
          std::string("CREATE TABLE case_number_sequences ("
                      " prefix VARCHAR(32) NOT NULL,"
                      " year SMALLINT NOT NULL,"
                      " next_value BIGINT NOT NULL,"
                      " PRIMARY KEY (prefix, year))") +
              kTableOptions,
          std::string(
              "CREATE TABLE cases ("
              " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " case_number VARCHAR(64) NOT NULL,"
              " state VARCHAR(32) CHARACTER SET ascii NOT NULL,"
              " channel VARCHAR(16) CHARACTER SET ascii NOT NULL,"
              " receipt_date DATE NOT NULL,"
              " unit VARCHAR(64) NOT NULL,"
              " assignee VARCHAR(128) NOT NULL DEFAULT '',"
              " information_description TEXT NOT NULL,"
              " document_reference VARCHAR(400) NOT NULL DEFAULT '',"
              " delivery_form VARCHAR(16) CHARACTER SET ascii NOT NULL,"
              " delivery_route VARCHAR(16) CHARACTER SET ascii NOT NULL,"
              " created_by VARCHAR(128) NOT NULL,"
              " version BIGINT NOT NULL,"
              " event_count INT NOT NULL,"
              " last_event_hash CHAR(64) CHARACTER SET ascii NOT NULL,"
              " create_time DATETIME(6) NOT NULL,"
              " update_time DATETIME(6) NOT NULL,"
              " PRIMARY KEY (id),"
              " UNIQUE KEY uk_cases_case_number (case_number),"
              " KEY k_cases_state (state, id),"
              " KEY k_cases_unit (unit, id),"
              " KEY k_cases_receipt_date (receipt_date, id))") +
              kTableOptions,
          // Personal data lives apart from the case (DESIGN.md: Persistence).
          std::string(
              "CREATE TABLE applicants ("
              " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " applicant_type VARCHAR(32) CHARACTER SET ascii NOT NULL,"
              " name VARCHAR(200) NOT NULL,"
              " id_document_type VARCHAR(32) CHARACTER SET ascii NOT NULL,"
              " id_document_number VARCHAR(64) NOT NULL,"
              " contact_person VARCHAR(200) NOT NULL DEFAULT '',"
              " phone VARCHAR(32) NOT NULL DEFAULT '',"
              " email VARCHAR(254) NOT NULL DEFAULT '',"
              " postal_address VARCHAR(500) NOT NULL DEFAULT '',"
              " postal_code VARCHAR(16) NOT NULL DEFAULT '',"
              " PRIMARY KEY (case_id),"
              " CONSTRAINT fk_applicants_case FOREIGN KEY (case_id)"
              "   REFERENCES cases (id))") +
              kTableOptions,
          std::string("CREATE TABLE case_events ("
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " seq INT NOT NULL,"
                      " type VARCHAR(48) CHARACTER SET ascii NOT NULL,"
                      " actor VARCHAR(128) NOT NULL,"
                      " event_time DATETIME(6) NOT NULL,"
                      " payload TEXT NOT NULL,"
                      " prev_hash CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " hash CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " PRIMARY KEY (case_id, seq),"
                      " CONSTRAINT fk_case_events_case FOREIGN KEY (case_id)"
                      "   REFERENCES cases (id))") +
              kTableOptions,
          // Append-only, enforced by the server too: the hash chain detects a
          // change made by someone who can drop these triggers.
          "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events"
          " FOR EACH ROW SIGNAL SQLSTATE '45000'"
          " SET MESSAGE_TEXT = 'case_events is append-only'",
          "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events"
          " FOR EACH ROW SIGNAL SQLSTATE '45000'"
          " SET MESSAGE_TEXT = 'case_events is append-only'",
          std::string("CREATE TABLE idempotency_keys ("
                      " request_id VARCHAR(128) CHARACTER SET ascii NOT NULL,"
                      " request_hash CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " create_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (request_id))") +
              kTableOptions,
          std::string("CREATE TABLE api_tokens ("
                      " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " token_hash CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " display_name VARCHAR(200) NOT NULL,"
                      " role VARCHAR(16) CHARACTER SET ascii NOT NULL,"
                      " unit VARCHAR(64) NOT NULL,"
                      " created_by VARCHAR(128) NOT NULL,"
                      " create_time DATETIME(6) NOT NULL,"
                      " revoke_time DATETIME(6) NULL,"
                      " PRIMARY KEY (id),"
                      " UNIQUE KEY uk_api_tokens_hash (token_hash))") +
              kTableOptions,
      }});
  m.push_back(Migration{
      2,
      "statutory clocks, consultations, alerts, calendars",
      {
          // Clock inputs and their derived due dates live on the case row so
          // due lists and reports are index range scans.
          "ALTER TABLE cases"
          " ADD COLUMN correction_received_date DATE NULL,"
          " ADD COLUMN extension_state VARCHAR(16) CHARACTER SET ascii"
          "   NOT NULL DEFAULT '',"
          " ADD COLUMN extension_days INT NOT NULL DEFAULT 0,"
          " ADD COLUMN reply_due_date DATE NULL,"
          " ADD COLUMN correction_notice_due_date DATE NULL,"
          " ADD COLUMN clock_provisional TINYINT NOT NULL DEFAULT 0,"
          " ADD COLUMN suspended_working_days INT NOT NULL DEFAULT 0,"
          " ADD COLUMN closed_date DATE NULL,"
          " ADD COLUMN reply_working_days INT NULL,"
          " ADD COLUMN alert_level TINYINT NOT NULL DEFAULT 0,"
          " ADD KEY k_cases_due (reply_due_date),"
          " ADD KEY k_cases_unit_due (unit, reply_due_date)",
          std::string("CREATE TABLE case_consultations ("
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " seq INT NOT NULL,"
                      " kind VARCHAR(16) CHARACTER SET ascii NOT NULL,"
                      " party VARCHAR(200) NOT NULL,"
                      " reason VARCHAR(2000) NOT NULL,"
                      " start_date DATE NOT NULL,"
                      " end_date DATE NULL,"
                      " PRIMARY KEY (case_id, seq),"
                      " CONSTRAINT fk_consultations_case FOREIGN KEY (case_id)"
                      "   REFERENCES cases (id))") +
              kTableOptions,
          std::string("CREATE TABLE deadline_alerts ("
                      " id BIGINT NOT NULL AUTO_INCREMENT,"
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " kind VARCHAR(16) CHARACTER SET ascii NOT NULL,"
                      " due_date DATE NOT NULL,"
                      " unit VARCHAR(64) NOT NULL,"
                      " assignee VARCHAR(128) NOT NULL,"
                      " raise_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (id),"
                      " UNIQUE KEY uk_alerts (case_id, kind, due_date))") +
              kTableOptions,
          // The agency's calendars; the newest row is the one in force, so
          // every replica (and the next start) uses the same one.
          std::string("CREATE TABLE calendars ("
                      " id BIGINT NOT NULL AUTO_INCREMENT,"
                      " version CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " csv MEDIUMTEXT NOT NULL,"
                      " loaded_by VARCHAR(128) NOT NULL,"
                      " loaded_at DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (id))") +
              kTableOptions,
      }});
  m.push_back(Migration{
      3,
      "casework: correction deadlines, queue ordering",
      {
          // queue_due puts cases whose clock is stopped (no due date) last;
          // the indexes serve each ListQueue view as one range scan in
          // (due, receipt, id) order.
          "ALTER TABLE cases"
          " ADD COLUMN correction_deadline DATE NULL,"
          " ADD COLUMN queue_due DATE AS"
          "   (COALESCE(reply_due_date, '9999-12-31')) STORED,"
          " ADD KEY k_queue_unit (unit, closed_date, queue_due, receipt_date,"
          "   id),"
          " ADD KEY k_queue_unit_assignee (unit, assignee, closed_date,"
          "   queue_due, receipt_date, id),"
          " ADD KEY k_queue_assignee (assignee, closed_date, queue_due,"
          "   receipt_date, id),"
          " ADD KEY k_queue_all (closed_date, queue_due, receipt_date, id),"
          " ADD KEY k_correction (state, correction_deadline)",
      }});
  m.push_back(Migration{
      4,
      "submit_case procedure: intake in one round trip",
      {
          // SubmitApplication writes four rows (idempotency key, case,
          // applicant, CREATED event). Sent one by one that is six round
          // trips with START and COMMIT; this procedure does it all, commit
          // included, in one CALL. A reused request id is reported by a
          // SIGNAL whose message is "foi-replay:<case id>" (same request)
          // or "foi-conflict:<case id>" (another request), after rolling
          // back, so nothing is written twice.
          "CREATE PROCEDURE foi_submit_case("
          " IN p_request_id VARCHAR(128), IN p_request_hash CHAR(64),"
          " IN p_case_id VARCHAR(40), IN p_now DATETIME(6),"
          " IN p_case_number VARCHAR(64), IN p_state VARCHAR(32),"
          " IN p_channel VARCHAR(16), IN p_receipt_date DATE,"
          " IN p_unit VARCHAR(64), IN p_description TEXT,"
          " IN p_document_reference VARCHAR(400), IN p_delivery_form "
          "VARCHAR(16),"
          " IN p_delivery_route VARCHAR(16), IN p_created_by VARCHAR(128),"
          " IN p_event_hash CHAR(64),"
          " IN p_correction_received_date DATE, IN p_extension_state "
          "VARCHAR(16),"
          " IN p_extension_days INT, IN p_reply_due_date DATE,"
          " IN p_correction_notice_due_date DATE, IN p_clock_provisional "
          "TINYINT,"
          " IN p_suspended_working_days INT, IN p_closed_date DATE,"
          " IN p_reply_working_days INT, IN p_correction_deadline DATE,"
          " IN p_applicant_type VARCHAR(32), IN p_name VARCHAR(200),"
          " IN p_id_document_type VARCHAR(32), IN p_id_document_number "
          "VARCHAR(64),"
          " IN p_contact_person VARCHAR(200), IN p_phone VARCHAR(32),"
          " IN p_email VARCHAR(254), IN p_postal_address VARCHAR(500),"
          " IN p_postal_code VARCHAR(16),"
          " IN p_event_type VARCHAR(48), IN p_event_payload TEXT,"
          " IN p_event_prev_hash CHAR(64))"
          " MODIFIES SQL DATA"
          " BEGIN"
          "  DECLARE v_hash CHAR(64) DEFAULT NULL;"
          "  DECLARE v_case VARCHAR(40) DEFAULT NULL;"
          "  DECLARE v_message VARCHAR(128);"
          "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; "
          "END;"
          "  START TRANSACTION;"
          "  INSERT IGNORE INTO idempotency_keys (request_id, request_hash,"
          "   case_id, create_time)"
          "   VALUES (p_request_id, p_request_hash, p_case_id, p_now);"
          "  IF ROW_COUNT() = 0 THEN"
          "   SELECT request_hash, case_id INTO v_hash, v_case"
          "    FROM idempotency_keys WHERE request_id = p_request_id"
          "    LOCK IN SHARE MODE;"
          "   SET v_message = CONCAT(IF(v_hash = p_request_hash, 'foi-replay:',"
          "    'foi-conflict:'), v_case);"
          "   SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_message;"
          "  END IF;"
          "  INSERT INTO cases (id, case_number, state, channel, receipt_date,"
          "   unit, assignee, information_description, document_reference,"
          "   delivery_form, delivery_route, created_by, version, event_count,"
          "   last_event_hash, create_time, update_time,"
          "   correction_received_date, extension_state, extension_days,"
          "   reply_due_date, correction_notice_due_date, clock_provisional,"
          "   suspended_working_days, closed_date, reply_working_days,"
          "   correction_deadline)"
          "   VALUES (p_case_id, p_case_number, p_state, p_channel,"
          "   p_receipt_date, p_unit, '', p_description, p_document_reference,"
          "   p_delivery_form, p_delivery_route, p_created_by, 1, 1,"
          "   p_event_hash, p_now, p_now, p_correction_received_date,"
          "   p_extension_state, p_extension_days, p_reply_due_date,"
          "   p_correction_notice_due_date, p_clock_provisional,"
          "   p_suspended_working_days, p_closed_date, p_reply_working_days,"
          "   p_correction_deadline);"
          "  INSERT INTO applicants (case_id, applicant_type, name,"
          "   id_document_type, id_document_number, contact_person, phone,"
          "   email, postal_address, postal_code)"
          "   VALUES (p_case_id, p_applicant_type, p_name, p_id_document_type,"
          "   p_id_document_number, p_contact_person, p_phone, p_email,"
          "   p_postal_address, p_postal_code);"
          "  INSERT INTO case_events (case_id, seq, type, actor, event_time,"
          "   payload, prev_hash, hash)"
          "   VALUES (p_case_id, 1, p_event_type, p_created_by, p_now,"
          "   p_event_payload, p_event_prev_hash, p_event_hash);"
          "  COMMIT;"
          " END",
      }});
  m.push_back(Migration{
      5,
      "fewer indexes on cases",
      {
          // Every index costs every intake. The queue indexes of migration 3
          // serve due lists and alert scans too (open cases by queue_due),
          // and ListCases pages the primary key; these four earn no keep.
          "ALTER TABLE cases DROP KEY k_cases_due, DROP KEY k_cases_unit_due,"
          " DROP KEY k_cases_state, DROP KEY k_cases_unit",
      }});
  m.push_back(Migration{
      6,
      "documents, confidentiality reviews, findings, dispositions",
      {
          // Appended columns with no default rewrite nothing (instant ALTER).
          "ALTER TABLE cases ADD COLUMN outcome VARCHAR(32) CHARACTER SET"
          " ascii NULL, ADD COLUMN outcome_reason VARCHAR(32) CHARACTER SET"
          " ascii NULL, ADD COLUMN outcome_grounds VARCHAR(255) CHARACTER SET"
          " ascii NULL, ADD COLUMN disposition_summary TEXT NULL",
          // The bytes as uploaded and the text the review reads. Documents
          // are immutable: a changed document is a new one, so a review
          // always covers exactly the bytes it saw.
          std::string("CREATE TABLE case_documents ("
                      " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " file_name VARCHAR(255) NOT NULL,"
                      " media_type VARCHAR(64) CHARACTER SET ascii NOT NULL,"
                      " size_bytes BIGINT NOT NULL,"
                      " sha256 CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " text_chars BIGINT NOT NULL,"
                      " content LONGBLOB NOT NULL,"
                      " text LONGTEXT NOT NULL,"
                      " added_by VARCHAR(128) NOT NULL,"
                      " add_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (id),"
                      " KEY k_case_documents_case (case_id, add_time),"
                      " CONSTRAINT fk_case_documents_case FOREIGN KEY (case_id)"
                      "  REFERENCES cases (id))") +
              kTableOptions,
          std::string(
              "CREATE TABLE reviews ("
              " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " state VARCHAR(16) CHARACTER SET ascii NOT NULL,"
              " conclusion VARCHAR(16) CHARACTER SET ascii NOT NULL,"
              " summary TEXT NOT NULL,"
              " created_by VARCHAR(128) NOT NULL,"
              " create_time DATETIME(6) NOT NULL,"
              " completed_by VARCHAR(128) NOT NULL DEFAULT '',"
              " complete_time DATETIME(6) NULL,"
              " digest CHAR(64) CHARACTER SET ascii NOT NULL DEFAULT '',"
              " version BIGINT NOT NULL,"
              " PRIMARY KEY (id),"
              " KEY k_reviews_case (case_id, create_time),"
              " CONSTRAINT fk_reviews_case FOREIGN KEY (case_id)"
              "  REFERENCES cases (id))") +
              kTableOptions,
          std::string(
              "CREATE TABLE review_documents ("
              " review_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " document_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " PRIMARY KEY (review_id, document_id),"
              " KEY k_review_documents_document (document_id),"
              " CONSTRAINT fk_review_documents_review FOREIGN KEY (review_id)"
              "  REFERENCES reviews (id),"
              " CONSTRAINT fk_review_documents_document FOREIGN KEY"
              "  (document_id) REFERENCES case_documents (id))") +
              kTableOptions,
          std::string(
              "CREATE TABLE review_findings ("
              " review_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " id INT NOT NULL,"
              " document_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
              " category SMALLINT NOT NULL,"
              " detector VARCHAR(200) NOT NULL,"
              " suggested_ground SMALLINT NOT NULL,"
              " byte_begin BIGINT NOT NULL, byte_end BIGINT NOT NULL,"
              " char_begin BIGINT NOT NULL, char_end BIGINT NOT NULL,"
              " text TEXT NOT NULL,"
              " explanation VARCHAR(1000) NOT NULL,"
              " decision VARCHAR(16) CHARACTER SET ascii NOT NULL,"
              " ground SMALLINT NOT NULL,"
              " reason VARCHAR(2000) NOT NULL DEFAULT '',"
              " decided_by VARCHAR(128) NOT NULL DEFAULT '',"
              " decide_time DATETIME(6) NULL,"
              " PRIMARY KEY (review_id, id),"
              " CONSTRAINT fk_review_findings_review FOREIGN KEY (review_id)"
              "  REFERENCES reviews (id))") +
              kTableOptions,
      }});
  m.push_back(Migration{
      7,
      "reply drafts, issued letters, letter numbers",
      {
          // What the draft letter says beyond the outcome (serialized by
          // the reply service); replaced by every draft.
          std::string("CREATE TABLE reply_drafts ("
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " details LONGBLOB NOT NULL,"
                      " update_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (case_id),"
                      " CONSTRAINT fk_reply_drafts_case FOREIGN KEY (case_id)"
                      "  REFERENCES cases (id))") +
              kTableOptions,
          // An issued letter is what the applicant holds: never changed.
          std::string("CREATE TABLE reply_letters ("
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " document_number VARCHAR(128) NOT NULL,"
                      " text LONGTEXT NOT NULL,"
                      " html LONGTEXT NOT NULL,"
                      " pdf LONGBLOB NOT NULL,"
                      " text_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " pdf_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,"
                      " delivery_date DATE NOT NULL,"
                      " issued_by VARCHAR(128) NOT NULL,"
                      " issue_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (case_id),"
                      " UNIQUE KEY uk_reply_letters_number (document_number),"
                      " CONSTRAINT fk_reply_letters_case FOREIGN KEY (case_id)"
                      "  REFERENCES cases (id))") +
              kTableOptions,
          "CREATE TRIGGER reply_letters_no_update BEFORE UPDATE ON"
          " reply_letters FOR EACH ROW SIGNAL SQLSTATE '45000'"
          " SET MESSAGE_TEXT = 'an issued letter cannot be changed'",
          "CREATE TRIGGER reply_letters_no_delete BEFORE DELETE ON"
          " reply_letters FOR EACH ROW SIGNAL SQLSTATE '45000'"
          " SET MESSAGE_TEXT = 'an issued letter cannot be changed'",
          std::string("CREATE TABLE letter_number_sequences ("
                      " year SMALLINT NOT NULL,"
                      " next_value BIGINT NOT NULL,"
                      " PRIMARY KEY (year))") +
              kTableOptions,
      }});
  m.push_back(Migration{
      8,
      "appeals, disclosure candidates, the proactive-disclosure catalogue",
      {
          // Table 四 of the annual report (Art. 50(3)).
          std::string("CREATE TABLE appeals ("
                      " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " kind VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " result VARCHAR(16) CHARACTER SET ascii NOT NULL,"
                      " filed_date DATE NOT NULL,"
                      " decided_date DATE NULL,"
                      " created_by VARCHAR(128) NOT NULL,"
                      " create_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (id),"
                      " KEY k_appeals_filed (filed_date),"
                      " CONSTRAINT fk_appeals_case FOREIGN KEY (case_id)"
                      "  REFERENCES cases (id))") +
              kTableOptions,
          // Written by foi-analytics; cluster_key (the earliest member
          // case) keeps re-runs from duplicating a candidate.
          std::string("CREATE TABLE disclosure_candidates ("
                      " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " cluster_key VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " state VARCHAR(16) CHARACTER SET ascii NOT NULL,"
                      " representative TEXT NOT NULL,"
                      " case_ids MEDIUMTEXT CHARACTER SET ascii NOT NULL,"
                      " applicant_count INT NOT NULL,"
                      " outcomes VARCHAR(1000) CHARACTER SET ascii NOT NULL,"
                      " first_receipt_date DATE NOT NULL,"
                      " last_receipt_date DATE NOT NULL,"
                      " score DOUBLE NOT NULL,"
                      " decided_by VARCHAR(128) NOT NULL DEFAULT '',"
                      " reason VARCHAR(2000) NOT NULL DEFAULT '',"
                      " disclosure_id VARCHAR(40) CHARACTER SET ascii NOT NULL"
                      "  DEFAULT '',"
                      " update_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (id),"
                      " UNIQUE KEY uk_candidates_cluster (cluster_key),"
                      " KEY k_candidates_state_score (state, score, id))") +
              kTableOptions,
          std::string("CREATE TABLE proactive_disclosures ("
                      " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " title VARCHAR(400) NOT NULL,"
                      " location VARCHAR(1000) NOT NULL,"
                      " candidate_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " created_by VARCHAR(128) NOT NULL,"
                      " create_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (id))") +
              kTableOptions,
          std::string("CREATE TABLE analytics_runs ("
                      " id BIGINT NOT NULL AUTO_INCREMENT,"
                      " started DATETIME(6) NOT NULL,"
                      " finished DATETIME(6) NOT NULL,"
                      " watermark VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " applications INT NOT NULL,"
                      " clusters INT NOT NULL,"
                      " candidates INT NOT NULL,"
                      " PRIMARY KEY (id))") +
              kTableOptions,
      }});
  m.push_back(Migration{
      9,
      "near-duplicate hints: similar earlier cases and catalogue entries",
      {
          // One row per application compared by foi-analytics, so each is
          // compared once and a second worker finds nothing left to do.
          std::string("CREATE TABLE case_hint_checks ("
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " checked_time DATETIME(6) NOT NULL,"
                      " PRIMARY KEY (case_id),"
                      " CONSTRAINT fk_hint_checks_case FOREIGN KEY (case_id)"
                      "  REFERENCES cases (id))") +
              kTableOptions,
          // kind CASE: target_id is a similar earlier case; kind CATALOGUE:
          // a proactive disclosure (Art. 36(1)) found through via_case_id,
          // a member of the candidate it came from.
          std::string("CREATE TABLE case_hints ("
                      " case_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " kind VARCHAR(16) CHARACTER SET ascii NOT NULL,"
                      " rank_in_kind INT NOT NULL,"
                      " target_id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
                      " similarity DOUBLE NOT NULL,"
                      " via_case_id VARCHAR(40) CHARACTER SET ascii NOT NULL"
                      "  DEFAULT '',"
                      " PRIMARY KEY (case_id, kind, rank_in_kind),"
                      " CONSTRAINT fk_hints_case FOREIGN KEY (case_id)"
                      "  REFERENCES cases (id))") +
              kTableOptions,
      }});
  return m;
}

}  // namespace

const std::vector<Migration>& SchemaMigrations() {
  static const auto* migrations = new std::vector<Migration>(Build());
  return *migrations;
}

}  // namespace foi::store
