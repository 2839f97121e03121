#include "cli/commands.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/batch.hpp"
#include "gongwen/eep.hpp"
#include "gongwen/json.hpp"
#include "gongwen/text.hpp"

namespace gongwen {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Where a batch wrote: "out/ (xml, json)", and " and summary.xlsx" with --summary.
std::string batch_destination(const Options& opt) {
    std::string where = opt.out_dir + (opt.out_dir.ends_with('/') ? " (" : "/ (");
    for (std::size_t i = 0; i < opt.formats.size(); ++i) where += (i ? ", " : "") + opt.formats[i];
    return where + ")" + (opt.summary.empty() ? "" : " and " + opt.summary);
}

// The batch settings every run of many reports shares.
BatchSettings batch_settings(const Options& opt, const std::vector<Input>& inputs) {
    BatchSettings settings;
    settings.jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    settings.quiet = opt.quiet;
    settings.progress = !opt.quiet && isatty(STDERR_FILENO) && inputs.size() > 1;
    for (const Input& in : inputs) settings.protected_paths.push_back(in.path);
    return settings;
}

// The conversion tasks: every input with its output paths.
std::vector<Task> plan_tasks(const Options& opt, const std::vector<Input>& inputs) {
    if (!opt.output.empty() && inputs.size() != 1)
        throw UsageError((opt.output == "-" ? "standard output" : "-o") + std::string(" takes one input (") +
                             std::to_string(inputs.size()) + " given); use -d OUTDIR for several",
                         "convert");
    std::vector<Task> tasks;
    for (const Input& in : inputs) {
        Task task{in, {}};
        for (const std::string& name : opt.formats) {
            const Format* f = find_format(name);
            task.targets.push_back(Target{f, opt.output.empty() ? output_path(opt.out_dir, in, *f) : opt.output});
        }
        tasks.push_back(std::move(task));
    }
    return tasks;
}

std::size_t count_status(const std::vector<Outcome>& outcomes, const char* status) {
    return static_cast<std::size_t>(
        std::count_if(outcomes.begin(), outcomes.end(), [&](const Outcome& o) { return o.status == status; }));
}

}  // namespace

int run_convert(const Options& opt) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Input> inputs = expand_inputs(opt.input);
    const std::vector<Task> tasks = plan_tasks(opt, inputs);
    BatchSettings settings = batch_settings(opt, inputs);
    settings.skip_existing = opt.skip_existing;
    settings.log_json = opt.log_json;
    settings.summary = opt.summary;
    const Reader reader(opt.read);
    const Writers writers(opt.write);
    const std::vector<Outcome> outcomes = run_batch(tasks, reader, writers, settings);
    const std::size_t failed = count_status(outcomes, "failed");
    if (!opt.quiet && (tasks.size() > 1 || !opt.out_dir.empty()))  // a single -o: quiet success, as cp
        std::cerr << batch_summary_line(tasks.size(), batch_destination(opt), seconds_since(start), failed,
                                        count_status(outcomes, "skipped"));
    return failed == 0 ? 0 : 1;
}

// The batch runner with no outputs but the workbook: each report read on a worker and reduced
// to its entry, as convert --summary does.
int run_summarize(const Options& opt) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Input> inputs = expand_inputs(opt.input);
    std::vector<Task> tasks;
    for (const Input& in : inputs) tasks.push_back(Task{in, {}});
    BatchSettings settings = batch_settings(opt, inputs);
    settings.summary = opt.output;
    const Reader reader(opt.read);
    const Writers writers(opt.write);
    std::vector<Outcome> outcomes;
    try {
        outcomes = run_batch(tasks, reader, writers, settings);
    } catch (const Error& e) {  // the workbook could not be written
        std::cerr << "gongwen: " << e.what() << "\n";
        return 1;
    }
    const std::size_t failed = count_status(outcomes, "failed");
    if (!opt.quiet)
        std::cerr << batch_summary_line(inputs.size(), opt.output == "-" ? "standard output" : opt.output,
                                        seconds_since(start), failed);
    return failed == 0 ? 0 : 1;
}

int run_inspect(const Options& opt) {
    const std::string& path = opt.input.paths.front();
    try {
        const Document doc = Reader(opt.read).read_file(path);
        const std::string out = opt.format == "json" ? write_inspect_json(doc) : write_inspect_text(doc);
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "gongwen: " << error_text(e, path) << "\n";
        return 1;
    }
}

int run_verify(const Options& opt) {
    bool all_passed = true;
    for (const std::string& given : opt.input.paths) {
        struct stat st {};
        if (given != "-" && ::stat(given.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            try {
                Budget(opt.read.limits, given).check_input_size(static_cast<std::uint64_t>(st.st_size));
            } catch (const LimitError& e) {
                std::cerr << "gongwen: " << error_text(e, given) << "\n";
                all_passed = false;
                continue;
            }
        }
        const VerifyReport report = verify_eep(given == "-" ? "/dev/stdin" : given);
        const std::string out = opt.format == "json" ? format_verify_json(report) : format_verify_text(report);
        std::fwrite(out.data(), 1, out.size(), stdout);
        all_passed = all_passed && report.passed();
    }
    return std::fflush(stdout) == 0 && all_passed ? 0 : 1;
}

}  // namespace gongwen
