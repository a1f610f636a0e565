// Planning of the commands on the way to a release: attaching documents,
// opening and signing off a confidentiality review, drafting the reply.
// Called by PlanCommand once the state machine has allowed the action.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_RELEASE_COMMANDS_H_
#define FOI_LIBS_CASEFILE_RELEASE_COMMANDS_H_

#include "absl/status/status.h"
#include "libs/casefile/case_commands.h"
#include "libs/common/json_writer.h"

namespace foi::casefile {

// Plans kAddDocument, kStartReview, kCompleteReview, kDraftReply and
// kIssueReply on `c`:
// fills `changes` and the event's `payload`. INVALID_ARGUMENT naming the
// field for bad input; PERMISSION_DENIED and FAILED_PRECONDITION as
// CheckSignOff and CheckReleaseGate decide; INTERNAL if the caller left out
// what the action needs (the document, the review, the coverage).
absl::Status PlanReleaseCommand(const calendar::WorkingDayCalendar& cal,
                                const CaseRecord& c, const CaseCommand& cmd,
                                CaseChanges& changes, JsonObject& payload);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_RELEASE_COMMANDS_H_
