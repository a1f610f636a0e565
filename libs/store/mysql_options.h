// Where and how to reach the MySQL-protocol database.
#ifndef FOI_LIBS_STORE_MYSQL_OPTIONS_H_
#define FOI_LIBS_STORE_MYSQL_OPTIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace foi::store {

struct MysqlOptions {
  // TCP host; ignored when `unix_socket` is set. Default: 127.0.0.1.
  std::string host = "127.0.0.1";
  // TCP port. Default: 3306.
  int port = 3306;
  // Path of the server's Unix socket; preferred over TCP when set.
  std::string unix_socket;
  std::string user = "root";
  std::string password;
  // Schema (database) name. Default: foi.
  std::string database = "foi";
  // Most connections the pool keeps open at once. Default: 16.
  int pool_size = 16;
  // How long Acquire() waits for a free connection before UNAVAILABLE.
  absl::Duration acquire_timeout = absl::Seconds(5);
  // Connect, read and write timeouts of each connection.
  absl::Duration connect_timeout = absl::Seconds(3);
  absl::Duration io_timeout = absl::Seconds(30);
};

// Parses `mysql://user[:password]@host[:port]/database[?socket=/path&pool=N]`.
// Returns INVALID_ARGUMENT naming the part that is wrong.
absl::StatusOr<MysqlOptions> ParseMysqlUrl(absl::string_view url);

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MYSQL_OPTIONS_H_
