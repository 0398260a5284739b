"""Job definitions: which steps run, in what order, and which stages are sequential.

`compare.build_report` (the `compare` command: records in, a Report out) and
`ingest.CorpusIngest` (the `ingest` command: a crawl streamed into a store). The steps
themselves live with their domain (`text.prepare`, `claims`, `stories`, `provenance`,
`analysis`, `corpus.work`); where they run is the executors' business (`corroborator.exec`).
"""
