// An issued reply letter as plain values: what the agency sent, byte for
// byte, with the hashes recorded in the case's audit trail.
#ifndef FOI_LIBS_CASEFILE_REPLY_H_
#define FOI_LIBS_CASEFILE_REPLY_H_

#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace foi::casefile {

struct IssuedLetter {
  std::string case_id;
  std::string document_number;
  std::string text;
  std::string html;
  std::string pdf;
  std::string text_sha256;  // hex
  std::string pdf_sha256;   // hex
  // The day the reply was delivered or sent.
  absl::CivilDay delivery_date;
  std::string issued_by;
  absl::Time issue_time;
};

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_REPLY_H_
