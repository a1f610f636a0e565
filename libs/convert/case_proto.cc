#include "libs/convert/case_proto.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "libs/common/sha256.h"

namespace foi::convert {
namespace {

// The domain enums mirror the proto enums number for number.
static_assert(static_cast<int>(casefile::CaseState::kTransferred) ==
              v1::TRANSFERRED);
static_assert(static_cast<int>(casefile::CaseState::kReceived) == v1::RECEIVED);
static_assert(static_cast<int>(casefile::Channel::kEmail) == v1::EMAIL);
static_assert(static_cast<int>(rules::ReplyOutcome::kSpecialRegime) ==
              v1::SPECIAL_REGIME);
static_assert(static_cast<int>(rules::OutcomeReason::kConfirmationRequest) ==
              v1::CONFIRMATION_REQUEST);
static_assert(static_cast<int>(rules::ExemptionGround::kAdministrativeQuery) ==
              v1::ADMINISTRATIVE_QUERY);
static_assert(static_cast<int>(casefile::ApplicantType::kOtherOrganization) ==
              v1::OTHER_ORGANIZATION);
static_assert(
    static_cast<int>(casefile::IdentityDocumentType::kOtherDocument) ==
    v1::OTHER_DOCUMENT);
static_assert(static_cast<int>(casefile::DeliveryForm::kInspection) ==
              v1::INSPECTION);
static_assert(static_cast<int>(casefile::DeliveryRoute::kByFax) == v1::BY_FAX);

template <typename To, typename From>
To Cast(From f) {
  return static_cast<To>(static_cast<int>(f));
}

}  // namespace

absl::StatusOr<absl::CivilDay> DateFromProto(absl::string_view field,
                                             const v1::Date& d) {
  // absl::CivilDay normalises 2026-02-30 to 2026-03-02; check the round trip.
  const absl::CivilDay day(d.year(), d.month(), d.day());
  if (d.year() < 1 || d.year() > 9999 || day.year() != d.year() ||
      day.month() != d.month() || day.day() != d.day()) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": ", d.year(), "-", d.month(), "-", d.day(), " is not a date"));
  }
  return day;
}

void DateToProto(absl::CivilDay day, v1::Date* out) {
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
}

void TimeToProto(absl::Time t, google::protobuf::Timestamp* out) {
  const int64_t micros = absl::ToUnixMicros(t);
  int64_t seconds = micros / 1000000;
  int64_t rem = micros % 1000000;
  if (rem < 0) {
    rem += 1000000;
    --seconds;
  }
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(rem * 1000));
}

absl::StatusOr<casefile::Application> ApplicationFromProto(const v1::Case& c) {
  casefile::Application a;
  const v1::Applicant& p = c.applicant();
  a.applicant.type = Cast<casefile::ApplicantType>(p.type());
  a.applicant.name = p.name();
  a.applicant.id_document_type =
      Cast<casefile::IdentityDocumentType>(p.id_document_type());
  a.applicant.id_document_number = p.id_document_number();
  a.applicant.contact_person = p.contact_person();
  a.applicant.phone = p.phone();
  a.applicant.email = p.email();
  a.applicant.postal_address = p.postal_address();
  a.applicant.postal_code = p.postal_code();
  a.details.information_description = c.details().information_description();
  a.details.document_reference = c.details().document_reference();
  a.details.delivery_form =
      Cast<casefile::DeliveryForm>(c.details().delivery_form());
  a.details.delivery_route =
      Cast<casefile::DeliveryRoute>(c.details().delivery_route());
  a.channel = Cast<casefile::Channel>(c.channel());
  a.unit = c.unit();
  if (c.has_receipt_date()) {
    auto day = DateFromProto("case.receipt_date", c.receipt_date());
    if (!day.ok()) return day.status();
    a.receipt_date = *day;
  }
  return a;
}

