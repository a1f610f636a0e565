// Identifiers and secrets as a dependency, so tests can make them predictable.
//
// Thread safety: implementations are safe to call from any thread.
#ifndef FOI_LIBS_COMMON_ID_GENERATOR_H_
#define FOI_LIBS_COMMON_ID_GENERATOR_H_

#include <cstdint>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/random/random.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace foi {

// Makes resource ids and bearer-token secrets.
class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  IdGenerator(const IdGenerator&) = delete;
  IdGenerator& operator=(const IdGenerator&) = delete;

  // Returns a new resource id: 28 lowercase hex characters, 12 of
  // milliseconds since the Unix epoch at `now` followed by 16 random ones, so
  // ids sort by creation time and never collide in practice.
  virtual std::string NewId(absl::Time now) = 0;

  // Returns a new secret of 32 random bytes as 64 hex characters.
  virtual std::string NewSecret() = 0;

 protected:
  IdGenerator() = default;
};

// The production generator, backed by a securely seeded absl::BitGen.
class RandomIdGenerator final : public IdGenerator {
 public:
  RandomIdGenerator() = default;
  std::string NewId(absl::Time now) override;
  std::string NewSecret() override;

 private:
  uint64_t Next();

  absl::Mutex mu_;
  absl::BitGen gen_ ABSL_GUARDED_BY(mu_);
};

// Formats an id from its parts; shared by every generator.
std::string FormatId(absl::Time now, uint64_t random_bits);

}  // namespace foi

#endif  // FOI_LIBS_COMMON_ID_GENERATOR_H_
