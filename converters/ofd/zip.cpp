// The OFD container: a zip written in memory with libzip.
#include <zip.h>

#include <ctime>
#include <memory>
#include <stdexcept>

#include "converters/ofd/package.hpp"

namespace gongwen::ofd {

namespace {

struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

std::runtime_error zip_failure(const std::string& what, zip_error_t* error) {
    std::runtime_error e("OFD container: " + what + ": " + zip_error_strerror(error));
    zip_error_fini(error);
    return e;
}

// The instant libzip turns into the DOS date 1980-01-01 00:00: a zip states local time, which
// libzip computes with localtime(), so the instant is the local one, whatever the time zone.
std::time_t dos_epoch() {
    std::tm tm{};
    tm.tm_year = 80, tm.tm_mon = 0, tm.tm_mday = 1, tm.tm_isdst = 0;
    return std::mktime(&tm);
}

}  // namespace

std::string zip(const std::vector<Part>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) throw zip_failure("no buffer", &error);
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) throw zip_failure("cannot open", &error);
    zip_source_keep(buffer.get());  // the archive's close would free it; its bytes are read after
    const std::time_t date = dos_epoch();
    for (const Part& part : parts) {
        zip_source_t* source = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
        const zip_int64_t index = source ? zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            const std::string message = std::string("cannot add ") + part.name + ": " + zip_strerror(archive);
            zip_discard(archive);
            throw std::runtime_error("OFD container: " + message);
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (zip_file_set_mtime(archive, i, date, 0) != 0 ||
            zip_set_file_compression(archive, i, part.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, part.deflate ? 6 : 0) != 0) {
            const std::string message = zip_strerror(archive);
            zip_discard(archive);
            throw std::runtime_error("OFD container: " + message);
        }
    }
    if (zip_close(archive) != 0) {
        const std::string message = zip_strerror(archive);
        zip_discard(archive);
        throw std::runtime_error("OFD container: cannot write: " + message);
    }
    zip_stat_t stat;
    if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0)
        throw std::runtime_error("OFD container: cannot read the zip back");
    std::string out(static_cast<std::size_t>(stat.size), '\0');
    const zip_int64_t n = zip_source_read(buffer.get(), out.data(), out.size());
    zip_source_close(buffer.get());
    if (n < 0 || static_cast<zip_uint64_t>(n) != stat.size) throw std::runtime_error("OFD container: short read");
    return out;
}

}  // namespace gongwen::ofd
