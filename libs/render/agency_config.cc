#include "libs/render/agency_config.h"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"

namespace foi::render {
namespace {

constexpr absl::string_view kPatternPrefix = "document_number_pattern.";
constexpr size_t kMaxValueChars = 500;

// The letter kinds a document number pattern may be overridden for; the
// names match LetterKindName in letter_renderer.h.
constexpr absl::string_view kPatternKinds[] = {
    "reply", "correction_notice", "extension_notice", "consultation_letter",
    "fee_notice"};

struct Field {
  absl::string_view key;
  std::string AgencyConfig::*member;
};

constexpr Field kFields[] = {
    {"agency_name", &AgencyConfig::agency_name},
    {"agency_short", &AgencyConfig::agency_short},
    {"document_number_pattern", &AgencyConfig::document_number_pattern},
    {"address", &AgencyConfig::address},
    {"postcode", &AgencyConfig::postcode},
    {"phone", &AgencyConfig::phone},
    {"seal_text", &AgencyConfig::seal_text},
    {"reconsideration_body", &AgencyConfig::reconsideration_body},
    {"court", &AgencyConfig::court},
    {"remedy_notice", &AgencyConfig::remedy_notice},
    {"remedy_notice_reconsideration_first",
     &AgencyConfig::remedy_notice_reconsideration_first},
    {"fee_payment_route", &AgencyConfig::fee_payment_route},
};

// Calls `on_placeholder(name)` for each {name} in `text` and
// `on_text(piece)` for the text between them. INVALID_ARGUMENT naming `key`
// for a '{' without '}' or a stray '}'.
template <typename OnText, typename OnPlaceholder>
absl::Status ScanPlaceholders(absl::string_view key, absl::string_view text,
                              OnText on_text, OnPlaceholder on_placeholder) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find_first_of("{}", pos);
    if (open == absl::string_view::npos) {
      on_text(text.substr(pos));
      break;
    }
    if (text[open] == '}') {
      return absl::InvalidArgumentError(
          absl::StrCat(key, ": '}' without '{' at byte ", open));
    }
    const size_t close = text.find('}', open + 1);
    if (close == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(key, ": '{' without '}' at byte ", open));
    }
    on_text(text.substr(pos, open - pos));
    FOI_RETURN_IF_ERROR(
        on_placeholder(text.substr(open + 1, close - open - 1)));
    pos = close + 1;
  }
  return absl::OkStatus();
}

absl::Status CheckPlaceholders(absl::string_view key, absl::string_view text,
                               std::initializer_list<absl::string_view> allowed,
                               std::set<std::string>* seen = nullptr) {
  return ScanPlaceholders(
      key, text, [](absl::string_view) {},
      [&](absl::string_view name) -> absl::Status {
        for (absl::string_view a : allowed) {
          if (a == name) {
            if (seen != nullptr) seen->insert(std::string(name));
            return absl::OkStatus();
          }
        }
        return absl::InvalidArgumentError(
            absl::StrCat(key, ": unknown placeholder {", name, "} (allowed: {",
                         absl::StrJoin(allowed, "} {"), "})"));
      });
}

absl::Status CheckPattern(absl::string_view key, absl::string_view pattern) {
  FOI_RETURN_IF_ERROR(ValidateText(key, pattern, {kMaxValueChars, true}));
  std::set<std::string> seen;
  FOI_RETURN_IF_ERROR(
      CheckPlaceholders(key, pattern, {"agency_short", "year", "seq"}, &seen));
  // Without the sequence number every letter of a year would share one
  // number.
  if (seen.count("seq") == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(key, ": must contain {seq}"));
  }
  return absl::OkStatus();
}

// Replaces each {name} with the value `lookup(name)` returns.
template <typename Lookup>
std::string Expand(absl::string_view text, Lookup lookup) {
  std::string out;
  out.reserve(text.size() + 32);
  absl::Status s = ScanPlaceholders(
      "", text, [&](absl::string_view piece) { absl::StrAppend(&out, piece); },
      [&](absl::string_view name) {
        absl::StrAppend(&out, lookup(name));
        return absl::OkStatus();
      });
  (void)s;  // REQUIRES: validated, so the scan cannot fail.
  return out;
}

}  // namespace

