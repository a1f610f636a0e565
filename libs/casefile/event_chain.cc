#include "libs/casefile/event_chain.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "libs/common/sha256.h"

namespace foi::casefile {
namespace {

void AppendField(std::string& out, absl::string_view field) {
  // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
  absl::StrAppend(&out, field.size(), ":", field, ";");
}

absl::Time TruncateToMicros(absl::Time t) {
  return absl::FromUnixMicros(absl::ToUnixMicros(t));
}

}  // namespace

std::string ComputeEventHash(const CaseEventRecord& e) {
  std::string canonical = "foi-event-v1;";
  AppendField(canonical, e.case_id);
  AppendField(canonical, absl::StrCat(e.sequence));
  AppendField(canonical, e.type);
  AppendField(canonical, e.actor);
  AppendField(canonical, absl::StrCat(absl::ToUnixMicros(e.time)));
  AppendField(canonical, e.payload_json);
  AppendField(canonical, e.previous_hash);
  return Sha256Hex(canonical);
}

void ChainEvent(const CaseEventRecord* previous, CaseEventRecord& next) {
  next.sequence = previous == nullptr ? 1 : previous->sequence + 1;
  next.previous_hash = previous == nullptr ? kGenesisHash : previous->hash;
  next.time = TruncateToMicros(next.time);
  next.hash = ComputeEventHash(next);
}

ChainVerification VerifyEventChain(const std::vector<CaseEventRecord>& events,
                                   int expected_count,
                                   const std::string& expected_head_hash) {
  auto broken = [](int seq, std::string why) {
    return ChainVerification{false, seq,
                             absl::StrCat("event ", seq, ": ", why)};
  };
  std::string previous_hash = kGenesisHash;
  for (size_t i = 0; i < events.size(); ++i) {
    const CaseEventRecord& e = events[i];
    const int want = static_cast<int>(i) + 1;
    if (e.sequence != want) {
      return broken(
          want, absl::StrCat("missing (found ", e.sequence, " in its place)"));
    }
    if (e.previous_hash != previous_hash) {
      return broken(want, "does not follow the event before it");
    }
    if (ComputeEventHash(e) != e.hash) {
      return broken(want, "hash does not match its contents");
    }
    previous_hash = e.hash;
  }
  if (static_cast<int>(events.size()) != expected_count) {
    return broken(static_cast<int>(events.size()) + 1,
                  absl::StrCat("missing: the case records ", expected_count,
                               " events, ", events.size(), " are stored"));
  }
  if (!events.empty() && previous_hash != expected_head_hash) {
    return broken(static_cast<int>(events.size()),
                  "is not the head the case records");
  }
  return ChainVerification{};
}

}  // namespace foi::casefile
