// Each command's options with CLI11; values are checked here, so that a wrong one stops the run
// with a message that says what to write instead.
#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <sstream>

#include "cli/values.hpp"

namespace gongwen {

namespace fs = std::filesystem;

namespace {

// The options as given, before they are checked and turned into Options.
struct Given {
    std::vector<std::string> to, fonts, font_configs;
    std::string jobs, shard, pdfa, profile, payload, eep_format, catalog;
    std::string max_input_size, max_depth, max_line_length, max_lines, max_pages, timeout;
};

void add_limits(CLI::App& app, Given& g, bool all, bool pages) {
    app.add_option("--max-input-size", g.max_input_size);
    if (!all) return;
    app.add_option("--max-depth", g.max_depth);
    app.add_option("--max-line-length", g.max_line_length);
    app.add_option("--max-lines", g.max_lines);
    if (pages) app.add_option("--max-pages", g.max_pages);
    app.add_option("--timeout", g.timeout);
}

// Inputs and the batch options convert and summarize share.
void add_inputs(CLI::App& app, Options& opt, Given& g) {
    app.add_option("inputs", opt.input.paths);
    app.add_option("-j,--jobs", g.jobs);
    app.add_option("--include", opt.input.includes)->take_all()->expected(1);
    app.add_option("--exclude", opt.input.excludes)->take_all()->expected(1);
    app.add_option("--from-list", opt.input.from_list);
    app.add_flag("-q,--quiet", opt.quiet);
    app.add_option("-o,--output", opt.output);
    app.add_option("--catalog", g.catalog);
}

void add_convert(CLI::App& app, Options& opt, Given& g) {
    add_inputs(app, opt, g);
    app.add_option("-t,--to", g.to)->take_all()->expected(1);
    app.add_option("-d,--output-dir", opt.out_dir);
    app.add_option("--shard", g.shard);
    app.add_flag("--skip-existing", opt.skip_existing);
    app.add_option("--log-json", opt.log_json);
    app.add_option("--summary", opt.summary);
    app.add_option("--pdfa", g.pdfa);
    app.add_option("--font", g.fonts)->take_all()->expected(1);
    app.add_option("--font-config", g.font_configs)->take_all()->expected(1);
    app.add_option("--profile", g.profile);
    app.add_option("--payload", g.payload);
    app.add_option("--eep-format", g.eep_format);
    app.add_flag("--eep-xml", opt.write.eep.include_xml);
    add_limits(app, g, true, true);
}

void define(CLI::App& app, Options& opt, Given& g) {
    switch (opt.command) {
        case Command::convert: return add_convert(app, opt, g);
        case Command::summarize: add_inputs(app, opt, g), add_limits(app, g, true, false); return;
        case Command::inspect:
        case Command::verify:
            app.add_option("inputs", opt.input.paths);
            app.add_option("-f,--format", opt.format);
            add_limits(app, g, opt.command == Command::inspect, false);
            return;
        case Command::help:
        case Command::version: return;
    }
}

void set_limits(const Given& g, Limits& limits) {
    if (!g.max_input_size.empty()) limits.max_input_size = size_value(g.max_input_size, "--max-input-size");
    if (!g.max_depth.empty()) limits.max_depth = static_cast<std::size_t>(size_value(g.max_depth, "--max-depth"));
    if (!g.max_line_length.empty())
        limits.max_line_length = static_cast<std::size_t>(size_value(g.max_line_length, "--max-line-length"));
    if (!g.max_lines.empty()) limits.max_lines = static_cast<std::size_t>(size_value(g.max_lines, "--max-lines"));
    if (!g.max_pages.empty()) limits.max_pages = static_cast<std::size_t>(size_value(g.max_pages, "--max-pages"));
    if (!g.timeout.empty()) limits.timeout = seconds_value(g.timeout, "--timeout");
}

// --font and --font-config in the order given: a later one wins for the same role.
void set_fonts(const CLI::App& app, const Given& g, PdfOptions& pdf) {
    std::size_t font = 0, config = 0;
    for (const CLI::Option* o : app.parse_order()) {
        if (o->get_name() == "--font")
            pdf.fonts.push_back(font_value(g.fonts.at(font++)));
        else if (o->get_name() == "--font-config")
            for (FontOverride& f : font_config_value(g.font_configs.at(config++))) pdf.fonts.push_back(std::move(f));
    }
}

void check_convert(const CLI::App& app, const Given& g, Options& opt) {
    for (const std::string& t : g.to)
        for (const std::string& f : split_commas(t)) opt.formats.push_back(f);
    if (!g.shard.empty()) parse_shard(g.shard, opt.input);
    if (!g.pdfa.empty()) opt.write.pdf.conformance = pdfa_value(g.pdfa);
    set_fonts(app, g, opt.write.pdf);
    if (!g.profile.empty()) opt.write.eep.profile = profile_value(g.profile);
    if (!g.payload.empty()) opt.write.eep.payload = payload_value(g.payload);
    if (!g.eep_format.empty()) opt.write.eep.format = eep_format_value(g.eep_format);
    if (!g.payload.empty() && !g.eep_format.empty() &&
        (opt.write.eep.format == "ofd") != eep_payload_is_ofd(opt.write.eep.payload))
        throw UsageError("--eep-format " + opt.write.eep.format + " does not fit --payload " + g.payload +
                         ": the payload's extension decides (.ofd for an OFD)");
    if (opt.input.paths.empty() && opt.input.from_list.empty()) throw UsageError("convert needs at least one input");
    if (!opt.output.empty() && !opt.out_dir.empty()) throw UsageError("use either -o or -d, not both");
    check_formats(opt);
    if (!opt.output.empty() && opt.formats.size() > 1)
        throw UsageError("-o takes one format; use -d OUTDIR for several");
    const bool eep_options =
        !g.profile.empty() || !g.payload.empty() || !g.eep_format.empty() || opt.write.eep.include_xml;
    if (eep_options && std::find(opt.formats.begin(), opt.formats.end(), "eep") == opt.formats.end())
        throw UsageError("--profile, --payload, --eep-format and --eep-xml are options of -t eep");
    if (!g.payload.empty() && !opt.out_dir.empty())
        throw UsageError("--payload packages one file for one report: use -o OUT, not -d");
}

void check(const CLI::App& app, const Given& g, Options& opt) {
    set_limits(g, opt.read.limits);
    if (!g.jobs.empty()) opt.jobs = positive_number(g.jobs, "-j");
    if (!g.catalog.empty()) opt.read.catalog = opt.write.catalog = catalog_value(g.catalog);
    switch (opt.command) {
        case Command::convert: return check_convert(app, g, opt);
        case Command::summarize:
            if (opt.input.paths.empty() && opt.input.from_list.empty())
                throw UsageError("summarize needs at least one input");
            if (opt.output.empty()) throw UsageError("summarize needs -o FILE.xlsx (or -o - for standard output)");
            return;
        case Command::inspect:
        case Command::verify:
            if (opt.format.empty()) opt.format = "text";
            if (opt.command == Command::inspect && opt.input.paths.size() != 1)
                throw UsageError("inspect takes exactly one input file");
            if (opt.input.paths.empty()) throw UsageError("verify needs a package (PACKAGE.xml)");
            if (opt.format != "text" && opt.format != "json") throw UsageError("--format is text or json");
            return;
        case Command::help:
        case Command::version: return;
    }
}

Command command_named(const std::string& name) {
    if (name == "convert") return Command::convert;
    if (name == "inspect") return Command::inspect;
    if (name == "summarize") return Command::summarize;
    if (name == "verify") return Command::verify;
    throw UsageError("unknown command '" + name + "'");
}

// -h or --help anywhere among a command's options (not after --, where it is a file name).
bool asks_for_help(const std::vector<std::string>& args) {
    for (const std::string& a : args) {
        if (a == "--") return false;
        if (a == "--help" || a == "-h") return true;
    }
    return false;
}

}  // namespace

Limits default_limits() {
    Limits limits;
    limits.max_input_size = std::uint64_t{256} << 20;
    limits.max_depth = 10'000;
    limits.max_line_length = std::size_t{1} << 20;
    limits.max_lines = std::size_t{1} << 20;
    limits.max_pages = 5'000;
    return limits;
}

Options parse_options(const std::vector<std::string>& args) {
    Options opt;
    opt.read.limits = default_limits();
    if (args.empty()) throw UsageError("no command given");
    const std::string& cmd = args[0];
    if (cmd == "--version" || cmd == "-V") {
        opt.command = Command::version;
        return opt;
    }
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {  // the overview, or `help COMMAND` as git has it
        if (cmd == "help" && args.size() > 1) {
            opt.command = command_named(args[1]);
            opt.help = true;
        }
        return opt;
    }
    opt.command = command_named(cmd);
    if ((opt.help = asks_for_help(args))) return opt;
    CLI::App app("gongwen " + cmd);
    app.set_help_flag();
    Given given;
    define(app, opt, given);
    try {
        std::vector<std::string> rest(args.rbegin(), args.rend() - 1);  // CLI11 takes them last first
        app.parse(rest);
        check(app, given, opt);
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what(), cmd);
    } catch (const UsageError& e) {
        throw UsageError(e.what(), cmd);
    }
    return opt;
}

}  // namespace gongwen
