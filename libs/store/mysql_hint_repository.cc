#include "libs/store/mysql_hint_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/common/status_macros.h"
#include "libs/store/internal/application_rows.h"
#include "libs/store/internal/case_rows.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

using store_internal::kApplicationColumns;
using store_internal::ParseStored;
using store_internal::ReadApplications;

constexpr char kSimilar[] = "CASE";
constexpr char kCatalogue[] = "CATALOGUE";

// An IN list's placeholders for `count` ids, padded to one of a few
// lengths, so a connection prepares a handful of statements rather than one
// per page size (the statements are cached per connection, and the server
// caps how many it holds). BindInList fills it.
size_t InListLength(size_t count) {
  for (size_t size : {1, 10, 50, 100, 250, 500, 1000}) {
    if (count <= size) return size;
  }
  return count;
}

std::string InList(size_t count) {
  std::string out;
  for (size_t i = 0; i < InListLength(count); ++i) {
    absl::StrAppend(&out, i ? ", ?" : "?");
  }
  return out;
}

// Binds `ids` to the InList(ids.size()) placeholders from parameter 1,
// padding with the last id. REQUIRES: ids not empty.
void BindInList(sql::PreparedStatement& ps,
                const std::vector<std::string>& ids) {
  for (size_t i = 0; i < InListLength(ids.size()); ++i) {
    ps.setString(static_cast<int>(i + 1), ids[std::min(i, ids.size() - 1)]);
  }
}

// Inserts `rows` (each `columns` values, bound as strings) with
// `head` ("INSERT INTO t (a, b) VALUES"), 100 rows a statement, then 10,
// then 1: a pass writes thousands of rows, and a statement per row cost
// more than comparing the applications.
void InsertRows(Session& s, absl::string_view head, int columns,
                const std::vector<std::vector<std::string>>& rows) {
  std::string tuple = "(";
  for (int c = 0; c < columns; ++c) absl::StrAppend(&tuple, c ? ", ?" : "?");
  tuple += ")";
  size_t next = 0;
  for (size_t chunk : {100, 10, 1}) {
    if (rows.size() - next < chunk) continue;
    std::string sql(head);
    for (size_t r = 0; r < chunk; ++r) {
      absl::StrAppend(&sql, r ? ", " : " ", tuple);
    }
    auto& ps = s.Prepare(sql);
    while (rows.size() - next >= chunk) {
      int param = 1;
      for (size_t r = 0; r < chunk; ++r, ++next) {
        for (const std::string& value : rows[next]) {
          ps.setString(param++, value);
        }
      }
      ps.executeUpdate();
    }
  }
}

}  // namespace

