#include "libs/annual/report_json.h"

#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/annual/testing/sample_report.h"

namespace foi::annual {
namespace {

using ::testing::HasSubstr;

class ReportJsonTest : public ::testing::Test {
 protected:
  ReportJsonTest() : json_(ToJson(testing::DistinctCountsReport())) {}
  std::string json_;
};

TEST_F(ReportJsonTest, StartsWithTheYear) {
  EXPECT_TRUE(absl::StartsWith(json_, "{\"year\":2024,")) << json_;
}

TEST_F(ReportJsonTest, ContainsEveryRowCode) {
  for (const char* code :
       {"一",      "二",      "三(一)",  "三(二)",  "三(三)1",
        "三(三)2", "三(三)3", "三(三)4", "三(三)5", "三(三)6",
        "三(三)7", "三(三)8", "三(四)1", "三(四)2", "三(四)3",
        "三(五)1", "三(五)2", "三(五)3", "三(五)4", "三(五)5",
        "三(六)1", "三(六)2", "三(六)3", "三(七)",  "四"}) {
    EXPECT_THAT(json_, HasSubstr(std::string("{\"code\":\"") + code + "\","))
        << code;
  }
}

TEST_F(ReportJsonTest, WritesRowsWithLabelsAndCountsByColumn) {
  // Row index 7 is 三(三)4: cells 701-707.
  EXPECT_THAT(
      json_,
      HasSubstr(
          "{\"code\":\"三(三)4\",\"section\":\"三、本年度办理结果\","
          "\"group\":\"（三）不予公开\",\"item\":\"4.保护第三方合法权益\","
          "\"label\":\"4.保护第三方合法权益\",\"counts\":{"
          "\"NATURAL_PERSON\":701,\"COMMERCIAL_ENTERPRISE\":702,"
          "\"RESEARCH_INSTITUTION\":703,"
          "\"PUBLIC_INTEREST_ORGANIZATION\":704,"
          "\"LEGAL_SERVICE_ORGANIZATION\":705,"
          "\"OTHER_ORGANIZATION\":706,\"TOTAL\":707}}"));
  EXPECT_THAT(json_, HasSubstr("{\"code\":\"TOTAL\",\"label\":\"总计\","
                               "\"group\":\"\"}"));
  EXPECT_THAT(json_, HasSubstr("{\"code\":\"OTHER_ORGANIZATION\",\"label\":"
                               "\"其他\",\"group\":\"法人或其他组织\"}"));
}

TEST_F(ReportJsonTest, WritesAppealsByKindAndResult) {
  EXPECT_THAT(json_, HasSubstr("\"litigation_direct\":{\"label\":"
                               "\"未经复议直接起诉\",\"upheld\":1005,"
                               "\"corrected\":1006,\"other\":1007,"
                               "\"pending\":1008,\"total\":1009}"));
}

TEST_F(ReportJsonTest, EscapesTopicLabels) {
  EXPECT_THAT(json_, HasSubstr("{\"label\":\"\\\"老旧小区\\\"改造\","
                               "\"count\":7}"));
  EXPECT_THAT(json_, HasSubstr("\"第一行\\r\\n第二行\""));
  EXPECT_TRUE(absl::EndsWith(json_, "]}"));
}

}  // namespace
}  // namespace foi::annual
