// Throughput of RenderPdf for a one-page Chinese letter, against producing
// the same letter as plain text, so the cost of typesetting can be stated as
// a ratio.
#include <string>
#include <thread>

#include "benchmark/benchmark.h"
#include "libs/pdf/pdf_document.h"
#include "libs/pdf/testing/sample_letter.h"

namespace foi::pdf {
namespace {

void BM_RenderLetterPdf(benchmark::State& state) {
  const PdfDocumentSpec spec = testing::ReplyLetterSpec();
  int64_t pages = 0;
  for (auto _ : state) {
    absl::StatusOr<std::string> pdf = RenderPdf(spec);
    if (!pdf.ok()) {
      state.SkipWithError(std::string(pdf.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(pdf->data());
    ++pages;  // The letter is one page (pdf_test checks it).
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages),
                                                 benchmark::Counter::kIsRate);
  state.counters["letters/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RenderLetterPdf)->Unit(benchmark::kMillisecond);

// The same on a thread of its own each time: what the first RenderPdf on a
// new thread pays to load that thread's Pango font map.
void BM_RenderLetterPdfOnNewThread(benchmark::State& state) {
  const PdfDocumentSpec spec = testing::ReplyLetterSpec();
  for (auto _ : state) {
    absl::Status status;
    std::thread thread([&spec, &status] { status = RenderPdf(spec).status(); });
    thread.join();
    if (!status.ok()) {
      state.SkipWithError(std::string(status.message()).c_str());
      return;
    }
  }
  state.counters["letters/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RenderLetterPdfOnNewThread)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Baseline: the letter's text without typesetting, the blocks concatenated.
void BM_ConcatenateLetterText(benchmark::State& state) {
  const PdfDocumentSpec spec = testing::ReplyLetterSpec();
  for (auto _ : state) {
    std::string text;
    for (const Block& block : spec.blocks) {
      text += block.text;
      text += '\n';
    }
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["pages/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["letters/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ConcatenateLetterText);

void BM_ExtractLetterText(benchmark::State& state) {
  const absl::StatusOr<std::string> pdf = RenderPdf(testing::ReplyLetterSpec());
  if (!pdf.ok()) {
    state.SkipWithError(std::string(pdf.status().message()).c_str());
    return;
  }
  for (auto _ : state) {
    absl::StatusOr<std::string> text = ExtractPdfText(*pdf);
    benchmark::DoNotOptimize(text);
  }
  state.counters["pages/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractLetterText)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace foi::pdf

BENCHMARK_MAIN();
