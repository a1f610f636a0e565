#include "libs/common/id_generator.h"

#include "absl/strings/str_format.h"

namespace foi {

std::string FormatId(absl::Time now, uint64_t random_bits) {
  const uint64_t millis =
      static_cast<uint64_t>(absl::ToUnixMillis(now)) & 0xffffffffffffULL;
  return absl::StrFormat("%012x%016x", millis, random_bits);
}

uint64_t RandomIdGenerator::Next() {
  absl::MutexLock lock(&mu_);
  return absl::Uniform<uint64_t>(gen_);
}

std::string RandomIdGenerator::NewId(absl::Time now) {
  return FormatId(now, Next());
}

std::string RandomIdGenerator::NewSecret() {
  return absl::StrFormat("%016x%016x%016x%016x", Next(), Next(), Next(),
                         Next());
}

}  // namespace foi
