"""Loss landscapes of the live model: the training loss on a plane through its weights (Li et al. 2018).

A plane is an origin θ (the weights now) and two directions d1, d2 in weight
space; the landscape is L(θ + α·d1 + β·d2) over a grid of α and β. The
directions are either random and filter-normalized (each output unit's row of
d scaled to the norm of that row of θ, biases and other 1-D parameters left
out, as Li et al. do, so that planes of differently scaled networks compare),
or the first two principal components of the weight path training took, with
the path projected onto them.

Every grid point is one set of weights, and a whole chunk of them is evaluated
at once: torch.func.functional_call under vmap, over the same training inputs
and in eval mode, as Trainer.evaluate measures the training loss — so the
centre of the plane is the loss the window shows.
"""
from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch.func import functional_call, vmap

from playground.config import presets
from playground.config.experiment import ExperimentError
from playground.nn.model import data_loss
from playground.training.trainer import Trainer

MIN_RESOLUTION, MAX_RESOLUTION = 3, 201
# Activations one vmapped call may hold (grid points × training rows × widest layer): 4 MB of float32, which
# stays in cache; on the spiral net chunks of this size ran 1.4 times faster than one call over all 961 points.
CHUNK_ELEMENTS = 2**20


@dataclass(frozen=True)
class Landscape:
    alpha: np.ndarray        # [R] coefficients of d1, 0 included
    beta: np.ndarray         # [R] coefficients of d2, 0 included
    loss: np.ndarray         # [R, R]: row i over beta[i], column j over alpha[j]
    centre_loss: float       # the training loss at the origin
    trajectory: np.ndarray   # [T, 2]: the weight path projected on the plane (empty for random directions)
    kind: str                # "random" or "pca"

    def to_json(self) -> dict:
        finite = lambda a: np.where(np.isfinite(a), a, np.nan).tolist()
        return {"kind": self.kind, "alpha": self.alpha.tolist(), "beta": self.beta.tolist(),
                "loss": [[v if np.isfinite(v) else None for v in row] for row in self.loss.tolist()],
                "centre_loss": self.centre_loss, "trajectory": finite(self.trajectory)}


def check_resolution(resolution: int) -> int:
    if not MIN_RESOLUTION <= resolution <= MAX_RESOLUTION:
        raise ExperimentError(f"resolution: must be between {MIN_RESOLUTION} and {MAX_RESOLUTION}, got {resolution}")
    return resolution


def axis(resolution: int, span: float) -> np.ndarray:
    """resolution coefficients from -span with exactly 0 among them (and +span when resolution is odd)."""
    half = resolution // 2
    return span * (np.arange(resolution) - half) / half


def record_path(trainer: Trainer, epochs: int) -> np.ndarray:
    """Train `epochs` more epochs; the flat weights before and after each one, [epochs + 1, P]."""
    path = [flat(parameters(trainer)).cpu().double().numpy()]
    trainer.train(trainer.epoch + epochs, lambda t: path.append(flat(parameters(t)).cpu().double().numpy()))
    return np.stack(path)


def parameters(trainer: Trainer) -> dict[str, torch.Tensor]:
    return {name: p.detach() for name, p in trainer.net.named_parameters()}


def flat(params: dict[str, torch.Tensor]) -> torch.Tensor:
    return torch.cat([p.reshape(-1) for p in params.values()])


