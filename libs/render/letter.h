// A rendered letter and its plain-text and HTML forms (the PDF form is in
// letter_pdf.h, so that this library does not need Cairo and Pango).
//
// Thread safety: plain values and free functions.
#ifndef FOI_LIBS_RENDER_LETTER_H_
#define FOI_LIBS_RENDER_LETTER_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "libs/pdf/pdf_document.h"

namespace foi::render {

// A letter as styled blocks of UTF-8 text, ready for any output format.
struct Letter {
  // The document title on one line, e.g.
  // "云岭市自然资源和规划局政府信息公开申请 答复书" (used as the PDF and HTML
  // title).
  std::string title;
  // In reading order. Block text is plain text: nothing in it is markup.
  std::vector<pdf::Block> blocks;
};

// Dates as written in Chinese official letters: "2026年11月27日" (no leading
// zeros).
std::string FormatChineseDate(absl::CivilDay day);

// Width of the plain-text page in columns (a CJK character is two).
inline constexpr int kTextColumns = 72;

// The letter as plain UTF-8 text: titles and subtitles centred, paragraphs
// indented by two ideographic spaces, right-aligned blocks against column
// kTextColumns, and a blank line wherever the letter passes between the
// heading (title, number), the body and the signature (seal, date). Lines are
// not wrapped. Ends with a newline.
std::string ToText(const Letter& letter);

// The letter as a complete, self-contained HTML5 document (lang="zh-CN",
// UTF-8, inline CSS sized for printing on A4, no scripts or external
// resources). All block text and the title are escaped.
std::string ToHtml(const Letter& letter);

}  // namespace foi::render

#endif  // FOI_LIBS_RENDER_LETTER_H_
