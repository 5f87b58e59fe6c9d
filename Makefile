# Two commands on a fresh machine: `make demo` (set up, ingest the bundled release, answer the sample
# question) and `make test`. Everything else is a building block of those two.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
QUESTION ?= why are dormant cells drug resistant?

.PHONY: demo install test test-fast eval bench ingest-time scale-real clean

demo: install
	$(BIN)/qabot ingest data/
	$(BIN)/qabot ask "$(QUESTION)"

# The native engine is rebuilt only when its source changed (its file name is a hash of it); so is
# the JMdict dictionary index (when jamdict-data or its build changed).
install: $(VENV)/.installed
	@$(BIN)/python -m index.engine >/dev/null
	@$(BIN)/python -m index.dictionary build >/dev/null

# torch comes first, from the local CPU build: anything that pulls plain `torch` would fetch CUDA.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m index.engine
	$(BIN)/python -m index.dictionary build
	touch $@

# The suite runs on TEST_WORKERS processes (pytest-xdist): most of its time is subprocesses starting
# and servers waiting, which a second worker overlaps. worksteal: an idle worker takes half of the
# other's queue, so a few long tests do not leave one worker idle at the end. TEST_WORKERS=0: serial.
TEST_WORKERS ?= 2
test: install
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist worksteal

test-fast: install
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist worksteal -m "not slow"

