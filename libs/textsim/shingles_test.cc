#include "libs/textsim/shingles.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace foi::textsim {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

TEST(ShinglesTest, IdenticalTextsHaveJaccardOne) {
  const std::vector<uint64_t> a = Shingles("朝阳区望湖村征收补偿方案");
  EXPECT_DOUBLE_EQ(Jaccard(a, Shingles("朝阳区望湖村征收补偿方案")), 1.0);
}

TEST(ShinglesTest, ReturnsSortedUniqueBigrams) {
  // 5 code points, 4 bigrams, 2 of them equal ("ab").
  const std::vector<uint64_t> s = Shingles("ababc");
  EXPECT_THAT(s, SizeIs(3));
  EXPECT_TRUE(std::is_sorted(s.begin(), s.end()));
  EXPECT_EQ(std::adjacent_find(s.begin(), s.end()), s.end());
}

TEST(ShinglesTest, CountsCodePointsNotBytes) {
  EXPECT_THAT(Shingles("征收补偿"), SizeIs(3));
  EXPECT_THAT(Shingles("征收补偿", 3), SizeIs(2));
  EXPECT_THAT(Shingles("征收补偿", 1), SizeIs(4));
}

TEST(ShinglesTest, ShortTextYieldsItselfAsOneShingle) {
  EXPECT_THAT(Shingles("征"), ElementsAre(HashShingle(U"征")));
  EXPECT_THAT(Shingles("征收", 3), ElementsAre(HashShingle(U"征收")));
}

TEST(ShinglesTest, EmptyTextYieldsNothing) {
  EXPECT_THAT(Shingles(""), IsEmpty());
}

TEST(ShinglesTest, TakesSizesBelowOneAsOne) {
  EXPECT_EQ(Shingles("征收补偿", 0), Shingles("征收补偿", 1));
}

TEST(ShinglesTest, SkipsIllFormedBytes) {
  EXPECT_EQ(Shingles("征收\xff补偿"), Shingles("征收补偿"));
}

// Signatures are stored in the database: a change of the shingle hash would
// silently make every stored signature incomparable. These values are the
// definition (FNV-1a 64 over code points, then fmix64); change them only with
// a migration that recomputes what is stored.
TEST(ShinglesTest, ShingleHashIsStable) {
  EXPECT_EQ(HashShingle(U"征收"), 8166157233514273432u);
  EXPECT_EQ(HashShingle(U"ab"), 15740586271646006756u);
  EXPECT_THAT(Shingles("征收补偿"),
              ElementsAre(8166157233514273432u, 11176463988102600644u,
                          16693835463938152878u));
}

TEST(JaccardTest, ComputesIntersectionOverUnion) {
  const std::vector<uint64_t> a = {1, 2, 3, 4};
  const std::vector<uint64_t> b = {3, 4, 5, 6, 7, 8};
  EXPECT_DOUBLE_EQ(Jaccard(a, b), 2.0 / 8.0);
  EXPECT_DOUBLE_EQ(Jaccard(b, a), 2.0 / 8.0);
}

TEST(JaccardTest, DisjointSetsHaveZero) {
  EXPECT_DOUBLE_EQ(
      Jaccard(std::vector<uint64_t>{1, 2}, std::vector<uint64_t>{3, 4}), 0.0);
}

TEST(JaccardTest, EmptySetsAreSimilarToNothing) {
  const std::vector<uint64_t> empty;
  EXPECT_DOUBLE_EQ(Jaccard(empty, empty), 0.0);
  EXPECT_DOUBLE_EQ(Jaccard(empty, std::vector<uint64_t>{1}), 0.0);
}

}  // namespace
}  // namespace foi::textsim
