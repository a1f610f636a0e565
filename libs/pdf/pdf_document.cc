#include "libs/pdf/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/common/text.h"
#include "libs/pdf/internal/typesetter.h"

namespace foi::pdf {
namespace {

struct CairoDestroy {
  void operator()(cairo_t* p) const { cairo_destroy(p); }
};
struct CairoSurfaceDestroy {
  void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
};

absl::Status ValidateSpec(const PdfDocumentSpec& spec) {
  size_t total = spec.title.size();
  for (const Block& block : spec.blocks) total += block.text.size();
  if (total > kMaxPdfTextBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "blocks: ", total, " bytes of text, more than ", kMaxPdfTextBytes));
  }
  // Pango draws control characters as hex boxes, and cairo takes the title
  // as a C string that a NUL would cut short, so the rule of every
  // multi-line text field applies (libs/common/text.h): tabs and line breaks
  // only, and none in the title.
  TextRule title_rule;
  title_rule.max_chars = kMaxPdfTextBytes;
  if (absl::Status s = ValidateText("title", spec.title, title_rule); !s.ok()) {
    return s;
  }
  TextRule block_rule = title_rule;
  block_rule.multiline = true;
  for (size_t i = 0; i < spec.blocks.size(); ++i) {
    absl::Status s = ValidateText(absl::StrCat("blocks[", i, "].text"),
                                  spec.blocks[i].text, block_rule);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

cairo_status_t AppendToString(void* closure, const unsigned char* data,
                              unsigned int length) {
  static_cast<std::string*>(closure)->append(
      reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

absl::Status CairoError(absl::string_view what, cairo_status_t status) {
  return absl::InternalError(
      absl::StrCat(what, ": ", cairo_status_to_string(status)));
}

// Poppler prints syntax errors of damaged input to stderr by default. Bad
// input is reported to the caller as INVALID_ARGUMENT instead, and libraries
// do not log, so its diagnostics are dropped. The hook is process-wide and
// poppler reads it without a lock, hence set once, before any document loads.
void SilencePopplerDiagnostics() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(
        [](const std::string& /*message*/, void* /*closure*/) {}, nullptr);
  });
}

}  // namespace

absl::StatusOr<std::string> RenderPdf(const PdfDocumentSpec& spec) {
  if (absl::Status s = ValidateSpec(spec); !s.ok()) return s;

  // Declared before the surface, which writes into it until finished.
  std::string pdf;
  std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy> surface(
      cairo_pdf_surface_create_for_stream(&AppendToString, &pdf,
                                          pdf_internal::kPageWidthPt,
                                          pdf_internal::kPageHeightPt));
  if (cairo_status_t s = cairo_surface_status(surface.get());
      s != CAIRO_STATUS_SUCCESS) {
    return CairoError("creating the PDF surface", s);
  }
  if (!spec.title.empty()) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   spec.title.c_str());
  }
  std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
  if (absl::StatusOr<int> pages =
          pdf_internal::TypesetPages(cr.get(), spec.blocks);
      !pages.ok()) {
    return pages.status();
  }
  if (cairo_status_t s = cairo_status(cr.get()); s != CAIRO_STATUS_SUCCESS) {
    return CairoError("drawing the PDF", s);
  }
  cr.reset();
  // Fonts are subset and embedded, and the trailer written, only here.
  cairo_surface_finish(surface.get());
  if (cairo_status_t s = cairo_surface_status(surface.get());
      s != CAIRO_STATUS_SUCCESS) {
    return CairoError("writing the PDF", s);
  }
  surface.reset();
  return pdf;
}

absl::StatusOr<std::string> ExtractPdfText(absl::string_view pdf) {
  if (pdf.empty()) {
    return absl::InvalidArgumentError("pdf: empty");
  }
  if (pdf.size() > kMaxPdfInputBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "pdf: ", pdf.size(), " bytes, more than ", kMaxPdfInputBytes));
  }
  SilencePopplerDiagnostics();
  // Poppler reads the bytes in place, without a copy, for as long as the
  // document lives; `doc` is destroyed before this function returns, so the
  // caller's buffer outlives it and copying up to 32 MiB would buy nothing.
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      pdf.data(), static_cast<int>(pdf.size())));
  if (doc == nullptr) {
    return absl::InvalidArgumentError("pdf: not a readable PDF");
  }
  // is_locked() first: poppler-cpp's other accessors are not safe to call on
  // a locked document (is_encrypted() crashes on one).
  if (doc->is_locked() || doc->is_encrypted()) {
    return absl::InvalidArgumentError("pdf: encrypted");
  }
  std::string text;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("pdf: page ", i + 1, " is unreadable"));
    }
    if (i > 0) text.push_back('\f');
    const poppler::byte_array utf8 = page->text().to_utf8();
    absl::string_view page_text(utf8.data(), utf8.size());
    // Poppler ends each page's text with its own form feed; drop it so that
    // exactly one '\f' separates pages.
    while (absl::ConsumeSuffix(&page_text, "\f")) {
    }
    text.append(page_text.data(), page_text.size());
  }
  return text;
}

}  // namespace foi::pdf
