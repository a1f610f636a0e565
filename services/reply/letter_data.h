// Builds the data of a case's reply letter (render::LetterData) from the
// case, its disposition and the draft's details as the API carries them.
//
// Thread safety: free functions.
#ifndef FOI_SERVICES_REPLY_LETTER_DATA_H_
#define FOI_SERVICES_REPLY_LETTER_DATA_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "foi/v1/reply_service.pb.h"
#include "libs/casefile/case_record.h"
#include "libs/render/letter_renderer.h"

namespace foi::reply {

// What a draft carries in place of a document number.
inline constexpr char kDraftNumber[] = "（草稿）";

// The reply letter of `c` with outcome `d` and `details`, dated
// `letter_date`, numbered `document_number` or, if empty, `document_seq`.
// INVALID_ARGUMENT naming "details.*" for a date that is not a date.
absl::StatusOr<render::LetterData> ReplyLetterData(
    const casefile::CaseRecord& c, const casefile::Disposition& d,
    const v1::ReplyDetails& details, absl::CivilDay letter_date,
    const std::string& document_number, int64_t document_seq);

}  // namespace foi::reply

#endif  // FOI_SERVICES_REPLY_LETTER_DATA_H_
