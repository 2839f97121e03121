#include "cli/summarize.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>
#include <tuple>

#include "cli/batch.hpp"
#include "cli/formats.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "converters/xlsx/xlsx.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"

namespace gongwen {

std::shared_ptr<const Catalog> load_catalog(const std::string& path) {
    return std::make_shared<const Catalog>(parse_catalog(read_input(path), path));
}

void write_summary(const std::string& path, std::vector<ReportEntry> entries,
                   const std::vector<std::pair<std::string, std::string>>& failures, const Catalog& catalog,
                   const std::vector<std::string>& protect) {
    std::stable_sort(entries.begin(), entries.end(), [](const ReportEntry& a, const ReportEntry& b) {
        return std::tie(a.source.name, a.source.sha256) < std::tie(b.source.name, b.source.sha256);
    });
    XlsxOptions options;
    options.catalog = &catalog;
    options.failures = failures;
    std::vector<std::string> warnings;
    write_output(path, write_xlsx(entries, options, &warnings), protect);
    for (const std::string& w : warnings) std::cerr << "gongwen: warning: " << w << "\n";
}

// The batch runner with no outputs but the workbook: each report read on a worker and reduced
// to its entry, as convert --summary does.
int run_summarize(const Options& opt) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Input> inputs = expand_inputs(opt.input);
    std::vector<Task> tasks;
    for (const Input& in : inputs) tasks.push_back(Task{in, {}});
    BatchSettings settings;
    settings.jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    settings.quiet = opt.quiet;
    settings.progress = !opt.quiet && isatty(STDERR_FILENO) && tasks.size() > 1;
    settings.summary = opt.output;
    settings.write = opt.settings;
    for (const Input& in : inputs) settings.protected_paths.push_back(in.path);
    std::vector<Outcome> outcomes;
    try {
        outcomes = run_batch(tasks, settings);
    } catch (const Error& e) {  // the workbook could not be written
        std::cerr << "gongwen: " << e.what() << "\n";
        return 1;
    }
    const auto failed = static_cast<std::size_t>(
        std::count_if(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return o.status == "failed"; }));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!opt.quiet)
        std::cerr << batch_summary_line(inputs.size(), opt.output == "-" ? "standard output" : opt.output, seconds, failed);
    return failed == 0 ? 0 : 1;
}

}  // namespace gongwen
