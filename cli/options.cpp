#include "cli/options.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <sstream>

#include "cli/formats.hpp"
#include "cli/summarize.hpp"
#include "converters/eep/eep.hpp"
#include "converters/pdf/pdf.hpp"

namespace gongwen {

namespace fs = std::filesystem;

namespace {

std::string take_value(const std::vector<std::string>& args, std::size_t& i, const std::string& name) {
    if (i + 1 >= args.size()) throw UsageError("option " + name + " needs a value");
    return args[++i];
}

std::vector<std::string> split_commas(const std::string& list) {
    std::vector<std::string> parts;
    std::stringstream in(list);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

std::size_t positive_number(const std::string& text, const std::string& option) {
    if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), ::isdigit) || std::stoul(text) == 0)
        throw UsageError(option + " takes a whole number above 0, not '" + text + "'");
    return std::stoul(text);
}

// A whole number with an optional binary suffix: 512, 64K, 256M, 1G, also 256MB or 256MiB
// (K = 1024). 0: no limit.
std::uint64_t size_value(const std::string& text, const std::string& option) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    std::string suffix = text.substr(digits);
    std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (suffix.ends_with("IB")) suffix.resize(suffix.size() - 2);
    else if (suffix.ends_with("B")) suffix.resize(suffix.size() - 1);
    static constexpr std::string_view kPowers = "KMGT";
    const std::size_t power = suffix.empty() ? 0 : kPowers.find(suffix) + 1;
    if (digits == 0 || digits > 12 || (!suffix.empty() && (suffix.size() != 1 || power == 0)))
        throw UsageError(option + " takes a whole number with an optional K, M or G, such as 256M, not '" + text + "'");
    const std::uint64_t value = std::stoull(text.substr(0, digits));
    if (value > (UINT64_MAX >> (10 * power))) throw UsageError(option + " " + text + " is too large");
    return value << (10 * power);
}

// Seconds, with a fraction if wanted: 30, 2.5. 0: no limit.
double seconds_value(const std::string& text, const std::string& option) {
    std::size_t used = 0;
    double value = -1;
    try {
        if (!text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.')) value = std::stod(text, &used);
    } catch (const std::exception&) {
        value = -1;
    }
    if (used != text.size() || !(value >= 0) || value > 1e9)
        throw UsageError(option + " takes a number of seconds, such as 30 or 2.5, not '" + text + "'");
    return value;
}

// --max-input-size, --max-depth, --max-line-length, --max-lines, --max-pages, --timeout: for
// every command that reads reports. verify takes only --max-input-size.
bool parse_limit_option(const std::vector<std::string>& args, std::size_t& i, Options& opt) {
    const std::string& a = args[i];
    if (a == "--max-input-size") {
        opt.limits.max_input_size = size_value(take_value(args, i, a), a);
    } else if (opt.command == Command::verify) {
        return false;
    } else if (a == "--max-depth" || a == "--max-line-length" || a == "--max-lines" ||
               a == "--max-pages") {
        const auto value = static_cast<std::size_t>(size_value(take_value(args, i, a), a));
        if (a == "--max-depth") opt.limits.max_depth = value;
        else if (a == "--max-line-length") opt.limits.max_line_length = value;
        else if (a == "--max-lines") opt.limits.max_lines = value;
        else opt.limits.max_pages = value;
    } else if (a == "--timeout") {
        opt.limits.timeout = seconds_value(take_value(args, i, a), a);
    } else {
        return false;
    }
    return true;
}

void parse_shard(const std::string& text, InputSpec& spec) {
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) throw UsageError("--shard takes K/N, such as 2/8");
    spec.shard = positive_number(text.substr(0, slash), "--shard");
    spec.shards = positive_number(text.substr(slash + 1), "--shard");
    if (spec.shard > spec.shards) throw UsageError("--shard K/N needs K between 1 and N");
}

// The PDF writer's options: --pdfa 2b|3b, --font ROLE=PATH, --font-config FILE (its lines
// come before later --font options, which win).
void parse_pdf_option(const std::string& option, const std::string& value, WriteSettings& settings) {
    if (option == "--pdfa") {
        if (value != "2b" && value != "3b") throw UsageError("--pdfa is 2b or 3b, not '" + value + "'");
        settings.pdfa = value;
        return;
    }
    std::vector<FontOverride> fonts;
    try {
        if (option == "--font") fonts.push_back(parse_font_override(value));
        else fonts = read_font_config(value);
    } catch (const std::exception& e) {
        throw UsageError(e.what());
    }
    for (const FontOverride& f : fonts) {
        std::error_code ec;
        if (!fs::is_regular_file(f.path, ec)) throw UsageError("font file not found: " + f.path);
        settings.pdf_fonts.push_back(f.role + "=" + f.path + ":" + std::to_string(f.index));
    }
}

