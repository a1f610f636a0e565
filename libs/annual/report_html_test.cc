#include "libs/annual/report_html.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/annual/testing/sample_report.h"

namespace foi::annual {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int CountOf(absl::string_view text, absl::string_view needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != absl::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

class ReportHtmlTest : public ::testing::Test {
 protected:
  ReportHtmlTest() : html_(ToHtml(testing::DistinctCountsReport())) {}
  std::string html_;
};

TEST_F(ReportHtmlTest, IsASelfContainedChineseDocument) {
  EXPECT_TRUE(
      absl::StartsWith(html_, "<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  EXPECT_THAT(html_, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html_, HasSubstr("<title>2024年政府信息公开工作年度报告"));
  EXPECT_THAT(html_, Not(HasSubstr("<script")));
  EXPECT_THAT(html_, Not(HasSubstr("<link")));
  EXPECT_THAT(html_, Not(HasSubstr("src=")));
  EXPECT_TRUE(absl::EndsWith(html_, "</html>\n"));
}

TEST_F(ReportHtmlTest, EscapesTopicLabels) {
  EXPECT_THAT(html_, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                               " &amp; 拆迁"));
  EXPECT_THAT(html_, HasSubstr("&quot;老旧小区&quot;改造"));
}

TEST_F(ReportHtmlTest, MergesHeaderCellsAsTheNationalTableDoes) {
  EXPECT_THAT(html_, HasSubstr(absl::StrCat(
                         "<th rowspan=\"3\" colspan=\"3\">", kIdentityNote,
                         "</th><th colspan=\"7\">申请人情况</th>")));
  EXPECT_THAT(html_, HasSubstr("<th rowspan=\"2\">自然人</th>"
                               "<th colspan=\"5\">法人或其他组织</th>"));
  EXPECT_THAT(html_, HasSubstr("<th rowspan=\"22\">三、本年度办理结果</th>"
                               "<th colspan=\"2\">（一）予以公开</th>"));
  EXPECT_THAT(html_, HasSubstr("<th rowspan=\"8\">（三）不予公开</th>"
                               "<th>1.属于国家秘密</th>"));
  EXPECT_THAT(html_,
              HasSubstr("<th colspan=\"3\">四、结转下年度继续办理</th>"));
  EXPECT_THAT(html_, HasSubstr("<th colspan=\"5\">行政复议</th>"
                               "<th colspan=\"10\">行政诉讼</th>"));
  EXPECT_THAT(html_, HasSubstr("<th colspan=\"5\">未经复议直接起诉</th>"
                               "<th colspan=\"5\">复议后起诉</th>"));
}

TEST_F(ReportHtmlTest, WritesEveryRowWithItsCounts) {
  EXPECT_EQ(CountOf(html_, "<tr data-code="), kApplicationRowCount);
  // Row 三(三)2 is index 5: cells 501-507, with no label cells but its own.
  EXPECT_THAT(html_,
              HasSubstr("<tr data-code=\"三(三)2\"><th>2.其他法律行政法规禁止"
                        "公开</th><td>501</td><td>502</td><td>503</td>"
                        "<td>504</td><td>505</td><td>506</td><td>507</td>"
                        "</tr>"));
  EXPECT_THAT(html_, HasSubstr("<td>1000</td><td>1001</td>"));
  EXPECT_THAT(html_, HasSubstr("<td>1013</td><td>1014</td></tr>"));
}

TEST(ReportHtmlEmptyTest, SaysNoneWithoutTopics) {
  AnnualReport report;
  report.year = 2024;
  EXPECT_THAT(ToHtml(report),
              HasSubstr("<h3>申请集中关注的事项</h3>\n<p>无</p>"));
}

}  // namespace
}  // namespace foi::annual
