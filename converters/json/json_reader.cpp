// Reads gongwen's own JSON (write_json) back into the model with simdjson's On-Demand parser:
// simdjson checks the JSON itself (UTF-8, strings and their escapes, numbers, commas and
// brackets) as the model is filled from it, so no tree of JSON values is built first. This file
// keeps what is gongwen's: the keys each object has, the model's invariants, and errors that
// name the line.
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "converters/json/json_fields.hpp"
#include "gongwen/error.hpp"
#include "gongwen/json.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

namespace od = simdjson::ondemand;

// A key an object may have; an object lacking a required key is refused.
struct Key {
    std::string_view name;
    bool required = true;
};

constexpr Key kDocumentKeys[] = {{"version"}, {"source"},      {"metadata"},  {"blocks"},
                                 {"facts"},   {"diagnostics"}, {"gis", false}};
constexpr Key kGisKeys[] = {{"format"}, {"checks"}};
constexpr Key kGisCheckKeys[] = {{"rule"}, {"left"}, {"right"}, {"left_value"}, {"right_value"}, {"passed"}};
constexpr Key kSourceKeys[] = {{"name"}, {"size"}, {"sha256"}, {"charset"}, {"charset_guessed"}};
constexpr Key kFieldKeys[] = {{"value"}, {"inferred"}, {"start"}, {"end"}};
constexpr Key kExtraKeys[] = {{"key"}, {"value"}, {"start"}, {"end"}};
constexpr Key kItemKeys[] = {{"marker"}, {"text"}, {"start"}, {"end"}};
// "rows" belongs to tables and "target" to images only; block() checks which.
constexpr Key kBlockKeys[] = {{"kind"}, {"level"}, {"marker"},      {"text"},         {"start"},
                              {"end"},  {"items"}, {"rows", false}, {"target", false}};
constexpr Key kRowKeys[] = {{"header"}, {"cells"}};
constexpr Key kCellKeys[] = {{"text"}, {"header"}, {"row_span"}, {"col_span"}, {"start"}, {"end"}};
constexpr Key kFactKeys[] = {{"value"},       {"value_max"}, {"value_text"},  {"unit"},      {"implied_unit", false},
                             {"qualifier"},   {"zero"},      {"subject"},     {"indicator"}, {"quote"},
                             {"start"},       {"end"},       {"quote_start"}, {"quote_end"}, {"block"},
                             {"heading_path"}};
constexpr Key kDiagnosticKeys[] = {{"kind"}, {"count"}, {"message"}, {"spans"}};

// The metadata object: one key per field of json_fields.hpp, then "extra".
constexpr std::array<Key, json_detail::kFields.size() + 1> metadata_keys() {
    std::array<Key, json_detail::kFields.size() + 1> keys{};
    for (std::size_t i = 0; i < json_detail::kFields.size(); ++i) keys[i] = Key{json_detail::kFields[i].first};
    keys.back() = Key{"extra"};
    return keys;
}
constexpr auto kMetadataKeys = metadata_keys();

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// A token as simdjson gives it, less the whitespace after it.
std::string_view trimmed(std::string_view token) {
    while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
    return token;
}

// simdjson's parser and the padded copy of the input it needs, kept per thread for documents of
// up to kReuseLimit bytes: allocating its buffers costs more than reading a small document.
// A larger document gets its own, freed when it has been read.
struct Scratch {
    od::parser parser;
    std::string padded;
};
constexpr std::size_t kReuseLimit = std::size_t{16} << 20;

class JsonReader {
public:
    JsonReader(std::string_view input, const std::string& name, Scratch& scratch);
    Document read();

private:
    std::string_view in_;  // the input less a BOM, padded for simdjson: where lines are counted
    const std::string& name_;
    od::parser& parser_;
    od::document doc_;
    bool parsing_ = false;  // doc_ is ready: simdjson has indexed the input

    [[noreturn]] void fail_at(std::size_t offset, const std::string& problem) const;
    [[noreturn]] void fail_at(const char* at, const std::string& problem) const { fail_at(offset(at), problem); }
    [[noreturn]] void fail(simdjson::error_code error, const std::string& expected);
    [[noreturn]] void fail_in_string(simdjson::error_code error);
    [[noreturn]] void fail_number(od::value& value, const char* whole);
    std::size_t offset(const char* at) const { return static_cast<std::size_t>(at - in_.data()); }
    const char* here();  // where simdjson is: the next token
    std::size_t token_end(std::size_t at) const;
    std::size_t last_token() const;
    std::string expected_in_object(std::size_t at) const;

