// Structured logs: one JSON object per line on stderr, with a UTC timestamp,
// a level and a message, plus the caller's fields. Only binaries and
// libs/server log; other libraries return statuses.
//
// Thread safety: Log may be called concurrently; lines never interleave.
#ifndef FOI_LIBS_SERVER_LOG_H_
#define FOI_LIBS_SERVER_LOG_H_

#include "absl/strings/string_view.h"
#include "libs/common/json_writer.h"

namespace foi::server {

enum class LogLevel { kInfo, kWarning, kError };

// Writes {"ts":..., "level":..., "msg":..., <fields>}.
void Log(LogLevel level, absl::string_view message,
         const JsonObject& fields = JsonObject());

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_LOG_H_
