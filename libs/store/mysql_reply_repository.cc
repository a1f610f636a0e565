#include "libs/store/mysql_reply_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <istream>
#include <iterator>
#include <memory>

#include "libs/common/status_macros.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

std::string ReadBlob(sql::ResultSet& rs, int column) {
  std::unique_ptr<std::istream> blob(rs.getBlob(column));
  return std::string(std::istreambuf_iterator<char>(*blob),
                     std::istreambuf_iterator<char>());
}

}  // namespace

absl::StatusOr<std::optional<std::string>>
MysqlReplyRepository::GetDraftDetails(const std::string& case_id) {
  std::optional<std::string> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.reset();
    auto& ps = s.Prepare("SELECT details FROM reply_drafts WHERE case_id = ?");
    ps.setString(1, case_id);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    if (rs->next()) out = ReadBlob(*rs, 1);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::optional<casefile::IssuedLetter>>
MysqlReplyRepository::GetIssuedLetter(const std::string& case_id) {
  std::optional<casefile::IssuedLetter> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.reset();
    auto& ps = s.Prepare(
        "SELECT document_number, text, html, pdf, text_sha256, pdf_sha256,"
        " delivery_date, issued_by, issue_time FROM reply_letters WHERE"
        " case_id = ?");
    ps.setString(1, case_id);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    if (!rs->next()) return absl::OkStatus();
    casefile::IssuedLetter l;
    l.case_id = case_id;
    l.document_number = rs->getString(1);
    l.text = rs->getString(2);
    l.html = rs->getString(3);
    l.pdf = ReadBlob(*rs, 4);
    l.text_sha256 = rs->getString(5);
    l.pdf_sha256 = rs->getString(6);
    FOI_ASSIGN_OR_RETURN(l.delivery_date, FromSqlDate(rs->getString(7)));
    l.issued_by = rs->getString(8);
    FOI_ASSIGN_OR_RETURN(l.issue_time, FromSqlDateTime(rs->getString(9)));
    out = std::move(l);
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<int64_t> MysqlReplyRepository::NextDocumentSequence(int year) {
  int64_t seq = 0;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& s) {
    auto& ensure = s.Prepare(
        "INSERT IGNORE INTO letter_number_sequences (year, next_value)"
        " VALUES (?, 1)");
    ensure.setInt(1, year);
    ensure.executeUpdate();
    auto& lock = s.Prepare(
        "SELECT next_value FROM letter_number_sequences WHERE year = ? FOR"
        " UPDATE");
    lock.setInt(1, year);
    std::unique_ptr<sql::ResultSet> rs(lock.executeQuery());
    rs->next();
    seq = rs->getInt64(1);
    auto& bump = s.Prepare(
        "UPDATE letter_number_sequences SET next_value = next_value + 1 WHERE"
        " year = ?");
    bump.setInt(1, year);
    bump.executeUpdate();
    return absl::OkStatus();
  }));
  return seq;
}

}  // namespace foi::store
