#include "gongwen/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <ostream>
#include <streambuf>

#include "gongwen/error.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/read.hpp"

namespace gongwen {

namespace fs = std::filesystem;

namespace {

// The temporary files being written, one slot per writer thread, for the signal handler,
// which may only read these and call unlink.
constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathMax = 4096;
char g_temp_paths[kSlots][kPathMax];
std::atomic<bool> g_temp_active[kSlots];

extern "C" void on_signal(int sig) {
    for (std::size_t i = 0; i < kSlots; ++i)
        if (g_temp_active[i].load()) unlink(g_temp_paths[i]);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// Registers a temporary file for removal on a signal; unregisters when it goes out of scope.
class TempSlot {
public:
    explicit TempSlot(const std::string& path) {
        if (path.size() >= kPathMax) return;
        for (std::size_t i = 0; i < kSlots; ++i) {
            bool expected = false;
            if (g_claimed[i].compare_exchange_strong(expected, true)) {
                std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
                g_temp_active[i].store(true);
                slot_ = i;
                return;
            }
        }
    }
    ~TempSlot() {
        if (slot_ == kSlots) return;
        g_temp_active[slot_].store(false);
        g_claimed[slot_].store(false);
    }
    TempSlot(const TempSlot&) = delete;
    TempSlot& operator=(const TempSlot&) = delete;

private:
    static inline std::atomic<bool> g_claimed[kSlots];
    std::size_t slot_ = kSlots;
};

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

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads `f` to its end into `data`, which holds `expected` bytes when the size is known
// beforehand (so that a large input is one allocation of its size, not a doubling string);
// stops as soon as the input is over the budget's max_input_size.
void read_stream(std::FILE* f, const std::string& name, std::uint64_t expected, std::string& data,
                 const Budget& budget) {
    const std::uint64_t max = budget.limits().max_input_size;
    data.reserve(static_cast<std::size_t>(max > 0 ? std::min(expected, max) : expected));
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        data.append(buffer, n);
        if (max > 0 && data.size() > max)
            throw LimitError(name, "input is over the " + format_size(max) + " limit", Limit::input_size);
    }
    if (std::ferror(f) != 0) throw Error(name, "cannot read: " + errno_text());
}

}  // namespace

std::string read_input(const std::string& path, const Budget& budget) {
    std::string data;
    if (path == "-") {
        read_stream(stdin, "standard input", 0, data, budget);
        return data;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw Error(path, "is a directory, not a file");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw Error(path, "cannot open: " + errno_text());
    const std::unique_ptr<std::FILE, FileCloser> closer(f);
    struct stat st {};
    const bool regular = ::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    const std::uint64_t size = regular ? static_cast<std::uint64_t>(st.st_size) : 0;
    Budget(budget.limits(), path).check_input_size(size);
    read_stream(f, path, size, data, budget);
    return data;
}

namespace {

// Writes `path` through `fill(fd)` into a temporary file beside it, renamed over `path` only
// when everything was written: a failed or interrupted write leaves no partial file, and an
// input is never overwritten.
void write_atomically(const std::string& path, const std::vector<std::string>& inputs,
                      const std::function<void(int)>& fill) {
    for (const std::string& in : inputs)
        if (in == path || (in != "-" && same_file(in, path))) throw Error(path, "refusing to overwrite an input file");
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    // The temporary name is known before the file exists, so it is registered for removal
    // on a signal before there is anything to remove.
    static std::atomic<unsigned long> counter{0};
    const std::string temp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(counter.fetch_add(1))))
                                 .string();
    const TempSlot slot(temp);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw Error(path, "cannot create a file in " + dir.string() + ": " + errno_text());
    try {
        fill(fd);
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    if (::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temp.c_str());
        throw Error(path, "cannot write: " + why);
    }
}

}  // namespace

void write_output(const std::string& path, const std::string& content, const std::vector<std::string>& inputs) {
    if (path == "-") {
        if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() || std::fflush(stdout) != 0)
            throw Error("standard output", "cannot write: " + errno_text());
        return;
    }
    write_atomically(path, inputs, [&](int fd) { write_all(fd, content, path); });
}

namespace {

// An output buffer on a file descriptor that throws gongwen::Error when a write fails.
class FdStreamBuf : public std::streambuf {
public:
    FdStreamBuf(int fd, std::string name) : fd_(fd), name_(std::move(name)) { setp(buffer_, buffer_ + sizeof buffer_); }

protected:
    int_type overflow(int_type c) override {
        drain();
        if (!traits_type::eq_int_type(c, traits_type::eof())) *pptr() = traits_type::to_char_type(c), pbump(1);
        return traits_type::not_eof(c);
    }
    int sync() override {
        drain();
        return 0;
    }

private:
    void drain() {
        for (const char* p = pbase(); p < pptr();) {
            const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw Error(name_, "cannot write: " + errno_text());
            p += n;
        }
        setp(buffer_, buffer_ + sizeof buffer_);
    }
    int fd_;
    std::string name_;
    char buffer_[1 << 16];
};

void stream_to(int fd, const std::string& name, const std::function<void(std::ostream&)>& write) {
    FdStreamBuf buffer(fd, name);
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit);  // the writer's own exception, not a silent bad stream
    write(out);
    out.flush();
}

}  // namespace

void write_output_stream(const std::string& path, const std::function<void(std::ostream&)>& write,
                         const std::vector<std::string>& inputs) {
    if (path == "-") {
        std::fflush(stdout);
        return stream_to(STDOUT_FILENO, "standard output", write);
    }
    write_atomically(path, inputs, [&](int fd) { stream_to(fd, path, write); });
}

void install_signal_cleanup() {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::signal(SIGPIPE, SIG_IGN);
    // Over a file size limit (ulimit -f) a write then fails with EFBIG, handled as a full
    // disk is, instead of the signal killing the process with the temporary file left behind.
    std::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace gongwen
