// The inputs of a run and where their outputs go.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "gongwen/formats.hpp"

namespace gongwen {

struct InputSpec {
    std::vector<std::string> paths;     // files and directories (recursed), "-" for stdin
    std::string from_list;              // a file listing inputs one per line, "-" for stdin
    std::vector<std::string> includes;  // globs on the path below a directory (default: all)
    std::vector<std::string> excludes;
    std::size_t shard = 0;  // 1-based shard K of `shards`; 0 = no sharding
    std::size_t shards = 0;
};

struct Input {
    std::string path;         // as it is opened
    std::string relative;     // the path the output tree mirrors
    std::size_t ordinal = 0;  // position among all inputs, before sharding: the same on every shard
};

// The inputs in a deterministic order (arguments in order, directory contents sorted), with
// duplicates removed and the shard applied. Throws gongwen::Error for an unreadable directory
// or list file.
std::vector<Input> expand_inputs(const InputSpec& spec);

// Whether `input` belongs to shard K of N: a stable hash of its relative path, so every
// machine running the same inputs agrees without talking to the others.
bool in_shard(const std::string& relative, std::size_t k, std::size_t n);

// out_dir/<relative>.<extension>: the input's own name with the format's extension appended,
// so two inputs can never share an output, and the path stays inside out_dir.
std::string output_path(const std::string& out_dir, const Input& input, const Format& format);

}  // namespace gongwen
