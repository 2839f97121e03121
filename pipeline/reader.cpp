// Reading: bytes → the format's reader → the passes (for a raw document) → the catalog's
// indicators, once, whatever the format.
#include "gongwen/formats.hpp"
#include "gongwen/read.hpp"

namespace gongwen {

Reader::Reader(ReadOptions options) : options_(std::move(options)), mapper_(options_.catalog) {}

Document Reader::read_file(const std::string& path) const { return read_file(path, Budget(options_.limits, path)); }

Document Reader::read_file(const std::string& path, const Budget& budget) const {
    return read_bytes(read_input(path, budget), path, budget);
}

Document Reader::read_bytes(std::string bytes, const std::string& name) const {
    return read_bytes(std::move(bytes), name, Budget(options_.limits, name));
}

Document Reader::read_bytes(std::string bytes, const std::string& name, const Budget& budget) const {
    const Format* format = options_.format.empty() ? &format_for_input(name, bytes) : find_format(options_.format);
    if (!format || !format->reads()) throw Error(name, "gongwen does not read the format '" + options_.format + "'");
    ReadResult result = format->read(std::move(bytes), name, budget);
    Document doc = std::holds_alternative<RawDocument>(result)
                       ? run_passes(std::get<RawDocument>(std::move(result)), budget)
                       : std::get<Document>(std::move(result));
    mapper_.map(doc);
    return doc;
}

Document read_file(const std::string& path, const ReadOptions& options) { return Reader(options).read_file(path); }

Document read_bytes(std::string bytes, const std::string& name, const ReadOptions& options) {
    return Reader(options).read_bytes(std::move(bytes), name);
}

std::shared_ptr<const Catalog> load_catalog(const std::string& path) {
    return std::make_shared<const Catalog>(parse_catalog(read_input(path), path));
}

}  // namespace gongwen
