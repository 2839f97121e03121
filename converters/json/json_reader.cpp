// Reads gongwen's own JSON (write_json) back into the model. A small strict parser that fills
// the model as it goes, so no tree of JSON values is built first.
#include <array>
#include <charconv>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>

#include "gongwen/json.hpp"
#include "converters/json/json_fields.hpp"
#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

// A key an object may have; an object lacking a required key is refused.
struct Key {
    std::string_view name;
    bool required = true;
};

constexpr Key kDocumentKeys[] = {{"version"}, {"source"}, {"metadata"}, {"blocks"}, {"facts"}, {"diagnostics"}};
constexpr Key kSourceKeys[] = {{"name"}, {"size"}, {"sha256"}, {"charset"}, {"charset_guessed"}};
constexpr Key kFieldKeys[] = {{"value"}, {"inferred"}, {"start"}, {"end"}};
constexpr Key kExtraKeys[] = {{"key"}, {"value"}, {"start"}, {"end"}};
constexpr Key kItemKeys[] = {{"marker"}, {"text"}, {"start"}, {"end"}};
// "rows" belongs to tables and "target" to images only; block() checks which.
constexpr Key kBlockKeys[] = {{"kind"},  {"level"}, {"marker"}, {"text"},          {"start"},
                              {"end"},   {"items"}, {"rows", false}, {"target", false}};
constexpr Key kRowKeys[] = {{"header"}, {"cells"}};
constexpr Key kCellKeys[] = {{"text"}, {"header"}, {"row_span"}, {"col_span"}, {"start"}, {"end"}};
constexpr Key kFactKeys[] = {{"value"}, {"value_max"}, {"value_text"},  {"unit"},      {"qualifier"},
                             {"zero"},  {"subject"},   {"indicator"},   {"quote"},     {"start"},
                             {"end"},   {"quote_start"}, {"quote_end"}, {"block"},     {"heading_path"}};
constexpr Key kDiagnosticKeys[] = {{"kind"}, {"count"}, {"message"}, {"spans"}};

// The metadata object: one key per field of json_fields.hpp, then "extra".
constexpr std::array<Key, json_detail::kFields.size() + 1> metadata_keys() {
    std::array<Key, json_detail::kFields.size() + 1> keys{};
    for (std::size_t i = 0; i < json_detail::kFields.size(); ++i) keys[i] = Key{json_detail::kFields[i].first};
    keys.back() = Key{"extra"};
    return keys;
}
constexpr auto kMetadataKeys = metadata_keys();

class JsonReader {
public:
    JsonReader(std::string_view input, const std::string& name) : in_(input), name_(name) {}
    Document read();

private:
    std::string_view in_;
    const std::string& name_;
    std::size_t pos_ = 0;

    [[noreturn]] void fail(const std::string& problem) const { fail_at(pos_, problem); }
    [[noreturn]] void fail_at(std::size_t at, const std::string& problem) const;
    char peek();  // the next character after whitespace; '\0' at the end
    void expect(char c);
    bool take_null();
    bool boolean();
    std::string string();
    void escape(std::string& out);
    std::uint32_t hex4();
    std::string_view number();
    template <class Integer>
    Integer integer();
    std::string decimal();
    std::string nullable_string();
    template <class OnMember>
    void object(const std::string& what, std::span<const Key> keys, OnMember on_member);
    template <class OnElement>
    void array(OnElement on_element);
    Span span_pair();

    Source source();
    Field field(const std::string& what);
    Metadata metadata();
    Item item(const std::string& what);
    TableRow row(const std::string& what);
    Block block(std::size_t index);
    Fact fact(std::size_t index);
    Diagnostic diagnostic(std::size_t index);
};

void JsonReader::fail_at(std::size_t at, const std::string& problem) const {
    std::size_t line = 1;
    for (std::size_t i = 0; i < at && i < in_.size(); ++i) line += in_[i] == '\n' ? 1 : 0;
    throw Error(name_, "line " + std::to_string(line) + ": " + problem);
}

char JsonReader::peek() {
    while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\n' || in_[pos_] == '\r' || in_[pos_] == '\t'))
        ++pos_;
    return pos_ < in_.size() ? in_[pos_] : '\0';
}

void JsonReader::expect(char c) {
    if (peek() != c || pos_ >= in_.size())
        fail(std::string("expected '") + c + "'" + (pos_ >= in_.size() ? " before the end of the input" : ""));
    ++pos_;
}