absl::StatusOr<std::vector<ApplicationRow>> MysqlHintRepository::ListUnchecked(
    const std::string& after_id, int limit) {
  std::vector<ApplicationRow> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(absl::StrCat(
        "SELECT ", kApplicationColumns,
        " FROM cases c JOIN applicants a ON a.case_id = c.id LEFT JOIN"
        " case_hint_checks h ON h.case_id = c.id WHERE c.id > ? AND"
        " h.case_id IS NULL ORDER BY c.id LIMIT ?"));
    ps.setString(1, after_id);
    ps.setInt(2, limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    FOI_ASSIGN_OR_RETURN(out, ReadApplications(*rs));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<CatalogueMembers>>
MysqlHintRepository::ListCatalogue() {
  std::vector<CatalogueMembers> out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    auto& ps = s.Prepare(
        "SELECT d.id, c.case_ids FROM proactive_disclosures d JOIN"
        " disclosure_candidates c ON c.id = d.candidate_id WHERE c.state ="
        " 'ACCEPTED' ORDER BY d.id");
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      CatalogueMembers m;
      m.disclosure_id = rs->getString(1);
      m.case_ids =
          absl::StrSplit(std::string(rs->getString(2)), ',', absl::SkipEmpty());
      out.push_back(std::move(m));
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::Status MysqlHintRepository::WriteHints(
    const std::vector<CaseHints>& hints, absl::Time now) {
  if (hints.empty()) return absl::OkStatus();
  return RunInTransaction(*pool_, [&](Session& s) -> absl::Status {
    // Applications another worker recorded first keep their hints. The
    // locking read also holds off a second worker writing the same ones
    // until this transaction ends.
    absl::flat_hash_set<std::string> recorded;
    for (size_t from = 0; from < hints.size(); from += 1000) {
      std::vector<std::string> ids;
      for (size_t i = from; i < std::min(hints.size(), from + 1000); ++i) {
        ids.push_back(hints[i].case_id);
      }
      auto& ps = s.Prepare(absl::StrCat(
          "SELECT case_id FROM case_hint_checks WHERE case_id IN (",
          InList(ids.size()), ") FOR UPDATE"));
      BindInList(ps, ids);
      std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
      while (rs->next()) recorded.insert(std::string(rs->getString(1)));
    }
    const std::string when = ToSqlDateTime(now);
    std::vector<std::vector<std::string>> checks, rows;
    for (const CaseHints& h : hints) {
      if (!recorded.insert(h.case_id).second) continue;  // or listed twice
      checks.push_back({h.case_id, when});
      for (size_t i = 0; i < h.similar_cases.size(); ++i) {
        const SimilarCaseHint& c = h.similar_cases[i];
        rows.push_back({h.case_id, kSimilar, absl::StrCat(i), c.case_id,
                        absl::StrFormat("%.17g", c.similarity), ""});
      }
      for (size_t i = 0; i < h.catalogue.size(); ++i) {
        const CatalogueHint& c = h.catalogue[i];
        rows.push_back({h.case_id, kCatalogue, absl::StrCat(i), c.disclosure_id,
                        absl::StrFormat("%.17g", c.similarity), c.via_case_id});
      }
    }
    InsertRows(s, "INSERT INTO case_hint_checks (case_id, checked_time) VALUES",
               2, checks);
    InsertRows(s,
               "INSERT INTO case_hints (case_id, kind, rank_in_kind, "
               "target_id, similarity, via_case_id) VALUES",
               6, rows);
    return absl::OkStatus();
  });
}

absl::StatusOr<std::map<std::string, CaseHints>> MysqlHintRepository::LoadHints(
    const std::vector<std::string>& case_ids) {
  std::map<std::string, CaseHints> out;
  if (case_ids.empty()) return out;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& s) {
    out.clear();
    // One round trip: a compared case with no hints comes back as one row
    // with NULL hint columns.
    auto& ps = s.Prepare(absl::StrCat(
        "SELECT k.case_id, COALESCE(h.kind, ''), h.target_id, h.similarity,"
        " h.via_case_id, COALESCE(c.case_number, ''), COALESCE(c.state, ''),"
        " COALESCE(c.outcome, ''), COALESCE(d.title, ''),"
        " COALESCE(d.location, '') FROM case_hint_checks k LEFT JOIN"
        " case_hints h ON h.case_id = k.case_id LEFT JOIN cases c ON h.kind ="
        " 'CASE' AND c.id = h.target_id LEFT JOIN proactive_disclosures d ON"
        " h.kind = 'CATALOGUE' AND d.id = h.target_id WHERE k.case_id IN (",
        InList(case_ids.size()),
        ") ORDER BY k.case_id, h.kind, h.rank_in_kind"));
    BindInList(ps, case_ids);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      const std::string case_id = rs->getString(1);
      CaseHints& h = out[case_id];
      h.case_id = case_id;
      const std::string kind = rs->getString(2);
      if (kind.empty()) continue;  // compared, nothing found
      if (kind == kSimilar) {
        SimilarCaseHint c;
        c.case_id = rs->getString(3);
        c.similarity = rs->getDouble(4);
        c.case_number = rs->getString(6);
        const std::string state = rs->getString(7);
        FOI_ASSIGN_OR_RETURN(
            c.state,
            ParseStored(casefile::ParseCaseState(state), "state", state));
        c.outcome = rs->getString(8);
        h.similar_cases.push_back(std::move(c));
      } else {
        CatalogueHint c;
        c.disclosure_id = rs->getString(3);
        c.similarity = rs->getDouble(4);
        c.via_case_id = rs->getString(5);
        c.title = rs->getString(9);
        c.location = rs->getString(10);
        h.catalogue.push_back(std::move(c));
      }
    }
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace foi::store
