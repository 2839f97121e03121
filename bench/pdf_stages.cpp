// pdf_stages [--copies N] PATH...: where a PDF's CPU time goes, stage by stage, without a
// profiler. Reads every file of PATH (files, or folders read recursively) N times (default 10)
// on one thread and makes each report's PDF in memory as `gongwen convert -t pdf` does: read
// (bytes to the document model), layout, font subsetting, compression of the streams, and the
// rest of the writing (drawing the pages' content, the objects, fonts' widths and maps, the
// trailer's digest). Prints the CPU time of each stage per PDF and its share. Nothing is
// written to disk, so the file system's cost (a batch's temporary files and renames) is not in
// these figures; `bench/pdf_quick.sh` measures the whole command.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "converters/pdf/draw.hpp"
#include "gongwen/fonts.hpp"
#include "gongwen/read.hpp"
#include "layout/layout.hpp"

namespace {

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    int copies = 10;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--copies" && i + 1 < argc) {
            copies = std::max(1, std::stoi(argv[++i]));
        } else if (fs::is_directory(arg)) {
            for (const auto& e : fs::recursive_directory_iterator(arg))
                if (e.is_regular_file()) files.push_back(e.path().string());
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: pdf_stages [--copies N] PATH...\n");
        return 2;
    }
    std::sort(files.begin(), files.end());
    const double start = cpu_seconds();
    const gongwen::Reader reader;
    const gongwen::Fonts fonts;
    const double setup = cpu_seconds() - start;
    double read = 0, layout = 0, write = 0;
    gongwen::pdf::WriteTimes times;
    std::size_t pdfs = 0, bytes = 0, pages = 0;
    for (int copy = 0; copy < copies; ++copy)
        for (const std::string& file : files) {
            double t = cpu_seconds();
            const gongwen::Document doc = reader.read_file(file);
            double u = cpu_seconds();
            read += u - t;
            const gongwen::layout::Layout laid_out = gongwen::layout::lay_out(doc, fonts.set());
            t = cpu_seconds();
            layout += t - u;
            gongwen::pdf::Archive archive;
            archive.title = doc.source.name;
            archive.creator = archive.producer = "gongwen pdf_stages";
            const std::string pdf = gongwen::pdf::write_direct(laid_out, fonts.set(), archive, {}, nullptr, &times);
            write += cpu_seconds() - t;
            ++pdfs, bytes += pdf.size(), pages += laid_out.pages.size();
        }
    const double total = read + layout + write;
    const auto row = [&](const char* stage, double seconds) {
        std::printf("| %s | %.0f | %.1f %% |\n", stage, seconds / static_cast<double>(pdfs) * 1e6,
                    seconds / total * 100);
    };
    std::printf(
        "%zu PDFs (%zu files × %d), %zu pages, %.1f MB; one thread; %.0f ms to open the fonts and catalog once\n\n",
        pdfs, files.size(), copies, pages, static_cast<double>(bytes) / 1e6, setup * 1e3);
    std::printf("| stage | µs CPU per PDF | share |\n|---|---:|---:|\n");
    row("read (bytes → document)", read);
    row("layout", layout);
    row("font subsetting", times.subsetting);
    row("compression (ISA-L: fonts; libdeflate: the rest)", times.compression);
    row("writing: content, objects, maps, digest", write - times.subsetting - times.compression);
    row("total", total);
    std::printf("\n%.1f PDFs per CPU-second in these stages (reading the files and writing to disk not counted)\n",
                static_cast<double>(pdfs) / total);
    return 0;
}
