#include "services/analytics/topics.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/common/text.h"

namespace foi::analytics {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// The same request for the old-residential-area renovation funds, worded by
// four applicants: boilerplate, word order, traditional script, full-width
// digits. The first is the plain core all the others contain.
const char* const kRenovation[] = {
    "东湖区2024年老旧小区改造资金安排",
    "请提供2024年东湖区老旧小区改造资金安排的相关信息",
    "申请公开东湖区2024年老旧小区改造资金安排",
    "關於2024年東湖區老舊小區改造資金安排",
    "东湖区２０２４年老旧小区改造资金安排，谢谢",
};
// The same request for a compensation plan, three ways.
const char* const kCompensation[] = {
    "请公开西城区2024年棚户区改造项目房屋征收补偿方案",
    "申请公开西城区2024年棚改项目房屋征收补偿方案",
    "关于西城区2024年棚户区改造项目房屋征收补偿方案的相关信息",
};
// Requests nobody else made.
const char* const kUnrelated[] = {
    "2023年西湖区第一中学学区划分方案",
    "东湖区环境保护局2022年行政处罚决定书",
    "市交通委关于5路公交线路调整的会议纪要",
};

store::ApplicationRow App(std::string case_id, std::string applicant,
                          std::string description) {
  store::ApplicationRow a;
  a.case_id = std::move(case_id);
  a.applicant_key = std::move(applicant);
  a.description = std::move(description);
  a.receipt_date = absl::CivilDay(2024, 5, 6);
  return a;
}

class TopicsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto normalizer = textsim::Normalizer::Create();
    ASSERT_THAT(normalizer, IsOk());
    normalizer_ = std::move(normalizer).value().release();
  }
  static void TearDownTestSuite() {
    delete normalizer_;
    normalizer_ = nullptr;
  }

  // `texts[i]` as case `<prefix><i>` of applicant `<prefix>-applicant-<i>`.
  template <size_t N>
  static void Add(const char* const (&texts)[N], const std::string& prefix,
                  std::vector<store::ApplicationRow>& apps, size_t n = N) {
    for (size_t i = 0; i < n; ++i) {
      apps.push_back(App(absl::StrCat(prefix, i),
                         absl::StrCat(prefix, "-applicant-", i), texts[i]));
    }
  }

  static absl::StatusOr<std::vector<annual::Topic>> Find(
      const std::vector<store::ApplicationRow>& apps,
      const TopicOptions& options = {}) {
    return FindTopics(*normalizer_, apps, options);
  }

  static textsim::Normalizer* normalizer_;
};

textsim::Normalizer* TopicsTest::normalizer_ = nullptr;

TEST_F(TopicsTest, GroupsParaphrasesIntoOneTopicCountingApplications) {
  std::vector<store::ApplicationRow> apps;
  Add(kRenovation, "r", apps);
  Add(kUnrelated, "u", apps);
  auto topics = Find(apps);
  ASSERT_THAT(topics, IsOk());
  ASSERT_EQ(topics->size(), 1u);
  EXPECT_EQ((*topics)[0].count, 5);
  EXPECT_THAT((*topics)[0].label, HasSubstr("老旧小区改造资金安排"));
}

TEST_F(TopicsTest, CountsApplicationsNotApplicants) {
  std::vector<store::ApplicationRow> apps;
  Add(kRenovation, "r", apps);
  apps[1].applicant_key = apps[0].applicant_key;  // one applies twice
  auto topics = Find(apps);
  ASSERT_THAT(topics, IsOk());
  ASSERT_EQ(topics->size(), 1u);
  EXPECT_EQ((*topics)[0].count, 5);
}

TEST_F(TopicsTest, OrdersTopicsByCountMostFirst) {
  std::vector<store::ApplicationRow> apps;
  Add(kCompensation, "a", apps);  // 3, and the smaller case ids
  Add(kRenovation, "b", apps);    // 5
  auto topics = Find(apps);
  ASSERT_THAT(topics, IsOk());
  EXPECT_THAT(*topics, ElementsAre(Field(&annual::Topic::count, 5),
                                   Field(&annual::Topic::count, 3)));
  EXPECT_THAT((*topics)[0].label, HasSubstr("老旧小区"));
  EXPECT_THAT((*topics)[1].label, HasSubstr("征收补偿方案"));
}

TEST_F(TopicsTest, BreaksTiesByTheEarliestCase) {
  std::vector<store::ApplicationRow> apps;
  Add(kRenovation, "b", apps, 3);
  Add(kCompensation, "a", apps, 3);
  for (int pass = 0; pass < 2; ++pass) {
    auto topics = Find(apps);
    ASSERT_THAT(topics, IsOk());
    ASSERT_EQ(topics->size(), 2u);
    EXPECT_THAT((*topics)[0].label, HasSubstr("征收补偿方案"));  // case a0
    EXPECT_THAT((*topics)[1].label, HasSubstr("老旧小区"));
    std::reverse(apps.begin(), apps.end());
  }
}

TEST_F(TopicsTest, IgnoresSingletons) {
  std::vector<store::ApplicationRow> apps;
  Add(kUnrelated, "u", apps);
  auto topics = Find(apps);
  ASSERT_THAT(topics, IsOk());
  EXPECT_THAT(*topics, IsEmpty());
  EXPECT_THAT(Find({}), IsOk());
}

