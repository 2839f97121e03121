#include "gongwen/xml.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <pugixml.hpp>

#include "gongwen/error.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

// ---------------------------------------------------------------------------------------------
// Shared by writer and reader

struct FieldSlot {
    const char* name;
    Field Metadata::*field;
};

// Schema order: the writer emits fields in this order and the reader insists on it.
constexpr std::array<FieldSlot, 15> kFields{{
    {"title", &Metadata::title},
    {"organisation", &Metadata::organisation},
    {"year", &Metadata::year},
    {"published", &Metadata::published},
    {"published-time", &Metadata::published_time},
    {"index-number", &Metadata::index_number},
    {"document-number", &Metadata::document_number},
    {"addressee", &Metadata::addressee},
    {"signer", &Metadata::signer},
    {"signed-date", &Metadata::signed_date},
    {"source", &Metadata::source},
    {"publisher", &Metadata::publisher},
    {"source-url", &Metadata::source_url},
    {"category", &Metadata::category},
    {"keywords", &Metadata::keywords},
}};

std::string xml_name(std::string_view snake_case) {
    std::string out(snake_case);
    for (char& c : out)
        if (c == '_') c = '-';
    return out;
}

// Code points valid UTF-8 can hold but XML 1.0's Char production excludes.
bool xml_forbids(char32_t cp) {
    return (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0D) || cp == 0xFFFE || cp == 0xFFFF;
}

std::string hex(unsigned value, int digits) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    return out;
}

// The one spelling of a <char code>: canonical so that output stays deterministic.
std::string char_code(char32_t cp) { return hex(static_cast<unsigned>(cp), cp < 0x100 ? 2 : 4); }

// ---------------------------------------------------------------------------------------------
// Writer. The tree and its indentation come from pugixml; text content is escaped here
// because pugixml writes CR raw (parsers would turn it into LF) and C0 controls as &#N;
// (not well-formed XML 1.0). Hence format_no_escapes: every value handed to pugixml below is
// already escaped, and attributes only ever hold digits, "true"/"false" and fixed strings.

