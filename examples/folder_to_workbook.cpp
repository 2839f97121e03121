// folder_to_workbook DIR OUT.xlsx
//
// Reads every file of a folder and writes one summary workbook: a row per report with the
// indicator catalog's values, every fact with its quote, the reports' metadata. A file that
// cannot be read is named on stderr and in the workbook's 文档 sheet, and the others go on;
// the exit status is then 1, with the workbook written all the same.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <gongwen/files.hpp>
#include <gongwen/read.hpp>
#include <gongwen/xlsx.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: folder_to_workbook DIR OUT.xlsx\n";
        return 2;
    }
    const std::string out = argv[2];
    try {
        // In name order, so that the same folder always gives the same workbook.
        std::vector<std::string> inputs;
        for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
            if (entry.is_regular_file()) inputs.push_back(entry.path().string());
        std::sort(inputs.begin(), inputs.end());

        // One Reader for the whole folder: the catalog's indicators are prepared once, not once
        // a report.
        const gongwen::Reader reader;
        std::vector<gongwen::ReportEntry> reports;
        gongwen::XlsxOptions options;
        for (const std::string& path : inputs) {
            try {
                // A report is reduced to its entry at once (its text is dropped), so a folder of
                // thousands of reports does not have to fit in memory.
                reports.push_back(gongwen::report_entry(reader.read_file(path), reader.catalog()));
            } catch (const gongwen::Error& e) {  // a bad input; any other exception is a bug
                std::cerr << "folder_to_workbook: " << e.what() << "\n";
                options.failures.emplace_back(path, e.reason());
            }
        }

        // The values in the workbook are by the catalog the facts were mapped with.
        options.catalog = &reader.catalog();
        std::vector<std::string> warnings;  // what Excel's limits made the workbook cut
        const std::string xlsx = gongwen::write_xlsx(reports, options, &warnings);
        for (const std::string& w : warnings) std::cerr << "folder_to_workbook: warning: " << w << "\n";
        // Through a temporary file renamed into place; refused if OUT is one of the inputs.
        gongwen::write_output(out, xlsx, inputs);

        std::cout << out << ": " << reports.size() << " reports, " << options.failures.size() << " failed\n";
        return options.failures.empty() ? 0 : 1;
    } catch (const std::exception& e) {  // the folder or the workbook, not one report
        std::cerr << "folder_to_workbook: " << e.what() << "\n";
        return 1;
    }
}
