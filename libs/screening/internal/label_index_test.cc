#include "libs/screening/internal/label_index.h"

#include <string>

#include "gtest/gtest.h"

namespace foi::screening_internal {
namespace {

TEST(LabelIndexTest, NearestLabelWins) {
  const std::string a = "流水号见后，卡号：X";
  EXPECT_EQ(LabelIndex::Build(a).Nearest(a, a.find('X'), kCardLabel,
                                         kSerialLabel, 20),
            LabelVerdict::kPositive);
  const std::string b = "卡号见后，流水号：X";
  const LabelIndex labels = LabelIndex::Build(b);
  EXPECT_EQ(labels.Nearest(b, b.find('X'), kCardLabel, kSerialLabel, 20),
            LabelVerdict::kNegative);
  // A label must lie wholly inside the window.
  EXPECT_EQ(labels.Nearest(b, b.find('X'), kCardLabel, kSerialLabel, 2),
            LabelVerdict::kNone);
}

TEST(LabelIndexTest, PositiveWinsATieOfOverlappingLabels) {
  // 身份证编号 ends both with 证编号 (an ID label) and 编号 (a serial label).
  const std::string text = "身份证编号：X";
  EXPECT_EQ(LabelIndex::Build(text).Nearest(text, text.find('X'), kIdLabel,
                                            kSerialLabel, 20),
            LabelVerdict::kPositive);
}

TEST(LabelIndexTest, HeaderFollowsTheColumn) {
  const std::string table =
      "姓名    卡号          流水号\n"
      "张三    X             Y\n";
  const LabelIndex labels = LabelIndex::Build(table);
  EXPECT_EQ(labels.Header(table, table.find('X'), kCardLabel, kSerialLabel),
            LabelVerdict::kPositive);
  EXPECT_EQ(labels.Header(table, table.find('Y'), kCardLabel, kSerialLabel),
            LabelVerdict::kNegative);
  const std::string far =
      "卡号\n"
      "张三                                        X\n";
  EXPECT_EQ(LabelIndex::Build(far).Header(far, far.find('X'), kCardLabel,
                                          kSerialLabel),
            LabelVerdict::kNone);
}

TEST(LabelIndexTest, ConsultsHeadersOnlyForTableCells) {
  const std::string prose =
      "卡号\n请于本周内将上述款项全部转入下列由财务部门统一管理的专用资金X";
  EXPECT_EQ(LabelIndex::Build(prose).For(prose, prose.find('X'), kCardLabel,
                                         kSerialLabel, 20),
            LabelVerdict::kNone);
  const std::string table = "卡号\nX";
  EXPECT_FALSE(InTableCell(table, table.find('X')));
  const std::string cell = "卡号\n  X";
  EXPECT_TRUE(InTableCell(cell, cell.find('X')));
  EXPECT_EQ(LabelIndex::Build(cell).For(cell, cell.find('X'), kCardLabel,
                                        kSerialLabel, 1),
            LabelVerdict::kPositive);
}

TEST(LabelIndexTest, MergesKindsOfAWordListedTwice) {
  for (const LabelWord& w : LabelWords()) {
    if (w.text == "身份证") {
      EXPECT_EQ(w.kinds, kIdLabel | kNotCardLabel);
    }
    if (w.text == "编号") {
      EXPECT_EQ(w.kinds, kSerialLabel | kNotCardLabel | kNotCompatriotLabel);
    }
  }
}

}  // namespace
}  // namespace foi::screening_internal
