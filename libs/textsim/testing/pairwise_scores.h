// Pairwise precision and recall of a clustering against the generator's
// labels: a pair of applications is predicted if both are in one cluster,
// and true if both belong to one paraphrase group (noise belongs to none, so
// any pair with noise is false).
//
// Thread safety: pure function.
#ifndef FOI_LIBS_TEXTSIM_TESTING_PAIRWISE_SCORES_H_
#define FOI_LIBS_TEXTSIM_TESTING_PAIRWISE_SCORES_H_

#include <cstdint>
#include <vector>

#include "libs/textsim/testing/application_generator.h"

namespace foi::testing {

struct PairwiseScores {
  double predicted_pairs = 0;
  double true_pairs = 0;
  double correct_pairs = 0;  // predicted and true
  // 1 when nothing is predicted: no claim, no false claim.
  double precision() const {
    return predicted_pairs == 0 ? 1.0 : correct_pairs / predicted_pairs;
  }
  double recall() const {
    return true_pairs == 0 ? 1.0 : correct_pairs / true_pairs;
  }
};

// Scores `clusters` (application ids) against the groups of `applications`.
// Ids not among the applications count as noise.
PairwiseScores ScorePairs(const std::vector<std::vector<int64_t>>& clusters,
                          const std::vector<LabelledApplication>& applications);

}  // namespace foi::testing

#endif  // FOI_LIBS_TEXTSIM_TESTING_PAIRWISE_SCORES_H_
