// The two stages after layout: cairo draws the pages, PoDoFo adds the archival structure.
#pragma once

#include <string>
#include <vector>

#include "converters/pdf/layout.hpp"
#include "gongwen/pdf.hpp"

namespace gongwen::pdf {

// The pages as a PDF from cairo's PDF surface: fonts embedded as subsets with ToUnicode maps.
std::string draw_pdf(const Layout& layout, const FontSet& fonts, const Budget& budget = {});

// What PoDoFo writes into the drawn PDF to make it an archival one.
struct Archive {
    PdfConformance conformance = PdfConformance::a2b;
    std::string title, author, subject, keywords;
    std::string creator, producer;
    std::string date_pdf;  // "D:20240204000000+08'00'", empty when the document has no date
    std::string date_xmp;  // the same instant as xs:dateTime
    std::string lang = "zh-CN";
    std::vector<Bookmark> bookmarks;
    std::string xml;       // PDF/A-3b: the associated source file …
    std::string xml_name;  // … and its file name
};

// Info dictionary, XMP with PDF/A identification, sRGB OutputIntent, bookmarks, page labels,
// the associated XML (PDF/A-3b) and a trailer /ID derived from the file's content.
std::string complete_archive(const std::string& drawn, const Archive& archive);

// The XMP packet of `archive`: its Info values again (PDF/A requires both to agree) and the
// PDF/A identification.
std::string xmp_packet(const Archive& archive);
// The sRGB ICC profile of the OutputIntent (icc-profiles-free), read once per process.
const std::string& srgb_profile();

// The archival PDF written directly from the laid-out pages in one pass: CID fonts from the
// font layer's subsets with ToUnicode maps and widths, one compressed content stream per page,
// and everything complete_archive adds. Equal input gives equal bytes.
std::string write_direct(const Layout& layout, const FontSet& fonts, const Archive& archive, const Budget& budget = {});

}  // namespace gongwen::pdf
