// Batch conversion: which files, where their outputs go, and running them on worker threads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/formats.hpp"
#include "model/document.hpp"

namespace gongwen {

struct InputSpec {
    std::vector<std::string> paths;      // files and directories (recursed), "-" for stdin
    std::string from_list;               // a file listing inputs one per line, "-" for stdin
    std::vector<std::string> includes;   // globs on the path below a directory (default: all)
    std::vector<std::string> excludes;
    std::size_t shard = 0;               // 1-based shard K of `shards`; 0 = no sharding
    std::size_t shards = 0;
};

struct Input {
    std::string path;      // as it is opened
    std::string relative;  // the path the output tree mirrors
    std::size_t ordinal = 0;  // position among all inputs, before sharding: the same on every shard
};

// The inputs in a deterministic order (arguments in order, directory contents sorted), with
// duplicates removed and the shard applied. Throws gongwen::Error for an unreadable directory
// or list file.
std::vector<Input> expand_inputs(const InputSpec& spec);

// Whether `input` belongs to shard K of N: a stable hash of its relative path, so every
// machine running the same inputs agrees without talking to the others.
bool in_shard(const std::string& relative, std::size_t k, std::size_t n);

// out_dir/<relative>.<extension>: the input's own name with the format's extension appended,
// so two inputs can never share an output, and the path stays inside out_dir.
std::string output_path(const std::string& out_dir, const Input& input, const OutputFormat& format);

struct Target {
    const OutputFormat* format = nullptr;
    std::string path;  // "-" for standard output
};

struct Task {
    Input input;
    std::vector<Target> targets;
};

struct Outcome {
    std::string input;
    std::string status;  // "ok", "failed", "skipped"
    std::vector<std::string> outputs;
    double seconds = 0;
    std::vector<std::pair<std::string, std::size_t>> diagnostics;
    std::string error;
};

struct BatchSettings {
    std::size_t jobs = 1;
    bool quiet = false;
    bool progress = false;       // draw a progress bar on stderr
    bool skip_existing = false;  // leave outputs newer than their input untouched
    std::string log_json;        // file for one JSON line per report, "-" for stdout
    WriteSettings write;
    std::vector<std::string> protected_paths;  // never overwritten (the inputs)
    // --summary FILE: the summary workbook of the reports (mapped with write.catalog), written
    // when the batch is done, inputs that failed listed in it; empty for none.
    std::string summary;
};

// Tunes glibc's malloc for a process that converts many reports one after another (keeps
// freed memory for the next report instead of returning it to the kernel). Call it before
// starting worker threads.
void tune_allocator();

// The last line of a batch on stderr: "gongwen: 360 reports → out/ (xml, json) in 0.4 s, 0 failed",
// with ", 12 skipped" when some were. `written` names where the outputs went.
std::string batch_summary_line(std::size_t reports, const std::string& written, double seconds, std::size_t failed,
                               std::size_t skipped = 0);

// Converts every task; one failure never stops the others. Returns the outcomes in task order.
// An interrupt ends the process through the handler of cli/io.hpp: finished outputs stay and
// the temporary files being written are removed. Throws gongwen::Error when the summary
// workbook cannot be written (every other output is written by then).
std::vector<Outcome> run_batch(const std::vector<Task>& tasks, const BatchSettings& settings);

}  // namespace gongwen
