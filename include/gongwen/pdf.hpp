// The archival PDF writer: GB/T 9704 page layout by our own grid engine, written directly as
// PDF/A-2b or PDF/A-3b with fonts subset by HarfBuzz (see ../shared/docs/standards.md).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

enum class PdfConformance { a2b, a3b };

// A font chosen by the user for one role: body, title, heading1 … heading4, table,
// page_number, or fallback (tried before the built-in fallbacks for every role). heading3,
// heading4, table and page_number follow the body's font unless chosen themselves.
struct FontOverride {
    std::string role;
    std::string path;
    int index = 0;  // face index inside a .ttc collection
    friend bool operator==(const FontOverride&, const FontOverride&) = default;
};

struct PdfOptions {
    PdfConformance conformance = PdfConformance::a2b;
    std::vector<FontOverride> fonts;  // later entries win over earlier ones for the same role
    // PDF/A-3b only: the document's native XML (write_xml), embedded as an associated file.
    // Passed in because converters do not call each other.
    std::string source_xml;
};

// The roles --font accepts, in the order --help lists them.
const std::vector<std::string>& pdf_font_roles();

// Parses "ROLE=PATH" or "ROLE=PATH:INDEX" (INDEX picks a face of a .ttc). Throws
// std::invalid_argument with a message for the user on an unknown role or an empty path.
FontOverride parse_font_override(std::string_view spec);

// Reads a font configuration file: one "ROLE = PATH[:INDEX]" per line, '#' starts a comment,
// relative paths are relative to the file's folder. Throws gongwen::Error naming the file and line.
std::vector<FontOverride> read_font_config(const std::string& path);

namespace pdf {
class FontSet;
}

// The fonts PDFs are set in, opened once (the options' fonts, else the GB/T 9704 faces found on
// the system) and shared by every PDF written with them, from any thread. Throws gongwen::Error
// when a chosen font cannot be opened, or no font is found for a role.
class PdfFonts {
public:
    explicit PdfFonts(const std::vector<FontOverride>& fonts = {});
    const pdf::FontSet& set() const { return *set_; }

private:
    std::shared_ptr<const pdf::FontSet> set_;
};

// Lays out and writes `doc` with `fonts`. Deterministic: the same document and options give the
// same bytes. Characters no font can draw are left out of the text (an empty box marks the
// place) and reported in `diagnostics` as kind "glyph_missing". Throws LimitError over the
// budget's pages or time.
std::string write_pdf(const Document& doc, const PdfOptions& options, const PdfFonts& fonts,
                      std::vector<Diagnostic>* diagnostics = nullptr, const Budget& budget = {});
// The same with the options' fonts opened for this one PDF.
std::string write_pdf(const Document& doc, const PdfOptions& options, std::vector<Diagnostic>* diagnostics = nullptr);

}  // namespace gongwen
