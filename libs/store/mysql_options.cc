#include "libs/store/mysql_options.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"

namespace foi::store {
namespace {

constexpr absl::string_view kScheme = "mysql://";
// Upper bound for ?pool=N; far above what one MariaDB server wants per client.
constexpr int kMaxPoolSize = 1024;

absl::Status Invalid(absl::string_view part, absl::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrCat("mysql url: ", part, ": ", problem));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 percent-decoding, so that a password may contain '@', ':', '/'.
absl::StatusOr<std::string> PercentDecode(absl::string_view part,
                                          absl::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) {
      return Invalid(part, "truncated percent escape");
    }
    const int hi = HexValue(in[i + 1]);
    const int lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return Invalid(part, "bad percent escape");
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

// Only plain identifiers: the name is spliced into CREATE DATABASE.
bool IsPlainIdentifier(absl::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' &&
        c != '$') {
      return false;
    }
  }
  return true;
}

// Returns whether a host was given (as opposed to only a port, or nothing).
absl::StatusOr<bool> ParseHostPort(absl::string_view host_port,
                                   MysqlOptions& out) {
  absl::string_view host = host_port;
  absl::string_view port;
  if (absl::StartsWith(host_port, "[")) {  // [IPv6]:port
    const size_t close = host_port.find(']');
    if (close == absl::string_view::npos) {
      return Invalid("host", "unterminated '[' in IPv6 address");
    }
    host = host_port.substr(1, close - 1);
    absl::string_view rest = host_port.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return Invalid("host", "junk after ']'");
      port = rest.substr(1);
      if (port.empty()) return Invalid("port", "empty after ':'");
    }
  } else {
    const size_t colon = host_port.rfind(':');
    if (colon != absl::string_view::npos) {
      host = host_port.substr(0, colon);
      port = host_port.substr(colon + 1);
      if (port.empty()) return Invalid("port", "empty after ':'");
    }
  }
  if (!host.empty()) out.host = std::string(host);
  if (!port.empty()) {
    int p = 0;
    if (!absl::SimpleAtoi(port, &p) || p < 1 || p > 65535 ||
        !absl::ascii_isdigit(static_cast<unsigned char>(port[0]))) {
      return Invalid("port", absl::StrCat("'", port, "' is not in 1..65535"));
    }
    out.port = p;
  }
  return !host.empty();
}

absl::Status ParseQuery(absl::string_view query, MysqlOptions& out) {
  for (absl::string_view param : absl::StrSplit(query, '&')) {
    if (param.empty()) continue;
    const size_t eq = param.find('=');
    if (eq == absl::string_view::npos) {
      return Invalid("query", absl::StrCat("parameter '", param,
                                           "' has no value (want key=value)"));
    }
    const absl::string_view key = param.substr(0, eq);
    const absl::string_view raw = param.substr(eq + 1);
    if (key == "socket") {
      auto socket = PercentDecode("socket", raw);
      if (!socket.ok()) return socket.status();
      if (socket->empty()) return Invalid("socket", "empty path");
      out.unix_socket = *std::move(socket);
    } else if (key == "pool") {
      int n = 0;
      if (!absl::SimpleAtoi(raw, &n) || n < 1 || n > kMaxPoolSize) {
        return Invalid("pool",
                       absl::StrCat("'", raw, "' is not in 1..", kMaxPoolSize));
      }
      out.pool_size = n;
    } else {
      return Invalid("query", absl::StrCat("unknown parameter '", key,
                                           "' (known: socket, pool)"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MysqlOptions> ParseMysqlUrl(absl::string_view url) {
  if (!absl::StartsWith(url, kScheme)) {
    return Invalid("scheme", "must start with mysql://");
  }
  absl::string_view rest = url.substr(kScheme.size());
  absl::string_view query;
  if (const size_t q = rest.find('?'); q != absl::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  // The last '@' ends the user info, so an unescaped '@' in the password
  // still parses.
  const size_t at = rest.rfind('@');
  if (at == absl::string_view::npos) {
    return Invalid("user", "missing (want mysql://user[:password]@host/db)");
  }
  const absl::string_view user_info = rest.substr(0, at);
  const absl::string_view after_at = rest.substr(at + 1);

  MysqlOptions out;
  absl::string_view raw_user = user_info;
  if (const size_t colon = user_info.find(':');
      colon != absl::string_view::npos) {
    raw_user = user_info.substr(0, colon);
    auto password = PercentDecode("password", user_info.substr(colon + 1));
    if (!password.ok()) return password.status();
    out.password = *std::move(password);
  }
  auto user = PercentDecode("user", raw_user);
  if (!user.ok()) return user.status();
  if (user->empty()) return Invalid("user", "empty");
  out.user = *std::move(user);

  const size_t slash = after_at.find('/');
  if (slash == absl::string_view::npos) {
    return Invalid("database", "missing (want .../database)");
  }
  const absl::string_view host_port = after_at.substr(0, slash);
  const absl::string_view database = after_at.substr(slash + 1);
  absl::StatusOr<bool> host_given = ParseHostPort(host_port, out);
  if (!host_given.ok()) return host_given.status();
  if (!IsPlainIdentifier(database)) {
    return Invalid("database",
                   absl::StrCat("'", database,
                                "' is not 1..64 characters of [A-Za-z0-9_$]"));
  }
  out.database = std::string(database);
  if (absl::Status s = ParseQuery(query, out); !s.ok()) return s;
  // A host may be left out only when a socket says where the server is.
  if (!*host_given && out.unix_socket.empty()) {
    return Invalid("host", "empty (give a host or ?socket=/path)");
  }
  return out;
}

}  // namespace foi::store
