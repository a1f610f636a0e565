// Which row of table 三 (本年度办理结果) a closed application is counted in.
//
// This is the project's mapping. It follows the suggestion in
// shared/reference/cn-ogi-rules.md §7, which is **unconfirmed** against the
// official 填报说明 of 国办公开办函〔2021〕30号; rows marked (?) below are
// unconfirmed there as well.
//
//   REPLIED with
//     ALREADY_PUBLIC (Art. 36(1))       -> 三(一) 予以公开 (practice varies)
//     DISCLOSED (Art. 36(2))            -> 三(一) 予以公开
//     PARTIALLY_DISCLOSED (Art. 37)     -> 三(二) 部分公开, and only there,
//                                          whatever its grounds
//     NOT_DISCLOSED (Art. 36(3))        -> 三(三) 不予公开, the row of the
//                                          first ground listed (1-8 in
//                                          rules::ExemptionGround order);
//                                          a case is counted once
//     CANNOT_PROVIDE, by reason:
//       NOT_HELD (Art. 36(4))           -> 三(四)1
//       NEEDS_NEW_INFORMATION (Art. 38) -> 三(四)2
//       UNCLEAR_AFTER_CORRECTION (Art. 30) -> 三(四)3
//     NOT_THIS_AGENCY (Art. 36(5))      -> 三(四)1 (?)
//     NOT_PROCESSED, by reason:
//       PETITION_OR_COMPLAINT (Art. 39 para. 1) -> 三(五)1
//       REPEATED_APPLICATION (Art. 36(6))       -> 三(五)2
//       PUBLISHED_MATERIAL (Art. 39 para. 2)    -> 三(五)3
//       UNREASONABLE_VOLUME (Art. 35)           -> 三(五)4
//       CONFIRMATION_REQUEST                    -> 三(五)5
//     SPECIAL_REGIME (Art. 36(7))       -> 三(六)3 其他 (?)
//   DEEMED_WITHDRAWN (Art. 30: not corrected in time) -> 三(六)1
//   WITHDRAWN (by the applicant)        -> 三(六)3 其他 (?)
//   TRANSFERRED (closed as another agency's)      -> 三(四)1 (?), as
//                                          NOT_THIS_AGENCY
//
// 三(六)2 (fee not paid within the notice period, 国办函〔2020〕109号) is
// always 0: no case state records that ending yet.
//
// Thread safety: free function, safe to call concurrently.
#ifndef FOI_LIBS_ANNUAL_RESULT_ROW_H_
#define FOI_LIBS_ANNUAL_RESULT_ROW_H_

#include "absl/status/statusor.h"
#include "libs/annual/report_input.h"
#include "libs/annual/report_layout.h"

namespace foi::annual {

// Returns the table-三 result row of a closed case, per the mapping above.
// Returns INVALID_ARGUMENT, with a message that starts with the field
// ("state: ...", "outcome: ...", "reason: ...", "grounds: ..."), if the
// state is not a closed one, or if a REPLIED case's outcome, reason and
// grounds fail rules::ValidateOutcome or hold values outside their enums.
absl::StatusOr<ApplicationRow> ResultRow(const ReportCase& c);

}  // namespace foi::annual

#endif  // FOI_LIBS_ANNUAL_RESULT_ROW_H_
