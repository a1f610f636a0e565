#include "libs/textsim/union_find.h"

#include "gtest/gtest.h"

namespace foi::textsim {
namespace {

TEST(UnionFindTest, StartsWithSingletons) {
  UnionFind uf(4);
  EXPECT_EQ(uf.size(), 4u);
  for (uint32_t i = 0; i < 4; ++i) {
    EXPECT_EQ(uf.Find(i), i);
    EXPECT_EQ(uf.SetSize(i), 1u);
  }
  EXPECT_FALSE(uf.Connected(0, 1));
}

TEST(UnionFindTest, UnionJoinsSetsTransitively) {
  UnionFind uf(5);
  EXPECT_TRUE(uf.Union(0, 1));
  EXPECT_TRUE(uf.Union(1, 2));
  EXPECT_TRUE(uf.Connected(0, 2));
  EXPECT_EQ(uf.Find(0), uf.Find(2));
  EXPECT_EQ(uf.SetSize(2), 3u);
  EXPECT_FALSE(uf.Connected(0, 3));
  EXPECT_EQ(uf.SetSize(4), 1u);
}

TEST(UnionFindTest, UnionOfSameSetReturnsFalse) {
  UnionFind uf(3);
  EXPECT_TRUE(uf.Union(0, 1));
  EXPECT_FALSE(uf.Union(1, 0));
  EXPECT_FALSE(uf.Union(2, 2));
  EXPECT_EQ(uf.SetSize(0), 2u);
}

TEST(UnionFindTest, HandlesLongChains) {
  constexpr uint32_t kSize = 100000;
  UnionFind uf(kSize);
  for (uint32_t i = 1; i < kSize; ++i) uf.Union(i - 1, i);
  EXPECT_EQ(uf.SetSize(kSize - 1), kSize);
  EXPECT_TRUE(uf.Connected(0, kSize - 1));
}

TEST(UnionFindTest, EmptyIsFine) {
  UnionFind uf(0);
  EXPECT_EQ(uf.size(), 0u);
}

}  // namespace
}  // namespace foi::textsim
