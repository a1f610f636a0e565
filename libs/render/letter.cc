#include "libs/render/letter.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "libs/render/template.h"

namespace foi::render {
namespace {

using pdf::BlockStyle;

// Two ideographic spaces: the first-line indent of Chinese paragraphs.
constexpr absl::string_view kIndent = "\u3000\u3000";

// Columns a code point takes in a terminal or a monospaced text file: two
// for East Asian wide and fullwidth characters (UAX #11, the ranges that
// matter for Chinese letters), one otherwise.
int CodePointColumns(uint32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
      cp >= 0x20000) {
    return 2;
  }
  // The dash and quotes Chinese text uses are drawn full width in CJK fonts.
  if (cp == 0x2014 || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
      cp == 0x2019 || cp == 0x2026) {
    return 2;
  }
  return 1;
}

// REQUIRES: `s` is valid UTF-8 (letter text always is: it was validated
// before rendering).
int DisplayColumns(absl::string_view s) {
  int cols = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const size_t len = b0 < 0x80          ? 1
                       : (b0 >> 5) == 0x6 ? 2
                       : (b0 >> 4) == 0xE ? 3
                                          : 4;
    uint32_t cp = len == 1 ? b0 : b0 & (0x3F >> (len - 1));
    for (size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    cols += CodePointColumns(cp);
    i += len;
  }
  return cols;
}

void AppendPadded(absl::string_view line, int pad, std::string& out) {
  if (pad > 0) out.append(static_cast<size_t>(pad), ' ');
  absl::StrAppend(&out, line, "\n");
}

// Blocks of different groups are set apart by a blank line in plain text:
// the heading group, the body, and the signature.
int Group(BlockStyle style) {
  switch (style) {
    case BlockStyle::kTitle:
    case BlockStyle::kSubtitle:
      return 0;
    case BlockStyle::kRightAligned:
      return 2;
    default:
      return 1;
  }
}

absl::string_view HtmlClass(BlockStyle style) {
  switch (style) {
    case BlockStyle::kSubtitle:
      return "subtitle";
    case BlockStyle::kPlain:
      return "plain";
    case BlockStyle::kRightAligned:
      return "right";
    default:
      return "";
  }
}

void AppendHtmlText(absl::string_view text, std::string& out) {
  bool first = true;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (!first) out.append("<br>\n");
    first = false;
    AppendHtmlEscaped(line, out);
  }
}

// GB/T 9704-2012 (the layout of party and government documents): A4, type
// area 156 mm x 225 mm (margins 37 mm top, 28 mm left), title in 2号
// 小标宋 (22 pt), body in 3号仿宋 (16 pt). Fonts fall back to what a
// reader's machine has.
constexpr absl::string_view kHtmlHead = R"(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #fff; color: #000; }
body { margin: 0 auto; padding: 2em 0; max-width: 156mm;
  font-family: "FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC",
    "Source Han Serif SC", serif;
  font-size: 16pt; line-height: 1.75; }
h1 { margin: 0 0 0.4em; text-align: center; font-size: 22pt; line-height: 1.4;
  font-family: "FZXiaoBiaoSong-B05S", "SimSun", "Noto Serif CJK SC",
    "Source Han Serif SC", serif; }
h2 { margin: 0.5em 0 0; font-size: 16pt; }
p { margin: 0; text-align: justify; text-indent: 2em; }
p.subtitle { margin-bottom: 1.2em; text-align: center; text-indent: 0; }
p.plain { text-indent: 0; }
p.right { text-align: right; text-indent: 0; break-inside: avoid; }
*:not(.right) + p.right { margin-top: 1.5em; }
@media print { body { max-width: none; padding: 0; } }
</style>
)";

}  // namespace

std::string FormatChineseDate(absl::CivilDay day) {
  return absl::StrCat(day.year(), "年", day.month(), "月", day.day(), "日");
}

std::string ToText(const Letter& letter) {
  std::string out;
  int previous_group = -1;
  for (const pdf::Block& block : letter.blocks) {
    const int group = Group(block.style);
    if (previous_group != -1 && group != previous_group) out.append("\n");
    previous_group = group;
    bool first_line = true;
    for (absl::string_view line : absl::StrSplit(block.text, '\n')) {
      switch (block.style) {
        case BlockStyle::kTitle:
        case BlockStyle::kSubtitle:
          AppendPadded(line, (kTextColumns - DisplayColumns(line)) / 2, out);
          break;
        case BlockStyle::kRightAligned:
          AppendPadded(line, kTextColumns - DisplayColumns(line), out);
          break;
        case BlockStyle::kParagraph:
          absl::StrAppend(&out, first_line ? kIndent : "", line, "\n");
          break;
        case BlockStyle::kHeading:
        case BlockStyle::kPlain:
          absl::StrAppend(&out, line, "\n");
          break;
      }
      first_line = false;
    }
  }
  return out;
}

std::string ToHtml(const Letter& letter) {
  std::string out(kHtmlHead);
  out.append("<title>");
  AppendHtmlEscaped(letter.title, out);
  out.append("</title>\n</head>\n<body>\n");
  for (const pdf::Block& block : letter.blocks) {
    absl::string_view tag = "p";
    if (block.style == BlockStyle::kTitle) tag = "h1";
    if (block.style == BlockStyle::kHeading) tag = "h2";
    absl::StrAppend(&out, "<", tag);
    const absl::string_view cls = HtmlClass(block.style);
    if (!cls.empty()) absl::StrAppend(&out, " class=\"", cls, "\"");
    out.append(">");
    AppendHtmlText(block.text, out);
    absl::StrAppend(&out, "</", tag, ">\n");
  }
  out.append("</body>\n</html>\n");
  return out;
}

}  // namespace foi::render
