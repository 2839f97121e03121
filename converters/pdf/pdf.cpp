#include "converters/pdf/pdf.hpp"

#include <podofo.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <tuple>

#include "converters/pdf/draw.hpp"
#include "converters/pdf/fonts.hpp"
#include "converters/pdf/layout.hpp"
#include "model/error.hpp"

namespace gongwen {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The instant the PDF records as its creation: the signing date, else the publication date
// (with its time), else SOURCE_DATE_EPOCH; China Standard Time for the document's own dates.
// Never the clock, so that equal input gives equal bytes.
std::pair<std::string, std::string> document_date(const Metadata& m) {
    std::string day = m.signed_date.present() ? m.signed_date.value : m.published.value;
    std::string time = !m.signed_date.present() && m.published_time.present() ? m.published_time.value : "00:00";
    if (day.size() == 10 && time.size() == 5) {
        const std::string compact = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2) + time.substr(0, 2) + time.substr(3, 2);
        return {"D:" + compact + "00+08'00'", day + "T" + time + ":00+08:00"};
    }
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !all_digits(epoch)) return {};
    const std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm utc{};
    gmtime_r(&t, &utc);
    char pdf[32], xmp[32];
    std::strftime(pdf, sizeof pdf, "D:%Y%m%d%H%M%SZ", &utc);
    std::strftime(xmp, sizeof xmp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return {pdf, xmp};
}

std::string document_title(const Document& doc) {
    if (doc.metadata.title.present()) return doc.metadata.title.value;
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::title) return b.text;
    return {};
}

pdf::Archive archive_of(const Document& doc, const PdfOptions& options, std::vector<pdf::Bookmark> bookmarks) {
    const Metadata& m = doc.metadata;
    pdf::Archive a;
    a.conformance = options.conformance;
    a.title = document_title(doc);
    a.author = m.organisation.present() ? m.organisation.value : m.signer.value;
    a.subject = m.category.value;
    a.keywords = m.keywords.value;
    a.creator = std::string("gongwen ") + GONGWEN_VERSION;
    a.producer = a.creator + " (cairo " + cairo_version_string() + ", PoDoFo " + std::to_string(PODOFO_VERSION_MAJOR) +
                 "." + std::to_string(PODOFO_VERSION_MINOR) + "." + std::to_string(PODOFO_VERSION_PATCH) + ")";
    std::tie(a.date_pdf, a.date_xmp) = document_date(m);
    a.bookmarks = std::move(bookmarks);
    if (options.conformance == PdfConformance::a3b) {
        a.xml = options.source_xml;
        const std::filesystem::path name(doc.source.name);
        a.xml_name = (doc.source.name.empty() || doc.source.name == "-" ? std::string("document") : name.stem().string()) + ".xml";
    }
    return a;
}

}  // namespace

const std::vector<std::string>& pdf_font_roles() {
    static const std::vector<std::string> roles{"body",     "title",    "heading1", "heading2", "heading3",
                                                "heading4", "table",    "page_number", "fallback"};
    return roles;
}

FontOverride parse_font_override(std::string_view spec) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string_view::npos) throw std::invalid_argument("font '" + std::string(spec) + "' is not ROLE=PATH");
    FontOverride o{std::string(trim(spec.substr(0, eq))), std::string(trim(spec.substr(eq + 1))), 0};
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
        const std::string_view l = trim(line);
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

std::string write_pdf(const Document& doc, const PdfOptions& options, std::vector<Diagnostic>* diagnostics) {
    const std::shared_ptr<const pdf::FontSet> fonts = pdf::font_set(options.fonts);
    pdf::Layout layout = pdf::lay_out(doc, *fonts);
    const std::string drawn = pdf::draw_pdf(layout, *fonts);
    std::string out = pdf::complete_archive(drawn, archive_of(doc, options, std::move(layout.bookmarks)));
    if (diagnostics)
        for (Diagnostic& d : layout.diagnostics) diagnostics->push_back(std::move(d));
    return out;
}

}  // namespace gongwen
