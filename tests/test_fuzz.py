"""A fuzzed corpus for the command line: experiment files, CSVs, saved models and flags.

Every case either runs (exit 0, or 1 for a divergence) or stops with exit 2 and one line on
stderr; an exception escaping main() fails the case. The corpus is drawn from fixed seeds so
a failure names a case that can be run again.
"""
from __future__ import annotations

import json
import random

import pytest
import torch

from playground.cli import main as cli
from playground.config.experiment import Experiment
from playground.training.trainer import Trainer

QUICK = ["--epochs", "1", "--quiet"]
CASES_PER_KIND = 60


def outcome(capsys, argv: list[str]) -> tuple[int, str]:
    code = cli.main(argv)
    _, err = capsys.readouterr()
    return code, err


def assert_runs_or_one_line(code: int, err: str, argv: list[str]) -> None:
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    if code == 2:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("playground: error: "), (argv, err)
        assert len(lines[0]) < 600, (argv, len(lines[0]))


def truncations(rng: random.Random, data: bytes, count: int) -> list[bytes]:
    return [data[:rng.randrange(len(data))] for _ in range(count)]


def byte_flips(rng: random.Random, data: bytes, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        out.append(bytes(mutated))
    return out


# -- experiment files ---------------------------------------------------------------

WRONG_VALUES = [None, True, -1, 0, 1.5, 10**30, 1e308, "", "x" * 5000, [], [1, "a"], {}, {"a": 1}, "\ud800"]


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))
    elif isinstance(value, list) and value:
        for i, item in enumerate(value):
            yield from _leaves(item, path + (i,))
    yield path


def _with_value(document, path, new):
    if not path:
        return new
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = new
    return document


