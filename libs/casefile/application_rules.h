// What an application must contain before it becomes a case (OGI Regulations
// Art. 29) and how its receipt date is fixed (Art. 31).
//
// Errors name the offending field by its API path ("case.applicant.name"),
// so the front desk can point at the box to fix.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_APPLICATION_RULES_H_
#define FOI_LIBS_CASEFILE_APPLICATION_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "libs/casefile/case_record.h"

namespace foi::casefile {

// Size limits, in characters.
inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxDocumentNumberChars = 64;
inline constexpr size_t kMaxPhoneChars = 32;
inline constexpr size_t kMaxEmailChars = 254;
inline constexpr size_t kMaxAddressChars = 500;
inline constexpr size_t kMaxPostalCodeChars = 16;
inline constexpr size_t kMaxDescriptionChars = 10000;
inline constexpr size_t kMaxDocumentReferenceChars = 400;
inline constexpr size_t kMaxUnitChars = 64;
inline constexpr size_t kMaxRequestIdChars = 128;
inline constexpr size_t kMaxReasonChars = 2000;

// The day the 2019 Regulations took effect (国务院令第711号): the earliest
// receipt date this tracker's rules apply to.
inline constexpr absl::CivilDay kRegulationsInForce{2019, 5, 15};

struct IntakeContext {
  // Today in the agency's time zone.
  absl::CivilDay today;
  // The unit a case goes to when the application names none.
  std::string default_unit;
};

// Validates `app` and completes it: trims surrounding blanks from the text
// fields, sets the receipt date to `ctx.today` when absent (Art. 31: the
// receipt is registered on the day it happens) and the unit to
// `ctx.default_unit` when empty. Returns INVALID_ARGUMENT naming the first
// field that is wrong.
absl::StatusOr<Application> ValidateApplication(Application app,
                                                const IntakeContext& ctx);

// Checks a client-chosen request id: 1..128 printable ASCII characters.
absl::Status ValidateRequestId(absl::string_view field,
                               absl::string_view request_id);

// Checks a PRC resident identity card number: 18 characters whose last is
// the ISO 7064 MOD 11-2 check character (0-9 or X) and whose characters 7-14
// are a real birth date, or the 15-digit legacy form.
bool IsValidResidentIdNumber(absl::string_view id);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_APPLICATION_RULES_H_
