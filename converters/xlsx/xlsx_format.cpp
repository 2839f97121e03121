// The xlsx format: one report's workbook, with the run's catalog.
#include "converters/registry.hpp"
#include "gongwen/xlsx.hpp"

namespace gongwen {

namespace {

class XlsxWriter : public Writer {
public:
    explicit XlsxWriter(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {}
    Artifact make(Rendering& r) const override {
        return Artifact{write_xlsx(r.document(), catalog_.get()), 0, "XLSX", {}};
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

}  // namespace

Format xlsx_format() {
    Format f;
    f.name = "xlsx";
    f.description = "the summary workbook of one report";
    f.extensions = {"xlsx"};
    f.make_writer = [](const WriteOptions& o) { return std::make_unique<XlsxWriter>(o.catalog); };
    return f;
}

}  // namespace gongwen
