#include "services/analytics_job/hint_finder.h"

#include <string>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::analytics_job {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

// Case ids sort by creation time, as real ones do.
store::ApplicationRow App(const std::string& id, const std::string& text) {
  store::ApplicationRow a;
  a.case_id = id;
  a.description = text;
  return a;
}

class HintFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto finder = HintFinder::Create();
    ASSERT_TRUE(finder.ok()) << finder.status();
    finder_ = *std::move(finder);
  }

  store::CaseHints Compare(const std::string& id, const std::string& text) {
    absl::StatusOr<store::CaseHints> hints =
        finder_->CompareAndAdd(App(id, text));
    EXPECT_TRUE(hints.ok()) << hints.status();
    return hints.ok() ? *hints : store::CaseHints{};
  }

  std::unique_ptr<HintFinder> finder_;
};

constexpr char kBudget[] = "申请公开海淀区2023年度城市道路维修资金的使用情况";
constexpr char kBudgetReworded[] =
    "请提供关于海淀区2023年城市道路维修资金使用情况的相关信息";
constexpr char kSchools[] = "申请公开朝阳区2024年小学学区划分方案";

TEST_F(HintFinderTest, LinksARewordedRequestToTheEarlierCase) {
  Compare("a1", kBudget);
  Compare("a2", kSchools);
  const store::CaseHints hints = Compare("a3", kBudgetReworded);
  EXPECT_EQ(hints.case_id, "a3");
  ASSERT_THAT(hints.similar_cases,
              ElementsAre(Field(&store::SimilarCaseHint::case_id, "a1")));
  EXPECT_GE(hints.similar_cases[0].similarity, 0.57);
  EXPECT_LE(hints.similar_cases[0].similarity, 1.0);
  EXPECT_THAT(hints.catalogue, IsEmpty());
}

TEST_F(HintFinderTest, UnrelatedRequestGetsNoHints) {
  Compare("a1", kBudget);
  const store::CaseHints hints = Compare("a2", kSchools);
  EXPECT_THAT(hints.similar_cases, IsEmpty());
}

TEST_F(HintFinderTest, NeverLinksToALaterCase) {
  // Indexed at start-up before the earlier case is compared.
  ASSERT_THAT(finder_->Add("b9", kBudgetReworded), IsOk());
  const store::CaseHints hints = Compare("b1", kBudget);
  EXPECT_THAT(hints.similar_cases, IsEmpty());
  const store::CaseHints later = Compare("c1", kBudget);
  EXPECT_THAT(later.similar_cases,
              ElementsAre(Field(&store::SimilarCaseHint::case_id, "b1"),
                          Field(&store::SimilarCaseHint::case_id, "b9")));
}

TEST_F(HintFinderTest, RequestForAnotherYearIsNotTheSameInformation) {
  Compare("a1", kBudget);
  const store::CaseHints hints =
      Compare("a2", "申请公开海淀区2022年度城市道路维修资金的使用情况");
  EXPECT_THAT(hints.similar_cases, IsEmpty());
}

TEST_F(HintFinderTest, PointsToTheCatalogueEntryMadeFromASimilarCase) {
  Compare("a1", kBudget);
  Compare("a2", kSchools);
  finder_->SetCatalogue({{"d1", {"a1"}}, {"d2", {"a2"}}});
  const store::CaseHints hints = Compare("a3", kBudgetReworded);
  ASSERT_EQ(hints.catalogue.size(), 1u);
  EXPECT_EQ(hints.catalogue[0].disclosure_id, "d1");
  EXPECT_EQ(hints.catalogue[0].via_case_id, "a1");
  EXPECT_DOUBLE_EQ(hints.catalogue[0].similarity,
                   hints.similar_cases[0].similarity);
}

TEST_F(HintFinderTest, NamesACatalogueEntryOnceThoughSeveralMembersMatch) {
  Compare("a1", kBudget);
  Compare("a2", "关于海淀区2023年度城市道路维修资金的使用情况");
  finder_->SetCatalogue({{"d1", {"a1", "a2"}}});
  const store::CaseHints hints = Compare("a3", kBudgetReworded);
  EXPECT_EQ(hints.similar_cases.size(), 2u);
  EXPECT_THAT(hints.catalogue,
              ElementsAre(Field(&store::CatalogueHint::disclosure_id, "d1")));
}

