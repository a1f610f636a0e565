#include "libs/pdf/internal/typesetter.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace foi::pdf_internal {
namespace {

using ::foi::pdf::Block;
using ::foi::pdf::BlockStyle;

struct GObjectUnref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

struct FontDescriptionFree {
  void operator()(PangoFontDescription* p) const {
    pango_font_description_free(p);
  }
};
using FontDescriptionPtr =
    std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

struct CairoDestroy {
  void operator()(cairo_t* p) const { cairo_destroy(p); }
};
struct CairoSurfaceDestroy {
  void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
};

// Noto Serif CJK SC (Source Han Serif) carries Latin, digits and ■ (U+25A0,
// used for redactions) as well as the ideographs, so one face sets the whole
// letter; fontconfig falls back for anything else.
constexpr char kFontFamily[] = "Noto Serif CJK SC";

// Baseline-to-baseline distance as a multiple of the font size ("1.5 line
// spacing"), with the extra space split above and below the glyphs.
constexpr double kLineHeight = 1.5;
constexpr double kBodyLinePt = kBodySizePt * kLineHeight;

constexpr double kBodyTopPt = kTopMarginPt;
constexpr double kBodyBottomPt = kPageHeightPt - kBottomMarginPt;

// GB/T 9704-2012 7.5: the page number sits about 7 mm below the type area;
// 五号 (10.5 pt) keeps it apart from the body.
constexpr double kFooterSizePt = 10.5;
constexpr double kFooterTopPt = kBodyBottomPt + 7 * kPtPerMm;

// Line positions are compared in points; this absorbs rounding from Pango
// units so a line that fits exactly is not pushed to the next page.
constexpr double kEpsilonPt = 1e-3;

struct StyleSpec {
  double size_pt;
  PangoWeight weight;
  PangoAlignment alignment;
  bool justify;
  // First-line indent of every paragraph in the block, in characters.
  double indent_chars;
  // Vertical space around the block; between two blocks the larger of the
  // first's space_after and the second's space_before applies, and none at
  // the top of a page.
  double space_before_pt;
  double space_after_pt;
};

const StyleSpec& StyleOf(BlockStyle style) {
  // 二号 (22 pt) bold for the title, as for the title of an official letter.
  static constexpr StyleSpec kTitle{
      22, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, false, 0, 0, kBodyLinePt};
  static constexpr StyleSpec kSubtitle{
      kBodySizePt, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, false, 0,
      0,           kBodyLinePt};
  static constexpr StyleSpec kHeading{
      kBodySizePt, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, false, 0, 0, 0};
  // Chinese paragraphs: justified, the first line indented two characters.
  static constexpr StyleSpec kParagraph{
      kBodySizePt, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, true, 2, 0, 0};
  static constexpr StyleSpec kPlain{
      kBodySizePt, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, false, 0, 0, 0};
  // A blank line sets the signature and date off from the body.
  static constexpr StyleSpec kRightAligned{kBodySizePt,
                                           PANGO_WEIGHT_NORMAL,
                                           PANGO_ALIGN_RIGHT,
                                           false,
                                           0,
                                           kBodyLinePt,
                                           0};
  switch (style) {
    case BlockStyle::kTitle:
      return kTitle;
    case BlockStyle::kSubtitle:
      return kSubtitle;
    case BlockStyle::kHeading:
      return kHeading;
    case BlockStyle::kParagraph:
      return kParagraph;
    case BlockStyle::kPlain:
      return kPlain;
    case BlockStyle::kRightAligned:
      return kRightAligned;
  }
  return kPlain;
}

// Space between a block of style `prev` and the next one of style `next`.
double GapBetween(BlockStyle prev, BlockStyle next) {
  // Signature, seal text and date stack without blank lines between them.
  if (prev == BlockStyle::kRightAligned && next == BlockStyle::kRightAligned) {
    return 0;
  }
  return std::max(StyleOf(prev).space_after_pt, StyleOf(next).space_before_pt);
}

double ToPt(int pango_units) {
  return static_cast<double>(pango_units) / PANGO_SCALE;
}
int ToPangoUnits(double pt) { return static_cast<int>(pt * PANGO_SCALE); }

PangoContextPtr NewPangoContext(cairo_t* cr) {
  // pango_cairo_create_context uses the calling thread's default font map,
  // which is what makes concurrent calls safe (PangoFontMap is not
  // thread-safe) and copies the PDF surface's font options: unhinted metrics,
  // so the breaks measured here are the widths drawn in the PDF.
  PangoContextPtr context(pango_cairo_create_context(cr));
  // Simplified Chinese glyph forms and fallback fonts.
  pango_context_set_language(context.get(),
                             pango_language_from_string("zh-cn"));
  // A PDF is not a pixel grid: keep fractional advances so justified lines
  // end exactly at the margin.
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  return context;
}

PangoLayoutPtr NewLayout(PangoContext* context, double size_pt,
                         PangoWeight weight) {
  PangoLayoutPtr layout(pango_layout_new(context));
  FontDescriptionPtr font(pango_font_description_from_string(kFontFamily));
  // Absolute size is in device units, which are points on a PDF surface;
  // pango_font_description_set_size would scale by the 96 dpi resolution.
  pango_font_description_set_absolute_size(font.get(), size_pt * PANGO_SCALE);
  pango_font_description_set_weight(font.get(), weight);
  pango_layout_set_font_description(layout.get(), font.get());
  return layout;
}

// A layout for `text`, one paragraph or part of one, in `style` at the body
// width. `indent_first_line` is false for the continuation of a paragraph.
PangoLayoutPtr NewParagraphLayout(PangoContext* context, const StyleSpec& style,
                                  absl::string_view text,
                                  bool indent_first_line) {
  PangoLayoutPtr layout = NewLayout(context, style.size_pt, style.weight);
  pango_layout_set_width(layout.get(), ToPangoUnits(kBodyWidthPt));
  // WORD_CHAR: Pango breaks at UAX #14 opportunities, which lie between
  // ideographs but not before closing punctuation such as ，。、）or after
  // opening punctuation such as （《, so those never start or end a line;
  // only a run with no opportunity at all (a long URL) is cut between
  // characters.
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.alignment);
  pango_layout_set_justify(layout.get(), style.justify);
  if (indent_first_line) {
    pango_layout_set_indent(layout.get(),
                            ToPangoUnits(style.indent_chars * style.size_pt));
  }
  pango_layout_set_text(layout.get(), text.data(),
                        static_cast<int>(text.size()));
  return layout;
}

