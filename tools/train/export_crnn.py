#!/usr/bin/python3
"""Exports a checkpoint to ONNX for edge/engine/crnn_reader.cc and writes the
reference the C++ test compares against.

The graph takes one (1, 1, 32, 160) row and returns (1, 37, 1, 40) class
probabilities, opset 11, fixed shapes: OpenCV DNN loads that without shape
inference surprises. Before writing anything the export is run through
OpenCV DNN here and compared with torch, so a model that OpenCV would
misread is never committed.

Usage: export_crnn.py CHECKPOINT OUT.onnx --reference-row ROW.png --reference-out REF.txt
REF.txt: "classes steps", then one line per step with the probabilities of
classes 0 (blank), '0'..'9', 'A'..'Z' for ROW.png.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import cv2
import numpy as np
import onnx
import torch

import charset
import crnn_model
import evaluate
import row_input

TOLERANCE = 1e-4


def reference_input(path: Path) -> np.ndarray:
    """The reference row as the net's (1, 1, 32, 160) input."""
    row = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if row is None:
        raise SystemExit(f"reference row {path} cannot be read")
    return row_input.row_tensor(row)[None]


def checked_against_opencv(onnx_path: Path, graph: torch.nn.Module, x: np.ndarray) -> tuple[np.ndarray, float]:
    """torch's probabilities for `x` and their largest difference from what
    OpenCV DNN computes with `onnx_path`; exits where that is over TOLERANCE."""
    with torch.no_grad():
        expected = graph(torch.from_numpy(x)).numpy()
    dnn = cv2.dnn.readNetFromONNX(str(onnx_path))
    dnn.setInput(x)
    got = dnn.forward()
    worst = float(np.abs(got - expected).max()) if got.shape == expected.shape else float("inf")
    if worst > TOLERANCE:
        raise SystemExit(f"OpenCV DNN disagrees with torch on {onnx_path}: shapes {got.shape} "
                         f"{expected.shape}, largest difference {worst:.2e}")
    return expected, worst


def kept_if_opencv_agrees(onnx_path: Path, graph: torch.nn.Module, inputs: list[np.ndarray]) -> None:
    """Checks the exported `onnx_path` (onnx's checker, then OpenCV DNN against
    torch on each of `inputs`); deletes it and exits where they disagree."""
    onnx.checker.check_model(onnx.load(str(onnx_path)))
    try:
        worst = max(checked_against_opencv(onnx_path, graph, x)[1] for x in inputs)
    except SystemExit:
        onnx_path.unlink()
        raise
    print(f"wrote {onnx_path} (OpenCV vs torch max difference {worst:.1e})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("onnx", type=Path)
    ap.add_argument("--reference-row", type=Path, required=True)
    ap.add_argument("--reference-out", type=Path, required=True)
    args = ap.parse_args()

    torch.set_num_threads(1)
    graph = crnn_model.CrnnProbabilities(evaluate.load(args.checkpoint)).eval()
    x = reference_input(args.reference_row)
    torch.onnx.export(graph, torch.from_numpy(x), str(args.onnx), opset_version=11,
                      input_names=["row"], output_names=["probs"], do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(args.onnx)))
    expected, worst = checked_against_opencv(args.onnx, graph, x)
    probs = expected[0, :, 0, :].T  # (steps, classes)
    with open(args.reference_out, "w", encoding="utf-8") as f:
        f.write(f"{probs.shape[1]} {probs.shape[0]}\n")
        for step in probs:
            f.write(" ".join(f"{p:.6f}" for p in step) + "\n")
    print(f"{args.onnx}: {args.onnx.stat().st_size} bytes, OpenCV vs torch max diff {worst:.2e}, "
          f"reference row reads {charset.greedy_decode(probs)!r}")


if __name__ == "__main__":
    main()
