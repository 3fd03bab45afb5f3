"""`playground arena`: the list, the JSON object's shape and values, and one-line errors with exit status 2."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from playground.arena import surfaces
from playground.cli import main as cli


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["arena", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_every_function(capsys):
    code, out, _ = run_main(capsys, "--list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(surfaces.NAMES)
    assert "(1 − x)² + 100(y − x²)²" in out


@pytest.mark.parametrize("spelling", [["--start", "-1.5,-0.5"], ["--start=-1.5,-0.5"]])
def test_a_negative_start_is_read_however_it_is_spelt(capsys, spelling):
    code, out, err = run_main(capsys, "--function", "himmelblau", "--steps", "2", *spelling, "--json")
    assert code == 0, err
    assert json.loads(out)["trajectory"][0] == [-1.5, -0.5]


def test_json_has_n_plus_one_points_and_the_function_at_each(capsys):
    code, out, _ = run_main(capsys, "--function", "rosenbrock", "--optimizer", "momentum", "--lr", "2e-4",
                            "--steps", "30", "--start=-1.2,1", "--hyper", "momentum=0.8", "--json")
    assert code == 0
    result = json.loads(out)
    trajectory, loss = np.array(result["trajectory"]), np.array(result["loss"])
    assert trajectory.shape == (31, 2) and loss.shape == (31,)
    assert trajectory[0].tolist() == [-1.2, 1.0]
    x, y = trajectory.T
    np.testing.assert_allclose(loss, (1 - x) ** 2 + 100 * (y - x**2) ** 2, rtol=1e-12)
    # The same run by torch.optim, in float64.
    p = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=2e-4, momentum=0.8)
    for _ in range(30):
        opt.zero_grad()
        ((1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2).backward()
        opt.step()
    np.testing.assert_allclose(trajectory[-1], p.detach().numpy(), rtol=1e-10)


def test_regression_on_a_csv_column(capsys, tmp_path):
    csv = tmp_path / "line.csv"
    csv.write_text("x,y\n" + "".join(f"{i / 4},{3 * i / 4 - 2}\n" for i in range(12)))
    code, out, _ = run_main(capsys, "--function", "regression", "--csv", str(csv), "--optimizer", "adam",
                            "--lr", "0.1", "--steps", "400", "--start", "0,0", "--json")
    assert code == 0
    result = json.loads(out)
    np.testing.assert_allclose(result["trajectory"][-1], [3.0, -2.0], atol=0.05)
    assert result["loss"][-1] < 1e-3 < result["loss"][0]


def test_a_divergence_keeps_the_length_and_says_so(capsys):
    code, out, _ = run_main(capsys, "--function", "rosenbrock", "--lr", "0.05", "--steps", "40", "--json")
    result = json.loads(out)
    assert code == 0 and result["status"] == "diverged" and len(result["trajectory"]) == 41
    assert result["trajectory"][-1] == [None, None]


def test_text_output_is_one_line_per_step(capsys):
    code, out, _ = run_main(capsys, "--function", "saddle", "--optimizer", "adam", "--lr", "0.1", "--steps", "5")
    assert code == 0 and len(out.splitlines()) == 6 and out.splitlines()[0].split()[0] == "0"


@pytest.mark.parametrize(("args", "message"), [
    (["--function", "sphere"], "argument --function: unknown function 'sphere'"),
    (["--optimizer", "adamx"], "argument --optimizer: must be one of 'sgd'"),
    (["--lr", "-1"], "argument --lr: must be greater than 0"),
    (["--start", "9,9"], "argument --start: (9, 9) is outside rosenbrock's plotted range"),
    (["--start", "1"], "argument --start: expected two numbers X,Y"),
    (["--start", "nan,0"], "argument --start: must be a finite number"),
    (["--steps", "0"], "argument --steps: must be between 1"),
    (["--optimizer", "adam", "--hyper", "momentum=0.9"], "argument --hyper: optimizer 'adam' has no hyperparameter"),
    (["--hyper", "momentum"], "argument --hyper: expected NAME=NUMBER"),
    (["--schedule", "step", "--schedule-hyper", "gamma=4"], "argument --schedule-hyper: schedule gamma must be between"),
    (["--lookahead", "0,0.5"], "argument --lookahead: must be greater than or equal to 1"),
    (["--csv", "x.csv"], "argument --csv: only with --function regression"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run_main(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("playground: error: ") and message in err and err.count("\n") == 1
