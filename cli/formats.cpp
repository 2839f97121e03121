#include "cli/formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "converters/json/json.hpp"
#include "converters/text/text.hpp"
#include "converters/xml/xml.hpp"

namespace gongwen {

namespace {

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace

const std::vector<OutputFormat>& output_formats() {
    static const std::vector<OutputFormat> formats{
        {"xml", "xml", [](const Document& d, const WriteSettings&) { return write_xml(d); }},
        {"json", "json", [](const Document& d, const WriteSettings&) { return write_json(d); }},
        {"txt", "txt", [](const Document& d, const WriteSettings&) { return write_text(d); }},
        {"md", "md", [](const Document& d, const WriteSettings&) { return write_markdown(d); }},
    };
    return formats;
}

const OutputFormat* find_output_format(std::string_view name) {
    for (const OutputFormat& f : output_formats())
        if (f.name == name) return &f;
    return nullptr;
}

Document read_document(const std::string& path, std::string_view bytes) {
    const std::string ext = lower_extension(path);
    if (ext == "xml") return read_xml(bytes, path);
    return read_text(bytes, path);
}

}  // namespace gongwen
