// AnalyticsService: the gRPC adapter for disclosure candidates and the
// proactive-disclosure catalogue (Art. 44), appeals, and the statutory
// annual report (Art. 50). The report is computed by libs/annual; the
// candidates are written by the foi-analytics job.
//
// Thread safety: handlers run concurrently; the only mutable state is the
// text normalizer for the report's topics, made once under a mutex.
#ifndef FOI_SERVICES_ANALYTICS_ANALYTICS_SERVICE_H_
#define FOI_SERVICES_ANALYTICS_ANALYTICS_SERVICE_H_

#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "foi/v1/analytics_service.grpc.pb.h"
#include "grpcpp/server_builder.h"
#include "libs/server/deps.h"

namespace foi::textsim {
class Normalizer;
}  // namespace foi::textsim
namespace foi::screening {
class Screener;
}  // namespace foi::screening

namespace foi::analytics {

class AnalyticsServiceImpl final
    : public v1::AnalyticsService::CallbackService {
 public:
  // REQUIRES: deps (with analytics, cases and hints) outlives the service.
  explicit AnalyticsServiceImpl(server::Deps* deps);
  ~AnalyticsServiceImpl() override;

  grpc::ServerUnaryReactor* ListDisclosureCandidates(
      grpc::CallbackServerContext* ctx,
      const v1::ListDisclosureCandidatesRequest* request,
      v1::ListDisclosureCandidatesResponse* response) override;
  grpc::ServerUnaryReactor* DecideCandidate(
      grpc::CallbackServerContext* ctx,
      const v1::DecideCandidateRequest* request,
      v1::DisclosureCandidate* response) override;
  grpc::ServerUnaryReactor* ListProactiveDisclosures(
      grpc::CallbackServerContext* ctx,
      const v1::ListProactiveDisclosuresRequest* request,
      v1::ListProactiveDisclosuresResponse* response) override;
  grpc::ServerUnaryReactor* RecordAppeal(grpc::CallbackServerContext* ctx,
                                         const v1::RecordAppealRequest* request,
                                         v1::Appeal* response) override;
  grpc::ServerUnaryReactor* GetAnnualReport(
      grpc::CallbackServerContext* ctx,
      const v1::GetAnnualReportRequest* request,
      v1::AnnualReport* response) override;
  // In near_duplicate_hints.cc.
  grpc::ServerUnaryReactor* GetNearDuplicateHints(
      grpc::CallbackServerContext* ctx,
      const v1::GetNearDuplicateHintsRequest* request,
      v1::NearDuplicateHints* response) override;

 private:
  // The normalizer the report's topics are clustered with, made on first
  // use (ICU set-up takes a while; most servers never build a report). A
  // failure is INTERNAL and is retried by the next report. The pointer
  // stays valid as long as the service.
  absl::StatusOr<const textsim::Normalizer*> TopicNormalizer()
      ABSL_LOCKS_EXCLUDED(normalizer_mu_);
  // The built-in detectors that take personal identifiers out of topic
  // labels, made on first use like the normalizer.
  absl::StatusOr<const screening::Screener*> LabelScreener()
      ABSL_LOCKS_EXCLUDED(normalizer_mu_);

  server::Deps* const deps_;
  absl::Mutex normalizer_mu_;
  std::unique_ptr<textsim::Normalizer> normalizer_
      ABSL_GUARDED_BY(normalizer_mu_);
  std::unique_ptr<screening::Screener> label_screener_
      ABSL_GUARDED_BY(normalizer_mu_);
};

void Register(grpc::ServerBuilder& builder, server::Deps& deps);

}  // namespace foi::analytics

#endif  // FOI_SERVICES_ANALYTICS_ANALYTICS_SERVICE_H_
