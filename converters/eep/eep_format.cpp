// The eep format: a DA/T 48 package around the report's PDF (made by the pdf format's writer,
// once, for every output that needs it), or around a PDF of the user's, with the native XML
// beside it when asked.
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
            const Artifact& pdf = r.artifact("pdf");
            files.push_back(
                {eep_payload_name(doc, "pdf"), pdf.format_info, creator, "base64-pdf", "", pdf.bytes, "", pdf.pages});
        } else {
            files.push_back({std::filesystem::path(options_.payload).filename().string(),
                             "",
                             "",
                             "base64-pdf",
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
    f.description = "a DA/T 48 archival package (FILE.eep.xml) holding the PDF";
    f.extensions = {"eep.xml"};
    f.make_writer = [](const WriteOptions& o) { return std::make_unique<EepWriter>(o.eep); };
    return f;
}

}  // namespace gongwen
