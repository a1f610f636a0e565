#include "libs/textsim/similarity_index.h"

#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/textsim/normalizer.h"
#include "libs/textsim/shingles.h"

namespace foi::textsim {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::FieldsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class SimilarityIndexTest : public ::testing::Test {
 protected:
  SimilarityIndexTest() {
    auto normalizer = Normalizer::Create();
    EXPECT_THAT(normalizer, IsOk());
    if (normalizer.ok()) normalizer_ = *std::move(normalizer);
    auto index = SimilarityIndex::Create();
    EXPECT_THAT(index, IsOk());
    if (index.ok()) index_ = *std::move(index);
  }

  std::vector<uint64_t> ShinglesOf(const std::string& text) const {
    return Shingles(normalizer_->Normalize(text));
  }

  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<SimilarityIndex> index_;
};

TEST_F(SimilarityIndexTest, FindsARewordingWithItsScore) {
  const std::string earlier =
      "申请公开朝阳区望湖村棚户区改造项目房屋征收补偿方案";
  ASSERT_THAT(index_->Add(7, ShinglesOf(earlier)), IsOk());
  ASSERT_THAT(index_->Add(8, ShinglesOf("海淀区2023年教育局部门预算")), IsOk());
  const std::vector<uint64_t> query =
      ShinglesOf("請提供朝陽區望湖村棚改項目的房屋徵收補償方案，謝謝");
  const double want = Jaccard(ShinglesOf(earlier), query);
  EXPECT_GT(want, 0.6);
  EXPECT_THAT(index_->Query(query, 0.5, 10),
              ElementsAre(FieldsAre(7, DoubleNear(want, 0.02))));
}

TEST_F(SimilarityIndexTest, DoesNotFindAnUnrelatedRequest) {
  ASSERT_THAT(
      index_->Add(7, ShinglesOf("朝阳区望湖村棚户区改造项目房屋征收补偿方案")),
      IsOk());
  EXPECT_THAT(
      index_->Query(
          ShinglesOf("海淀区市场监管局对青山建材有限公司的行政处罚决定书"), 0.3,
          10),
      IsEmpty());
}

TEST_F(SimilarityIndexTest, OrdersByScoreThenIdAndHonoursTheLimit) {
  const std::string text = "朝阳区望湖村棚户区改造项目房屋征收补偿方案";
  ASSERT_THAT(index_->Add(3, ShinglesOf(text)), IsOk());
  ASSERT_THAT(index_->Add(1, ShinglesOf(text)), IsOk());
  ASSERT_THAT(index_->Add(2, ShinglesOf(text + "及补偿标准")), IsOk());
  const auto all = index_->Query(ShinglesOf(text), 0.5, 10);
  ASSERT_THAT(all, SizeIs(3));
  EXPECT_THAT(all[0], FieldsAre(1, Eq(1.0)));
  EXPECT_THAT(all[1], FieldsAre(3, Eq(1.0)));
  EXPECT_EQ(all[2].first, 2);
  EXPECT_LT(all[2].second, 1.0);
  EXPECT_THAT(index_->Query(ShinglesOf(text), 0.5, 1),
              ElementsAre(FieldsAre(1, Eq(1.0))));
  EXPECT_THAT(index_->Query(ShinglesOf(text), 0.5, 0), IsEmpty());
}

TEST_F(SimilarityIndexTest, BoundsTheVerifiedLookAlikesNewestFirst) {
  for (int i = 0; i < 50; ++i) {
    ASSERT_THAT(
        index_->Add(i, ShinglesOf("请公开2025年本区老旧小区改造项目（第" +
                                  std::to_string(i) + "批）的资金使用明细")),
        IsOk());
  }
  const std::vector<uint64_t> query =
      ShinglesOf("请公开2025年本区老旧小区改造项目（第99批）的资金使用明细");
  const auto all = index_->Query(query, 0.5, 100);
  EXPECT_THAT(all, SizeIs(50));
  const auto bounded = index_->Query(query, 0.5, 100, 10);
  ASSERT_THAT(bounded, SizeIs(10));
  // Each one found is scored as without the bound; the newest dominate.
  int recent = 0;
  for (const auto& hit : bounded) {
    EXPECT_THAT(all, ::testing::Contains(hit));
    if (hit.first >= 25) ++recent;
  }
  EXPECT_GE(recent, 8);
}

TEST_F(SimilarityIndexTest, RejectsAnIdAddedBefore) {
  ASSERT_THAT(index_->Add(7, ShinglesOf("征收补偿方案")), IsOk());
  EXPECT_THAT(index_->Add(7, ShinglesOf("部门预算")),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_EQ(index_->size(), 1u);
}

TEST_F(SimilarityIndexTest, NeverMatchesEmptyShingleSets) {
  ASSERT_THAT(index_->Add(1, {}), IsOk());
  ASSERT_THAT(index_->Add(2, ShinglesOf("征收补偿方案")), IsOk());
  EXPECT_THAT(index_->Query({}, 0.0, 10), IsEmpty());
  EXPECT_THAT(index_->Query(ShinglesOf("征收补偿方案"), 0.0, 10),
              ElementsAre(FieldsAre(2, Eq(1.0))));
}

TEST_F(SimilarityIndexTest, AnswersQueriesWhileApplicationsAreAdded) {
  const std::string text = "朝阳区望湖村棚户区改造项目房屋征收补偿方案";
  ASSERT_THAT(index_->Add(0, ShinglesOf(text)), IsOk());
  const std::vector<uint64_t> query = ShinglesOf(text);
  std::thread writer([&] {
    for (int i = 1; i <= 500; ++i) {
      EXPECT_THAT(index_->Add(i, ShinglesOf(text + std::to_string(i))), IsOk());
    }
  });
  int found = 0;
  for (int i = 0; i < 200; ++i) {
    found += !index_->Query(query, 0.99, 1).empty();
  }
  writer.join();
  EXPECT_EQ(found, 200);
  EXPECT_EQ(index_->size(), 501u);
}

TEST(SimilarityIndexCreateTest, RejectsBadParams) {
  EXPECT_THAT(SimilarityIndex::Create({64, 5, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace foi::textsim
