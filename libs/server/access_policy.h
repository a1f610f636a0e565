// Which roles may call which RPC: one table for the whole server, consulted
// by the auth processor before any handler runs (DESIGN.md: Security).
//
// Thread safety: immutable after construction.
#ifndef FOI_LIBS_SERVER_ACCESS_POLICY_H_
#define FOI_LIBS_SERVER_ACCESS_POLICY_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "libs/casefile/case_types.h"

namespace foi::server {

class AccessPolicy {
 public:
  // The policy of every foi.v1 RPC.
  static AccessPolicy Default();

  // Lets `roles` call the method `/package.Service/Method`.
  void Allow(absl::string_view full_method, std::vector<casefile::Role> roles);
  // Lets anyone call methods under `prefix` without a token (health checks,
  // reflection).
  void AllowAnonymous(absl::string_view prefix);

  // True if `full_method` needs no token.
  bool IsAnonymous(absl::string_view full_method) const;
  // OK if `role` may call `full_method`; PERMISSION_DENIED otherwise,
  // including for a method the table does not know.
  absl::Status Check(absl::string_view full_method, casefile::Role role) const;

 private:
  absl::flat_hash_map<std::string, absl::flat_hash_set<casefile::Role>>
      allowed_;
  std::vector<std::string> anonymous_prefixes_;
};

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_ACCESS_POLICY_H_
