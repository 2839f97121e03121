// The package as a stream of SAX events (libxml2's push parser), with no DTD, no entity
// expansion and no network: a package is data from outside and is read as such.
#include "converters/eep/package_reader.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace gongwen::eep {

namespace {

constexpr std::size_t kTextCap = 1 << 20;        // metadata values longer than this are cut
constexpr std::size_t kPendingBytes = 1 << 16;   // decoded bytes held before writing them out
constexpr std::size_t kMaxElements = 1'000'000;  // far beyond any package; bounds the tree

PackageReader& reader_of(void* user) { return *static_cast<PackageReader*>(user); }

int line_of(PackageReader& r) { return r.context ? xmlSAX2GetLineNumber(r.context) : 0; }

void on_start(void* user, const xmlChar* local, const xmlChar*, const xmlChar* uri, int, const xmlChar**, int count,
              int, const xmlChar** attributes) {
    PackageReader& r = reader_of(user);
    std::vector<std::pair<std::string, std::string>> attrs;
    for (int i = 0; i < count; ++i) {
        const xmlChar* const* a = attributes + 5 * i;  // local name, prefix, URI, value, value end
        attrs.emplace_back(reinterpret_cast<const char*>(a[0]),
                           std::string(reinterpret_cast<const char*>(a[3]), reinterpret_cast<const char*>(a[4])));
    }
    r.start(reinterpret_cast<const char*>(local), uri ? reinterpret_cast<const char*>(uri) : "", std::move(attrs),
            line_of(r));
}

void on_end(void* user, const xmlChar*, const xmlChar*, const xmlChar*) { reader_of(user).end(); }

void on_characters(void* user, const xmlChar* text, int size) {
    reader_of(user).characters(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

// A document type declaration could define entities (the "billion laughs") or fetch an
// external subset; a package has no use for one, so its mere presence stops the parse.
void on_doctype(void* user, const xmlChar*, const xmlChar*, const xmlChar*) {
    PackageReader& r = reader_of(user);
    r.dtd = true;
    r.fail("the package declares a DTD (<!DOCTYPE>); refused, as entities could expand or load files", line_of(r));
}

xmlEntityPtr no_entity(void*, const xmlChar*) { return nullptr; }
void quiet(void*, xmlErrorPtr) {}  // errors are read from the parser context instead

xmlSAXHandler sax_handler() {
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_characters;
    sax.cdataBlock = on_characters;
    sax.internalSubset = on_doctype;
    sax.externalSubset = on_doctype;
    sax.getEntity = no_entity;
    sax.getParameterEntity = no_entity;
    sax.serror = quiet;
    return sax;
}

struct ParserFree {
    void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
};

}  // namespace

TempFile::TempFile() {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    std::string name = (dir / "gongwen-verify-XXXXXX").string();
    fd_ = ::mkstemp(name.data());
    if (fd_ >= 0) ::unlink(name.c_str());
}

TempFile::~TempFile() {
    if (fd_ >= 0) ::close(fd_);
}

bool TempFile::write(const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

std::string TempFile::path() const { return "/proc/self/fd/" + std::to_string(fd_); }

void Payload::flush() {
    sm3.update(pending.data(), pending.size());
    sha256.update(pending.data(), pending.size());
    size += pending.size();
    if (file.ok() && !file.write(pending.data(), pending.size()) && error.empty())
        error = std::string("cannot write a temporary file: ") + std::strerror(errno);
    pending.clear();
}

void PackageReader::start(const char* name, const char* ns, std::vector<std::pair<std::string, std::string>> attributes,
                          int line) {
    if (nodes.size() >= kMaxElements) return fail("more than a million elements; not read further", line);
    Node n;
    n.name = name;
    n.ns = ns;
    n.attributes = std::move(attributes);
    n.line = line;
    n.parent = open_.empty() ? kNoNode : open_.back();
    const std::size_t index = nodes.size();
    if (n.parent != kNoNode) nodes[n.parent].children.push_back(index);
    if (n.name == "编码数据") {
        n.payload = static_cast<int>(payloads.size());
        payloads.push_back(std::make_unique<Payload>());
        payloads.back()->node = index;
        if (!payloads.back()->file.ok()) payloads.back()->error = "cannot create a temporary file";
    }
    nodes.push_back(std::move(n));
    open_.push_back(index);
}

void PackageReader::end() {
    if (open_.empty()) return;
    const Node& n = nodes[open_.back()];
    if (n.payload >= 0) {
        Payload& p = *payloads[static_cast<std::size_t>(n.payload)];
        p.flush();
        p.complete = !p.decoder.failed() && p.decoder.finish();
        if (!p.complete && !p.decoder.failed()) p.error = "the base64 ends in the middle of a group";
        if (p.decoder.failed()) p.error = "not base64: " + p.decoder.error();
        p.sm3_value = p.sm3.finish();
        p.sha256_value = p.sha256.finish();
    }
    open_.pop_back();
}

void PackageReader::characters(const char* text, std::size_t size) {
    if (open_.empty()) return;
    Node& n = nodes[open_.back()];
    if (n.payload < 0) {
        if (n.text.size() < kTextCap) n.text.append(text, std::min(size, kTextCap - n.text.size()));
        return;
    }
    Payload& p = *payloads[static_cast<std::size_t>(n.payload)];
    if (p.decoder.failed()) return;
    p.decoder.feed(std::string_view(text, size), p.pending);
    if (p.pending.size() >= kPendingBytes) p.flush();
}

void PackageReader::fail(std::string message, int line) {
    if (error.empty()) error = std::move(message), error_line = line;
    if (context) xmlStopParser(static_cast<xmlParserCtxtPtr>(context));
}

bool PackageReader::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the package";
        return false;
    }
    return read(in, path);
}

bool PackageReader::read(std::istream& in, const std::string& name) {
    xmlSAXHandler sax = sax_handler();
    const std::unique_ptr<xmlParserCtxt, ParserFree> parser(
        xmlCreatePushParserCtxt(&sax, this, nullptr, 0, name.c_str()));
    if (!parser) {
        error = "cannot start the XML parser";
        return false;
    }
    xmlCtxtUseOptions(parser.get(), XML_PARSE_NONET);
    context = parser.get();
    std::string chunk(1 << 16, '\0');
    bool last = false;
    while (!last && error.empty()) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<int>(in.gcount());
        last = n == 0 || in.eof();
        if (in.bad()) fail("cannot read the package", 0);
        if (xmlParseChunk(parser.get(), chunk.data(), n, last ? 1 : 0) != 0 && error.empty()) {
            const xmlError* e = xmlCtxtGetLastError(parser.get());
            std::string message = e && e->message ? e->message : "not well-formed XML";
            while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
            fail("not well-formed XML: " + message, e ? e->line : 0);
        }
    }
    context = nullptr;
    if (error.empty() && nodes.empty()) error = "the package is empty";
    return error.empty();
}

std::vector<std::size_t> children_named(const std::vector<Node>& nodes, std::size_t node, const std::string& name) {
    std::vector<std::size_t> out;
    if (node == kNoNode) return out;
    for (std::size_t c : nodes[node].children)
        if (nodes[c].name == name) out.push_back(c);
    return out;
}

std::size_t child_named(const std::vector<Node>& nodes, std::size_t node, const std::string& name) {
    if (node == kNoNode) return kNoNode;
    for (std::size_t c : nodes[node].children)
        if (nodes[c].name == name) return c;
    return kNoNode;
}

std::string text_of(const std::vector<Node>& nodes, std::size_t node) {
    if (node == kNoNode) return {};
    std::string_view t = nodes[node].text;
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!t.empty() && space(t.front())) t.remove_prefix(1);
    while (!t.empty() && space(t.back())) t.remove_suffix(1);
    return std::string(t);
}

std::string attribute_of(const Node& node, const std::string& name) {
    for (const auto& [key, value] : node.attributes)
        if (key == name) return value;
    return {};
}

}  // namespace gongwen::eep
