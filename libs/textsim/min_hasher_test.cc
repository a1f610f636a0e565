#include "libs/textsim/min_hasher.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/textsim/internal/hashing.h"
#include "libs/textsim/shingles.h"

namespace foi::textsim {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

MinHasher MustCreate(const MinHashParams& params = {}) {
  auto hasher = MinHasher::Create(params);
  EXPECT_THAT(hasher, IsOk());
  return *std::move(hasher);
}

// Two random shingle sets of about 60 elements sharing a given fraction, as
// realistic requests' bigram sets are sized.
struct RandomPair {
  std::vector<uint64_t> a, b;
};
RandomPair MakePair(uint64_t& rng, double overlap) {
  RandomPair p;
  const int common = static_cast<int>(60 * overlap);
  std::set<uint64_t> a, b;
  for (int i = 0; i < common; ++i) {
    const uint64_t x = textsim_internal::SplitMix64(rng);
    a.insert(x);
    b.insert(x);
  }
  while (a.size() < 60) a.insert(textsim_internal::SplitMix64(rng));
  while (b.size() < 60) b.insert(textsim_internal::SplitMix64(rng));
  p.a.assign(a.begin(), a.end());
  p.b.assign(b.begin(), b.end());
  return p;
}

double Estimate(const std::vector<uint64_t>& x,
                const std::vector<uint64_t>& y) {
  int agree = 0;
  for (size_t i = 0; i < x.size(); ++i) agree += x[i] == y[i];
  return static_cast<double>(agree) / static_cast<double>(x.size());
}

TEST(MinHasherTest, CreateRejectsBadParams) {
  EXPECT_THAT(MinHasher::Create({0, 1, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MinHasher::Create({kMaxMinHashes + 1, 1, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MinHasher::Create({64, 0, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MinHasher::Create({64, 12, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MinHasher::Create({64, 16, 1}), IsOk());
}

TEST(MinHasherTest, SignatureHasNumHashesValues) {
  const MinHasher hasher = MustCreate({32, 8, 1});
  EXPECT_THAT(hasher.Signature(Shingles("征收补偿方案")), SizeIs(32));
  EXPECT_EQ(hasher.rows_per_band(), 4);
}

TEST(MinHasherTest, IdenticalSetsHaveIdenticalSignaturesAndBandKeys) {
  const MinHasher hasher = MustCreate();
  const std::vector<uint64_t> a = hasher.Signature(Shingles("朝阳区征收补偿"));
  const std::vector<uint64_t> b = hasher.Signature(Shingles("朝阳区征收补偿"));
  EXPECT_EQ(a, b);
  EXPECT_EQ(hasher.BandKeys(a), hasher.BandKeys(b));
  EXPECT_THAT(hasher.BandKeys(a), SizeIs(16));
}

TEST(MinHasherTest, SignatureIgnoresOrderAndDuplicates) {
  const MinHasher hasher = MustCreate();
  const std::vector<uint64_t> sorted = {1, 5, 9};
  const std::vector<uint64_t> shuffled = {9, 1, 5, 5};
  EXPECT_EQ(hasher.Signature(sorted), hasher.Signature(shuffled));
}

TEST(MinHasherTest, BandKeysAreMixedWithTheBandIndex) {
  // All rows equal: only the band index can tell the bands apart.
  const MinHasher hasher = MustCreate();
  const std::vector<uint64_t> flat(64, 42);
  const std::vector<uint64_t> keys = hasher.BandKeys(flat);
  EXPECT_EQ(std::set<uint64_t>(keys.begin(), keys.end()).size(), 16u);
}

TEST(MinHasherTest, BandKeysOfWrongLengthAreEmpty) {
  const MinHasher hasher = MustCreate();
  EXPECT_THAT(hasher.BandKeys(std::vector<uint64_t>(63, 1)), IsEmpty());
}

TEST(MinHasherTest, EmptySetHasAllMaxSignature) {
  const MinHasher hasher = MustCreate();
  EXPECT_THAT(hasher.Signature({}), Each(std::numeric_limits<uint64_t>::max()));
}

// The standard error of a 64-hash estimate is sqrt(J(1-J)/64), up to 0.0625
// at J = 0.5, so single pairs miss by more than 0.1 now and then: with the
// default 64 hashes most pairs must be within 0.1 and the mean error small;
// with 512 hashes (error <= 0.022) every pair must be within 0.1.
TEST(MinHasherTest, EstimateTracksExactJaccard) {
  const MinHasher small = MustCreate();
  const MinHasher large = MustCreate({512, 64, 7});
  uint64_t rng = 2024;
  int within_small = 0, within_large = 0;
  double error_sum = 0;
  constexpr int kPairs = 200;
  for (int i = 0; i < kPairs; ++i) {
    const RandomPair p = MakePair(rng, (i % 11) / 10.0);
    const double exact = Jaccard(p.a, p.b);
    const double e64 = Estimate(small.Signature(p.a), small.Signature(p.b));
    const double e512 = Estimate(large.Signature(p.a), large.Signature(p.b));
    error_sum += std::abs(e64 - exact);
    within_small += std::abs(e64 - exact) <= 0.1;
    within_large += std::abs(e512 - exact) <= 0.1;
  }
  EXPECT_LE(error_sum / kPairs, 0.06);
  EXPECT_GE(within_small, kPairs * 85 / 100);
  EXPECT_EQ(within_large, kPairs);
}

// Signatures and band keys are stored: pin them for the default params.
TEST(MinHasherTest, SignatureAndBandKeysAreStable) {
  const MinHasher hasher = MustCreate();
  const std::vector<uint64_t> signature =
      hasher.Signature(Shingles("征收补偿方案"));
  EXPECT_EQ(signature[0], 4776245788943230972u);
  EXPECT_EQ(signature[63], 10653891318926562788u);
  EXPECT_EQ(hasher.BandKeys(signature)[0], 7419845401939958711u);
}

}  // namespace
}  // namespace foi::textsim
