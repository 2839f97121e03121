// The formats the command line knows: one line per format in formats.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.hpp"
#include "model/document.hpp"

namespace gongwen {

struct ArchiveProfile;

// Settings that some writers take, filled from the command line. A format that needs one
// adds a field here and its option in options.cpp.
struct WriteSettings {
    std::string pdfa = "2b";             // pdf: PDF/A conformance, 2b or 3b (--pdfa)
    std::vector<std::string> pdf_fonts;  // pdf: "ROLE=PATH[:INDEX]", --font-config lines then --font
    std::shared_ptr<const Catalog> catalog;  // --catalog: maps the facts (every format, the workbook); null: built-in
    std::shared_ptr<const ArchiveProfile> eep_profile;  // eep: --profile FILE; null when none was given
    std::string eep_payload;  // eep: --payload FILE.pdf, packaged instead of a PDF made from the report
    bool eep_xml = false;     // eep: --eep-xml, the native XML as a second 文档
    std::size_t ordinal = 0;  // the input's position in the run; eep numbers 件号 by it
};

struct OutputFormat {
    std::string name;       // as given to -t
    std::string extension;  // of output files, without the dot
    std::string description;  // one line for `gongwen convert --help`
    std::function<std::string(const Document&, const WriteSettings&)> write;
    // Set for formats whose output can be too large to hold in memory: written to a stream
    // (through a temporary file, as write's output is).
    std::function<void(const Document&, const WriteSettings&, std::ostream&)> write_to = nullptr;
};

// Every output format, in the order --help lists them.
const std::vector<OutputFormat>& output_formats();
const OutputFormat* find_output_format(std::string_view name);
// The format names in the table's order, "xml, json, …, eep"; `last` joins the last two
// (", " or " or ").
std::string format_names(std::string_view last = ", ");
// The format `path`'s extension names (report.PDF: pdf; .markdown: md, .text: txt), or null.
const OutputFormat* format_of_path(const std::string& path);

// Reads a document in whichever input format `bytes` are: gongwen's native XML or JSON (by
// the extension), HTML (by the extension or the content), or text.
// Throws gongwen::Error naming `path`.
Document read_document(const std::string& path, std::string_view bytes);
// The same for bytes the caller gives up (read_document(path, read_input(path))): a text
// input's bytes become its decoded text instead of being copied.
Document read_document(const std::string& path, std::string&& bytes);

}  // namespace gongwen
