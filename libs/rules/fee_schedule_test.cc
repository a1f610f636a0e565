#include "libs/rules/fee_schedule.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace {

using ::foi::rules::CountRateYuan;
using ::foi::rules::FeeLine;
using ::foi::rules::FeeMeasuresArticle;
using ::foi::rules::FeeMethod;
using ::foi::rules::FeeMethodName;
using ::foi::rules::FeeQuote;
using ::foi::rules::kMaxFeeUnits;
using ::foi::rules::QuoteByCount;
using ::foi::rules::QuoteByPages;
using ::foi::rules::QuoteMonthByCount;
using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

FeeLine Line(const std::string& band, int64_t units, int64_t rate) {
  return FeeLine{band, units, rate, units * rate};
}

// Totals worked by hand from fee measures Art. 4: 1-10 free, 11-30 at 100,
// 31-40 at 200, 41-50 at 300, 51-60 at 400.
struct CountCase {
  int n;
  int64_t rate_of_nth;
  int64_t month_total;
};

constexpr CountCase kCountCases[] = {
    {1, 0, 0},       {10, 0, 0},       {11, 100, 100},   {30, 100, 2000},
    {31, 200, 2200}, {40, 200, 4000},  {41, 300, 4300},  {50, 300, 7000},
    {51, 400, 7400}, {60, 400, 11000}, {61, 500, 11500},
};

TEST(FeeScheduleTest, CountRatesAndMonthTotalsAtEveryBandBoundary) {
  for (const CountCase& c : kCountCases) {
    SCOPED_TRACE(c.n);
    EXPECT_EQ(CountRateYuan(c.n), c.rate_of_nth);

    absl::StatusOr<FeeQuote> one = QuoteByCount(c.n);
    ASSERT_THAT(one, IsOk());
    EXPECT_EQ(one->method, FeeMethod::kByCount);
    EXPECT_EQ(one->quantity, c.n);
    EXPECT_EQ(one->total_yuan, c.rate_of_nth);
    ASSERT_EQ(one->lines.size(), 1u);
    EXPECT_EQ(one->lines[0].units, 1);

    absl::StatusOr<FeeQuote> month = QuoteMonthByCount(c.n);
    ASSERT_THAT(month, IsOk());
    EXPECT_EQ(month->total_yuan, c.month_total);
    EXPECT_EQ(month->quantity, c.n);
  }
}

TEST(FeeScheduleTest, PerApplicationQuoteChargesTheRateOfItsPositionOnly) {
  // The 35th application pays the 200 of band 31-40, not the 3,000 the
  // month has accrued by then.
  absl::StatusOr<FeeQuote> q = QuoteByCount(35);
  ASSERT_THAT(q, IsOk());
  EXPECT_THAT(q->lines, ElementsAre(Line("第35件", 1, 200)));
  EXPECT_EQ(q->total_yuan, 200);
  EXPECT_EQ(q->working,
            "本件为同一申请人本自然月内第35件申请，属于第31—40件档：1件×200元="
            "200元；合计200元。");
}

TEST(FeeScheduleTest, FreePositionQuoteSaysNoCharge) {
  absl::StatusOr<FeeQuote> q = QuoteByCount(10);
  ASSERT_THAT(q, IsOk());
  EXPECT_EQ(q->total_yuan, 0);
  EXPECT_EQ(q->working,
            "本件为同一申请人本自然月内第10件申请，属于第1—10件档：1件，"
            "不收费；合计0元。");
}

TEST(FeeScheduleTest, MonthQuoteListsEachBandReached) {
  absl::StatusOr<FeeQuote> q = QuoteMonthByCount(41);
  ASSERT_THAT(q, IsOk());
  EXPECT_THAT(q->lines,
              ElementsAre(Line("第1—10件", 10, 0), Line("第11—30件", 20, 100),
                          Line("第31—40件", 10, 200), Line("第41件", 1, 300)));
  EXPECT_EQ(q->working,
            "第1—10件：10件，不收费；第11—30件：20件×100元=2000元；"
            "第31—40件：10件×200元=2000元；第41件：1件×300元=300元；"
            "合计4300元。");
}

TEST(FeeScheduleTest, MonthWorkingForThirtyMatchesTheMeasuresExample) {
  absl::StatusOr<FeeQuote> q = QuoteMonthByCount(30);
  ASSERT_THAT(q, IsOk());
  EXPECT_EQ(q->working,
            "第1—10件：10件，不收费；第11—30件：20件×100元=2000元；"
            "合计2000元。");
}

