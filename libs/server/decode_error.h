// A server interceptor that gives undecodable requests the status they
// deserve. gRPC's callback handlers answer a request that protobuf refuses to
// parse (in practice: a string field that is not valid UTF-8, which proto3
// forbids) with UNIMPLEMENTED and no message; clients would read that as "no
// such method". This turns it into INVALID_ARGUMENT saying what is wrong.
#ifndef FOI_LIBS_SERVER_DECODE_ERROR_H_
#define FOI_LIBS_SERVER_DECODE_ERROR_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace foi::server {

// Returns the factory to pass to
// ServerBuilder::experimental().SetInterceptorCreators().
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MakeDecodeErrorInterceptorFactory();

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_DECODE_ERROR_H_
