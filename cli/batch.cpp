#include "cli/batch.hpp"

#include <malloc.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include "gongwen/error.hpp"
#include "gongwen/files.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace fs = std::filesystem;

namespace {

// Tunes glibc's malloc for a process that converts many reports one after another.
void tune_allocator() {
    // Reports are converted one after another, and each PDF allocates and frees megabytes (the
    // font subsets, the page streams): left to itself, glibc returns that memory to the kernel after every document and
    // page-faults it back for the next. Freed memory up to 256 MiB is kept for reuse instead;
    // the mmap threshold must then be set too (a fixed trim threshold freezes the adaptive one
    // at 128 KiB), at 32 MiB, the most glibc's own adaptation would reach. Peak memory is what
    // the largest reports in flight need either way. Measured in bench/README.md.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

bool up_to_date(const Task& task) {
    std::error_code ec;
    const auto input_time = fs::last_write_time(task.input.path, ec);
    if (ec) return false;
    return std::all_of(task.targets.begin(), task.targets.end(), [&](const Target& t) {
        std::error_code e;
        return t.path != "-" && fs::exists(t.path, e) && fs::last_write_time(t.path, e) > input_time;
    });
}

std::string log_line(const Outcome& o) {
    std::string line =
        "{\"input\": " + json_quote(o.input) + ", \"status\": " + json_quote(o.status) + ", \"outputs\": [";
    for (std::size_t i = 0; i < o.outputs.size(); ++i) line += (i ? ", " : "") + json_quote(o.outputs[i]);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.4f", o.seconds);
    line += "], \"seconds\": " + std::string(seconds) + ", \"diagnostics\": {";
    for (std::size_t i = 0; i < o.diagnostics.size(); ++i)
        line += (i ? ", " : "") + json_quote(o.diagnostics[i].first) + ": " + std::to_string(o.diagnostics[i].second);
    line += "}, \"error\": " + (o.error.empty() ? std::string("null") : json_quote(o.error)) + "}\n";
    return line;
}

// The inputs by device and inode, taken once: checking every output against every input by
// name would cost a batch of N reports N² file lookups.
using FileIds = std::set<std::pair<dev_t, ino_t>>;

FileIds file_ids(const std::vector<std::string>& paths) {
    FileIds ids;
    struct stat st {};
    for (const std::string& path : paths)
        if (path != "-" && ::stat(path.c_str(), &st) == 0) ids.emplace(st.st_dev, st.st_ino);
    return ids;
}

// Every target of one report, each format made once (the PDF inside a package is the PDF).
// What a writer could not do (characters no font has) is warned about on stderr.
void write_targets(const Task& task, const Document& doc, const Writers& writers, const Budget& budget,
                   const FileIds& inputs, Outcome& outcome) {
    Rendering rendering(doc, writers, budget, task.input.ordinal);
    const std::vector<std::string> own_input{task.input.path};
    for (const Target& t : task.targets) {
        struct stat st {};
        if (t.path != "-" && ::stat(t.path.c_str(), &st) == 0 && inputs.count({st.st_dev, st.st_ino}))
            throw Error(t.path, "refusing to overwrite an input file");
        write_output_stream(
            t.path, [&](std::ostream& out) { rendering.write(t.format->name, out); }, own_input);
        outcome.outputs.push_back(t.path);
    }
    for (const Diagnostic& w : rendering.warnings())
        std::cerr << ("gongwen: " + doc.source.name + ": warning: " + w.message + "\n");
}

// One report: read once, every target written. With `entry` (--summary) the report's summary
// entry is made too, also when its outputs are up to date and left alone.
Outcome convert_one(const Task& task, const Reader& reader, const Writers& writers, const BatchSettings& settings,
                    const FileIds& inputs, std::optional<ReportEntry>* entry) {
    Outcome outcome;
    outcome.input = task.input.path;
    const auto start = std::chrono::steady_clock::now();
    const Budget budget(reader.options().limits, task.input.path);  // --timeout counts from here
    try {
        const bool skip = settings.skip_existing && up_to_date(task);
        if (skip && !entry) {
            outcome.status = "skipped";
            for (const Target& t : task.targets) outcome.outputs.push_back(t.path);
            return outcome;
        }
        Document doc = reader.read_file(task.input.path, budget);
        if (skip) {
            for (const Target& t : task.targets) outcome.outputs.push_back(t.path);
        } else {
            write_targets(task, doc, writers, budget, inputs, outcome);
            for (const Diagnostic& d : doc.diagnostics) outcome.diagnostics.emplace_back(d.kind, d.count);
        }
        if (entry) *entry = report_entry(std::move(doc), reader.catalog());
        outcome.status = skip ? "skipped" : "ok";
    } catch (const std::exception& e) {  // a bug must not stop the rest of the batch either
        outcome.status = "failed";
        outcome.error = error_text(e, task.input.path);
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

// --summary: the workbook of the reports read, the failed ones listed with their reasons.
void write_batch_summary(const std::vector<Task>& tasks, const std::vector<Outcome>& outcomes,
                         std::vector<std::optional<ReportEntry>>& entries, const Catalog& catalog,
                         const BatchSettings& settings) {
    std::vector<ReportEntry> read;
    std::vector<std::pair<std::string, std::string>> failures;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (entries[i])
            read.push_back(std::move(*entries[i]));
        else
            failures.emplace_back(tasks[i].input.path, outcomes[i].error);
    }
    write_summary(settings.summary, std::move(read), failures, catalog, settings.protected_paths);
}

// Progress on a terminal: done/total, rate, time left, failures.
class Progress {
public:
    Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}
    void update(std::size_t done, std::size_t failed) {
        if (!enabled_) return;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
        const double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
        const std::size_t width = 30;
        const std::size_t filled = total_ ? done * width / total_ : width;
        std::fprintf(stderr, "\r[%s%s] %zu/%zu  %.1f/s  ETA %.0fs  %zu failed ", std::string(filled, '#').c_str(),
                     std::string(width - filled, '.').c_str(), done, total_, rate, left, failed);
        if (done == total_) std::fputc('\n', stderr);
    }

private:
    std::size_t total_;
    bool enabled_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

std::vector<Outcome> run_batch(const std::vector<Task>& tasks, const Reader& reader, const Writers& writers,
                               const BatchSettings& settings) {
    tune_allocator();
    std::vector<Outcome> outcomes(tasks.size());
    std::vector<std::optional<ReportEntry>> entries(settings.summary.empty() ? 0 : tasks.size());
    const FileIds inputs = file_ids(settings.protected_paths);
    std::FILE* log = nullptr;
    if (settings.log_json == "-")
        log = stdout;
    else if (!settings.log_json.empty() && !(log = std::fopen(settings.log_json.c_str(), "w")))
        throw Error(settings.log_json, "cannot write the log");
    std::mutex lock;
    std::atomic<std::size_t> next{0};
    std::size_t done = 0;
    std::size_t failed = 0;
    Progress progress(tasks.size(), settings.progress && !settings.quiet);
    const auto worker = [&] {
        for (std::size_t i = next++; i < tasks.size(); i = next++) {
            Outcome outcome =
                convert_one(tasks[i], reader, writers, settings, inputs, entries.empty() ? nullptr : &entries[i]);
            const std::lock_guard<std::mutex> guard(lock);
            if (outcome.status == "failed") {
                ++failed;
                std::fprintf(stderr, "%sgongwen: %s\n", settings.progress && !settings.quiet ? "\r" : "",
                             outcome.error.c_str());
            }
            if (log) std::fputs(log_line(outcome).c_str(), log), std::fflush(log);
            outcomes[i] = std::move(outcome);
            progress.update(++done, failed);
        }
    };
    std::vector<std::thread> threads;
    const std::size_t jobs = std::max<std::size_t>(1, std::min(settings.jobs, tasks.size()));
    for (std::size_t j = 1; j < jobs; ++j) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    if (log && log != stdout) std::fclose(log);
    if (!settings.summary.empty()) write_batch_summary(tasks, outcomes, entries, reader.catalog(), settings);
    return outcomes;
}

std::string error_text(const std::exception& e, const std::string& input) {
    if (const auto* limit = dynamic_cast<const LimitError*>(&e)) {
        static constexpr const char* kOptions[] = {"--max-input-size", "--max-depth", "--max-line-length",
                                                   "--max-lines",      "--max-pages", "--timeout"};
        return std::string(limit->what()) + " (" + kOptions[static_cast<int>(limit->limit())] + ")";
    }
    if (dynamic_cast<const Error*>(&e)) return e.what();
    return input + ": internal error: " + e.what();
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

std::string batch_summary_line(std::size_t reports, const std::string& written, double seconds, std::size_t failed,
                               std::size_t skipped) {
    char time[32];
    std::snprintf(time, sizeof time, "%.1f", seconds);
    std::string line = "gongwen: " + std::to_string(reports) + (reports == 1 ? " report → " : " reports → ") + written +
                       " in " + time + " s, " + std::to_string(failed) + " failed";
    if (skipped > 0) line += ", " + std::to_string(skipped) + " skipped";
    return line + "\n";
}

}  // namespace gongwen
