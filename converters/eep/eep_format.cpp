// The eep format: a DA/T 48 package around the report's PDF or OFD (made by the pdf or ofd
// format's writer, once, for every output that needs it), or around a PDF or OFD of the
// user's, with the native XML beside it when asked.
#include <filesystem>

#include "converters/registry.hpp"
#include "gongwen/eep.hpp"
#include "gongwen/xml.hpp"

namespace gongwen {

namespace {

class EepWriter : public Writer {
public:
    explicit EepWriter(const EepOptions& options) : options_(options) {}

    Artifact make(Rendering& r) const override {
        std::ostringstream out;
        stream(r, out);
        return Artifact{std::move(out).str(), 0, "DA/T 48 EEP", {}};
    }

    bool streams() const override { return true; }
    void stream(Rendering& r, std::ostream& out) const override {
        const Document& doc = r.document();
        const std::string creator = std::string("gongwen ") + GONGWEN_VERSION;
        std::vector<EepFile> files;
        if (options_.payload.empty()) {
            // 格式信息 of an OFD is its format's name (GB/T 33190 has no levels such as PDF/A's).
            const bool ofd = options_.format == "ofd";
            const Artifact& made = r.artifact(options_.format);
            files.push_back({eep_payload_name(doc, options_.format), ofd ? std::string("OFD") : made.format_info,
                             creator, "base64-" + options_.format, "", made.bytes, "", made.pages});
        } else {
            const std::filesystem::path path(options_.payload);
            files.push_back({path.filename().string(),
                             "",
                             "",
                             eep_payload_is_ofd(options_.payload) ? "base64-ofd" : "base64-pdf",
                             "",
                             {},
                             options_.payload,
                             0});
        }
        if (options_.include_xml) {
            const Artifact& xml = r.artifact("xml");
            files.push_back({eep_payload_name(doc, "xml"), xml.format_info, creator, "base64-xml",
                             "gongwen 文档模型（原生XML）", xml.bytes, "", 0});
        }
        EepOptions options = options_;
        options.ordinal = r.ordinal();
        write_eep(doc, files, options, out);
    }

private:
    EepOptions options_;
};

}  // namespace

Format eep_format() {
    Format f;
    f.name = "eep";
    f.description = "a DA/T 48 archival package (FILE.eep.xml) holding the PDF (or, --eep-format ofd, the OFD)";
    f.extensions = {"eep.xml"};
    f.make_writer = [](const WriteOptions& o) { return std::make_unique<EepWriter>(o.eep); };
    return f;
}

}  // namespace gongwen
