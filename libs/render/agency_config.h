// The replying agency's details that go into every letter, read from a
// key=value file (deploy/agency.example.conf documents every key).
//
// File format (UTF-8): one "key = value" per line; blanks around the key and
// the value are dropped; a line whose first non-blank character is '#' is a
// comment; blank lines are ignored. A value runs to the end of its line (no
// quoting, no continuation lines). Every key may appear once. Unknown keys
// are errors, so that a misspelt key is not silently ignored.
//
// Some values take placeholders in single braces, expanded when a letter is
// rendered:
//   document_number_pattern[.<kind>]  {agency_short} {year} {seq}
//   remedy_notice, remedy_notice_reconsideration_first
//                                     {agency_name} {reconsideration_body}
//                                     {court}
//
// Thread safety: plain values and free functions.
#ifndef FOI_LIBS_RENDER_AGENCY_CONFIG_H_
#define FOI_LIBS_RENDER_AGENCY_CONFIG_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace foi::render {

struct AgencyConfig {
  // Required. Full name, e.g. "云岭市自然资源和规划局".
  std::string agency_name;
  // Required. Short name used in document numbers, e.g. "云自然资规".
  std::string agency_short;
  // Required. Document number, e.g. "{agency_short}依公开〔{year}〕{seq}号".
  std::string document_number_pattern;
  // Optional. Per letter kind overrides of document_number_pattern, keyed by
  // "reply", "correction_notice", "extension_notice", "consultation_letter"
  // or "fee_notice" (file keys "document_number_pattern.<kind>").
  std::map<std::string, std::string> document_number_patterns;
  // Required. Postal address for replies, corrections and opinions.
  std::string address;
  // Required. Six-digit postcode.
  std::string postcode;
  // Required. Telephone of the OGI office.
  std::string phone;
  // Required. The text printed where the seal is stamped (the agency, or
  // "云岭市自然资源和规划局（政府信息公开专用章）").
  std::string seal_text;
  // Required. Where reconsideration is applied for. Since 2024-01-01 (2023
  // Administrative Reconsideration Law Art. 24) usually the people's
  // government at the same level.
  std::string reconsideration_body;
  // Required. The people's court with jurisdiction.
  std::string court;
  // Required. The remedy notice printed on replies, e.g.
  // "如对本答复不服，可以自收到本答复之日起60日内向{reconsideration_body}申请
  // 行政复议，或者自收到本答复之日起6个月内向{court}提起行政诉讼。"
  std::string remedy_notice;
  // Required. The remedy notice for replies that withhold information
  // (NOT_DISCLOSED, PARTIALLY_DISCLOSED): under the 2023 Administrative
  // Reconsideration Law Art. 23 para 1 (4) reconsideration must come first,
  // and para 2 obliges the agency to say so.
  std::string remedy_notice_reconsideration_first;
  // Required. How to pay an information processing fee (bank account,
  // counter, online platform), printed on fee notices.
  std::string fee_payment_route;
};

// Parses the key=value text of an agency file. `source` (the file name)
// labels syntax errors. INVALID_ARGUMENT "<source>:<line>: ..." for a line
// without '=', a duplicate or unknown key; INVALID_ARGUMENT naming the key
// ("postcode: must be 6 digits") as ValidateAgencyConfig.
absl::StatusOr<AgencyConfig> ParseAgencyConfig(absl::string_view text,
                                               absl::string_view source);

// Reads and parses the file at `path`. NOT_FOUND if it cannot be read;
// otherwise as ParseAgencyConfig.
absl::StatusOr<AgencyConfig> LoadAgencyConfig(const std::string& path);

// Checks a config however it was built. INVALID_ARGUMENT naming the key if a
// required value is empty, a value is not one line of valid UTF-8 or too
// long, the postcode is not six digits, an override key is not a letter
// kind, or a placeholder is unknown or unclosed.
absl::Status ValidateAgencyConfig(const AgencyConfig& config);

// Expands {agency_short}, {year} and {seq} in `pattern`. REQUIRES: the
// pattern passed ValidateAgencyConfig.
std::string FormatDocumentNumber(absl::string_view pattern,
                                 absl::string_view agency_short, int year,
                                 int64_t seq);

// Expands {agency_name}, {reconsideration_body} and {court} in `notice`
// from `config`. REQUIRES: the notice passed ValidateAgencyConfig.
std::string ExpandRemedyNotice(absl::string_view notice,
                               const AgencyConfig& config);

}  // namespace foi::render

#endif  // FOI_LIBS_RENDER_AGENCY_CONFIG_H_