absl::Status ValidateAgencyConfig(const AgencyConfig& config) {
  for (const Field& f : kFields) {
    FOI_RETURN_IF_ERROR(
        ValidateText(f.key, config.*f.member, {kMaxValueChars, true}));
  }
  if (config.postcode.size() != 6 ||
      !std::all_of(config.postcode.begin(), config.postcode.end(),
                   [](char c) { return absl::ascii_isdigit(c); })) {
    return absl::InvalidArgumentError("postcode: must be 6 digits");
  }
  FOI_RETURN_IF_ERROR(
      CheckPattern("document_number_pattern", config.document_number_pattern));
  for (const auto& [kind, pattern] : config.document_number_patterns) {
    const std::string key = absl::StrCat(kPatternPrefix, kind);
    if (std::find(std::begin(kPatternKinds), std::end(kPatternKinds), kind) ==
        std::end(kPatternKinds)) {
      return absl::InvalidArgumentError(
          absl::StrCat(key, ": unknown letter kind (allowed: ",
                       absl::StrJoin(kPatternKinds, ", "), ")"));
    }
    FOI_RETURN_IF_ERROR(CheckPattern(key, pattern));
  }
  for (absl::string_view key :
       {"remedy_notice", "remedy_notice_reconsideration_first"}) {
    const std::string& text = key == "remedy_notice"
                                  ? config.remedy_notice
                                  : config.remedy_notice_reconsideration_first;
    FOI_RETURN_IF_ERROR(CheckPlaceholders(
        key, text, {"agency_name", "reconsideration_body", "court"}));
  }
  return absl::OkStatus();
}

absl::StatusOr<AgencyConfig> ParseAgencyConfig(absl::string_view text,
                                               absl::string_view source) {
  if (!IsValidUtf8(text)) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": not valid UTF-8"));
  }
  absl::ConsumePrefix(&text, "\xEF\xBB\xBF");
  AgencyConfig config;
  std::set<std::string, std::less<>> seen;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    const size_t eq = line.find('=');
    if (eq == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ":", line_no, ": expected 'key = value'"));
    }
    const absl::string_view key =
        absl::StripAsciiWhitespace(line.substr(0, eq));
    const absl::string_view value =
        absl::StripAsciiWhitespace(line.substr(eq + 1));
    if (!seen.insert(std::string(key)).second) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ":", line_no, ": ", key, ": set twice"));
    }
    if (absl::StartsWith(key, kPatternPrefix)) {
      config.document_number_patterns[std::string(
          key.substr(kPatternPrefix.size()))] = std::string(value);
      continue;
    }
    const Field* field = nullptr;
    for (const Field& f : kFields) {
      if (f.key == key) field = &f;
    }
    if (field == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ":", line_no, ": ", key, ": unknown key"));
    }
    config.*(field->member) = std::string(value);
  }
  // Name the missing key before anything else, so the message reads
  // "seal_text: required" rather than a complaint about another field.
  for (const Field& f : kFields) {
    if (seen.count(f.key) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(f.key, ": required"));
    }
  }
  FOI_RETURN_IF_ERROR(ValidateAgencyConfig(config));
  return config;
}

absl::StatusOr<AgencyConfig> LoadAgencyConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot be read"));
  }
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  return ParseAgencyConfig(text, path);
}

std::string FormatDocumentNumber(absl::string_view pattern,
                                 absl::string_view agency_short, int year,
                                 int64_t seq) {
  return Expand(pattern, [&](absl::string_view name) -> std::string {
    if (name == "agency_short") return std::string(agency_short);
    if (name == "year") return absl::StrCat(year);
    return absl::StrCat(seq);
  });
}

std::string ExpandRemedyNotice(absl::string_view notice,
                               const AgencyConfig& config) {
  return Expand(notice, [&](absl::string_view name) -> std::string {
    if (name == "agency_name") return config.agency_name;
    if (name == "reconsideration_body") return config.reconsideration_body;
    return config.court;
  });
}

}  // namespace foi::render