    std::string string(od::value& value);
    bool boolean(od::value& value);
    bool null(od::value& value);
    template <class Integer>
    Integer integer(od::value& value);
    std::string decimal(od::value& value);
    std::string nullable_string(od::value& value);
    template <class Json, class OnMember>
    const char* object(Json& json, const std::string& what, std::span<const Key> keys, OnMember on_member);
    template <class OnElement>
    void array(od::value& value, OnElement on_element);
    Span span_pair(od::value& value);

    Source source(od::value& value);
    Field field(od::value& value, const std::string& what);
    Metadata metadata(od::value& value);
    Item item(od::value& value, const std::string& what);
    TableRow row(od::value& value, const std::string& what);
    Block block(od::value& value, std::size_t index);
    Fact fact(od::value& value, std::size_t index);
    Diagnostic diagnostic(od::value& value, std::size_t index);
    GisReport gis(od::value& value);
};

JsonReader::JsonReader(std::string_view input, const std::string& name, Scratch& scratch)
    : name_(name), parser_(scratch.parser) {
    if (input.starts_with("\xEF\xBB\xBF")) input.remove_prefix(3);  // RFC 8259 lets a parser ignore a BOM
    scratch.padded.assign(input);
    scratch.padded.append(simdjson::SIMDJSON_PADDING, '\0');
    in_ = std::string_view(scratch.padded.data(), input.size());
}

void JsonReader::fail_at(std::size_t offset, const std::string& problem) const {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < in_.size(); ++i) line += in_[i] == '\n' ? 1 : 0;
    throw Error(name_, "line " + std::to_string(line) + ": " + problem);
}

// simdjson found no key, no ':' after a key or no ',' after a value at `at`, and does not say
// which: the token before tells.
std::string JsonReader::expected_in_object(std::size_t at) const {
    const std::size_t end = token_end(at);
    if (end == 0 || in_[end - 1] == '{' || in_[end - 1] == ',') return "expected a string";
    if (in_[end - 1] == '"') {
        // The string that ends there is a key when '{' or ',' stands before it. Its opening
        // quote is the first one before that no backslash escapes.
        std::size_t open = end - 1;
        const auto escaped = [&](std::size_t quote) {
            std::size_t backslashes = 0;
            while (quote > backslashes && in_[quote - backslashes - 1] == '\\') ++backslashes;
            return backslashes % 2 == 1;
        };
        do open = open == 0 ? std::string_view::npos : in_.rfind('"', open - 1);
        while (open != std::string_view::npos && escaped(open));
        if (open != std::string_view::npos) {
            const std::size_t before = token_end(open);
            if (before > 0 && (in_[before - 1] == '{' || in_[before - 1] == ',')) return "expected ':'";
        }
    }
    return "expected ',' or '}'";
}

const char* JsonReader::here() {
    const char* at = nullptr;
    return !parsing_ || doc_.current_location().get(at) ? in_.data() + in_.size() : at;
}

// Where the token before `at` ends: `at` less the whitespace before it.
std::size_t JsonReader::token_end(std::size_t at) const {
    while (at > 0 && is_space(in_[at - 1])) --at;
    return at;
}

// Where the input's last token is (the end of a cut document).
std::size_t JsonReader::last_token() const {
    const std::size_t end = token_end(in_.size());
    return end == 0 ? 0 : end - 1;
}

// An error simdjson reported: `expected` says what was to come where the value is not of the
// type asked for.
void JsonReader::fail(simdjson::error_code error, const std::string& expected) {
    switch (error) {
        case simdjson::INCORRECT_TYPE: fail_at(here(), expected);
        case simdjson::EMPTY: fail_at(in_.size(), expected);
        case simdjson::UTF8_ERROR:
        case simdjson::UNESCAPED_CHARS:
        case simdjson::UNCLOSED_STRING:
        case simdjson::STRING_ERROR: fail_in_string(error);
        case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
            fail_at(last_token(), "the document does not end with the '}' that closes it");
        default: fail_at(here(), simdjson::error_message(error));
    }
}

