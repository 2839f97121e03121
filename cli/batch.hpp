// Running a batch: every report read once and written in every format asked for, on worker
// threads, with progress, a JSON log and the summary workbook; one failure never stops the others.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "cli/inputs.hpp"
#include "gongwen/read.hpp"
#include "gongwen/write.hpp"
#include "gongwen/xlsx.hpp"

namespace gongwen {

struct Target {
    const Format* format = nullptr;
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
    bool progress = false;                     // draw a progress bar on stderr
    bool skip_existing = false;                // leave outputs newer than their input untouched
    std::string log_json;                      // file for one JSON line per report, "-" for stdout
    std::vector<std::string> protected_paths;  // never overwritten (the inputs)
    // --summary FILE: the summary workbook of the reports (with the reader's catalog), written
    // when the batch is done, inputs that failed listed in it; empty for none.
    std::string summary;
};

// What a failure is called on stderr and in the log: the error's own message, with the option
// that raises a limit named after it ("… over the 8 KiB limit (--max-input-size)").
std::string error_text(const std::exception& e, const std::string& input);

// Converts every task with one reader and one set of writers, made once for the run. Returns
// the outcomes in task order. An interrupt ends the process (files.hpp): finished outputs stay
// and the temporary files being written are removed. Throws gongwen::Error when the summary
// workbook cannot be written (every other output is written by then).
std::vector<Outcome> run_batch(const std::vector<Task>& tasks, const Reader& reader, const Writers& writers,
                               const BatchSettings& settings);

// Writes the summary workbook of `entries` to `path` ("-": standard output) through a
// temporary file, never over one of `protect`. Rows come in the order of the reports' own
// source names (then digests), not of the inputs, so the workbook of XML or JSON outputs
// merged from several shards equals the workbook of one whole run. `failures` (input,
// reason) are listed in the 文档 sheet. Warnings go to stderr.
void write_summary(const std::string& path, std::vector<ReportEntry> entries,
                   const std::vector<std::pair<std::string, std::string>>& failures, const Catalog& catalog,
                   const std::vector<std::string>& protect);

// "gongwen: 360 reports → out/ (xml, json) in 0.4 s, 0 failed[, 12 skipped]\n"
std::string batch_summary_line(std::size_t reports, const std::string& written, double seconds, std::size_t failed,
                               std::size_t skipped = 0);

}  // namespace gongwen
