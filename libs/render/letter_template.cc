#include "libs/render/letter_template.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"

namespace foi::render {
namespace {

using pdf::BlockStyle;

std::optional<BlockStyle> ParseDirective(absl::string_view line) {
  static constexpr struct {
    absl::string_view directive;
    BlockStyle style;
  } kDirectives[] = {
      {"@title", BlockStyle::kTitle},
      {"@subtitle", BlockStyle::kSubtitle},
      {"@heading", BlockStyle::kHeading},
      {"@paragraph", BlockStyle::kParagraph},
      {"@plain", BlockStyle::kPlain},
      {"@right", BlockStyle::kRightAligned},
  };
  for (const auto& d : kDirectives) {
    if (line == d.directive) return d.style;
  }
  return std::nullopt;
}

absl::string_view StripTrailingBlanks(absl::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Turns a block's rendered text into its final blocks (see the header: trim,
// drop empties, join paragraph lines, split paragraphs at blank lines).
void AppendBlocks(BlockStyle style, absl::string_view rendered,
                  std::vector<pdf::Block>& out) {
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(rendered, '\n')) {
    lines.emplace_back(StripTrailingBlanks(line));
  }
  if (style == BlockStyle::kParagraph) {
    // Lines that came out empty (a false section on a line of its own with
    // text around it) vanish; the paragraph breaks were fixed at parse time.
    std::string paragraph;
    for (const std::string& line : lines) {
      absl::StrAppend(&paragraph, absl::StripAsciiWhitespace(line));
    }
    if (!paragraph.empty()) out.push_back({style, std::move(paragraph)});
    return;
  }
  size_t first = 0;
  size_t last = lines.size();
  while (first < last && lines[first].empty()) ++first;
  while (last > first && lines[last - 1].empty()) --last;
  if (first == last) return;
  out.push_back({style, absl::StrJoin(lines.begin() + first,
                                      lines.begin() + last, "\n")});
}

}  // namespace

LetterTemplate::LetterTemplate(std::string name,
                               std::vector<BlockTemplate> blocks)
    : name_(std::move(name)), blocks_(std::move(blocks)) {}

absl::StatusOr<LetterTemplate> LetterTemplate::Parse(absl::string_view name,
                                                     absl::string_view text) {
  if (!IsValidUtf8(text)) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": not valid UTF-8"));
  }
  absl::ConsumePrefix(&text, "\xEF\xBB\xBF");  // a BOM from Windows editors

  struct PendingBlock {
    BlockStyle style;
    int first_line;
    std::vector<absl::string_view> lines;
  };
  std::vector<PendingBlock> pending;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    absl::string_view content = StripTrailingBlanks(line);
    if (absl::StartsWith(content, "#")) {
      // A standalone comment tag vanishes with its line, and keeps the line
      // numbers of what follows right.
      if (!pending.empty()) pending.back().lines.push_back("{{!}}");
      continue;
    }
    if (absl::StartsWith(content, "@")) {
      std::optional<BlockStyle> style = ParseDirective(content);
      if (!style.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat(
            name, ":", line_no, ": unknown block style '", content,
            "' (expected @title, @subtitle, @heading, @paragraph, @plain or "
            "@right)"));
      }
      pending.push_back({*style, line_no + 1, {}});
      continue;
    }
    if (pending.empty()) {
      if (!absl::StripAsciiWhitespace(content).empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(name, ":", line_no,
                         ": text before the first block (start one with a "
                         "line such as @paragraph)"));
      }
      continue;
    }
    pending.back().lines.push_back(line);
  }
  if (pending.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": no blocks (no @title, @paragraph, ... line)"));
  }

  std::vector<BlockTemplate> blocks;
  blocks.reserve(pending.size());
  auto add = [&](BlockStyle style, int first_line,
                 absl::Span<const absl::string_view> lines) -> absl::Status {
    FOI_ASSIGN_OR_RETURN(
        Template t,
        Template::Parse(name, absl::StrJoin(lines, "\n"), first_line));
    blocks.push_back({style, std::move(t)});
    return absl::OkStatus();
  };
  for (const PendingBlock& p : pending) {
    if (p.style != BlockStyle::kParagraph) {
      FOI_RETURN_IF_ERROR(add(p.style, p.first_line, p.lines));
      continue;
    }
    // A blank line in the file ends a paragraph. Splitting here, on the
    // source, keeps a value or a false section from ever breaking one.
    size_t start = 0;
    for (size_t i = 0; i <= p.lines.size(); ++i) {
      if (i < p.lines.size() &&
          !absl::StripAsciiWhitespace(p.lines[i]).empty()) {
        continue;
      }
      if (i > start) {
        FOI_RETURN_IF_ERROR(
            add(p.style, p.first_line + static_cast<int>(start),
                absl::MakeConstSpan(p.lines).subspan(start, i - start)));
      }
      start = i + 1;
    }
  }
  return LetterTemplate(std::string(name), std::move(blocks));
}

absl::StatusOr<std::vector<pdf::Block>> LetterTemplate::Render(
    const TemplateData& data) const {
  std::vector<pdf::Block> out;
  out.reserve(blocks_.size());
  for (const BlockTemplate& b : blocks_) {
    FOI_ASSIGN_OR_RETURN(std::string rendered, b.text.Render(data));
    AppendBlocks(b.style, rendered, out);
  }
  return out;
}

absl::StatusOr<std::map<std::string, LetterTemplate>> LoadLetterTemplates(
    const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return absl::NotFoundError(
        absl::StrCat("templates directory ", dir, ": not a directory"));
  }
  std::map<std::string, LetterTemplate> templates;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    return absl::NotFoundError(
        absl::StrCat("templates directory ", dir, ": ", ec.message()));
  }
  for (const fs::directory_entry& entry : it) {
    const fs::path& path = entry.path();
    if (path.extension().string() != kLetterTemplateExtension ||
        !entry.is_regular_file(ec)) {
      continue;
    }
    const std::string file = path.filename().string();
    if (entry.file_size(ec) > kMaxLetterTemplateBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          file, ": larger than ", kMaxLetterTemplateBytes, " bytes"));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat(file, ": cannot be read"));
    }
    const std::string text((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
    FOI_ASSIGN_OR_RETURN(LetterTemplate t, LetterTemplate::Parse(file, text));
    templates.emplace(path.stem().string(), std::move(t));
  }
  return templates;
}

}  // namespace foi::render
