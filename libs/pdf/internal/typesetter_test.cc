#include "libs/pdf/internal/typesetter.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace foi::pdf_internal {
namespace {

using ::foi::pdf::Block;
using ::foi::pdf::BlockStyle;
using ::testing::SizeIs;

std::string Repeat(absl::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) absl::StrAppend(&out, s);
  return out;
}

// Slides `mark` across two line lengths of ideographs, so that at some
// offset a break between characters alone would put it first (or last) on a
// line, and returns the lines of every variant.
std::vector<std::vector<LineForTesting>> SlideAcrossLineEnds(
    absl::string_view mark) {
  std::vector<std::vector<LineForTesting>> variants;
  for (int before = 1; before <= 80; ++before) {
    variants.push_back(BreakLinesForTesting(
        {BlockStyle::kParagraph,
         absl::StrCat(Repeat("政", before), mark, Repeat("府", 80))}));
  }
  return variants;
}

TEST(TypesetterTest, NeverStartsALineWithClosingPunctuation) {
  for (absl::string_view mark :
       {"。", "，", "、", "；", "：", "？", "！", "）", "》", "」"}) {
    bool ended_a_line = false;
    for (const std::vector<LineForTesting>& lines : SlideAcrossLineEnds(mark)) {
      ASSERT_THAT(lines, SizeIs(::testing::Gt(1u)));
      for (size_t i = 0; i < lines.size(); ++i) {
        EXPECT_FALSE(i > 0 && absl::StartsWith(lines[i].text, mark))
            << "line " << i << " starts with " << mark;
        ended_a_line |= absl::EndsWith(lines[i].text, mark);
      }
    }
    // Otherwise the boundary case was never exercised.
    EXPECT_TRUE(ended_a_line) << mark;
  }
}

TEST(TypesetterTest, NeverEndsALineWithOpeningPunctuation) {
  for (absl::string_view mark : {"（", "《", "「", "〔", "【"}) {
    bool started_a_line = false;
    for (const std::vector<LineForTesting>& lines : SlideAcrossLineEnds(mark)) {
      ASSERT_THAT(lines, SizeIs(::testing::Gt(1u)));
      for (size_t i = 0; i < lines.size(); ++i) {
        EXPECT_FALSE(i + 1 < lines.size() &&
                     absl::EndsWith(lines[i].text, mark))
            << "line " << i << " ends with " << mark;
        started_a_line |= i > 0 && absl::StartsWith(lines[i].text, mark);
      }
    }
    EXPECT_TRUE(started_a_line) << mark;
  }
}

TEST(TypesetterTest, KeepsQuotationMarksWithTheirText) {
  // UAX #14 gives “ and ” class QU (ambiguous quotation): no break on either
  // side, so they travel with their neighbours and cannot begin or end a
  // line on their own.
  for (const std::vector<LineForTesting>& lines : SlideAcrossLineEnds("“")) {
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_FALSE(absl::EndsWith(lines[i].text, "“")) << "line " << i;
    }
  }
  for (const std::vector<LineForTesting>& lines : SlideAcrossLineEnds("”")) {
    for (size_t i = 1; i < lines.size(); ++i) {
      EXPECT_FALSE(absl::StartsWith(lines[i].text, "”")) << "line " << i;
    }
  }
}

TEST(TypesetterTest, WindowedLayoutKeepsEveryCharacterWithinTheMargins) {
  // About 40 KB of mixed Chinese, ASCII words, digits and punctuation in one
  // paragraph: several windows at each size, one layout at 1 MiB.
  std::string text;
  for (int i = 0; text.size() < (40 << 10); ++i) {
    absl::StrAppend(
        &text, "第", i, "条 Article ", i * 37,
        "：公开“政府信息”（含附件），https://example.gov.cn/x?id=", i, "；");
  }
  const Block block{BlockStyle::kParagraph, text};
  const size_t unwindowed = BreakLinesForTesting(block, 1 << 20).size();
  for (size_t window : {size_t{1000}, size_t{4093}, kLayoutWindowBytes}) {
    const std::vector<LineForTesting> lines =
        BreakLinesForTesting(block, window);
    std::string joined;
    for (const LineForTesting& line : lines) joined += line.text;
    EXPECT_EQ(joined, text) << "window " << window;
    // Pango reshapes a run that a window cuts, which can move a break by a
    // character, but never adds a short line at a window boundary.
    EXPECT_NEAR(lines.size(), unwindowed, 1) << "window " << window;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      const double right = lines[i].x_pt + lines[i].width_pt;
      EXPECT_NEAR(right, kBodyWidthPt, 4)
          << "window " << window << " line " << i << ": " << lines[i].text;
    }
  }
}

