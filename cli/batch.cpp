#include "cli/batch.hpp"
#include "model/text_util.hpp"

#include <fnmatch.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "cli/io.hpp"
#include "cli/summarize.hpp"
#include "converters/xlsx/xlsx.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"

namespace gongwen {

namespace fs = std::filesystem;

namespace {

bool matches_any(const std::vector<std::string>& globs, const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
        return fnmatch(g.c_str(), path.c_str(), 0) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0;
    });
}

bool selected(const InputSpec& spec, const std::string& relative) {
    if (!spec.includes.empty() && !matches_any(spec.includes, relative)) return false;
    return !matches_any(spec.excludes, relative);
}

// A path as the output tree mirrors it: normalised, never absolute, never climbing out.
std::string mirror_of(const std::string& path) {
    std::string out;
    for (const fs::path& part : fs::path(path).lexically_normal().relative_path()) {
        const std::string p = part.string();
        if (p.empty() || p == ".") continue;
        if (!out.empty()) out += '/';
        out += p == ".." ? "__" : p;
    }
    return out.empty() ? "stdin" : out;
}

void add_directory(const InputSpec& spec, const std::string& dir, std::vector<Input>& out) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().filename().string()[0] != '.') files.push_back(it->path().string());
    }
    if (ec) throw Error(dir, "cannot read the directory: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        const std::string below = fs::path(file).lexically_relative(dir).generic_string();
        if (selected(spec, below)) out.push_back(Input{file, mirror_of(file)});
    }
}

std::vector<std::string> read_list(const std::string& list) {
    std::vector<std::string> paths;
    std::string line;
    if (list == "-") {
        while (std::getline(std::cin, line))
            if (!line.empty()) paths.push_back(line);
        return paths;
    }
    std::ifstream in(list);
    if (!in) throw Error(list, "cannot open the input list");
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) paths.push_back(line);
    }
    return paths;
}

}  // namespace

