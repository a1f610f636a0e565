// A server interceptor that writes one structured log line per call: method,
// peer, status code and latency. Logging is a decorator around every
// service, not a line in each handler.
#ifndef FOI_LIBS_SERVER_ACCESS_LOG_H_
#define FOI_LIBS_SERVER_ACCESS_LOG_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace foi::server {

// Returns the factory to pass to
// ServerBuilder::experimental().SetInterceptorCreators().
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeAccessLogInterceptorFactory();

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_ACCESS_LOG_H_
