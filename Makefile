# icpcheck — make targets
#   make run    install missing system packages, build, check the sample applications in Samples/
#   make test   install missing system packages, build, run the whole test suite
#   make build  debug build only
#   make bench  release build; our JPEG decode against djpeg on the same files (ratios)
#   make asan   the codec and robustness tests under AddressSanitizer
#   make clean  remove build folders
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build and the tests need: the codec libraries, pkg-config, and djpeg (bench).
APT_PACKAGES := libjpeg-dev libpng-dev libexif-dev pkg-config libjpeg-turbo-progs

.PHONY: setup build run test bench asan clean

setup:
	@bash Scripts/install-packages.sh $(APT_PACKAGES)

build: setup
	$(SWIFT) build

run: build
	@$$($(SWIFT) build --show-bin-path)/icpcheck batch Samples --out .build/samples-out; status=$$?; \
	  echo "icpcheck exited with $$status (0: all ready, 1: some not ready, 2: error); manifests in .build/samples-out"; \
	  [ $$status -le 1 ]

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

bench: setup
	@bash Scripts/bench.sh

asan: setup
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt $(SWIFT) test --sanitize=address --scratch-path .build-asan --filter 'Robustness|Corpus|PNGFeature'

clean:
	rm -rf .build .build-asan
