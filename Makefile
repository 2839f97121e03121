# The two commands of the README. Both set up what is missing first.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja
# The sanitizer build: clang with ASan + UBSan and libFuzzer's coverage instrumentation, so that
# the same objects make the test suite and the fuzz targets (fuzz/). -O1 keeps both fast enough.
# FUZZ_SECONDS: how long `make test` runs each fuzz target there.
FUZZ_SECONDS ?= 45
ASAN_FLAGS := -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
              -DGONGWEN_SANITIZE=ON -DGONGWEN_FUZZ=ON -DGONGWEN_FUZZ_SMOKE_SECONDS=$(FUZZ_SECONDS)

.PHONY: all bootstrap build build-asan demo test test-asan clean

all: build

bootstrap:
	@bash scripts/bootstrap.sh

build: bootstrap
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: bootstrap
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) $(ASAN_FLAGS) > /dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

# Converts every bundled fixture into out/ in each output format.
demo: build
	@bash scripts/demo.sh $(BUILD)/gongwen out

# The whole suite, then the whole suite again under AddressSanitizer + UBSan together with a
# FUZZ_SECONDS run of every fuzz target (ctest -L fuzz; scripts/fuzz.sh). Leaks inside cairo,
# fontconfig and PoDoFo themselves are suppressed by tests/lsan.supp (see there why); malloc
# stacks are unwound fully so that those suppressions can see past the libraries' frames.
test: build build-asan
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
