// The archival parts of the PDF that do not depend on its pages: the XMP packet and the sRGB
// profile of the OutputIntent (direct.cpp writes them with the rest of the file).
#include <fstream>
#include <mutex>
#include <sstream>

#include "converters/pdf/draw.hpp"
#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::pdf {

namespace {

constexpr const char* kIccPaths[] = {"/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc"};

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
    x += std::string("   <pdfaid:conformance>") + (a.accessible ? "A" : "B") + "</pdfaid:conformance>\n";
    x += "  </rdf:Description>\n"
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace gongwen::pdf
