#include "tests/bench/rpc_load.h"

#include <atomic>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "foi/internal/bench_service.grpc.pb.h"
#include "foi/v1/casework_service.grpc.pb.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "libs/common/id_generator.h"
#include "tests/bench/bench_table.h"
#include "tests/testing/submissions.h"

namespace foi::bench {
namespace {

// State shared by every slot of one run.
class LoadRun {
 public:
  LoadRun(MeasureWindow window, int slots, std::string token,
          std::vector<std::string> tokens, absl::Duration call_timeout)
      : window_(window),
        token_(std::move(token)),
        tokens_(std::move(tokens)),
        call_timeout_(call_timeout),
        active_(slots) {}

  const MeasureWindow& window() const { return window_; }

  // Sets the call's deadline and credentials: the one token, or the next of
  // the rotating tokens.
  void Prepare(grpc::ClientContext& ctx) {
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + call_timeout_));
    if (!tokens_.empty()) {
      const uint64_t i = next_token_.fetch_add(1, std::memory_order_relaxed);
      ctx.AddMetadata("authorization", "Bearer " + tokens_[i % tokens_.size()]);
    } else if (!token_.empty()) {
      ctx.AddMetadata("authorization", "Bearer " + token_);
    }
  }

  // Counts what a call returned (ListQueue: entries on the page).
  void CountItems(int64_t n) {
    items_.fetch_add(n, std::memory_order_relaxed);
    item_calls_.fetch_add(1, std::memory_order_relaxed);
  }

  // Mean items per call counted by CountItems; -1 when none was.
  double MeanItems() const {
    const int64_t calls = item_calls_.load();
    return calls == 0 ? -1
                      : static_cast<double>(items_.load()) /
                            static_cast<double>(calls);
  }

  void RecordError(const grpc::Status& s) {
    absl::MutexLock lock(&mu_);
    if (first_error_.empty()) {
      first_error_ = absl::StrCat("code ", static_cast<int>(s.error_code()),
                                  ": ", s.error_message());
    }
  }

  // A slot stopped issuing calls.
  void SlotDone() { active_.DecrementCount(); }

  // Blocks until every slot has stopped; returns the first error seen.
  // REQUIRES: called once.
  std::string WaitForSlots() {
    // BlockingCounter, unlike a bare Mutex and counter, may be destroyed as
    // soon as Wait returns, even while the last DecrementCount unwinds.
    active_.Wait();
    absl::MutexLock lock(&mu_);
    return first_error_;
  }

 private:
  const MeasureWindow window_;
  const std::string token_;
  const std::vector<std::string> tokens_;
  const absl::Duration call_timeout_;
  std::atomic<uint64_t> next_token_{0};
  std::atomic<int64_t> items_{0};
  std::atomic<int64_t> item_calls_{0};
  absl::BlockingCounter active_;
  absl::Mutex mu_;
  std::string first_error_ ABSL_GUARDED_BY(mu_);
};

class Slot {
 public:
  virtual ~Slot() = default;
  // Starts the slot's next call, or stops the slot once the window is over.
  virtual void Next() = 0;
};

// One call in flight at a time, of one method. `Start` is the generated
// stub's callback method; `Fill` makes each call's request.
template <typename Request, typename Response>
class TypedSlot final : public Slot {
 public:
  using Start =
      std::function<void(grpc::ClientContext*, const Request*, Response*,
                         std::function<void(grpc::Status)>)>;
  using Fill = std::function<void(int64_t seq, Request&)>;

  TypedSlot(LoadRun* run, LatencySamples* samples, Start start, Fill fill)
      : run_(run),
        samples_(samples),
        start_(std::move(start)),
        fill_(std::move(fill)) {}

  void Next() override {
    const BenchClock::time_point now = BenchClock::now();
    if (now >= run_->window().end) {
      run_->SlotDone();
      return;
    }
    auto* call = new Call;  // owned by the completion, below
    fill_(seq_++, call->request);
    run_->Prepare(call->ctx);
    call->start = BenchClock::now();
    start_(&call->ctx, &call->request, &call->response,
           [this, call](grpc::Status s) { Done(call, s); });
  }

