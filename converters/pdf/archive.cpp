// PoDoFo completes cairo's PDF into PDF/A-2b or PDF/A-3b: document information and matching
// XMP, an sRGB OutputIntent, bookmarks, page labels, the associated source XML, and a trailer
// /ID computed from the file's own bytes so that equal input gives equal output.
#include <podofo.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "converters/pdf/draw.hpp"
#include "gongwen/digest.hpp"
#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::pdf {

namespace {

using namespace PoDoFo;

constexpr const char* kIccPaths[] = {"/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc"};

PdfString text(const std::string& utf8) { return PdfString(reinterpret_cast<const pdf_utf8*>(utf8.c_str())); }

}  // namespace

// The sRGB profile (icc-profiles-free), read once per process.
const std::string& srgb_profile() {
    static std::once_flag once;
    static std::string profile;
    std::call_once(once, [] {
        for (const char* path : kIccPaths) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream bytes;
            if (in && (bytes << in.rdbuf())) {
                profile = bytes.str();
                return;
            }
        }
    });
    if (profile.empty()) throw Error(kIccPaths[0], "sRGB ICC profile not found (Debian package icc-profiles-free)");
    return profile;
}

// The XMP packet: the Info dictionary's values again (PDF/A requires both to agree) plus the
// PDF/A identification.
std::string xmp_packet(const Archive& a) {
    const bool a3 = a.conformance == PdfConformance::a3b;
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        "   <dc:format>application/pdf</dc:format>\n";
    const auto alt = [](const std::string& v) {
        return "<rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(v) + "</rdf:li></rdf:Alt>";
    };
    if (!a.title.empty()) x += "   <dc:title>" + alt(a.title) + "</dc:title>\n";
    if (!a.author.empty())
        x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(a.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!a.subject.empty()) x += "   <dc:description>" + alt(a.subject) + "</dc:description>\n";
    if (!a.keywords.empty()) x += "   <pdf:Keywords>" + xml_escape(a.keywords) + "</pdf:Keywords>\n";
    x += "   <pdf:Producer>" + xml_escape(a.producer) + "</pdf:Producer>\n";
    x += "   <xmp:CreatorTool>" + xml_escape(a.creator) + "</xmp:CreatorTool>\n";
    if (!a.date_xmp.empty())
        for (const char* key : {"CreateDate", "ModifyDate", "MetadataDate"})
            x += std::string("   <xmp:") + key + ">" + a.date_xmp + "</xmp:" + key + ">\n";
    x += std::string("   <pdfaid:part>") + (a3 ? "3" : "2") + "</pdfaid:part>\n";
    x += "   <pdfaid:conformance>B</pdfaid:conformance>\n"
         "  </rdf:Description>\n"
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
    return x;
}

namespace {

void set_info(PdfMemDocument& doc, const Archive& a) {
    PdfDictionary& info = doc.GetInfo()->GetObject()->GetDictionary();
    info.Clear();  // cairo's producer and its creation date, and PoDoFo's modification time
    if (!a.title.empty()) info.AddKey("Title", text(a.title));
    if (!a.author.empty()) info.AddKey("Author", text(a.author));
    if (!a.subject.empty()) info.AddKey("Subject", text(a.subject));
    if (!a.keywords.empty()) info.AddKey("Keywords", text(a.keywords));
    info.AddKey("Creator", text(a.creator));
    info.AddKey("Producer", text(a.producer));
    if (!a.date_pdf.empty()) {
        info.AddKey("CreationDate", PdfString(a.date_pdf));
        info.AddKey("ModDate", PdfString(a.date_pdf));
    }
}

void add_metadata(PdfMemDocument& doc, const Archive& a) {
    PdfObject* metadata = doc.GetObjects().CreateObject("Metadata");
    metadata->GetDictionary().AddKey("Subtype", PdfName("XML"));
    const std::string xmp = xmp_packet(a);
    metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());  // PDF/A: unfiltered
    doc.GetCatalog()->GetDictionary().AddKey("Metadata", metadata->Reference());
}

