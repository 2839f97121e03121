// The template file of GIS annual reports (catalog/gis-template.xml): the built-in national
// formats and the reader of such files, with errors that name the file, the line and the problem.
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "catalog/gis_template_data.hpp"  // generated from catalog/gis-template.xml at build time
#include "converters/catalog/data_file.hpp"
#include "gongwen/error.hpp"
#include "gongwen/gis.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

constexpr const char* kGisNamespace = "urn:gongwen:gis-template:1";

class Reader : public DataFileReader {
public:
    using DataFileReader::DataFileReader;

    GisTemplate read(pugi::xml_node root) const;

private:
    GisFormat format(pugi::xml_node node) const;
    GisTable table(pugi::xml_node node) const;
    void rule(pugi::xml_node node, GisFormat& f) const;
    std::vector<std::string> variants(pugi::xml_node node) const;
};

// Words separated by spaces (ASCII or ideographic).
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char32_t cp : to_u32(text)) {
        if (is_space(cp)) {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            append_utf8(word, cp);
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

std::vector<std::string> Reader::variants(pugi::xml_node node) const {
    std::vector<std::string> out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::string(child.name()) != "variant")
            fail(child, "unknown element <" + std::string(child.name()) + "> in <" + node.name() + ">");
        check_attributes(child, {});
        const std::string v = child.text().get();
        if (v.empty()) fail(child, "an empty <variant>");
        out.push_back(v);
    }
    return out;
}

GisTable Reader::table(pugi::xml_node node) const {
    check_attributes(node, {"id", "title"});
    GisTable t;
    t.id = node.attribute("id").value();
    t.title = node.attribute("title").value();
    if (t.id.empty()) fail(node, "<table> needs an id");
    if (t.title.empty()) fail(node, "table '" + t.id + "' needs a title");
    std::set<std::string> column_ids, row_ids;
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string name = child.name();
        if (name == "column") {
            check_attributes(child, {"id", "label", "group", "unit"});
            GisColumn c;
            c.id = child.attribute("id").value();
            c.label = child.attribute("label").value();
            c.group = child.attribute("group").value();
            c.unit = child.attribute("unit").empty() ? "件" : child.attribute("unit").value();
            if (c.id.empty() || c.label.empty())
                fail(child, "a <column> of table '" + t.id + "' needs an id and a label");
            if (!column_ids.insert(c.id).second) fail(child, "column id '" + c.id + "' is used twice");
            c.variants = variants(child);
            t.columns.push_back(std::move(c));
        } else if (name == "row") {
            check_attributes(child, {"id", "label", "parent", "group", "columns"});
            GisRow r;
            r.id = child.attribute("id").value();
            r.label = child.attribute("label").value();
            r.parent = child.attribute("parent").value();
            r.group = child.attribute("group").value();
            if (r.id.empty() || r.label.empty()) fail(child, "a <row> of table '" + t.id + "' needs an id and a label");
            if (!row_ids.insert(r.id).second) fail(child, "row id '" + r.id + "' is used twice");
            if (child.attribute("columns").empty()) {
                for (const GisColumn& c : t.columns) r.columns.push_back(c.id);
            } else {
                r.columns = words(child.attribute("columns").value());
            }
            for (const std::string& c : r.columns)
                if (!column_ids.count(c))
                    fail(child, "row '" + r.id + "' names column '" + c + "', not defined before it");
            r.variants = variants(child);
            t.rows.push_back(std::move(r));
        } else {
            fail(child, "unknown element <" + name + "> in <table>");
        }
    }
    if (t.rows.empty() || t.columns.empty()) fail(node, "table '" + t.id + "' needs columns and rows");
    for (const GisRow& r : t.rows) {
        for (const std::string& cid : r.columns) {
            const GisColumn& c =
                *std::find_if(t.columns.begin(), t.columns.end(), [&](const GisColumn& x) { return x.id == cid; });
            GisCell cell;
            cell.id = "gis." + t.id + "." + r.id + "." + c.id;
            cell.table = t.id;
            cell.row = r.id;
            cell.column = c.id;
            cell.row_label = r.parent.empty() ? r.label : r.parent + " " + r.label;
            cell.column_label = c.label;
            cell.column_group = r.group.empty() ? c.group : r.group;
            cell.unit = c.unit;
            t.cells.push_back(std::move(cell));
        }
    }
    return t;
}

