#include "cli/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "model/error.hpp"

namespace gongwen {

namespace fs = std::filesystem;

namespace {

// The temporary file being written, for the signal handler (which may only call unlink).
char g_temp_path[4096];
std::atomic<bool> g_temp_active{false};

extern "C" void on_signal(int sig) {
    if (g_temp_active.load()) unlink(g_temp_path);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::string errno_text() { return std::strerror(errno); }

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

void write_all(int fd, const std::string& content, const std::string& path) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(path, "cannot write: " + errno_text());
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        return data;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw Error(path, "is a directory, not a file");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw Error(path, "cannot open: " + errno_text());
    std::string data;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) throw Error(path, "cannot read");
    return data;
}

void write_output(const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs) {
    if (path == "-") {
        if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() || std::fflush(stdout) != 0)
            throw Error("standard output", "cannot write: " + errno_text());
        return;
    }
    for (const std::string& in : inputs)
        if (in == path || (in != "-" && same_file(in, path))) throw Error(path, "refusing to overwrite an input file");
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    if (temp.size() >= sizeof g_temp_path) throw Error(path, "path too long");
    const int fd = mkstemp(temp.data());
    if (fd < 0) throw Error(path, "cannot create a file in " + dir.string() + ": " + errno_text());
    std::memcpy(g_temp_path, temp.c_str(), temp.size() + 1);
    g_temp_active.store(true);
    try {
        write_all(fd, content, path);
        if (::fchmod(fd, 0644) != 0 || ::close(fd) != 0) throw Error(path, "cannot write: " + errno_text());
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        g_temp_active.store(false);
        throw;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temp.c_str());
        g_temp_active.store(false);
        throw Error(path, "cannot write: " + why);
    }
    g_temp_active.store(false);
}

void install_signal_cleanup() {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::signal(SIGPIPE, SIG_IGN);
}

}  // namespace gongwen
