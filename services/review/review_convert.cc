#include "services/review/review_convert.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/casefile/case_record.h"
#include "libs/convert/case_proto.h"

namespace foi::review {
namespace {

static_assert(static_cast<int>(screening::Category::kAdministrativeQuery) ==
              v1::ADMINISTRATIVE_QUERY_CONTENT);
static_assert(static_cast<int>(casefile::ReviewConclusion::kWithhold) ==
              v1::WITHHOLD);
static_assert(static_cast<int>(casefile::FindingDecision::kRelease) ==
              v1::RELEASE);

bool IsId(absl::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

void SetTime(absl::Time t, google::protobuf::Timestamp* out) {
  convert::TimeToProto(t, out);
}

}  // namespace

absl::StatusOr<std::pair<std::string, std::string>> ParseChildName(
    absl::string_view field, absl::string_view name,
    absl::string_view collection) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "cases" || parts[2] != collection ||
      !IsId(parts[1]) || !IsId(parts[3])) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ": expected cases/{case_id}/", collection, "/{id}"));
  }
  return std::make_pair(std::string(parts[1]), std::string(parts[3]));
}

std::string DocumentName(const std::string& case_id, const std::string& id) {
  return absl::StrCat("cases/", case_id, "/documents/", id);
}

std::string ReviewName(const std::string& case_id, const std::string& id) {
  return absl::StrCat("cases/", case_id, "/reviews/", id);
}

void DocumentToProto(const casefile::CaseDocument& d, v1::Document* out) {
  out->set_name(DocumentName(d.case_id, d.id));
  out->set_file_name(d.file_name);
  out->set_media_type(d.media_type);
  out->set_size_bytes(d.size_bytes);
  out->set_sha256(d.sha256);
  out->set_text_chars(d.text_chars);
  out->set_added_by(d.added_by);
  SetTime(d.add_time, out->mutable_add_time());
  if (!d.review_id.empty()) out->set_review(ReviewName(d.case_id, d.review_id));
}

void FindingToProto(const std::string& case_id,
                    const casefile::ReviewFinding& f, v1::Finding* out) {
  out->set_id(absl::StrCat(f.id));
  out->set_document(DocumentName(case_id, f.document_id));
  out->set_category(static_cast<v1::FindingCategory>(f.category));
  out->set_detector(f.detector);
  out->set_suggested_ground(
      static_cast<v1::ExemptionGround>(f.suggested_ground));
  v1::TextSpan* span = out->mutable_span();
  span->set_byte_begin(f.byte_begin);
  span->set_byte_end(f.byte_end);
  span->set_char_begin(f.char_begin);
  span->set_char_end(f.char_end);
  out->set_text(f.text);
  out->set_explanation(f.explanation);
  out->set_decision(static_cast<v1::FindingDecision>(f.decision));
  out->set_ground(static_cast<v1::ExemptionGround>(f.ground));
  out->set_reason(f.reason);
  out->set_decided_by(f.decided_by);
  if (f.decide_time.has_value()) {
    SetTime(*f.decide_time, out->mutable_decide_time());
  }
}

void ReviewToProto(const casefile::Review& r, v1::Review* out) {
  out->set_name(ReviewName(r.case_id, r.id));
  out->set_state(static_cast<v1::ReviewState>(r.state));
  for (const std::string& d : r.document_ids) {
    out->add_documents(DocumentName(r.case_id, d));
  }
  for (const casefile::ReviewFinding& f : r.findings) {
    FindingToProto(r.case_id, f, out->add_findings());
  }
  out->set_conclusion(static_cast<v1::ReviewConclusion>(r.conclusion));
  out->set_summary(r.summary);
  out->set_created_by(r.created_by);
  SetTime(r.create_time, out->mutable_create_time());
  out->set_completed_by(r.completed_by);
  if (r.complete_time.has_value()) {
    SetTime(*r.complete_time, out->mutable_complete_time());
  }
  out->set_etag(casefile::EtagForVersion(r.version));
  out->set_undecided_count(casefile::UndecidedCount(r));
  out->set_digest(r.digest);
}

casefile::ReviewFinding FromScreening(const screening::Finding& f,
                                      const std::string& document_id) {
  casefile::ReviewFinding out;
  out.document_id = document_id;
  out.category = static_cast<int>(f.category);
  out.detector = f.detector;
  out.suggested_ground = f.suggested_ground;
  out.byte_begin = static_cast<int64_t>(f.byte_begin);
  out.byte_end = static_cast<int64_t>(f.byte_end);
  out.char_begin = static_cast<int64_t>(f.char_begin);
  out.char_end = static_cast<int64_t>(f.char_end);
  out.text = f.text;
  out.explanation = f.explanation;
  return out;
}

void ScreeningToProto(const screening::Finding& f, v1::Finding* out) {
  casefile::ReviewFinding r = FromScreening(f, "");
  FindingToProto("", r, out);
  out->clear_document();
  out->clear_id();
}

}  // namespace foi::review