void Reader::rule(pugi::xml_node node, GisFormat& f) const {
    check_attributes(node, {"name", "table", "each", "left", "right"});
    const std::string name = node.attribute("name").value();
    const std::string each = node.attribute("each").value();
    const std::vector<std::string> left = words(node.attribute("left").value());
    const std::vector<std::string> right = words(node.attribute("right").value());
    if (name.empty()) fail(node, "<rule> needs a name");
    if (left.empty() || right.empty()) fail(node, "rule '" + name + "' needs left and right");
    if (each.empty()) {
        for (const auto* side : {&left, &right})
            for (const std::string& id : *side)
                if (!f.cell(id)) fail(node, "rule '" + name + "' names cell '" + id + "', not in format " + f.id);
        f.rules.push_back({name, left, right});
        return;
    }
    const GisTable* t = f.table(node.attribute("table").value());
    if (!t) fail(node, "rule '" + name + "' needs the table it stands for");
    auto has_row = [&](const std::string& id) {
        return std::any_of(t->rows.begin(), t->rows.end(), [&](const GisRow& r) { return r.id == id; });
    };
    auto has_column = [&](const std::string& id) {
        return std::any_of(t->columns.begin(), t->columns.end(), [&](const GisColumn& c) { return c.id == id; });
    };
    auto ids = [&](const std::vector<std::string>& names, const std::string& row, const std::string& column) {
        std::vector<std::string> out;
        for (const std::string& n : names) {
            const std::string id = "gis." + t->id + "." + (row.empty() ? n : row) + "." + (column.empty() ? n : column);
            if (f.cell(id)) out.push_back(id);
        }
        return out;
    };
    if (each == "row") {
        for (const auto* side : {&left, &right})
            for (const std::string& c : *side)
                if (!has_column(c)) fail(node, "rule '" + name + "' names column '" + c + "', not in table " + t->id);
        for (const GisRow& r : t->rows) {
            GisRule g{replace_all(name, "{row}", r.id), ids(left, r.id, ""), ids(right, r.id, "")};
            if (g.left.size() == left.size() && !g.right.empty()) f.rules.push_back(std::move(g));
        }
    } else if (each == "column") {
        for (const auto* side : {&left, &right})
            for (const std::string& r : *side)
                if (!has_row(r)) fail(node, "rule '" + name + "' names row '" + r + "', not in table " + t->id);
        for (const GisColumn& c : t->columns) {
            GisRule g{replace_all(name, "{column}", c.id), ids(left, "", c.id), ids(right, "", c.id)};
            if (g.left.size() == left.size() && !g.right.empty()) f.rules.push_back(std::move(g));
        }
    } else {
        fail(node, "rule '" + name + "': each must be row or column, not '" + each + "'");
    }
}

GisFormat Reader::format(pugi::xml_node node) const {
    check_attributes(node, {"id", "basis"});
    GisFormat f;
    f.id = node.attribute("id").value();
    f.basis = node.attribute("basis").value();
    if (f.id.empty()) fail(node, "<format> needs an id");
    std::set<std::string> table_ids;
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string name = child.name();
        if (name == "detect") {
            check_attributes(child, {});
            f.detect = words(child.text().get());
        } else if (name == "table") {
            GisTable t = table(child);
            if (!table_ids.insert(t.id).second) fail(child, "table id '" + t.id + "' is used twice");
            f.tables.push_back(std::move(t));
        } else if (name == "rule") {
            rule(child, f);
        } else {
            fail(child, "unknown element <" + name + "> in <format>");
        }
    }
    if (f.tables.empty()) fail(node, "format '" + f.id + "' has no tables");
    if (f.detect.empty()) fail(node, "format '" + f.id + "' has no <detect> words");
    return f;
}

GisTemplate Reader::read(pugi::xml_node root) const {
    if (std::string(root.name()) != "gis-template")
        fail(root, "the root element must be <gis-template>, not <" + std::string(root.name()) + ">");
    const pugi::xml_attribute ns = root.attribute("xmlns");
    if (ns && std::string(ns.value()) != kGisNamespace)
        fail(root, "the template namespace is " + std::string(kGisNamespace) + ", not " + ns.value());
    check_attributes(root, {"version"});
    GisTemplate t;
    std::set<std::string> ids;
    for (pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::string(child.name()) != "format")
            fail(child, "unknown element <" + std::string(child.name()) + "> (expected <format>)");
        GisFormat f = format(child);
        if (!ids.insert(f.id).second) fail(child, "format id '" + f.id + "' is used twice");
        t.formats.push_back(std::move(f));
    }
    if (t.formats.empty()) fail(root, "the template has no formats");
    return t;
}

}  // namespace

const GisTable* GisFormat::table(std::string_view id) const {
    for (const GisTable& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

const GisCell* GisFormat::cell(std::string_view id) const {
    for (const GisTable& t : tables)
        for (const GisCell& c : t.cells)
            if (c.id == id) return &c;
    return nullptr;
}

const GisFormat* GisTemplate::format(std::string_view id) const {
    for (const GisFormat& f : formats)
        if (f.id == id) return &f;
    return nullptr;
}

GisTemplate parse_gis_template(std::string_view xml, const std::string& file) {
    pugi::xml_document doc;
    const pugi::xml_parse_result result =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    Reader reader(xml, file);
    if (!result) reader.fail(result.offset, std::string("not well-formed XML: ") + result.description());
    if (!doc.document_element()) reader.fail(0, "no root element");
    return reader.read(doc.document_element());
}

const GisTemplate& builtin_gis_template() {
    static const GisTemplate t = parse_gis_template(kGisTemplateXml, "gis-template.xml");
    return t;
}

}  // namespace gongwen
