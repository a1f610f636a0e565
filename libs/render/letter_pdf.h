// The PDF form of a letter, through foi::pdf (Pango and Cairo). A library of
// its own (foi::render_pdf) so that text and HTML rendering do not pull in
// the typesetting stack.
//
// Thread safety: safe to call concurrently (as foi::pdf::RenderPdf).
#ifndef FOI_LIBS_RENDER_LETTER_PDF_H_
#define FOI_LIBS_RENDER_LETTER_PDF_H_

#include <string>

#include "absl/status/statusor.h"
#include "libs/render/letter.h"

namespace foi::render {

// Returns the letter as the bytes of an A4 PDF whose metadata title is the
// letter's title and whose text is the letter's blocks in order.
// INVALID_ARGUMENT if the letter is larger than pdf::kMaxPdfTextBytes or not
// valid UTF-8; INTERNAL if typesetting fails.
absl::StatusOr<std::string> ToPdf(const Letter& letter);

}  // namespace foi::render

#endif  // FOI_LIBS_RENDER_LETTER_PDF_H_