TEST_F(HintFinderTest, KeepsAtMostMaxSimilarCasesMostSimilarFirst) {
  HintOptions options;
  options.max_similar_cases = 2;
  auto finder = HintFinder::Create(options);
  ASSERT_THAT(finder.status(), IsOk());
  ASSERT_THAT((*finder)->CompareAndAdd(App("a1", kBudgetReworded)).status(),
              IsOk());
  ASSERT_THAT((*finder)->CompareAndAdd(App("a2", kBudget)).status(), IsOk());
  ASSERT_THAT((*finder)->CompareAndAdd(App("a3", kBudget)).status(), IsOk());
  absl::StatusOr<store::CaseHints> hints =
      (*finder)->CompareAndAdd(App("a4", kBudget));
  ASSERT_THAT(hints.status(), IsOk());
  // a2 and a3 are identical to it; a1 only reworded.
  EXPECT_THAT(hints->similar_cases,
              ElementsAre(Field(&store::SimilarCaseHint::case_id, "a2"),
                          Field(&store::SimilarCaseHint::case_id, "a3")));
  EXPECT_DOUBLE_EQ(hints->similar_cases[0].similarity, 1.0);
}

TEST_F(HintFinderTest, ComparesAnIndexedApplicationWithoutItself) {
  // Indexed while the index was built, never compared.
  ASSERT_THAT(finder_->Add("a1", kBudget), IsOk());
  ASSERT_THAT(finder_->Add("a2", kBudgetReworded), IsOk());
  const store::CaseHints hints = finder_->Compare(App("a2", kBudgetReworded));
  EXPECT_EQ(hints.case_id, "a2");
  EXPECT_THAT(hints.similar_cases,
              ElementsAre(Field(&store::SimilarCaseHint::case_id, "a1")));
  EXPECT_EQ(finder_->size(), 2u);
}

TEST_F(HintFinderTest, IndexesACampaignOfIdenticalRequestsOnce) {
  for (int i = 0; i < 3000; ++i) {
    ASSERT_THAT(
        finder_->CompareAndAdd(App(absl::StrFormat("c%05d", i), kBudget))
            .status(),
        IsOk());
  }
  Compare("d1", kBudgetReworded);
  EXPECT_EQ(finder_->size(), 3001u);
  EXPECT_EQ(finder_->distinct_texts(), 2u);
  // The earliest copies, all identical to a new one.
  const store::CaseHints hints = Compare("c99999", kBudget);
  ASSERT_EQ(hints.similar_cases.size(), 5u);
  EXPECT_EQ(hints.similar_cases[0].case_id, "c00000");
  EXPECT_EQ(hints.similar_cases[4].case_id, "c00004");
  EXPECT_DOUBLE_EQ(hints.similar_cases[4].similarity, 1.0);
}

TEST_F(HintFinderTest, RefusesAnApplicationTwice) {
  Compare("a1", kBudget);
  EXPECT_THAT(finder_->CompareAndAdd(App("a1", kBudget)).status(),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(finder_->Add("a1", kBudget),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_TRUE(finder_->Contains("a1"));
  EXPECT_FALSE(finder_->Contains("a2"));
  EXPECT_EQ(finder_->size(), 1u);
}

TEST(HintFinderCreateTest, RejectsOptionsOutOfRange) {
  HintOptions bad_threshold;
  bad_threshold.threshold = 0;
  EXPECT_THAT(HintFinder::Create(bad_threshold).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  HintOptions bad_similar;
  bad_similar.max_similar_cases = 0;
  EXPECT_THAT(HintFinder::Create(bad_similar).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  HintOptions bad_catalogue;
  bad_catalogue.max_catalogue = 0;
  EXPECT_THAT(HintFinder::Create(bad_catalogue).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace foi::analytics_job