bool JsonReader::take_null() {
    if (peek() != 'n') return false;
    if (in_.substr(pos_, 4) != "null") fail("expected a value");
    pos_ += 4;
    return true;
}

bool JsonReader::boolean() {
    peek();
    for (const bool value : {true, false}) {
        const std::string_view word = value ? "true" : "false";
        if (in_.substr(pos_, word.size()) == word) {
            pos_ += word.size();
            return value;
        }
    }
    fail("expected true or false");
}

std::uint32_t JsonReader::hex4() {
    std::uint32_t value = 0;
    const std::string_view digits = in_.substr(pos_, 4);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
    if (digits.size() != 4 || ec != std::errc{} || end != digits.data() + 4)
        fail("\\u needs four hexadecimal digits");
    pos_ += 4;
    return value;
}

// After a backslash: one escape, a surrogate pair taken together.
void JsonReader::escape(std::string& out) {
    const std::size_t at = pos_ - 1;
    if (pos_ >= in_.size()) fail("unterminated string");
    const char c = in_[pos_++];
    switch (c) {
        case '"': out += '"'; return;
        case '\\': out += '\\'; return;
        case '/': out += '/'; return;
        case 'b': out += '\b'; return;
        case 'f': out += '\f'; return;
        case 'n': out += '\n'; return;
        case 'r': out += '\r'; return;
        case 't': out += '\t'; return;
        case 'u': break;
        default: fail_at(at, std::string("invalid escape \\") + c);
    }
    char32_t cp = hex4();
    if (cp >= 0xDC00 && cp <= 0xDFFF) fail_at(at, "unpaired surrogate in \\u escape");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (in_.substr(pos_, 2) != "\\u") fail_at(at, "unpaired surrogate in \\u escape");
        pos_ += 2;
        const std::uint32_t low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) fail_at(at, "unpaired surrogate in \\u escape");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
}

std::string JsonReader::string() {
    if (peek() != '"') fail("expected a string");
    ++pos_;
    std::string out;
    for (;;) {
        std::size_t run = pos_;  // plain ASCII is copied in runs
        while (run < in_.size() && in_[run] != '"' && in_[run] != '\\' && static_cast<unsigned char>(in_[run]) >= 0x20 &&
               static_cast<unsigned char>(in_[run]) < 0x80)
            ++run;
        out.append(in_.substr(pos_, run - pos_));
        pos_ = run;
        if (pos_ >= in_.size()) fail("unterminated string");
        const auto c = static_cast<unsigned char>(in_[pos_]);
        if (c == '"') {
            ++pos_;
            return out;
        }
        if (c == '\\') {
            ++pos_;
            escape(out);
        } else if (c < 0x20) {
            fail("control character in a string (JSON needs it escaped)");
        } else {
            char32_t cp = 0;
            const std::size_t len = utf8_sequence(in_, pos_, cp);
            if (len == 0) fail("bytes that are not UTF-8 in a string");
            out.append(in_.substr(pos_, len));
            pos_ += len;
        }
    }
}

// A number as RFC 8259 spells it; its exact text.
std::string_view JsonReader::number() {
    const char first = peek();
    const std::size_t start = pos_;
    const auto digit = [&] { return pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9'; };
    const auto digits = [&] {
        if (!digit()) fail_at(start, "malformed number");
        while (digit()) ++pos_;
    };
    if (first != '-' && (first < '0' || first > '9')) fail("expected a number");
    if (first == '-') ++pos_;
    if (pos_ < in_.size() && in_[pos_] == '0') ++pos_;
    else digits();
    if (pos_ < in_.size() && in_[pos_] == '.') ++pos_, digits();
    if (pos_ < in_.size() && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
        digits();
    }
    return in_.substr(start, pos_ - start);
}

// A whole number that fits `Integer` (offsets, counts, sizes: never negative unless signed).
template <class Integer>
Integer JsonReader::integer() {
    peek();
    const std::size_t at = pos_;
    const std::string_view text = number();
    Integer value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || (std::is_unsigned_v<Integer> && text[0] == '-'))
        fail_at(at, "\"" + std::string(text) + "\" is not a whole number " +
                        (std::is_unsigned_v<Integer> ? "from 0 " : "") + "in range");
    return value;
}

// A fact's value: null for none, else the number's exact decimal text (never a double).
std::string JsonReader::decimal() { return take_null() ? std::string() : std::string(number()); }

std::string JsonReader::nullable_string() { return take_null() ? std::string() : string(); }

