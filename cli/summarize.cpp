#include "cli/summarize.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
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

namespace {

struct Read {
    std::vector<std::optional<ReportEntry>> entries;          // by input, in input order
    std::vector<std::pair<std::string, std::string>> failed;  // input, reason
};

// Each report is read and reduced to its entry on a worker; only entries stay in memory.
Read read_all(const std::vector<Input>& inputs, const Catalog& catalog, std::size_t jobs) {
    Read out;
    out.entries.resize(inputs.size());
    std::vector<std::string> errors(inputs.size());
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            const ReportScope report(inputs[i].path);  // --timeout counts from here
            try {
                out.entries[i] = report_entry(read_document(inputs[i].path, read_input(inputs[i].path)), catalog);
            } catch (const Error& e) {
                errors[i] = e.what();
            } catch (const std::exception& e) {  // a bug must not stop the rest of the batch
                errors[i] = inputs[i].path + ": internal error: " + e.what();
            }
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t j = 1; j < std::min(jobs, inputs.size()); ++j) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (!out.entries[i]) out.failed.emplace_back(inputs[i].path, errors[i]);
    return out;
}

}  // namespace

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

int run_summarize(const Options& opt) {
    const auto start = std::chrono::steady_clock::now();
    tune_allocator();
    const std::vector<Input> inputs = expand_inputs(opt.input);
    const Catalog& catalog = opt.settings.catalog ? *opt.settings.catalog : default_catalog();
    const std::size_t jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    Read read = read_all(inputs, catalog, jobs);
    for (const auto& [input, reason] : read.failed) std::cerr << "gongwen: " << reason << "\n";
    std::vector<ReportEntry> entries;
    entries.reserve(inputs.size());
    for (std::optional<ReportEntry>& e : read.entries)
        if (e) entries.push_back(std::move(*e));
    std::vector<std::string> protect;
    for (const Input& in : inputs) protect.push_back(in.path);
    try {
        write_summary(opt.output, std::move(entries), read.failed, catalog, protect);
    } catch (const Error& e) {
        std::cerr << "gongwen: " << e.what() << "\n";
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!opt.quiet)
        std::cerr << batch_summary_line(inputs.size(), opt.output == "-" ? "standard output" : opt.output, seconds,
                                        read.failed.size());
    return read.failed.empty() ? 0 : 1;
}

}  // namespace gongwen
