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
#include "converters/pdf/fonts.hpp"
#include "converters/pdf/layout.hpp"
#include "converters/pdf/render.hpp"
#include "gongwen/describe.hpp"
#include "gongwen/error.hpp"

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

const std::vector<std::string>& pdf_font_roles() {
    static const std::vector<std::string> roles{"body",     "title", "heading1",    "heading2", "heading3",
                                                "heading4", "table", "page_number", "fallback"};
    return roles;
}

FontOverride parse_font_override(std::string_view spec) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string_view::npos) throw std::invalid_argument("font '" + std::string(spec) + "' is not ROLE=PATH");
    FontOverride o{std::string(trim_ascii(spec.substr(0, eq))), std::string(trim_ascii(spec.substr(eq + 1))), 0};
    const auto& roles = pdf_font_roles();
    if (std::find(roles.begin(), roles.end(), o.role) == roles.end()) {
        std::string names;
        for (const std::string& r : roles) names += (names.empty() ? "" : ", ") + r;
        throw std::invalid_argument("unknown font role '" + o.role + "' (" + names + ")");
    }
    const std::size_t colon = o.path.rfind(':');
    if (colon != std::string::npos && colon > 0 && all_digits(std::string_view(o.path).substr(colon + 1))) {
        o.index = std::stoi(o.path.substr(colon + 1));
        o.path.erase(colon);
    }
    if (o.path.empty()) throw std::invalid_argument("font role '" + o.role + "' has no file");
    return o;
}

std::vector<FontOverride> read_font_config(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path, "cannot read font configuration");
    std::vector<FontOverride> fonts;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string_view l = trim_ascii(line);
        if (l.empty() || l.front() == '#') continue;
        try {
            FontOverride font = parse_font_override(l);
            // A relative font path means the font beside the configuration file.
            if (std::filesystem::path(font.path).is_relative())
                font.path = (std::filesystem::path(path).parent_path() / font.path).string();
            fonts.push_back(std::move(font));
        } catch (const std::invalid_argument& e) {
            throw Error(path, "line " + std::to_string(number) + ": " + e.what());
        }
    }
    return fonts;
}

PdfFonts::PdfFonts(const std::vector<FontOverride>& fonts) : set_(std::make_shared<const pdf::FontSet>(fonts)) {}

pdf::Rendered pdf::render(const Document& doc, const PdfOptions& options, const PdfFonts& fonts, const Budget& budget) {
    const Layout layout = lay_out(doc, fonts.set(), budget);
    Rendered r;
    r.pages = layout.pages.size();
    r.bytes = write_direct(layout, fonts.set(), archive_of(doc, options), budget);
    r.diagnostics = layout.diagnostics;
    return r;
}

std::string write_pdf(const Document& doc, const PdfOptions& options, const PdfFonts& fonts,
                      std::vector<Diagnostic>* diagnostics, const Budget& budget) {
    pdf::Rendered r = pdf::render(doc, options, fonts, budget);
    if (diagnostics)
        for (Diagnostic& d : r.diagnostics) diagnostics->push_back(std::move(d));
    return std::move(r.bytes);
}

std::string write_pdf(const Document& doc, const PdfOptions& options, std::vector<Diagnostic>* diagnostics) {
    return write_pdf(doc, options, PdfFonts(options.fonts), diagnostics);
}

}  // namespace gongwen