 private:
  struct Call {
    grpc::ClientContext ctx;
    Request request;
    Response response;
    BenchClock::time_point start;
  };

  // gRPC permits destroying the context inside the completion callback.
  void Done(Call* raw, const grpc::Status& s) {
    const BenchClock::time_point done = BenchClock::now();
    std::unique_ptr<Call> call(raw);
    if (run_->window().Contains(done)) {
      if (s.ok()) {
        samples_->ok_nanos.push_back(
            std::chrono::duration_cast<std::chrono::nanoseconds>(done -
                                                                 call->start)
                .count());
      } else {
        ++samples_->errors;
        run_->RecordError(s);
      }
    }
    call.reset();
    Next();
  }

  LoadRun* const run_;
  LatencySamples* const samples_;
  const Start start_;
  const Fill fill_;
  int64_t seq_ = 0;  // calls this slot started
};

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& endpoint,
                                           int index) {
  grpc::ChannelArguments args;
  // Distinct arguments and a private subchannel pool: each channel gets its
  // own TCP connection instead of sharing one.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt("foi.bench.channel", index);
  return grpc::CreateCustomChannel(endpoint, grpc::InsecureChannelCredentials(),
                                   args);
}

// Makes the slot for call `index` on `channel`.
std::unique_ptr<Slot> MakeSlot(const RpcLoadOptions& options,
                               const std::shared_ptr<grpc::Channel>& channel,
                               int index, const std::string& id_prefix,
                               LoadRun* run, LatencySamples* samples) {
  switch (options.rpc) {
    case LoadRpc::kEmpty: {
      std::shared_ptr<internal::BenchService::Stub> stub =
          internal::BenchService::NewStub(channel);
      return std::make_unique<
          TypedSlot<internal::EmptyRequest, internal::EmptyResponse>>(
          run, samples,
          [stub](grpc::ClientContext* ctx, const internal::EmptyRequest* req,
                 internal::EmptyResponse* resp,
                 std::function<void(grpc::Status)> done) {
            stub->async()->Empty(ctx, req, resp, std::move(done));
          },
          [](int64_t, internal::EmptyRequest&) {});
    }
    case LoadRpc::kInsert: {
      std::shared_ptr<internal::BenchService::Stub> stub =
          internal::BenchService::NewStub(channel);
      return std::make_unique<
          TypedSlot<internal::InsertRequest, internal::InsertResponse>>(
          run, samples,
          [stub](grpc::ClientContext* ctx, const internal::InsertRequest* req,
                 internal::InsertResponse* resp,
                 std::function<void(grpc::Status)> done) {
            stub->async()->Insert(ctx, req, resp, std::move(done));
          },
          [](int64_t, internal::InsertRequest& req) {
            req.set_payload(BenchPayload());
          });
    }
    case LoadRpc::kSubmit: {
      std::shared_ptr<v1::IntakeService::Stub> stub =
          v1::IntakeService::NewStub(channel);
      // Each slot submits its own application; request ids never repeat
      // (a repeat would be answered from the idempotency table).
      auto templ = std::make_shared<const v1::SubmitApplicationRequest>(
          testing::ValidSubmission("", index));
      const std::string prefix = absl::StrCat(id_prefix, "-", index, "-");
      return std::make_unique<
          TypedSlot<v1::SubmitApplicationRequest, v1::Case>>(
          run, samples,
          [stub](grpc::ClientContext* ctx,
                 const v1::SubmitApplicationRequest* req, v1::Case* resp,
                 std::function<void(grpc::Status)> done) {
            stub->async()->SubmitApplication(ctx, req, resp, std::move(done));
          },
          [templ, prefix](int64_t seq, v1::SubmitApplicationRequest& req) {
            req = *templ;
            req.set_request_id(absl::StrCat(prefix, seq));
          });
    }
    case LoadRpc::kQueue: {
      std::shared_ptr<v1::CaseworkService::Stub> stub =
          v1::CaseworkService::NewStub(channel);
      v1::QueueView view = v1::QUEUE_VIEW_UNSPECIFIED;
      v1::QueueView_Parse(options.queue_view, &view);  // checked by caller
      auto templ = std::make_shared<v1::ListQueueRequest>();
      templ->set_view(view);
      templ->set_unit(options.queue_unit);
      templ->set_page_size(options.page_size);
      return std::make_unique<
          TypedSlot<v1::ListQueueRequest, v1::ListQueueResponse>>(
          run, samples,
          [stub, run](grpc::ClientContext* ctx, const v1::ListQueueRequest* req,
                      v1::ListQueueResponse* resp,
                      std::function<void(grpc::Status)> done) {
            stub->async()->ListQueue(
                ctx, req, resp,
                [run, resp, done = std::move(done)](grpc::Status s) {
                  if (s.ok()) run->CountItems(resp->entries_size());
                  done(std::move(s));
                });
          },
          [templ](int64_t, v1::ListQueueRequest& req) { req = *templ; });
    }
  }
  return nullptr;
}

