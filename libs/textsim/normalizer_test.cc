#include "libs/textsim/normalizer.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::textsim {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

class NormalizerTest : public ::testing::Test {
 protected:
  NormalizerTest() {
    auto created = Normalizer::Create();
    EXPECT_THAT(created, IsOk());
    if (created.ok()) normalizer_ = *std::move(created);
  }

  std::string Normalize(const std::string& text) const {
    return normalizer_->Normalize(text);
  }

  std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(NormalizerTest, TurnsFullWidthIntoHalfWidth) {
  EXPECT_EQ(Normalize("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(Normalize("ＺＢ２０２３－１５６"), "zb2023156");
}

TEST_F(NormalizerTest, DropsIdeographicAndAsciiSpaces) {
  EXPECT_EQ(Normalize("征收　补偿 方案"), "征收补偿方案");
}

TEST_F(NormalizerTest, TurnsTraditionalIntoSimplified) {
  EXPECT_EQ(Normalize("徵收補償"), "征收补偿");
  // A phrase rule of ICU's transliterator, not a character mapping: 畫 alone
  // is 画.
  EXPECT_EQ(Normalize("道路計畫"), "道路计划");
  EXPECT_EQ(Normalize("畫"), "画");
}

TEST_F(NormalizerTest, FoldsCase) {
  EXPECT_EQ(Normalize("PM2.5 Monitoring"), "pm25monitoring");
}

TEST_F(NormalizerTest, DropsPunctuationAndSymbols) {
  EXPECT_EQ(Normalize("征收，补偿！（方案）《文件》“三公”…"),
            "征收补偿方案文件三公");
}

TEST_F(NormalizerTest, StripsRequestBoilerplate) {
  struct Case {
    std::string input;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"申请公开关于朝阳区2023年部门预算的相关信息。", "朝阳区2023年部门预算"},
      {"本人申请公开XX项目环评报告", "xx项目环评报告"},
      {"请提供望湖村征收补偿方案相关文件，谢谢！", "望湖村征收补偿方案"},
      {"您好，我想了解一下学区划分等信息", "学区划分"},
      {"根据《中华人民共和国政府信息公开条例》规定，要求公开招标文件",
       "招标文件"},
      {"依据《政府信息公开条例》，申请获取处罚决定书，用于诉讼", "处罚决定书"},
      {"现申请获取道路规划（电子版即可）", "道路规划"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Normalize(c.input), c.want) << c.input;
  }
}

TEST_F(NormalizerTest, StripsBoilerplateWrittenInTraditionalOrFullWidth) {
  EXPECT_EQ(Normalize("申請公開關於財政預算的相關信息"), "财政预算");
}

TEST_F(NormalizerTest, WritesChineseNumeralYearsAsDigits) {
  EXPECT_EQ(Normalize("二〇二三年预算"), "2023年预算");
  EXPECT_EQ(Normalize("二○二三年预算"), "2023年预算");  // U+25CB
  EXPECT_EQ(Normalize("二零二三年预算"), "2023年预算");
  EXPECT_EQ(Normalize("二〇二三年度预算"), "2023年预算");
  EXPECT_EQ(Normalize("２０２３年度预算"), "2023年预算");
}

TEST_F(NormalizerTest, LeavesOtherNumeralRunsAlone) {
  EXPECT_EQ(Normalize("一二三"), "一二三");
  EXPECT_EQ(Normalize("二〇二三"), "二〇二三");  // no 年: not a year
  EXPECT_EQ(Normalize("年度报告"), "年度报告");
}

TEST_F(NormalizerTest, WritesNamesInTheirShortForm) {
  EXPECT_EQ(Normalize("卫生健康委员会"), Normalize("卫健委"));
  EXPECT_EQ(Normalize("环境影响评价报告书"), "环评报告书");
  EXPECT_EQ(Normalize("棚户区改造项目"), "棚改项目");
  EXPECT_EQ(Normalize("生态环境局"), Normalize("环保局"));
}

TEST_F(NormalizerTest, ReturnsEmptyForEmptyInput) {
  EXPECT_EQ(Normalize(""), "");
}

TEST_F(NormalizerTest, ReturnsEmptyForBoilerplateOnly) {
  EXPECT_EQ(Normalize("申请公开。谢谢！"), "");
  EXPECT_EQ(Normalize("，。！？"), "");
}

TEST_F(NormalizerTest, DropsIllFormedUtf8Bytes) {
  EXPECT_EQ(Normalize("征收\xff\xfe补偿"), "征收补偿");
  EXPECT_EQ(Normalize("征收\xe8"), "征收");  // truncated sequence
  EXPECT_EQ(Normalize("\xc0\xaf"
                      "abc"),
            "abc");                            // overlong '/'
  EXPECT_EQ(Normalize("\xed\xa0\x80x"), "x");  // surrogate
  EXPECT_EQ(Normalize("\xff"), "");
}

TEST_F(NormalizerTest, GivesTheSameResultsFromManyThreads) {
  const std::vector<std::string> inputs = {
      "申請公開徵收補償方案", "ＡＢＣ１２３", "二〇二三年度部门预算",
      "卫生健康委员会核发的执业许可证"};
  std::vector<std::string> want;
  for (const std::string& in : inputs) want.push_back(Normalize(in));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 500; ++round) {
        for (size_t i = 0; i < inputs.size(); ++i) {
          if (normalizer_->Normalize(inputs[i]) != want[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(mismatches, ::testing::Each(0));
}

TEST(NormalizerCreateTest, AppliesCustomBoilerplate) {
  NormalizerOptions options;
  options.boilerplate = {"烦请告知"};
  auto normalizer = Normalizer::Create(options);
  ASSERT_THAT(normalizer, IsOk());
  EXPECT_EQ((*normalizer)->Normalize("烦請告知预算"), "预算");
  // The default list no longer applies.
  EXPECT_EQ((*normalizer)->Normalize("申请公开预算"), "申请公开预算");
}

TEST(NormalizerCreateTest, RejectsBoilerplateThatNormalizesToNothing) {
  NormalizerOptions options;
  options.boilerplate = {"。！"};
  EXPECT_THAT(Normalizer::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(NormalizerCreateTest, RejectsBoilerplateThatIsNotUtf8) {
  NormalizerOptions options;
  options.boilerplate = {"申请\xff"};
  EXPECT_THAT(Normalizer::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(NormalizerCreateTest, RejectsEmptyAbbreviation) {
  NormalizerOptions options;
  options.abbreviations = {{"卫生健康委员会", "（）"}};
  EXPECT_THAT(Normalizer::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace foi::textsim
