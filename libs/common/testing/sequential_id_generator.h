// An IdGenerator whose ids and secrets are predictable, for tests.
//
// Thread safety: all methods may be called concurrently.
#ifndef FOI_LIBS_COMMON_TESTING_SEQUENTIAL_ID_GENERATOR_H_
#define FOI_LIBS_COMMON_TESTING_SEQUENTIAL_ID_GENERATOR_H_

#include <atomic>
#include <cstdint>
#include <string>

#include "absl/strings/str_format.h"
#include "libs/common/id_generator.h"

namespace foi::testing {

class SequentialIdGenerator final : public IdGenerator {
 public:
  std::string NewId(absl::Time now) override { return FormatId(now, ++n_); }
  std::string NewSecret() override {
    return absl::StrFormat("%064x", ++n_);
  }

 private:
  std::atomic<uint64_t> n_{0};
};

}  // namespace foi::testing

#endif  // FOI_LIBS_COMMON_TESTING_SEQUENTIAL_ID_GENERATOR_H_
