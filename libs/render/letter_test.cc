#include "libs/render/letter.h"

#include <string>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::foi::pdf::BlockStyle;
using ::foi::render::FormatChineseDate;
using ::foi::render::kTextColumns;
using ::foi::render::Letter;
using ::foi::render::ToHtml;
using ::foi::render::ToText;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

Letter SmallLetter() {
  Letter letter;
  letter.title = "机关答复书";
  letter.blocks = {
      {BlockStyle::kTitle, "机关\n答复书"},
      {BlockStyle::kSubtitle, "文〔2026〕1号"},
      {BlockStyle::kPlain, "张三："},
      {BlockStyle::kParagraph, "正文。"},
      {BlockStyle::kRightAligned, "机关\n2026年1月2日"},
  };
  return letter;
}

TEST(LetterTest, FormatsChineseDatesWithoutLeadingZeros) {
  EXPECT_EQ(FormatChineseDate(absl::CivilDay(2026, 11, 27)), "2026年11月27日");
  EXPECT_EQ(FormatChineseDate(absl::CivilDay(2027, 1, 5)), "2027年1月5日");
}

TEST(LetterTest, TextCentresTitlesIndentsParagraphsAndRightAlignsSeal) {
  // "机关" is 4 columns wide: centred in 72 it gets 34 spaces; right-aligned
  // "2026年1月2日" (6 ASCII + 3 CJK = 12 columns) gets 60.
  const std::string expected =
      std::string(34, ' ') + "机关\n" + std::string(33, ' ') + "答复书\n" +
      std::string(29, ' ') + "文〔2026〕1号\n" +
      "\n"
      "张三：\n"
      "\u3000\u3000正文。\n"
      "\n" +
      std::string(kTextColumns - 4, ' ') + "机关\n" +
      std::string(kTextColumns - 12, ' ') + "2026年1月2日\n";
  EXPECT_EQ(ToText(SmallLetter()), expected);
}

TEST(LetterTest, HtmlIsACompleteSelfContainedZhCnDocumentForA4) {
  const std::string html = ToHtml(SmallLetter());
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(html, HasSubstr("<title>机关答复书</title>"));
  EXPECT_THAT(html, HasSubstr("<h1>机关<br>\n答复书</h1>"));
  EXPECT_THAT(html, HasSubstr("<p class=\"subtitle\">文〔2026〕1号</p>"));
  EXPECT_THAT(html, HasSubstr("<p>正文。</p>"));
  EXPECT_THAT(html, HasSubstr("<p class=\"right\">机关<br>\n2026年1月2日</p>"));
  EXPECT_THAT(html, HasSubstr("</body>\n</html>\n"));
  // Self-contained: nothing is fetched or run.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
}

TEST(LetterTest, HtmlEscapesEveryBlockAndTheTitle) {
  Letter letter;
  letter.title = "<script>alert(1)</script>";
  letter.blocks = {
      {BlockStyle::kParagraph, "申请“<script>alert('x')</script>”&"},
      {BlockStyle::kTitle, "<b>"}};
  const std::string html = ToHtml(letter);
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
  EXPECT_THAT(html, HasSubstr("<title>&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(
      html,
      HasSubstr("申请“&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;”&amp;"));
}

}  // namespace
