#include "cli/formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "converters/eep/eep.hpp"
#include "converters/html/html.hpp"
#include "converters/json/json.hpp"
#include "converters/pdf/pdf.hpp"
#include "converters/text/text.hpp"
#include "converters/xml/xml.hpp"
#include "converters/xlsx/xlsx.hpp"

namespace gongwen {

namespace {

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// The PDF writer's options from the command line; its warnings (glyphs no font has) go to stderr.
std::string write_pdf_file(const Document& d, const WriteSettings& s) {
    PdfOptions options;
    options.conformance = s.pdfa == "3b" ? PdfConformance::a3b : PdfConformance::a2b;
    for (const std::string& f : s.pdf_fonts) options.fonts.push_back(parse_font_override(f));
    if (options.conformance == PdfConformance::a3b) options.source_xml = write_xml(d);
    std::vector<Diagnostic> warnings;
    std::string pdf = write_pdf(d, options, &warnings);
    for (const Diagnostic& w : warnings) std::cerr << ("gongwen: " + d.source.name + ": warning: " + w.message + "\n");
    return pdf;
}

// --catalog: a writer sees the facts mapped with the user's catalog instead of the built-in one.
std::string with_catalog(const Document& d, const WriteSettings& s, std::string (*write)(const Document&)) {
    if (!s.catalog) return write(d);
    Document mapped = d;
    map_facts(mapped, *s.catalog);
    return write(mapped);
}

// The same for a writer that streams its output.
void with_catalog(const Document& d, const WriteSettings& s, std::ostream& out,
                  void (*write)(const Document&, std::ostream&)) {
    if (!s.catalog) return write(d, out);
    Document mapped = d;
    map_facts(mapped, *s.catalog);
    write(mapped, out);
}

// The archival package. Its PDF is made exactly as -t pdf makes it, so the PDF decoded from a
// package is byte-identical to that output; --payload packages an existing PDF instead.
void write_eep_package(const Document& d, const WriteSettings& s, std::ostream& out) {
    EepOptions options;
    if (s.eep_profile) options.profile = *s.eep_profile;
    options.ordinal = s.ordinal;
    const std::string creator = std::string("gongwen ") + GONGWEN_VERSION;
    std::string pdf, xml;
    std::vector<EepFile> files;
    if (s.eep_payload.empty()) {
        pdf = write_pdf_file(d, s);
        files.push_back({eep_payload_name(d, "pdf"), "", creator, "base64-pdf", "", pdf, ""});
    } else {
        files.push_back({std::filesystem::path(s.eep_payload).filename().string(), "", "", "base64-pdf", "", {}, s.eep_payload});
    }
    if (s.eep_xml) {
        xml = with_catalog(d, s, write_xml);
        files.push_back({eep_payload_name(d, "xml"), std::string("XML (") + kXmlNamespace + ")", creator, "base64-xml",
                         "gongwen 文档模型（原生XML）", xml, ""});
    }
    write_eep(d, files, options, out);
}

}  // namespace

const std::vector<OutputFormat>& output_formats() {
    static const std::vector<OutputFormat> formats{
        {"xml", "xml", "the native model, lossless, with an XSD; reads back",
         [](const Document& d, const WriteSettings& s) { return with_catalog(d, s, write_xml); },
         [](const Document& d, const WriteSettings& s, std::ostream& out) { with_catalog(d, s, out, write_xml); }},
        {"json", "json", "the same content for scripts and jq; reads back",
         [](const Document& d, const WriteSettings& s) { return with_catalog(d, s, write_json); },
         [](const Document& d, const WriteSettings& s, std::ostream& out) { with_catalog(d, s, out, write_json); }},
        {"txt", "txt", "the text with its outline, one block per paragraph",
         [](const Document& d, const WriteSettings&) { return write_text(d); }},
        {"md", "md", "Markdown: a metadata table, headings as #",
         [](const Document& d, const WriteSettings&) { return write_markdown(d); }},
        {"pdf", "pdf", "PDF/A-2b (or 3b) in the GB/T 9704 layout", write_pdf_file},
        {"xlsx", "xlsx", "the summary workbook of one report",
         [](const Document& d, const WriteSettings& s) { return write_xlsx(d, s.catalog.get()); }},
        {"eep", "eep.xml", "a DA/T 48 archival package (FILE.eep.xml) holding the PDF",
         [](const Document& d, const WriteSettings& s) {
             std::ostringstream out;
             write_eep_package(d, s, out);
             return out.str();
         },
         write_eep_package},
    };
    return formats;
}

const OutputFormat* find_output_format(std::string_view name) {
    for (const OutputFormat& f : output_formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::string format_names(std::string_view last) {
    std::string names;
    const std::vector<OutputFormat>& formats = output_formats();
    for (std::size_t i = 0; i < formats.size(); ++i)
        names += (i == 0 ? "" : i + 1 == formats.size() ? std::string(last) : ", ") + formats[i].name;
    return names;
}

const OutputFormat* format_of_path(const std::string& path) {
    std::string ext = lower_extension(path);
    if (ext == "markdown") ext = "md";
    if (ext == "text") ext = "txt";
    for (const OutputFormat& f : output_formats())
        if (f.extension == ext) return &f;
    return nullptr;
}

namespace {

// gongwen's XML and JSON by the extension, HTML by the extension or its start, else text.
bool is_text_input(const std::string& ext, std::string_view bytes) {
    return ext != "xml" && ext != "json" && ext != "html" && ext != "htm" && ext != "xhtml" && ext != "shtml" &&
           !looks_like_html(bytes);
}

}  // namespace

Document read_document(const std::string& path, std::string_view bytes) {
    const std::string ext = lower_extension(path);
    if (is_text_input(ext, bytes)) return read_text(bytes, path);
    if (ext == "xml") return read_xml(bytes, path);
    if (ext == "json") return read_json(bytes, path);
    return read_html(bytes, path);
}

Document read_document(const std::string& path, std::string&& bytes) {
    if (is_text_input(lower_extension(path), bytes)) return read_text(std::move(bytes), path);
    return read_document(path, std::string_view(bytes));
}

}  // namespace gongwen
