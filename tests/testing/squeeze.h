// Text compared across PDF extraction, which re-wraps lines and drops the
// spaces typesetting turned into positions.
#ifndef FOI_TESTS_TESTING_SQUEEZE_H_
#define FOI_TESTS_TESTING_SQUEEZE_H_

#include <string>

#include "absl/strings/str_replace.h"

namespace foi::testing {

// `s` without white space, ASCII or ideographic (U+3000).
inline std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : absl::StrReplaceAll(s, {{"\u3000", ""}})) {
    if (c != ' ' && c != '\n' && c != '\f' && c != '\r' && c != '\t') {
      out += c;
    }
  }
  return out;
}

}  // namespace foi::testing

#endif  // FOI_TESTS_TESTING_SQUEEZE_H_
