#include "gongwen/pdf.hpp"
#include "gongwen/unicode.hpp"

#include <hb.h>
#include <libdeflate.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "converters/pdf/draw.hpp"
#include "converters/pdf/render.hpp"
#include "gongwen/describe.hpp"
#include "gongwen/error.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"

namespace gongwen {

namespace {

// The PDF form of an xs:dateTime the model gives ("2024-02-04T09:30:00+08:00" →
// "D:20240204093000+08'00'", "…Z" → "D:…Z").
std::string pdf_date(const std::string& iso) {
    if (iso.size() < 20) return {};
    std::string out = "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + iso.substr(11, 2) +
                      iso.substr(14, 2) + iso.substr(17, 2);
    const std::string zone = iso.substr(19);
    return zone == "Z" ? out + "Z" : out + zone.substr(0, 3) + "'" + zone.substr(4, 2) + "'";
}

pdf::Archive archive_of(const Document& doc, const PdfOptions& options) {
    const Metadata& m = doc.metadata;
    const Description d = describe(doc);
    pdf::Archive a;
    a.conformance = options.conformance;
    a.title = d.title;
    a.author = d.issuer;
    a.subject = m.category.value;
    a.keywords = m.keywords.value;
    a.creator = std::string("gongwen ") + GONGWEN_VERSION;
    a.producer = a.creator + " (HarfBuzz " + hb_version_string() + ", libdeflate " + LIBDEFLATE_VERSION_STRING + ")";
    a.date_xmp = d.created;
    a.date_pdf = pdf_date(d.created);
    if (options.conformance == PdfConformance::a3b) {
        a.xml = options.source_xml;
        const std::filesystem::path name(doc.source.name);
        a.xml_name =
            (doc.source.name.empty() || doc.source.name == "-" ? std::string("document") : name.stem().string()) +
            ".xml";
    }
    return a;
}

}  // namespace

pdf::Rendered pdf::render(const Document& doc, const PdfOptions& options, const Fonts& fonts, const Budget& budget) {
    const Layout layout = lay_out(doc, fonts.set(), budget);
    Rendered r;
    r.pages = layout.pages.size();
    r.bytes = write_direct(layout, fonts.set(), archive_of(doc, options), budget, &r.identification);
    r.diagnostics = layout.diagnostics;
    return r;
}

std::string write_pdf(const Document& doc, const PdfOptions& options, const Fonts& fonts,
                      std::vector<Diagnostic>* diagnostics, const Budget& budget) {
    pdf::Rendered r = pdf::render(doc, options, fonts, budget);
    if (diagnostics)
        for (Diagnostic& d : r.diagnostics) diagnostics->push_back(std::move(d));
    return std::move(r.bytes);
}

std::string write_pdf(const Document& doc, const PdfOptions& options, std::vector<Diagnostic>* diagnostics) {
    return write_pdf(doc, options, Fonts(options.fonts), diagnostics);
}

}  // namespace gongwen
