// The page layout behind RenderPdf: A4 geometry with the type area of a
// Chinese official letter, the look of each BlockStyle, and the placement of
// every Pango line on a page.
//
// Thread safety: the functions may be called concurrently from different
// threads as long as each call has its own cairo_t. Pango state comes from
// the calling thread's default PangoCairo font map.
#ifndef FOI_LIBS_PDF_INTERNAL_TYPESETTER_H_
#define FOI_LIBS_PDF_INTERNAL_TYPESETTER_H_

#include <cairo.h>

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "libs/pdf/pdf_document.h"

namespace foi::pdf_internal {

// A4 in PDF points (1/72 inch).
inline constexpr double kPageWidthPt = 595.276;
inline constexpr double kPageHeightPt = 841.89;

// The margins leave the 156 mm x 225 mm type area of GB/T 9704-2012
// (layout of official documents of party and government organs).
inline constexpr double kPtPerMm = 72.0 / 25.4;
inline constexpr double kTopMarginPt = 37 * kPtPerMm;
inline constexpr double kBottomMarginPt = 35 * kPtPerMm;
inline constexpr double kLeftMarginPt = 28 * kPtPerMm;
inline constexpr double kRightMarginPt = 26 * kPtPerMm;
inline constexpr double kBodyWidthPt =
    kPageWidthPt - kLeftMarginPt - kRightMarginPt;

// Body text is 小四 (12 pt, 16 px), 36 characters to a line.
inline constexpr double kBodySizePt = 12;

// Longest piece of a paragraph given to one PangoLayout; see
// BreakLinesForTesting.
inline constexpr size_t kLayoutWindowBytes = 16 << 10;

// Draws `blocks` in order on consecutive pages of `cr`'s surface, with
// "第 N 页 共 M 页" centred under the type area, and ends every page with
// cairo_show_page(). A block that does not fit continues on the next page,
// broken between lines. Returns the number of pages (at least 1: no blocks
// give one page that carries only its number).
// Returns INTERNAL if the drawing pass does not reproduce the planned lines
// (a bug). Cairo errors are left in cr's status for the caller to check.
// REQUIRES: `cr` draws on a fresh kPageWidthPt x kPageHeightPt surface in
// points with the identity transform; every block's text is valid UTF-8
// without control characters other than tabs and line breaks.
absl::StatusOr<int> TypesetPages(cairo_t* cr,
                                 absl::Span<const pdf::Block> blocks);

// One line of a block as TypesetPages breaks it.
struct LineForTesting {
  std::string text;  // the block's UTF-8 that the line shows
  double x_pt;       // left edge of the line, from the left margin
  double width_pt;   // logical width of the line
};

// Returns the lines of `block` at the body width, exactly as TypesetPages
// breaks them when `window_bytes` is kLayoutWindowBytes. Test hook for line
// breaking and justification.
//
// A paragraph longer than `window_bytes` is laid out a window at a time,
// each window restarting at the line the previous one may have cut short.
// The lines are those of a single layout except that, where Pango reshapes a
// run a window cut, a break may move by a character.
// REQUIRES: as for TypesetPages.
std::vector<LineForTesting> BreakLinesForTesting(
    const pdf::Block& block, size_t window_bytes = kLayoutWindowBytes);

}  // namespace foi::pdf_internal

#endif  // FOI_LIBS_PDF_INTERNAL_TYPESETTER_H_
