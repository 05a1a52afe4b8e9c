# icpcheck — make targets
#   make run    install missing system packages, build, check the sample applications in Samples/
#               and write their review report (its path is printed last)
#   make test   install missing system packages, build, run the whole test suite
#   make build  optimised build only
#   make bench  release build; our JPEG decode against djpeg on the same files (ratios), the
#               heuristics and reading per file, batch throughput and memory, cached re-runs
#               with the review report (and its size)
#   make eval   precision and recall of the pixel heuristics on labelled images (the corpus photos,
#               the samples, a generated document set written to .build/document-set, and capture
#               variants of the corpus photos written to .build/photo-variants)
#   make golden what the last commit (or REF=…) and the working tree say about the same inputs, diffed
#   make asan   the codec, robustness, face-detector and editing-trace tests under AddressSanitizer
#   make clean  remove build folders
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build and the tests need: the codec libraries, pkg-config, djpeg (bench),
# OpenCV's published face cascades (data only, no OpenCV library), and Tesseract with its
# simplified-Chinese and English models (the "fast" models Debian ships; nothing is downloaded),
# and dlib, whose HOG face detector has its model compiled in (LAPACK and BLAS for its linking),
# SQLite (the report cache), Chromium with a CJK font for the review report's browser test, and
# tmux for the terminal test.
APT_PACKAGES := libjpeg-dev libpng-dev libexif-dev libwebp-dev pkg-config libjpeg-turbo-progs opencv-data \
	tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng libtesseract-dev libleptonica-dev \
	libdlib-dev liblapack-dev libblas-dev libsqlite3-dev chromium fonts-wqy-microhei tmux

.PHONY: setup build run test bench eval golden asan clean

setup:
	@bash Scripts/install-packages.sh $(APT_PACKAGES)

# One optimised build serves run, eval and test: the pixel heuristics (face detection on every
# photo) are far too slow unoptimised, and the tests need testability.
BUILD_FLAGS := -c release -Xswiftc -enable-testing
BIN = $$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)

build: setup
	$(SWIFT) build $(BUILD_FLAGS)

run: build
	@$(BIN)/icpcheck batch Samples --out .build/samples-out --html; status=$$?; \
	  if [ $$status -le 1 ]; then echo "Done (most samples are not ready on purpose: each shows one problem)."; fi; \
	  echo "Manifests in .build/samples-out/; review report: file://$(CURDIR)/.build/samples-out/report/index.html"; \
	  [ $$status -le 1 ]

test: setup
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build --parallel $(BUILD_FLAGS)

bench: setup
	@BUILD_FLAGS="$(BUILD_FLAGS)" bash Scripts/bench.sh

# The document set is drawn by Python (numpy) from corpus pages and generated layouts.
EVAL_PACKAGES := python3 python3-numpy libjpeg-turbo-progs
DOCUMENT_SET := .build/document-set

$(DOCUMENT_SET)/labels.json: Scripts/make-document-set.py $(wildcard Scripts/docset/*.py Scripts/samples/*.py)
	@bash Scripts/install-packages.sh $(EVAL_PACKAGES)
	rm -rf $(DOCUMENT_SET)
	python3 Scripts/make-document-set.py $(DOCUMENT_SET)

# Capture variants of the labelled corpus photos: other sizes, exposures, colour casts, turns, noise.
PHOTO_VARIANTS := .build/photo-variants

$(PHOTO_VARIANTS)/labels.json: Scripts/make-photo-variants.py $(wildcard Scripts/docset/*.py Scripts/samples/*.py)
	@bash Scripts/install-packages.sh $(EVAL_PACKAGES)
	rm -rf $(PHOTO_VARIANTS)
	python3 Scripts/make-photo-variants.py $(PHOTO_VARIANTS)

# Readable licences, ID cards, statements and certificates with known numbers, names and dates,
# drawn with CJK fonts by Debian's Python and Pillow: a split to tune on, and one never tuned on
# (other seeds, fonts and layouts).
READING_PACKAGES := python3-pil python3-numpy fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming \
	fonts-arphic-ukai fonts-dejavu-core
READING_TUNE := .build/reading-tune
READING_HOLDOUT := .build/reading-holdout
READING_SCRIPTS := Scripts/make-reading-set.py $(wildcard Scripts/reading/*.py Scripts/docset/*.py)

$(READING_TUNE)/labels.json: $(READING_SCRIPTS)
	@bash Scripts/install-packages.sh $(READING_PACKAGES)
	rm -rf $(READING_TUNE)
	/usr/bin/python3 Scripts/make-reading-set.py $(READING_TUNE) --split tune

$(READING_HOLDOUT)/labels.json: $(READING_SCRIPTS)
	@bash Scripts/install-packages.sh $(READING_PACKAGES)
	rm -rf $(READING_HOLDOUT)
	/usr/bin/python3 Scripts/make-reading-set.py $(READING_HOLDOUT) --split holdout

eval: build $(DOCUMENT_SET)/labels.json $(PHOTO_VARIANTS)/labels.json $(READING_TUNE)/labels.json $(READING_HOLDOUT)/labels.json
	@echo "== the real corpus (third parties' photographs and documents, labelled by a person)"
	@$(BIN)/icpcheck eval ../shared/corpora/real/labels.json
	@echo "== our own sets"
	@$(BIN)/icpcheck eval ../shared/corpora/photos/expected-labels.json Samples/labels.json $(DOCUMENT_SET)/labels.json \
		$(PHOTO_VARIANTS)/labels.json $(READING_TUNE)/labels.json $(READING_HOLDOUT)/labels.json

REF ?= HEAD
golden: build
	@BUILD_FLAGS="$(BUILD_FLAGS)" bash Scripts/golden.sh $(REF)

asan: setup
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt $(SWIFT) test --sanitize=address --scratch-path .build-asan --filter 'Robustness|Corpus|PNGFeature|FaceDetector|EditingTrace'

clean:
	rm -rf .build .build-asan .build-golden
