// The one place that turns absl::Status into grpc::Status (google-cloud-cpp's
// grpc_error_delegate). Handlers call ToGrpcStatus; nothing else builds a
// grpc::Status from a message.
#ifndef FOI_LIBS_SERVER_GRPC_STATUS_H_
#define FOI_LIBS_SERVER_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace foi::server {

// Same code (the numbering is identical), same message.
grpc::Status ToGrpcStatus(const absl::Status& s);

// The inverse, for clients and tests.
absl::Status FromGrpcStatus(const grpc::Status& s);

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_GRPC_STATUS_H_
