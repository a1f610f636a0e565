#include "libs/textsim/internal/phrase_rewriter.h"

#include <vector>

#include "gtest/gtest.h"

namespace foi::textsim_internal {
namespace {

using Rules = std::vector<PhraseRewriter::Rule>;

TEST(PhraseRewriterTest, CopiesTextWhenNoRuleMatches) {
  const PhraseRewriter rewriter(Rules{{U"甲乙", U"丙"}});
  EXPECT_EQ(rewriter.Rewrite(U"丁戊己"), U"丁戊己");
  EXPECT_EQ(PhraseRewriter().Rewrite(U"丁戊"), U"丁戊");
}

TEST(PhraseRewriterTest, AppliesTheFirstMatchingRuleInOrder) {
  const PhraseRewriter longest_first(Rules{{U"计画", U"计划"}, {U"计", U"K"}});
  EXPECT_EQ(longest_first.Rewrite(U"计画计"), U"计划K");
  // With the short rule first the phrase rule can never fire, as in ICU.
  const PhraseRewriter shortest_first(Rules{{U"计", U"K"}, {U"计画", U"X"}});
  EXPECT_EQ(shortest_first.Rewrite(U"计画"), U"K画");
}

TEST(PhraseRewriterTest, MatchesOnlyRulesStartingAtThePosition) {
  const PhraseRewriter rewriter(Rules{{U"画", U"划"}, {U"计画", U"X"}});
  EXPECT_EQ(rewriter.Rewrite(U"计画画"), U"X划");
}

TEST(PhraseRewriterTest, NeverRescansWhatItWrote) {
  const PhraseRewriter rewriter(Rules{{U"a", U"ab"}, {U"b", U"c"}});
  EXPECT_EQ(rewriter.Rewrite(U"ab"), U"abc");
}

TEST(PhraseRewriterTest, DeletesWhenReplacementIsEmpty) {
  const PhraseRewriter rewriter(Rules{{U"申请公开", U""}});
  EXPECT_EQ(rewriter.Rewrite(U"申请公开预算申请公开"), U"预算");
}

TEST(PhraseRewriterTest, HandlesRulesAtTheEndOfText) {
  const PhraseRewriter rewriter(Rules{{U"公开", U""}});
  EXPECT_EQ(rewriter.Rewrite(U"申请公"), U"申请公");  // partial match
  EXPECT_EQ(rewriter.Rewrite(U"公开"), U"");
}

TEST(PhraseRewriterTest, MatchesOutsideTheBasicPlane) {
  const PhraseRewriter rewriter(Rules{{U"\U00020000x", U"y"}});
  EXPECT_EQ(rewriter.Rewrite(U"a\U00020000xb\U00020000"), U"ayb\U00020000");
}

TEST(PhraseRewriterTest, IgnoresEmptyRules) {
  const PhraseRewriter rewriter(Rules{{U"", U"x"}, {U"a", U"b"}});
  EXPECT_EQ(rewriter.size(), 1u);
  EXPECT_EQ(rewriter.Rewrite(U"a"), U"b");
}

}  // namespace
}  // namespace foi::textsim_internal