void add_output_intent(PdfMemDocument& doc) {
    const std::string& icc = srgb_profile();
    PdfObject* profile = doc.GetObjects().CreateObject();
    profile->GetDictionary().AddKey("N", static_cast<pdf_int64>(3));
    profile->GetStream()->Set(icc.data(), static_cast<pdf_long>(icc.size()));
    PdfObject* intent = doc.GetObjects().CreateObject("OutputIntent");
    PdfDictionary& d = intent->GetDictionary();
    d.AddKey("S", PdfName("GTS_PDFA1"));
    d.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
    d.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
    d.AddKey("DestOutputProfile", profile->Reference());
    PdfArray intents;
    intents.push_back(intent->Reference());
    doc.GetCatalog()->GetDictionary().AddKey("OutputIntents", intents);
}

// Bookmarks nest by outline level; a level without a parent above it hangs from the nearest
// shallower one (or the top).
void add_bookmarks(PdfMemDocument& doc, const std::vector<Bookmark>& bookmarks) {
    if (bookmarks.empty()) return;
    PdfOutlines* outlines = doc.GetOutlines(true);
    std::array<PdfOutlineItem*, 4> last{};  // the latest item of each level
    for (const Bookmark& b : bookmarks) {
        const PdfPage* page = doc.GetPage(static_cast<int>(b.page));
        const PdfDestination destination(page, 0, geometry::page_height - b.y, 0);
        PdfOutlineItem* parent = outlines;
        for (int level = b.level - 1; level >= 1; --level)
            if (last[static_cast<std::size_t>(level)]) {
                parent = last[static_cast<std::size_t>(level)];
                break;
            }
        PdfOutlineItem* sibling = last[static_cast<std::size_t>(b.level)];
        PdfOutlineItem* item = sibling && sibling->GetParentOutline() == parent
                                   ? sibling->CreateNext(text(b.title), destination)
                                   : parent->CreateChild(text(b.title), destination);
        last[static_cast<std::size_t>(b.level)] = item;
        for (std::size_t l = static_cast<std::size_t>(b.level) + 1; l < last.size(); ++l) last[l] = nullptr;
    }
    doc.GetCatalog()->GetDictionary().AddKey("PageMode", PdfName("UseOutlines"));
}

// PDF/A-3: the source as an associated file (/AF) with its relationship, MIME type and date.
// /F and /UF are written here because PdfFileSpec 0.9.8 mangles names containing dots.
void add_source_xml(PdfMemDocument& doc, const Archive& a) {
    PdfObject* file = doc.GetObjects().CreateObject("EmbeddedFile");
    file->GetDictionary().AddKey("Subtype", PdfName("text/xml"));
    PdfDictionary params;
    params.AddKey("Size", static_cast<pdf_int64>(a.xml.size()));
    if (!a.date_pdf.empty()) params.AddKey("ModDate", PdfString(a.date_pdf));
    file->GetDictionary().AddKey("Params", params);
    file->GetStream()->Set(a.xml.data(), static_cast<pdf_long>(a.xml.size()));
    PdfObject* spec = doc.GetObjects().CreateObject("Filespec");
    PdfDictionary& s = spec->GetDictionary();
    s.AddKey("F", PdfString(a.xml_name));
    s.AddKey("UF", text(a.xml_name));
    s.AddKey("Desc", PdfString("gongwen native XML of this document (urn:gongwen:document:1)"));
    s.AddKey("AFRelationship", PdfName("Source"));
    PdfDictionary ef;
    ef.AddKey("F", file->Reference());
    ef.AddKey("UF", file->Reference());
    s.AddKey("EF", ef);
    PdfArray af;
    af.push_back(spec->Reference());
    doc.GetCatalog()->GetDictionary().AddKey("AF", af);
    doc.GetNamesTree(true)->AddValue(PdfName("EmbeddedFiles"), PdfString(a.xml_name), spec->Reference());
}