std::string escape_content(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = utf8_sequence(s, i, cp);
        if (len == 0) {
            out += "<byte value=\"" + hex(static_cast<unsigned char>(s[i]), 2) + "\" />";
            ++i;
            continue;
        }
        if (xml_forbids(cp))
            out += "<char code=\"" + char_code(cp) + "\" />";
        else if (cp == '&')
            out += "&amp;";
        else if (cp == '<')
            out += "&lt;";
        else if (cp == '>')
            out += "&gt;";
        else if (cp == '\r')
            out += "&#13;";
        else
            out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

void set_attribute(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_attribute(name).set_value(value.c_str());
}

void set_span(pugi::xml_node node, Span span) {
    set_attribute(node, "start", std::to_string(span.start));
    set_attribute(node, "end", std::to_string(span.end));
}

const char* boolean_text(bool value) { return value ? "true" : "false"; }

// Empty strings become an empty element: pugixml then writes `<name />` on one line.
pugi::xml_node add_text(pugi::xml_node parent, const std::string& name, std::string_view value) {
    pugi::xml_node element = parent.append_child(name.c_str());
    if (!value.empty()) element.append_child(pugi::node_pcdata).set_value(escape_content(value).c_str());
    return element;
}

void write_source(pugi::xml_node root, const Source& source) {
    pugi::xml_node node = root.append_child("source");
    set_attribute(node, "size", std::to_string(source.size));
    set_attribute(node, "charset-guessed", boolean_text(source.charset_guessed));
    add_text(node, "name", source.name);
    add_text(node, "sha256", source.sha256);
    add_text(node, "charset", source.charset);
}

void write_metadata(pugi::xml_node root, const Metadata& metadata) {
    pugi::xml_node node = root.append_child("metadata");
    for (const FieldSlot& slot : kFields) {
        const Field& field = metadata.*slot.field;
        // A field with an empty value may still carry a span or the inferred flag.
        if (field == Field{}) continue;
        pugi::xml_node element = add_text(node, slot.name, field.value);
        set_attribute(element, "inferred", boolean_text(field.inferred));
        set_span(element, field.span);
    }
    for (const ExtraField& extra : metadata.extra) {
        pugi::xml_node element = node.append_child("extra");
        set_span(element, extra.span);
        add_text(element, "key", extra.key);
        add_text(element, "value", extra.value);
    }
}

void check_block(const Block& block, std::size_t index) {
    const std::string where = "write_xml: block " + std::to_string(index) + " (" + to_string(block.kind) + ")";
    if (block.kind == BlockKind::heading && (block.level < 1 || block.level > 4))
        throw std::invalid_argument(where + " has level " + std::to_string(block.level) + ", not 1–4");
    if (block.kind != BlockKind::heading && block.level != 0)
        throw std::invalid_argument(where + " has a level but is not a heading");
    if (block.kind != BlockKind::paragraph && !block.items.empty())
        throw std::invalid_argument(where + " has items but is not a paragraph");
    if (block.kind != BlockKind::table && !block.rows.empty())
        throw std::invalid_argument(where + " has table rows but is not a table");
    if (block.kind != BlockKind::image && !block.target.empty())
        throw std::invalid_argument(where + " has a target but is not an image");
    for (const TableRow& row : block.rows)
        for (const TableCell& cell : row.cells)
            if (cell.row_span < 1 || cell.col_span < 1)
                throw std::invalid_argument(where + " has a cell spanning fewer than one row or column");
}

void write_block(pugi::xml_node parent, const Block& block) {
    pugi::xml_node node = parent.append_child(xml_name(to_string(block.kind)).c_str());
    if (block.kind == BlockKind::heading) set_attribute(node, "level", std::to_string(block.level));
    set_span(node, block.span);
    if (!block.marker.empty()) add_text(node, "marker", block.marker);
    add_text(node, "text", block.text);
    for (const Item& item : block.items) {
        pugi::xml_node element = node.append_child("item");
        set_span(element, item.span);
        if (!item.marker.empty()) add_text(element, "marker", item.marker);
        add_text(element, "text", item.text);
    }
    for (const TableRow& row : block.rows) {
        pugi::xml_node row_node = node.append_child("row");
        set_attribute(row_node, "header", boolean_text(row.header));
        for (const TableCell& cell : row.cells) {
            pugi::xml_node element = add_text(row_node, "cell", cell.text);
            set_attribute(element, "header", boolean_text(cell.header));
            set_attribute(element, "rowspan", std::to_string(cell.row_span));
            set_attribute(element, "colspan", std::to_string(cell.col_span));
            set_span(element, cell.span);
        }
    }
    if (block.kind == BlockKind::image) add_text(node, "target", block.target);
}

void write_fact(pugi::xml_node parent, const Fact& fact) {
    pugi::xml_node element = parent.append_child("fact");
    set_attribute(element, "block", std::to_string(fact.block));
    set_attribute(element, "zero", boolean_text(fact.zero));
    set_span(element, fact.span);
    set_attribute(element, "quote-start", std::to_string(fact.quote_span.start));
    set_attribute(element, "quote-end", std::to_string(fact.quote_span.end));
    add_text(element, "value", fact.value);
    if (!fact.value_max.empty()) add_text(element, "value-max", fact.value_max);
    add_text(element, "value-text", fact.value_text);
    add_text(element, "unit", fact.unit);
    if (!fact.implied_unit.empty()) add_text(element, "implied-unit", fact.implied_unit);
    if (!fact.qualifier.empty()) add_text(element, "qualifier", fact.qualifier);
    add_text(element, "subject", fact.subject);
    if (!fact.indicator.empty()) add_text(element, "indicator", fact.indicator);
    add_text(element, "quote", fact.quote);
}

void write_diagnostic(pugi::xml_node parent, const Diagnostic& diagnostic) {
    pugi::xml_node element = parent.append_child("diagnostic");
    set_attribute(element, "count", std::to_string(diagnostic.count));
    add_text(element, "kind", diagnostic.kind);
    add_text(element, "message", diagnostic.message);
    for (const Span& span : diagnostic.spans) set_span(element.append_child("span"), span);
}

// A report in the national GIS format: <gis><format/><check passed>… after the diagnostics.
void write_gis(pugi::xml_node parent, const GisReport& gis) {
    pugi::xml_node element = parent.append_child("gis");
    add_text(element, "format", gis.format);
    for (const GisCheck& c : gis.checks) {
        pugi::xml_node check = element.append_child("check");
        set_attribute(check, "passed", boolean_text(c.passed));
        add_text(check, "rule", c.rule);
        for (const std::string& id : c.left) add_text(check, "left", id);
        for (const std::string& id : c.right) add_text(check, "right", id);
        add_text(check, "left-value", c.left_value);
        add_text(check, "right-value", c.right_value);
    }
}

// ---------------------------------------------------------------------------------------------
// Reader. pugixml parses with entity decoding off: references are decoded here, so that only
// XML's five predefined entities and character references to XML characters are accepted
// (pugixml would pass an undefined &foo; through as text and decode &#1; without complaint).

constexpr unsigned kParseFlags = pugi::parse_cdata | pugi::parse_wconv_attribute | pugi::parse_eol |
                                 pugi::parse_ws_pcdata | pugi::parse_doctype | pugi::parse_declaration;

bool is_xml_space(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string element_label(pugi::xml_node node) { return std::string("<") + node.name() + ">"; }

// The element children of one parent, consumed in schema order.
struct Children {
    pugi::xml_node parent;
    std::vector<pugi::xml_node> nodes;
    std::size_t next = 0;
};

class XmlReader {
public:
    XmlReader(std::string_view input, const std::string& name) : input_(input), name_(name) {}
    Document read();

private:
    std::string_view input_;
    const std::string& name_;
    pugi::xml_document xml_;

    [[noreturn]] void fail_at(std::ptrdiff_t offset, const std::string& problem) const;
    [[noreturn]] void fail(pugi::xml_node where, const std::string& problem) const {
        fail_at(where.offset_debug(), problem);
    }
    void check_characters() const;
    pugi::xml_node root_element();
    void check_root(pugi::xml_node root) const;

    Children children(pugi::xml_node parent) const;
    pugi::xml_node take_optional(Children& children, const char* name) const;
    pugi::xml_node take(Children& children, const char* name) const;
    void finish(const Children& children) const;

    void check_attributes(pugi::xml_node node, std::initializer_list<std::string_view> allowed) const;
    std::string attribute(pugi::xml_node node, const char* name) const;
    template <class Number>
    Number number(pugi::xml_node node, const char* name) const;
    bool boolean(pugi::xml_node node, const char* name) const;
    Span span(pugi::xml_node node) const;

    std::string decode_references(std::string_view raw, pugi::xml_node where) const;
    std::string character_reference(std::string_view ref, pugi::xml_node where) const;
    std::string escaped_character(pugi::xml_node element) const;
    std::string text_content(pugi::xml_node node) const;
    std::string text_element(pugi::xml_node node) const;

    Source read_source(pugi::xml_node node) const;
    Field read_field(pugi::xml_node node) const;
    ExtraField read_extra(pugi::xml_node node) const;
    Metadata read_metadata(pugi::xml_node node) const;
    BlockKind block_kind(pugi::xml_node node) const;
    Item read_item(pugi::xml_node node) const;
    Block read_block(pugi::xml_node node) const;
    TableRow read_row(pugi::xml_node node) const;
    Fact read_fact(pugi::xml_node node) const;
    Diagnostic read_diagnostic(pugi::xml_node node) const;
    GisReport read_gis(pugi::xml_node node) const;
};

void XmlReader::fail_at(std::ptrdiff_t offset, const std::string& problem) const {
    if (offset < 0 || static_cast<std::size_t>(offset) > input_.size()) throw Error(name_, problem);
    std::size_t line = 1;
    for (std::size_t i = 0; i < static_cast<std::size_t>(offset); ++i)
        if (input_[i] == '\n') ++line;
    throw Error(name_, "line " + std::to_string(line) + ": " + problem);
}

// pugixml accepts raw control characters and invalid UTF-8; well-formed XML 1.0 does not.
void XmlReader::check_characters() const {
    for (std::size_t i = 0; i < input_.size();) {
        char32_t cp = 0;
        const std::size_t len = utf8_sequence(input_, i, cp);
        const auto offset = static_cast<std::ptrdiff_t>(i);
        if (len == 0)
            fail_at(offset, "byte 0x" + hex(static_cast<unsigned char>(input_[i]), 2) + " is not valid UTF-8");
        if (xml_forbids(cp)) fail_at(offset, "character U+" + hex(cp, 4) + " is not allowed in XML 1.0");
        i += len;
    }
}

pugi::xml_node XmlReader::root_element() {
    pugi::xml_node root;
    for (pugi::xml_node node : xml_.children()) {
        if (node.type() == pugi::node_doctype)
            fail(node, "DOCTYPE declarations are not allowed (no DTD or entity is ever expanded)");
        if (node.type() == pugi::node_declaration) {
            const std::string version = node.attribute("version").value();
            std::string encoding = node.attribute("encoding").value();
            if (version != "1.0") fail(node, "XML version \"" + version + "\" is not 1.0");
            for (char& ch : encoding)
                if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
            if (!encoding.empty() && encoding != "UTF-8") fail(node, "encoding \"" + encoding + "\" is not UTF-8");
        }
        if (node.type() == pugi::node_pcdata && !is_xml_space(node.value()))
            fail(node, "text outside the root element");
        if (node.type() != pugi::node_element) continue;
        if (root) fail(node, "more than one root element");
        root = node;
    }
    if (!root) throw Error(name_, "no root element");
    return root;
}

void XmlReader::check_root(pugi::xml_node root) const {
    const std::string expected = std::string("root element <document> in namespace ") + kXmlNamespace;
    if (std::string_view(root.name()) != "document")
        fail(root, "expected " + expected + ", found " + element_label(root));
    const pugi::xml_attribute ns = root.attribute("xmlns");
    if (!ns || std::string_view(ns.value()) != kXmlNamespace)
        fail(root, "wrong namespace \"" + std::string(ns.value()) + "\": expected " + expected);
    const pugi::xml_attribute version = root.attribute("version");
    if (!version || std::string_view(version.value()) != kModelVersion)
        fail(root, "unknown version \"" + std::string(version.value()) + "\" (this reader reads version " +
                       kModelVersion + ")");
    check_attributes(root, {"xmlns", "version"});
}

Children XmlReader::children(pugi::xml_node parent) const {
    Children out{parent, {}, 0};
    for (pugi::xml_node node : parent.children()) {
        if (node.type() == pugi::node_element)
            out.nodes.push_back(node);
        else if (node.type() == pugi::node_cdata || !is_xml_space(node.value()))
            fail(node, "unexpected text in " + element_label(parent));
    }
    return out;
}

pugi::xml_node XmlReader::take_optional(Children& children, const char* name) const {
    if (children.next == children.nodes.size()) return {};
    pugi::xml_node node = children.nodes[children.next];
    if (std::string_view(node.name()) != name) return {};
    ++children.next;
    return node;
}

pugi::xml_node XmlReader::take(Children& children, const char* name) const {
    if (pugi::xml_node node = take_optional(children, name)) return node;
    if (children.next < children.nodes.size())
        fail(children.nodes[children.next], std::string("expected <") + name + "> in " +
                                                element_label(children.parent) + ", found " +
                                                element_label(children.nodes[children.next]));
    fail(children.parent, element_label(children.parent) + " lacks <" + name + ">");
}

void XmlReader::finish(const Children& children) const {
    if (children.next == children.nodes.size()) return;
    const pugi::xml_node node = children.nodes[children.next];
    fail(node, "unexpected " + element_label(node) + " in " + element_label(children.parent) +
                   " (unknown, repeated or out of schema order)");
}

void XmlReader::check_attributes(pugi::xml_node node, std::initializer_list<std::string_view> allowed) const {
    for (pugi::xml_attribute a : node.attributes()) {
        const std::string_view name = a.name();
        bool known = false;
        for (std::string_view candidate : allowed) known = known || candidate == name;
        if (!known) fail(node, "unexpected attribute " + std::string(name) + " on " + element_label(node));
        for (pugi::xml_attribute b = a.next_attribute(); b; b = b.next_attribute())
            if (name == b.name()) fail(node, "attribute " + std::string(name) + " repeated");
    }
}

std::string XmlReader::attribute(pugi::xml_node node, const char* name) const {
    const pugi::xml_attribute a = node.attribute(name);
    if (!a) fail(node, element_label(node) + " lacks attribute " + name);
    return decode_references(a.value(), node);
}

template <class Number>
Number XmlReader::number(pugi::xml_node node, const char* name) const {
    const std::string text = attribute(node, name);
    Number value{};
    const char* end = text.data() + text.size();
    // from_chars would accept a minus sign for signed types: only plain digits are offsets.
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || text[0] < '0' || text[0] > '9' || ec != std::errc{} || ptr != end)
        fail(node, element_label(node) + " attribute " + name + "=\"" + text + "\" is not a non-negative integer");
    return value;
}

bool XmlReader::boolean(pugi::xml_node node, const char* name) const {
    const std::string text = attribute(node, name);
    if (text != "true" && text != "false")
        fail(node, element_label(node) + " attribute " + name + "=\"" + text + "\" is not true or false");
    return text == "true";
}

Span XmlReader::span(pugi::xml_node node) const {
    return Span{number<std::size_t>(node, "start"), number<std::size_t>(node, "end")};
}

std::string XmlReader::decode_references(std::string_view raw, pugi::xml_node where) const {
    std::string out;
    std::size_t done = 0;
    for (std::size_t amp = raw.find('&'); amp != std::string_view::npos; amp = raw.find('&', done)) {
        out.append(raw.substr(done, amp - done));
        const std::size_t semi = raw.find(';', amp);
        if (semi == std::string_view::npos) fail(where, "unterminated reference in " + element_label(where));
        const std::string_view ref = raw.substr(amp + 1, semi - amp - 1);
        if (ref == "lt")
            out += '<';
        else if (ref == "gt")
            out += '>';
        else if (ref == "amp")
            out += '&';
        else if (ref == "quot")
            out += '"';
        else if (ref == "apos")
            out += '\'';
        else if (ref.starts_with('#'))
            out += character_reference(ref.substr(1), where);
        else
            fail(where, "undefined entity &" + std::string(ref) + "; in " + element_label(where));
        done = semi + 1;
    }
    out.append(raw.substr(done));
    return out;
}

std::string XmlReader::character_reference(std::string_view ref, pugi::xml_node where) const {
    const bool is_hex = ref.starts_with('x');
    const std::string_view digits = is_hex ? ref.substr(1) : ref;
    std::uint32_t cp = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, is_hex ? 16 : 10);
    const bool valid = !digits.empty() && ec == std::errc{} && ptr == digits.data() + digits.size() && cp > 0 &&
                       cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && !xml_forbids(cp);
    if (!valid) fail(where, "&#" + std::string(ref) + "; is not a reference to an XML character");
    return utf8_of(cp);
}

