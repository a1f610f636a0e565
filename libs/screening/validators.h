// Pure checks of the shape and checksum of personal identifiers, used to
// confirm what the screening patterns find. Each takes the identifier alone,
// already cut out of the text, in ASCII (callers fold full-width digits
// first); none looks at context.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_SCREENING_VALIDATORS_H_
#define FOI_LIBS_SCREENING_VALIDATORS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace foi::screening {

// A resident identity number (公民身份号码) that passed validation.
struct ResidentId {
  absl::CivilDay birth_date;
  // Province-level region of the first two digits, e.g. "北京".
  absl::string_view region;
  // True for the 15-digit form issued before GB 11643-1999, which has no
  // check character and a two-digit year in the 1900s.
  bool legacy = false;
};

// Returns the GB 11643-1999 check character ('0'-'9' or 'X') of the first 17
// digits of a resident ID: ISO 7064 MOD 11-2 with weights 2^(17-i) mod 11.
// REQUIRES: `first17` is exactly 17 ASCII digits.
char ResidentIdCheckCharacter(absl::string_view first17);

// Validates a resident ID. Accepts 18 characters (17 ASCII digits and a check
// character, a digit or 'X' in either case, that matches) or 15 ASCII digits
// (legacy). Both forms need a province-level region code in the first two
// digits and a real birth date: YYYYMMDD in 1900-2099 for 18 characters,
// 19YYMMDD for 15 digits; 29 February only in leap years.
// Returns INVALID_ARGUMENT naming the check that failed.
absl::StatusOr<ResidentId> ValidateResidentId(absl::string_view id);

// Returns true if `digits` passes the Luhn check (ISO/IEC 7812-1).
// REQUIRES: `digits` is non-empty and all ASCII digits.
bool PassesLuhn(absl::string_view digits);

// A payment card number that passed validation.
struct BankCard {
  // Card scheme suggested by the issuer prefix: "UnionPay", "Visa",
  // "Mastercard", "JCB", "Discover" or "domestic".
  absl::string_view scheme;
};

// Validates a card number: 16-19 ASCII digits, an issuer prefix that some
// scheme issues at that length, and a valid Luhn check digit. Returns
// INVALID_ARGUMENT naming the check that failed.
absl::StatusOr<BankCard> ValidateBankCard(absl::string_view digits);

// Validates a mainland mobile number: 11 ASCII digits starting 13-19.
// Returns INVALID_ARGUMENT otherwise.
absl::Status ValidateMobileNumber(absl::string_view digits);

// Validates a mainland landline number split at the separator: an area code
// of 010, 02X or 0[3-9]XX, and a 7- or 8-digit subscriber number that does
// not start with 0 or 1 (those prefixes are trunk and service codes).
// Returns INVALID_ARGUMENT naming the part that failed.
absl::Status ValidateLandline(absl::string_view area_code,
                              absl::string_view subscriber);

// A motor-vehicle plate that passed validation.
struct VehiclePlate {
  // Province-level region of the abbreviation, e.g. "北京" for 京.
  absl::string_view region;
  // True for the 6-character new-energy serial (GA 36-2018).
  bool new_energy = false;
};

// Validates a plate written without separators: a province abbreviation
// (京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼), an
// issuing-office letter (not I or O), then either 5 letters-or-digits with at
// most two letters, or a new-energy serial of 6: a new-energy letter (A-K
// without I) then a letter-or-digit and 4 digits, or 5 digits then a new-energy
// letter. Returns INVALID_ARGUMENT otherwise.
absl::StatusOr<VehiclePlate> ValidateVehiclePlate(absl::string_view plate);

// Kinds of travel and identity document number.
enum class TravelDocumentKind {
  kPassport,             // 普通护照: E + 8 digits, E + letter + 7, G + 8
  kHongKongMacauPermit,  // 往来港澳通行证: C + 8 digits, C + letter + 7
  kHomeReturnPermit,  // 港澳居民来往内地通行证: H/M + 8 or 10 digits
  kTaiwanPermit,      // 大陆居民往来台湾通行证: L + 8 digits
  kTaiwanCompatriotPermit  // 台湾居民来往大陆通行证 (台胞证): 8 digits
};

// A document number that has the shape of one kind.
struct TravelDocument {
  TravelDocumentKind kind;
  absl::string_view description;  // "PRC passport" ...
};

// Classifies `number` (uppercase ASCII letters and digits) by its shape. The
// shapes carry no checksum, so callers should also require a label such as
// 护照 nearby. Returns INVALID_ARGUMENT if it has none of the shapes.
absl::StatusOr<TravelDocument> ValidateTravelDocumentNumber(
    absl::string_view number);

}  // namespace foi::screening

#endif  // FOI_LIBS_SCREENING_VALIDATORS_H_
