// The quality gate: on 10,000 generated applications (paraphrase groups and
// noise, see testing/application_generator.h), clustering at the default
// options must reach pairwise precision >= 0.95 and recall >= 0.90. The
// numbers are printed, with a threshold sweep and other seeds for context
// (these are not asserted: the gate is the default at the fixed seed).
#include <cstdio>
#include <memory>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/textsim/cluster.h"
#include "libs/textsim/testing/application_generator.h"
#include "libs/textsim/testing/pairwise_scores.h"

namespace foi::textsim {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::LabelledApplication;
using ::foi::testing::PairwiseScores;

constexpr int kApplications = 10000;
constexpr uint64_t kSeed = 20240601;

class ClusterQualityTest : public ::testing::Test {
 protected:
  ClusterQualityTest() {
    auto created = Normalizer::Create();
    EXPECT_THAT(created, IsOk());
    if (created.ok()) normalizer_ = *std::move(created);
  }

  PairwiseScores Score(const std::vector<LabelledApplication>& applications,
                       const ClusterOptions& options) {
    std::vector<Document> documents;
    documents.reserve(applications.size());
    for (const LabelledApplication& app : applications) {
      documents.push_back({app.id, app.text});
    }
    auto clusters = Cluster(*normalizer_, documents, options);
    EXPECT_THAT(clusters, IsOk());
    return foi::testing::ScorePairs(
        clusters.ok() ? *clusters : std::vector<std::vector<int64_t>>(),
        applications);
  }

  std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(ClusterQualityTest, MeetsPrecisionAndRecallAtTheDefaultThreshold) {
  const auto applications =
      foi::testing::GenerateApplications(kApplications, kSeed);
  const PairwiseScores scores = Score(applications, ClusterOptions());
  std::printf(
      "textsim quality: %d applications, seed %llu, threshold %.2f: "
      "precision %.4f recall %.4f (%.0f predicted pairs, %.0f true, %.0f "
      "correct)\n",
      kApplications, static_cast<unsigned long long>(kSeed),
      kDefaultClusterThreshold, scores.precision(), scores.recall(),
      scores.predicted_pairs, scores.true_pairs, scores.correct_pairs);
  EXPECT_GE(scores.precision(), 0.95);
  EXPECT_GE(scores.recall(), 0.90);
}

TEST_F(ClusterQualityTest, PrintsTheThresholdSweepAndOtherSeeds) {
  const auto applications =
      foi::testing::GenerateApplications(kApplications, kSeed);
  for (double threshold :
       {0.45, 0.50, 0.53, 0.54, 0.55, 0.57, 0.58, 0.59, 0.60, 0.65, 0.70}) {
    ClusterOptions options;
    options.threshold = threshold;
    const PairwiseScores scores = Score(applications, options);
    std::printf("textsim sweep: threshold %.2f precision %.4f recall %.4f\n",
                threshold, scores.precision(), scores.recall());
  }
  ClusterOptions idf;
  idf.weighting = ShingleWeighting::kIdf;
  for (double threshold : {0.50, 0.55, 0.60}) {
    idf.threshold = threshold;
    const PairwiseScores scores = Score(applications, idf);
    std::printf(
        "textsim sweep (IDF): threshold %.2f precision %.4f recall %.4f\n",
        threshold, scores.precision(), scores.recall());
  }
  for (uint64_t seed : {1, 2, 3}) {
    const PairwiseScores scores =
        Score(foi::testing::GenerateApplications(kApplications, seed), {});
    std::printf("textsim seed %llu: precision %.4f recall %.4f\n",
                static_cast<unsigned long long>(seed), scores.precision(),
                scores.recall());
  }
}

}  // namespace
}  // namespace foi::textsim