// simdjson says what is wrong in a string but not where: the first such fault of the input is
// where (simdjson reads the strings in order, and every one of them), and says exactly what.
void JsonReader::fail_in_string(simdjson::error_code error) {
    const auto hex4 = [&](std::size_t at) -> std::optional<std::uint32_t> {
        std::uint32_t value = 0;
        const std::string_view digits = in_.substr(std::min(at, in_.size()), 4);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
        if (digits.size() != 4 || ec != std::errc{} || end != digits.data() + 4) return std::optional<std::uint32_t>();
        return std::optional<std::uint32_t>(value);
    };
    bool in_string = false;
    for (std::size_t i = 0; i < in_.size();) {
        const auto c = static_cast<unsigned char>(in_[i]);
        if (c >= 0x80) {
            char32_t cp = 0;
            const std::size_t length = utf8_sequence(in_, i, cp);
            if (length == 0)
                fail_at(i, in_string ? "bytes that are not UTF-8 in a string" : "bytes that are not UTF-8");
            i += length;
        } else if (!in_string && c == '\\') {
            fail_at(i, "'\\' outside a string");
        } else if (!in_string || c == '"') {
            in_string = in_string != (c == '"');
            ++i;
        } else if (c < 0x20) {
            fail_at(i, "control character in a string (JSON needs it escaped)");
        } else if (c != '\\') {
            ++i;
        } else if (i + 1 < in_.size() && std::string_view("\"\\/bfnrt").find(in_[i + 1]) != std::string_view::npos) {
            i += 2;
        } else if (i + 1 < in_.size() && in_[i + 1] == 'u') {
            const auto high = hex4(i + 2);
            if (!high) fail_at(i, "\\u needs four hexadecimal digits");
            if (*high >= 0xDC00 && *high <= 0xDFFF) fail_at(i, "unpaired surrogate in \\u escape");
            if (*high < 0xD800 || *high > 0xDBFF) {
                i += 6;
                continue;
            }
            if (in_.substr(i + 6, 2) != "\\u") fail_at(i, "unpaired surrogate in \\u escape");
            const auto low = hex4(i + 8);
            if (!low) fail_at(i, "\\u needs four hexadecimal digits");
            if (*low < 0xDC00 || *low > 0xDFFF) fail_at(i, "unpaired surrogate in \\u escape");
            i += 12;
        } else if (i + 1 < in_.size()) {
            fail_at(i, std::string("invalid escape \\") + in_[i + 1]);
        } else {
            break;
        }
    }
    if (in_string) fail_at(in_.size(), "unterminated string");
    fail_at(here(), simdjson::error_message(error));  // not found: simdjson's own words
}

std::string JsonReader::string(od::value& value) {
    std::string_view text;
    if (const auto error = value.get_string().get(text)) fail(error, "expected a string");
    return std::string(text);
}

bool JsonReader::boolean(od::value& value) {
    bool b = false;
    if (const auto error = value.get_bool().get(b)) fail(error, "expected true or false");
    return b;
}

bool JsonReader::null(od::value& value) {
    bool is_null = false;
    if (const auto error = value.is_null().get(is_null)) fail(error, "expected a value");
    return is_null;
}

// A number simdjson would not read as asked: its text says why.
void JsonReader::fail_number(od::value& value, const char* whole) {
    const char* at = here();
    const std::string_view text = trimmed(value.raw_json_token());
    double number = 0;
    if (text.empty() || (text[0] != '-' && (text[0] < '0' || text[0] > '9'))) fail_at(at, "expected a number");
    if (!whole || value.get_double().get(number))
        fail_at(at, "malformed number \"" + std::string(text) + "\"" + (whole ? "" : " (or beyond a double's range)"));
    fail_at(at, "\"" + std::string(text) + "\" is not a whole number " + whole + "in range");
}

// A whole number that fits `Integer` (offsets, counts, sizes: never negative unless signed).
template <class Integer>
Integer JsonReader::integer(od::value& value) {
    if constexpr (std::is_unsigned_v<Integer>) {
        std::uint64_t n = 0;
        if (!value.get_uint64().get(n) && n <= std::numeric_limits<Integer>::max()) return static_cast<Integer>(n);
        fail_number(value, "from 0 ");
    } else {
        std::int64_t n = 0;
        if (!value.get_int64().get(n) && n >= std::numeric_limits<Integer>::min() &&
            n <= std::numeric_limits<Integer>::max())
            return static_cast<Integer>(n);
        fail_number(value, "");
    }
}

