// Near-duplicate hints (store::CaseHints) as the API's NearDuplicateHints,
// shared by the casework queue and AnalyticsService.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CONVERT_HINTS_PROTO_H_
#define FOI_LIBS_CONVERT_HINTS_PROTO_H_

#include "foi/v1/case.pb.h"
#include "libs/store/hint_repository.h"

namespace foi::convert {

// Writes `hints` into `out` with compared = true, replacing what was there.
// An outcome code that is not a ReplyOutcome is left unset.
void HintsToProto(const store::CaseHints& hints, v1::NearDuplicateHints* out);

}  // namespace foi::convert

#endif  // FOI_LIBS_CONVERT_HINTS_PROTO_H_
