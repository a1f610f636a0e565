#include "libs/textsim/cluster.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/textsim/internal/code_points.h"
#include "libs/textsim/testing/application_generator.h"

namespace foi::textsim {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ClusterTest : public ::testing::Test {
 protected:
  ClusterTest() {
    auto created = Normalizer::Create();
    EXPECT_THAT(created, IsOk());
    if (created.ok()) normalizer_ = *std::move(created);
  }

  std::vector<std::vector<int64_t>> MustCluster(
      const std::vector<Document>& documents,
      const ClusterOptions& options = {}) {
    auto clusters = Cluster(*normalizer_, documents, options);
    EXPECT_THAT(clusters, IsOk());
    return clusters.ok() ? *std::move(clusters)
                         : std::vector<std::vector<int64_t>>();
  }

  std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(ClusterTest, GroupsRewordingsAndLeavesOtherRequestsAlone) {
  const std::vector<Document> documents = {
      {10, "申请公开朝阳区望湖村棚户区改造项目的房屋征收补偿方案"},
      {11, "請提供朝陽區望湖村棚戶區改造項目房屋徵收補償方案，謝謝！"},
      {12, "关于朝阳区望湖村棚改项目房屋征收补偿方案的相关信息"},
      {20, "申请公开海淀区2023年教育局部门预算"},
      {21, "要求公开海淀区二〇二三年度教育局部门预算。"},
      {30, "请提供朝阳区市场监管局对青山建材有限公司的行政处罚决定书"},
  };
  EXPECT_THAT(MustCluster(documents),
              ElementsAre(ElementsAre(10, 11, 12), ElementsAre(20, 21)));
}

TEST_F(ClusterTest, SortsClustersBySizeThenFirstId) {
  const std::vector<Document> documents = {
      {9, "申请公开海淀区2023年教育局部门预算"},
      {3, "申请公开海淀区2023年教育局部门预算。"},
      {8, "请提供望湖村征收补偿方案"},
      {1, "请提供望湖村征收补偿方案。"},
      {5, "环保局对青山垃圾焚烧发电厂的环评批复"},
      {7, "环保局对青山垃圾焚烧发电厂的环评批复！"},
      {6, "请公开环保局对青山垃圾焚烧发电厂的环评批复"},
  };
  EXPECT_THAT(
      MustCluster(documents),
      ElementsAre(ElementsAre(5, 6, 7), ElementsAre(1, 8), ElementsAre(3, 9)));
}

TEST_F(ClusterTest, KeepsRequestsForDifferentYearsApart) {
  const std::vector<Document> documents = {
      {1, "申请公开海淀区教育局2022年部门预算"},
      {2, "申请公开海淀区教育局2023年部门预算"},
  };
  EXPECT_THAT(MustCluster(documents), IsEmpty());
  ClusterOptions options;
  options.years_must_match = false;
  EXPECT_THAT(MustCluster(documents, options), ElementsAre(ElementsAre(1, 2)));
}

TEST_F(ClusterTest, JoinsARequestNamingNoYearWithOneThatDoes) {
  const std::vector<Document> documents = {
      {1, "申请公开望湖村棚户区改造项目房屋征收补偿方案"},
      {2, "申请公开2023年望湖村棚户区改造项目房屋征收补偿方案"},
  };
  EXPECT_THAT(MustCluster(documents), ElementsAre(ElementsAre(1, 2)));
}

// Forty requests in one form about forty companies: as plain Jaccard sees
// them they are near-duplicates (the form is most of each text); with IDF the
// form's bigrams, in every text, weigh nothing, and only the two requests
// about the same company remain similar.
TEST_F(ClusterTest, IdfWeightingSeparatesOneFormFilledInForManyCompanies) {
  // Eighty distinct characters: forty two-character names sharing none.
  const std::u32string chars =
      U"青湖金溪望山石桥鑫源恒泰联诚汇博瑞祥宏兴安华佳利科创凯德碧岭翠峰云海"
      U"松柏梅竹兰菊桃李杏梨枫槐榆杨柳荷莲芦苇蒲棠桂樟楠栗橙柚茶麦稻禾粟豆"
      U"泉潭涧滩洲渚峦岗坡塬冈岩磐";
  ASSERT_GE(chars.size(), 80u);
  std::vector<Document> documents;
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) {
    names.push_back(textsim_internal::EncodeUtf8(chars.substr(2 * i, 2)) +
                    "建材有限公司");
    documents.push_back({i + 1, "申请公开朝阳区市场监管局2023年对" +
                                    names.back() + "作出的行政处罚决定书"});
  }
  documents.push_back({41, "请提供朝阳区市场监管局对" + names[0] +
                               "作出的行政处罚决定书（2023年）"});
  const auto plain = MustCluster(documents);
  ASSERT_FALSE(plain.empty());
  EXPECT_GT(plain[0].size(), 20u);