const char* RpcName(LoadRpc rpc) {
  switch (rpc) {
    case LoadRpc::kEmpty:
      return "empty";
    case LoadRpc::kInsert:
      return "insert";
    case LoadRpc::kSubmit:
      return "submit";
    case LoadRpc::kQueue:
      return "queue";
  }
  return "unknown";
}

}  // namespace

absl::StatusOr<LoadRpc> ParseLoadRpc(absl::string_view name) {
  if (name == "empty") return LoadRpc::kEmpty;
  if (name == "insert") return LoadRpc::kInsert;
  if (name == "submit") return LoadRpc::kSubmit;
  if (name == "queue") return LoadRpc::kQueue;
  return absl::InvalidArgumentError(absl::StrCat(
      "--rpc: want empty, insert, submit or queue, got '", name, "'"));
}

absl::StatusOr<BenchResult> RunRpcLoad(const RpcLoadOptions& options) {
  if (options.concurrency < 1 || options.calls_per_channel < 1) {
    return absl::InvalidArgumentError(
        "--concurrency and --calls_per_channel must be at least 1");
  }
  if (options.rpc == LoadRpc::kQueue) {
    v1::QueueView view;
    if (!v1::QueueView_Parse(options.queue_view, &view) ||
        view == v1::QUEUE_VIEW_UNSPECIFIED) {
      return absl::InvalidArgumentError(
          absl::StrCat("--queue_view: want MINE, UNIT_UNASSIGNED, UNIT or ALL,"
                       " got '",
                       options.queue_view, "'"));
    }
  }
  const int channel_count =
      (options.concurrency + options.calls_per_channel - 1) /
      options.calls_per_channel;
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < channel_count; ++i) {
    channels.push_back(MakeChannel(options.endpoint, i));
    if (!channels.back()->WaitForConnected(
            absl::ToChronoTime(absl::Now() + absl::Seconds(10)))) {
      return absl::UnavailableError(
          absl::StrCat("cannot connect to ", options.endpoint));
    }
  }

  // Request ids unique across runs against the same database.
  RandomIdGenerator ids;
  const std::string id_prefix = ids.NewId(absl::Now());

  const BenchClock::time_point begin = BenchClock::now();
  LoadRun run(
      MeasureWindow{
          begin + absl::ToChronoNanoseconds(options.warmup),
          begin + absl::ToChronoNanoseconds(options.warmup + options.measure)},
      options.concurrency, options.token, options.tokens, options.call_timeout);
  std::vector<LatencySamples> samples(options.concurrency);
  std::vector<std::unique_ptr<Slot>> slots;
  for (int i = 0; i < options.concurrency; ++i) {
    slots.push_back(MakeSlot(options, channels[i % channel_count], i, id_prefix,
                             &run, &samples[i]));
  }
  for (auto& slot : slots) slot->Next();
  std::string first_error = run.WaitForSlots();
  BenchResult result = Summarize(RpcName(options.rpc), options.concurrency,
                                 absl::ToDoubleSeconds(options.measure),
                                 std::move(samples), std::move(first_error));
  result.mean_items = run.MeanItems();
  if (options.rpc == LoadRpc::kQueue) result.view = options.queue_view;
  return result;
}

}  // namespace foi::bench
