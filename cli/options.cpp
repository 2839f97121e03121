#include "cli/options.hpp"

#include "cli/formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace gongwen {

namespace fs = std::filesystem;

namespace {

bool known_format(const std::string& f) { return find_output_format(f) != nullptr; }

std::string format_names() {
    std::string names;
    for (const OutputFormat& f : output_formats()) names += (names.empty() ? "" : ", ") + f.name;
    return names;
}

std::string extension_format(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "markdown") ext = "md";
    if (ext == "text") ext = "txt";
    return ext;
}

// Takes the value of an option: "-t xml" or "-txml" or "--to=xml".
std::string take_value(const std::vector<std::string>& args, std::size_t& i, const std::string& name) {
    if (i + 1 >= args.size()) throw UsageError("option " + name + " needs a value");
    return args[++i];
}

void parse_convert(const std::vector<std::string>& args, std::size_t i, Options& opt) {
    bool options_done = false;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (options_done || a == "-" || a.empty() || a[0] != '-') {
            opt.inputs.push_back(a);
        } else if (a == "--") {
            options_done = true;
        } else if (a == "-t" || a == "--to") {
            opt.format = take_value(args, i, a);
        } else if (a == "-o" || a == "--output") {
            opt.output = take_value(args, i, a);
        } else if (a == "-d" || a == "--output-dir") {
            opt.out_dir = take_value(args, i, a);
        } else if (a == "-q" || a == "--quiet") {
            opt.quiet = true;
        } else {
            throw UsageError("unknown option '" + a + "' for convert");
        }
    }
    if (opt.inputs.empty()) throw UsageError("convert needs at least one input file");
    if (!opt.output.empty() && !opt.out_dir.empty()) throw UsageError("use either -o or -d, not both");
    if (!opt.output.empty() && opt.inputs.size() > 1)
        throw UsageError("-o takes one input; use -d OUTDIR for several");
    if (opt.output.empty() && opt.out_dir.empty()) opt.output = "-";
    if (opt.format.empty()) {
        if (!opt.out_dir.empty()) opt.format = "xml";
        else if (opt.output == "-") throw UsageError("give -t FORMAT when writing to standard output");
        else opt.format = extension_format(opt.output);
        if (!known_format(opt.format))
            throw UsageError("cannot tell the format from '" + opt.output + "'; give -t FORMAT (" + format_names() + ")");
    }
    if (!known_format(opt.format)) throw UsageError("unknown format '" + opt.format + "' (" + format_names() + ")");
}

void parse_inspect(const std::vector<std::string>& args, std::size_t i, Options& opt) {
    opt.format = "text";
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--format" || a == "-f") opt.format = take_value(args, i, a);
        else if (a.rfind("--format=", 0) == 0) opt.format = a.substr(9);
        else if (a == "-" || a.empty() || a[0] != '-') opt.inputs.push_back(a);
        else throw UsageError("unknown option '" + a + "' for inspect");
    }
    if (opt.inputs.size() != 1) throw UsageError("inspect takes exactly one input file");
    if (opt.format != "text" && opt.format != "json") throw UsageError("--format is text or json");
}

}  // namespace

Options parse_options(const std::vector<std::string>& args) {
    Options opt;
    if (args.empty()) throw UsageError("no command given");
    const std::string& cmd = args[0];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") return opt;
    if (cmd == "--version" || cmd == "-V") {
        opt.command = Command::version;
        return opt;
    }
    for (const std::string& a : args)
        if (a == "--help" || a == "-h") return opt;
    if (cmd == "convert") {
        opt.command = Command::convert;
        parse_convert(args, 1, opt);
    } else if (cmd == "inspect") {
        opt.command = Command::inspect;
        parse_inspect(args, 1, opt);
    } else {
        throw UsageError("unknown command '" + cmd + "'");
    }
    return opt;
}

std::vector<std::string> plan_outputs(const Options& opt) {
    if (opt.out_dir.empty()) return {opt.output};
    std::vector<std::string> outputs;
    std::set<std::string> seen;
    for (const std::string& in : opt.inputs) {
        fs::path name = in == "-" ? fs::path("stdin") : fs::path(in).filename();
        name.replace_extension(find_output_format(opt.format)->extension);
        const std::string out = (fs::path(opt.out_dir) / name).string();
        if (!seen.insert(out).second)
            throw UsageError("two inputs would both be written to " + out + "; convert them in separate runs");
        outputs.push_back(out);
    }
    return outputs;
}

std::string input_format(const std::string& path) {
    return extension_format(path) == "xml" ? "xml" : "text";
}

}  // namespace gongwen
