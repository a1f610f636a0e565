// Hands out case-number sequence values per (agency prefix, year), reserving
// them from the database in blocks.
//
// Why blocks: a single counter row updated inside every intake transaction
// would hold its row lock until COMMIT and serialise all intake on one fsync
// at a time. Reserving `block_size` values in a short transaction of its own
// takes that lock once per block. The price, stated to users: numbers are
// unique and increasing per server process, but a process that stops leaves
// the unused rest of its block as a gap, and two replicas interleave.
//
// Thread safety: Next() may be called concurrently.
#ifndef FOI_LIBS_STORE_CASE_NUMBER_ALLOCATOR_H_
#define FOI_LIBS_STORE_CASE_NUMBER_ALLOCATOR_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "libs/store/connection_pool.h"

namespace foi::store {

class CaseNumberAllocator {
 public:
  // `pool` must outlive the allocator. REQUIRES: block_size >= 1.
  CaseNumberAllocator(ConnectionPool* pool, int block_size);

  // Returns the next sequence value for `prefix` in `year`. UNAVAILABLE if a
  // new block is needed and the database is unreachable.
  absl::StatusOr<int64_t> Next(const std::string& prefix, int year);

 private:
  struct Block {
    int64_t next = 0;
    int64_t end = 0;  // exclusive
  };
  absl::StatusOr<Block> Reserve(const std::string& prefix, int year);

  ConnectionPool* const pool_;
  const int block_size_;
  absl::Mutex mu_;
  std::map<std::pair<std::string, int>, Block> blocks_ ABSL_GUARDED_BY(mu_);
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_CASE_NUMBER_ALLOCATOR_H_