TEST_F(TopicsTest, IgnoresOneApplicantRepeatingARequest) {
  std::vector<store::ApplicationRow> apps;
  Add(kRenovation, "r", apps, 3);
  for (store::ApplicationRow& a : apps) a.applicant_key = "same person";
  auto topics = Find(apps);
  ASSERT_THAT(topics, IsOk());
  EXPECT_THAT(*topics, IsEmpty());
  // Unless the caller asks for every cluster.
  TopicOptions options;
  options.min_applicants = 1;
  topics = Find(apps, options);
  ASSERT_THAT(topics, IsOk());
  ASSERT_EQ(topics->size(), 1u);
  EXPECT_EQ((*topics)[0].count, 3);
}

TEST_F(TopicsTest, ReturnsAtMostMaxTopics) {
  std::vector<store::ApplicationRow> apps;
  Add(kRenovation, "r", apps);
  Add(kCompensation, "c", apps);
  TopicOptions options;
  options.max_topics = 1;
  auto topics = Find(apps, options);
  ASSERT_THAT(topics, IsOk());
  EXPECT_THAT(*topics, ElementsAre(Field(&annual::Topic::count, 5)));
  options.max_topics = 0;
  topics = Find(apps, options);
  ASSERT_THAT(topics, IsOk());
  EXPECT_THAT(*topics, IsEmpty());
}

TEST_F(TopicsTest, LabelIsTheMostTypicalDescriptionWhateverTheOrder) {
  std::vector<store::ApplicationRow> apps;
  Add(kRenovation, "r", apps);
  std::vector<std::string> labels;
  for (int pass = 0; pass < 3; ++pass) {
    auto topics = Find(apps);
    ASSERT_THAT(topics, IsOk());
    ASSERT_EQ(topics->size(), 1u);
    labels.push_back((*topics)[0].label);
    std::rotate(apps.begin(), apps.begin() + 2, apps.end());
  }
  // Every member contains the core; it is the shortest such wording, and the
  // traditional-script one shares least.
  EXPECT_THAT(labels,
              ElementsAre(kRenovation[0], kRenovation[0], kRenovation[0]));
}

TEST_F(TopicsTest, LabelLeavesOutRequestBoilerplate) {
  const char* const kAudit[] = {
      "根据《中华人民共和国政府信息公开条例》规定，申请公开2021年南山区医保"
      "基金专项检查结果，请以电子邮件方式提供。",
      "根据《中华人民共和国政府信息公开条例》，申请公开南山区2021年医保基金"
      "专项检查结果的相关信息，请以电子邮件方式提供。",
      "2021年南山区医保基金专项检查结果",
      "申请公开2021年南山区医保基金专项检查结果，谢谢",
  };
  std::vector<store::ApplicationRow> apps;
  Add(kAudit, "m", apps);
  auto topics = Find(apps);
  ASSERT_THAT(topics, IsOk());
  ASSERT_EQ(topics->size(), 1u);
  EXPECT_EQ((*topics)[0].count, 4);
  EXPECT_EQ((*topics)[0].label, "2021年南山区医保基金专项检查结果");
}

TEST_F(TopicsTest, LabelIsOneLineOfAtMost200Characters) {
  std::string padding;
  for (int i = 0; i < 30; ++i) {
    absl::StrAppend(&padding, "第", i, "号楼外墙保温层及屋面防水工程");
  }
  std::vector<store::ApplicationRow> apps;
  for (int i = 0; i < 3; ++i) {
    apps.push_back(
        App(absl::StrCat("c", i), absl::StrCat("p", i),
            absl::StrCat("东湖区2024年老旧小区改造\n\t资金安排：", padding)));
  }
  auto topics = Find(apps);
  ASSERT_THAT(topics, IsOk());
  ASSERT_EQ(topics->size(), 1u);
  const std::string& label = (*topics)[0].label;
  EXPECT_THAT(label, Not(HasSubstr("\n")));
  EXPECT_THAT(label, HasSubstr("东湖区2024年老旧小区改造 资金安排"));
  EXPECT_EQ(Utf8Length(label), 200u);
  EXPECT_THAT(label, EndsWith("…"));
  EXPECT_THAT(ValidateText("label", label, {200, true}), IsOk());
}

TEST_F(TopicsTest, RejectsBadOptions) {
  TopicOptions options;
  options.max_topics = -1;
  EXPECT_THAT(Find({}, options), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("max_topics")));
  options = {};
  options.min_applicants = 0;
  EXPECT_THAT(Find({}, options), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("min_applicants")));
}

TEST(RedactPersonalIdentifiersTest, BlanksIdentifiersButKeepsWords) {
  auto screener = screening::Screener::Create({});
  ASSERT_THAT(screener, IsOk());
  std::vector<annual::Topic> topics = {
      {"本人身份证号11010519491231002X，手机13900000000，申请公开征收补偿方案",
       3},
      {"东湖区2024年老旧小区改造资金安排", 2},
  };
  ASSERT_THAT(RedactPersonalIdentifiers(**screener, &topics), IsOk());
  EXPECT_THAT(topics[0].label, Not(HasSubstr("11010519491231002X")));
  EXPECT_THAT(topics[0].label, Not(HasSubstr("13900000000")));
  EXPECT_THAT(topics[0].label, HasSubstr("■■■■■■■■■■■■■■■■■■"));
  EXPECT_THAT(topics[0].label, HasSubstr("申请公开征收补偿方案"));
  EXPECT_EQ(Utf8Length(topics[0].label),
            Utf8Length("本人身份证号11010519491231002X，手机13900000000，"
                       "申请公开征收补偿方案"));
  EXPECT_EQ(topics[1].label, "东湖区2024年老旧小区改造资金安排");
  EXPECT_EQ(topics[0].count, 3);
}

}  // namespace
}  // namespace foi::analytics