// A fact's value: null for none, else the number's exact decimal text (never a double).
std::string JsonReader::decimal(od::value& value) {
    if (null(value)) return {};
    double number = 0;
    if (value.get_double().get(number)) fail_number(value, nullptr);
    return std::string(trimmed(value.raw_json_token()));
}

std::string JsonReader::nullable_string(od::value& value) { return null(value) ? std::string() : string(value); }

// An object with the given keys in any order: each known, none twice, every required one present.
// Returns where it starts.
template <class Json, class OnMember>
const char* JsonReader::object(Json& json, const std::string& what, std::span<const Key> keys, OnMember on_member) {
    const char* start = here();
    od::object object;
    if (const auto error = json.get_object().get(object)) fail(error, "expected an object for " + what);
    std::uint32_t seen = 0;
    for (auto member : object) {
        od::field field;
        if (const auto error = std::move(member).get(field)) {
            if (error != simdjson::TAPE_ERROR) fail(error, "expected a string");
            fail_at(here(), expected_in_object(offset(here())));
        }
        const char* key_at = field.key().raw() - 1;
        std::string_view key;
        if (const auto error = field.unescaped_key().get(key)) fail(error, "expected a string");
        std::size_t index = 0;
        while (index < keys.size() && keys[index].name != key) ++index;
        if (index == keys.size()) fail_at(key_at, "unknown key \"" + std::string(key) + "\" in " + what);
        if (seen & (1u << index)) fail_at(key_at, "key \"" + std::string(key) + "\" repeated in " + what);
        seen |= 1u << index;
        on_member(keys[index].name, field.value());
    }
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].required && !(seen & (1u << i)))
            fail_at(start, what + " lacks the key \"" + std::string(keys[i].name) + "\"");
    return start;
}

template <class OnElement>
void JsonReader::array(od::value& value, OnElement on_element) {
    od::array array;
    if (const auto error = value.get_array().get(array)) fail(error, "expected an array");
    for (auto element : array) {
        od::value v;
        if (const auto error = std::move(element).get(v)) {
            if (error == simdjson::TAPE_ERROR) fail_at(here(), "expected ',' or ']'");
            fail(error, "expected a value");
        }
        on_element(v);
    }
}

Span JsonReader::span_pair(od::value& value) {
    Span span;
    std::size_t count = 0;
    const char* at = here();
    array(value, [&](od::value& v) {
        if (count == 2) fail_at(here(), "a span has two offsets, not more");
        (count++ == 0 ? span.start : span.end) = integer<std::size_t>(v);
    });
    if (count < 2) fail_at(at, "a span has two offsets");
    return span;
}

Source JsonReader::source(od::value& value) {
    Source s;
    object(value, "\"source\"", kSourceKeys, [&](std::string_view key, od::value& v) {
        if (key == "name")
            s.name = string(v);
        else if (key == "size")
            s.size = integer<std::uint64_t>(v);
        else if (key == "sha256")
            s.sha256 = string(v);
        else if (key == "charset")
            s.charset = string(v);
        else
            s.charset_guessed = boolean(v);
    });
    return s;
}

Field JsonReader::field(od::value& value, const std::string& what) {
    Field f;
    if (null(value)) return f;
    object(value, what, kFieldKeys, [&](std::string_view key, od::value& v) {
        if (key == "value")
            f.value = string(v);
        else if (key == "inferred")
            f.inferred = boolean(v);
        else if (key == "start")
            f.span.start = integer<std::size_t>(v);
        else
            f.span.end = integer<std::size_t>(v);
    });
    return f;
}

Metadata JsonReader::metadata(od::value& value) {
    Metadata m;
    object(value, "\"metadata\"", kMetadataKeys, [&](std::string_view key, od::value& v) {
        for (const auto& [name, member] : json_detail::kFields)
            if (key == name) {
                m.*member = field(v, "\"metadata\".\"" + std::string(key) + "\"");
                return;
            }
        array(v, [&](od::value& element) {
            ExtraField e;
            object(element, "an \"extra\" field", kExtraKeys, [&](std::string_view k, od::value& x) {
                if (k == "key")
                    e.key = string(x);
                else if (k == "value")
                    e.value = string(x);
                else if (k == "start")
                    e.span.start = integer<std::size_t>(x);
                else
                    e.span.end = integer<std::size_t>(x);
            });
            m.extra.push_back(std::move(e));
        });
    });
    return m;
}

