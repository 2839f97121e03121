// Plain text in: decode (charset), then one raw block per line for the passes.
#include "gongwen/decode.hpp"
#include "gongwen/digest.hpp"
#include "gongwen/text.hpp"

namespace gongwen {

namespace {

Source source_of(std::string_view bytes, const std::string& name) {
    Source source;
    source.name = name;
    source.size = bytes.size();
    source.sha256 = sha256_hex(bytes);
    return source;
}

RawDocument read_decoded(Source source, Decoded decoded, const Budget& budget) {
    RawDocument raw;
    raw.source = std::move(source);
    raw.source.charset = decoded.charset;
    raw.source.charset_guessed = decoded.guessed;
    raw.blocks = split_lines(decoded.text, budget);
    return raw;  // the lines hold the text now: the decoded copy goes here, before the passes run
}

}  // namespace

RawDocument read_text(std::string_view bytes, const std::string& name, const Budget& budget) {
    Decoded decoded = decode(bytes, name);
    return read_decoded(source_of(bytes, name), std::move(decoded), budget);
}

RawDocument read_text(std::string&& bytes, const std::string& name, const Budget& budget) {
    Source source = source_of(bytes, name);  // before the bytes become the text
    return read_decoded(std::move(source), decode_taking(std::move(bytes), name), budget);
}

}  // namespace gongwen