void add_catalog_entries(PdfMemDocument& doc, const Archive& a) {
    PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
    PdfDictionary label;
    label.AddKey("S", PdfName("D"));  // pages labelled 1, 2, 3 … like their printed numbers
    PdfArray nums;
    nums.push_back(static_cast<pdf_int64>(0));
    nums.push_back(label);
    PdfDictionary labels;
    labels.AddKey("Nums", nums);
    catalog.AddKey("PageLabels", labels);
    catalog.AddKey("Lang", PdfString(a.lang));
    PdfDictionary preferences;
    preferences.AddKey("DisplayDocTitle", PdfVariant(true));
    catalog.AddKey("ViewerPreferences", preferences);
}

// PDF/A requires every TrueType-based CIDFont to name its CID-to-glyph map; cairo's subsets use
// glyph indices as CIDs but leave the entry to its default.
void name_cid_to_gid_maps(PdfMemDocument& doc) {
    for (PdfObject* object : doc.GetObjects()) {
        if (!object->IsDictionary()) continue;
        PdfDictionary& d = object->GetDictionary();
        const PdfObject* subtype = d.GetKey("Subtype");
        if (subtype && subtype->IsName() && subtype->GetName() == PdfName("CIDFontType2") && !d.HasKey("CIDToGIDMap"))
            d.AddKey("CIDToGIDMap", PdfName("Identity"));
    }
}

// Replaces the two file identifiers of the trailer's /ID with the first 16 bytes of the
// SHA-256 of the file (identifiers zeroed): same content, same /ID, nothing random.
void set_content_id(std::string& pdf) {
    const std::size_t trailer = pdf.rfind("trailer");
    const std::size_t id = trailer == std::string::npos ? std::string::npos : pdf.find("/ID", trailer);
    std::vector<std::pair<std::size_t, std::size_t>> hex;  // [begin, end) of each identifier's digits
    for (std::size_t pos = id; pos != std::string::npos && hex.size() < 2;) {
        const std::size_t open = pdf.find('<', pos), close = open == std::string::npos ? open : pdf.find('>', open);
        if (close == std::string::npos) break;
        hex.emplace_back(open + 1, close);
        pos = close + 1;
    }
    if (hex.size() != 2) throw std::runtime_error("PoDoFo wrote no trailer /ID");
    for (const auto& [b, e] : hex)
        std::fill(pdf.begin() + static_cast<long>(b), pdf.begin() + static_cast<long>(e), '0');
    const std::string digest = sha256_hex(pdf);
    for (const auto& [b, e] : hex)
        for (std::size_t i = b; i < e; ++i)
            pdf[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(digest[(i - b) % 32])));
}

}  // namespace

std::string complete_archive(const std::string& drawn, const Archive& archive) {
    static std::once_flag quiet;
    std::call_once(quiet, [] {  // errors reach us as exceptions; PoDoFo need not print them too
        PdfError::EnableLogging(false);
        PdfError::EnableDebug(false);
    });
    try {
        PdfMemDocument doc;
        doc.LoadFromBuffer(drawn.data(), static_cast<long>(drawn.size()));
        name_cid_to_gid_maps(doc);
        set_info(doc, archive);
        add_metadata(doc, archive);
        add_output_intent(doc);
        add_bookmarks(doc, archive.bookmarks);
        add_catalog_entries(doc, archive);
        if (archive.conformance == PdfConformance::a3b) add_source_xml(doc, archive);
        doc.SetPdfVersion(ePdfVersion_1_7);
        PdfRefCountedBuffer buffer;
        PdfOutputDevice device(&buffer);
        doc.Write(&device);
        std::string pdf(buffer.GetBuffer(), device.GetLength());
        set_content_id(pdf);
        return pdf;
    } catch (const PdfError& e) {
        throw std::runtime_error(std::string("PoDoFo: ") + e.what() + " (" + PdfError::ErrorMessage(e.GetError()) +
                                 ")");
    }
}

}  // namespace gongwen::pdf
