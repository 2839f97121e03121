// The inputs of a run: files and directories (read recursively, filtered by globs), a list file,
// the shard of a run split over machines; and where each input's outputs go.
#include "cli/inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "gongwen/error.hpp"

namespace gongwen {

namespace fs = std::filesystem;

namespace {

bool matches_any(const std::vector<std::string>& globs, const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
        return fnmatch(g.c_str(), path.c_str(), 0) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0;
    });
}

bool selected(const InputSpec& spec, const std::string& relative) {
    if (!spec.includes.empty() && !matches_any(spec.includes, relative)) return false;
    return !matches_any(spec.excludes, relative);
}

// A path as the output tree mirrors it: normalised, never absolute, never climbing out.
std::string mirror_of(const std::string& path) {
    std::string out;
    for (const fs::path& part : fs::path(path).lexically_normal().relative_path()) {
        const std::string p = part.string();
        if (p.empty() || p == ".") continue;
        if (!out.empty()) out += '/';
        out += p == ".." ? "__" : p;
    }
    return out.empty() ? "stdin" : out;
}

void add_directory(const InputSpec& spec, const std::string& dir, std::vector<Input>& out) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().filename().string()[0] != '.') files.push_back(it->path().string());
    }
    if (ec) throw Error(dir, "cannot read the directory: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
        const std::string below = fs::path(file).lexically_relative(dir).generic_string();
        if (selected(spec, below)) out.push_back(Input{file, mirror_of(file)});
    }
}

std::vector<std::string> read_list(const std::string& list) {
    std::vector<std::string> paths;
    std::string line;
    if (list == "-") {
        while (std::getline(std::cin, line))
            if (!line.empty()) paths.push_back(line);
        return paths;
    }
    std::ifstream in(list);
    if (!in) throw Error(list, "cannot open the input list");
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) paths.push_back(line);
    }
    return paths;
}

}  // namespace

bool in_shard(const std::string& relative, std::size_t k, std::size_t n) {
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: stable across machines and runs
    for (unsigned char c : relative) hash = (hash ^ c) * 1099511628211ull;
    return hash % n == k - 1;
}

std::vector<Input> expand_inputs(const InputSpec& spec) {
    std::vector<std::string> paths = spec.paths;
    if (!spec.from_list.empty()) {
        const std::vector<std::string> listed = read_list(spec.from_list);
        paths.insert(paths.end(), listed.begin(), listed.end());
    }
    std::vector<Input> all;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (path != "-" && fs::is_directory(path, ec))
            add_directory(spec, path, all);
        else
            all.push_back(Input{path, mirror_of(path)});
    }
    std::vector<Input> out;
    std::set<std::string> seen;
    std::size_t ordinal = 0;
    for (Input& in : all) {
        if (!seen.insert(in.relative).second) continue;
        in.ordinal = ordinal++;
        if (spec.shards > 0 && !in_shard(in.relative, spec.shard, spec.shards)) continue;
        out.push_back(std::move(in));
    }
    return out;
}

std::string output_path(const std::string& out_dir, const Input& input, const Format& format) {
    return (fs::path(out_dir) / (input.relative + "." + format.extensions.front())).string();
}

}  // namespace gongwen