// An object with the given keys in any order: each known, none twice, every required one present.
template <class OnMember>
void JsonReader::object(const std::string& what, std::span<const Key> keys, OnMember on_member) {
    if (peek() != '{') fail("expected an object for " + what);
    const std::size_t start = pos_++;
    std::uint32_t seen = 0;
    if (peek() != '}') {
        for (;;) {
            const std::size_t at = pos_;
            const std::string key = string();
            std::size_t index = 0;
            while (index < keys.size() && keys[index].name != key) ++index;
            if (index == keys.size()) fail_at(at, "unknown key \"" + key + "\" in " + what);
            if (seen & (1u << index)) fail_at(at, "key \"" + key + "\" repeated in " + what);
            seen |= 1u << index;
            expect(':');
            on_member(keys[index].name);
            if (peek() != ',') break;
            ++pos_;
        }
    }
    expect('}');
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].required && !(seen & (1u << i)))
            fail_at(start, what + " lacks the key \"" + std::string(keys[i].name) + "\"");
}

template <class OnElement>
void JsonReader::array(OnElement on_element) {
    if (peek() != '[') fail("expected an array");
    ++pos_;
    if (peek() != ']') {
        for (;;) {
            on_element();
            if (peek() != ',') break;
            ++pos_;
        }
    }
    expect(']');
}

Span JsonReader::span_pair() {
    Span span;
    expect('[');
    span.start = integer<std::size_t>();
    expect(',');
    span.end = integer<std::size_t>();
    expect(']');
    return span;
}

Source JsonReader::source() {
    Source s;
    object("\"source\"", kSourceKeys, [&](std::string_view key) {
        if (key == "name") s.name = string();
        else if (key == "size") s.size = integer<std::uint64_t>();
        else if (key == "sha256") s.sha256 = string();
        else if (key == "charset") s.charset = string();
        else s.charset_guessed = boolean();
    });
    return s;
}

Field JsonReader::field(const std::string& what) {
    Field f;
    if (take_null()) return f;
    object(what, kFieldKeys, [&](std::string_view key) {
        if (key == "value") f.value = string();
        else if (key == "inferred") f.inferred = boolean();
        else if (key == "start") f.span.start = integer<std::size_t>();
        else f.span.end = integer<std::size_t>();
    });
    return f;
}

Metadata JsonReader::metadata() {
    Metadata m;
    object("\"metadata\"", kMetadataKeys, [&](std::string_view key) {
        for (const auto& [name, member] : json_detail::kFields)
            if (key == name) {
                m.*member = field("\"metadata\".\"" + std::string(key) + "\"");
                return;
            }
        array([&] {
            ExtraField e;
            object("an \"extra\" field", kExtraKeys, [&](std::string_view k) {
                if (k == "key") e.key = string();
                else if (k == "value") e.value = string();
                else if (k == "start") e.span.start = integer<std::size_t>();
                else e.span.end = integer<std::size_t>();
            });
            m.extra.push_back(std::move(e));
        });
    });
    return m;
}

Item JsonReader::item(const std::string& what) {
    Item item;
    object(what, kItemKeys, [&](std::string_view key) {
        if (key == "marker") item.marker = string();
        else if (key == "text") item.text = string();
        else if (key == "start") item.span.start = integer<std::size_t>();
        else item.span.end = integer<std::size_t>();
    });
    return item;
}

TableRow JsonReader::row(const std::string& what) {
    TableRow row;
    object(what, kRowKeys, [&](std::string_view key) {
        if (key == "header") {
            row.header = boolean();
            return;
        }
        array([&] {
            TableCell cell;
            peek();
            const std::size_t at = pos_;
            object("a cell of " + what, kCellKeys, [&](std::string_view k) {
                if (k == "text") cell.text = string();
                else if (k == "header") cell.header = boolean();
                else if (k == "row_span") cell.row_span = integer<int>();
                else if (k == "col_span") cell.col_span = integer<int>();
                else if (k == "start") cell.span.start = integer<std::size_t>();
                else cell.span.end = integer<std::size_t>();
            });
            if (cell.row_span < 1 || cell.col_span < 1) fail_at(at, "a cell of " + what + " spans fewer than one row or column");
            row.cells.push_back(std::move(cell));
        });
    });
    return row;
}

