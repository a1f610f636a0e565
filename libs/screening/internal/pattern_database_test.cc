#include "libs/screening/internal/pattern_database.h"

#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::screening_internal {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using Match = std::tuple<unsigned, size_t, size_t>;

std::vector<Match> ScanAll(const PatternDatabase& db, absl::string_view text) {
  std::vector<Match> out;
  EXPECT_THAT(
      db.Scan(text, [&](unsigned id, size_t begin,
                        size_t end) { out.emplace_back(id, begin, end); }),
      IsOk());
  return out;
}

TEST(EscapeLiteralTest, MatchesTheLiteralOnly) {
  auto db = PatternDatabase::Compile({{EscapeLiteral("a.b(c)*"), 0, "literal"},
                                      {EscapeLiteral("报价"), 0, ""}});
  ASSERT_THAT(db, IsOk());
  EXPECT_THAT(ScanAll(**db, "aXb(c) a.b(c)* 投标报价"),
              ElementsAre(Match{0, 7, 14}, Match{1, 21, 27}));
}

TEST(PatternDatabaseTest, ReportsStartsOfFixedAndVariableWidthPatterns) {
  auto db = PatternDatabase::Compile({
      {"[0-9]{3}", 0, "fixed"},
      {"x+y", 0, "variable"},
      {"z+w", 0, "no start", /*report_start=*/false},
  });
  ASSERT_THAT(db, IsOk());
  EXPECT_THAT(ScanAll(**db, "123 xxy zzw"),
              ElementsAre(Match{0, 0, 3}, Match{1, 4, 7}, Match{2, 11, 11}));
}

TEST(PatternDatabaseTest, RejectsBadPatternsNamingTheirOrigin) {
  EXPECT_THAT(
      PatternDatabase::Compile({{"a*", 0, "x.rules:3"}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("x.rules:3: ")));
  EXPECT_THAT(
      PatternDatabase::Compile({{"ok", 0, "a"}, {"(", 0, "b.rules:9"}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("b.rules:9: ")));
  EXPECT_THAT(PatternDatabase::Compile({}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(PatternDatabase::Check({"(a)\\1", 0, "c"}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(PatternDatabaseTest, ScansEmptyText) {
  auto db = PatternDatabase::Compile({{"a", 0, ""}});
  ASSERT_THAT(db, IsOk());
  EXPECT_TRUE(ScanAll(**db, "").empty());
}

}  // namespace
}  // namespace foi::screening_internal