def unflat(vector: torch.Tensor, like: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """A flat vector (or a batch of them, [..., P]) as parameters shaped like `like`."""
    out, at = {}, 0
    for name, p in like.items():
        out[name] = vector[..., at:at + p.numel()].reshape(*vector.shape[:-1], *p.shape)
        at += p.numel()
    return out


def filter_normalized(params: dict[str, torch.Tensor], generator: torch.Generator) -> dict[str, torch.Tensor]:
    """A Gaussian direction whose every row (one unit's incoming weights) has the norm of that row of the weights."""
    direction = {}
    for name, p in params.items():
        if p.dim() <= 1:  # biases, batch norm's scale and shift, PReLU's slopes: not perturbed (Li et al.)
            direction[name] = torch.zeros_like(p)
            continue
        d = torch.randn(p.shape, generator=generator, dtype=p.dtype).to(p.device)
        rows, weight_rows = d.reshape(d.shape[0], -1), p.reshape(p.shape[0], -1)
        scale = weight_rows.norm(dim=1, keepdim=True) / rows.norm(dim=1, keepdim=True).clamp_min(1e-12)
        direction[name] = (rows * scale).reshape(p.shape)
    return direction


def random_plane(trainer: Trainer, resolution: int = 31, span: float = 1.0, seed: int = 0,
                 path: np.ndarray | None = None, should_stop: Callable[[], bool] = lambda: False,
                 progress: Callable[[float], None] = lambda fraction: None) -> Landscape:
    """The training loss on a plane through the weights now, along two filter-normalized random directions;
    a weight path [T, P], if given, is projected on the plane (least squares: the directions are not orthogonal)."""
    check_resolution(resolution)
    params = parameters(trainer)
    generator = torch.Generator().manual_seed(seed)
    origin = flat(params)
    d1, d2 = flat(filter_normalized(params, generator)), flat(filter_normalized(params, generator))
    alpha = beta = axis(resolution, span)
    loss = plane_losses(trainer, origin, d1, d2, alpha, beta, should_stop, progress)
    trajectory = np.zeros((0, 2))
    if path is not None and len(path):
        basis = torch.stack([d1, d2], dim=1).cpu().double().numpy()
        centred = np.asarray(path, dtype=np.float64) - origin.cpu().double().numpy()
        trajectory = np.linalg.lstsq(basis, centred.T, rcond=None)[0].T
    return Landscape(alpha, beta, loss, trainer.evaluate("train")[0], trajectory, "random")


def pca_plane(trainer: Trainer, path: np.ndarray, resolution: int = 31, margin: float = 0.25,
              should_stop: Callable[[], bool] = lambda: False,
              progress: Callable[[float], None] = lambda fraction: None) -> Landscape:
    """The plane of the first two principal components of the weight path [T, P] (flat, as flat() orders them),
    through the weights now, with the path projected on it; the grid covers the path with a margin."""
    check_resolution(resolution)
    params = parameters(trainer)
    origin = flat(params)
    path = np.asarray(path, dtype=np.float64)
    if path.ndim != 2 or path.shape[1] != origin.numel() or path.shape[0] < 3:
        raise ExperimentError("landscape: the weight path needs at least three recorded epochs of this network")
    centred = path - origin.cpu().double().numpy()
    # The principal directions of the path around where it ended (Li et al. §7): the top right singular vectors.
    _, _, vt = np.linalg.svd(centred - centred.mean(axis=0), full_matrices=False)
    d1, d2 = (torch.as_tensor(v, dtype=origin.dtype, device=origin.device) for v in vt[:2])
    trajectory = centred @ vt[:2].T
    reach = np.abs(trajectory).max(axis=0) * (1 + margin)
    reach = np.where(reach > 0, reach, 1.0)
    alpha, beta = axis(resolution, float(reach[0])), axis(resolution, float(reach[1]))
    loss = plane_losses(trainer, origin, d1, d2, alpha, beta, should_stop, progress)
    return Landscape(alpha, beta, loss, trainer.evaluate("train")[0], trajectory, "pca")


@torch.no_grad()
def plane_losses(trainer: Trainer, origin: torch.Tensor, d1: torch.Tensor, d2: torch.Tensor, alpha: np.ndarray,
                 beta: np.ndarray, should_stop: Callable[[], bool] = lambda: False,
                 progress: Callable[[float], None] = lambda fraction: None) -> np.ndarray:
    """L(origin + a·d1 + b·d2) for every (b, a) of the grid, a chunk of grid points per vmapped call; NaN where
    the job stopped first."""
    net, task = trainer.net, trainer.task
    net.set_training(False)
    like = parameters(trainer)
    buffers = {name: b.detach() for name, b in net.named_buffers()}
    x, y = trainer.x["train"], trainer.y["train"]
    loss_at = lambda p: data_loss(task, functional_call(net, (p, buffers), (x,)), y, net.loss)
    batched = vmap(loss_at)
    a, b = np.meshgrid(alpha, beta)
    coefficients = torch.as_tensor(np.stack([a.ravel(), b.ravel()], axis=1), dtype=origin.dtype, device=origin.device)
    out = np.full(coefficients.shape[0], np.nan)
    widest = max(p.shape[0] for p in like.values())
    chunk = max(1, CHUNK_ELEMENTS // max(1, x.shape[0] * widest))
    for start in range(0, len(out), chunk):
        if should_stop():
            break
        c = coefficients[start:start + chunk]
        points = origin + c[:, :1] * d1 + c[:, 1:] * d2
        out[start:start + len(c)] = batched(unflat(points, like)).cpu().numpy()
        progress((start + len(c)) / len(out))
    return out.reshape(len(beta), len(alpha))


@torch.no_grad()
def plane_losses_one_by_one(trainer: Trainer, origin: torch.Tensor, d1: torch.Tensor, d2: torch.Tensor,
                            alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """The same grid the slow way, a load_state_dict and a forward pass per point: the bench's reference."""
    net = copy.deepcopy(trainer.net)
    net.set_training(False)
    like = parameters(trainer)
    buffers = {name: b.detach() for name, b in net.named_buffers()}
    x, y = trainer.x["train"], trainer.y["train"]
    out = np.empty((len(beta), len(alpha)))
    for i, b in enumerate(beta):
        for j, a in enumerate(alpha):
            net.load_state_dict({**unflat(origin + a * d1 + b * d2, like), **buffers})
            out[i, j] = data_loss(trainer.task, net(x), y, net.loss).item()
    return out


def path_from_layers(trainer: Trainer, records: list[list[tuple[np.ndarray, np.ndarray]]]) -> np.ndarray:
    """Flat weight vectors [T, P] from per-epoch (weights, bias) of each linear layer, as the window's snapshots
    carry them; the other parameters (batch norm, PReLU) are taken as they are now."""
    now = parameters(trainer)
    names = {id(p): name for name, p in trainer.net.named_parameters()}
    linears = [(names[id(linear.weight)], names[id(linear.bias)]) for linear in trainer.net.linears()]
    path = []
    for record in records:
        params = dict(now)
        for (weight_name, bias_name), (weight, bias) in zip(linears, record, strict=True):
            params[weight_name] = torch.as_tensor(weight).reshape(now[weight_name].shape)
            params[bias_name] = torch.as_tensor(bias).reshape(now[bias_name].shape)
        path.append(flat({k: v.detach().cpu().double() for k, v in params.items()}).numpy())
    return np.stack(path) if path else np.zeros((0, flat(now).numel()))


def live_plane(trainer: Trainer, kind: str, resolution: int, records: list) -> Landscape | str:
    """The window's job for the session's call(), between two training steps: a random or PCA plane through the
    live weights, with the path the window recorded (see path_from_layers) projected on it. A bad request comes
    back as its one-line message, not raised: a job that raises puts the session in its error state."""
    try:
        path = path_from_layers(trainer, records)
        if kind == "pca":
            return pca_plane(trainer, path, resolution)
        return random_plane(trainer, resolution, seed=trainer.experiment.seed, path=path)
    except ExperimentError as error:
        return str(error)


BENCH_RESOLUTION = 31


def landscape_throughput(resolution: int = BENCH_RESOLUTION) -> dict:
    """`playground bench`'s landscape numbers: a resolution² slice of the spiral preset's untrained net, batched
    against one load_state_dict + forward pass per point (landscape_ratio: how many times faster batched is)."""
    trainer = Trainer(presets.load("spiral"))
    params = parameters(trainer)
    generator = torch.Generator().manual_seed(0)
    origin, d1, d2 = flat(params), *(flat(filter_normalized(params, generator)) for _ in range(2))
    grid = axis(resolution, 1.0)
    # Warm up at full size: vmap's first call traces, and the first chunk of a size allocates its activations.
    plane_losses(trainer, origin, d1, d2, grid, grid)
    started = time.perf_counter()
    plane_losses(trainer, origin, d1, d2, grid, grid)
    batched = time.perf_counter() - started
    started = time.perf_counter()
    plane_losses_one_by_one(trainer, origin, d1, d2, grid, grid)
    one_by_one = time.perf_counter() - started
    points = resolution * resolution
    return {"landscape_points": points, "landscape_points_per_s": points / batched,
            "landscape_point_by_point_per_s": points / one_by_one, "landscape_ratio": one_by_one / batched}
