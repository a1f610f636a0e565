// Letter templates: data files (deploy/templates/*.tmpl) that lay a letter
// out as styled blocks whose text is a Template (template.h).
//
// File format (UTF-8):
//
//   # 政府信息公开申请答复书（予以公开）            <- comment line
//   @title                                        <- starts a block
//   {{agency_name}}
//   政府信息公开申请答复书
//
//   @paragraph
//   本机关于{{receipt_date}}收到您提出的政府信息公开申请……
//
// A line that is exactly "@title", "@subtitle", "@heading", "@paragraph",
// "@plain" or "@right" starts a block of that style (pdf::BlockStyle); the
// lines up to the next such line are its template. A line whose first
// character is '#' is a comment. Blank lines between blocks do not matter.
// Nothing but comments and blank lines may come before the first block.
//
// Inside a paragraph block, a blank line ends one paragraph and starts the
// next (so a section cannot span a blank line there), and the lines of a
// paragraph are joined with nothing between them, as Chinese text needs: long
// sentences may be wrapped freely in the file, and a line that renders empty
// simply vanishes. In the other blocks lines are kept; leading and trailing
// blank lines are dropped and each line is trimmed at the end. A block that
// renders to nothing is left out, which is how a whole paragraph is made
// conditional ({{#flag}}...{{/flag}} around its text).
//
// Block structure comes only from the file: values cannot start blocks or
// change a block's style, whatever characters they contain.
//
// Thread safety: a LetterTemplate is immutable; Render may be called
// concurrently.
#ifndef FOI_LIBS_RENDER_LETTER_TEMPLATE_H_
#define FOI_LIBS_RENDER_LETTER_TEMPLATE_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/pdf/pdf_document.h"
#include "libs/render/template.h"

namespace foi::render {

// File name extension of letter templates.
inline constexpr absl::string_view kLetterTemplateExtension = ".tmpl";

// Largest template file LoadLetterTemplates reads.
inline constexpr size_t kMaxLetterTemplateBytes = 1 << 20;

class LetterTemplate {
 public:
  // Parses a letter template. `name` labels errors (the file name).
  // INVALID_ARGUMENT "<name>:<line>: <problem>" for text before the first
  // block, an unknown "@style" line, a template with no block, text that is
  // not UTF-8, or any Template::Parse error.
  static absl::StatusOr<LetterTemplate> Parse(absl::string_view name,
                                              absl::string_view text);

  // Renders the blocks in file order, leaving out those that come out empty.
  // INVALID_ARGUMENT "<name>:<line>: ..." as Template::Render.
  absl::StatusOr<std::vector<pdf::Block>> Render(
      const TemplateData& data) const;

  // The name given to Parse (the file name).
  const std::string& name() const { return name_; }

 private:
  struct BlockTemplate {
    pdf::BlockStyle style;
    Template text;
  };

  LetterTemplate(std::string name, std::vector<BlockTemplate> blocks);

  std::string name_;
  std::vector<BlockTemplate> blocks_;
};

// Reads and parses every "*.tmpl" file directly in `dir`, keyed by the file
// name without the extension ("reply_disclosed"). Other files are ignored.
// NOT_FOUND if `dir` is not a readable directory; INVALID_ARGUMENT naming
// the file (and line) if one is larger than kMaxLetterTemplateBytes or does
// not parse.
absl::StatusOr<std::map<std::string, LetterTemplate>> LoadLetterTemplates(
    const std::string& dir);

}  // namespace foi::render

#endif  // FOI_LIBS_RENDER_LETTER_TEMPLATE_H_
