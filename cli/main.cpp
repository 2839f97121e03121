// gongwen: command-line entry. Argument parsing and orchestration only; the work is done by
// the readers, passes and writers.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/batch.hpp"
#include "cli/formats.hpp"
#include "cli/help.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "cli/summarize.hpp"
#include "converters/eep/eep.hpp"
#include "converters/json/json.hpp"
#include "converters/text/text.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"

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

int run_convert(const Options& opt) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Input> inputs = expand_inputs(opt.input);
    const std::vector<Task> tasks = plan_tasks(opt, inputs);
    BatchSettings settings;
    settings.jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    settings.quiet = opt.quiet;
    settings.progress = !opt.quiet && isatty(STDERR_FILENO) && tasks.size() > 1;
    settings.skip_existing = opt.skip_existing;
    settings.log_json = opt.log_json;
    settings.summary = opt.summary;
    settings.write = opt.settings;
    for (const Input& in : inputs) settings.protected_paths.push_back(in.path);
    const std::vector<Outcome> outcomes = run_batch(tasks, settings);
    std::size_t failed = 0;
    std::size_t skipped = 0;
    for (const Outcome& o : outcomes) {
        failed += o.status == "failed" ? 1 : 0;
        skipped += o.status == "skipped" ? 1 : 0;
    }
    if (!opt.quiet && (tasks.size() > 1 || !opt.out_dir.empty()))  // a single -o: quiet success, as cp
        std::cerr << batch_summary_line(tasks.size(), batch_destination(opt), seconds_since(start), failed, skipped);
    return failed == 0 ? 0 : 1;
}

int run_verify(const Options& opt) {
    bool all_passed = true;
    for (const std::string& given : opt.input.paths) {
        struct stat st {};
        if (given != "-" && ::stat(given.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            try {
                check_input_size(static_cast<std::uint64_t>(st.st_size), given);
            } catch (const Error& e) {
                std::cerr << "gongwen: " << e.what() << "\n";
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

int run_inspect(const Options& opt) {
    const std::string& path = opt.input.paths.front();
    const ReportScope report(path);
    try {
        const Document doc = read_document(path, read_input(path));
        const std::string out = opt.format == "json" ? write_inspect_json(doc) : write_inspect_text(doc);
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    } catch (const Error& e) {
        std::cerr << "gongwen: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "gongwen: " << path << ": internal error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

}  // namespace gongwen

int main(int argc, char** argv) {
    using namespace gongwen;
    install_signal_cleanup();
    try {
        const Options opt = parse_options(std::vector<std::string>(argv + 1, argv + argc));
        set_limits(opt.limits);
        if (opt.help || opt.command == Command::help) {
            std::cout << help_text(opt.command);
            return 0;
        }
        switch (opt.command) {
            case Command::help: return 0;
            case Command::version: std::cout << "gongwen " << GONGWEN_VERSION << "\n"; return 0;
            case Command::inspect: return run_inspect(opt);
            case Command::convert: return run_convert(opt);
            case Command::summarize: return run_summarize(opt);
            case Command::verify: return run_verify(opt);
        }
    } catch (const UsageError& e) {
        const std::string help = e.command().empty() ? "gongwen --help" : "gongwen " + e.command() + " --help";
        std::cerr << "gongwen: " << e.what() << "\nTry '" << help << "'.\n";
        return 2;
    } catch (const Error& e) {  // an unreadable input directory or list: nothing was started
        std::cerr << "gongwen: " << e.what() << "\n";
        return 1;
    }
    return 2;
}
