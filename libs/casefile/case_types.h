// The vocabulary of a case: states, channels, applicant kinds, delivery forms
// and roles, as plain C++ enums. The numbers equal those of the foi.v1 proto
// enums of the same names (libs/convert static_asserts it), so the API and the
// domain never drift apart.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_CASE_TYPES_H_
#define FOI_LIBS_CASEFILE_CASE_TYPES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace foi::casefile {

enum class CaseState {
  kUnspecified = 0,
  kReceived = 1,
  kAwaitingCorrection = 2,
  kInProgress = 3,
  kInConsultation = 4,
  kInReview = 5,
  kReplyDrafted = 6,
  kReplied = 7,
  kWithdrawn = 8,
  kDeemedWithdrawn = 9,
  kTransferred = 10,
};

enum class Channel {
  kUnspecified = 0,
  kInPerson = 1,
  kPost = 2,
  kOnline = 3,
  kFax = 4,
  kEmail = 5,
};

enum class ApplicantType {
  kUnspecified = 0,
  kNaturalPerson = 1,
  kCommercialEnterprise = 2,
  kResearchInstitution = 3,
  kPublicInterestOrganization = 4,
  kLegalServiceOrganization = 5,
  kOtherOrganization = 6,
};

enum class IdentityDocumentType {
  kUnspecified = 0,
  kResidentIdentityCard = 1,
  kPassport = 2,
  kMainlandTravelPermit = 3,
  kUnifiedSocialCreditCode = 4,
  kOtherDocument = 5,
};

enum class DeliveryForm {
  kUnspecified = 0,
  kPaper = 1,
  kElectronic = 2,
  kInspection = 3,
};

enum class DeliveryRoute {
  kUnspecified = 0,
  kByPost = 1,
  kByEmail = 2,
  kCollectInPerson = 3,
  kByOnlinePortal = 4,
  kByFax = 5,
};

// What a bearer token may do (DESIGN.md: Security).
enum class Role {
  kUnspecified = 0,
  kFrontDesk = 1,
  kOfficer = 2,
  kReviewer = 3,
  kManager = 4,
  kAdmin = 5,
};

// Names as in the API ("RECEIVED", "IN_PERSON", "FRONT_DESK", ...). The
// stored form in the database is the same name.
absl::string_view CaseStateName(CaseState s);
absl::string_view ChannelName(Channel c);
absl::string_view ApplicantTypeName(ApplicantType t);
absl::string_view IdentityDocumentTypeName(IdentityDocumentType t);
absl::string_view DeliveryFormName(DeliveryForm f);
absl::string_view DeliveryRouteName(DeliveryRoute r);
absl::string_view RoleName(Role r);

// Inverses of the above; nullopt for an unknown name (and for
// "..._UNSPECIFIED").
std::optional<CaseState> ParseCaseState(absl::string_view name);
std::optional<Channel> ParseChannel(absl::string_view name);
std::optional<ApplicantType> ParseApplicantType(absl::string_view name);
std::optional<IdentityDocumentType> ParseIdentityDocumentType(
    absl::string_view name);
std::optional<DeliveryForm> ParseDeliveryForm(absl::string_view name);
std::optional<DeliveryRoute> ParseDeliveryRoute(absl::string_view name);
std::optional<Role> ParseRole(absl::string_view name);

// True for states in which the case is closed: REPLIED, WITHDRAWN,
// DEEMED_WITHDRAWN, TRANSFERRED.
bool IsClosed(CaseState s);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_CASE_TYPES_H_
