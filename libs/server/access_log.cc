#include "libs/server/access_log.h"

#include <string>

#include "absl/time/clock.h"
#include "libs/server/log.h"

namespace foi::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class AccessLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit AccessLogInterceptor(grpc::experimental::ServerRpcInfo* info)
      : method_(info->method()), start_(absl::Now()) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      JsonObject fields;
      fields.Add("method", method_)
          .Add("code", static_cast<int64_t>(status.error_code()))
          .Add("micros", absl::ToInt64Microseconds(absl::Now() - start_));
      if (!status.ok()) fields.Add("error", status.error_message());
      Log(status.ok() ? LogLevel::kInfo : LogLevel::kWarning, "rpc", fields);
    }
    methods->Proceed();
  }

 private:
  const std::string method_;
  const absl::Time start_;
};

class AccessLogFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new AccessLogInterceptor(info);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeAccessLogInterceptorFactory() {
  return std::make_unique<AccessLogFactory>();
}

}  // namespace foi::server
