// A4 PDF documents from plain UTF-8 text, and text back out of PDF files.
//
// RenderPdf typesets a sequence of text blocks with Pango (Chinese line
// breaking per UAX #14, a CJK font such as Noto Serif CJK SC) onto A4 pages
// through Cairo's PDF surface, with "第 N 页 共 M 页" page numbers. The text
// is real text in the PDF (fonts embedded), so pdftotext or ExtractPdfText
// gives it back. Nothing is drawn over text: what the blocks do not contain is
// not in the file.
//
// ExtractPdfText reads text out of a PDF with poppler-cpp.
//
// Thread safety: both functions are safe to call concurrently from different
// threads (each call has its own Cairo surface and Pango layout).
#ifndef FOI_LIBS_PDF_PDF_DOCUMENT_H_
#define FOI_LIBS_PDF_PDF_DOCUMENT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace foi::pdf {

enum class BlockStyle {
  kTitle,         // centred, large, bold
  kSubtitle,      // centred, normal size (e.g. the document number)
  kHeading,       // left, bold
  kParagraph,     // justified, first line indented by two characters
  kPlain,         // left, no indent; line breaks inside the text are kept
  kRightAligned,  // right (signature, seal text, date)
};

struct Block {
  BlockStyle style = BlockStyle::kParagraph;
  // UTF-8. Newlines start new lines inside the block.
  std::string text;
};

struct PdfDocumentSpec {
  // Document metadata (the PDF's Title); may be empty.
  std::string title;
  std::vector<Block> blocks;
};

// Limits that keep one request from exhausting the server.
inline constexpr size_t kMaxPdfTextBytes = 8 << 20;    // all blocks together
inline constexpr size_t kMaxPdfInputBytes = 32 << 20;  // ExtractPdfText input

// Returns the bytes of an A4 PDF with `spec`'s blocks in order.
// INVALID_ARGUMENT if a block is not valid UTF-8 or the text is larger than
// kMaxPdfTextBytes; INTERNAL if Cairo fails.
absl::StatusOr<std::string> RenderPdf(const PdfDocumentSpec& spec);

// Returns the text of every page of `pdf`, pages separated by '\f'.
// INVALID_ARGUMENT if `pdf` is not a readable PDF, is encrypted, or is larger
// than kMaxPdfInputBytes.
absl::StatusOr<std::string> ExtractPdfText(absl::string_view pdf);

}  // namespace foi::pdf

#endif  // FOI_LIBS_PDF_PDF_DOCUMENT_H_
