#include "libs/render/letter_pdf.h"

#include "libs/pdf/pdf_document.h"

namespace foi::render {

absl::StatusOr<std::string> ToPdf(const Letter& letter) {
  pdf::PdfDocumentSpec spec;
  spec.title = letter.title;
  spec.blocks = letter.blocks;
  return pdf::RenderPdf(spec);
}

}  // namespace foi::render
