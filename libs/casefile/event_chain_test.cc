#include "libs/casefile/event_chain.h"

#include <vector>

#include "gtest/gtest.h"

namespace foi::casefile {
namespace {

std::vector<CaseEventRecord> MakeChain(int n) {
  std::vector<CaseEventRecord> events;
  for (int i = 0; i < n; ++i) {
    CaseEventRecord e;
    e.case_id = "c1";
    e.type = i == 0 ? "CREATED" : "NOTE";
    e.actor = "tokens/t1";
    e.time = absl::FromUnixMicros(1'790'000'000'000'000 + i);
    e.payload_json = "{\"n\":" + std::to_string(i) + "}";
    ChainEvent(events.empty() ? nullptr : &events.back(), e);
    events.push_back(e);
  }
  return events;
}

TEST(EventChainTest, FreshChainVerifies) {
  auto events = MakeChain(5);
  EXPECT_EQ(events[0].previous_hash, kGenesisHash);
  EXPECT_EQ(events[4].sequence, 5);
  auto v = VerifyEventChain(events, 5, events.back().hash);
  EXPECT_TRUE(v.intact) << v.problem;
}

TEST(EventChainTest, DetectsAnEditedPayload) {
  auto events = MakeChain(5);
  events[2].payload_json = "{\"n\":99}";
  auto v = VerifyEventChain(events, 5, events.back().hash);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_sequence, 3);
}

TEST(EventChainTest, DetectsAnEditedEventWhoseHashWasRecomputed) {
  auto events = MakeChain(5);
  events[1].actor = "tokens/intruder";
  events[1].hash = ComputeEventHash(events[1]);
  auto v = VerifyEventChain(events, 5, events.back().hash);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_sequence, 3);  // event 3 no longer follows event 2
}

TEST(EventChainTest, DetectsADeletedMiddleEvent) {
  auto events = MakeChain(5);
  events.erase(events.begin() + 1);
  auto v = VerifyEventChain(events, 5, events.back().hash);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_sequence, 2);
}

TEST(EventChainTest, DetectsADeletedLastEventThroughTheRecordedHead) {
  auto events = MakeChain(5);
  const std::string head = events.back().hash;
  events.pop_back();
  auto v = VerifyEventChain(events, 5, head);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_sequence, 5);
}

TEST(EventChainTest, HashCoversEveryField) {
  const CaseEventRecord base = MakeChain(1)[0];
  const std::string h = ComputeEventHash(base);
  auto changed = base;
  changed.case_id = "c2";
  EXPECT_NE(ComputeEventHash(changed), h);
  changed = base;
  changed.type = "WITHDRAWN";
  EXPECT_NE(ComputeEventHash(changed), h);
  changed = base;
  changed.time += absl::Microseconds(1);
  EXPECT_NE(ComputeEventHash(changed), h);
}

}  // namespace
}  // namespace foi::casefile
