// The OFD writer (GB/T 33190-2016): the same GB/T 9704 pages as the PDF, written as an OFD
// package: fonts embedded as subsets, text objects addressed by characters, the report's
// native XML attached, the outline and the document's structure (custom tags).
#pragma once

#include <string>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/fonts.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

struct OfdOptions {
    std::vector<FontOverride> fonts;  // later entries win over earlier ones for the same role
    // The document's native XML (write_xml), attached to the package. Passed in because
    // converters do not call each other; empty: no attachment.
    std::string source_xml;
};

// Lays out and writes `doc` with `fonts` as an OFD package (a zip). Deterministic: the same
// document and options give the same bytes. Characters no font can draw are left out of the
// text (an empty box marks the place) and reported in `diagnostics` as kind "glyph_missing".
// Throws LimitError over the budget's pages or time.
std::string write_ofd(const Document& doc, const OfdOptions& options, const Fonts& fonts,
                      std::vector<Diagnostic>* diagnostics = nullptr, const Budget& budget = {});

}  // namespace gongwen