# The measured numbers of the README: dev set (bundled release) and devset2, with baselines.
# devset2's tune split is what thresholds and weights were chosen on; its held-out split is reported.
eval: install
	$(BIN)/qabot ingest data/ --store .qabot/dev
	$(BIN)/qabot eval tests/data/dev.jsonl --store .qabot/dev --baselines --report docs/eval-dev --output reports/dev-answers.jsonl
	$(BIN)/qabot eval tests/data/release-nearmiss.jsonl --store .qabot/dev --report docs/eval-release-nearmiss
	$(BIN)/qabot eval tests/data/release-probes.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes-tune
	$(BIN)/qabot eval tests/data/release-probes.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes-heldout
	$(BIN)/qabot eval tests/data/release-probes2.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes2
	$(BIN)/qabot eval tests/data/release-probes3.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes3
	$(BIN)/qabot eval tests/data/release-probes4.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes4-tune
	$(BIN)/qabot eval tests/data/release-probes4.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes4-heldout
	$(BIN)/qabot eval tests/data/release-probes5.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes5-tune
	$(BIN)/qabot eval tests/data/release-probes5.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes5-heldout
	$(BIN)/qabot eval tests/data/release-probes6.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes6-tune
	$(BIN)/qabot eval tests/data/release-probes6.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes6-heldout
	$(BIN)/qabot eval tests/data/release-probes7.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes7-tune
	$(BIN)/qabot eval tests/data/release-probes7.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes7-heldout
	$(BIN)/qabot eval tests/data/release-probes8.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes8-tune
	$(BIN)/qabot eval tests/data/release-probes8.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes8-heldout
	$(BIN)/qabot eval tests/data/release-probes9.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes9-tune
	$(BIN)/qabot eval tests/data/release-probes9.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes9-heldout
	$(BIN)/qabot eval tests/data/release-probes10.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes10-tune
	$(BIN)/qabot eval tests/data/release-probes10.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes10-heldout
	$(BIN)/qabot eval tests/data/release-probes11.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes11-tune
	$(BIN)/qabot eval tests/data/release-probes11.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes11-heldout
	$(BIN)/qabot eval tests/data/release-probes12.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes12-tune
	$(BIN)/qabot eval tests/data/release-probes12.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes12-heldout
	$(BIN)/qabot eval tests/data/release-probes13.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes13-tune
	$(BIN)/qabot eval tests/data/release-probes13.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes13-heldout
	$(BIN)/qabot eval tests/data/release-probes14.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes14-tune
	$(BIN)/qabot eval tests/data/release-probes14.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes14-heldout
	$(BIN)/qabot eval tests/data/release-probes15.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes15-tune
	$(BIN)/qabot eval tests/data/release-probes15.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes15-heldout
	$(BIN)/qabot eval tests/data/release-probes16.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes16-tune
	$(BIN)/qabot eval tests/data/release-probes16.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes16-heldout
	$(BIN)/qabot eval tests/data/release-probes17.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes17-tune
	$(BIN)/qabot eval tests/data/release-probes17.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes17-heldout
	$(BIN)/qabot eval tests/data/release-probes18.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes18-tune
	$(BIN)/qabot eval tests/data/release-probes18.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes18-heldout
	$(BIN)/qabot eval tests/data/release-probes19.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes19-tune
	$(BIN)/qabot eval tests/data/release-probes19.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes19-heldout
	$(BIN)/qabot eval tests/data/release-probes20.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes20-tune
	$(BIN)/qabot eval tests/data/release-probes20.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes20-heldout
	$(BIN)/qabot eval tests/data/release-probes21.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes21-tune
	$(BIN)/qabot eval tests/data/release-probes21.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes21-heldout
	$(BIN)/qabot eval tests/data/release-probes22.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes22-tune
	$(BIN)/qabot eval tests/data/release-probes22.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes22-heldout
	$(BIN)/qabot eval tests/data/release-probes23.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes23-tune
	$(BIN)/qabot eval tests/data/release-probes23.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes23-heldout
	$(BIN)/qabot eval tests/data/release-probes24.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes24-tune
	$(BIN)/qabot eval tests/data/release-probes24.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes24-heldout
	$(BIN)/qabot eval tests/data/release-probes25.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes25-tune
	$(BIN)/qabot eval tests/data/release-probes25.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes25-heldout
	$(BIN)/qabot eval tests/data/release-probes26.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes26-tune
	$(BIN)/qabot eval tests/data/release-probes26.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes26-heldout
	$(BIN)/qabot eval tests/data/release-probes27.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes27-tune
	$(BIN)/qabot eval tests/data/release-probes27.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes27-heldout
	$(BIN)/qabot eval tests/data/release-probes28.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes28-tune
	$(BIN)/qabot eval tests/data/release-probes28.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes28-heldout
	$(BIN)/qabot eval tests/data/release-probes29.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes29-tune
	$(BIN)/qabot eval tests/data/release-probes29.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes29-heldout
	$(BIN)/qabot eval tests/data/release-probes30.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes30-tune
	$(BIN)/qabot eval tests/data/release-probes30.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes30-heldout
	$(BIN)/qabot eval tests/data/release-probes31.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes31-tune
	$(BIN)/qabot eval tests/data/release-probes31.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes31-heldout
	$(BIN)/qabot eval tests/data/release-probes32.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes32-tune
	$(BIN)/qabot eval tests/data/release-probes32.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes32-heldout
	$(BIN)/qabot eval tests/data/release-probes33.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes33-tune
	$(BIN)/qabot eval tests/data/release-probes33.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes33-heldout
	$(BIN)/qabot eval tests/data/release-probes34.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes34-tune
	$(BIN)/qabot eval tests/data/release-probes34.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes34-heldout
	$(BIN)/qabot eval tests/data/release-probes35.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes35-tune
	$(BIN)/qabot eval tests/data/release-probes35.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes35-heldout
	$(BIN)/qabot eval tests/data/release-probes36.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes36-tune
	$(BIN)/qabot eval tests/data/release-probes36.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes36-heldout
	$(BIN)/qabot eval tests/data/release-probes37.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes37-tune
	$(BIN)/qabot eval tests/data/release-probes37.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes37-heldout
	$(BIN)/qabot eval tests/data/release-probes38.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes38-tune
	$(BIN)/qabot eval tests/data/release-probes38.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes38-heldout
	$(BIN)/qabot eval tests/data/release-probes39.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes39-tune
	$(BIN)/qabot eval tests/data/release-probes39.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes39-heldout
	$(BIN)/qabot eval tests/data/release-probes40.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes40-tune
	$(BIN)/qabot eval tests/data/release-probes40.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes40-heldout
	$(BIN)/qabot eval tests/data/release-probes41.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes41-tune
	$(BIN)/qabot eval tests/data/release-probes41.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes41-heldout
	$(BIN)/qabot eval tests/data/release-probes42.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes42-tune
	$(BIN)/qabot eval tests/data/release-probes42.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes42-heldout
	$(BIN)/qabot eval tests/data/release-probes43.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes43-tune
	$(BIN)/qabot eval tests/data/release-probes43.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes43-heldout
	$(BIN)/qabot eval tests/data/release-probes44.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes44-tune
	$(BIN)/qabot eval tests/data/release-probes44.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes44-heldout
	$(BIN)/qabot eval tests/data/release-probes45.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes45-tune
	$(BIN)/qabot eval tests/data/release-probes45.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes45-heldout
	$(BIN)/qabot eval tests/data/release-probes46.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes46-tune
	$(BIN)/qabot eval tests/data/release-probes46.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes46-heldout
	$(BIN)/qabot eval tests/data/release-probes47.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes47-tune
	$(BIN)/qabot eval tests/data/release-probes47.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes47-heldout
	$(BIN)/qabot eval tests/data/release-probes48.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes48-tune
	$(BIN)/qabot eval tests/data/release-probes48.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes48-heldout
	$(BIN)/qabot eval tests/data/release-probes49.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes49-tune
	$(BIN)/qabot eval tests/data/release-probes49.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes49-heldout
	$(BIN)/qabot eval tests/data/release-probes50.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes50-tune
	$(BIN)/qabot eval tests/data/release-probes50.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes50-heldout
	$(BIN)/qabot eval tests/data/release-probes51.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes51-tune
	$(BIN)/qabot eval tests/data/release-probes51.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes51-heldout
	$(BIN)/qabot eval tests/data/release-probes52.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes52-tune
	$(BIN)/qabot eval tests/data/release-probes52.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes52-heldout
	$(BIN)/qabot eval tests/data/release-probes53.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes53-tune
	$(BIN)/qabot eval tests/data/release-probes53.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes53-heldout
	$(BIN)/qabot eval tests/data/release-probes54.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes54-tune
	$(BIN)/qabot eval tests/data/release-probes54.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes54-heldout
	$(BIN)/qabot eval tests/data/release-probes55.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes55-tune
	$(BIN)/qabot eval tests/data/release-probes55.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes55-heldout
	$(BIN)/qabot eval tests/data/release-probes56.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes56-tune
	$(BIN)/qabot eval tests/data/release-probes56.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes56-heldout
	$(BIN)/qabot eval tests/data/release-probes57.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes57-tune
	$(BIN)/qabot eval tests/data/release-probes57.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes57-heldout
	$(BIN)/qabot eval tests/data/release-probes58.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes58-tune
	$(BIN)/qabot eval tests/data/release-probes58.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes58-heldout
	$(BIN)/qabot eval tests/data/release-probes59.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes59-tune
	$(BIN)/qabot eval tests/data/release-probes59.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes59-heldout
	$(BIN)/qabot eval tests/data/release-probes60.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes60-tune
	$(BIN)/qabot eval tests/data/release-probes60.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes60-heldout
	$(BIN)/qabot eval tests/data/release-probes61.jsonl --split tune --store .qabot/dev --report docs/eval-release-probes61-tune
	$(BIN)/qabot eval tests/data/release-probes61.jsonl --split heldout --store .qabot/dev --report docs/eval-release-probes61-heldout
	$(BIN)/qabot ingest tests/data/devset2/ja tests/data/devset2/en --store .qabot/devset2
	$(BIN)/qabot eval tests/data/devset2/qa.jsonl --split tune --store .qabot/devset2 --baselines --report docs/eval-devset2-tune
	$(BIN)/qabot eval tests/data/devset2/which-probes.jsonl --store .qabot/devset2 --report docs/eval-which-probes
	$(BIN)/qabot eval tests/data/devset2/date-probes.jsonl --store .qabot/devset2 --report docs/eval-date-probes
	$(BIN)/qabot eval tests/data/devset2/where-probes.jsonl --store .qabot/devset2 --report docs/eval-where-probes
	$(BIN)/qabot eval tests/data/devset2/number-probes.jsonl --store .qabot/devset2 --report docs/eval-number-probes
	$(BIN)/qabot eval tests/data/devset2/who-probes.jsonl --store .qabot/devset2 --report docs/eval-who-probes
	$(BIN)/qabot eval tests/data/devset2/mixed-probes.jsonl --store .qabot/devset2 --report docs/eval-mixed-probes
	$(BIN)/qabot eval tests/data/devset2/mixed2-probes.jsonl --store .qabot/devset2 --report docs/eval-mixed2-probes
	$(BIN)/qabot eval tests/data/devset2/mixed3-probes.jsonl --store .qabot/devset2 --report docs/eval-mixed3-probes
	$(BIN)/qabot eval tests/data/devset2/qa.jsonl --split heldout --store .qabot/devset2 --baselines --report docs/eval-devset2-heldout
	$(BIN)/qabot ingest tests/data/devset3/ja tests/data/devset2/ja tests/data/devset2/en --store .qabot/devset3
	$(BIN)/qabot eval tests/data/devset3/qa.jsonl --split tune --store .qabot/devset3 --report docs/eval-devset3-tune
	$(BIN)/qabot eval tests/data/devset3/qa.jsonl --split heldout --store .qabot/devset3 --baselines --report docs/eval-devset3-heldout
	$(BIN)/qabot ingest tests/data/devset4/ja tests/data/devset3/ja tests/data/devset2/ja tests/data/devset2/en --store .qabot/devset4
	$(BIN)/qabot eval tests/data/devset4/qa.jsonl --split tune --store .qabot/devset4 --report docs/eval-devset4-tune
	$(BIN)/qabot eval tests/data/devset4/qa.jsonl --split heldout --store .qabot/devset4 --baselines --report docs/eval-devset4-heldout
	$(BIN)/qabot ingest tests/data/devset5/ja tests/data/devset4/ja tests/data/devset3/ja tests/data/devset2/ja tests/data/devset2/en --store .qabot/devset5
	$(BIN)/qabot eval tests/data/devset5/qa.jsonl --split tune --store .qabot/devset5 --report docs/eval-devset5-tune
	$(BIN)/qabot eval tests/data/devset5/qa.jsonl --split heldout --store .qabot/devset5 --baselines --report docs/eval-devset5-heldout
	$(BIN)/qabot ingest tests/data/devset6/ja tests/data/devset5/ja tests/data/devset4/ja tests/data/devset3/ja tests/data/devset2/ja tests/data/devset2/en --store .qabot/devset6
	$(BIN)/qabot eval tests/data/devset6/qa.jsonl --split tune --store .qabot/devset6 --report docs/eval-devset6-tune
	$(BIN)/qabot eval tests/data/devset6/qa.jsonl --split heldout --store .qabot/devset6 --baselines --report docs/eval-devset6-heldout

