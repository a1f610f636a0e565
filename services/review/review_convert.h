// Mapping between the review API (foi.v1 ReviewService messages) and the
// domain values of libs/casefile/review.h, and the resource names
// `cases/{case}/documents/{document}` and `cases/{case}/reviews/{review}`.
//
// Thread safety: free functions.
#ifndef FOI_SERVICES_REVIEW_REVIEW_CONVERT_H_
#define FOI_SERVICES_REVIEW_REVIEW_CONVERT_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "foi/v1/review_service.pb.h"
#include "libs/casefile/review.h"
#include "libs/screening/screener.h"

namespace foi::review {

// (case id, child id) of `cases/{case}/{collection}/{child}`;
// INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<std::pair<std::string, std::string>> ParseChildName(
    absl::string_view field, absl::string_view name,
    absl::string_view collection);

std::string DocumentName(const std::string& case_id, const std::string& id);
std::string ReviewName(const std::string& case_id, const std::string& id);

void DocumentToProto(const casefile::CaseDocument& d, v1::Document* out);
void FindingToProto(const std::string& case_id,
                    const casefile::ReviewFinding& f, v1::Finding* out);
void ReviewToProto(const casefile::Review& r, v1::Review* out);

// A screener finding as a review finding of `document_id`.
casefile::ReviewFinding FromScreening(const screening::Finding& f,
                                      const std::string& document_id);

// A ScreenText finding (no document).
void ScreeningToProto(const screening::Finding& f, v1::Finding* out);

}  // namespace foi::review

#endif  // FOI_SERVICES_REVIEW_REVIEW_CONVERT_H_
