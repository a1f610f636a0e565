#include "libs/store/case_number_allocator.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "libs/store/transaction.h"

namespace foi::store {

CaseNumberAllocator::CaseNumberAllocator(ConnectionPool* pool, int block_size)
    : pool_(pool), block_size_(block_size) {}

absl::StatusOr<CaseNumberAllocator::Block> CaseNumberAllocator::Reserve(
    const std::string& prefix, int year) {
  Block block;
  absl::Status s = RunInTransaction(*pool_, [&](Session& session) {
    auto& ensure = session.Prepare(
        "INSERT IGNORE INTO case_number_sequences (prefix, year, next_value)"
        " VALUES (?, ?, 1)");
    ensure.setString(1, prefix);
    ensure.setInt(2, year);
    ensure.executeUpdate();
    auto& select = session.Prepare(
        "SELECT next_value FROM case_number_sequences"
        " WHERE prefix = ? AND year = ? FOR UPDATE");
    select.setString(1, prefix);
    select.setInt(2, year);
    std::unique_ptr<sql::ResultSet> rs(select.executeQuery());
    if (!rs->next()) return absl::InternalError("case number row vanished");
    block.next = rs->getInt64(1);
    block.end = block.next + block_size_;
    auto& advance = session.Prepare(
        "UPDATE case_number_sequences SET next_value = ?"
        " WHERE prefix = ? AND year = ?");
    advance.setInt64(1, block.end);
    advance.setString(2, prefix);
    advance.setInt(3, year);
    advance.executeUpdate();
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return block;
}

absl::StatusOr<int64_t> CaseNumberAllocator::Next(const std::string& prefix,
                                                  int year) {
  absl::MutexLock lock(&mu_);
  Block& block = blocks_[{prefix, year}];
  if (block.next >= block.end) {
    // Reserving under the lock keeps blocks of one process in order; other
    // callers wait one short transaction at most once per block.
    absl::StatusOr<Block> fresh = Reserve(prefix, year);
    if (!fresh.ok()) return fresh.status();
    block = *fresh;
  }
  return block.next++;
}

}  // namespace foi::store