Item JsonReader::item(od::value& value, const std::string& what) {
    Item item;
    object(value, what, kItemKeys, [&](std::string_view key, od::value& v) {
        if (key == "marker")
            item.marker = string(v);
        else if (key == "text")
            item.text = string(v);
        else if (key == "start")
            item.span.start = integer<std::size_t>(v);
        else
            item.span.end = integer<std::size_t>(v);
    });
    return item;
}

TableRow JsonReader::row(od::value& value, const std::string& what) {
    TableRow row;
    object(value, what, kRowKeys, [&](std::string_view key, od::value& v) {
        if (key == "header") {
            row.header = boolean(v);
            return;
        }
        array(v, [&](od::value& element) {
            TableCell cell;
            const char* at = object(element, "a cell of " + what, kCellKeys, [&](std::string_view k, od::value& x) {
                if (k == "text")
                    cell.text = string(x);
                else if (k == "header")
                    cell.header = boolean(x);
                else if (k == "row_span")
                    cell.row_span = integer<int>(x);
                else if (k == "col_span")
                    cell.col_span = integer<int>(x);
                else if (k == "start")
                    cell.span.start = integer<std::size_t>(x);
                else
                    cell.span.end = integer<std::size_t>(x);
            });
            if (cell.row_span < 1 || cell.col_span < 1)
                fail_at(at, "a cell of " + what + " spans fewer than one row or column");
            row.cells.push_back(std::move(cell));
        });
    });
    return row;
}

Block JsonReader::block(od::value& value, std::size_t index) {
    const std::string what = "block " + std::to_string(index);
    Block b;
    bool has_rows = false;
    bool has_target = false;
    const char* at = object(value, what, kBlockKeys, [&](std::string_view key, od::value& v) {
        if (key == "kind") {
            const char* kind_at = here();
            const std::string kind = string(v);
            if (!block_kind_from_string(kind, b.kind)) fail_at(kind_at, "unknown block kind \"" + kind + "\"");
        } else if (key == "level") {
            b.level = integer<int>(v);
        } else if (key == "marker") {
            b.marker = string(v);
        } else if (key == "text") {
            b.text = string(v);
        } else if (key == "start") {
            b.span.start = integer<std::size_t>(v);
        } else if (key == "end") {
            b.span.end = integer<std::size_t>(v);
        } else if (key == "items") {
            array(v, [&](od::value& element) { b.items.push_back(item(element, "an item of " + what)); });
        } else if (key == "rows") {
            has_rows = true;
            array(v, [&](od::value& element) { b.rows.push_back(row(element, "a row of " + what)); });
        } else {
            has_target = true;
            b.target = string(v);
        }
    });
    // The invariants read_xml enforces, so that every writer can rely on them.
    const bool heading = b.kind == BlockKind::heading;
    if (heading && (b.level < 1 || b.level > 4))
        fail_at(at, what + ": heading level " + std::to_string(b.level) + " is not 1–4");
    if (!heading && b.level != 0) fail_at(at, what + ": only a heading has a level");
    if (!b.items.empty() && b.kind != BlockKind::paragraph) fail_at(at, what + ": only a paragraph has items");
    if (has_rows != (b.kind == BlockKind::table))
        fail_at(at, what + ": \"rows\" belongs to a table, and a table has it");
    if (has_target != (b.kind == BlockKind::image))
        fail_at(at, what + ": \"target\" belongs to an image, and an image has it");
    return b;
}

Fact JsonReader::fact(od::value& value, std::size_t index) {
    const std::string what = "fact " + std::to_string(index);
    Fact f;
    const char* at = object(value, what, kFactKeys, [&](std::string_view key, od::value& v) {
        if (key == "value")
            f.value = decimal(v);
        else if (key == "value_max")
            f.value_max = decimal(v);
        else if (key == "value_text")
            f.value_text = string(v);
        else if (key == "unit")
            f.unit = string(v);
        else if (key == "implied_unit")
            f.implied_unit = nullable_string(v);
        else if (key == "qualifier")
            f.qualifier = nullable_string(v);
        else if (key == "zero")
            f.zero = boolean(v);
        else if (key == "subject")
            f.subject = string(v);
        else if (key == "indicator")
            f.indicator = nullable_string(v);
        else if (key == "quote")
            f.quote = string(v);
        else if (key == "start")
            f.span.start = integer<std::size_t>(v);
        else if (key == "end")
            f.span.end = integer<std::size_t>(v);
        else if (key == "quote_start")
            f.quote_span.start = integer<std::size_t>(v);
        else if (key == "quote_end")
            f.quote_span.end = integer<std::size_t>(v);
        else if (key == "block")
            f.block = integer<std::size_t>(v);
        else
            array(v,
                  [&](od::value& heading) { string(heading); });  // heading_path: derived from the blocks, so not kept
    });
    if (!f.implied_unit.empty() && (!f.zero || !f.unit.empty()))
        fail_at(at, what + ": only a zero statement that writes no unit has an \"implied_unit\"");
    return f;
}

