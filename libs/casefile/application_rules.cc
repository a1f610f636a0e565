#include "libs/casefile/application_rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"

namespace foi::casefile {
namespace {

void Trim(std::string& s) { absl::StripAsciiWhitespace(&s); }

absl::Status Invalid(absl::string_view field, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", why));
}

bool IsRealDate(int y, int m, int d) {
  const absl::CivilDay day(y, m, d);
  return day.year() == y && day.month() == m && day.day() == d;
}

bool IsOrganization(ApplicantType t) {
  return t != ApplicantType::kNaturalPerson && t != ApplicantType::kUnspecified;
}

absl::Status ValidateApplicant(Applicant& a) {
  Trim(a.name);
  Trim(a.id_document_number);
  Trim(a.contact_person);
  Trim(a.phone);
  Trim(a.email);
  Trim(a.postal_address);
  Trim(a.postal_code);
  if (a.type == ApplicantType::kUnspecified ||
      ApplicantTypeName(a.type) == "APPLICANT_TYPE_UNSPECIFIED") {
    return Invalid("case.applicant.type", "required");
  }
  // Art. 29(1): name, proof of identity, contact details.
  FOI_RETURN_IF_ERROR(
      ValidateText("case.applicant.name", a.name, {kMaxNameChars, true}));
  if (a.id_document_type == IdentityDocumentType::kUnspecified ||
      IdentityDocumentTypeName(a.id_document_type) ==
          "IDENTITY_DOCUMENT_TYPE_UNSPECIFIED") {
    return Invalid("case.applicant.id_document_type", "required");
  }
  FOI_RETURN_IF_ERROR(ValidateText("case.applicant.id_document_number",
                                   a.id_document_number,
                                   {kMaxDocumentNumberChars, true}));
  const bool org = IsOrganization(a.type);
  if (org &&
      a.id_document_type != IdentityDocumentType::kUnifiedSocialCreditCode &&
      a.id_document_type != IdentityDocumentType::kOtherDocument) {
    return Invalid("case.applicant.id_document_type",
                   "an organisation proves its identity with its unified "
                   "social credit code or another document");
  }
  if (!org &&
      a.id_document_type == IdentityDocumentType::kUnifiedSocialCreditCode) {
    return Invalid("case.applicant.id_document_type",
                   "a natural person cannot use a unified social credit code");
  }
  if (a.id_document_type == IdentityDocumentType::kResidentIdentityCard) {
    absl::AsciiStrToUpper(&a.id_document_number);
    if (!IsValidResidentIdNumber(a.id_document_number)) {
      return Invalid("case.applicant.id_document_number",
                     "not a valid resident identity card number");
    }
  }
  FOI_RETURN_IF_ERROR(ValidateText("case.applicant.contact_person",
                                   a.contact_person, {kMaxNameChars}));
  FOI_RETURN_IF_ERROR(
      ValidateText("case.applicant.phone", a.phone, {kMaxPhoneChars}));
  for (char c : a.phone) {
    if (!absl::ascii_isdigit(c) && !absl::StrContains("+-() ", c)) {
      return Invalid("case.applicant.phone",
                     "may hold only digits, spaces and + - ( )");
    }
  }
  FOI_RETURN_IF_ERROR(
      ValidateText("case.applicant.email", a.email, {kMaxEmailChars}));
  if (!a.email.empty()) {
    const size_t at = a.email.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= a.email.size() ||
        a.email.find('@', at + 1) != std::string::npos ||
        absl::StrContains(a.email, ' ')) {
      return Invalid("case.applicant.email", "not an e-mail address");
    }
  }
  FOI_RETURN_IF_ERROR(ValidateText("case.applicant.postal_address",
                                   a.postal_address, {kMaxAddressChars}));
  FOI_RETURN_IF_ERROR(ValidateText("case.applicant.postal_code", a.postal_code,
                                   {kMaxPostalCodeChars}));
  if (a.phone.empty() && a.email.empty() && a.postal_address.empty()) {
    return Invalid("case.applicant",
                   "at least one of phone, email and postal_address is "
                   "required (Art. 29)");
  }
  return absl::OkStatus();
}

absl::Status ValidateDetails(ApplicationDetails& d, const Applicant& a) {
  Trim(d.information_description);
  Trim(d.document_reference);
  // Art. 29(2): a description of the information sought.
  FOI_RETURN_IF_ERROR(ValidateText("case.details.information_description",
                                   d.information_description,
                                   {kMaxDescriptionChars, true, true}));
  FOI_RETURN_IF_ERROR(ValidateText("case.details.document_reference",
                                   d.document_reference,
                                   {kMaxDocumentReferenceChars}));
  // Art. 29(3): the form and route of delivery.
  if (DeliveryFormName(d.delivery_form) == "DELIVERY_FORM_UNSPECIFIED") {
    return Invalid("case.details.delivery_form", "required");
  }
  if (DeliveryRouteName(d.delivery_route) == "DELIVERY_ROUTE_UNSPECIFIED") {
    return Invalid("case.details.delivery_route", "required");
  }
  // The route must be one the applicant can actually be reached by.
  if (d.delivery_route == DeliveryRoute::kByPost && a.postal_address.empty()) {
    return Invalid("case.applicant.postal_address",
                   "required when delivery_route is BY_POST");
  }
  if (d.delivery_route == DeliveryRoute::kByEmail && a.email.empty()) {
    return Invalid("case.applicant.email",
                   "required when delivery_route is BY_EMAIL");
  }
  if (d.delivery_route == DeliveryRoute::kByFax && a.phone.empty()) {
    return Invalid("case.applicant.phone",
                   "required when delivery_route is BY_FAX");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Application> ValidateApplication(Application app,
                                                const IntakeContext& ctx) {
  if (ChannelName(app.channel) == "CHANNEL_UNSPECIFIED") {
    return Invalid("case.channel", "required");
  }
  FOI_RETURN_IF_ERROR(ValidateApplicant(app.applicant));
  FOI_RETURN_IF_ERROR(ValidateDetails(app.details, app.applicant));
  // Art. 31: the receipt date is the day handed in (in person), signed for
  // (post) or confirmed (online, fax, e-mail). The front desk states it when
  // it registers late; otherwise it is today.
  if (!app.receipt_date.has_value()) {
    app.receipt_date = ctx.today;
  } else if (*app.receipt_date > ctx.today) {
    return Invalid("case.receipt_date",
                   absl::StrCat("is after today (",
                                absl::FormatCivilTime(ctx.today), ")"));
  } else if (*app.receipt_date < kRegulationsInForce) {
    return Invalid("case.receipt_date",
                   "is before 2019-05-15, when the 2019 Regulations took "
                   "effect");
  }
  Trim(app.unit);
  if (app.unit.empty()) app.unit = ctx.default_unit;
  FOI_RETURN_IF_ERROR(
      ValidateText("case.unit", app.unit, {kMaxUnitChars, true}));
  return app;
}

absl::Status ValidateRequestId(absl::string_view field,
                               absl::string_view request_id) {
  if (request_id.empty()) return Invalid(field, "required");
  if (request_id.size() > kMaxRequestIdChars) {
    return Invalid(
        field, absl::StrCat("longer than ", kMaxRequestIdChars, " characters"));
  }
  for (char c : request_id) {
    if (c < 0x21 || c > 0x7E) {
      return Invalid(field, "may hold only printable ASCII characters");
    }
  }
  return absl::OkStatus();
}

bool IsValidResidentIdNumber(absl::string_view id) {
  auto all_digits = [](absl::string_view s) {
    for (char c : s) {
      if (!absl::ascii_isdigit(c)) return false;
    }
    return true;
  };
  int y, m, d;
  if (id.size() == 15) {
    // Legacy form: 6-digit area code, YYMMDD (19YY), 3-digit sequence.
    return all_digits(id) && absl::SimpleAtoi(id.substr(6, 2), &y) &&
           absl::SimpleAtoi(id.substr(8, 2), &m) &&
           absl::SimpleAtoi(id.substr(10, 2), &d) && IsRealDate(1900 + y, m, d);
  }
  if (id.size() != 18 || !all_digits(id.substr(0, 17))) return false;
  if (!absl::SimpleAtoi(id.substr(6, 4), &y) ||
      !absl::SimpleAtoi(id.substr(10, 2), &m) ||
      !absl::SimpleAtoi(id.substr(12, 2), &d) || y < 1900 ||
      !IsRealDate(y, m, d)) {
    return false;
  }
  // ISO 7064 MOD 11-2 (GB 11643-1999).
  static constexpr int kWeights[17] = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                       3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  return id[17] == kCheck[sum % 11];
}

}  // namespace foi::casefile