// --catalog FILE: a catalog that cannot be read is a usage error, reported before any work.
std::shared_ptr<const Catalog> catalog_option(const std::string& path) {
    try {
        return load_catalog(path);
    } catch (const std::exception& e) {
        throw UsageError(std::string("--catalog: ") + e.what());
    }
}

// The archival package's options: --profile FILE is read and checked now, so that a typo
// stops the run before any package is written; --payload FILE.pdf must exist.
void parse_eep_option(const std::string& option, const std::string& value, WriteSettings& settings) {
    if (option == "--profile") {
        try {
            settings.eep_profile = std::make_shared<const ArchiveProfile>(read_archive_profile(value));
        } catch (const std::exception& e) {
            throw UsageError(std::string("--profile: ") + e.what());
        }
        return;
    }
    std::error_code ec;
    if (!fs::is_regular_file(value, ec)) throw UsageError("--payload: no such file: " + value);
    settings.eep_payload = value;
}

// --profile, --payload and --eep-xml shape the eep format only, and --payload is one PDF.
void check_eep_options(const Options& opt) {
    const WriteSettings& s = opt.settings;
    if (!s.eep_profile && s.eep_payload.empty() && !s.eep_xml) return;
    if (std::find(opt.formats.begin(), opt.formats.end(), "eep") == opt.formats.end())
        throw UsageError("--profile, --payload and --eep-xml are options of -t eep");
    if (!s.eep_payload.empty() && !opt.out_dir.empty())
        throw UsageError("--payload packages one PDF for one report: use -o OUT, not -d");
}

// Options that take a value, for convert.
bool parse_convert_value(const std::vector<std::string>& args, std::size_t& i, Options& opt) {
    const std::string& a = args[i];
    if (a == "-t" || a == "--to") {
        for (const std::string& f : split_commas(take_value(args, i, a))) opt.formats.push_back(f);
    } else if (a == "-o" || a == "--output") {
        opt.output = take_value(args, i, a);
    } else if (a == "-d" || a == "--output-dir") {
        opt.out_dir = take_value(args, i, a);
    } else if (a == "-j" || a == "--jobs") {
        opt.jobs = positive_number(take_value(args, i, a), a);
    } else if (a == "--include") {
        opt.input.includes.push_back(take_value(args, i, a));
    } else if (a == "--exclude") {
        opt.input.excludes.push_back(take_value(args, i, a));
    } else if (a == "--from-list") {
        opt.input.from_list = take_value(args, i, a);
    } else if (a == "--shard") {
        parse_shard(take_value(args, i, a), opt.input);
    } else if (a == "--log-json") {
        opt.log_json = take_value(args, i, a);
    } else if (a == "--summary") {  // the summary workbook of the batch, written in the same run
        opt.summary = take_value(args, i, a);
    } else if (a == "--catalog") {
        opt.settings.catalog = catalog_option(take_value(args, i, a));
    } else if (a == "--pdfa" || a == "--font" || a == "--font-config") {
        parse_pdf_option(a, take_value(args, i, a), opt.settings);
    } else if (a == "--profile" || a == "--payload") {
        parse_eep_option(a, take_value(args, i, a), opt.settings);
    } else {
        return false;
    }
    return true;
}

// What to add when convert was given no output: -o next to a single input, else -d.
std::string needs_output(const InputSpec& input) {
    std::error_code ec;
    if (input.paths.size() != 1 || !input.from_list.empty() || fs::is_directory(input.paths[0], ec))
        return "convert needs an output: add -d OUTDIR, where the outputs mirror the inputs (xml, or the formats "
               "-t names)";
    const std::string out = fs::path(input.paths[0] == "-" ? "OUT" : input.paths[0]).replace_extension(".pdf").string();
    return "convert needs an output: add -o " + out +
           " (the format from its extension), -t FORMAT -o - (standard output) or -d OUTDIR";
}

// The formats to write: -t's, else the one -o's extension names, else xml with -d. -t alone
// writes standard output.
void check_formats(Options& opt) {
    if (opt.formats.empty() && !opt.out_dir.empty()) opt.formats.push_back("xml");
    if (opt.formats.empty() && opt.output.empty()) throw UsageError(needs_output(opt.input));
    if (opt.formats.empty() && opt.output == "-")
        throw UsageError("standard output needs -t FORMAT, one of " + format_names());
    if (opt.formats.empty()) {
        const OutputFormat* f = format_of_path(opt.output);
        if (!f)
            throw UsageError("cannot tell the format from '" + opt.output + "': the formats are " + format_names() +
                             "; give one with -t");
        opt.formats.push_back(f->name);
    }
    for (const std::string& f : opt.formats)
        if (!find_output_format(f)) throw UsageError("unknown format '" + f + "': the formats are " + format_names());
    if (opt.output.empty() && opt.out_dir.empty()) opt.output = "-";
}

