#!/usr/bin/python3
"""A trainable checkpoint from an exported reader model (models/plate_crnn.onnx).

Checkpoints are not kept in the repository, and export folds each batch norm
into its convolution, so the ONNX file holds convolution weights and biases
only. To train on from the committed model, each fused convolution goes back
into the net's convolution and its batch norm is set to the statistics that
convolution's output has on training-like inputs (rows and whole plates of an
indexed folder, drawn as train_crnn.py draws them), with scale and shift
chosen so that in evaluation the layer computes exactly what the exported one
does: std * (x - mean) / std + mean + bias = x + bias. Training then starts
from the exported model with batch statistics that match its inputs.

Usage: onnx_to_checkpoint.py MODEL.onnx --train DIR --reference-row PNG OUT.pt
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

import crnn_model
import export_crnn
import row_data

CALIBRATION_INPUTS = 1024


def fused_convolutions(model: onnx.ModelProto) -> list[tuple[np.ndarray, np.ndarray]]:
    """(weight, bias) of every Conv node, in graph order."""
    weights = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    return [(weights[n.input[1]], weights[n.input[2]]) for n in model.graph.node if n.op_type == "Conv"]


@torch.no_grad()
def unfold(net: crnn_model.Crnn, fused: list[tuple[np.ndarray, np.ndarray]], x: torch.Tensor) -> None:
    """Loads `fused` into `net`, calibrating each batch norm on `x` in turn."""
    layers = list(net.body)
    convs = [i for i, m in enumerate(layers) if isinstance(m, nn.Conv2d)]
    if len(convs) != len(fused):
        raise SystemExit(f"the model has {len(fused)} convolutions, the net {len(convs)}")
    net.eval()
    for i, (weight, bias) in zip(convs, fused):
        conv = layers[i]
        if tuple(conv.weight.shape) != weight.shape:
            raise SystemExit(f"layer {i}: model weight {weight.shape}, net {tuple(conv.weight.shape)}")
        conv.weight.copy_(torch.tensor(weight))
        if conv.bias is not None:
            conv.bias.copy_(torch.tensor(bias))
            continue
        norm = layers[i + 1]
        out = nn.Sequential(*layers[:i + 1])(x)
        mean, var = out.mean(dim=(0, 2, 3)), out.var(dim=(0, 2, 3)).clamp_min(1e-6)
        norm.running_mean.copy_(mean)
        norm.running_var.copy_(var - norm.eps)
        norm.weight.copy_(var.sqrt())
        norm.bias.copy_(mean + torch.tensor(bias))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--train", type=Path, required=True, help="an indexed anpr-synth plates folder")
    ap.add_argument("--reference-row", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    torch.set_num_threads(1)
    rows = row_data.RowSet(args.train)
    x, _, _ = row_data.batch(rows, CALIBRATION_INPUTS, np.random.default_rng(args.seed),
                             row_data.Mix(plate=0.4, grown=0.13))
    net = crnn_model.Crnn()
    unfold(net, fused_convolutions(onnx.load(str(args.model))), torch.from_numpy(x))

    _, worst = export_crnn.checked_against_opencv(args.model, crnn_model.CrnnProbabilities(net).eval(),
                                                  export_crnn.reference_input(args.reference_row))
    torch.save({"model": net.state_dict(), "step": 0, "args": {"from": str(args.model)}}, args.out)
    print(f"{args.out}: from {args.model}, torch vs OpenCV DNN max diff {worst:.2e}")


if __name__ == "__main__":
    main()
