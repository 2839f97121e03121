// What a package needs to know about an OFD (GB/T 33190-2016) and what DA/T 70's usability
// check looks for in it: the zip container opens, OFD.xml names a document whose Document.xml
// lists pages, every XML part is well-formed, and every font is embedded (a Font resource with
// a FontFile in the package that is a font file), read with libzip and pugixml.
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <pugixml.hpp>
#include <set>

#include "converters/eep/eep_internal.hpp"

namespace gongwen::eep {

namespace {

// An XML part larger than this is not read (a zip bomb would otherwise fill the memory).
constexpr zip_uint64_t kMaxPart = zip_uint64_t{256} << 20;

struct ZipClose {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipClose>;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The element's name without its namespace prefix (ofd:Page → Page).
std::string_view local_name(const pugi::xml_node& n) {
    const std::string_view name = n.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
    for (pugi::xml_node c : parent.children())
        if (local_name(c) == name) return c;
    return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : parent.children())
        if (local_name(c) == name) out.push_back(c);
    return out;
}

std::string trimmed(const char* text) {
    std::string s = text;
    const std::size_t begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return {};
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// The folder of a part, with its trailing '/' ("" at the root).
std::string folder_of(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// A location as GB/T 33190 writes them: absolute from the package's root when it starts with
// '/', else relative to `base`; "." and ".." segments resolved.
std::string resolve(const std::string& base, const std::string& location) {
    const std::string joined = !location.empty() && location[0] == '/' ? location.substr(1) : base + location;
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= joined.size();) {
        const std::size_t slash = std::min(joined.find('/', start), joined.size());
        const std::string part = joined.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

// Whether `bytes` start as a font file does: an OpenType/TrueType font or collection, WOFF,
// or a Type 1 font (PFA or PFB).
bool font_signature(std::string_view bytes) {
    if (bytes.size() < 12) return false;
    const std::string_view head = bytes.substr(0, 4);
    for (std::string_view tag :
         {std::string_view("\0\1\0\0", 4), std::string_view("OTTO"), std::string_view("true"), std::string_view("typ1"),
          std::string_view("ttcf"), std::string_view("wOFF"), std::string_view("wOF2")})
        if (head == tag) return true;
    return bytes.starts_with("%!PS-AdobeFont") || bytes.starts_with("%!FontType1") ||
           (static_cast<unsigned char>(bytes[0]) == 0x80 && bytes[1] == 1);
}

class Package {
public:
    explicit Package(zip_t* z) : zip_(z) {}

    // The entry's index, found by its name with or without a leading '/'.
    zip_int64_t locate(const std::string& path) const {
        return zip_name_locate(zip_.get(), path.c_str(), ZIP_FL_ENC_GUESS);
    }

    // Reads one entry whole; false and `error` when it cannot.
    bool read(zip_int64_t index, std::string& out, std::string& error) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
            error = zip_strerror(zip_.get());
            return false;
        }
        if (st.size > kMaxPart) {
            error = "larger than " + std::to_string(kMaxPart >> 20) + " MiB";
            return false;
        }
        zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
        if (!file) {
            error = zip_strerror(zip_.get());
            return false;
        }
        out.assign(static_cast<std::size_t>(st.size), '\0');
        const zip_int64_t n = zip_fread(file, out.data(), st.size);
        const bool ok = n == static_cast<zip_int64_t>(st.size);
        if (!ok) error = zip_file_strerror(file);
        zip_fclose(file);
        return ok;
    }

    zip_int64_t entries() const { return zip_get_num_entries(zip_.get(), 0); }
    std::string name(zip_int64_t index) const {
        const char* n = zip_get_name(zip_.get(), static_cast<zip_uint64_t>(index), ZIP_FL_ENC_GUESS);
        return n ? n : "";
    }

private:
    ZipPtr zip_;
};

// Parses the part at `path` into `doc`; records why not in `facts` and returns false.
bool load_part(const Package& p, const std::string& path, pugi::xml_document& doc, OfdFacts& facts) {
    const zip_int64_t index = p.locate(path);
    if (index < 0) {
        facts.error = "the package has no " + path;
        return false;
    }
    std::string bytes, error;
    if (!p.read(index, bytes, error)) {
        facts.error = "cannot read " + path + ": " + error;
        return false;
    }
    const pugi::xml_parse_result parsed =
        doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default & ~pugi::parse_doctype);
    if (!parsed) {
        facts.error = path + " is not well-formed XML: " + parsed.description();
        return false;
    }
    return true;
}

// One document of the package (a DocRoot): its pages, and its fonts, each embedded or not.
void inspect_document(const Package& p, const std::string& doc_path, OfdFacts& facts) {
    pugi::xml_document doc;
    if (!load_part(p, doc_path, doc, facts)) return;
    const pugi::xml_node root = doc.document_element();
    if (local_name(root) != "Document") {
        facts.error = doc_path + ": the root element is <" + std::string(root.name()) + ">, not Document";
        return;
    }
    const std::string base = folder_of(doc_path);
    const pugi::xml_node pages = child(root, "Pages");
    for (const pugi::xml_node& page : children(pages, "Page")) {
        const std::string location = trimmed(page.attribute("BaseLoc").value());
        if (location.empty() || p.locate(resolve(base, location)) < 0) {
            facts.error = doc_path + ": page " + std::to_string(facts.pages + 1) + " has no content in the package (" +
                          (location.empty() ? "no BaseLoc" : resolve(base, location)) + ")";
            return;
        }
        ++facts.pages;
    }
    const pugi::xml_node common = child(root, "CommonData");
    std::vector<std::string> resources;
    for (const char* kind : {"PublicRes", "DocumentRes"})
        for (const pugi::xml_node& r : children(common, kind))
            resources.push_back(resolve(base, trimmed(r.text().get())));
    for (const std::string& res_path : resources) {
        pugi::xml_document res;
        if (!load_part(p, res_path, res, facts)) return;
        const std::string res_base =
            resolve(folder_of(res_path), trimmed(res.document_element().attribute("BaseLoc").value()));
        const std::string font_base = res_base.empty() ? std::string() : res_base + "/";
        for (const pugi::xml_node& fonts : children(res.document_element(), "Fonts"))
            for (const pugi::xml_node& font : children(fonts, "Font")) {
                ++facts.fonts;
                std::string name = font.attribute("FontName").value();
                if (name.empty()) name = "(font " + std::string(font.attribute("ID").value()) + ")";
                const std::string file = trimmed(child(font, "FontFile").text().get());
                if (file.empty()) {
                    facts.unembedded_fonts.push_back(name + " (no FontFile)");
                    continue;
                }
                const std::string path = resolve(font_base, file);
                const zip_int64_t index = p.locate(path);
                if (index < 0) {
                    facts.unembedded_fonts.push_back(name + " (FontFile " + path + " is not in the package)");
                } else if (std::string bytes, error; !p.read(index, bytes, error) || !font_signature(bytes)) {
                    facts.unembedded_fonts.push_back(name + " (FontFile " + path + " is " +
                                                     (error.empty() ? "not a font file" : "unreadable: " + error) +
                                                     ")");
                }
            }
    }
}

OfdFacts probe(zip_t* z, const std::string& open_error) {
    OfdFacts facts;
    if (!z) {
        facts.error = "not a zip container: " + open_error;
        return facts;
    }
    const Package p(z);
    pugi::xml_document ofd;
    if (!load_part(p, "OFD.xml", ofd, facts)) return facts;
    const pugi::xml_node root = ofd.document_element();
    if (local_name(root) != "OFD") {
        facts.error = "OFD.xml: the root element is <" + std::string(root.name()) + ">, not OFD";
        return facts;
    }
    facts.version = root.attribute("Version").value();
    const std::vector<pugi::xml_node> bodies = children(root, "DocBody");
    for (const pugi::xml_node& body : bodies) {
        const std::string doc_root = trimmed(child(body, "DocRoot").text().get());
        if (doc_root.empty()) {
            facts.error = "OFD.xml: a DocBody has no DocRoot";
            return facts;
        }
        inspect_document(p, resolve("", doc_root), facts);
        if (!facts.error.empty()) return facts;
    }
    if (bodies.empty()) {
        facts.error = "OFD.xml names no document (no DocBody)";
        return facts;
    }
    // Every other XML part must be well-formed too: a reader may need any of them.
    for (zip_int64_t i = 0; i < p.entries(); ++i) {
        const std::string name = p.name(i);
        if (!ends_with(lower(name), ".xml")) continue;
        std::string bytes, error;
        pugi::xml_document doc;
        if (!p.read(i, bytes, error)) {
            facts.bad_xml.push_back(name + ": " + error);
        } else if (const pugi::xml_parse_result parsed =
                       doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default & ~pugi::parse_doctype);
                   !parsed) {
            facts.bad_xml.push_back(name + ": " + parsed.description());
        }
        ++facts.xml_parts;
    }
    std::set<std::string> unique(facts.unembedded_fonts.begin(), facts.unembedded_fonts.end());
    facts.unembedded_fonts.assign(unique.begin(), unique.end());
    facts.opened = true;
    return facts;
}

std::string zip_open_error(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return message;
}

}  // namespace

OfdFacts probe_ofd_file(const std::string& path) {
    int code = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    return probe(z, z ? std::string() : zip_open_error(code));
}

OfdFacts probe_ofd_bytes(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* z = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    std::string message;
    if (!z) {
        message = zip_error_strerror(&error);
        if (source) zip_source_free(source);
    }
    zip_error_fini(&error);
    return probe(z, message);
}

}  // namespace gongwen::eep
