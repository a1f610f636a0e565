// What the screening detectors look for, and the exemption ground each kind
// of finding suggests by default (OGI Regulations Arts. 14-16).
//
// Thread safety: free functions over constant data.
#ifndef FOI_LIBS_SCREENING_CATEGORY_H_
#define FOI_LIBS_SCREENING_CATEGORY_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "libs/rules/exemption_grounds.h"

namespace foi::screening {

// Numbers are mirrored by a proto enum: keep this order, starting at 1, and
// only ever append.
enum class Category {
  // Personal data found by built-in detectors (Art. 15, personal privacy).
  kIdentityNumber = 1,  // PRC resident identity numbers (18- and 15-digit)
  kPhoneNumber,         // mobile and landline numbers
  kBankCard,            // payment card numbers (Luhn-valid)
  kEmail,               // e-mail addresses
  kVehiclePlate,        // PRC motor-vehicle plates
  kDocumentNumber,      // passports, HK/Macau/Taiwan permits, officer IDs
  // Markings found by built-in detectors in marking positions.
  kClassificationMarking,  // 绝密 / 机密 / 秘密, with ★ and a period
  kControlMarking,  // 内部, 内部资料, 注意保存, 不得外传 ...
  // Subject matter found by the agency's rule files (deploy/screening).
  kStateSecret,
  kSecurityOrStability,
  kCommercialSecret,
  kPersonalPrivacy,
  kInternalAffairs,
  kProcessInformation,
  kLawEnforcementFile,
  kAdministrativeQuery,
};

// The first and last enumerators, for loops and tables.
inline constexpr Category kFirstCategory = Category::kIdentityNumber;
inline constexpr Category kLastCategory = Category::kAdministrativeQuery;
inline constexpr int kCategoryCount = static_cast<int>(kLastCategory);

// Returns the stable upper-snake name of `c` ("IDENTITY_NUMBER"), as used in
// rule files, corpus labels and the proto enum. Returns "" for a value
// outside the enum.
absl::string_view CategoryName(Category c);

// Parses a name produced by CategoryName(); nullopt if unknown. Exact match:
// names are case-sensitive.
std::optional<Category> ParseCategory(absl::string_view name);

// Returns the exemption ground a finding of category `c` suggests when its
// detector names none: personal data, commercial secrets and privacy suggest
// kThirdPartyRights (Art. 15); markings and state secrets suggest
// kStateSecret (Art. 14); the Art. 16 categories suggest their own ground.
// Returns kUnspecified for a value outside the enum.
rules::ExemptionGround DefaultGround(Category c);

}  // namespace foi::screening

#endif  // FOI_LIBS_SCREENING_CATEGORY_H_
