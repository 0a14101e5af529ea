"""The cost of only reading and normalizing a corpus: the baseline an extraction benchmark is
compared with. `python -m hudna.text.bench CORPUS.jsonl...` prints the rate of reading +
`normalize_with_offsets`, then of reading + `normalize_with_offsets` + `tokenize` (tokens/s),
a second time (every word's analysis cached), then each reader alone; wall-clock and CPU
seconds (CPU time is the steadier figure on a shared machine).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hudna.errors import InputRejected
from hudna.text.dates import find_dates
from hudna.text.numbers import find_quantities
from hudna.text.offsets import normalize_with_offsets
from hudna.text.sentences import split_sentences
from hudna.text.tokens import tokenize


def _texts(path: Path) -> Iterator[str]:
    if path.suffix != ".jsonl":
        yield path.read_text(encoding="utf-8")
        return
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                yield str(json.loads(line)["text"])
            except (ValueError, KeyError, TypeError) as e:
                raise InputRejected(
                    f"{path}:{number} is not a JSON object with a 'text'",
                    hint="check the corpus file",
                ) from e


def read_and_normalize(paths: Iterable[Path | str]) -> tuple[int, float]:
    """(documents, seconds) to read the files and fold every text with its offset map
    (`normalize_with_offsets`; JSONL: the `text` field of each line; any other file: its whole
    content). Nothing else: the floor any extraction over the same files is compared with."""
    started = time.perf_counter()
    docs = 0
    for path in paths:
        for text in _texts(Path(path)):
            normalize_with_offsets(text)
            docs += 1
    return docs, time.perf_counter() - started


def read_normalize_tokenize(paths: Iterable[Path | str]) -> tuple[int, float, int]:
    """(documents, seconds, words): reading, `normalize_with_offsets` and `tokenize`."""
    started = time.perf_counter()
    docs = words = 0
    for path in paths:
        for text in _texts(Path(path)):
            normalize_with_offsets(text)
            words += len(tokenize(text))
            docs += 1
    return docs, time.perf_counter() - started, words


def readers_cpu(paths: Iterable[Path | str]) -> dict[str, tuple[int, float]]:
    """CPU seconds and whitespace words for each reader over the texts (no publication dates:
    `find_dates` runs with no anchor, which costs the same)."""
    texts = [text for path in paths for text in _texts(Path(path))]
    words = sum(len(text.split()) for text in texts)
    readers: dict[str, Callable[[str], object]] = {
        "split_sentences": split_sentences,
        "find_quantities": find_quantities,
        "find_dates": lambda text: find_dates(text, anchor=None),
    }
    timings: dict[str, tuple[int, float]] = {}
    for name, reader in readers.items():
        cpu = time.process_time()
        for text in texts:
            reader(text)
        timings[name] = (words, time.process_time() - cpu)
    return timings


def _report(label: str, count: int, unit: str, wall: float, cpu: float) -> None:
    rate = count / max(cpu, 1e-9)
    sys.stdout.write(
        f"{label}: {count} {unit}, {wall:.2f} s wall, {cpu:.2f} s CPU ({rate:,.0f} {unit}/s CPU)\n"
    )


def main(argv: list[str]) -> None:
    cpu = time.process_time()
    docs, seconds = read_and_normalize(argv)
    _report("read + normalize", docs, "documents", seconds, time.process_time() - cpu)
    for label in ("read + normalize + tokenize", "again, words already analysed"):
        cpu = time.process_time()
        docs, seconds, words = read_normalize_tokenize(argv)
        _report(label, words, "tokens", seconds, time.process_time() - cpu)
    for name, (words, cpu_seconds) in readers_cpu(argv).items():
        _report(name, words, "words", cpu_seconds, cpu_seconds)


if __name__ == "__main__":
    main(sys.argv[1:])
