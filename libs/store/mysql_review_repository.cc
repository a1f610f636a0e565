#include "libs/store/mysql_review_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <istream>
#include <iterator>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"
#include "libs/store/internal/review_rows.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

using casefile::CaseDocument;
using casefile::Review;

// Locks the review, checks it is open at `expected_version`, and bumps its
// version: the one guard every decision goes through.
absl::Status LockOpenReview(Session& s, const std::string& case_id,
                            const std::string& review_id,
                            int64_t expected_version) {
  FOI_ASSIGN_OR_RETURN(Review r,
                       store_internal::LoadReview(s, case_id, review_id, true));
  if (r.version != expected_version) {
    return absl::AbortedError(
        absl::StrCat("etag: stale; review ", review_id,
                     " changed since it was read — read it again and retry"));
  }
  if (r.state != casefile::ReviewState::kOpen) {
    return absl::FailedPreconditionError(
        absl::StrCat("review ", review_id, " is ",
                     casefile::ReviewStateName(r.state), ", not OPEN"));
  }
  auto& bump =
      s.Prepare("UPDATE reviews SET version = version + 1 WHERE id = ?");
  bump.setString(1, review_id);
  bump.executeUpdate();
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<CaseDocument>> MysqlReviewRepository::ListDocuments(
    const std::string& case_id) {
  std::vector<CaseDocument> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    FOI_ASSIGN_OR_RETURN(out,
                         store_internal::LoadDocuments(s, case_id, nullptr));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<CaseDocument> MysqlReviewRepository::GetDocument(
    const std::string& case_id, const std::string& document_id) {
  CaseDocument d;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    auto& ps = s.Prepare(
        "SELECT file_name, media_type, size_bytes, sha256, text_chars,"
        " added_by, add_time, content, text FROM case_documents WHERE id = ?"
        " AND case_id = ?");
    ps.setString(1, document_id);
    ps.setString(2, case_id);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    if (!rs->next()) {
      return absl::NotFoundError(absl::StrCat("cases/", case_id, "/documents/",
                                              document_id, " not found"));
    }
    d.id = document_id;
    d.case_id = case_id;
    d.file_name = rs->getString(1);
    d.media_type = rs->getString(2);
    d.size_bytes = rs->getInt64(3);
    d.sha256 = rs->getString(4);
    d.text_chars = rs->getInt64(5);
    d.added_by = rs->getString(6);
    FOI_ASSIGN_OR_RETURN(d.add_time, FromSqlDateTime(rs->getString(7)));
    std::unique_ptr<std::istream> blob(rs->getBlob(8));
    d.content.assign(std::istreambuf_iterator<char>(*blob),
                     std::istreambuf_iterator<char>());
    d.text = rs->getString(9);
    return absl::OkStatus();
  }));
  return d;
}

absl::StatusOr<std::vector<casefile::DocumentCoverage>>
MysqlReviewRepository::ListDocumentCoverage(const std::string& case_id) {
  std::vector<casefile::DocumentCoverage> out;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    out.clear();
    std::vector<casefile::ReviewConclusion> conclusions;
    FOI_ASSIGN_OR_RETURN(
        std::vector<CaseDocument> docs,
        store_internal::LoadDocuments(s, case_id, &conclusions));
    for (size_t i = 0; i < docs.size(); ++i) {
      out.push_back(
          {docs[i].id, docs[i].file_name, docs[i].review_id, conclusions[i]});
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Review> MysqlReviewRepository::GetReview(
    const std::string& case_id, const std::string& review_id) {
  Review r;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    FOI_ASSIGN_OR_RETURN(
        r, store_internal::LoadReview(s, case_id, review_id, false));
    return absl::OkStatus();
  }));
  return r;
}

absl::StatusOr<std::vector<Review>> MysqlReviewRepository::ListReviews(
    const std::string& case_id) {
  std::vector<Review> out;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(
        "SELECT id FROM reviews WHERE case_id = ? ORDER BY create_time, id");
    ps.setString(1, case_id);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    std::vector<std::string> ids;
    while (rs->next()) ids.push_back(rs->getString(1));
    for (const std::string& id : ids) {
      FOI_ASSIGN_OR_RETURN(Review r,
                           store_internal::LoadReview(s, case_id, id, false));
      r.findings.clear();
      out.push_back(std::move(r));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<Review> MysqlReviewRepository::DecideFinding(
    const FindingDecisionCommand& cmd) {
  Review r;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    FOI_RETURN_IF_ERROR(
        LockOpenReview(s, cmd.case_id, cmd.review_id, cmd.expected_version));
    auto& ps = s.Prepare(
        "UPDATE review_findings SET decision = ?, ground = ?, reason = ?,"
        " decided_by = ?, decide_time = ? WHERE review_id = ? AND id = ?");
    ps.setString(1, std::string(casefile::FindingDecisionName(cmd.decision)));
    ps.setInt(2, static_cast<int>(cmd.ground));
    ps.setString(3, cmd.reason);
    ps.setString(4, cmd.actor);
    ps.setString(5, ToSqlDateTime(cmd.now));
    ps.setString(6, cmd.review_id);
    ps.setInt(7, cmd.finding_id);
    if (ps.executeUpdate() != 1) {
      return absl::NotFoundError(absl::StrCat(
          "finding ", cmd.finding_id, " not found in review ", cmd.review_id));
    }
    FOI_ASSIGN_OR_RETURN(
        r, store_internal::LoadReview(s, cmd.case_id, cmd.review_id, false));
    return absl::OkStatus();
  }));
  return r;
}

absl::StatusOr<Review> MysqlReviewRepository::AddFinding(
    const std::string& case_id, const std::string& review_id,
    int64_t expected_version, casefile::ReviewFinding finding) {
  Review r;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    FOI_RETURN_IF_ERROR(
        LockOpenReview(s, case_id, review_id, expected_version));
    auto& next = s.Prepare(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM review_findings WHERE"
        " review_id = ?");
    next.setString(1, review_id);
    std::unique_ptr<sql::ResultSet> rs(next.executeQuery());
    rs->next();
    casefile::ReviewFinding f = finding;
    f.id = rs->getInt(1);
    store_internal::InsertFinding(s, review_id, f);
    FOI_ASSIGN_OR_RETURN(
        r, store_internal::LoadReview(s, case_id, review_id, false));
    return absl::OkStatus();
  }));
  return r;
}

}  // namespace foi::store
