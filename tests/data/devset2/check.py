#!/usr/bin/env python3
"""Validate the devset2 QA evaluation dataset (python3 stdlib only).

Usage:  python3 check.py [DATASET_DIR]     (default: directory of this file)

Exit status 0 if every check passes, 1 otherwise.  Warnings (printed with
"WARN") do not cause failure.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

EXPECTED_FILES = {"ja": 120, "en": 30}
EXPECTED_CATEGORIES = {
    "ja_answerable": 240,       # lang ja, answerable, source ja/
    "en_answerable": 40,        # lang en, answerable, source en/
    "crosslingual_en_ja": 120,  # lang en, answerable, source ja/
    "unanswerable_ja": 43,
    "unanswerable_en": 43,
}
# Every item has "split": "tune" or "heldout" (see README, "Tune / held-out split").
#  - answerable: follows the number of its source paragraph (odd -> tune, even -> heldout)
#  - unanswerable ja-u001..010 / en-u001..010: follows the id number (odd -> tune, even -> heldout)
#  - unanswerable ja-u011..028 / en-u011..028 (first near-miss batch): all heldout
#  - unanswerable ja-u029..043 / en-u029..043 (second near-miss batch): all tune
#  Any other unanswerable id number is an error: extend this table when adding a batch.
SPLITS = ("tune", "heldout")
UNANSWERABLE_SPLIT_RULES = [  # (first id number, last id number, rule): "parity", "tune" or "heldout"
    (1, 10, "parity"),
    (11, 28, "heldout"),
    (29, 43, "tune"),
]
EXPECTED_SPLITS = {  # category -> (tune, heldout)
    "ja_answerable": (120, 120),
    "en_answerable": (18, 22),
    "crosslingual_en_ja": (46, 74),
    "unanswerable_ja": (20, 23),
    "unanswerable_en": (20, 23),
}
QUESTIONS_PER_JA_PARAGRAPH = 2  # ja_answerable questions per ja paragraph
BODY_LEN = (200, 600)
GOLD_LEN = (5, 40)
FIELDS = {"id": str, "lang": str, "question": str, "answerable": bool,
          "gold": list, "gold_sources": list, "keywords": list, "forbidden": list,
          "split": str}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def squash(s):
    """Remove all whitespace (incl. full-width spaces) for lenient comparison."""
    return re.sub(r"\s+", "", s)


def parity_split(n):
    return "tune" if n % 2 else "heldout"


def unanswerable_split(n):
    """Expected split of unanswerable item number n, or None if no rule covers n."""
    for lo, hi, rule in UNANSWERABLE_SPLIT_RULES:
        if lo <= n <= hi:
            return parity_split(n) if rule == "parity" else rule
    return None


# ---------------------------------------------------------------- paragraphs
paragraphs = {}  # rel path -> (title, body)
for lang, n in EXPECTED_FILES.items():
    d = os.path.join(ROOT, lang)
    if not os.path.isdir(d):
        err(f"missing directory {lang}/")
        continue
    names = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    expected = [f"{lang}_{i:03d}.txt" for i in range(1, n + 1)]
    if names != expected:
        missing = sorted(set(expected) - set(names))
        extra = sorted(set(names) - set(expected))
        err(f"{lang}/: expected {n} files {expected[0]}..{expected[-1]}; missing={missing} extra={extra}")
    for name in names:
        rel = f"{lang}/{name}"
        try:
            with open(os.path.join(d, name), encoding="utf-8") as f:
                text = f.read()
        except UnicodeDecodeError as e:
            err(f"{rel}: not valid UTF-8 ({e})")
            continue
        if text.startswith("\ufeff"):
            err(f"{rel}: has a BOM")
        lines = text.rstrip("\n").split("\n")
        if len(lines) != 2:
            err(f"{rel}: expected exactly 2 lines (title, paragraph), got {len(lines)}")
        title = lines[0].strip()
        body = "\n".join(lines[1:]).strip()
        if not title:
            err(f"{rel}: empty title line")
        if len(title) > 40:
            err(f"{rel}: title suspiciously long ({len(title)} chars)")
        if not BODY_LEN[0] <= len(body) <= BODY_LEN[1]:
            err(f"{rel}: paragraph length {len(body)} outside {BODY_LEN}")
        paragraphs[rel] = (title, body)

# ---------------------------------------------------------------- qa.jsonl
qa_path = os.path.join(ROOT, "qa.jsonl")
rows = []
try:
    with open(qa_path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                err(f"qa.jsonl:{ln}: blank line")
                continue
            try:
                rows.append((ln, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"qa.jsonl:{ln}: invalid JSON ({e})")
except FileNotFoundError:
    err("qa.jsonl missing")

ids = Counter()
cats = Counter()
split_cats = Counter()  # (category, split)
per_para = defaultdict(Counter)
questions_seen = Counter()

for ln, r in rows:
    where = f"qa.jsonl:{ln} ({r.get('id', '?')})"
    bad = False
    for k, t in FIELDS.items():
        if k not in r:
            err(f"{where}: missing field {k!r}"); bad = True
        elif not isinstance(r[k], t):
            err(f"{where}: field {k!r} should be {t.__name__}"); bad = True
    extra = set(r) - set(FIELDS)
    if extra:
        err(f"{where}: unexpected fields {sorted(extra)}")
    if bad:
        continue
    ids[r["id"]] += 1
    questions_seen[squash(r["question"])] += 1
    if r["lang"] not in ("ja", "en"):
        err(f"{where}: lang must be 'ja' or 'en'")
    if not r["question"].strip():
        err(f"{where}: empty question")
    if r["lang"] == "en" and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", r["question"]):
        err(f"{where}: lang=en but question contains Japanese characters")
    if r["lang"] == "ja" and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", r["question"]):
        err(f"{where}: lang=ja but question has no Japanese characters")
    if not all(isinstance(x, str) for x in r["forbidden"]):
        err(f"{where}: forbidden must be a list of strings")
    if r["split"] not in SPLITS:
        err(f"{where}: split must be one of {SPLITS}, got {r['split']!r}")

    if not r["answerable"]:
        if r["gold"] or r["gold_sources"] or r["keywords"]:
            err(f"{where}: unanswerable item must have empty gold, gold_sources and keywords")
        cat = f"unanswerable_{r['lang']}"
        cats[cat] += 1
        split_cats[(cat, r["split"])] += 1
        m = re.fullmatch(r"(ja|en)-u(\d{3})", r["id"])
        if not m:
            err(f"{where}: unanswerable id should look like ja-u### or en-u###")
        else:
            if m.group(1) != r["lang"]:
                err(f"{where}: id prefix does not match lang {r['lang']!r}")
            n = int(m.group(2))
            want = unanswerable_split(n)
            if want is None:
                err(f"{where}: no split rule covers unanswerable id number {n} (see UNANSWERABLE_SPLIT_RULES)")
            elif r["split"] != want:
                err(f"{where}: split should be {want!r} (unanswerable id number {n})")
        # forbidden strings are distractors taken from the corpus
        for fb in r["forbidden"]:
            if isinstance(fb, str) and not any(squash(fb) in squash(b) for _, b in paragraphs.values()):
                err(f"{where}: forbidden {fb!r} does not occur in any paragraph")
        continue

    # ---- answerable
    srcs = r["gold_sources"]
    if not srcs:
        err(f"{where}: answerable item without gold_sources"); continue
    texts = []
    for s in srcs:
        if s not in paragraphs:
            err(f"{where}: gold source {s!r} does not exist"); continue
        texts.append(paragraphs[s][1])
    if not texts:
        continue
    src_langs = {s.split("/")[0] for s in srcs}
    if len(src_langs) != 1:
        err(f"{where}: mixed-language gold_sources")
    src_lang = src_langs.pop()
    if r["lang"] == "ja" and src_lang == "ja":
        cat = "ja_answerable"
    elif r["lang"] == "en" and src_lang == "en":
        cat = "en_answerable"
    elif r["lang"] == "en" and src_lang == "ja":
        cat = "crosslingual_en_ja"
    else:
        err(f"{where}: unsupported lang/source combination {r['lang']} -> {src_lang}")
        continue
    cats[cat] += 1
    split_cats[(cat, r["split"])] += 1
    for s in srcs:
        per_para[s][cat] += 1
    for s in srcs:
        m = re.search(r"_(\d+)\.txt$", s)
        if m and r["split"] != parity_split(int(m.group(1))):
            err(f"{where}: split {r['split']!r} does not match source {s} "
                f"(odd paragraph -> tune, even -> heldout)")

    if not 1 <= len(r["gold"]) <= 2:
        err(f"{where}: gold must have 1-2 strings")
    for g in r["gold"]:
        if not isinstance(g, str):
            err(f"{where}: gold entries must be strings"); continue
        if not GOLD_LEN[0] <= len(g) <= GOLD_LEN[1]:
            err(f"{where}: gold {g!r} length {len(g)} outside {GOLD_LEN}")
        if not any(squash(g) in squash(t) for t in texts):
            err(f"{where}: gold {g!r} not found in body of {srcs}")
        # ambiguity hint: same gold string in another paragraph
        others = [p for p, (_, b) in paragraphs.items() if p not in srcs and squash(g) in squash(b)]
        if others:
            warn(f"{where}: gold {g!r} also occurs in {others}")
        if squash(g) in squash(r["question"]):
            warn(f"{where}: the whole gold span is copied in the question")

    kws = r["keywords"]
    if not 1 <= len(kws) <= 2:
        err(f"{where}: keywords must have 1-2 groups")
    for grp in kws:
        if not isinstance(grp, list) or not grp or not all(isinstance(k, str) and k for k in grp):
            err(f"{where}: keyword group {grp!r} must be a non-empty list of non-empty strings")
            continue
        if not any(squash(k) in squash(t) for k in grp for t in texts):
            err(f"{where}: no member of keyword group {grp} occurs in {srcs}")
        elif not any(squash(k) in squash(g) for k in grp for g in r["gold"]):
            warn(f"{where}: keyword group {grp} not contained in any gold span")

for i, n in ids.items():
    if n > 1:
        err(f"duplicate id {i!r} ({n}x)")
for q, n in questions_seen.items():
    if n > 1:
        err(f"duplicate question text: {q!r}")

for cat, n in EXPECTED_CATEGORIES.items():
    if cats[cat] != n:
        err(f"category {cat}: expected {n}, got {cats[cat]}")
for cat, (nt, nh) in EXPECTED_SPLITS.items():
    got = (split_cats[(cat, "tune")], split_cats[(cat, "heldout")])
    if got != (nt, nh):
        err(f"category {cat}: expected tune/heldout {nt}/{nh}, got {got[0]}/{got[1]}")

for rel in paragraphs:
    if rel.startswith("ja/"):
        n = per_para[rel]["ja_answerable"]
        if n != QUESTIONS_PER_JA_PARAGRAPH:
            err(f"{rel}: has {n} Japanese questions, expected {QUESTIONS_PER_JA_PARAGRAPH}")
    elif rel.startswith("en/"):
        if per_para[rel]["en_answerable"] < 1:
            err(f"{rel}: no English question")

# ---------------------------------------------------------------- report
print(f"dataset: {ROOT}")
print(f"paragraphs: ja={sum(p.startswith('ja/') for p in paragraphs)} en={sum(p.startswith('en/') for p in paragraphs)}")
for lang in ("ja", "en"):
    ls = [len(b) for p, (_, b) in paragraphs.items() if p.startswith(lang + "/")]
    if ls:
        print(f"  {lang} paragraph length: min={min(ls)} max={max(ls)} mean={sum(ls) / len(ls):.0f}")
print(f"qa items: {len(rows)}")
for cat in EXPECTED_CATEGORIES:
    print(f"  {cat}: {cats[cat]} (expected {EXPECTED_CATEGORIES[cat]}); "
          f"tune={split_cats[(cat, 'tune')]} heldout={split_cats[(cat, 'heldout')]}")
print(f"  split totals: tune={sum(n for (c, sp), n in split_cats.items() if sp == 'tune')} "
      f"heldout={sum(n for (c, sp), n in split_cats.items() if sp == 'heldout')}")
for w in warnings:
    print("WARN", w)
for e in errors:
    print("ERROR", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
