// Numbered schema migrations, applied in order at start-up.
//
// Thread safety: ApplyMigrations may run in several processes at once; a
// server-side named lock (GET_LOCK) makes one of them do the work.
#ifndef FOI_LIBS_STORE_MIGRATIONS_H_
#define FOI_LIBS_STORE_MIGRATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/store/connection_pool.h"

namespace foi::store {

struct Migration {
  int version;                          // 1, 2, 3, ... without gaps
  std::string name;                     // e.g. "create cases"
  std::vector<std::string> statements;  // run one by one
};

// The project's migrations, in order.
const std::vector<Migration>& SchemaMigrations();

// Applies every migration in `migrations` whose version is above the
// schema's recorded version, recording each in `schema_migrations`. Returns
// the schema version after the run. Returns FAILED_PRECONDITION if the schema
// is newer than the newest migration known (a newer binary wrote it), and
// UNAVAILABLE if the database cannot be reached.
absl::StatusOr<int> ApplyMigrations(ConnectionPool& pool,
                                    const std::vector<Migration>& migrations);

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_MIGRATIONS_H_
