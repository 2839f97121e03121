// The xml format: the native model, read back losslessly and written as a stream.
#include "converters/registry.hpp"
#include "gongwen/xml.hpp"

namespace gongwen {

namespace {

class XmlWriter : public Writer {
public:
    Artifact make(Rendering& r) const override {
        std::ostringstream out;
        write_xml(r.document(), out, r.budget());
        return Artifact{std::move(out).str(), 0, std::string("XML (") + kXmlNamespace + ")", {}};
    }
    bool streams() const override { return true; }
    void stream(Rendering& r, std::ostream& out) const override { write_xml(r.document(), out, r.budget()); }
};

}  // namespace

Format xml_format() {
    Format f;
    f.name = "xml";
    f.description = "the native model, lossless, with an XSD; reads back";
    f.extensions = {"xml"};
    f.read_extensions = {"xml"};
    f.read = [](std::string&& bytes, const std::string& name, const Budget&) -> ReadResult {
        return read_xml(bytes, name);
    };
    f.make_writer = [](const WriteOptions&) { return std::make_unique<XmlWriter>(); };
    return f;
}

}  // namespace gongwen
