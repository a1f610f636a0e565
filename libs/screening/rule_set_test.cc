#include "libs/screening/rule_set.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::screening {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::StartsWith;

constexpr absl::string_view kHeader =
    "name: commercial_secret\n"
    "category: COMMERCIAL_SECRET\n"
    "ground: THIRD_PARTY_RIGHTS\n";

TEST(ParseRuleSetTest, ParsesHeaderKeywordsRegexesAndModifiers) {
  const std::string text =
      absl::StrCat("# 商业秘密\n", kHeader,
                   "description: 第三方商业秘密\n"
                   "window: 15\n"
                   "not-near: 第十五条\n"
                   "\n"
                   "keyword: 投标报价\n"
                   "keyword: 商业秘密\n"
                   "  not-in: 侵犯商业秘密罪，商业秘密保护\n"
                   "  not-inside: 《 》\n"
                   "  window: 40\n"
                   "regex reserve_price: 底价\\s*[0-9]+万元\n"
                   "  near: 招标、投标\n"
                   "  position: clause\n"
                   "regex: [0-9]+元\n");
  auto set = ParseRuleSet("commercial_secret.rules", text);
  ASSERT_THAT(set, IsOk());
  EXPECT_EQ(set->file_name, "commercial_secret.rules");
  EXPECT_EQ(set->name, "commercial_secret");
  EXPECT_EQ(set->description, "第三方商业秘密");
  EXPECT_EQ(set->category, Category::kCommercialSecret);
  EXPECT_EQ(set->ground, rules::ExemptionGround::kThirdPartyRights);
  ASSERT_EQ(set->patterns.size(), 4u);

  const RulePattern& bid = set->patterns[0];
  EXPECT_EQ(bid.kind, RulePattern::Kind::kKeyword);
  EXPECT_EQ(bid.id, "投标报价");
  EXPECT_EQ(bid.line, 9);
  EXPECT_EQ(bid.context.window, 15);  // the file's
  EXPECT_THAT(bid.context.not_near, ElementsAre("第十五条"));

  const RulePattern& secret = set->patterns[1];
  EXPECT_THAT(secret.context.not_in,
              ElementsAre("侵犯商业秘密罪", "商业秘密保护"));
  EXPECT_THAT(secret.context.not_inside, ElementsAre(Pair("《", "》")));
  EXPECT_EQ(secret.context.window, 40);  // its own
  EXPECT_THAT(secret.context.not_near, ElementsAre("第十五条"));

  const RulePattern& price = set->patterns[2];
  EXPECT_EQ(price.kind, RulePattern::Kind::kRegex);
  EXPECT_EQ(price.id, "reserve_price");
  EXPECT_EQ(price.expression, "底价\\s*[0-9]+万元");
  EXPECT_THAT(price.context.near, ElementsAre("招标", "投标"));
  EXPECT_EQ(price.context.position, Position::kClause);

  EXPECT_EQ(set->patterns[3].id, "line17");  // a regex without an id
}

TEST(ParseRuleSetTest, AcceptsBomCrlfAndFullWidthColon) {
  const std::string text =
      "\xEF\xBB\xBFname: p\r\ncategory: PERSONAL_PRIVACY\r\n"
      "ground: THIRD_PARTY_RIGHTS\r\nkeyword：病历\r\n";
  auto set = ParseRuleSet("p.rules", text);
  ASSERT_THAT(set, IsOk());
  ASSERT_EQ(set->patterns.size(), 1u);
  EXPECT_EQ(set->patterns[0].expression, "病历");
  EXPECT_EQ(set->patterns[0].context.window, kDefaultContextWindow);
}

struct ErrorCase {
  std::string body;      // after the three header lines unless noted
  bool replace_header;   // use `body` as the whole file
  std::string location;  // expected message prefix, "x.rules:N: "
  std::string mentions;  // expected substring
};

class ParseRuleSetErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParseRuleSetErrorTest, NamesFileAndLine) {
  const ErrorCase& c = GetParam();
  const std::string text =
      c.replace_header ? c.body : absl::StrCat(kHeader, c.body);
  auto set = ParseRuleSet("x.rules", text);
  EXPECT_THAT(set, StatusIs(absl::StatusCode::kInvalidArgument,
                            StartsWith(c.location)));
  EXPECT_THAT(set.status().message(), HasSubstr(c.mentions));
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseRuleSetErrorTest,
    ::testing::Values(
        ErrorCase{"keywrod: 底价\n", false, "x.rules:4: ", "unknown directive"},
        ErrorCase{"keyword 底价\n", false, "x.rules:4: ", "directive: value"},
        ErrorCase{"keyword:\n", false, "x.rules:4: ", "empty keyword"},
        ErrorCase{"keyword: 底价\nkeyword: 底价\n", false,
                  "x.rules:5: ", "duplicate keyword"},
        ErrorCase{"regex: 底价[0-9\n", false, "x.rules:4: ", ""},
        ErrorCase{"regex: (a)\\1\n", false, "x.rules:4: ", ""},
        ErrorCase{"regex: x*\n", false, "x.rules:4: ", "empty string"},
        ErrorCase{"regex Bad-Id: x\n", false, "x.rules:4: ", "regex id"},
        ErrorCase{"  near: 招标\nkeyword: 底价\n", false,
                  "x.rules:4: ", "no pattern above"},
        ErrorCase{"keyword: 底价\nnear: 招标\n", false,
                  "x.rules:5: ", "before the first pattern"},
        ErrorCase{"keyword: 底价\nname: other\n", false,
                  "x.rules:5: ", "before the first pattern"},
        ErrorCase{"  keyword: 底价\n", false, "x.rules:4: ", "indented"},
        ErrorCase{"keyword: 底价\n  window: 0\n", false,
                  "x.rules:5: ", "window"},
        ErrorCase{"keyword: 底价\n  window: 201\n", false,
                  "x.rules:5: ", "window"},
        ErrorCase{"keyword: 底价\n  window: 5\n  window: 6\n", false,
                  "x.rules:6: ", "repeated"},
        ErrorCase{"keyword: 底价\n  position: header\n", false,
                  "x.rules:5: ", "position"},
        ErrorCase{"keyword: 底价\n  not-inside: 《\n", false,
                  "x.rules:5: ", "not-inside"},
        ErrorCase{"keyword: 底价\n  near: ，、\n", false,
                  "x.rules:5: ", "list"},
        ErrorCase{"keyword: 底价\n  description: x\n", false,
                  "x.rules:5: ", "not a modifier"},
        ErrorCase{"keyword: \xFF\n", false, "x.rules:4: ", "UTF-8"},
        ErrorCase{"# only comments\n", false,
                  "x.rules:5: ", "no keyword or regex"},
        ErrorCase{"name: a\nname: b\n", true, "x.rules:2: ", "repeated header"},
        ErrorCase{"name: Upper\n", true, "x.rules:1: ", "lowercase"},
        ErrorCase{"name: a\ncategory: SECRET\n", true,
                  "x.rules:2: ", "unknown category"},
        ErrorCase{"name: a\ncategory: STATE_SECRET\nground: SECRET\n", true,
                  "x.rules:3: ", "unknown ground"},
        ErrorCase{"category: STATE_SECRET\nground: STATE_SECRET\n"
                  "keyword: 涉密\n",
                  true, "x.rules:1: ", "missing header 'name'"},
        ErrorCase{"name: a\nground: STATE_SECRET\nkeyword: 涉密\n", true,
                  "x.rules:1: ", "missing header 'category'"}));

}  // namespace
}  // namespace foi::screening