// <char code="1B"/> and <byte value="C3"/>: what write_xml uses for what XML cannot carry.
std::string XmlReader::escaped_character(pugi::xml_node element) const {
    const std::string_view name = element.name();
    if (element.first_child()) fail(element, element_label(element) + " must be empty");
    if (name == "char") {
        check_attributes(element, {"code"});
        const std::string code = attribute(element, "code");
        std::uint32_t cp = 0;
        std::from_chars(code.data(), code.data() + code.size(), cp, 16);
        if (!xml_forbids(cp) || char_code(cp) != code)
            fail(element, "<char code=\"" + code + "\"> is not a character XML forbids (write it as text)");
        return utf8_of(cp);
    }
    if (name == "byte") {
        check_attributes(element, {"value"});
        const std::string value = attribute(element, "value");
        unsigned byte = 0;
        std::from_chars(value.data(), value.data() + value.size(), byte, 16);
        if (byte < 0x80 || byte > 0xFF || hex(byte, 2) != value)
            fail(element, "<byte value=\"" + value + "\"> is not a byte from 80 to FF");
        return std::string(1, static_cast<char>(byte));
    }
    fail(element, "unexpected " + element_label(element) + " in text");
}

std::string XmlReader::text_content(pugi::xml_node node) const {
    std::string out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata)
            out += decode_references(child.value(), node);
        else if (child.type() == pugi::node_cdata)
            out += child.value();
        else if (child.type() == pugi::node_element)
            out += escaped_character(child);
    }
    return out;
}

