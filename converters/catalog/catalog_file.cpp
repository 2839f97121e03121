// The catalog file format: the built-in v1 catalog and users' files, with errors that name the
// file, the line and the problem.
#include "gongwen/catalog.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <set>

#include "catalog/catalog_data.hpp"  // generated from catalog/indicators-v1.xml at build time
#include "converters/catalog/data_file.hpp"
#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

constexpr const char* kCatalogNamespace = "urn:gongwen:catalog:1";
constexpr const char* kBuiltinId = "gongwen-v1";

class Reader : public DataFileReader {
public:
    using DataFileReader::DataFileReader;

    Catalog read(pugi::xml_node root, const Catalog* base) const;

private:
    std::vector<std::string> words(pugi::xml_node node) const;
    Indicator indicator(pugi::xml_node node, const std::string& category, const std::string& category_id) const;
};

// Words separated by spaces (ASCII or ideographic).
std::vector<std::string> Reader::words(pugi::xml_node node) const {
    std::vector<std::string> out;
    std::string word;
    for (char32_t cp : to_u32(node.text().get())) {
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

Rule rule_of(const std::string& name, bool& ok) {
    ok = true;
    if (name == "sum" || name.empty()) return Rule::sum;
    if (name == "max") return Rule::max;
    if (name == "total") return Rule::total;
    ok = false;
    return Rule::sum;
}

Indicator Reader::indicator(pugi::xml_node node, const std::string& category, const std::string& category_id) const {
    check_attributes(node, {"id", "rule"});
    Indicator ind;
    ind.id = node.attribute("id").value();
    if (ind.id.empty()) fail(node, "<indicator> needs an id");
    bool ok = true;
    ind.rule = rule_of(node.attribute("rule").value(), ok);
    if (!ok)
        fail(node, "indicator '" + ind.id + "': rule must be sum, max or total, not '" +
                       node.attribute("rule").value() + "'");
    ind.category = category;
    ind.category_id = category_id;
    ind.origin = file_;
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string name = child.name();
        if (name == "label")
            ind.label = child.text().get();
        else if (name == "units")
            ind.units = words(child);
        else if (name == "cues")
            ind.cues = words(child);
        else if (name == "require")
            ind.require = words(child);
        else if (name == "exclude")
            ind.exclude = words(child);
        else if (name == "example")
            ind.example = child.text().get();
        else
            fail(child, "indicator '" + ind.id + "': unknown element <" + name + ">");
    }
    if (ind.label.empty()) fail(node, "indicator '" + ind.id + "' has no <label>");
    if (ind.units.empty()) fail(node, "indicator '" + ind.id + "' has no <units>");
    if (ind.cues.empty()) fail(node, "indicator '" + ind.id + "' has no <cues>");
    return ind;
}

// Adds `ind` after the last indicator of its category, or replaces the one with its id.
void place(Catalog& c, Indicator ind) {
    auto same =
        std::find_if(c.indicators.begin(), c.indicators.end(), [&](const Indicator& x) { return x.id == ind.id; });
    if (same != c.indicators.end()) {
        *same = std::move(ind);
        return;
    }
    auto last = std::find_if(c.indicators.rbegin(), c.indicators.rend(),
                             [&](const Indicator& x) { return x.category_id == ind.category_id; });
    c.indicators.insert(last == c.indicators.rend() ? c.indicators.end() : last.base(), std::move(ind));
}

Catalog Reader::read(pugi::xml_node root, const Catalog* base) const {
    if (std::string(root.name()) != "catalog")
        fail(root, "the root element must be <catalog>, not <" + std::string(root.name()) + ">");
    const pugi::xml_attribute ns = root.attribute("xmlns");
    if (ns && std::string(ns.value()) != kCatalogNamespace)
        fail(root, "the catalog namespace is " + std::string(kCatalogNamespace) + ", not " + ns.value());
    check_attributes(root, {"id", "version", "label", "extends"});
    const std::string extends = root.attribute("extends").value();
    if (!extends.empty() && extends != kBuiltinId)
        fail(root, "extends names '" + extends + "'; only " + kBuiltinId + " can be extended");
    Catalog c = !extends.empty() && base ? *base : Catalog{};
    c.id = root.attribute("id").value();
    c.version = root.attribute("version").value();
    c.label = root.attribute("label").value();
    std::set<std::string> seen;
    for (pugi::xml_node category : root.children()) {
        if (category.type() != pugi::node_element) continue;
        if (std::string(category.name()) != "category")
            fail(category, "unknown element <" + std::string(category.name()) + "> (expected <category>)");
        check_attributes(category, {"id", "label"});
        const std::string label = category.attribute("label").value();
        if (label.empty()) fail(category, "<category> needs a label");
        const std::string cid = category.attribute("id").empty() ? label : category.attribute("id").value();
        for (pugi::xml_node node : category.children()) {
            if (node.type() != pugi::node_element) continue;
            if (std::string(node.name()) != "indicator")
                fail(node, "unknown element <" + std::string(node.name()) + "> (expected <indicator>)");
            Indicator ind = indicator(node, label, cid);
            if (!seen.insert(ind.id).second) fail(node, "indicator id '" + ind.id + "' is used twice");
            place(c, std::move(ind));
        }
    }
    if (c.indicators.empty()) fail(root, "the catalog has no indicators");
    return c;
}

Catalog parse_with(std::string_view xml, const std::string& file, const Catalog* base) {
    pugi::xml_document doc;
    const pugi::xml_parse_result result =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    Reader reader(xml, file);
    if (!result) reader.fail(result.offset, std::string("not well-formed XML: ") + result.description());
    if (!doc.document_element()) reader.fail(0, "no root element");
    return reader.read(doc.document_element(), base);
}

}  // namespace

std::shared_ptr<const Catalog> builtin_catalog() {
    static const std::shared_ptr<const Catalog> catalog =
        std::make_shared<const Catalog>(parse_with(kCatalogV1Xml, kBuiltinId, nullptr));
    return catalog;
}

const Catalog& default_catalog() { return *builtin_catalog(); }

Catalog parse_catalog(std::string_view xml, const std::string& file) {
    return parse_with(xml, file, &default_catalog());
}

}  // namespace gongwen