def experiment_corpus() -> list[bytes]:
    rng = random.Random(10)
    small = Experiment().with_changes(**{"data.samples": 40}).to_dict()
    text = json.dumps(small).encode()
    paths = list(_leaves(small))
    wrong_types = []
    for _ in range(CASES_PER_KIND):
        document = json.loads(text)
        path = rng.choice(paths)
        value = rng.choice(WRONG_VALUES)
        wrong_types.append(json.dumps(_with_value(document, path, value)).encode("utf-8", "surrogatepass"))
    odd = [b"[" * 100_000 + b"]" * 100_000, b'{"seed": ' + b"9" * 5000 + b"}", b'{"name": "\\ud800"}',
           b'{"seed": NaN}', b'{"seed": 1e999}', b"\xff\xfe{}", b"", b"null", b'"text"', b"{" + b'"a":1,' * 10 + b"}",
           b'{"data": {"samples": 40, "csv_path": "/dev/zero", "dataset": "csv"}}']
    return truncations(rng, text, CASES_PER_KIND // 2) + byte_flips(rng, text, CASES_PER_KIND // 2) + wrong_types + odd


@pytest.mark.parametrize("index", range(len(experiment_corpus())))
def test_fuzzed_experiment_files(tmp_path, capsys, index):
    path = tmp_path / "experiment.json"
    path.write_bytes(experiment_corpus()[index])
    argv = ["train", "--config", str(path), *QUICK]
    assert_runs_or_one_line(*outcome(capsys, argv), argv)


# -- CSV files -------------------------------------------------------------------------

def csv_corpus() -> list[bytes]:
    rng = random.Random(11)
    rows = ["a,b,label"] + [f"{rng.uniform(-1, 1):.3f},{rng.uniform(-1, 1):.3f},{rng.choice('xy')}" for _ in range(40)]
    text = ("\n".join(rows) + "\n").encode()
    odd = [b"", b"a,b\n", b"a,b,label\n", b"a,a,label\n1,2,x\n", b"a,b,label\n1,2,x\n3,4,x\n", b"a,b,label\n1,nan,x\n2,3,y\n",
           b"a,b,label\n" + b"1," * 50_000 + b"x\n", b"\x00" * 1000, b"a,b,label\n\"1,2,x\n3,4,y\n",
           b"a;b;label\n1;2;x\n", b"a,b,label\n1e999,2,x\n3,4,y\n", b"\xff\xfea,b\n",
           b"a,b,label\n" + b"x" * 300 + b",2,x\n3,4,y\n", b"a,b,label\n1,2,0.5\n3,4,1.5\n5,6,2.25\n"]
    return truncations(rng, text, CASES_PER_KIND // 2) + byte_flips(rng, text, CASES_PER_KIND // 2) + odd


@pytest.mark.parametrize("index", range(len(csv_corpus())))
def test_fuzzed_csv_files(tmp_path, capsys, index):
    path = tmp_path / "data.csv"
    path.write_bytes(csv_corpus()[index])
    argv = ["train", "--csv", str(path), "--hidden", "3", *QUICK]
    assert_runs_or_one_line(*outcome(capsys, argv), argv)


def test_non_regular_files_are_refused_before_reading(capsys):
    for flag in ("--config", "--csv", "--load"):
        code, err = outcome(capsys, ["train", flag, "/dev/zero", *QUICK])
        assert code == 2 and "not a regular file" in err and err.count("\n") == 1


# -- saved models --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def saved_model(tmp_path_factory) -> bytes:
    trainer = Trainer(Experiment().with_changes(device="cpu", **{"data.samples": 40}))
    trainer.train(1)
    path = tmp_path_factory.mktemp("model") / "m.pt"
    trainer.save(path)
    return path.read_bytes()


def model_corpus(data: bytes) -> list[bytes]:
    rng = random.Random(12)
    return truncations(rng, data, CASES_PER_KIND // 2) + byte_flips(rng, data, CASES_PER_KIND // 2) + [b"", b"PK\x03\x04"]


@pytest.mark.parametrize("index", range(CASES_PER_KIND + 2))
def test_fuzzed_saved_models(tmp_path, capsys, saved_model, index):
    path = tmp_path / "m.pt"
    path.write_bytes(model_corpus(saved_model)[index])
    argv = ["train", "--load", str(path), *QUICK]
    assert_runs_or_one_line(*outcome(capsys, argv), argv)


def test_a_saved_model_with_a_field_of_every_wrong_type_is_one_line(tmp_path, capsys, saved_model):
    (tmp_path / "good.pt").write_bytes(saved_model)
    good = torch.load(tmp_path / "good.pt", weights_only=True)
    for key in good:
        for value in (None, 3, -1, "x", [1], {"a": torch.zeros(1)}):
            torch.save({**good, key: value}, tmp_path / "m.pt")
            argv = ["train", "--load", str(tmp_path / "m.pt"), *QUICK]
            assert_runs_or_one_line(*outcome(capsys, argv), argv)


# -- flags -------------------------------------------------------------------------------

FLAG_VALUES = {
    "--dataset": ["circle", "spiral", "nope", ""],
    "--samples": ["-1", "0", "3", "4", "50", "abc", "1e3", "", "9" * 30],
    "--noise": ["0", "0.3", "-0.1", "2", "nan", "inf", "1e400", "x"],
    "--features": ["x1", "x1,x2,x1^2", "x1^99", "x1,x1", "", ",", "sin_x1,z" * 500],
    "--hidden": ["", "4", "8,8", "0", "-3", "a,b", "4097", "1" * 5000, ",,,"],
    "--activation": ["relu", "maxout", "bogus"],
    "--init": ["xavier_uniform", "zeros", "bogus"],
    "--init-scale": ["0", "-1", "1e9", "nan", "0.5"],
    "--dropout": ["0", "0.5", "1", "-0.1", "nan"],
    "--optimizer": ["adam", "sgd", "bogus"],
    "--lr": ["0", "-1", "1e308", "nan", "0.1", "1e-300", "x"],
    "--batch-size": ["0", "1", "-1", "10", "9" * 20, "x"],
    "--l1": ["0", "-1", "11", "0.01"],
    "--l2": ["0", "inf", "0.01"],
    "--weight-decay": ["0", "0.1", "-5"],
    "--clip-norm": ["0", "1", "-1", "1e7"],
    "--schedule": ["cosine", "step", "bogus"],
    "--early-stopping": ["0", "2", "-1", "x"],
    "--seed": ["0", "-1", str(2**40), "x"],
    "--device": ["cpu", "auto", "tpu"],
    "--label": ["label", "nope"],
    "--epochs": ["1", "0", "-1", "2"],
}
SWITCHES = ["--standardize", "--batch-norm"]


def flag_corpus() -> list[list[str]]:
    rng = random.Random(13)
    cases = []
    for _ in range(2 * CASES_PER_KIND):
        argv = ["train", "--samples", "40"]
        for flag in rng.sample(sorted(FLAG_VALUES), rng.randint(1, 5)):
            argv += [flag, rng.choice(FLAG_VALUES[flag])]
        argv += [s for s in SWITCHES if rng.random() < 0.2]
        cases.append(argv + ["--epochs", "1", "--quiet"] if "--epochs" not in argv else argv + ["--quiet"])
    return cases + [["train", "--bogus"], ["train", "--lr"], ["nothing"], ["train", "--config", "a", "--preset", "b"],
                    ["train", "--preset", "no-such-preset"], ["train", "--metrics", "/no/such/folder/m.jsonl"],
                    ["train", "--save", "/"], ["train", "--save", "bad\ud800.pt", "--samples", "40", *QUICK]]


@pytest.mark.parametrize("index", range(len(flag_corpus())))
def test_fuzzed_flags(tmp_path, capsys, monkeypatch, index):
    monkeypatch.chdir(tmp_path)  # a case that saves or writes metrics writes here
    argv = flag_corpus()[index]
    assert_runs_or_one_line(*outcome(capsys, argv), argv)
