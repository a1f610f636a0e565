// Conversion between the foi.v1 API messages and the domain values of
// libs/casefile, done once per request at the edge (STYLE.md 2.6).
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CONVERT_CASE_PROTO_H_
#define FOI_LIBS_CONVERT_CASE_PROTO_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "foi/v1/case.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/casefile/case_record.h"
#include "libs/casefile/event_chain.h"
#include "libs/rules/statutory_clocks.h"

namespace foi::convert {

// Reads the application part of `c` (output-only fields are ignored).
// Returns INVALID_ARGUMENT naming the field for an impossible receipt date.
absl::StatusOr<casefile::Application> ApplicationFromProto(const v1::Case& c);

// How much of the applicant's personal data a caller may see.
enum class ApplicantView {
  kFull,      // front desk, officers, managers, admins
  kNameOnly,  // reviewers (DESIGN.md: Persistence)
};

// Writes `r` into `out`, replacing what was there.
void CaseToProto(const casefile::CaseRecord& r, ApplicantView view,
                 v1::Case* out);

// Writes a computed clock into `out`; the ledger only when `with_ledger`.
void ClockToProto(const rules::ClockResult& c, bool with_ledger,
                  v1::Clock* out);

// Writes an audit event into `out`.
void CaseEventToProto(const casefile::CaseEventRecord& e, v1::CaseEvent* out);

// Returns the hex SHA-256 of the submitted case with output-only fields
// cleared, serialised deterministically: equal submissions hash equal.
std::string SubmissionHash(const v1::Case& submitted);

// Parses `cases/{case_id}`. Returns INVALID_ARGUMENT naming `field` when
// malformed.
absl::StatusOr<std::string> ParseCaseName(absl::string_view field,
                                          absl::string_view name);
std::string CaseName(absl::string_view case_id);

// Civil dates and instants.
absl::StatusOr<absl::CivilDay> DateFromProto(absl::string_view field,
                                             const v1::Date& d);
void DateToProto(absl::CivilDay day, v1::Date* out);
void TimeToProto(absl::Time t, google::protobuf::Timestamp* out);

}  // namespace foi::convert

#endif  // FOI_LIBS_CONVERT_CASE_PROTO_H_