Block JsonReader::block(std::size_t index) {
    const std::string what = "block " + std::to_string(index);
    peek();
    const std::size_t at = pos_;
    Block b;
    bool has_rows = false;
    bool has_target = false;
    object(what, kBlockKeys, [&](std::string_view key) {
        if (key == "kind") {
            const std::size_t kind_at = pos_;
            const std::string kind = string();
            if (!block_kind_from_string(kind, b.kind)) fail_at(kind_at, "unknown block kind \"" + kind + "\"");
        } else if (key == "level") {
            b.level = integer<int>();
        } else if (key == "marker") {
            b.marker = string();
        } else if (key == "text") {
            b.text = string();
        } else if (key == "start") {
            b.span.start = integer<std::size_t>();
        } else if (key == "end") {
            b.span.end = integer<std::size_t>();
        } else if (key == "items") {
            array([&] { b.items.push_back(item("an item of " + what)); });
        } else if (key == "rows") {
            has_rows = true;
            array([&] { b.rows.push_back(row("a row of " + what)); });
        } else {
            has_target = true;
            b.target = string();
        }
    });
    // The invariants read_xml enforces, so that every writer can rely on them.
    const bool heading = b.kind == BlockKind::heading;
    if (heading && (b.level < 1 || b.level > 4)) fail_at(at, what + ": heading level " + std::to_string(b.level) + " is not 1–4");
    if (!heading && b.level != 0) fail_at(at, what + ": only a heading has a level");
    if (!b.items.empty() && b.kind != BlockKind::paragraph) fail_at(at, what + ": only a paragraph has items");
    if (has_rows != (b.kind == BlockKind::table)) fail_at(at, what + ": \"rows\" belongs to a table, and a table has it");
    if (has_target != (b.kind == BlockKind::image)) fail_at(at, what + ": \"target\" belongs to an image, and an image has it");
    return b;
}

Fact JsonReader::fact(std::size_t index) {
    const std::string what = "fact " + std::to_string(index);
    Fact f;
    object(what, kFactKeys, [&](std::string_view key) {
        if (key == "value") f.value = decimal();
        else if (key == "value_max") f.value_max = decimal();
        else if (key == "value_text") f.value_text = string();
        else if (key == "unit") f.unit = string();
        else if (key == "qualifier") f.qualifier = nullable_string();
        else if (key == "zero") f.zero = boolean();
        else if (key == "subject") f.subject = string();
        else if (key == "indicator") f.indicator = nullable_string();
        else if (key == "quote") f.quote = string();
        else if (key == "start") f.span.start = integer<std::size_t>();
        else if (key == "end") f.span.end = integer<std::size_t>();
        else if (key == "quote_start") f.quote_span.start = integer<std::size_t>();
        else if (key == "quote_end") f.quote_span.end = integer<std::size_t>();
        else if (key == "block") f.block = integer<std::size_t>();
        else array([&] { string(); });  // heading_path: derived from the blocks, so not kept
    });
    return f;
}

Diagnostic JsonReader::diagnostic(std::size_t index) {
    Diagnostic d;
    object("diagnostic " + std::to_string(index), kDiagnosticKeys, [&](std::string_view key) {
        if (key == "kind") d.kind = string();
        else if (key == "count") d.count = integer<std::size_t>();
        else if (key == "message") d.message = string();
        else array([&] { d.spans.push_back(span_pair()); });
    });
    return d;
}

Document JsonReader::read() {
    if (in_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // RFC 8259 lets a parser ignore a BOM
    Document doc;
    std::size_t facts_at = 0;
    object("the document", kDocumentKeys, [&](std::string_view key) {
        if (key == "version") {
            const std::size_t at = pos_;
            const std::string version = string();
            if (version != kModelVersion) fail_at(at, "version \"" + version + "\": this gongwen reads version " + kModelVersion);
        } else if (key == "source") {
            doc.source = source();
        } else if (key == "metadata") {
            doc.metadata = metadata();
        } else if (key == "blocks") {
            array([&] { doc.blocks.push_back(block(doc.blocks.size())); });
        } else if (key == "facts") {
            facts_at = pos_;
            array([&] { doc.facts.push_back(fact(doc.facts.size())); });
        } else {
            array([&] { doc.diagnostics.push_back(diagnostic(doc.diagnostics.size())); });
        }
    });
    if (peek() != '\0' || pos_ < in_.size()) fail("unexpected text after the document");
    for (std::size_t i = 0; i < doc.facts.size(); ++i)
        if (doc.facts[i].block >= doc.blocks.size())
            fail_at(facts_at, "fact " + std::to_string(i) + " names block " + std::to_string(doc.facts[i].block) +
                                  ", which does not exist");
    return doc;
}

}  // namespace

Document read_json(std::string_view json, const std::string& name) { return JsonReader(json, name).read(); }

}  // namespace gongwen