TEST(TypesetterTest, WrapsAParagraphTooWideForPangoUnits) {
  // 200,000 ideographs at 12 pt are 2.4 million points wide, more than
  // Pango's 32-bit units hold in one run.
  const std::vector<LineForTesting> lines =
      BreakLinesForTesting({BlockStyle::kParagraph, Repeat("公", 200000)});
  EXPECT_THAT(lines, SizeIs(200000 / 36 + 1));
  for (const LineForTesting& line : lines) {
    ASSERT_LE(line.x_pt + line.width_pt, kBodyWidthPt + 0.01);
  }
}

TEST(TypesetterTest, EachParagraphOfABlockGetsTheIndent) {
  const std::vector<LineForTesting> lines = BreakLinesForTesting(
      {BlockStyle::kParagraph, "甲。\n乙。\r\n丙。\u2029丁。\r戊。\n"});
  ASSERT_THAT(lines, SizeIs(6));
  for (int i = 0; i < 5; ++i) {
    EXPECT_NEAR(lines[i].x_pt, 2 * kBodySizePt, 0.01) << "line " << i;
  }
  EXPECT_EQ(lines[4].text, "戊。");
  EXPECT_EQ(lines[5].text, "");  // the final line break ends an empty line
}

TEST(TypesetterTest, JustifiesParagraphsAndIndentsTheirFirstLine) {
  const Block block{
      BlockStyle::kParagraph,
      "本机关于2024年3月5日收到您提交的政府信息公开申请（编号YSQ-2024-"
      "0305-017），根据《中华人民共和国政府信息公开条例》第三十三条的规定，"
      "本机关应当自收到申请之日起20个工作日内予以答复，现答复如下。"};
  const std::vector<LineForTesting> lines = BreakLinesForTesting(block);
  ASSERT_THAT(lines, SizeIs(::testing::Gt(2u)));
  EXPECT_NEAR(lines[0].x_pt, 2 * kBodySizePt, 0.01);
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_NEAR(lines[i].x_pt, 0, 0.01) << "line " << i;
  }
  // Every line but the last ends at the right margin.
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    EXPECT_NEAR(lines[i].x_pt + lines[i].width_pt, kBodyWidthPt, 0.5)
        << "line " << i << ": " << lines[i].text;
  }
  EXPECT_LT(lines.back().x_pt + lines.back().width_pt, kBodyWidthPt - 1);
}

TEST(TypesetterTest, RightAlignedTextEndsAtTheMargin) {
  const std::vector<LineForTesting> lines = BreakLinesForTesting(
      {BlockStyle::kRightAligned, "某区住房和城乡建设委员会"});
  ASSERT_THAT(lines, SizeIs(1));
  EXPECT_NEAR(lines[0].x_pt + lines[0].width_pt, kBodyWidthPt, 0.01);
  EXPECT_GT(lines[0].x_pt, kBodyWidthPt / 2);
}

TEST(TypesetterTest, KeepsLineBreaksInsideABlock) {
  const std::vector<LineForTesting> lines = BreakLinesForTesting(
      {BlockStyle::kPlain, "附件：1. 汇总表\n　　　2. 验收报告"});
  ASSERT_THAT(lines, SizeIs(2));
  EXPECT_EQ(lines[0].text, "附件：1. 汇总表");
  EXPECT_EQ(lines[1].text, "　　　2. 验收报告");
}

TEST(TypesetterTest, BodyLineHoldsThirtySixIdeographs) {
  // Full-width characters are one em wide: 156 mm / 12 pt = 36.8.
  const std::vector<LineForTesting> lines =
      BreakLinesForTesting({BlockStyle::kPlain, Repeat("信", 40)});
  ASSERT_THAT(lines, SizeIs(2));
  EXPECT_EQ(lines[0].text, Repeat("信", 36));
}

}  // namespace
}  // namespace foi::pdf_internal