Diagnostic JsonReader::diagnostic(od::value& value, std::size_t index) {
    Diagnostic d;
    object(value, "diagnostic " + std::to_string(index), kDiagnosticKeys, [&](std::string_view key, od::value& v) {
        if (key == "kind")
            d.kind = string(v);
        else if (key == "count")
            d.count = integer<std::size_t>(v);
        else if (key == "message")
            d.message = string(v);
        else
            array(v, [&](od::value& span) { d.spans.push_back(span_pair(span)); });
    });
    return d;
}

GisReport JsonReader::gis(od::value& value) {
    GisReport g;
    object(value, "gis", kGisKeys, [&](std::string_view key, od::value& v) {
        if (key == "format") {
            g.format = string(v);
            return;
        }
        array(v, [&](od::value& element) {
            GisCheck c;
            object(element, "gis check " + std::to_string(g.checks.size()), kGisCheckKeys,
                   [&](std::string_view k, od::value& x) {
                       if (k == "rule")
                           c.rule = string(x);
                       else if (k == "left")
                           array(x, [&](od::value& id) { c.left.push_back(string(id)); });
                       else if (k == "right")
                           array(x, [&](od::value& id) { c.right.push_back(string(id)); });
                       else if (k == "left_value")
                           c.left_value = string(x);
                       else if (k == "right_value")
                           c.right_value = string(x);
                       else
                           c.passed = boolean(x);
                   });
            g.checks.push_back(std::move(c));
        });
    });
    return g;
}

Document JsonReader::read() {
    const simdjson::padded_string_view padded(in_.data(), in_.size(), in_.size() + simdjson::SIMDJSON_PADDING);
    if (const auto error = parser_.iterate(padded).get(doc_)) fail(error, "expected an object for the document");
    parsing_ = true;
    Document doc;
    const char* facts_at = nullptr;
    object(doc_, "the document", kDocumentKeys, [&](std::string_view key, od::value& v) {
        if (key == "version") {
            const char* at = here();
            const std::string version = string(v);
            if (version != kModelVersion)
                fail_at(at, "version \"" + version + "\": this gongwen reads version " + kModelVersion);
        } else if (key == "source") {
            doc.source = source(v);
        } else if (key == "metadata") {
            doc.metadata = metadata(v);
        } else if (key == "blocks") {
            array(v, [&](od::value& element) { doc.blocks.push_back(block(element, doc.blocks.size())); });
        } else if (key == "facts") {
            facts_at = here();
            array(v, [&](od::value& element) { doc.facts.push_back(fact(element, doc.facts.size())); });
        } else if (key == "gis") {
            doc.gis = gis(v);
        } else {
            array(v,
                  [&](od::value& element) { doc.diagnostics.push_back(diagnostic(element, doc.diagnostics.size())); });
        }
    });
    const char* rest = nullptr;
    if (doc_.current_location().get(rest) != simdjson::OUT_OF_BOUNDS)
        fail_at(rest ? rest : here(), "unexpected text after the document");
    for (std::size_t i = 0; i < doc.facts.size(); ++i)
        if (doc.facts[i].block >= doc.blocks.size())
            fail_at(facts_at, "fact " + std::to_string(i) + " names block " + std::to_string(doc.facts[i].block) +
                                  ", which does not exist");
    return doc;
}

}  // namespace

Document read_json(std::string_view json, const std::string& name) {
    thread_local Scratch reused;
    if (json.size() > kReuseLimit) {
        Scratch own;
        return JsonReader(json, name, own).read();
    }
    return JsonReader(json, name, reused).read();
}

}  // namespace gongwen
