#include "model/decode.hpp"
#include "model/enrich.hpp"
#include "model/sha256.hpp"
#include "converters/text/text.hpp"

namespace gongwen {

namespace {

Source source_of(std::string_view bytes, const std::string& name) {
    Source source;
    source.name = name;
    source.size = bytes.size();
    source.sha256 = sha256_hex(bytes);
    return source;
}

Document read_decoded(Source source, Decoded decoded) {
    source.charset = decoded.charset;
    source.charset_guessed = decoded.guessed;
    std::vector<RawBlock> lines = split_lines(decoded.text, source.name);
    std::string().swap(decoded.text);  // the lines hold the text now: freed before the passes run
    return enrich(std::move(source), std::move(lines));
}

}  // namespace

Document read_text(std::string_view bytes, const std::string& name) {
    Decoded decoded = decode(bytes, name);
    return read_decoded(source_of(bytes, name), std::move(decoded));
}

Document read_text(std::string&& bytes, const std::string& name) {
    Source source = source_of(bytes, name);  // before the bytes become the text
    return read_decoded(std::move(source), decode_taking(std::move(bytes), name));
}

}  // namespace gongwen