void parse_convert(const std::vector<std::string>& args, std::size_t i, Options& opt) {
    bool options_done = false;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (options_done || a == "-" || a.empty() || a[0] != '-') opt.input.paths.push_back(a);
        else if (a == "--") options_done = true;
        else if (a == "-q" || a == "--quiet") opt.quiet = true;
        else if (a == "--skip-existing") opt.skip_existing = true;
        else if (a == "--eep-xml") opt.settings.eep_xml = true;
        else if (!parse_limit_option(args, i, opt) && !parse_convert_value(args, i, opt))
            throw UsageError("unknown option '" + a + "' for convert");
    }
    if (opt.input.paths.empty() && opt.input.from_list.empty()) throw UsageError("convert needs at least one input");
    if (!opt.output.empty() && !opt.out_dir.empty()) throw UsageError("use either -o or -d, not both");
    check_formats(opt);
    if (!opt.output.empty() && opt.formats.size() > 1) throw UsageError("-o takes one format; use -d OUTDIR for several");
    check_eep_options(opt);
}

// summarize IN... -o OUT.xlsx [--catalog FILE] [-j N] [--include/--exclude GLOB] [--from-list FILE] [-q]
void parse_summarize(const std::vector<std::string>& args, std::size_t i, Options& opt) {
    bool options_done = false;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool value_option = a == "-o" || a == "--output" || a == "-j" || a == "--jobs" || a == "--include" ||
                                  a == "--exclude" || a == "--from-list" || a == "--catalog";
        if (options_done || a == "-" || a.empty() || a[0] != '-') opt.input.paths.push_back(a);
        else if (a == "--") options_done = true;
        else if (a == "-q" || a == "--quiet") opt.quiet = true;
        else if (parse_limit_option(args, i, opt)) continue;
        else if (!value_option || !parse_convert_value(args, i, opt)) throw UsageError("unknown option '" + a + "' for summarize");
    }
    if (opt.input.paths.empty() && opt.input.from_list.empty()) throw UsageError("summarize needs at least one input");
    if (opt.output.empty()) throw UsageError("summarize needs -o FILE.xlsx (or -o - for standard output)");
}

// inspect IN [--format text|json] [limits]; verify PACKAGE... [--format text|json] [--max-input-size SIZE]
void parse_inspect_or_verify(const std::vector<std::string>& args, std::size_t i, Options& opt) {
    const std::string command = opt.command == Command::inspect ? "inspect" : "verify";
    opt.format = "text";
    bool options_done = false;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (options_done) opt.input.paths.push_back(a);
        else if (a == "--format" || a == "-f") opt.format = take_value(args, i, a);
        else if (a.rfind("--format=", 0) == 0) opt.format = a.substr(9);
        else if (a == "-" || a.empty() || a[0] != '-') opt.input.paths.push_back(a);
        else if (a == "--") options_done = true;
        else if (!parse_limit_option(args, i, opt)) throw UsageError("unknown option '" + a + "' for " + command);
    }
    if (command == "inspect" && opt.input.paths.size() != 1) throw UsageError("inspect takes exactly one input file");
    if (opt.input.paths.empty()) throw UsageError("verify needs a package (PACKAGE.xml)");
    if (opt.format != "text" && opt.format != "json") throw UsageError("--format is text or json");
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
    try {
        if (opt.command == Command::convert) parse_convert(args, 1, opt);
        else if (opt.command == Command::summarize) parse_summarize(args, 1, opt);
        else parse_inspect_or_verify(args, 1, opt);
    } catch (const UsageError& e) {
        throw UsageError(e.what(), cmd);
    }
    return opt;
}

std::vector<Task> plan_tasks(const Options& opt, const std::vector<Input>& inputs) {
    if (!opt.output.empty() && inputs.size() != 1)
        throw UsageError((opt.output == "-" ? "standard output" : "-o") + std::string(" takes one input (") +
                             std::to_string(inputs.size()) + " given); use -d OUTDIR for several",
                         "convert");
    std::vector<Task> tasks;
    for (const Input& in : inputs) {
        Task task{in, {}};
        for (const std::string& name : opt.formats) {
            const OutputFormat* f = find_output_format(name);
            task.targets.push_back(Target{f, opt.output.empty() ? output_path(opt.out_dir, in, *f) : opt.output});
        }
        tasks.push_back(std::move(task));
    }
    return tasks;
}

}  // namespace gongwen
