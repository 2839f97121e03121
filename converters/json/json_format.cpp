// The json format: the same content as the XML for scripts, read back and written as a stream.
#include "converters/registry.hpp"
#include "gongwen/json.hpp"

namespace gongwen {

namespace {

class JsonWriter : public Writer {
public:
    Artifact make(Rendering& r) const override {
        std::ostringstream out;
        write_json(r.document(), out, r.budget());
        return Artifact{std::move(out).str(), 0, "JSON", {}};
    }
    bool streams() const override { return true; }
    void stream(Rendering& r, std::ostream& out) const override { write_json(r.document(), out, r.budget()); }
};

}  // namespace

Format json_format() {
    Format f;
    f.name = "json";
    f.description = "the same content for scripts and jq; reads back";
    f.extensions = {"json"};
    f.read_extensions = {"json"};
    f.read = [](std::string&& bytes, const std::string& name, const Budget&) -> ReadResult {
        return read_json(bytes, name);
    };
    f.make_writer = [](const WriteOptions&) { return std::make_unique<JsonWriter>(); };
    return f;
}

}  // namespace gongwen
