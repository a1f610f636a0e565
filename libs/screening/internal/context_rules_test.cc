#include "libs/screening/internal/context_rules.h"

#include <string>

#include "gtest/gtest.h"

namespace foi::screening_internal {
namespace {

using screening::ContextRules;
using screening::Position;

// Where `word` first occurs in `text`, as [begin, end).
std::pair<size_t, size_t> At(absl::string_view text, absl::string_view word) {
  const size_t b = text.find(word);
  EXPECT_NE(b, absl::string_view::npos) << word;
  return {b, b + word.size()};
}

absl::string_view PositionOf(absl::string_view text, absl::string_view word,
                             Position mode = Position::kMarking) {
  const auto [b, e] = At(text, word);
  return MarkingPosition(text, b, e, mode, LabelIndex::Build(text));
}

bool Allows(const ContextRules& rules, absl::string_view text, size_t begin,
            size_t end) {
  return ContextAllows(rules, text, begin, end, LabelIndex::Build(text));
}

TEST(MarkingPositionTest, NamesEachKindOfPosition) {
  EXPECT_EQ(PositionOf("【秘密】", "秘密"), "in brackets");
  EXPECT_EQ(PositionOf("正文秘密 ★1年", "秘密"), "before ★");
  EXPECT_EQ(PositionOf("密级： 机密", "机密"), "after 密级");
  EXPECT_EQ(PositionOf("　内部\n正文", "内部"), "at line start");
  EXPECT_EQ(PositionOf("市财政局文件　　内部", "内部"), "at line end");
  EXPECT_EQ(PositionOf("000128　机密　特急", "机密"), "in header line");
  EXPECT_EQ(PositionOf("本纪要仅供内部使用，不得外传。", "不得外传",
                       Position::kClause),
            "own clause");
  EXPECT_EQ(
      PositionOf("3．本表仅限内部使用。", "仅限内部使用", Position::kClause),
      "own clause");
  EXPECT_EQ(PositionOf("任意文字", "文字", Position::kAnywhere), "anywhere");
}

TEST(MarkingPositionTest, RejectsProse) {
  EXPECT_EQ(PositionOf("加强内部控制制度建设", "内部"), "");
  EXPECT_EQ(PositionOf("涉及商业秘密的信息", "秘密"), "");
  EXPECT_EQ(PositionOf("商业秘密\n", "秘密"), "");
  EXPECT_EQ(PositionOf("内部，由办公室负责", "内部"), "");
  // A clause needs the subject right before the marking.
  EXPECT_EQ(PositionOf("请各单位在今后加强内部使用管理。", "内部使用",
                       Position::kClause),
            "");
  // Past the first lines a lone token is a table cell, not a header.
  EXPECT_EQ(PositionOf("1\n2\n3\n4\n5\n6　机密　x", "机密"), "");
}

TEST(MarkingPositionTest, RecognisesACellInTheLevelColumn) {
  const std::string table =
      "1\n2\n3\n4\n5\n"
      "序号  标题          密级    份数\n"
      "1     关于的通知    秘密    2\n";
  EXPECT_EQ(PositionOf(table, "秘密"), "in 密级 column");
}

TEST(ContextAllowsTest, AppliesEachCondition) {
  ContextRules rules;
  rules.window = 5;
  const std::string text = "本次招标底价为三百万元";
  const auto [b, e] = At(text, "底价");
  EXPECT_TRUE(Allows(rules, text, b, e));
  rules.near = {"拍卖"};
  EXPECT_FALSE(Allows(rules, text, b, e));
  rules.near = {"拍卖", "招标"};
  EXPECT_TRUE(Allows(rules, text, b, e));
  rules.not_near = {"万元"};
  EXPECT_FALSE(Allows(rules, text, b, e));  // 5 code points after
  rules.window = 2;
  EXPECT_TRUE(Allows(rules, text, b, e));  // 招标 is 2 before
  rules.not_in = {"招标底价"};
  EXPECT_FALSE(Allows(rules, text, b, e));
}

TEST(ContextAllowsTest, NotInsideLooksOnlyAtTheSameLine) {
  ContextRules rules;
  rules.window = 10;
  rules.not_inside = {{"《", "》"}};
  const std::string inside = "依照《商业秘密保护规定》";
  auto [b1, e1] = At(inside, "商业秘密");
  EXPECT_FALSE(Allows(rules, inside, b1, e1));
  const std::string closed = "《条例》规定的商业秘密";
  auto [b2, e2] = At(closed, "商业秘密");
  EXPECT_TRUE(Allows(rules, closed, b2, e2));
  const std::string other_line = "《标题\n商业秘密\n》";
  auto [b3, e3] = At(other_line, "商业秘密");
  EXPECT_TRUE(Allows(rules, other_line, b3, e3));
}

}  // namespace
}  // namespace foi::screening_internal
