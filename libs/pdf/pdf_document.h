// A4 PDF documents from plain UTF-8 text, and text back out of PDF files.
//
// RenderPdf typesets a sequence of text blocks with Pango (Chinese line
// breaking per UAX #14, Noto Serif CJK SC) onto A4 pages through Cairo's PDF
// surface, in the 156 mm x 225 mm type area of a Chinese official letter
// (GB/T 9704-2012), with "第 N 页 共 M 页" centred under it on every page. The
// text is real text in the PDF (fonts embedded and subset), so pdftotext or
// ExtractPdfText gives it back. Nothing is drawn over text: what the blocks do
// not contain is not in the file, and a redaction must therefore be made in
// the text itself (■, U+25A0, renders like any other character).
//
// ExtractPdfText reads text out of a PDF with poppler-cpp.
//
// Thread safety: both functions are safe to call concurrently from different
// threads (each call has its own Cairo surface and Pango layouts; Pango's
// fonts come from a font map per thread). The first RenderPdf on a thread
// loads that thread's font map, which costs more than later calls; prefer
// long-lived worker threads.
#ifndef FOI_LIBS_PDF_PDF_DOCUMENT_H_
#define FOI_LIBS_PDF_PDF_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace foi::pdf {

// How a block is set. Body text is 12 pt (小四) with 1.5 line spacing.
enum class BlockStyle {
  kTitle,         // centred, large (22 pt, 二号), bold; a blank line after
  kSubtitle,      // centred, normal size (e.g. the document number); a
                  // blank line after
  kHeading,       // left, bold
  kParagraph,     // justified, first line indented by two characters
  kPlain,         // left, no indent
  kRightAligned,  // right (signature, seal text, date); a blank line sets
                  // the first of a run of these off from what precedes it
};

struct Block {
  BlockStyle style = BlockStyle::kParagraph;
  // UTF-8. Line breaks (LF, CR LF, CR, U+2029) start new lines, and in a
  // kParagraph block new indented paragraphs; an empty text is one blank
  // line. Tabs are allowed; other control characters are not.
  std::string text;
};

struct PdfDocumentSpec {
  // Document metadata (the PDF's Title); may be empty. One line of UTF-8.
  std::string title;
  // Set in order; a block that does not fit on a page continues on the next.
  std::vector<Block> blocks;
};

// Limits that keep one request from exhausting the server.
inline constexpr size_t kMaxPdfTextBytes = 8 << 20;    // title and all blocks
inline constexpr size_t kMaxPdfInputBytes = 32 << 20;  // ExtractPdfText input

// Returns the bytes of an A4 PDF with `spec`'s blocks in order, at least one
// page. The file carries a creation date, so two renderings of one spec
// differ in a few bytes.
//
// Returns INVALID_ARGUMENT, with a message that starts with the field
// ("blocks[3].text: not valid UTF-8 at byte 7"), if the title or a block is
// not valid UTF-8 or holds a control character other than a tab or a line
// break (the title: none at all), or if the title and blocks together exceed
// kMaxPdfTextBytes. Returns INTERNAL if Cairo fails (or on a typesetting
// bug).
absl::StatusOr<std::string> RenderPdf(const PdfDocumentSpec& spec);

// Returns the text of every page of `pdf` as UTF-8, lines separated by '\n'
// and pages by '\f' (none after the last). Text is read in layout order, so
// lines come back as they were broken on the page, not as the source text
// was; compare without whitespace when checking content.
//
// Returns INVALID_ARGUMENT if `pdf` is empty, larger than kMaxPdfInputBytes,
// not a readable PDF, or encrypted (even when it opens without a password).
absl::StatusOr<std::string> ExtractPdfText(absl::string_view pdf);

}  // namespace foi::pdf

#endif  // FOI_LIBS_PDF_PDF_DOCUMENT_H_
