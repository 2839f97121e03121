// Reads a package as a stream: every element but the payloads becomes a small tree node; each
// 编码数据 is decoded in chunks into its digests and an unnamed temporary file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "converters/eep/eep_internal.hpp"

namespace gongwen::eep {

inline constexpr std::size_t kNoNode = static_cast<std::size_t>(-1);

struct Node {
    std::string name;                                             // local name
    std::string ns;                                               // namespace URI
    std::vector<std::pair<std::string, std::string>> attributes;  // local name, value
    std::string text;                                             // the element's own character data (capped)
    std::size_t parent = kNoNode;
    std::vector<std::size_t> children;
    int line = 0;
    int payload = -1;  // index into PackageReader::payloads for 编码数据
};

// A temporary file removed from the directory as soon as it is created, so nothing is left
// behind however the process ends; readers open it again through /proc/self/fd.
class TempFile {
public:
    TempFile();
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    bool ok() const { return fd_ >= 0; }
    bool write(const char* data, std::size_t size);
    std::string path() const;

private:
    int fd_ = -1;
};

struct Payload {
    std::size_t node = kNoNode;
    std::uint64_t size = 0;
    Digest sm3{"SM3"};
    Digest sha256{"SHA256"};
    std::vector<unsigned char> sm3_value, sha256_value;  // set when the element ends
    Base64Decoder decoder;
    bool complete = false;  // decoded to the end without error
    std::string error;
    TempFile file;
    std::string pending;  // decoded bytes not yet digested and written
    void flush();
};

class PackageReader {
public:
    // Parses `path`. Returns false with `error` set when the package is not well-formed XML,
    // declares a DTD, or cannot be read.
    bool read(const std::string& path);
    // The same for a package read from `in`; `name` is the document's URL for libxml2.
    bool read(std::istream& in, const std::string& name);

    std::vector<Node> nodes;  // nodes[0] is the root once read
    std::vector<std::unique_ptr<Payload>> payloads;
    std::string error;
    int error_line = 0;
    bool dtd = false;  // refused because it declares a DTD

    // Internal: the libxml2 callbacks.
    void start(const char* name, const char* ns, std::vector<std::pair<std::string, std::string>> attributes, int line);
    void end();
    void characters(const char* text, std::size_t size);
    void fail(std::string message, int line);
    void* context = nullptr;  // the libxml2 parser, to stop it

private:
    std::vector<std::size_t> open_;  // the element stack
};

// Tree helpers: children by local name, trimmed text.
std::vector<std::size_t> children_named(const std::vector<Node>& nodes, std::size_t node, const std::string& name);
std::size_t child_named(const std::vector<Node>& nodes, std::size_t node, const std::string& name);
std::string text_of(const std::vector<Node>& nodes, std::size_t node);
std::string attribute_of(const Node& node, const std::string& name);

}  // namespace gongwen::eep