std::string XmlReader::text_element(pugi::xml_node node) const {
    check_attributes(node, {});
    return text_content(node);
}

Source XmlReader::read_source(pugi::xml_node node) const {
    check_attributes(node, {"size", "charset-guessed"});
    Source source;
    source.size = number<std::uint64_t>(node, "size");
    source.charset_guessed = boolean(node, "charset-guessed");
    Children c = children(node);
    source.name = text_element(take(c, "name"));
    source.sha256 = text_element(take(c, "sha256"));
    source.charset = text_element(take(c, "charset"));
    finish(c);
    return source;
}

Field XmlReader::read_field(pugi::xml_node node) const {
    check_attributes(node, {"inferred", "start", "end"});
    return Field{text_content(node), boolean(node, "inferred"), span(node)};
}

ExtraField XmlReader::read_extra(pugi::xml_node node) const {
    check_attributes(node, {"start", "end"});
    Children c = children(node);
    ExtraField extra;
    extra.span = span(node);
    extra.key = text_element(take(c, "key"));
    extra.value = text_element(take(c, "value"));
    finish(c);
    return extra;
}

Metadata XmlReader::read_metadata(pugi::xml_node node) const {
    check_attributes(node, {});
    Children c = children(node);
    Metadata metadata;
    for (const FieldSlot& slot : kFields)
        if (pugi::xml_node element = take_optional(c, slot.name)) metadata.*slot.field = read_field(element);
    while (pugi::xml_node element = take_optional(c, "extra")) metadata.extra.push_back(read_extra(element));
    finish(c);
    return metadata;
}

