#include "libs/screening/category.h"

#include <array>

namespace foi::screening {
namespace {

using rules::ExemptionGround;

struct CategoryInfo {
  absl::string_view name;
  ExemptionGround ground;
};

// Indexed by the enum value minus one.
constexpr std::array<CategoryInfo, kCategoryCount> kCategories = {{
    // Personal data is protected by Art. 15 (个人隐私, third-party rights).
    {"IDENTITY_NUMBER", ExemptionGround::kThirdPartyRights},
    {"PHONE_NUMBER", ExemptionGround::kThirdPartyRights},
    {"BANK_CARD", ExemptionGround::kThirdPartyRights},
    {"EMAIL", ExemptionGround::kThirdPartyRights},
    {"VEHICLE_PLATE", ExemptionGround::kThirdPartyRights},
    {"DOCUMENT_NUMBER", ExemptionGround::kThirdPartyRights},
    // A marked document goes to the Art. 17 confidentiality review first: the
    // marking is evidence of classification (Art. 14) until a reviewer says
    // otherwise, so both kinds of marking suggest the state-secret ground.
    {"CLASSIFICATION_MARKING", ExemptionGround::kStateSecret},
    {"CONTROL_MARKING", ExemptionGround::kStateSecret},
    {"STATE_SECRET", ExemptionGround::kStateSecret},
    {"SECURITY_OR_STABILITY", ExemptionGround::kSecurityOrStability},
    {"COMMERCIAL_SECRET", ExemptionGround::kThirdPartyRights},
    {"PERSONAL_PRIVACY", ExemptionGround::kThirdPartyRights},
    {"INTERNAL_AFFAIRS", ExemptionGround::kInternalAffairs},
    {"PROCESS_INFORMATION", ExemptionGround::kProcessInformation},
    {"LAW_ENFORCEMENT_FILE", ExemptionGround::kLawEnforcementFile},
    {"ADMINISTRATIVE_QUERY", ExemptionGround::kAdministrativeQuery},
}};

const CategoryInfo* Find(Category c) {
  const int i = static_cast<int>(c);
  if (i < 1 || i > kCategoryCount) return nullptr;
  return &kCategories[i - 1];
}

}  // namespace

absl::string_view CategoryName(Category c) {
  const CategoryInfo* info = Find(c);
  return info == nullptr ? absl::string_view() : info->name;
}

std::optional<Category> ParseCategory(absl::string_view name) {
  for (int i = 0; i < kCategoryCount; ++i) {
    if (kCategories[i].name == name) return static_cast<Category>(i + 1);
  }
  return std::nullopt;
}

rules::ExemptionGround DefaultGround(Category c) {
  const CategoryInfo* info = Find(c);
  return info == nullptr ? ExemptionGround::kUnspecified : info->ground;
}

}  // namespace foi::screening
