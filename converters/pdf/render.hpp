// Internal to converters/pdf: one PDF made, with what the pdf format's writer records of it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "gongwen/pdf.hpp"

namespace gongwen::pdf {

struct Rendered {
    std::string bytes;
    std::size_t pages = 0;
    std::string identification;           // the PDF/A level it claims: "PDF/A-2a", "PDF/A-3b", …
    std::vector<Diagnostic> diagnostics;  // glyphs no font has, fonts substituted
};

Rendered render(const Document& doc, const PdfOptions& options, const Fonts& fonts, const Budget& budget);

}  // namespace gongwen::pdf
