#include "libs/casefile/deadline_report.h"

#include "gtest/gtest.h"

namespace foi::casefile {
namespace {

TEST(DeadlineReportTest, MedianOfHistogram) {
  EXPECT_EQ(HistogramMedian({}), 0);
  EXPECT_EQ(HistogramMedian({{5, 1}}), 5);
  EXPECT_EQ(HistogramMedian({{3, 1}, {9, 1}}), 6);
  EXPECT_EQ(HistogramMedian({{1, 2}, {4, 1}, {20, 1}}), 2.5);
  EXPECT_EQ(HistogramMedian({{1, 1}, {4, 3}, {20, 1}}), 4);
}

TEST(DeadlineReportTest, UnitTotalPrecedesOfficersAndAddsThemUp) {
  std::vector<DeadlineCounts> counts = {
      {"ogi-office", "", 2, 1, 0, 0, 0, {}},
      {"ogi-office", "li", 3, 1, 1, 3, 1, {{10, 2}, {25, 2}}},
      {"ogi-office", "wang", 1, 0, 1, 1, 0, {{5, 1}}},
      {"planning", "zhao", 0, 0, 0, 0, 2, {{30, 2}}},
  };
  auto rows = BuildDeadlineReport(counts);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].unit, "ogi-office");
  EXPECT_EQ(rows[0].officer, "");
  EXPECT_EQ(rows[0].open, 6);
  EXPECT_EQ(rows[0].overdue, 2);
  EXPECT_EQ(rows[0].closed_on_time, 4);
  EXPECT_EQ(rows[0].closed_late, 1);
  EXPECT_DOUBLE_EQ(rows[0].on_time_rate, 0.8);
  EXPECT_EQ(rows[0].median_working_days_to_reply, 10);  // 5,10,10,25,25
  EXPECT_EQ(rows[1].officer, "(unassigned)");
  EXPECT_EQ(rows[1].on_time_rate, 0);
  EXPECT_EQ(rows[2].officer, "li");
  EXPECT_DOUBLE_EQ(rows[2].on_time_rate, 0.75);
  EXPECT_EQ(rows[2].median_working_days_to_reply, 17.5);
  EXPECT_EQ(rows[4].unit, "planning");
  EXPECT_EQ(rows[4].officer, "");
  EXPECT_EQ(rows[4].on_time_rate, 0);
  EXPECT_EQ(rows[4].median_working_days_to_reply, 30);
}

}  // namespace
}  // namespace foi::casefile
