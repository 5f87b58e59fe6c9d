"""What a number measures, read from the words around it: its dimension (height, width, depth...),
its aggregate (average, maximum, total) and its rate (per day, per year).

A passage often holds the right kind of number about the wrong measure: 平均水深は約4メートル for
"how deep is it at its deepest point", 幹川流路延長は367キロメートル for "how wide is the river",
年間約520万人 for "how many visit per day". The answer step asks `measure_conflicts` whether a clause
says its number is a measure of another kind than the question asks for. Only words said outright
count on either side: a clause that names no measure never conflicts.
"""

from __future__ import annotations

import re


def word_family(en: str, ja: str = "") -> re.Pattern[str]:
    """English words (whole words, any case) or Japanese strings that say one thing."""
    return re.compile(r"\b(?:" + en + r")\b" + ("|" + ja if ja else ""), re.I)


# One category each; within a category the members exclude each other (a width is not a length).
DIMENSIONS = {
    "length": word_family(r"long|longer|longest|length|lengths|short|shorter|shortest", r"長さ|延長|全長|体長|流路|長い|最長|短く|短い"),
    "width": word_family(r"wide|wider|widest|width|widths|breadth|broad|across|diameter", r"幅|直径|径"),
    "height": word_family(r"tall|taller|tallest|high|higher|highest|height|heights|elevation|altitude|rises?", r"高さ|標高|海抜|高い"),
    "depth": word_family(r"deep|deeper|deepest|depth", r"深さ|水深|深い|最深"),
    "distance": word_family(r"far|distance|away|(?:north|south|east|west)(?:-?(?:east|west))? of", r"距離|離れ|(?:m|メートル|キロ|km)先"),
    "area": word_family(r"area", r"面積"),
    "volume": word_family(r"volume|capacity", r"体積|容積|貯水量|容量"),
    "weight": word_family(r"weight|weighs?|heavy|heavier|heaviest|mass", r"重さ|体重|質量|重い|重量"),
    "flow": word_family(r"flow|discharge", r"流量"),
    "population": word_family(r"population", r"人口"),
    "speed": word_family(r"speed|fast|faster|fastest", r"速度|速さ|時速|秒速|最速"),
    "concentration": word_family(r"concentration|content", r"濃度|含有|塩分"),
    "share": word_family(r"share|accounts? for|proportion", r"占め|シェア|割合"),
}
AGGREGATES = {
    "average": word_family(r"average|mean|typical", r"平均"),
    "maximum": word_family(r"maximum|max|peak|deepest|highest|tallest|longest|largest|widest|greatest|most", r"最大|最高|最深|最長|最も|一番|いちばん|ピーク"),
    "minimum": word_family(r"minimum|min|lowest|shallowest|shortest|least", r"最小|最低|最短"),
    "total": word_family(r"total|cumulative|combined|altogether", r"合計|累計|総|延べ|全長|全体|全線"),
}
RATES = {
    "day": word_family(r"per day|a day|each day|daily|every day", r"1日|一日|毎日|日平均|日あたり"),
    "year": word_family(r"per year|a year|each year|annual|annually|yearly|every year", r"年間|毎年|年平均"),
    "second": word_family(r"per second|each second", r"毎秒|秒間"),
    "hour": word_family(r"per hour|an hour|each hour|hourly", r"時速|毎時"),
}
_CATEGORIES = {"dimension": DIMENSIONS, "aggregate": AGGREGATES, "rate": RATES}
# "How long did it take": a time, not a length.
_HOW_LONG = re.compile(r"\bhow long\b", re.I)


def _said(category: dict[str, re.Pattern[str]], text: str) -> set[str]:
    return {name for name, pattern in category.items() if pattern.search(text)}


def measure_conflicts(question: str, clause: str, unit: str | None = None) -> list[tuple[str, set[str], set[str]]]:
    """Each category in which the question asks for one measure and the clause names only others:
    (category, asked, said). Empty when the clause may well answer."""
    if unit != "length":
        question = _HOW_LONG.sub(" ", question)
    out = []
    for name, category in _CATEGORIES.items():
        if name == "dimension" and unit in ("time", "year"):
            continue
        asked, said = _said(category, question), _said(category, clause)
        if asked and said and not asked & said:
            out.append((name, asked, said))
    return out
