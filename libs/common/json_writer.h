// A small writer of flat JSON objects, for event payloads and structured logs.
//
// Thread safety: a JsonObject is used by one thread at a time.
#ifndef FOI_LIBS_COMMON_JSON_WRITER_H_
#define FOI_LIBS_COMMON_JSON_WRITER_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace foi {

// Appends `s` to `out` as a JSON string literal, quotes included. REQUIRES: s
// is valid UTF-8.
void AppendJsonString(std::string& out, absl::string_view s);

// Builds `{"key": value, ...}` in insertion order.
class JsonObject {
 public:
  JsonObject& Add(absl::string_view key, absl::string_view value);
  JsonObject& Add(absl::string_view key, const char* value) {
    return Add(key, absl::string_view(value));
  }
  JsonObject& Add(absl::string_view key, int64_t value);
  JsonObject& Add(absl::string_view key, bool value);
  // Adds `json` verbatim. REQUIRES: json is a valid JSON value.
  JsonObject& AddRaw(absl::string_view key, absl::string_view json);

  // Returns the object's text.
  std::string Build() const { return body_ + "}"; }

 private:
  void Key(absl::string_view key);
  std::string body_ = "{";
};

}  // namespace foi

#endif  // FOI_LIBS_COMMON_JSON_WRITER_H_
