#include "libs/annual/report_layout.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace foi::annual {
namespace {

// Codes and most-specific labels of table 三 as printed in the 2021 national
// format (shared/reference/cn-ogi-rules.md §7), copied by hand.
const std::vector<std::pair<std::string, std::string>>& NationalRows() {
  static const auto* rows = new std::vector<
      std::pair<std::string, std::string>>{
      {"一", "一、本年新收政府信息公开申请数量"},
      {"二", "二、上年结转政府信息公开申请数量"},
      {"三(一)", "（一）予以公开"},
      {"三(二)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
      {"三(三)1", "1.属于国家秘密"},
      {"三(三)2", "2.其他法律行政法规禁止公开"},
      {"三(三)3", "3.危及“三安全一稳定”"},
      {"三(三)4", "4.保护第三方合法权益"},
      {"三(三)5", "5.属于三类内部事务信息"},
      {"三(三)6", "6.属于四类过程性信息"},
      {"三(三)7", "7.属于行政执法案卷"},
      {"三(三)8", "8.属于行政查询事项"},
      {"三(四)1", "1.本机关不掌握相关政府信息"},
      {"三(四)2", "2.没有现成信息需要另行制作"},
      {"三(四)3", "3.补正后申请内容仍不明确"},
      {"三(五)1", "1.信访举报投诉类申请"},
      {"三(五)2", "2.重复申请"},
      {"三(五)3", "3.要求提供公开出版物"},
      {"三(五)4", "4.无正当理由大量反复申请"},
      {"三(五)5", "5.要求行政机关确认或重新出具已获取信息"},
      {"三(六)1",
       "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
      {"三(六)2",
       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开"
       "申请"},
      {"三(六)3", "3.其他"},
      {"三(七)", "（七）总计"},
      {"四", "四、结转下年度继续办理"},
  };
  return *rows;
}

TEST(ReportLayoutTest, RowsMatchTheNationalTableInOrder) {
  const std::vector<RowInfo>& rows = ApplicationRows();
  ASSERT_EQ(rows.size(), NationalRows().size());
  ASSERT_EQ(rows.size(), static_cast<size_t>(kApplicationRowCount));
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(rows[i].row), i);
    EXPECT_EQ(rows[i].code, NationalRows()[i].first);
    EXPECT_EQ(rows[i].label(), NationalRows()[i].second) << rows[i].code;
  }
}

TEST(ReportLayoutTest, MergedLabelCellsSpanAsInTheNationalTable) {
  using P = std::pair<std::string, int>;
  std::vector<P> sections;
  std::vector<P> groups;
  for (const RowInfo& row : ApplicationRows()) {
    if (row.section_span > 0) sections.emplace_back(row.code, row.section_span);
    if (row.group_span > 0) groups.emplace_back(row.code, row.group_span);
  }
  // 三、本年度办理结果 spans 22 rows in the 2021 format.
  EXPECT_THAT(sections, ::testing::ElementsAre(P("一", 1), P("二", 1),
                                               P("三(一)", 22), P("四", 1)));
  EXPECT_THAT(groups, ::testing::ElementsAre(P("三(一)", 1), P("三(二)", 1),
                                             P("三(三)1", 8), P("三(四)1", 3),
                                             P("三(五)1", 5), P("三(六)1", 3),
                                             P("三(七)", 1)));
}

TEST(ReportLayoutTest, ColumnsFollowApplicantTypes) {
  using T = casefile::ApplicantType;
  const auto& columns = ApplicantColumns();
  std::vector<std::string> labels;
  for (const ColumnInfo& col : columns) labels.emplace_back(col.label);
  EXPECT_THAT(labels, ::testing::ElementsAre("自然人", "商业企业", "科研机构",
                                             "社会公益组织", "法律服务机构",
                                             "其他", "总计"));
  EXPECT_EQ(ColumnFor(T::kNaturalPerson), ApplicantColumn::kNaturalPerson);
  EXPECT_EQ(ColumnFor(T::kCommercialEnterprise),
            ApplicantColumn::kCommercialEnterprise);
  EXPECT_EQ(ColumnFor(T::kResearchInstitution),
            ApplicantColumn::kResearchInstitution);
  EXPECT_EQ(ColumnFor(T::kPublicInterestOrganization),
            ApplicantColumn::kPublicInterestOrganization);
  EXPECT_EQ(ColumnFor(T::kLegalServiceOrganization),
            ApplicantColumn::kLegalServiceOrganization);
  EXPECT_EQ(ColumnFor(T::kOtherOrganization),
            ApplicantColumn::kOtherOrganization);
  EXPECT_EQ(columns[1].code, "COMMERCIAL_ENTERPRISE");
  EXPECT_EQ(columns[6].code, "TOTAL");
}

}  // namespace
}  // namespace foi::annual
