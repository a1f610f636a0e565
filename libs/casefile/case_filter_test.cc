#include "libs/casefile/case_filter.h"

#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::casefile {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

TEST(CaseFilterTest, EmptyFilterMatchesEverything) {
  auto f = ParseCaseFilter("  ");
  ASSERT_THAT(f, IsOk());
  EXPECT_FALSE(f->state || f->unit || f->channel || f->receipt_from ||
               f->receipt_to);
}

TEST(CaseFilterTest, ParsesAConjunction) {
  auto f = ParseCaseFilter(
      "state = RECEIVED AND unit = \"ogi-office\" AND channel=POST AND "
      "receipt_date >= 2026-01-01 AND receipt_date < 2026-02-01");
  ASSERT_THAT(f, IsOk());
  EXPECT_EQ(f->state, CaseState::kReceived);
  EXPECT_EQ(f->unit, "ogi-office");
  EXPECT_EQ(f->channel, Channel::kPost);
  EXPECT_EQ(f->receipt_from, absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(f->receipt_to, absl::CivilDay(2026, 1, 31));
}

TEST(CaseFilterTest, RejectsUnknownFieldsValuesAndOperators) {
  for (const char* bad :
       {"colour = red", "state = OPEN", "receipt_date >= 2026-02-30",
        "state > RECEIVED", "state", "channel = PIGEON"}) {
    EXPECT_THAT(
        ParseCaseFilter(bad),
        StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("filter:")))
        << bad;
  }
}

TEST(CaseFilterTest, CanonicalFormIgnoresSpelling) {
  auto a = ParseCaseFilter("state=RECEIVED AND unit=x");
  auto b = ParseCaseFilter("unit = \"x\" AND state = RECEIVED");
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  EXPECT_EQ(CanonicalCaseFilter(*a), CanonicalCaseFilter(*b));
  auto c = ParseCaseFilter("unit=y");
  EXPECT_NE(CanonicalCaseFilter(*a), CanonicalCaseFilter(*c));
}

}  // namespace
}  // namespace foi::casefile
