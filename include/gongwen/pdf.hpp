// The archival PDF writer: GB/T 9704 page layout by our own grid engine, written directly as
// tagged PDF/A-2a or PDF/A-3a (level b where the structure would not hold every content item)
// with fonts subset by HarfBuzz (see ../shared/docs/standards.md).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/fonts.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

enum class PdfConformance { a2b, a3b };

struct PdfOptions {
    PdfConformance conformance = PdfConformance::a2b;
    std::vector<FontOverride> fonts;  // later entries win over earlier ones for the same role
    // PDF/A-3b only: the document's native XML (write_xml), embedded as an associated file.
    // Passed in because converters do not call each other.
    std::string source_xml;
};

// Lays out and writes `doc` with `fonts`. Deterministic: the same document and options give the
// same bytes. Characters no font can draw are left out of the text (an empty box marks the
// place) and reported in `diagnostics` as kind "glyph_missing". Throws LimitError over the
// budget's pages or time.
std::string write_pdf(const Document& doc, const PdfOptions& options, const Fonts& fonts,
                      std::vector<Diagnostic>* diagnostics = nullptr, const Budget& budget = {});
// The same with the options' fonts opened for this one PDF.
std::string write_pdf(const Document& doc, const PdfOptions& options, std::vector<Diagnostic>* diagnostics = nullptr);

}  // namespace gongwen