  ClusterOptions idf;
  idf.weighting = ShingleWeighting::kIdf;
  idf.threshold = 0.5;
  EXPECT_THAT(MustCluster(documents, idf), ElementsAre(ElementsAre(1, 41)));
}

TEST_F(ClusterTest, NeverClustersEmptyDocuments) {
  const std::vector<Document> documents = {
      {1, ""}, {2, "申请公开。"}, {3, "！！！"}, {4, "谢谢"}};
  auto result = ClusterWithStats(*normalizer_, documents, {});
  ASSERT_THAT(result, IsOk());
  EXPECT_THAT(result->clusters, IsEmpty());
  EXPECT_EQ(result->stats.empty_documents, 4u);
}

TEST_F(ClusterTest, ReturnsNothingForNoDocuments) {
  EXPECT_THAT(MustCluster({}), IsEmpty());
}

TEST_F(ClusterTest, JoinsIdenticalTextsEvenInBucketsTooLargeToCompare) {
  std::vector<Document> documents;
  for (int i = 0; i < 3000; ++i) {
    documents.push_back({i, i % 2 == 0 ? "申请公开望湖村征收补偿方案"
                                       : "請提供望湖村徵收補償方案。"});
  }
  ClusterOptions options;
  options.max_bucket = 2;
  auto result = ClusterWithStats(*normalizer_, documents, options);
  ASSERT_THAT(result, IsOk());
  ASSERT_EQ(result->clusters.size(), 1u);
  EXPECT_EQ(result->clusters[0].size(), 3000u);
  EXPECT_EQ(result->stats.exact_duplicates, 2999u);
}

TEST_F(ClusterTest, DoesNotDependOnTheNumberOfThreads) {
  std::vector<Document> documents;
  for (auto& app : foi::testing::GenerateApplications(3000, 11)) {
    documents.push_back({app.id, std::move(app.text)});
  }
  ClusterOptions one, three;
  one.num_threads = 1;
  three.num_threads = 3;
  const auto a = MustCluster(documents, one);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, MustCluster(documents, three));
}

TEST_F(ClusterTest, RejectsDuplicateIds) {
  const std::vector<Document> documents = {{1, "甲"}, {2, "乙"}, {1, "丙"}};
  EXPECT_THAT(Cluster(*normalizer_, documents, {}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(ClusterTest, RejectsOptionsOutOfRange) {
  const std::vector<Document> documents = {{1, "甲乙"}};
  const auto bad = [&](auto mutate) {
    ClusterOptions options;
    mutate(options);
    return Cluster(*normalizer_, documents, options).status();
  };
  EXPECT_THAT(bad([](ClusterOptions& o) { o.threshold = 0; }),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(bad([](ClusterOptions& o) { o.threshold = 1.5; }),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(bad([](ClusterOptions& o) { o.max_bucket = 1; }),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(bad([](ClusterOptions& o) { o.num_threads = -1; }),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(bad([](ClusterOptions& o) { o.minhash.bands = 7; }),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(RecommendedClusterOptionsTest, KeepsDefaultsBelowTheIdfBatchSize) {
  const ClusterOptions options = RecommendedClusterOptions(kIdfBatchSize - 1);
  EXPECT_EQ(options.weighting, ShingleWeighting::kUniform);
  EXPECT_DOUBLE_EQ(options.threshold, kDefaultClusterThreshold);
}

TEST(RecommendedClusterOptionsTest, SwitchesToIdfAtTheBatchSize) {
  const ClusterOptions options = RecommendedClusterOptions(kIdfBatchSize);
  EXPECT_EQ(options.weighting, ShingleWeighting::kIdf);
  EXPECT_DOUBLE_EQ(options.threshold, 0.60);
}

}  // namespace
}  // namespace foi::textsim
