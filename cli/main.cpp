// gongwen: command-line entry. Argument parsing and orchestration only; the work is done by
// the readers, passes and writers.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/batch.hpp"
#include "cli/formats.hpp"
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

constexpr const char* kUsage = R"(Usage:
  gongwen convert IN... [-t FORMAT[,FORMAT…]] [-o OUT | -d OUTDIR] [options]
  gongwen inspect IN [--format text|json]
  gongwen summarize IN... -o SUMMARY.xlsx [--catalog FILE] [options]
  gongwen verify PACKAGE.xml... [--format text|json]
  gongwen --help | --version

Turns Chinese government reports (plain text in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5,
or gongwen's own XML) into one document model and writes it out.

convert   IN is a file, a directory (read recursively) or `-` for standard input.
          -t FORMAT     output formats, comma-separated; each report is read once for all.
                        Without -t: from the extension of -o, or xml with -d.
          -o OUT        one input, one format; `-` writes standard output.
          -d OUTDIR     outputs mirror the input paths below OUTDIR, the input's own name with
                        the format's extension appended (reports/a.txt → OUTDIR/reports/a.txt.xml).
          -j N          worker threads (default: every core); output is the same for any N.
          --include GLOB, --exclude GLOB   filter the files found in directories.
          --from-list FILE   read input paths from FILE, one per line (`-`: standard input).
          --shard K/N   convert only the K-th of N deterministic parts of the inputs.
          --skip-existing    leave outputs newer than their input untouched (resume a batch).
          --log-json FILE    one JSON line per report (`-`: standard output).
          --summary FILE.xlsx   also write the summary workbook of the batch (as summarize).
          -q, --quiet   no progress bar and no per-file messages.
          --pdfa 2b|3b  pdf: PDF/A level (default 2b); 3b embeds the report's native XML.
          --font ROLE=PATH[:INDEX]   pdf: a font for body, title, heading1…heading4, table,
                        page_number, or fallback (tried first for characters a font lacks).
          --font-config FILE   pdf: ROLE = PATH lines, as --font (later --font wins).
          --profile FILE  eep: the archive profile (保管期限, 密级, 全宗, 件号 …; see README).
          --payload FILE.pdf   eep: package this PDF instead of one made from the report.
          --eep-xml     eep: also package the report's native XML as a second 文档.
          Limits (each a per-file error when exceeded; 0 turns one off):
          --max-input-size SIZE   largest input read (default 256M; suffixes K, M, G).
          --max-depth N           deepest element nesting of an HTML page (default 10000;
                        pages nested deeper than 512 are flattened, as browsers do).
          --max-line-length N     longest line or paragraph, in characters (default 1M).
          --max-lines N           most lines (or paragraphs of a page) in one report (default 1M).
          --max-pages N           most pages of one report's PDF (default 5000).
          --timeout SECONDS       time per report (default: none).
verify    checks DA/T 48 packages (DA/T 70): 真实性 (SM3/SHA-256 digests, file name, size,
          pages), 完整性 (mandatory metadata, dates), 可用性 (the payload decodes and opens,
          fonts embedded), 安全性 (no encryption, JavaScript or launch actions). Exit 0 when
          every check passes, 1 with the failing items named; --format json for scripts;
          --max-input-size as for convert.
inspect   prints the title, organisation, year, dates, the heading outline, the facts and
          the diagnostics of one report; --format json for scripts; limits as for convert.
summarize writes one Excel workbook for many reports (text, HTML, or gongwen's XML or JSON,
          such as the outputs of several --shard runs): a row per report with the standard
          indicators (documents filed, reviews, cases, …), every fact with its quote, the
          reports' metadata and a chart. IN, -j, --include, --exclude, --from-list, -q and
          the limits as for convert.
          --catalog FILE  the indicator catalog to use instead of the built-in one (extends it
                        when its root says extends="gongwen-v1"); also for convert.

Formats: )";

constexpr const char* kUsageEnd = R"(

Exit status: 0 when every input was converted, 1 when some failed (the others are still
written, each failure named on stderr; an input over a limit is such a failure), 2 for a usage
error. An interrupt (SIGINT, SIGTERM) ends the run at once with the signal's status; no
partial output is left.
)";

void print_usage() {
    std::cout << kUsage;
    bool first = true;
    for (const OutputFormat& f : output_formats()) std::cout << (first ? "" : ", ") << f.name, first = false;
    std::cout << kUsageEnd;
}

int run_convert(const Options& opt) {
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
    for (const Outcome& o : outcomes) failed += o.status == "failed" ? 1 : 0;
    if (!opt.quiet && failed > 0 && tasks.size() > 1)
        std::cerr << "gongwen: " << failed << " of " << tasks.size() << " inputs failed\n";
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
        switch (opt.command) {
            case Command::help: print_usage(); return 0;
            case Command::version: std::cout << "gongwen " << GONGWEN_VERSION << "\n"; return 0;
            case Command::inspect: return run_inspect(opt);
            case Command::convert: return run_convert(opt);
            case Command::summarize: return run_summarize(opt);
            case Command::verify: return run_verify(opt);
        }
    } catch (const UsageError& e) {
        std::cerr << "gongwen: " << e.what() << "\nTry 'gongwen --help'.\n";
        return 2;
    } catch (const Error& e) {  // an unreadable input directory or list: nothing was started
        std::cerr << "gongwen: " << e.what() << "\n";
        return 1;
    }
    return 2;
}