BlockKind XmlReader::block_kind(pugi::xml_node node) const {
    std::string snake = node.name();
    for (char& ch : snake)
        if (ch == '-') ch = '_';
    BlockKind kind{};
    // The second test rejects the model spelling (list_item) where XML uses list-item.
    if (!block_kind_from_string(snake, kind) || xml_name(to_string(kind)) != node.name())
        fail(node, "unknown block kind " + element_label(node));
    return kind;
}

Item XmlReader::read_item(pugi::xml_node node) const {
    check_attributes(node, {"start", "end"});
    Children c = children(node);
    Item item;
    item.span = span(node);
    if (pugi::xml_node marker = take_optional(c, "marker")) item.marker = text_element(marker);
    item.text = text_element(take(c, "text"));
    finish(c);
    return item;
}

Block XmlReader::read_block(pugi::xml_node node) const {
    Block block;
    block.kind = block_kind(node);
    if (block.kind == BlockKind::heading) {
        check_attributes(node, {"level", "start", "end"});
        const std::string level = attribute(node, "level");
        if (level.size() != 1 || level[0] < '1' || level[0] > '4')
            fail(node, "<heading> level \"" + level + "\" is not 1–4");
        block.level = level[0] - '0';
    } else {
        check_attributes(node, {"start", "end"});
    }
    block.span = span(node);
    Children c = children(node);
    if (pugi::xml_node marker = take_optional(c, "marker")) block.marker = text_element(marker);
    block.text = text_element(take(c, "text"));
    if (block.kind == BlockKind::paragraph)
        while (pugi::xml_node item = take_optional(c, "item")) block.items.push_back(read_item(item));
    if (block.kind == BlockKind::table)
        while (pugi::xml_node row = take_optional(c, "row")) block.rows.push_back(read_row(row));
    if (block.kind == BlockKind::image) block.target = text_element(take(c, "target"));
    finish(c);
    return block;
}

