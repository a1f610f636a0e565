#include "libs/textsim/testing/pairwise_scores.h"

#include "absl/container/flat_hash_map.h"

namespace foi::testing {
namespace {

double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

PairwiseScores ScorePairs(
    const std::vector<std::vector<int64_t>>& clusters,
    const std::vector<LabelledApplication>& applications) {
  PairwiseScores scores;
  absl::flat_hash_map<int64_t, int64_t> group_of;
  absl::flat_hash_map<int64_t, double> group_size;
  group_of.reserve(applications.size());
  for (const LabelledApplication& app : applications) {
    group_of[app.id] = app.group;
    if (app.group != kNoiseGroup) group_size[app.group] += 1;
  }
  for (const auto& [group, size] : group_size) scores.true_pairs += Pairs(size);
  for (const std::vector<int64_t>& cluster : clusters) {
    scores.predicted_pairs += Pairs(static_cast<double>(cluster.size()));
    absl::flat_hash_map<int64_t, double> members;
    for (int64_t id : cluster) {
      const auto it = group_of.find(id);
      if (it != group_of.end() && it->second != kNoiseGroup) {
        members[it->second] += 1;
      }
    }
    for (const auto& [group, count] : members) {
      scores.correct_pairs += Pairs(count);
    }
  }
  return scores;
}

}  // namespace foi::testing
