#include "model/decode.hpp"
#include "model/enrich.hpp"
#include "model/sha256.hpp"
#include "converters/text/text.hpp"

namespace gongwen {

Document read_text(std::string_view bytes, const std::string& name) {
    Decoded decoded = decode(bytes, name);
    Source source;
    source.name = name;
    source.size = bytes.size();
    source.sha256 = sha256_hex(bytes);
    source.charset = decoded.charset;
    source.charset_guessed = decoded.guessed;
    return enrich(std::move(source), split_lines(decoded.text));
}

}  // namespace gongwen
