#include "libs/casefile/case_types.h"

#include <array>
#include <utility>

namespace foi::casefile {
namespace {

// One name table per enum, indexed by the enum's value.
template <typename E, size_t N>
struct NameTable {
  std::array<absl::string_view, N> names;

  absl::string_view Name(E e) const {
    const auto i = static_cast<size_t>(e);
    return i < N ? names[i] : names[0];
  }
  std::optional<E> Parse(absl::string_view name) const {
    for (size_t i = 1; i < N; ++i) {
      if (names[i] == name) return static_cast<E>(i);
    }
    return std::nullopt;
  }
};

constexpr NameTable<CaseState, 11> kCaseStates{
    {"CASE_STATE_UNSPECIFIED", "RECEIVED", "AWAITING_CORRECTION", "IN_PROGRESS",
     "IN_CONSULTATION", "IN_REVIEW", "REPLY_DRAFTED", "REPLIED", "WITHDRAWN",
     "DEEMED_WITHDRAWN", "TRANSFERRED"}};
constexpr NameTable<Channel, 6> kChannels{
    {"CHANNEL_UNSPECIFIED", "IN_PERSON", "POST", "ONLINE", "FAX", "EMAIL"}};
constexpr NameTable<ApplicantType, 7> kApplicantTypes{
    {"APPLICANT_TYPE_UNSPECIFIED", "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE",
     "RESEARCH_INSTITUTION", "PUBLIC_INTEREST_ORGANIZATION",
     "LEGAL_SERVICE_ORGANIZATION", "OTHER_ORGANIZATION"}};
constexpr NameTable<IdentityDocumentType, 6> kIdentityDocumentTypes{
    {"IDENTITY_DOCUMENT_TYPE_UNSPECIFIED", "RESIDENT_IDENTITY_CARD", "PASSPORT",
     "MAINLAND_TRAVEL_PERMIT", "UNIFIED_SOCIAL_CREDIT_CODE", "OTHER_DOCUMENT"}};
constexpr NameTable<DeliveryForm, 4> kDeliveryForms{
    {"DELIVERY_FORM_UNSPECIFIED", "PAPER", "ELECTRONIC", "INSPECTION"}};
constexpr NameTable<DeliveryRoute, 6> kDeliveryRoutes{
    {"DELIVERY_ROUTE_UNSPECIFIED", "BY_POST", "BY_EMAIL", "COLLECT_IN_PERSON",
     "BY_ONLINE_PORTAL", "BY_FAX"}};
constexpr NameTable<Role, 6> kRoles{{"ROLE_UNSPECIFIED", "FRONT_DESK",
                                     "OFFICER", "REVIEWER", "MANAGER",
                                     "ADMIN"}};

}  // namespace

absl::string_view CaseStateName(CaseState s) { return kCaseStates.Name(s); }
absl::string_view ChannelName(Channel c) { return kChannels.Name(c); }
absl::string_view ApplicantTypeName(ApplicantType t) {
  return kApplicantTypes.Name(t);
}
absl::string_view IdentityDocumentTypeName(IdentityDocumentType t) {
  return kIdentityDocumentTypes.Name(t);
}
absl::string_view DeliveryFormName(DeliveryForm f) {
  return kDeliveryForms.Name(f);
}
absl::string_view DeliveryRouteName(DeliveryRoute r) {
  return kDeliveryRoutes.Name(r);
}
absl::string_view RoleName(Role r) { return kRoles.Name(r); }

std::optional<CaseState> ParseCaseState(absl::string_view n) {
  return kCaseStates.Parse(n);
}
std::optional<Channel> ParseChannel(absl::string_view n) {
  return kChannels.Parse(n);
}
std::optional<ApplicantType> ParseApplicantType(absl::string_view n) {
  return kApplicantTypes.Parse(n);
}
std::optional<IdentityDocumentType> ParseIdentityDocumentType(
    absl::string_view n) {
  return kIdentityDocumentTypes.Parse(n);
}
std::optional<DeliveryForm> ParseDeliveryForm(absl::string_view n) {
  return kDeliveryForms.Parse(n);
}
std::optional<DeliveryRoute> ParseDeliveryRoute(absl::string_view n) {
  return kDeliveryRoutes.Parse(n);
}
std::optional<Role> ParseRole(absl::string_view n) { return kRoles.Parse(n); }

bool IsClosed(CaseState s) {
  switch (s) {
    case CaseState::kReplied:
    case CaseState::kWithdrawn:
    case CaseState::kDeemedWithdrawn:
    case CaseState::kTransferred:
      return true;
    default:
      return false;
  }
}

}  // namespace foi::casefile