TableRow XmlReader::read_row(pugi::xml_node node) const {
    check_attributes(node, {"header"});
    TableRow row;
    row.header = boolean(node, "header");
    Children c = children(node);
    while (pugi::xml_node element = take_optional(c, "cell")) {
        check_attributes(element, {"header", "rowspan", "colspan", "start", "end"});
        TableCell cell;
        cell.header = boolean(element, "header");
        cell.row_span = static_cast<int>(number<unsigned>(element, "rowspan"));
        cell.col_span = static_cast<int>(number<unsigned>(element, "colspan"));
        if (cell.row_span < 1 || cell.col_span < 1) fail(element, "<cell> spans fewer than one row or column");
        cell.span = span(element);
        cell.text = text_content(element);
        row.cells.push_back(std::move(cell));
    }
    finish(c);
    return row;
}

Fact XmlReader::read_fact(pugi::xml_node node) const {
    check_attributes(node, {"block", "zero", "start", "end", "quote-start", "quote-end"});
    Fact fact;
    fact.block = number<std::size_t>(node, "block");
    fact.zero = boolean(node, "zero");
    fact.span = span(node);
    fact.quote_span = Span{number<std::size_t>(node, "quote-start"), number<std::size_t>(node, "quote-end")};
    Children c = children(node);
    fact.value = text_element(take(c, "value"));
    if (pugi::xml_node max = take_optional(c, "value-max")) fact.value_max = text_element(max);
    fact.value_text = text_element(take(c, "value-text"));
    fact.unit = text_element(take(c, "unit"));
    if (pugi::xml_node u = take_optional(c, "implied-unit")) fact.implied_unit = text_element(u);
    if (pugi::xml_node q = take_optional(c, "qualifier")) fact.qualifier = text_element(q);
    fact.subject = text_element(take(c, "subject"));
    if (pugi::xml_node id = take_optional(c, "indicator")) fact.indicator = text_element(id);
    fact.quote = text_element(take(c, "quote"));
    finish(c);
    if (!fact.implied_unit.empty() && (!fact.zero || !fact.unit.empty()))
        fail(node, "<implied-unit> belongs to a zero statement that writes no unit");
    return fact;
}

