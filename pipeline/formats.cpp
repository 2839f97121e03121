// The table of formats: one line per format. A new format is a folder under converters/ with
// its Format (a reader, a writer or both), declared in converters/registry.hpp and listed here.
#include <algorithm>
#include <cctype>

#include "converters/registry.hpp"
#include "gongwen/formats.hpp"
#include "gongwen/gongwen.hpp"

namespace gongwen {

const char* version() { return GONGWEN_VERSION; }

const std::vector<Format>& formats() {
    static const std::vector<Format> table{
        xml_format(), json_format(), txt_format(), md_format(),
        pdf_format(), ofd_format(), xlsx_format(), eep_format(), html_format(),
    };
    return table;
}

const Format* find_format(std::string_view name) {
    for (const Format& f : formats())
        if (f.name == name) return &f;
    return nullptr;
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Whether `name` (lower case) ends with ".extension".
bool has_extension(const std::string& name, const std::string& extension) {
    return name.size() > extension.size() + 1 && name.ends_with(extension) &&
           name[name.size() - extension.size() - 1] == '.';
}

// The format whose extensions (of `of`) the file name ends with; the longest match wins.
const Format* by_extension(std::string_view path, std::vector<std::string> Format::*of) {
    const std::string name = lower(path.substr(path.find_last_of('/') + 1));
    const Format* best = nullptr;
    std::size_t best_length = 0;
    for (const Format& f : formats())
        for (const std::string& e : f.*of)
            if (e.size() > best_length && has_extension(name, e)) best = &f, best_length = e.size();
    return best;
}

}  // namespace

const Format* format_for_output(std::string_view path) {
    const Format* f = by_extension(path, &Format::extensions);
    return f && f->writes() ? f : nullptr;
}

const Format& format_for_input(std::string_view path, std::string_view bytes) {
    if (const Format* f = by_extension(path, &Format::read_extensions)) return *f;
    for (const Format& f : formats())
        if (f.sniff && f.sniff(bytes)) return f;
    return *find_format("txt");  // plain text: what every other input is read as
}

}  // namespace gongwen