void tune_allocator() {
    // Reports are converted one after another, and cairo allocates and frees megabytes for each
    // PDF: left to itself, glibc returns that memory to the kernel after every document and
    // page-faults it back for the next. Freed memory up to 256 MiB is kept for reuse instead;
    // the mmap threshold must then be set too (a fixed trim threshold freezes the adaptive one
    // at 128 KiB), at 32 MiB, the most glibc's own adaptation would reach. Peak memory is what
    // the largest reports in flight need either way. Measured in bench/README.md.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

bool in_shard(const std::string& relative, std::size_t k, std::size_t n) {
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: stable across machines and runs
    for (unsigned char c : relative) hash = (hash ^ c) * 1099511628211ull;
    return hash % n == k - 1;
}

std::vector<Input> expand_inputs(const InputSpec& spec) {
    std::vector<std::string> paths = spec.paths;
    if (!spec.from_list.empty()) {
        const std::vector<std::string> listed = read_list(spec.from_list);
        paths.insert(paths.end(), listed.begin(), listed.end());
    }
    std::vector<Input> all;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (path != "-" && fs::is_directory(path, ec)) add_directory(spec, path, all);
        else all.push_back(Input{path, mirror_of(path)});
    }
    std::vector<Input> out;
    std::set<std::string> seen;
    std::size_t ordinal = 0;
    for (Input& in : all) {
        if (!seen.insert(in.relative).second) continue;
        in.ordinal = ordinal++;
        if (spec.shards > 0 && !in_shard(in.relative, spec.shard, spec.shards)) continue;
        out.push_back(std::move(in));
    }
    return out;
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

std::string output_path(const std::string& out_dir, const Input& input, const OutputFormat& format) {
    return (fs::path(out_dir) / (input.relative + "." + format.extension)).string();
}

namespace {

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
    std::string line = "{\"input\": " + json_quote(o.input) + ", \"status\": " + json_quote(o.status) + ", \"outputs\": [";
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

void write_targets(const Task& task, const Document& doc, const BatchSettings& settings, const FileIds& inputs,
                   Outcome& outcome) {
    WriteSettings write = settings.write;
    write.ordinal = task.input.ordinal;
    const std::vector<std::string> own_input{task.input.path};
    for (const Target& t : task.targets) {
        struct stat st {};
        if (t.path != "-" && ::stat(t.path.c_str(), &st) == 0 && inputs.count({st.st_dev, st.st_ino}))
            throw Error(t.path, "refusing to overwrite an input file");
        if (t.format->write_to)
            write_output_stream(t.path, [&](std::ostream& out) { t.format->write_to(doc, write, out); }, own_input);
        else
            write_output(t.path, t.format->write(doc, write), own_input);
        outcome.outputs.push_back(t.path);
    }
}

const Catalog& catalog_of(const BatchSettings& settings) {
    return settings.write.catalog ? *settings.write.catalog : default_catalog();
}

// One report: read once, every target written. With `entry` (--summary) the report's summary
// entry is made too, also when its outputs are up to date and left alone.
Outcome convert_one(const Task& task, const BatchSettings& settings, const FileIds& inputs,
                    std::optional<ReportEntry>* entry) {
    Outcome outcome;
    outcome.input = task.input.path;
    const auto start = std::chrono::steady_clock::now();
    const ReportScope report(task.input.path);  // --timeout counts from here
    try {
        const bool skip = settings.skip_existing && up_to_date(task);
        if (skip && !entry) {
            outcome.status = "skipped";
            for (const Target& t : task.targets) outcome.outputs.push_back(t.path);
            return outcome;
        }
        Document doc = read_document(task.input.path, read_input(task.input.path));
        if (skip) {
            for (const Target& t : task.targets) outcome.outputs.push_back(t.path);
        } else {
            write_targets(task, doc, settings, inputs, outcome);
            for (const Diagnostic& d : doc.diagnostics) outcome.diagnostics.emplace_back(d.kind, d.count);
        }
        if (entry) *entry = report_entry(std::move(doc), catalog_of(settings));
        outcome.status = skip ? "skipped" : "ok";
    } catch (const Error& e) {
        outcome.status = "failed";
        outcome.error = e.what();
    } catch (const std::exception& e) {  // a bug must not stop the rest of the batch
        outcome.status = "failed";
        outcome.error = task.input.path + ": internal error: " + e.what();
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

// --summary: the workbook of the reports read, the failed ones listed with their reasons.
void write_batch_summary(const std::vector<Task>& tasks, const std::vector<Outcome>& outcomes,
                         std::vector<std::optional<ReportEntry>>& entries, const BatchSettings& settings) {
    std::vector<ReportEntry> read;
    std::vector<std::pair<std::string, std::string>> failures;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (entries[i]) read.push_back(std::move(*entries[i]));
        else failures.emplace_back(tasks[i].input.path, outcomes[i].error);
    }
    write_summary(settings.summary, std::move(read), failures, catalog_of(settings), settings.protected_paths);
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

std::vector<Outcome> run_batch(const std::vector<Task>& tasks, const BatchSettings& settings) {
    tune_allocator();
    std::vector<Outcome> outcomes(tasks.size());
    std::vector<std::optional<ReportEntry>> entries(settings.summary.empty() ? 0 : tasks.size());
    const FileIds inputs = file_ids(settings.protected_paths);
    std::FILE* log = nullptr;
    if (settings.log_json == "-") log = stdout;
    else if (!settings.log_json.empty() && !(log = std::fopen(settings.log_json.c_str(), "w")))
        throw Error(settings.log_json, "cannot write the log");
    std::mutex lock;
    std::atomic<std::size_t> next{0};
    std::size_t done = 0;
    std::size_t failed = 0;
    Progress progress(tasks.size(), settings.progress && !settings.quiet);
    const auto worker = [&] {
        for (std::size_t i = next++; i < tasks.size(); i = next++) {
            Outcome outcome = convert_one(tasks[i], settings, inputs, entries.empty() ? nullptr : &entries[i]);
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
    if (!settings.summary.empty()) write_batch_summary(tasks, outcomes, entries, settings);
    return outcomes;
}

}  // namespace gongwen
