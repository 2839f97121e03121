// What a package needs to know about a PDF (pages, version, PDF/A level) and what DA/T 70's
// usability and safety checks look for in it (fonts not embedded, encryption, JavaScript,
// launch actions), read with PoDoFo.
#include <podofo.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <mutex>
#include <regex>
#include <set>

#include "converters/eep/eep_internal.hpp"

namespace gongwen::eep {

namespace {

using namespace PoDoFo;

void quiet_podofo() {
    static std::once_flag once;
    std::call_once(once, [] {  // errors reach us as exceptions; PoDoFo need not print them too
        PdfError::EnableLogging(false);
        PdfError::EnableDebug(false);
    });
}

// "1.7" from the %PDF-1.7 header in the first kilobyte, where PDF readers look for it.
std::string header_version(std::string_view head) {
    const std::size_t at = head.find("%PDF-");
    if (at == std::string_view::npos || at + 8 > head.size()) return {};
    return std::string(head.substr(at + 5, 3));
}

const PdfObject* resolve(const PdfVecObjects& objects, const PdfObject* o) {
    for (int hops = 0; o && o->IsReference() && hops < 32; ++hops) o = objects.GetObject(o->GetReference());
    return o;
}

const PdfObject* key_of(const PdfVecObjects& objects, const PdfDictionary& d, const char* key) {
    return resolve(objects, d.GetKey(PdfName(key)));
}

bool name_is(const PdfObject* o, const char* name) { return o && o->IsName() && o->GetName() == PdfName(name); }

// PDF/A identification from the catalog's XMP packet: pdfaid:part and pdfaid:conformance, as
// elements or attributes.
std::string pdfa_level(PdfMemDocument& doc) {
    const PdfObject* catalog = doc.GetCatalog();
    if (!catalog || !catalog->IsDictionary()) return {};
    const PdfObject* xmp = key_of(doc.GetObjects(), catalog->GetDictionary(), "Metadata");
    if (!xmp || !xmp->HasStream()) return {};
    char* buffer = nullptr;
    pdf_long length = 0;
    xmp->GetStream()->GetFilteredCopy(&buffer, &length);
    const std::unique_ptr<char, decltype(&podofo_free)> owned(buffer, &podofo_free);
    const std::string text(buffer ? buffer : "", buffer ? static_cast<std::size_t>(length) : 0);
    static const std::regex part(R"(pdfaid:part\s*(?:=\s*["']|>)\s*([1-4]))");
    static const std::regex level(R"(pdfaid:conformance\s*(?:=\s*["']|>)\s*([ABUabu]))");
    std::smatch p, c;
    if (!std::regex_search(text, p, part)) return {};
    std::string out = "PDF/A-" + p[1].str();
    if (std::regex_search(text, c, level)) out += static_cast<char>(std::tolower(c[1].str()[0]));
    return out;
}

// Font dictionaries that draw glyphs from a program must carry it in their descriptor;
// Type3 fonts are their own glyph procedures, Type0 fonts are checked through their
// descendant, which this walk also reaches.
void check_font(const PdfVecObjects& objects, const PdfDictionary& d, PdfFacts& facts) {
    if (!name_is(key_of(objects, d, "Type"), "Font")) return;
    const PdfObject* subtype = key_of(objects, d, "Subtype");
    if (!subtype || !subtype->IsName() || name_is(subtype, "Type3") || name_is(subtype, "Type0")) return;
    const PdfObject* descriptor = key_of(objects, d, "FontDescriptor");
    const bool embedded =
        descriptor && descriptor->IsDictionary() &&
        (descriptor->GetDictionary().HasKey("FontFile") || descriptor->GetDictionary().HasKey("FontFile2") ||
         descriptor->GetDictionary().HasKey("FontFile3"));
    if (embedded) return;
    const PdfObject* base = key_of(objects, d, "BaseFont");
    facts.unembedded_fonts.push_back(base && base->IsName() ? base->GetName().GetName() : std::string("(unnamed)"));
}

// Every dictionary, direct or indirect, is looked at once: actions can hide inline in an
// annotation or a name tree, fonts inline in a descendant array.
void walk(const PdfVecObjects& objects, const PdfObject& o, PdfFacts& facts, int depth) {
    if (depth > 64) return;
    if (o.IsArray()) {
        for (const PdfObject& item : o.GetArray()) walk(objects, item, facts, depth + 1);
        return;
    }
    if (!o.IsDictionary()) return;
    const PdfDictionary& d = o.GetDictionary();
    if (d.HasKey("JS") || name_is(d.GetKey("S"), "JavaScript") || d.HasKey("JavaScript")) facts.javascript = true;
    if (name_is(d.GetKey("S"), "Launch")) facts.launch = true;
    check_font(objects, d, facts);
    for (const auto& [key, value] : d.GetKeys())
        if (value && !value->IsReference()) walk(objects, *value, facts, depth + 1);
}

void inspect(PdfMemDocument& doc, PdfFacts& facts) {
    facts.opened = true;
    facts.encrypted = doc.GetEncrypted() || (doc.GetTrailer() && doc.GetTrailer()->GetDictionary().HasKey("Encrypt"));
    facts.pages = doc.GetPageCount();
    facts.pdfa = pdfa_level(doc);
    const PdfVecObjects& objects = doc.GetObjects();
    for (const PdfObject* o : objects)
        if (o) walk(objects, *o, facts, 0);
    std::set<std::string> unique(facts.unembedded_fonts.begin(), facts.unembedded_fonts.end());
    facts.unembedded_fonts.assign(unique.begin(), unique.end());
}

// The /Encrypt entry of a trailer or cross-reference stream (`/Encrypt 12 0 R` or
// `/Encrypt <<`), found in the raw bytes. Trailers sit at the end, or at the start of a
// linearized file, so only those ends are searched.
bool has_encrypt_entry(std::string_view head, std::string_view tail) {
    for (std::string_view part : {head, tail})
        for (std::size_t at = part.find("/Encrypt"); at != std::string_view::npos; at = part.find("/Encrypt", at + 1)) {
            std::size_t next = at + 8;
            while (next < part.size() && std::isspace(static_cast<unsigned char>(part[next]))) ++next;
            if (next < part.size() && (std::isdigit(static_cast<unsigned char>(part[next])) || part[next] == '<'))
                return true;
        }
    return false;
}

template <class Load>
PdfFacts probe(std::string_view head, std::string_view tail, Load load) {
    quiet_podofo();
    PdfFacts facts;
    facts.version = header_version(head.substr(0, 1024));
    if (facts.version.empty()) {
        facts.error = "no %PDF- header: not a PDF";
        return facts;
    }
    // An encrypted file fails the safety check whatever it holds, and an archive does not try
    // to decrypt it (PoDoFo 0.9.8 cannot open most encrypted files anyway, and leaks trying).
    if (has_encrypt_entry(head, tail)) {
        facts.encrypted = true;
        facts.error = "encrypted: not opened";
        return facts;
    }
    try {
        PdfMemDocument doc;
        load(doc);
        inspect(doc, facts);
    } catch (const PdfError& e) {
        facts.opened = false;
        if (e.GetError() == ePdfError_InvalidPassword) {
            facts.encrypted = true;
            facts.error = "encrypted: it cannot be opened without a password";
        } else {
            const char* why = PdfError::ErrorMessage(e.GetError());  // null for some codes
            if (!why) why = PdfError::ErrorName(e.GetError());
            facts.error = std::string("PoDoFo cannot open it: ") + (why ? why : "unknown error");
        }
    } catch (const std::exception& e) {
        facts.opened = false;
        facts.error = std::string("cannot read it as a PDF: ") + e.what();
    }
    return facts;
}

}  // namespace

PdfFacts probe_pdf_file(const std::string& path) {
    constexpr std::size_t kEnds = 1 << 20;
    std::ifstream in(path, std::ios::binary);
    std::string head(kEnds, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::string tail;
    if (head.size() == kEnds) {
        in.clear();
        in.seekg(0, std::ios::end);
        const std::streamoff size = in.tellg();
        in.seekg(
            std::max<std::streamoff>(static_cast<std::streamoff>(kEnds), size - static_cast<std::streamoff>(kEnds)));
        tail.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return probe(head, tail, [&](PdfMemDocument& doc) { doc.Load(path.c_str()); });
}

PdfFacts probe_pdf_bytes(std::string_view bytes) {
    constexpr std::size_t kEnds = 1 << 20;
    const std::string_view tail = bytes.size() > kEnds ? bytes.substr(bytes.size() - kEnds) : std::string_view();
    return probe(bytes.substr(0, kEnds), tail,
                 [&](PdfMemDocument& doc) { doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size())); });
}

}  // namespace gongwen::eep
