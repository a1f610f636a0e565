#include "libs/store/mysql_token_repository.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

constexpr char kColumns[] =
    "SELECT id, token_hash, display_name, role, unit, created_by,"
    " create_time, revoke_time FROM api_tokens";

absl::StatusOr<TokenRecord> ReadToken(sql::ResultSet& rs) {
  TokenRecord t;
  t.id = rs.getString(1);
  t.token_hash = rs.getString(2);
  t.display_name = rs.getString(3);
  const std::string role = rs.getString(4);
  auto parsed = casefile::ParseRole(role);
  if (!parsed) {
    return absl::InternalError(
        absl::StrCat("stored role '", role, "' unknown"));
  }
  t.role = *parsed;
  t.unit = rs.getString(5);
  t.created_by = rs.getString(6);
  FOI_ASSIGN_OR_RETURN(t.create_time, FromSqlDateTime(rs.getString(7)));
  if (!rs.isNull(8)) {
    FOI_ASSIGN_OR_RETURN(t.revoke_time, FromSqlDateTime(rs.getString(8)));
  }
  return t;
}

}  // namespace

absl::Status MysqlTokenRepository::Insert(const TokenRecord& t,
                                          bool ignore_duplicate) {
  return RunInTransaction(*pool_, [&](Session& session) {
    if (ignore_duplicate) {
      auto& find =
          session.Prepare("SELECT 1 FROM api_tokens WHERE token_hash = ?");
      find.setString(1, t.token_hash);
      std::unique_ptr<sql::ResultSet> rs(find.executeQuery());
      if (rs->next()) return absl::OkStatus();
    }
    auto& ps = session.Prepare(
        "INSERT INTO api_tokens (id, token_hash, display_name, role, unit,"
        " created_by, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, t.id);
    ps.setString(2, t.token_hash);
    ps.setString(3, t.display_name);
    ps.setString(4, std::string(casefile::RoleName(t.role)));
    ps.setString(5, t.unit);
    ps.setString(6, t.created_by);
    ps.setString(7, ToSqlDateTime(t.create_time));
    ps.executeUpdate();
    return absl::OkStatus();
  });
}

absl::Status MysqlTokenRepository::Create(const TokenRecord& t) {
  return Insert(t, /*ignore_duplicate=*/false);
}

absl::Status MysqlTokenRepository::EnsureExists(const TokenRecord& t) {
  return Insert(t, /*ignore_duplicate=*/true);
}

absl::StatusOr<std::vector<TokenRecord>> MysqlTokenRepository::List(
    bool include_revoked) {
  std::vector<TokenRecord> tokens;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    tokens.clear();
    auto& ps = session.Prepare(absl::StrCat(
        kColumns, include_revoked ? "" : " WHERE revoke_time IS NULL",
        " ORDER BY create_time DESC, id DESC"));
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      FOI_ASSIGN_OR_RETURN(TokenRecord t, ReadToken(*rs));
      tokens.push_back(std::move(t));
    }
    return absl::OkStatus();
  }));
  return tokens;
}

absl::StatusOr<TokenRecord> MysqlTokenRepository::FindByHash(
    const std::string& token_hash) {
  TokenRecord token;
  FOI_RETURN_IF_ERROR(RunOnConnection(*pool_, [&](Session& session) {
    auto& ps = session.Prepare(absl::StrCat(kColumns, " WHERE token_hash = ?"));
    ps.setString(1, token_hash);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    if (!rs->next()) return absl::NotFoundError("token not found");
    FOI_ASSIGN_OR_RETURN(token, ReadToken(*rs));
    return absl::OkStatus();
  }));
  return token;
}

absl::StatusOr<TokenRecord> MysqlTokenRepository::Revoke(const std::string& id,
                                                         absl::Time now) {
  TokenRecord token;
  FOI_RETURN_IF_ERROR(RunInTransaction(*pool_, [&](Session& session) {
    auto& find =
        session.Prepare(absl::StrCat(kColumns, " WHERE id = ? FOR UPDATE"));
    find.setString(1, id);
    std::unique_ptr<sql::ResultSet> rs(find.executeQuery());
    if (!rs->next()) {
      return absl::NotFoundError(absl::StrCat("tokens/", id, " not found"));
    }
    FOI_ASSIGN_OR_RETURN(token, ReadToken(*rs));
    if (token.revoke_time.has_value()) {
      return absl::FailedPreconditionError(
          absl::StrCat("tokens/", id, " is already revoked"));
    }
    auto& revoke =
        session.Prepare("UPDATE api_tokens SET revoke_time = ? WHERE id = ?");
    token.revoke_time = absl::FromUnixMicros(absl::ToUnixMicros(now));
    revoke.setString(1, ToSqlDateTime(*token.revoke_time));
    revoke.setString(2, id);
    revoke.executeUpdate();
    return absl::OkStatus();
  }));
  return token;
}

}  // namespace foi::store