Diagnostic XmlReader::read_diagnostic(pugi::xml_node node) const {
    check_attributes(node, {"count"});
    Children c = children(node);
    Diagnostic diagnostic;
    diagnostic.count = number<std::size_t>(node, "count");
    diagnostic.kind = text_element(take(c, "kind"));
    diagnostic.message = text_element(take(c, "message"));
    while (pugi::xml_node element = take_optional(c, "span")) {
        check_attributes(element, {"start", "end"});
        finish(children(element));
        diagnostic.spans.push_back(span(element));
    }
    finish(c);
    return diagnostic;
}

GisReport XmlReader::read_gis(pugi::xml_node node) const {
    check_attributes(node, {});
    Children c = children(node);
    GisReport gis;
    gis.format = text_element(take(c, "format"));
    while (pugi::xml_node element = take_optional(c, "check")) {
        check_attributes(element, {"passed"});
        Children x = children(element);
        GisCheck check;
        check.passed = boolean(element, "passed");
        check.rule = text_element(take(x, "rule"));
        while (pugi::xml_node id = take_optional(x, "left")) check.left.push_back(text_element(id));
        while (pugi::xml_node id = take_optional(x, "right")) check.right.push_back(text_element(id));
        check.left_value = text_element(take(x, "left-value"));
        check.right_value = text_element(take(x, "right-value"));
        finish(x);
        gis.checks.push_back(std::move(check));
    }
    finish(c);
    return gis;
}

