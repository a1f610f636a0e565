// The grounds on which information may or must be withheld (OGI Regulations
// Arts. 14-16), in the order of the annual report's table 三, rows
// 三(三)1-8. One vocabulary for screening suggestions, review decisions,
// reply letters and the annual report.
//
// Thread safety: free functions over constant data.
#ifndef FOI_LIBS_RULES_EXEMPTION_GROUNDS_H_
#define FOI_LIBS_RULES_EXEMPTION_GROUNDS_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"

namespace foi::rules {

// Numbers mirror foi.v1.ExemptionGround.
enum class ExemptionGround {
  kUnspecified = 0,
  // Art. 14: lawfully classified as a state secret.
  kStateSecret = 1,
  // Art. 14: disclosure prohibited by a law or administrative regulation.
  kProhibitedByLaw = 2,
  // Art. 14: would endanger national, public or economic security or social
  // stability (三安全一稳定).
  kSecurityOrStability = 3,
  // Art. 15: commercial secrets, personal privacy and other third-party
  // rights.
  kThirdPartyRights = 4,
  // Art. 16 para. 1: internal affairs (personnel, logistics, internal
  // workflow).
  kInternalAffairs = 5,
  // Art. 16 para. 2: process information (discussion records, drafts,
  // consultation letters, requests for instructions).
  kProcessInformation = 6,
  // Art. 16 para. 2: administrative law-enforcement case files.
  kLawEnforcementFile = 7,
  // Administrative query matters (annual-report row 三(三)8; no article of
  // its own).
  kAdministrativeQuery = 8,
};

struct GroundInfo {
  ExemptionGround ground;
  absl::string_view code;        // "STATE_SECRET", as in the proto
  absl::string_view article;     // "第十四条"
  absl::string_view article_en;  // "Art. 14"
  absl::string_view label_zh;    // the annual report's row label
  bool mandatory;                // Arts. 14-15 must; Art. 16 may
};

// Every ground but kUnspecified, in order.
const std::vector<GroundInfo>& AllGrounds();

// The entry for `g`. REQUIRES: g != kUnspecified.
const GroundInfo& Info(ExemptionGround g);

// Parses a code ("THIRD_PARTY_RIGHTS"); nullopt if unknown.
std::optional<ExemptionGround> ParseGround(absl::string_view code);

}  // namespace foi::rules

#endif  // FOI_LIBS_RULES_EXEMPTION_GROUNDS_H_
