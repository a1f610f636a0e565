#include "libs/screening/testing/labelled_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/common/text.h"

namespace foi::testing {
namespace {

constexpr absl::string_view kOpen = "\u27E6";   // ⟦
constexpr absl::string_view kClose = "\u27E7";  // ⟧

}  // namespace

absl::StatusOr<LabelledDocument> ParseLabelledDocument(
    absl::string_view name, absl::string_view labelled) {
  LabelledDocument doc;
  doc.name = std::string(name);
  if (!IsValidUtf8(labelled)) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": not valid UTF-8"));
  }
  int line = 1;
  auto error = [&](absl::string_view message) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ":", line, ": ", message));
  };
  size_t chars = 0;
  size_t pos = 0;
  auto copy_plain = [&](size_t to) {
    for (size_t i = pos; i < to; ++i) {
      const char c = labelled[i];
      chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      line += c == '\n';
    }
    doc.text.append(labelled.data() + pos, to - pos);
    pos = to;
  };
  for (;;) {
    const size_t open = labelled.find(kOpen, pos);
    const size_t stray = labelled.find(kClose, pos);
    if (stray != absl::string_view::npos &&
        (open == absl::string_view::npos || stray < open)) {
      copy_plain(stray);
      return error("'⟧' without '⟦'");
    }
    if (open == absl::string_view::npos) {
      copy_plain(labelled.size());
      break;
    }
    copy_plain(open);
    const size_t body = open + kOpen.size();
    const size_t close = labelled.find(kClose, body);
    if (close == absl::string_view::npos) return error("unclosed '⟦'");
    absl::string_view label = labelled.substr(body, close - body);
    if (label.find(kOpen) != absl::string_view::npos) {
      return error("labels do not nest");
    }
    const size_t bar = label.find('|');
    if (bar == absl::string_view::npos) return error("label without '|'");
    absl::string_view category_name = label.substr(0, bar);
    const absl::string_view text = label.substr(bar + 1);
    GoldSpan span;
    if (!category_name.empty() && category_name.front() == '!') {
      span.near_miss = true;
      category_name.remove_prefix(1);
    }
    std::optional<screening::Category> category =
        screening::ParseCategory(category_name);
    if (!category) {
      return error(absl::StrCat("unknown category '", category_name, "'"));
    }
    if (text.empty()) return error("empty label text");
    span.category = *category;
    span.line = line;
    span.byte_begin = doc.text.size();
    span.char_begin = chars;
    // The labelled text is copied as plain text.
    pos = body + bar + 1;
    copy_plain(close);
    pos = close + kClose.size();
    span.byte_end = doc.text.size();
    span.char_end = chars;
    span.text = std::string(text);
    doc.spans.push_back(std::move(span));
  }
  return doc;
}

absl::StatusOr<std::vector<LabelledDocument>> LoadLabelledCorpus(
    const std::string& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt") {
      files.push_back(it->path());
    }
  }
  if (ec || files.empty()) {
    return absl::NotFoundError(absl::StrCat("no corpus *.txt files in ", dir));
  }
  std::sort(files.begin(), files.end());
  std::vector<LabelledDocument> docs;
  for (const std::filesystem::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    auto doc = ParseLabelledDocument(path.filename().string(), contents.str());
    if (!doc.ok()) return doc.status();
    docs.push_back(*std::move(doc));
  }
  return docs;
}

}  // namespace foi::testing