// Where a line sits inside its layout, in points.
struct LineMetrics {
  double x;       // left edge relative to the layout (alignment, indent)
  double width;   // logical width
  double ascent;  // logical extent above the baseline
  double height;  // logical height
};

// Calls fn(index, line, metrics) for every line of `layout`, top to bottom.
template <typename Fn>
void ForEachLayoutLine(PangoLayout* layout, Fn&& fn) {
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  int index = 0;
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    PangoRectangle in_layout;
    pango_layout_iter_get_line_extents(iter, nullptr, &in_layout);
    PangoRectangle in_line;
    pango_layout_line_get_extents(line, nullptr, &in_line);
    fn(index++, line,
       LineMetrics{ToPt(in_layout.x), ToPt(in_layout.width), ToPt(-in_line.y),
                   ToPt(in_line.height)});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

// Returns the largest code point boundary of `text` at or before `pos`.
size_t Utf8Floor(absl::string_view text, size_t pos) {
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

// Returns the length of the paragraph separator at text[pos] (Pango's: LF,
// CR, CR LF, U+2029), or 0 if there is none.
size_t SeparatorLength(absl::string_view text, size_t pos) {
  if (text[pos] == '\n') return 1;
  if (text[pos] == '\r') {
    return pos + 1 < text.size() && text[pos + 1] == '\n' ? 2 : 1;
  }
  return absl::StartsWith(text.substr(pos), "\u2029") ? 3 : 0;
}

// Calls fn(line, metrics, offset) for every line of `block` in order, where
// `offset` is the byte offset in block.text at which the line starts.
//
// Each paragraph gets its own layouts, and a paragraph longer than
// `window_bytes` is laid out a window at a time: all lines of a window but
// the last are kept, and the next window starts where that last line
// started. Pango breaks lines greedily, so the kept lines are the ones a
// single layout would give, but for the odd break moved by a character where
// a run that straddles a window is shaped differently; both passes use the
// same windows, so plan and drawing agree. Windows bound the memory of one
// layout (a few KiB of text instead of megabytes), and keep
// Pango clear of its 32-bit width arithmetic, which wraps around for a run
// of about 2^31 / 1024 = 2 million points (some 175,000 ideographs at 12 pt)
// and would leave such a paragraph on one endless line.
template <typename Fn>
void ForEachBlockLine(PangoContext* context, const Block& block,
                      size_t window_bytes, Fn&& fn) {
  const StyleSpec& style = StyleOf(block.style);
  const absl::string_view text = block.text;
  // At least one code point per window, so that every window makes progress.
  window_bytes = std::max<size_t>(window_bytes, 4);
  size_t paragraph = 0;
  for (;;) {
    size_t end = paragraph;
    while (end < text.size() && SeparatorLength(text, end) == 0) ++end;
    // One paragraph: [paragraph, end).
    size_t start = paragraph;
    for (bool first = true;; first = false) {
      const bool last_window = end - start <= window_bytes;
      const size_t stop =
          last_window ? end : Utf8Floor(text, start + window_bytes);
      PangoLayoutPtr layout = NewParagraphLayout(
          context, style, text.substr(start, stop - start), first);
      const int count = pango_layout_get_line_count(layout.get());
      size_t next = stop;
      ForEachLayoutLine(layout.get(), [&](int index, PangoLayoutLine* line,
                                          const LineMetrics& metrics) {
        const size_t offset = start + line->start_index;
        // The last line of a window may have been cut by the window's end;
        // lay it out again at the start of the next window. (A window of a
        // single line still makes progress: it is kept.)
        if (!last_window && count > 1 && index == count - 1) {
          next = offset;
          return;
        }
        fn(line, metrics, offset);
      });
      if (last_window) break;
      start = next;
    }
    if (end == text.size()) break;
    paragraph = end + SeparatorLength(text, end);
  }
}

// Where one line is drawn.
struct Placement {
  int page;  // 0-based
  double x;
  double baseline;
};

// The result of the first pass: every line of every block, in order.
struct Plan {
  std::vector<Placement> lines;
  int pages = 1;
};

// First pass: breaks every block into lines and assigns each line a page and
// a position. Only the positions are kept, not the layouts, so memory stays
// proportional to the number of lines rather than to Pango's per-character
// data for the whole document.
Plan PlanPages(PangoContext* context, absl::Span<const Block> blocks) {
  Plan plan;
  double y = kBodyTopPt;  // top of the next line box
  bool page_empty = true;
  const Block* prev = nullptr;
  for (const Block& block : blocks) {
    const StyleSpec& style = StyleOf(block.style);
    const double gap =
        prev == nullptr ? 0 : GapBetween(prev->style, block.style);
    bool first_line = true;
    ForEachBlockLine(
        context, block, kLayoutWindowBytes,
        [&](PangoLayoutLine*, const LineMetrics& m, size_t) {
          const double pitch = std::max(style.size_pt * kLineHeight, m.height);
          double top = y;
          if (first_line && !page_empty) top += gap;
          if (!page_empty && top + pitch > kBodyBottomPt + kEpsilonPt) {
            ++plan.pages;
            top = kBodyTopPt;
          }
          plan.lines.push_back(
              Placement{plan.pages - 1, kLeftMarginPt + m.x,
                        top + (pitch - m.height) / 2 + m.ascent});
          y = top + pitch;
          page_empty = false;
          first_line = false;
        });
    prev = &block;
  }
  return plan;
}

void DrawPageNumber(cairo_t* cr, PangoContext* context, int page, int pages) {
  PangoLayoutPtr layout =
      NewLayout(context, kFooterSizePt, PANGO_WEIGHT_NORMAL);
  // En spaces (U+2002, half an em) rather than ASCII spaces: poppler's text
  // extraction treats evenly spaced glyphs narrower than about a third of an
  // em as letter-spacing and drops the spaces, so "第 1 页 共 2 页" would come
  // back as "第1页共2页". Half an em keeps the spaces in pdftotext and
  // ExtractPdfText, which report them as ASCII spaces.
  const std::string text = absl::StrCat(
      "第\u2002", page, "\u2002页\u2002共\u2002", pages, "\u2002页");
  pango_layout_set_text(layout.get(), text.data(),
                        static_cast<int>(text.size()));
  ForEachLayoutLine(layout.get(), [&](int, PangoLayoutLine* line,
                                      const LineMetrics& m) {
    cairo_move_to(cr, (kPageWidthPt - m.width) / 2, kFooterTopPt + m.ascent);
    pango_cairo_show_layout_line(cr, line);
  });
}

}  // namespace

absl::StatusOr<int> TypesetPages(cairo_t* cr, absl::Span<const Block> blocks) {
  PangoContextPtr context = NewPangoContext(cr);
  // "共 M 页" needs the page count before the first page is drawn, so plan
  // all pages first and draw in a second pass over fresh layouts (the same
  // text, font and context give the same lines).
  const Plan plan = PlanPages(context.get(), blocks);
  cairo_set_source_rgb(cr, 0, 0, 0);
  int page = 0;
  size_t next = 0;
  for (const Block& block : blocks) {
    ForEachBlockLine(context.get(), block, kLayoutWindowBytes,
                     [&](PangoLayoutLine* line, const LineMetrics&, size_t) {
                       if (next >= plan.lines.size()) {
                         ++next;  // reported below
                         return;
                       }
                       const Placement& at = plan.lines[next++];
                       for (; page < at.page; ++page) {
                         DrawPageNumber(cr, context.get(), page + 1,
                                        plan.pages);
                         cairo_show_page(cr);
                       }
                       cairo_move_to(cr, at.x, at.baseline);
                       // The only drawing call for body text: text is never
                       // painted over, so nothing hides in the file that the
                       // page does not show.
                       pango_cairo_show_layout_line(cr, line);
                     });
  }
  if (next != plan.lines.size()) {
    return absl::InternalError(absl::StrCat(
        "typesetting: drew ", next, " lines, planned ", plan.lines.size()));
  }
  for (; page < plan.pages; ++page) {
    DrawPageNumber(cr, context.get(), page + 1, plan.pages);
    cairo_show_page(cr);
  }
  return plan.pages;
}

std::vector<LineForTesting> BreakLinesForTesting(const Block& block,
                                                 size_t window_bytes) {
  // A PDF surface that discards its output gives the same font options as
  // RenderPdf's, hence the same breaks.
  std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy> surface(
      cairo_pdf_surface_create_for_stream(
          [](void*, const unsigned char*, unsigned int) {
            return CAIRO_STATUS_SUCCESS;
          },
          nullptr, kPageWidthPt, kPageHeightPt));
  std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
  PangoContextPtr context = NewPangoContext(cr.get());
  std::vector<LineForTesting> lines;
  ForEachBlockLine(
      context.get(), block, window_bytes,
      [&](PangoLayoutLine* line, const LineMetrics& m, size_t offset) {
        lines.push_back(LineForTesting{block.text.substr(offset, line->length),
                                       m.x, m.width});
      });
  return lines;
}

}  // namespace foi::pdf_internal
