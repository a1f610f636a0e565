#include "libs/annual/report_csv.h"

#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/annual/testing/sample_report.h"

namespace foi::annual {
namespace {

using Record = std::vector<std::string>;

// A minimal RFC 4180 reader: quoted fields with doubled quotes and embedded
// line breaks; records end in CRLF. Fails the test on malformed input.
std::vector<Record> ParseCsv(absl::string_view text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field.push_back(c);
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "quote inside an unquoted field at " << i;
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n')
          << "bare CR at " << i;
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF at " << i;
      field.push_back(c);
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(field.empty() && record.empty()) << "last record lacks CRLF";
  return records;
}

int ToInt(const std::string& s) {
  int v = -1;
  EXPECT_TRUE(absl::SimpleAtoi(s, &v)) << "not a number: " << s;
  return v;
}

// Index of the record equal to {title}.
size_t FindTitle(const std::vector<Record>& records, absl::string_view title) {
  for (size_t i = 0; i < records.size(); ++i) {
    if (records[i].size() == 1 && records[i][0] == title) return i;
  }
  ADD_FAILURE() << "no title " << title;
  return records.size();
}

class ReportCsvTest : public ::testing::Test {
 protected:
  ReportCsvTest()
      : report_(testing::DistinctCountsReport()),
        records_(ParseCsv(ToCsv(report_))) {}
  AnnualReport report_;
  std::vector<Record> records_;
};

TEST_F(ReportCsvTest, StartsWithTheYear) {
  ASSERT_FALSE(records_.empty());
  EXPECT_EQ(records_[0], (Record{"年度", "2024"}));
}

TEST_F(ReportCsvTest, ApplicationTableParsesBackToTheSameNumbers) {
  const size_t title = FindTitle(records_, kApplicationsTitle);
  ASSERT_LT(title + 3 + kApplicationRowCount, records_.size());
  for (int r = 0; r < kApplicationRowCount; ++r) {
    const Record& record = records_[title + 4 + r];
    ASSERT_EQ(record.size(), 11u);
    EXPECT_EQ(record[0], ApplicationRows()[r].code);
    for (int c = 0; c < kApplicantColumnCount; ++c) {
      EXPECT_EQ(ToInt(record[4 + c]), report_.applications.cells[r][c])
          << record[0] << " column " << c;
    }
  }
}

TEST_F(ReportCsvTest, ApplicationHeaderRowsFollowTheNationalTable) {
  const size_t title = FindTitle(records_, kApplicationsTitle);
  ASSERT_LT(title + 3, records_.size());
  EXPECT_EQ(records_[title + 1],
            (Record{"代码", std::string(kIdentityNote), "", "", "申请人情况",
                    "", "", "", "", "", ""}));
  EXPECT_EQ(records_[title + 2],
            (Record{"", "", "", "", "自然人", "法人或其他组织", "", "", "", "",
                    "总计"}));
  EXPECT_EQ(records_[title + 3],
            (Record{"", "", "", "", "", "商业企业", "科研机构", "社会公益组织",
                    "法律服务机构", "其他", ""}));
  // A merged label is written once, in its first row.
  EXPECT_EQ(records_[title + 4 + 2][1], "三、本年度办理结果");
  EXPECT_EQ(records_[title + 4 + 4][2], "（三）不予公开");
  EXPECT_EQ(records_[title + 4 + 5][1], "");
  EXPECT_EQ(records_[title + 4 + 5][2], "");
  EXPECT_EQ(records_[title + 4 + 5][3], "2.其他法律行政法规禁止公开");
}

TEST_F(ReportCsvTest, AppealTableParsesBackToTheSameNumbers) {
  const size_t title = FindTitle(records_, kAppealsTitle);
  ASSERT_LT(title + 4, records_.size());
  EXPECT_EQ(records_[title + 1][0], "行政复议");
  EXPECT_EQ(records_[title + 1][5], "行政诉讼");
  EXPECT_EQ(records_[title + 2][4], "总计");
  EXPECT_EQ(records_[title + 2][5], "未经复议直接起诉");
  EXPECT_EQ(records_[title + 2][10], "复议后起诉");
  EXPECT_EQ(records_[title + 3][14], "总计");
  const Record& counts = records_[title + 4];
  ASSERT_EQ(counts.size(), 15u);
  for (int i = 0; i < 15; ++i) EXPECT_EQ(ToInt(counts[i]), 1000 + i) << i;
}

TEST_F(ReportCsvTest, QuotesTopicLabelsAndReadsThemBack) {
  const size_t title = FindTitle(records_, kTopicsTitle);
  ASSERT_EQ(records_.size(), title + 2 + report_.topics.size());
  EXPECT_EQ(records_[title + 1], (Record{"事项", "申请数量"}));
  for (size_t i = 0; i < report_.topics.size(); ++i) {
    EXPECT_EQ(records_[title + 2 + i],
              (Record{report_.topics[i].label,
                      std::to_string(report_.topics[i].count)}));
  }
}

TEST(ReportCsvQuotingTest, QuotesOnlyWhatRfc4180Requires) {
  AnnualReport report;
  report.year = 2024;
  report.topics = {{"a,b", 1}, {"say \"hi\"", 2}, {"plain 文本", 3}};
  const std::string csv = ToCsv(report);
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n\"a,b\",1\r\n"));
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\n\"say \"\"hi\"\"\",2\r\n"));
  EXPECT_THAT(csv, ::testing::HasSubstr("\r\nplain 文本,3\r\n"));
}

}  // namespace
}  // namespace foi::annual