bench: install
	$(BIN)/qabot bench --report docs/bench

# The README's ingest-time figure: devset2's 120 Japanese paragraphs x9 (1,080 files), one ingest.
INGEST_TIME_DIR := .qabot/ingest-time
ingest-time: install
	rm -rf $(INGEST_TIME_DIR) && mkdir -p $(INGEST_TIME_DIR)/docs
	for i in 1 2 3 4 5 6 7 8 9; do for f in tests/data/devset2/ja/*.txt; do \
		cp "$$f" "$(INGEST_TIME_DIR)/docs/c$${i}_$$(basename $$f)"; done; done
	$(BIN)/qabot ingest $(INGEST_TIME_DIR)/docs --store $(INGEST_TIME_DIR)/store

# The README's real-document scale check (#13): a store of SCALE_S one-paragraph files (devset2's
# Japanese paragraphs under distinct names), a copy of it given SCALE_MORE more, each measured as a
# reader sees it (warm ask p50/p95 and peak RSS, start-up). Ingesting the 10,305 takes ~15 min.
SCALE_DIR  := .qabot/scale
SCALE_S    ?= 1145
SCALE_MORE ?= 10305
scale-real: install
	rm -rf $(SCALE_DIR) && mkdir -p $(SCALE_DIR)/s $(SCALE_DIR)/more
	$(BIN)/python -c 'import itertools, pathlib, shutil; \
		src = sorted(pathlib.Path("tests/data/devset2/ja").glob("*.txt")); \
		copies = ((i, f) for i in itertools.count(1) for f in src); \
		[shutil.copy(f, pathlib.Path("$(SCALE_DIR)", "s" if n < $(SCALE_S) else "more", f"c{i}_{f.name}")) \
		 for n, (i, f) in zip(range($(SCALE_S) + $(SCALE_MORE)), copies)]'
	$(BIN)/qabot ingest $(SCALE_DIR)/s --store $(SCALE_DIR)/store-s
	cp -r $(SCALE_DIR)/store-s $(SCALE_DIR)/store-l
	$(BIN)/qabot ingest $(SCALE_DIR)/more --store $(SCALE_DIR)/store-l
	$(BIN)/qabot bench --measure-store $(SCALE_DIR)/store-s --questions tests/data/devset2/qa.jsonl --rounds 1
	$(BIN)/qabot bench --measure-store $(SCALE_DIR)/store-l --questions tests/data/devset2/qa.jsonl --rounds 1

clean:
	rm -rf $(VENV) .pytest_cache reports *.egg-info
