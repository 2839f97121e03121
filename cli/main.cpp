// gongwen: the command line. Arguments into library calls (include/gongwen/), batches run on
// worker threads; the work is the library's.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "gongwen/error.hpp"
#include "gongwen/files.hpp"
#include "gongwen/gongwen.hpp"

int main(int argc, char** argv) {
    using namespace gongwen;
    install_signal_cleanup();
    try {
        const Options opt = parse_options(std::vector<std::string>(argv + 1, argv + argc));
        if (opt.help || opt.command == Command::help) {
            std::cout << help_text(opt.command);
            return 0;
        }
        switch (opt.command) {
            case Command::help: return 0;
            case Command::version: std::cout << "gongwen " << version() << "\n"; return 0;
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
