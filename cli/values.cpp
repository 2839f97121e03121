#include "cli/values.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

namespace gongwen {

namespace fs = std::filesystem;

namespace {

std::string needs_output(const InputSpec& input) {
    std::error_code ec;
    if (input.paths.size() != 1 || !input.from_list.empty() || fs::is_directory(input.paths[0], ec))
        return "convert needs an output: add -d OUTDIR, where the outputs mirror the inputs (xml, or the formats "
               "-t names)";
    const std::string out = fs::path(input.paths[0] == "-" ? "OUT" : input.paths[0]).replace_extension(".pdf").string();
    return "convert needs an output: add -o " + out +
           " (the format from its extension), -t FORMAT -o - (standard output) or -d OUTDIR";
}

}  // namespace

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

std::uint64_t size_value(const std::string& text, const std::string& option) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    std::string suffix = text.substr(digits);
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (suffix.ends_with("IB"))
        suffix.resize(suffix.size() - 2);
    else if (suffix.ends_with("B"))
        suffix.resize(suffix.size() - 1);
    static constexpr std::string_view kPowers = "KMGT";
    const std::size_t power = suffix.empty() ? 0 : kPowers.find(suffix) + 1;
    if (digits == 0 || digits > 12 || (!suffix.empty() && (suffix.size() != 1 || power == 0)))
        throw UsageError(option + " takes a whole number with an optional K, M or G, such as 256M, not '" + text + "'");
    const std::uint64_t value = std::stoull(text.substr(0, digits));
    if (value > (UINT64_MAX >> (10 * power))) throw UsageError(option + " " + text + " is too large");
    return value << (10 * power);
}

double seconds_value(const std::string& text, const std::string& option) {
    std::size_t used = 0;
    double value = -1;
    try {
        if (!text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.'))
            value = std::stod(text, &used);
    } catch (const std::exception&) {
        value = -1;
    }
    if (used != text.size() || !(value >= 0) || value > 1e9)
        throw UsageError(option + " takes a number of seconds, such as 30 or 2.5, not '" + text + "'");
    return value;
}

void parse_shard(const std::string& text, InputSpec& spec) {
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) throw UsageError("--shard takes K/N, such as 2/8");
    spec.shard = positive_number(text.substr(0, slash), "--shard");
    spec.shards = positive_number(text.substr(slash + 1), "--shard");
    if (spec.shard > spec.shards) throw UsageError("--shard K/N needs K between 1 and N");
}

PdfConformance pdfa_value(const std::string& text) {
    if (text != "2b" && text != "3b") throw UsageError("--pdfa is 2b or 3b, not '" + text + "'");
    return text == "3b" ? PdfConformance::a3b : PdfConformance::a2b;
}

namespace {

FontOverride existing(FontOverride f) {
    std::error_code ec;
    if (!fs::is_regular_file(f.path, ec)) throw UsageError("font file not found: " + f.path);
    return f;
}

}  // namespace

FontOverride font_value(const std::string& spec) {
    try {
        return existing(parse_font_override(spec));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
}

std::vector<FontOverride> font_config_value(const std::string& path) {
    std::vector<FontOverride> fonts;
    try {
        fonts = read_font_config(path);
    } catch (const std::exception& e) {
        throw UsageError(e.what());
    }
    for (FontOverride& f : fonts) f = existing(std::move(f));
    return fonts;
}

ArchiveProfile profile_value(const std::string& path) {
    try {
        return read_archive_profile(path);
    } catch (const std::exception& e) {
        throw UsageError(std::string("--profile: ") + e.what());
    }
}

std::string payload_value(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw UsageError("--payload: no such file: " + path);
    return path;
}

std::string eep_format_value(const std::string& text) {
    if (text != "pdf" && text != "ofd") throw UsageError("--eep-format is pdf or ofd, not '" + text + "'");
    return text;
}

std::shared_ptr<const Catalog> catalog_value(const std::string& path) {
    try {
        return load_catalog(path);
    } catch (const std::exception& e) {
        throw UsageError(std::string("--catalog: ") + e.what());
    }
}

void check_formats(Options& opt) {
    if (opt.formats.empty() && !opt.out_dir.empty()) opt.formats.push_back("xml");
    if (opt.formats.empty() && opt.output.empty()) throw UsageError(needs_output(opt.input));
    if (opt.formats.empty() && opt.output == "-")
        throw UsageError("standard output needs -t FORMAT, one of " + format_names());
    if (opt.formats.empty()) {
        const Format* f = format_for_output(opt.output);
        if (!f)
            throw UsageError("cannot tell the format from '" + opt.output + "': the formats are " + format_names() +
                             "; give one with -t");
        opt.formats.push_back(f->name);
    }
    for (const std::string& name : opt.formats) {
        const Format* f = find_format(name);
        if (!f || !f->writes()) throw UsageError("unknown format '" + name + "': the formats are " + format_names());
    }
    if (opt.output.empty() && opt.out_dir.empty()) opt.output = "-";
}

std::string format_names(std::string_view last) {
    std::vector<std::string> names;
    for (const Format& f : formats())
        if (f.writes()) names.push_back(f.name);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? std::string(last) : ", ") + names[i];
    return out;
}

}  // namespace gongwen
