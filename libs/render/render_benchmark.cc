// Letters rendered per second on one thread, from LetterData to the finished
// document, as plain text, HTML and PDF, over the same 19 sample letters
// (every template and reason). After the runs it prints how many times
// slower PDF is than text, which is what sizing the reply service needs:
// text and HTML previews are cheap, PDFs are not.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "libs/render/letter.h"
#include "libs/render/letter_pdf.h"
#include "libs/render/letter_renderer.h"
#include "libs/render/testing/sample_letters.h"

namespace {

using ::foi::render::Letter;
using ::foi::render::LetterRenderer;
using ::foi::testing::SampleLetter;

const LetterRenderer& Renderer() {
  static const LetterRenderer* const renderer = [] {
    auto config = foi::render::LoadAgencyConfig(
        FOI_SOURCE_DIR "/libs/render/testdata/agency.conf");
    if (!config.ok()) std::abort();  // a benchmark setup bug
    auto loaded =
        LetterRenderer::Load(FOI_SOURCE_DIR "/deploy/templates", *config);
    if (!loaded.ok()) std::abort();
    return loaded->release();
  }();
  return *renderer;
}

const std::vector<SampleLetter>& Samples() {
  static const auto* samples =
      new std::vector<SampleLetter>(foi::testing::SampleLetters());
  return *samples;
}

template <typename Format>
void RunLetters(benchmark::State& state, Format format) {
  const LetterRenderer& renderer = Renderer();
  const std::vector<SampleLetter>& samples = Samples();
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<Letter> letter =
        renderer.Render(samples[i++ % samples.size()].data);
    if (!letter.ok()) {
      state.SkipWithError("render failed");
      return;
    }
    bytes += format(*letter);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["letters_per_second"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["bytes_per_letter"] =
      static_cast<double>(bytes) / static_cast<double>(state.iterations());
}

void BM_LetterAsText(benchmark::State& state) {
  RunLetters(state, [](const Letter& l) {
    std::string text = foi::render::ToText(l);
    benchmark::DoNotOptimize(text);
    return static_cast<int64_t>(text.size());
  });
}
BENCHMARK(BM_LetterAsText);

void BM_LetterAsHtml(benchmark::State& state) {
  RunLetters(state, [](const Letter& l) {
    std::string html = foi::render::ToHtml(l);
    benchmark::DoNotOptimize(html);
    return static_cast<int64_t>(html.size());
  });
}
BENCHMARK(BM_LetterAsHtml);

void BM_LetterAsPdf(benchmark::State& state) {
  RunLetters(state, [&state](const Letter& l) -> int64_t {
    absl::StatusOr<std::string> pdf = foi::render::ToPdf(l);
    if (!pdf.ok()) {
      state.SkipWithError("pdf failed");
      return 0;
    }
    benchmark::DoNotOptimize(*pdf);
    return static_cast<int64_t>(pdf->size());
  });
}
BENCHMARK(BM_LetterAsPdf)->Unit(benchmark::kMillisecond);

// Remembers each run's letters per second for the closing ratio.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      auto it = run.counters.find("letters_per_second");
      if (it != run.counters.end() && run.run_type == Run::RT_Iteration) {
        rates_[run.run_name.function_name] = it->second.value;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  void PrintRatio() const {
    auto text = rates_.find("BM_LetterAsText");
    auto pdf = rates_.find("BM_LetterAsPdf");
    if (text == rates_.end() || pdf == rates_.end() || pdf->second <= 0) return;
    std::printf("letters/s: text %.0f, pdf %.1f; text/pdf ratio %.0fx\n",
                text->second, pdf->second, text->second / pdf->second);
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintRatio();
  benchmark::Shutdown();
  return 0;
}
