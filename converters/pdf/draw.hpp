// The stage after layout: the pages written as an archival PDF.
#pragma once

#include <string>
#include <vector>

#include "gongwen/pdf.hpp"
#include "layout/layout.hpp"

namespace gongwen::pdf {

// The laid-out pages and their fonts come from the layout layer, shared with the OFD writer.
using layout::Bookmark;
using layout::Box;
using layout::FontSet;
using layout::Layout;
using layout::Page;
using layout::PlacedGlyph;
using layout::Stroke;
using layout::TextRun;
namespace geometry = layout::geometry;

// CPU seconds of the calling thread that write_direct spent in two of its stages; the rest of
// its time is drawing the pages' content and writing the objects.
struct WriteTimes {
    double subsetting = 0;   // collecting the glyphs used and subsetting the fonts
    double compression = 0;  // deflating streams (font programs, content, ToUnicode maps)
};

// What makes the PDF an archival one, beside its pages.
struct Archive {
    PdfConformance conformance = PdfConformance::a2b;
    bool accessible = false;  // level A (2a, 3a): the structure tree holds every content item
    std::string title, author, subject, keywords;
    std::string creator, producer;
    std::string date_pdf;  // "D:20240204000000+08'00'", empty when the document has no date
    std::string date_xmp;  // the same instant as xs:dateTime
    std::string lang = "zh-CN";
    std::string xml;       // PDF/A-3b: the associated source file …
    std::string xml_name;  // … and its file name
};

// The XMP packet of `archive`: its Info values again (PDF/A requires both to agree) and the
// PDF/A identification.
std::string xmp_packet(const Archive& archive);
// The sRGB ICC profile of the OutputIntent (icc-profiles-free), read once per process.
const std::string& srgb_profile();

// The archival PDF written directly from the laid-out pages in one pass: CID fonts from the
// font layer's subsets with ToUnicode maps and widths, one compressed content stream per page,
// Info and XMP with the PDF/A identification, the sRGB OutputIntent, bookmarks from the
// layout's headings, page labels, the associated XML (PDF/A-3b) and a trailer /ID derived from
// the file's content; tagged, with the structure tree of the layout's blocks. Equal input gives
// equal bytes. `identification`, when given, receives the PDF/A level the file claims
// ("PDF/A-2a"; level b where the structure does not hold every content item). `times`, when
// given, accumulates the CPU time of its stages (bench/pdf_stages; never set by the library itself).
std::string write_direct(const Layout& layout, const FontSet& fonts, const Archive& archive, const Budget& budget = {},
                         std::string* identification = nullptr, WriteTimes* times = nullptr);

}  // namespace gongwen::pdf