TEST(FeeScheduleTest, MonthTotalIsTheSumOfEachApplicationsQuote) {
  int64_t running = 0;
  for (int n = 1; n <= 250; ++n) {
    absl::StatusOr<FeeQuote> one = QuoteByCount(n);
    absl::StatusOr<FeeQuote> month = QuoteMonthByCount(n);
    ASSERT_THAT(one, IsOk());
    ASSERT_THAT(month, IsOk());
    running += one->total_yuan;
    EXPECT_EQ(month->total_yuan, running) << n;
  }
}

// Totals worked by hand from fee measures Art. 5: 1-30 free, 31-100 at 10,
// 101-200 at 20, 201 and up at 40.
struct PageCase {
  int pages;
  int64_t total;
};

constexpr PageCase kPageCases[] = {
    {1, 0},     {30, 0},     {31, 10},    {100, 700},
    {101, 720}, {200, 2700}, {201, 2740}, {250, 4700},
};

TEST(FeeScheduleTest, PageTotalsAtEveryBandBoundary) {
  for (const PageCase& c : kPageCases) {
    SCOPED_TRACE(c.pages);
    absl::StatusOr<FeeQuote> q = QuoteByPages(c.pages);
    ASSERT_THAT(q, IsOk());
    EXPECT_EQ(q->method, FeeMethod::kByPages);
    EXPECT_EQ(q->quantity, c.pages);
    EXPECT_EQ(q->total_yuan, c.total);
    int64_t units = 0;
    int64_t sum = 0;
    for (const FeeLine& line : q->lines) {
      units += line.units;
      sum += line.amount_yuan;
      EXPECT_EQ(line.amount_yuan, line.units * line.rate_yuan);
    }
    EXPECT_EQ(units, c.pages);
    EXPECT_EQ(sum, c.total);
  }
}

TEST(FeeScheduleTest, PageWorkingShowsEveryBand) {
  absl::StatusOr<FeeQuote> q = QuoteByPages(201);
  ASSERT_THAT(q, IsOk());
  EXPECT_THAT(
      q->lines,
      ElementsAre(Line("第1—30页", 30, 0), Line("第31—100页", 70, 10),
                  Line("第101—200页", 100, 20), Line("第201页", 1, 40)));
  EXPECT_EQ(q->working,
            "第1—30页：30页，不收费；第31—100页：70页×10元=700元；"
            "第101—200页：100页×20元=2000元；第201页：1页×40元=40元；"
            "合计2740元。");
}

TEST(FeeScheduleTest, FreePageQuoteHasOnlyTheFreeBand) {
  absl::StatusOr<FeeQuote> q = QuoteByPages(30);
  ASSERT_THAT(q, IsOk());
  EXPECT_THAT(q->lines, ElementsAre(Line("第1—30页", 30, 0)));
  EXPECT_EQ(q->working, "第1—30页：30页，不收费；合计0元。");
}

TEST(FeeScheduleTest, RejectsCountsBelowOneOrAbsurdNamingTheField) {
  for (int bad : {0, -1, kMaxFeeUnits + 1}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(QuoteByCount(bad), StatusIs(absl::StatusCode::kInvalidArgument,
                                            HasSubstr("position_in_month")));
    EXPECT_THAT(QuoteMonthByCount(bad),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr("applications_in_month")));
    EXPECT_THAT(QuoteByPages(bad), StatusIs(absl::StatusCode::kInvalidArgument,
                                            HasSubstr("pages")));
  }
}

TEST(FeeScheduleTest, AcceptsTheLargestCountWithoutOverflow) {
  absl::StatusOr<FeeQuote> month = QuoteMonthByCount(kMaxFeeUnits);
  ASSERT_THAT(month, IsOk());
  int64_t sum = 0;
  for (const FeeLine& line : month->lines) sum += line.amount_yuan;
  EXPECT_EQ(month->total_yuan, sum);
  EXPECT_GT(month->total_yuan, 0);
  absl::StatusOr<FeeQuote> pages = QuoteByPages(kMaxFeeUnits);
  ASSERT_THAT(pages, IsOk());
  EXPECT_EQ(pages->total_yuan, 2700 + int64_t{40} * (kMaxFeeUnits - 200));
}

TEST(FeeScheduleTest, NamesMethodsAndTheirArticles) {
  EXPECT_EQ(FeeMethodName(FeeMethod::kByCount), "BY_COUNT");
  EXPECT_EQ(FeeMethodName(FeeMethod::kByPages), "BY_PAGES");
  EXPECT_EQ(FeeMeasuresArticle(FeeMethod::kByCount), "第四条");
  EXPECT_EQ(FeeMeasuresArticle(FeeMethod::kByPages), "第五条");
}

}  // namespace
