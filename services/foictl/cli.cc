// The shared plumbing of foictl commands; see cli.h.
#include "services/foictl/cli.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace foictl {

std::string g_endpoint;
std::string g_token;
std::string g_tls_ca_file;

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::shared_ptr<grpc::Channel> Channel() {
  // gRPC's default 4 MiB receive limit would refuse a redacted PDF, and
  // AddDocument uploads up to 16 MiB; the server enforces the real limits.
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  if (!g_tls_ca_file.empty()) {
    std::ifstream in(g_tls_ca_file);
    std::stringstream pem;
    pem << in.rdbuf();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = pem.str();
    return grpc::CreateCustomChannel(g_endpoint, grpc::SslCredentials(ssl),
                                     args);
  }
  return grpc::CreateCustomChannel(g_endpoint,
                                   grpc::InsecureChannelCredentials(), args);
}

void Prepare(grpc::ClientContext& ctx) {
  if (!g_token.empty()) ctx.AddMetadata("authorization", "Bearer " + g_token);
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
}

int Fail(const grpc::Status& s) {
  static const char* kNames[] = {"OK",
                                 "CANCELLED",
                                 "UNKNOWN",
                                 "INVALID_ARGUMENT",
                                 "DEADLINE_EXCEEDED",
                                 "NOT_FOUND",
                                 "ALREADY_EXISTS",
                                 "PERMISSION_DENIED",
                                 "RESOURCE_EXHAUSTED",
                                 "FAILED_PRECONDITION",
                                 "ABORTED",
                                 "OUT_OF_RANGE",
                                 "UNIMPLEMENTED",
                                 "INTERNAL",
                                 "UNAVAILABLE",
                                 "DATA_LOSS",
                                 "UNAUTHENTICATED"};
  const int code = s.error_code();
  std::cerr << "error: " << (code >= 0 && code <= 16 ? kNames[code] : "?")
            << ": " << s.error_message() << "\n";
  return 1;
}

int Print(const google::protobuf::Message& m) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(m, &json, options);
  std::cout << json;
  return 0;
}

int Usage(const std::string& text) {
  std::cerr << text;
  return 2;
}

std::string Opt(std::map<std::string, std::string>& opts,
                const std::string& key, const std::string& fallback) {
  auto it = opts.find(key);
  if (it == opts.end()) return fallback;
  std::string v = it->second;
  opts.erase(it);
  return v;
}

bool ParseDate(const std::string& text, foi::v1::Date* out) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day)) return false;
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
  return true;
}

std::string DateText(const foi::v1::Date& d) {
  if (d.year() == 0) return "-";
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

bool LeftoverOptions(const std::map<std::string, std::string>& opts) {
  for (const auto& [k, v] : opts) {
    std::cerr << "unknown option --" << k << "\n";
  }
  return !opts.empty();
}

void PrintTable(const std::vector<std::vector<std::string>>& rows, bool csv) {
  if (csv) {
    for (const auto& row : rows) {
      std::vector<std::string> cells;
      for (const std::string& c : row) {
        if (c.find_first_of(",\"\n") == std::string::npos) {
          cells.push_back(c);
        } else {
          std::string q = "\"";
          for (char ch : c)
            q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          cells.push_back(q + "\"");
        }
      }
      std::cout << absl::StrJoin(cells, ",") << "\n";
    }
    return;
  }
  std::vector<size_t> width;
  auto display_width = [](const std::string& s) {
    // East Asian characters take two columns; count UTF-8 lead bytes of
    // 3-byte sequences as two.
    size_t w = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if ((c & 0xC0) == 0x80) continue;
      w += (c >= 0xE0) ? 2 : 1;
    }
    return w;
  };
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], display_width(row[i]));
    }
  }
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      std::cout << row[i];
      if (i + 1 < row.size()) {
        std::cout << std::string(width[i] - display_width(row[i]) + 2, ' ');
      }
    }
    std::cout << "\n";
  }
}

bool CurrentEtag(const std::string& name, std::string* etag) {
  auto stub = foi::v1::IntakeService::NewStub(Channel());
  grpc::ClientContext ctx;
  Prepare(ctx);
  foi::v1::GetCaseRequest req;
  req.set_name(name);
  foi::v1::Case c;
  grpc::Status s = stub->GetCase(&ctx, req, &c);
  if (!s.ok()) {
    Fail(s);
    return false;
  }
  *etag = c.etag();
  return true;
}

bool EtagFor(const std::string& name, std::map<std::string, std::string>& opts,
             std::string* etag) {
  *etag = Opt(opts, "etag");
  return !etag->empty() || CurrentEtag(name, etag);
}

}  // namespace foictl
