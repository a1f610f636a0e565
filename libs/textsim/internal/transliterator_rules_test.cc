#include "libs/textsim/internal/transliterator_rules.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/textsim/internal/code_points.h"
#include "libs/textsim/testing/application_generator.h"

namespace foi::textsim_internal {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

std::string IcuTransliterate(icu::Transliterator& t, const std::string& in) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(in);
  t.transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

TEST(LoadTransliteratorRulesTest, LoadsTraditionalSimplified) {
  auto rules = LoadTransliteratorRules("Traditional-Simplified");
  ASSERT_THAT(rules, IsOk());
  EXPECT_GT(rules->size(), 3000u);
}

TEST(LoadTransliteratorRulesTest, ReturnsInternalForUnknownTransliterator) {
  EXPECT_THAT(LoadTransliteratorRules("No-Such-Transliterator"),
              StatusIs(absl::StatusCode::kInternal));
}

TEST(LoadTransliteratorRulesTest, ReturnsInternalForRulesBeyondLiterals) {
  // Latin-ASCII uses sets and contexts.
  EXPECT_THAT(LoadTransliteratorRules("Latin-ASCII"),
              StatusIs(absl::StatusCode::kInternal));
}

// The reason the rewriter may stand in for ICU: on every rule's own left side
// (in context) and on generated applications in traditional characters, it
// writes what ICU writes.
TEST(LoadTransliteratorRulesTest, RewriterWritesWhatIcuWrites) {
  auto rules = LoadTransliteratorRules("Traditional-Simplified");
  ASSERT_THAT(rules, IsOk());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_t(
      icu::Transliterator::createInstance("Traditional-Simplified",
                                          UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));

  std::vector<std::string> texts;
  for (const PhraseRewriter::Rule& rule : *rules) {
    texts.push_back("申請" + EncodeUtf8(rule.from) + "於年");
  }
  for (const auto& app : foi::testing::GenerateApplications(2000, 7)) {
    texts.push_back(foi::testing::ToTraditional(app.text));
  }
  const PhraseRewriter rewriter(*std::move(rules));
  int mismatches = 0;
  for (const std::string& text : texts) {
    const std::string ours =
        EncodeUtf8(rewriter.Rewrite(DecodeUtf8Lossy(text)));
    const std::string theirs = IcuTransliterate(*icu_t, text);
    if (ours != theirs && ++mismatches <= 5) {
      ADD_FAILURE() << text << "\n ours:  " << ours << "\n ICU:   " << theirs;
    }
  }
  EXPECT_EQ(mismatches, 0) << "of " << texts.size();
}

}  // namespace
}  // namespace foi::textsim_internal
