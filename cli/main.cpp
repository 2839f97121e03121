// gongwen: command-line entry. Argument parsing and orchestration only; the work is done by
// the readers, passes and writers.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/formats.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "converters/json/json.hpp"
#include "converters/text/text.hpp"
#include "model/error.hpp"

namespace gongwen {

namespace {

constexpr const char* kUsage = R"(Usage:
  gongwen convert IN... [-t FORMAT] [-o OUT | -d OUTDIR] [--quiet]
  gongwen inspect IN [--format text|json]
  gongwen --help | --version

Turns Chinese government reports (plain text in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5,
or gongwen's own XML) into one document model and writes it out.

convert   FORMAT is xml, json, txt or md. Without -t it comes from the extension of -o,
          and is xml with -d. `-` as IN reads standard input, as OUT writes standard output.
          -d OUTDIR writes IN's name with the new extension into OUTDIR.
inspect   prints the title, organisation, year, dates, the heading outline and the
          diagnostics of one report; --format json for scripts.

Exit status: 0 when every input was converted, 1 when some failed (the others are still
written), 2 for a usage error.
)";

Document load(const std::string& path) { return read_document(path, read_input(path)); }

int run_convert(const Options& opt) {
    const std::vector<std::string> outputs = plan_outputs(opt);
    int failed = 0;
    for (std::size_t i = 0; i < opt.inputs.size(); ++i) {
        try {
            const Document doc = load(opt.inputs[i]);
            write_output(outputs[i], find_output_format(opt.format)->write(doc, opt.settings), opt.inputs);
            if (!opt.quiet && outputs[i] != "-")
                std::cerr << "gongwen: " << opt.inputs[i] << " -> " << outputs[i] << "\n";
        } catch (const Error& e) {
            std::cerr << "gongwen: " << e.what() << "\n";
            ++failed;
        } catch (const std::exception& e) {  // a bug must not stop the rest of the batch
            std::cerr << "gongwen: " << opt.inputs[i] << ": internal error: " << e.what() << "\n";
            ++failed;
        }
    }
    return failed == 0 ? 0 : 1;
}

int run_inspect(const Options& opt) {
    try {
        const Document doc = load(opt.inputs.front());
        const std::string out = opt.format == "json" ? write_inspect_json(doc) : write_inspect_text(doc);
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    } catch (const Error& e) {
        std::cerr << "gongwen: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "gongwen: " << opt.inputs.front() << ": internal error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

}  // namespace gongwen

int main(int argc, char** argv) {
    using namespace gongwen;
    install_signal_cleanup();
    Options opt;
    try {
        opt = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& e) {
        std::cerr << "gongwen: " << e.what() << "\nTry 'gongwen --help'.\n";
        return 2;
    }
    switch (opt.command) {
        case Command::help: std::cout << kUsage; return 0;
        case Command::version: std::cout << "gongwen " << GONGWEN_VERSION << "\n"; return 0;
        case Command::inspect: return run_inspect(opt);
        case Command::convert:
            try {
                return run_convert(opt);
            } catch (const UsageError& e) {
                std::cerr << "gongwen: " << e.what() << "\n";
                return 2;
            }
    }
    return 2;
}