Document XmlReader::read() {
    check_characters();
    const pugi::xml_parse_result result =
        xml_.load_buffer(input_.data(), input_.size(), kParseFlags, pugi::encoding_utf8);
    if (!result) fail_at(result.offset, std::string("malformed XML: ") + result.description());
    const pugi::xml_node root = root_element();
    check_root(root);

    Document doc;
    Children c = children(root);
    doc.source = read_source(take(c, "source"));
    doc.metadata = read_metadata(take(c, "metadata"));
    const pugi::xml_node body = take(c, "body");
    check_attributes(body, {});
    for (pugi::xml_node block : children(body).nodes) doc.blocks.push_back(read_block(block));
    Children facts = children(take(c, "facts"));
    check_attributes(facts.parent, {});
    while (pugi::xml_node f = take_optional(facts, "fact")) doc.facts.push_back(read_fact(f));
    finish(facts);
    for (const Fact& f : doc.facts)
        if (f.block >= doc.blocks.size())
            fail(facts.parent, "<fact> names block " + std::to_string(f.block) + ", which does not exist");
    Children diagnostics = children(take(c, "diagnostics"));
    check_attributes(diagnostics.parent, {});
    while (pugi::xml_node d = take_optional(diagnostics, "diagnostic")) doc.diagnostics.push_back(read_diagnostic(d));
    finish(diagnostics);
    if (pugi::xml_node gis = take_optional(c, "gis")) doc.gis = read_gis(gis);
    finish(c);
    return doc;
}

}  // namespace

void write_xml(const Document& doc, std::ostream& out, const Budget& budget) {
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) check_block(doc.blocks[i], i);
    constexpr unsigned kFormat = pugi::format_indent | pugi::format_no_escapes;
    // The document is printed a part at a time, each part a small pugixml tree printed at its
    // depth, so that a large document is never held twice (as a tree and as its text). The
    // bytes are those of the whole tree printed at once.
    pugi::xml_document part;
    const auto print = [&](unsigned depth) {
        for (pugi::xml_node node : part.children()) node.print(out, "  ", kFormat, pugi::encoding_utf8, depth);
        part.reset();
    };
    pugi::xml_node declaration = part.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    print(0);
    out << "<document xmlns=\"" << kXmlNamespace << "\" version=\"" << kModelVersion << "\">\n";
    write_source(part, doc.source);
    write_metadata(part, doc.metadata);
    print(1);
    // <name>, then each element, then </name>; <name /> when there is none.
    const auto list = [&](const char* name, std::size_t count, const auto& write_one) {
        if (count == 0) {
            part.append_child(name);
            return print(1);
        }
        out << "  <" << name << ">\n";
        for (std::size_t i = 0; i < count; ++i) {
            budget.check_time();
            write_one(i);
            print(2);
        }
        out << "  </" << name << ">\n";
    };
    list("body", doc.blocks.size(), [&](std::size_t i) { write_block(part, doc.blocks[i]); });
    list("facts", doc.facts.size(), [&](std::size_t i) { write_fact(part, doc.facts[i]); });
    list("diagnostics", doc.diagnostics.size(), [&](std::size_t i) { write_diagnostic(part, doc.diagnostics[i]); });
    if (!doc.gis.format.empty() || !doc.gis.checks.empty()) {
        write_gis(part, doc.gis);
        print(1);
    }
    out << "</document>\n";
}

std::string write_xml(const Document& doc) {
    std::ostringstream out;
    write_xml(doc, out);
    return std::move(out).str();
}

Document read_xml(std::string_view xml, const std::string& name) { return XmlReader(xml, name).read(); }

}  // namespace gongwen