void CaseToProto(const casefile::CaseRecord& r, ApplicantView view,
                 v1::Case* out) {
  out->Clear();
  out->set_name(CaseName(r.id));
  out->set_case_number(r.case_number);
  out->set_state(Cast<v1::CaseState>(r.state));
  v1::Applicant* a = out->mutable_applicant();
  a->set_type(Cast<v1::ApplicantType>(r.applicant.type));
  a->set_name(r.applicant.name);
  if (view == ApplicantView::kFull) {
    a->set_id_document_type(
        Cast<v1::IdentityDocumentType>(r.applicant.id_document_type));
    a->set_id_document_number(r.applicant.id_document_number);
    a->set_contact_person(r.applicant.contact_person);
    a->set_phone(r.applicant.phone);
    a->set_email(r.applicant.email);
    a->set_postal_address(r.applicant.postal_address);
    a->set_postal_code(r.applicant.postal_code);
  }
  v1::ApplicationDetails* d = out->mutable_details();
  d->set_information_description(r.details.information_description);
  d->set_document_reference(r.details.document_reference);
  d->set_delivery_form(Cast<v1::DeliveryForm>(r.details.delivery_form));
  d->set_delivery_route(Cast<v1::DeliveryRoute>(r.details.delivery_route));
  out->set_channel(Cast<v1::Channel>(r.channel));
  DateToProto(r.receipt_date, out->mutable_receipt_date());
  out->set_unit(r.unit);
  out->set_assignee(r.assignee);
  const casefile::ClockState& k = r.clocks;
  v1::Clock* reply = out->add_clocks();
  reply->set_kind(v1::REPLY);
  DateToProto(k.correction_received_date.value_or(r.receipt_date),
              reply->mutable_start_date());
  if (k.reply_due_date)
    DateToProto(*k.reply_due_date, reply->mutable_due_date());
  reply->set_allowed_working_days(
      rules::kReplyWorkingDays +
      (k.extension_state == casefile::ExtensionState::kApproved
           ? k.extension_days
           : 0));
  reply->set_suspended_working_days(k.suspended_working_days);
  reply->set_paused(!k.reply_due_date.has_value() &&
                    !casefile::IsClosed(r.state) &&
                    r.state != casefile::CaseState::kAwaitingCorrection);
  reply->set_provisional(k.provisional);
  if (k.correction_notice_due_date) {
    v1::Clock* notice = out->add_clocks();
    notice->set_kind(v1::CORRECTION_NOTICE);
    DateToProto(r.receipt_date, notice->mutable_start_date());
    DateToProto(*k.correction_notice_due_date, notice->mutable_due_date());
    notice->set_allowed_working_days(rules::kCorrectionNoticeWorkingDays);
  }
  if (r.disposition.outcome != rules::ReplyOutcome::kUnspecified) {
    v1::Disposition* d = out->mutable_disposition();
    d->set_reply_outcome(static_cast<v1::ReplyOutcome>(r.disposition.outcome));
    d->set_reason(static_cast<v1::OutcomeReason>(r.disposition.reason));
    for (rules::ExemptionGround g : r.disposition.grounds) {
      d->add_grounds(static_cast<v1::ExemptionGround>(g));
    }
    d->set_summary(r.disposition.summary);
  }
  out->set_etag(casefile::EtagForVersion(r.version));
  TimeToProto(r.create_time, out->mutable_create_time());
  TimeToProto(r.update_time, out->mutable_update_time());
}

void ClockToProto(const rules::ClockResult& c, bool with_ledger,
                  v1::Clock* out) {
  out->Clear();
  switch (c.kind) {
    case rules::ClockKind::kReply:
      out->set_kind(v1::REPLY);
      break;
    case rules::ClockKind::kCorrectionNotice:
      out->set_kind(v1::CORRECTION_NOTICE);
      break;
    case rules::ClockKind::kConsultationReply:
      out->set_kind(v1::CONSULTATION_REPLY);
      break;
  }
  DateToProto(c.start_date, out->mutable_start_date());
  if (c.due_date) DateToProto(*c.due_date, out->mutable_due_date());
  out->set_allowed_working_days(c.allowed_working_days);
  out->set_suspended_working_days(c.suspended_working_days);
  out->set_paused(!c.due_date.has_value());
  if (c.remaining_when_paused) {
    out->set_remaining_working_days(*c.remaining_when_paused);
  }
  out->set_provisional(c.provisional);
  if (!with_ledger) return;
  for (const rules::LedgerEntry& e : c.ledger) {
    v1::LedgerEntry* l = out->add_ledger();
    DateToProto(e.day, l->mutable_day());
    l->set_kind(rules::LedgerKindName(e.kind));
    l->set_counted(e.counted);
    l->set_note(e.note);
  }
}

void CaseEventToProto(const casefile::CaseEventRecord& e, v1::CaseEvent* out) {
  out->Clear();
  out->set_name(absl::StrCat(CaseName(e.case_id), "/events/", e.sequence));
  out->set_sequence(e.sequence);
  out->set_type(e.type);
  out->set_actor(e.actor);
  TimeToProto(e.time, out->mutable_event_time());
  out->set_payload_json(e.payload_json);
  out->set_previous_hash(e.previous_hash);
  out->set_hash(e.hash);
}

std::string SubmissionHash(const v1::Case& submitted) {
  v1::Case c = submitted;
  // Output-only fields never change what was submitted (AIP-203).
  c.clear_name();
  c.clear_case_number();
  c.clear_state();
  c.clear_assignee();
  c.clear_clocks();
  c.clear_disposition();
  c.clear_etag();
  c.clear_create_time();
  c.clear_update_time();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    c.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(bytes);
}

std::string CaseName(absl::string_view case_id) {
  return absl::StrCat("cases/", case_id);
}

absl::StatusOr<std::string> ParseCaseName(absl::string_view field,
                                          absl::string_view name) {
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, "cases/") || id.empty() || id.size() > 40) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": expected cases/{case_id}"));
  }
  for (char c : id) {
    if (!absl::ascii_isalnum(c) && c != '-' && c != '_') {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": expected cases/{case_id}"));
    }
  }
  return std::string(id);
}

}  // namespace foi::convert
