#include "libs/server/log.h"

#include <cstdio>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace foi::server {

void Log(LogLevel level, absl::string_view message, const JsonObject& fields) {
  const char* name = level == LogLevel::kInfo      ? "info"
                     : level == LogLevel::kWarning ? "warning"
                                                   : "error";
  std::string line = "{\"ts\":";
  AppendJsonString(line, absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(),
                                          absl::UTCTimeZone()));
  line += ",\"level\":";
  AppendJsonString(line, name);
  line += ",\"msg\":";
  AppendJsonString(line, message);
  const std::string rest = fields.Build();  // "{...}"
  if (rest.size() > 2) {
    line += ",";
    line.append(rest, 1, rest.size() - 1);
  } else {
    line += "}";
  }
  line += "\n";
  // One fwrite per line: stdio locks the stream, so lines stay whole.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace foi::server
