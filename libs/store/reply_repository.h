// Persistence of reply drafts and issued letters: the reads the reply
// service needs and document numbers. Drafting and issuing change the case
// and go through CaseRepository::ApplyTransition (casefile::CaseChanges).
//
// Thread safety: implementations are safe to call concurrently.
#ifndef FOI_LIBS_STORE_REPLY_REPOSITORY_H_
#define FOI_LIBS_STORE_REPLY_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "libs/casefile/reply.h"

namespace foi::store {

class ReplyRepository {
 public:
  virtual ~ReplyRepository() = default;
  ReplyRepository(const ReplyRepository&) = delete;
  ReplyRepository& operator=(const ReplyRepository&) = delete;

  // The draft letter's details (casefile::Disposition::letter_details);
  // nullopt if the case has no draft.
  virtual absl::StatusOr<std::optional<std::string>> GetDraftDetails(
      const std::string& case_id) = 0;

  // The issued letter; nullopt if none was issued.
  virtual absl::StatusOr<std::optional<casefile::IssuedLetter>> GetIssuedLetter(
      const std::string& case_id) = 0;

  // Reserves the next document number of `year` (1, 2, ...), in its own
  // transaction: a number whose letter is then not issued stays unused.
  virtual absl::StatusOr<int64_t> NextDocumentSequence(int year) = 0;

 protected:
  ReplyRepository() = default;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_REPLY_REPOSITORY_H_
