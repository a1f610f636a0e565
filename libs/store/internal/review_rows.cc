#include "libs/store/internal/review_rows.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/common/status_macros.h"
#include "libs/store/internal/case_rows.h"
#include "libs/store/sql_values.h"

namespace foi::store_internal {
namespace {

using casefile::CaseDocument;
using casefile::Review;
using casefile::ReviewFinding;

void InsertDocument(store::Session& s, const std::string& case_id,
                    const CaseDocument& d, absl::Time now) {
  auto& ps = s.Prepare(
      "INSERT INTO case_documents (id, case_id, file_name, media_type,"
      " size_bytes, sha256, text_chars, content, text, added_by, add_time)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ps.setString(1, d.id);
  ps.setString(2, case_id);
  ps.setString(3, d.file_name);
  ps.setString(4, d.media_type);
  ps.setInt64(5, d.size_bytes);
  ps.setString(6, d.sha256);
  ps.setInt64(7, d.text_chars);
  std::istringstream content(d.content);
  ps.setBlob(8, &content);
  ps.setString(9, d.text);
  ps.setString(10, d.added_by);
  ps.setString(11, store::ToSqlDateTime(now));
  ps.executeUpdate();
}

void InsertReview(store::Session& s, const std::string& case_id,
                  const Review& r) {
  auto& ps = s.Prepare(
      "INSERT INTO reviews (id, case_id, state, conclusion, summary,"
      " created_by, create_time, version) VALUES (?, ?, 'OPEN',"
      " 'UNSPECIFIED', '', ?, ?, 1)");
  ps.setString(1, r.id);
  ps.setString(2, case_id);
  ps.setString(3, r.created_by);
  ps.setString(4, store::ToSqlDateTime(r.create_time));
  ps.executeUpdate();
  auto& doc = s.Prepare(
      "INSERT INTO review_documents (review_id, document_id) VALUES (?, ?)");
  for (const std::string& id : r.document_ids) {
    doc.setString(1, r.id);
    doc.setString(2, id);
    doc.executeUpdate();
  }
  for (const ReviewFinding& f : r.findings) InsertFinding(s, r.id, f);
}

absl::Status CompleteReview(store::Session& s, const std::string& case_id,
                            const casefile::CaseChanges::ReviewSignOff& so,
                            absl::Time now) {
  auto& ps = s.Prepare(
      "UPDATE reviews SET state = 'COMPLETED', conclusion = ?, summary = ?,"
      " completed_by = ?, complete_time = ?, digest = ?, version = version + 1"
      " WHERE id = ? AND case_id = ? AND version = ? AND state = 'OPEN'");
  ps.setString(1, std::string(casefile::ReviewConclusionName(so.conclusion)));
  ps.setString(2, so.summary);
  ps.setString(3, so.completed_by);
  ps.setString(4, store::ToSqlDateTime(now));
  ps.setString(5, so.digest);
  ps.setString(6, so.review_id);
  ps.setString(7, case_id);
  ps.setInt64(8, so.expected_version);
  if (ps.executeUpdate() != 1) {
    return absl::AbortedError(
        absl::StrCat("etag: stale; review ", so.review_id,
                     " changed since it was read — read it again and retry"));
  }
  return absl::OkStatus();
}

void InsertLetter(store::Session& s, const casefile::IssuedLetter& l) {
  auto& ps = s.Prepare(
      "INSERT INTO reply_letters (case_id, document_number, text, html, pdf,"
      " text_sha256, pdf_sha256, delivery_date, issued_by, issue_time)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ps.setString(1, l.case_id);
  ps.setString(2, l.document_number);
  ps.setString(3, l.text);
  ps.setString(4, l.html);
  std::istringstream pdf(l.pdf);
  ps.setBlob(5, &pdf);
  ps.setString(6, l.text_sha256);
  ps.setString(7, l.pdf_sha256);
  ps.setString(8, store::ToSqlDate(l.delivery_date));
  ps.setString(9, l.issued_by);
  ps.setString(10, store::ToSqlDateTime(l.issue_time));
  ps.executeUpdate();
}

void WriteDisposition(store::Session& s, const std::string& case_id,
                      const casefile::Disposition& d, absl::Time now) {
  auto& draft = s.Prepare(
      "INSERT INTO reply_drafts (case_id, details, update_time) VALUES (?, ?,"
      " ?) ON DUPLICATE KEY UPDATE details = VALUES(details), update_time ="
      " VALUES(update_time)");
  draft.setString(1, case_id);
  std::istringstream details(d.letter_details);
  draft.setBlob(2, &details);
  draft.setString(3, store::ToSqlDateTime(now));
  draft.executeUpdate();
  std::vector<std::string> grounds;
  for (rules::ExemptionGround g : d.grounds) {
    grounds.emplace_back(rules::Info(g).code);
  }
  auto& ps = s.Prepare(
      "UPDATE cases SET outcome = ?, outcome_reason = ?, outcome_grounds = ?,"
      " disposition_summary = ? WHERE id = ?");
  ps.setString(1, std::string(rules::Info(d.outcome).code));
  if (d.reason == rules::OutcomeReason::kUnspecified) {
    ps.setNull(2, sql::DataType::VARCHAR);
  } else {
    ps.setString(2, std::string(rules::Info(d.reason).code));
  }
  ps.setString(3, absl::StrJoin(grounds, ","));
  ps.setString(4, d.summary);
  ps.setString(5, case_id);
  ps.executeUpdate();
}

absl::StatusOr<ReviewFinding> ReadFinding(sql::ResultSet& rs) {
  ReviewFinding f;
  f.id = rs.getInt(1);
  f.document_id = rs.getString(2);
  f.category = rs.getInt(3);
  f.detector = rs.getString(4);
  f.suggested_ground = static_cast<rules::ExemptionGround>(rs.getInt(5));
  f.byte_begin = rs.getInt64(6);
  f.byte_end = rs.getInt64(7);
  f.char_begin = rs.getInt64(8);
  f.char_end = rs.getInt64(9);
  f.text = rs.getString(10);
  f.explanation = rs.getString(11);
  const std::string decision = rs.getString(12);
  FOI_ASSIGN_OR_RETURN(f.decision,
                       ParseStored(casefile::ParseFindingDecision(decision),
                                   "decision", decision));
  f.ground = static_cast<rules::ExemptionGround>(rs.getInt(13));
  f.reason = rs.getString(14);
  f.decided_by = rs.getString(15);
  if (!rs.isNull(16)) {
    FOI_ASSIGN_OR_RETURN(f.decide_time,
                         store::FromSqlDateTime(rs.getString(16)));
  }
  return f;
}

}  // namespace

void InsertFinding(store::Session& s, const std::string& review_id,
                   const ReviewFinding& f) {
  auto& ps = s.Prepare(
      "INSERT INTO review_findings (review_id, id, document_id, category,"
      " detector, suggested_ground, byte_begin, byte_end, char_begin,"
      " char_end, text, explanation, decision, ground, reason, decided_by,"
      " decide_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " ?)");
  ps.setString(1, review_id);
  ps.setInt(2, f.id);
  ps.setString(3, f.document_id);
  ps.setInt(4, f.category);
  ps.setString(5, f.detector);
  ps.setInt(6, static_cast<int>(f.suggested_ground));
  ps.setInt64(7, f.byte_begin);
  ps.setInt64(8, f.byte_end);
  ps.setInt64(9, f.char_begin);
  ps.setInt64(10, f.char_end);
  ps.setString(11, f.text);
  ps.setString(12, f.explanation);
  ps.setString(13, std::string(casefile::FindingDecisionName(f.decision)));
  ps.setInt(14, static_cast<int>(f.ground));
  ps.setString(15, f.reason);
  ps.setString(16, f.decided_by);
  if (f.decide_time.has_value()) {
    ps.setString(17, store::ToSqlDateTime(*f.decide_time));
  } else {
    ps.setNull(17, sql::DataType::TIMESTAMP);
  }
  ps.executeUpdate();
}

absl::Status WriteReleaseChanges(store::Session& s, const std::string& case_id,
                                 const casefile::CaseChanges& ch,
                                 absl::Time now) {
  if (ch.add_document.has_value()) {
    InsertDocument(s, case_id, *ch.add_document, now);
  }
  if (ch.start_review.has_value()) InsertReview(s, case_id, *ch.start_review);
  if (ch.complete_review.has_value()) {
    FOI_RETURN_IF_ERROR(CompleteReview(s, case_id, *ch.complete_review, now));
  }
  if (ch.disposition.has_value()) {
    WriteDisposition(s, case_id, *ch.disposition, now);
  }
  if (ch.issue_letter.has_value()) InsertLetter(s, *ch.issue_letter);
  return absl::OkStatus();
}

absl::StatusOr<Review> LoadReview(store::Session& s, const std::string& case_id,
                                  const std::string& review_id,
                                  bool for_update) {
  auto& ps = s.Prepare(
      absl::StrCat("SELECT state, conclusion, summary, created_by, create_time,"
                   " completed_by, complete_time, digest, version FROM reviews"
                   " WHERE id = ? AND case_id = ?",
                   for_update ? " FOR UPDATE" : ""));
  ps.setString(1, review_id);
  ps.setString(2, case_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(
        absl::StrCat("cases/", case_id, "/reviews/", review_id, " not found"));
  }
  Review r;
  r.id = review_id;
  r.case_id = case_id;
  const std::string state = rs->getString(1);
  FOI_ASSIGN_OR_RETURN(
      r.state, ParseStored(casefile::ParseReviewState(state), "state", state));
  const std::string conclusion = rs->getString(2);
  FOI_ASSIGN_OR_RETURN(r.conclusion,
                       ParseStored(casefile::ParseReviewConclusion(conclusion),
                                   "conclusion", conclusion));
  r.summary = rs->getString(3);
  r.created_by = rs->getString(4);
  FOI_ASSIGN_OR_RETURN(r.create_time, store::FromSqlDateTime(rs->getString(5)));
  r.completed_by = rs->getString(6);
  if (!rs->isNull(7)) {
    FOI_ASSIGN_OR_RETURN(r.complete_time,
                         store::FromSqlDateTime(rs->getString(7)));
  }
  r.digest = rs->getString(8);
  r.version = rs->getInt64(9);

  auto& docs = s.Prepare(
      "SELECT rd.document_id FROM review_documents rd JOIN case_documents d"
      " ON d.id = rd.document_id WHERE rd.review_id = ? ORDER BY d.add_time,"
      " d.id");
  docs.setString(1, review_id);
  std::unique_ptr<sql::ResultSet> drs(docs.executeQuery());
  while (drs->next()) r.document_ids.push_back(drs->getString(1));

  auto& fs = s.Prepare(
      "SELECT id, document_id, category, detector, suggested_ground,"
      " byte_begin, byte_end, char_begin, char_end, text, explanation,"
      " decision, ground, reason, decided_by, decide_time FROM"
      " review_findings WHERE review_id = ? ORDER BY id");
  fs.setString(1, review_id);
  std::unique_ptr<sql::ResultSet> frs(fs.executeQuery());
  while (frs->next()) {
    FOI_ASSIGN_OR_RETURN(ReviewFinding f, ReadFinding(*frs));
    r.findings.push_back(std::move(f));
  }
  return r;
}

absl::StatusOr<std::vector<CaseDocument>> LoadDocuments(
    store::Session& s, const std::string& case_id,
    std::vector<casefile::ReviewConclusion>* conclusions) {
  // The latest completed review of each document, if any.
  auto& ps = s.Prepare(
      "SELECT d.id, d.file_name, d.media_type, d.size_bytes, d.sha256,"
      " d.text_chars, d.added_by, d.add_time, r.id, r.conclusion"
      " FROM case_documents d LEFT JOIN reviews r ON r.id ="
      " (SELECT r2.id FROM review_documents rd JOIN reviews r2 ON r2.id ="
      "  rd.review_id WHERE rd.document_id = d.id AND r2.state = 'COMPLETED'"
      "  ORDER BY r2.complete_time DESC, r2.id DESC LIMIT 1)"
      " WHERE d.case_id = ? ORDER BY d.add_time, d.id");
  ps.setString(1, case_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  std::vector<CaseDocument> out;
  if (conclusions != nullptr) conclusions->clear();
  while (rs->next()) {
    CaseDocument d;
    d.id = rs->getString(1);
    d.case_id = case_id;
    d.file_name = rs->getString(2);
    d.media_type = rs->getString(3);
    d.size_bytes = rs->getInt64(4);
    d.sha256 = rs->getString(5);
    d.text_chars = rs->getInt64(6);
    d.added_by = rs->getString(7);
    FOI_ASSIGN_OR_RETURN(d.add_time, store::FromSqlDateTime(rs->getString(8)));
    if (!rs->isNull(9)) d.review_id = rs->getString(9);
    if (conclusions != nullptr) {
      casefile::ReviewConclusion c = casefile::ReviewConclusion::kUnspecified;
      if (!rs->isNull(10)) {
        const std::string name = rs->getString(10);
        FOI_ASSIGN_OR_RETURN(
            c, ParseStored(casefile::ParseReviewConclusion(name), "conclusion",
                           name));
      }
      conclusions->push_back(c);
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace foi::store_internal
