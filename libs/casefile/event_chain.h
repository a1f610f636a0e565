// The audit trail's hash chain. Each event's hash covers its own fields and
// the hash of the event before it, so editing, deleting or reordering a
// stored event — or cutting events off the end, given the head the case row
// records — is detected by VerifyEventChain.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_EVENT_CHAIN_H_
#define FOI_LIBS_CASEFILE_EVENT_CHAIN_H_

#include <string>
#include <vector>

#include "absl/time/time.h"

namespace foi::casefile {

// The previous_hash of a case's first event.
inline constexpr char kGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct CaseEventRecord {
  std::string case_id;
  int sequence = 0;  // 1, 2, 3, ... within the case
  std::string type;  // CREATED, WITHDRAWN, ...
  std::string actor;
  absl::Time time;  // stored with microsecond precision
  std::string payload_json;
  std::string previous_hash;  // 64 hex
  std::string hash;           // 64 hex
};

// Returns the hex SHA-256 of the event's canonical form (every field but
// `hash`, length-prefixed, the time in Unix microseconds).
std::string ComputeEventHash(const CaseEventRecord& e);

// Fills sequence, previous_hash and hash of `next` so it follows `previous`
// (or starts a chain when `previous` is null), and truncates its time to
// microseconds, as stored.
void ChainEvent(const CaseEventRecord* previous, CaseEventRecord& next);

struct ChainVerification {
  bool intact = true;
  // The first sequence number at which the chain breaks; 0 when intact.
  int first_bad_sequence = 0;
  // What is wrong, for people: "event 3: hash does not match its contents".
  std::string problem;
};

// Checks a case's events, in sequence order, against each other and against
// the head the case row records (`expected_count` events, the last with hash
// `expected_head_hash`).
ChainVerification VerifyEventChain(const std::vector<CaseEventRecord>& events,
                                   int expected_count,
                                   const std::string& expected_head_hash);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_EVENT_CHAIN_H_
